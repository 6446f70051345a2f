#include "PolicyLint.h"

#include "ExtractParts.h"
#include "JsonWriter.h"
#include "ProcessorCatalogue.h"
#include "domain/Resources.h"
#include "domain/Retention.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <cmath>

namespace workbench::policy {

namespace {

constexpr double MatchShare = 0.6;

// The translation context of this file's messages (the catalogues know it
// by this name).
struct PolicyLint
{
    Q_DECLARE_TR_FUNCTIONS(PolicyLint)
};

bool servesOrganization(const Processor& p, const QString& org)
{
    return p.organizationIds.contains(org);
}

// Is the category named in a sentence that speaks of someone else doing it
// ("a managed database provider", "third-party payment processing")?
bool categoryDisclosed(const ProcessorCategory& category, QStringView text,
                       const std::vector<TextRange>& sentences)
{
    static const char* thirdParty[] = {"provider",  "third-party", "third party", "processor",
                                       "service",   "vendor",      "partner",     "processing",
                                       "processed", "services"};
    for (const TextRange& s : sentences) {
        const QStringView sentence = text.mid(s.pos, s.length);
        bool keyword = false;
        for (const QString& k : category.keywords)
            if (findWholeWord(sentence, k, Qt::CaseInsensitive) >= 0) {
                keyword = true;
                break;
            }
        if (!keyword)
            continue;
        for (const char* t : thirdParty)
            if (findWholeWord(sentence, QString::fromLatin1(t), Qt::CaseInsensitive) >= 0)
                return true;
    }
    return false;
}

QString ruleLabel(const RetentionRule& rule)
{
    return QStringLiteral("%1 (%2)").arg(rule.dataCategory, describePeriod(rule));
}

} // namespace

QString findingKindName(FindingKind kind)
{
    switch (kind) {
    case FindingKind::UnknownProcessor:
        return QStringLiteral("unknown_processor");
    case FindingKind::InactiveProcessor:
        return QStringLiteral("inactive_processor");
    case FindingKind::UndisclosedProcessor:
        return QStringLiteral("undisclosed_processor");
    case FindingKind::PeriodMismatch:
        return QStringLiteral("period_mismatch");
    case FindingKind::RetentionWithoutRule:
        return QStringLiteral("retention_without_rule");
    case FindingKind::RuleNotMentioned:
        return QStringLiteral("rule_not_mentioned");
    }
    return {};
}

bool samePeriod(const IsoDuration& a, const IsoDuration& b)
{
    return a == b || std::abs(a.approximateSeconds() - b.approximateSeconds()) < 3600;
}

LintReport lintPolicy(QStringView text, const LintInput& input)
{
    LintReport report;
    const NameMatcher names(input.processors, input.catalogue, input.notProcessors);
    report.extraction = extract(text, names, input.processors, input.catalogue);
    const Extraction& ex = report.extraction;
    auto quote = [text](const TextRange& r) {
        return text.mid(r.pos, r.length).toString();
    };

    // Processors the text names.
    QSet<QString> named;
    QSet<QString> reported;
    for (const ProcessorMention& m : ex.processors) {
        if (!m.processorId.isEmpty()) {
            named.insert(m.processorId);
            const Processor* p = nullptr;
            for (const Processor& candidate : input.processors)
                if (candidate.id == m.processorId)
                    p = &candidate;
            const bool serves = servesOrganization(*p, input.organizationId);
            if ((p->status != ProcessorStatus::Offboarded && serves) || reported.contains(p->id))
                continue;
            reported.insert(p->id);
            report.findings.push_back(
                {FindingKind::InactiveProcessor,
                 p->status == ProcessorStatus::Offboarded
                     ? PolicyLint::tr("The policy names %1, which the registry has offboarded.")
                           .arg(p->name)
                     : PolicyLint::tr(
                           "The policy names %1, which the registry does not list for this "
                           "organization.")
                           .arg(p->name),
                 PolicyLint::tr(
                     "Remove the name from the policy, or bring the registry up to date."),
                 m.sentence, resource::processors, p->id});
            continue;
        }
        const QString key = detail::normalisedName(m.name);
        const bool dismissed =
            std::any_of(input.dismissedNames.begin(), input.dismissedNames.end(),
                        [&key](const QString& d) { return detail::normalisedName(d) == key; });
        if (reported.contains(key) || dismissed)
            continue;
        reported.insert(key);
        report.findings.push_back(
            {FindingKind::UnknownProcessor,
             m.known ? PolicyLint::tr("The policy names %1, which the registry does not hold.")
                           .arg(m.name)
                     : PolicyLint::tr("The policy names %1 (%2), which the registry does not "
                                      "hold and the catalogue does not know.")
                           .arg(m.name, m.role),
             PolicyLint::tr(
                 "Add %1 to the registry (with its DPA and transfer mechanism), or take it out of "
                 "the policy.")
                 .arg(m.name),
             m.sentence, m.known ? QStringLiteral("catalogue") : QStringLiteral("organisation"),
             m.name});
    }

    // Active processors the text does not disclose.
    for (const Processor& p : input.processors) {
        if (!servesOrganization(p, input.organizationId) || p.status != ProcessorStatus::Active ||
            named.contains(p.id))
            continue;
        if (!p.parentId.isEmpty())
            continue; // a sub-processor is disclosed through its processor's terms
        const QString categoryKey = input.catalogue ? input.catalogue->categoryOf(p) : QString();
        const ProcessorCategory* category =
            input.catalogue ? input.catalogue->category(categoryKey) : nullptr;
        if (category && categoryDisclosed(*category, text, ex.sentences))
            continue;
        report.findings.push_back(
            {FindingKind::UndisclosedProcessor,
             category
                 ? PolicyLint::tr(
                       "%1 is active in the registry, but the policy names neither it nor its "
                       "category (%2).")
                       .arg(p.name, category->label)
                 : PolicyLint::tr("%1 is active in the registry, but the policy does not name it.")
                       .arg(p.name),
             PolicyLint::tr(
                 "Recipients or their categories must be disclosed (GDPR Art. 13(1)(e)): name the "
                 "processor or describe what it does for you."),
             TextRange{0, 0}, resource::processors, p.id});
    }

    // Retention statements against the rules.
    std::vector<QSet<QString>> ruleWords;
    for (const RetentionRule& r : input.rules)
        ruleWords.push_back(contentWords(r.dataCategory));
    std::vector<bool> mentioned(size_t(input.rules.size()), false);
    for (const RetentionStatement& s : ex.retention) {
        const QSet<QString> sentenceWords = contentWords(quote(s.sentence));
        const QSet<QString> subjectWords = contentWords(s.appliesTo);
        std::vector<int> bySubject, bySentence;
        for (int i = 0; i < input.rules.size(); ++i) {
            if (coverage(ruleWords[size_t(i)], sentenceWords) >= MatchShare) {
                mentioned[size_t(i)] = true;
                bySentence.push_back(i);
            }
            if (coverage(ruleWords[size_t(i)], subjectWords) >= MatchShare)
                bySubject.push_back(i);
        }
        if (!s.period)
            continue;
        bool agrees = false;
        for (const std::vector<int>* set : {&bySubject, &bySentence})
            for (int i : *set) {
                const auto& period = input.rules[i].period;
                agrees = agrees || (period && samePeriod(*period, *s.period));
            }
        if (agrees)
            continue;
        const std::vector<int>& candidates = bySubject.empty() ? bySentence : bySubject;
        const QString stated = quote(s.durationRange);
        if (candidates.empty()) {
            report.findings.push_back(
                {FindingKind::RetentionWithoutRule,
                 PolicyLint::tr("The policy keeps \"%1\" for %2, but no retention rule covers it.")
                     .arg(s.appliesTo, stated),
                 PolicyLint::tr("Add a retention rule for this data, or correct the policy."),
                 s.sentence, QString(), QString()});
            continue;
        }
        int best = candidates.front();
        double bestShare = -1;
        for (int i : candidates) {
            const double share = coverage(ruleWords[size_t(i)], subjectWords);
            if (share > bestShare) {
                bestShare = share;
                best = i;
            }
        }
        const RetentionRule& rule = input.rules[best];
        report.findings.push_back(
            {FindingKind::PeriodMismatch,
             PolicyLint::tr("The policy says %1 for \"%2\"; the rule for %3 says %4.")
                 .arg(stated, s.appliesTo, rule.dataCategory, describePeriod(rule)),
             PolicyLint::tr(
                 "Make the policy and the rule agree: the policy is what users were promised, the "
                 "rule is what the systems do."),
             s.sentence, resource::retentionRules, rule.id});
    }
    for (int i = 0; i < input.rules.size(); ++i) {
        if (mentioned[size_t(i)])
            continue;
        const RetentionRule& rule = input.rules[i];
        report.findings.push_back(
            {FindingKind::RuleNotMentioned,
             PolicyLint::tr("The policy does not say how long it keeps %1.").arg(ruleLabel(rule)),
             PolicyLint::tr(
                 "Storage limitation (GDPR Art. 13(2)(a)): state the period, or the criteria that "
                 "set it."),
             TextRange{0, 0}, resource::retentionRules, rule.id});
    }
    return report;
}

void LintReport::writeJson(QTextStream& out, QStringView text) const
{
    JsonWriter json(out);
    json.beginObject();
    extraction.writeJsonMembers(json, text);
    json.key(u"findings");
    json.beginArray();
    for (const Finding& f : findings) {
        json.beginObject();
        json.field(u"kind", findingKindName(f.kind));
        json.field(u"message", f.message);
        json.field(u"explanation", f.explanation);
        if (f.sentence.length > 0) {
            json.field(u"quote", text.mid(f.sentence.pos, f.sentence.length));
            json.field(u"offset", f.sentence.pos);
            json.field(u"length", f.sentence.length);
        }
        if (!f.recordType.isEmpty()) {
            json.key(u"record");
            json.beginObject();
            json.field(u"type", f.recordType);
            json.field(u"id", f.recordId);
            json.endObject();
        }
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

QJsonObject LintReport::toJson(QStringView text) const
{
    return writtenObject([&](QTextStream& out) { writeJson(out, text); });
}

} // namespace workbench::policy
