#pragma once

#include "TextDiff.h"
#include "domain/Result.h"

#include <QDate>
#include <QJsonObject>

class QTextStream;

namespace workbench::diff {

// GNU-style unified diff (3 lines of context, "\ No newline at end of file").
QString unified(const Result& diff, const QString& oldLabel, const QString& newLabel,
                int context = 3);

// The operations (with the text of deletions and insertions), the rows with
// their changed words, and the summary. Offsets are UTF-16 code units.
// Written element by element: memory stays that of the diff itself.
void writeJson(const Result& diff, QTextStream& out);
// The same as a QJsonObject, for small texts.
QJsonObject toJson(const Result& diff);

// One side of a redline, for its header.
struct VersionLabel
{
    QString title;  // "LabelSets Privacy Policy"
    QString status; // "published", "draft", "file"
    QDate publishedOn;
    QDate effectiveOn;
    QString source; // a file name, when compared with one

    QString describe() const;
};

// A redline for legal review: the new text with deletions struck through
// and insertions underlined, under a header naming both versions; `footer`
// (the audit head, when there is a workspace) closes it.
QString redlineHtml(const Result& diff, const VersionLabel& oldVersion,
                    const VersionLabel& newVersion, QDate generatedOn,
                    const QString& footer = QString());
Status writeRedlinePdf(const QString& html, const QString& path);

} // namespace workbench::diff
