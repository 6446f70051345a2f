#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QString>

namespace workbench {

// A letter or notification as plain text: a title and paragraphs separated
// by blank lines. Written by the small renderers below, each file readable
// by its owner only (drafts describe an incident).
//
// (The request letters have a writer of their own; the two should share one.)
struct DraftText
{
    QString title;
    QString body;
    QString from; // e-mail address of the sender (the .eml From)
    QString to;   // e-mail address of the recipient, if known
};

// PDF (A4, via QTextDocument).
Status writeDraftPdf(const DraftText& draft, const QString& path);
// DOCX (the annex writer's WordprocessingML).
Status writeDraftDocx(const DraftText& draft, const QString& path);
// An RFC 5322 message, text/plain in UTF-8, to open in a mail program.
QByteArray draftToEml(const DraftText& draft, const QDateTime& date);
Status writeDraftEml(const DraftText& draft, const QString& path, const QDateTime& date);
// By the file's suffix: .pdf, .docx or .eml.
Status writeDraft(const DraftText& draft, const QString& path, const QDateTime& date);

} // namespace workbench
