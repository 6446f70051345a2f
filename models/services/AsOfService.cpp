#include "AsOfService.h"

#include "domain/Resources.h"

namespace workbench {

AsOfService::AsOfService(const Workspace& workspace, const QTimeZone& zone)
    : m_workspace(workspace)
    , m_zone(zone)
{}

QStringList AsOfService::resources()
{
    return {resource::organizations, resource::processors, resource::retentionRules};
}

Result<QDate> AsOfService::earliestDay() const
{
    return m_workspace.asOfEarliestDay(resources(), m_zone);
}

Result<AsOfPoint> AsOfService::point(QDate day) const
{
    return m_workspace.asOfPoint(day, m_zone, resources());
}

Result<QList<Organization>> AsOfService::organizations(const AsOfPoint& point) const
{
    auto current = m_workspace.organizations();
    if (!current)
        return Error{current.error()};
    return m_workspace.recordsAsOf<Organization>(point, std::move(current).value());
}

Result<QList<Processor>> AsOfService::processors(const AsOfPoint& point,
                                                 const QString& organizationId) const
{
    auto current = m_workspace.processors(organizationId);
    if (!current)
        return Error{current.error()};
    return m_workspace.recordsAsOf<Processor>(
        point, std::move(current).value(), [&](const Processor& p) {
            return organizationId.isEmpty() || p.organizationIds.contains(organizationId);
        });
}

Result<QList<RetentionRule>> AsOfService::retentionRules(const AsOfPoint& point,
                                                         const QString& organizationId) const
{
    auto current = m_workspace.retentionRules(organizationId);
    if (!current)
        return Error{current.error()};
    return m_workspace.recordsAsOf<RetentionRule>(
        point, std::move(current).value(),
        [&](const RetentionRule& r) { return r.organizationId == organizationId; });
}

Result<QList<Processor>> AsOfService::processors(QDate day, const QString& organizationId) const
{
    auto at = point(day);
    if (!at)
        return Error{at.error()};
    return processors(at.value(), organizationId);
}

QString AsOfService::asOfText(QDate day)
{
    return tr("as of %1").arg(AuditHistory::dayText(day));
}

} // namespace workbench
