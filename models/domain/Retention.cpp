#include "Retention.h"

#include "Resources.h"

#include <QCoreApplication>
#include <algorithm>

namespace workbench {

namespace {

// The translation context of this file's messages (the catalogues know it
// by this name).
struct Retention
{
    Q_DECLARE_TR_FUNCTIONS(Retention)
};

QString actionVerb(RetentionAction a)
{
    switch (a) {
    case RetentionAction::Delete:
        return Retention::tr("Delete");
    case RetentionAction::Anonymize:
        return Retention::tr("Anonymize");
    case RetentionAction::Aggregate:
        return Retention::tr("Aggregate");
    }
    return {};
}

} // namespace

QString describePeriod(const RetentionRule& rule)
{
    if (rule.period)
        return rule.period->toHuman();
    if (rule.trigger == RetentionTrigger::AccountLifetime)
        return Retention::tr("while the account is active");
    return Retention::tr("no period stated");
}

QList<ScheduledAction> retentionSchedule(const QList<RetentionRule>& rules,
                                         const PersonDates& person)
{
    QList<ScheduledAction> out;
    const QDateTime deletion = person.accountDeletion;
    for (const RetentionRule& rule : rules) {
        ScheduledAction a;
        a.rule = rule;
        a.what = actionVerb(rule.action) + u' ' + rule.dataCategory;
        auto after = [&](const QDateTime& start, const QString& note) {
            a.at = rule.period ? rule.period->addTo(start) : start;
            a.note = note;
        };
        switch (rule.trigger) {
        case RetentionTrigger::AccountLifetime:
            // Kept while the account is active: it ends with the account.
            a.at = deletion;
            a.note = Retention::tr("kept while the account was active; ends with the account");
            if (rule.period)
                after(deletion,
                      Retention::tr("%1 after the account ends").arg(rule.period->toHuman()));
            break;
        case RetentionTrigger::AccountDeletion:
        case RetentionTrigger::ContractEnd:
            if (!rule.period) {
                a.note = Retention::tr("no period stated: when is not known (a gap to close)");
                break;
            }
            after(deletion,
                  Retention::tr("%1 after the account deletion").arg(rule.period->toHuman()));
            break;
        case RetentionTrigger::Collection:
            if (!rule.period) {
                a.note = Retention::tr("no period stated: when is not known (a gap to close)");
                break;
            }
            // The last data is collected when the account is deleted.
            after(deletion, Retention::tr("%1 after the last collection, at the account deletion")
                                .arg(rule.period->toHuman()));
            break;
        case RetentionTrigger::Transaction: {
            if (!rule.period) {
                a.note = Retention::tr("no period stated: when is not known (a gap to close)");
                break;
            }
            const bool known = person.lastTransaction.isValid();
            const QDateTime last =
                known ? QDateTime(person.lastTransaction, QTime(0, 0), Qt::UTC) : deletion;
            after(last,
                  known ? Retention::tr("%1 after the last transaction (%2)")
                              .arg(rule.period->toHuman(),
                                   person.lastTransaction.toString(Qt::ISODate))
                        : Retention::tr("%1 after the last transaction, taken as the deletion date")
                              .arg(rule.period->toHuman()));
            break;
        }
        case RetentionTrigger::JobCompletion:
            a.note =
                rule.period
                    ? Retention::tr("%1 after each job completes (not tied to the account)")
                          .arg(rule.period->toHuman())
                    : Retention::tr("after each job completes; no period stated (a gap to close)");
            break;
        }
        // "purged within 30 days": a limit, not an exact date.
        a.withinLimit = rule.trigger == RetentionTrigger::AccountDeletion && rule.period;
        if (!rule.exception.isEmpty())
            a.note += Retention::tr(" — exception: %1").arg(rule.exception);
        out.append(a);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const ScheduledAction& x, const ScheduledAction& y) {
                         if (x.at.isValid() != y.at.isValid())
                             return x.at.isValid();
                         return x.at < y.at;
                     });
    return out;
}

QList<RetentionGap> retentionGaps(const QList<RetentionRule>& rules,
                                  const QList<Processor>& processors)
{
    QList<RetentionGap> out;
    for (const Processor& p : processors) {
        if (p.status == ProcessorStatus::Offboarded || !p.holdsPersonalData() ||
            !p.parentId.isEmpty())
            continue;
        const bool covered = std::any_of(rules.begin(), rules.end(), [&](const RetentionRule& r) {
            return r.processorId == p.id;
        });
        if (!covered)
            out.append({RetentionGap::Kind::ProcessorWithoutRule, p.id, resource::processors,
                        Retention::tr("%1 holds personal data but no retention rule names it")
                            .arg(p.name)});
    }
    for (const RetentionRule& r : rules) {
        const auto processor =
            std::find_if(processors.begin(), processors.end(),
                         [&](const Processor& p) { return p.id == r.processorId; });
        if (processor != processors.end() && processor->status == ProcessorStatus::Offboarded)
            out.append({RetentionGap::Kind::RuleForOffboardedProcessor, r.id,
                        resource::retentionRules,
                        Retention::tr("The rule for %1 points to %2, which is offboarded")
                            .arg(r.dataCategory, processor->name)});
        if (!r.period && r.trigger != RetentionTrigger::AccountLifetime)
            out.append({RetentionGap::Kind::RuleWithoutPeriod, r.id, resource::retentionRules,
                        Retention::tr("%1 has no period and is not kept for the account's lifetime")
                            .arg(r.dataCategory)});
    }
    return out;
}

} // namespace workbench
