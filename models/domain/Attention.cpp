#include "Attention.h"

#include "Text.h"

#include <QCoreApplication>
#include <algorithm>

namespace workbench {

namespace {
bool inUse(const Processor& p)
{
    return p.status != ProcessorStatus::Offboarded;
}
} // namespace

QList<ProcessorAttention> reviewsDue(const QList<Processor>& processors, QDate today,
                                     int horizonDays)
{
    QList<ProcessorAttention> out;
    for (const Processor& p : processors) {
        if (!inUse(p) || !p.reviewDue.isValid() || p.reviewDue > today.addDays(horizonDays))
            continue;
        const bool overdue = p.reviewDue < today;
        const qint64 days = today.daysTo(p.reviewDue);
        out.append(
            {p.id, p.name,
             overdue
                 ? countText("Attention",
                             QT_TRANSLATE_NOOP("Attention", "review overdue by %n day(s)"),
                             int(-days))
                 : countText("Attention", QT_TRANSLATE_NOOP("Attention", "review due in %n day(s)"),
                             int(days)),
             p.reviewDue, overdue});
    }
    std::sort(out.begin(), out.end(), [](const ProcessorAttention& a, const ProcessorAttention& b) {
        return a.due < b.due;
    });
    return out;
}

QList<ProcessorAttention> dpaGaps(const QList<Processor>& processors)
{
    QList<ProcessorAttention> out;
    for (const Processor& p : processors) {
        if (!inUse(p) || !p.holdsPersonalData() || p.dpaStatus == DpaStatus::Signed)
            continue;
        out.append(
            {p.id,
             p.name,
             p.dpaStatus == DpaStatus::Expired
                 ? QCoreApplication::translate("Attention", "DPA expired")
                 : (p.dpaStatus == DpaStatus::Requested
                        ? QCoreApplication::translate("Attention", "DPA requested, not signed")
                        : QCoreApplication::translate("Attention", "no DPA")),
             {},
             p.dpaStatus == DpaStatus::Expired});
    }
    return out;
}

QList<PolicyVersion> policiesAwaitingEffect(const QList<PolicyVersion>& versions, QDate today)
{
    QList<PolicyVersion> out;
    for (const PolicyVersion& v : versions)
        if (v.status == PolicyStatus::Published && v.effectiveOn.isValid() && v.effectiveOn > today)
            out << v;
    std::sort(out.begin(), out.end(), [](const PolicyVersion& a, const PolicyVersion& b) {
        return a.effectiveOn < b.effectiveOn;
    });
    return out;
}

QList<PolicyVersion> policyDrafts(const QList<PolicyVersion>& versions)
{
    QList<PolicyVersion> out;
    for (const PolicyVersion& v : versions)
        if (v.status == PolicyStatus::Draft)
            out << v;
    std::sort(out.begin(), out.end(), [](const PolicyVersion& a, const PolicyVersion& b) {
        return a.meta.updatedAt > b.meta.updatedAt;
    });
    return out;
}

} // namespace workbench
