#pragma once

#include "PolicyExtract.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace workbench {
class ProcessorCatalogue;
}

namespace workbench::policy {

enum class FindingKind
{
    UnknownProcessor,     // the text names a processor the registry lacks
    InactiveProcessor,    // ... one the registry has offboarded or not for this organization
    UndisclosedProcessor, // an active processor the text names neither by name nor by category
    PeriodMismatch,       // the text states a period the rules do not
    RetentionWithoutRule, // the text states a period for data no rule covers
    RuleNotMentioned,     // a rule the text says nothing about
};
QString findingKindName(FindingKind kind);

struct Finding
{
    FindingKind kind;
    QString message;     // one line: what is wrong
    QString explanation; // why it matters / what to do
    TextRange sentence;  // empty length: not tied to the text
    // "processors", "retention-rules", "catalogue" (a name the catalogue
    // knows), "organisation" (one it does not) or empty
    QString recordType;
    QString recordId; // or the catalogue name
};

struct LintInput
{
    QString organizationId;
    QList<Processor> processors; // the whole registry
    QList<RetentionRule> rules;  // the organization's
    QStringList notProcessors;   // names the officer noted are not processors
    QStringList dismissedNames;  // unknown names the officer dismissed for this document
    const ProcessorCatalogue* catalogue = nullptr;
};

struct LintReport
{
    Extraction extraction;
    std::vector<Finding> findings;

    // The extraction's members and the findings, element by element.
    void writeJson(QTextStream& out, QStringView text) const;
    QJsonObject toJson(QStringView text) const;
};

LintReport lintPolicy(QStringView text, const LintInput& input);

// Equal lengths, whatever the unit they are written in (P2W and P14D,
// PT72H and P3D, P1Y and P12M).
bool samePeriod(const IsoDuration& a, const IsoDuration& b);

} // namespace workbench::policy
