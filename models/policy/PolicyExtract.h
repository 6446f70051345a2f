#pragma once

#include "PolicyText.h"
#include "domain/IsoDuration.h"
#include "domain/Records.h"

#include <QJsonObject>
#include <QList>
#include <optional>
#include <vector>

class QTextStream;

namespace workbench {
class ProcessorCatalogue;
class JsonWriter;
} // namespace workbench

namespace workbench::policy {

// The names to look for: the registry's processors (names and aliases, any
// case) and the catalogue's (as written when the name is a common word).
class NameMatcher
{
public:
    NameMatcher(const QList<Processor>& registry, const ProcessorCatalogue* catalogue,
                const QStringList& ignoredNames = {});

    struct Hit
    {
        TextRange range;
        int processor = -1;      // index into the registry list, or
        int catalogueEntry = -1; // index into the catalogue
    };
    // Whole words, longest name first where names overlap ("Vercel
    // Analytics" over "Vercel"); a registry processor wins over the catalogue.
    std::vector<Hit> find(QStringView text) const;

private:
    struct Variant
    {
        QString text;
        bool matchCase;
        int processor;
        int catalogueEntry;
    };
    QMultiHash<QString, int> m_byFirstWord; // folded first word -> variant
    std::vector<Variant> m_variants;
};

// A processor the text names.
struct ProcessorMention
{
    QString name;    // the registry's or catalogue's name
    QString matched; // as written in the text
    TextRange range;
    TextRange sentence;
    QString processorId;    // empty when the registry lacks it
    QString category;       // catalogue category key
    QString role;           // what the sentence says it does ("login provider", ...)
    bool known = false;     // the registry or the catalogue holds the name
    bool affiliate = false; // a parent or group company
};

enum class DurationUse
{
    Retention,
    ResponseDeadline,
    NoticePeriod,
    AgeLimit,
    LookBack,
    Other
};
QString durationUseName(DurationUse use);

// How long the text says something is kept: a period ("for 90 days") or a
// kind when no length is given ("for as long as your account is active").
enum class RetentionKind
{
    FixedPeriod,
    AccountLifetime,
    LegalHold,
    PurposeBound,
    UntilUserDeletes,
    NotRetained, // "we do not store ..."
    Unspecified
};
QString retentionKindName(RetentionKind kind);

enum class Qualifier
{
    Exact,
    AtMost,
    Approximately
};
QString qualifierName(Qualifier q);

struct RetentionStatement
{
    TextRange sentence;
    TextRange durationRange; // empty without a period
    std::optional<IsoDuration> period;
    RetentionKind kind = RetentionKind::Unspecified;
    Qualifier qualifier = Qualifier::Exact;
    QString appliesTo; // what is kept, as the text says it
};

// A duration that is not a retention period: a response deadline, a notice
// period, an age limit, a look-back window.
struct OtherDuration
{
    TextRange sentence;
    TextRange range;
    std::optional<IsoDuration> duration;
    DurationUse use = DurationUse::Other;
};

struct Extraction
{
    std::vector<TextRange> sentences;
    std::vector<ProcessorMention> processors;
    std::vector<RetentionStatement> retention;
    std::vector<OtherDuration> otherDurations;
    QStringList owner; // the policy owner's names, as the text writes them

    // Streams the members (processors, retention, not_retention_durations,
    // offsets) into an object the caller has begun.
    void writeJsonMembers(JsonWriter& json, QStringView text) const;
    // The whole object, element by element (big texts never build a tree).
    void writeJson(QTextStream& out, QStringView text) const;
    // The same as a QJsonObject, for small texts.
    QJsonObject toJson(QStringView text) const;
};

Extraction extract(QStringView text, const NameMatcher& names, const QList<Processor>& registry,
                   const ProcessorCatalogue* catalogue);

} // namespace workbench::policy
