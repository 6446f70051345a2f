#pragma once

#include "PolicyExtract.h"
#include "domain/Result.h"

#include <QJsonObject>
#include <QStringList>

class QTextStream;

namespace workbench {
class ProcessorCatalogue;
}

namespace workbench::policy {

// How the extractor does against a hand-labelled policy (the label format
// of tests/data/extract-devset/README.md).
//
// Processors: recall over the third parties labelled `clear`; precision
// over the distinct names the extractor reports, each name once. A name
// counts as right when it is a clear third party's name or alias, as
// neither right nor wrong when it is a borderline third party's or an
// affiliate's, and as wrong otherwise (the owner, a regulator, a law...).
// Retention: recall over the statements labelled with a length (found when
// a reported period of that length lies in the same sentence); precision
// over the reported periods (right when the sentence holds a labelled
// retention statement); and the labelled not-retention durations that were
// reported as retention (the target is none).
struct ExtractScore
{
    QString service;
    int clearTotal = 0;
    int clearFound = 0;
    int namesReported = 0; // distinct
    int namesRight = 0;
    int namesNeutral = 0;
    int namesWrong = 0;
    int periodsLabelled = 0;
    int periodsFound = 0;
    int periodsReported = 0;
    int periodsRight = 0;
    int notRetentionAsRetention = 0;
    QStringList owner; // as the extractor saw it
    QStringList missedNames, wrongNames, missedPeriods, wrongPeriods;

    double processorRecall() const;
    double processorPrecision() const;
    double retentionRecall() const;
    double retentionPrecision() const;
    ExtractScore& operator+=(const ExtractScore& other);
};

ExtractScore scoreExtraction(const QJsonObject& labels, QStringView text, const Extraction& ex);

// Every label file of a labelled set (DIR/labels/*.json, each naming its
// policy relative to DIR), extracted with the catalogue and scored.
Result<QList<ExtractScore>> scoreLabelledSet(const QString& dir,
                                             const ProcessorCatalogue* catalogue);

// The table: one row per policy and the total; with `details`, what was
// missed and what was wrong.
void printScores(QTextStream& out, const QList<ExtractScore>& scores, bool details);

} // namespace workbench::policy
