#include "ActivityService.h"

#include "domain/Catalogues.h"

#include <QSet>
#include <QUuid>
#include <algorithm>

namespace workbench {

namespace {

Status firstError(const QList<ActivityProblem>& problems)
{
    for (const ActivityProblem& p : problems)
        if (p.severity == ActivityProblem::Severity::Error)
            return Error{p.message};
    return {};
}

QStringList changedFields(const QJsonObject& before, const QJsonObject& after)
{
    QStringList changed;
    for (auto it = after.begin(); it != after.end(); ++it)
        if (it.key() != u"updated_at" && before.value(it.key()) != it.value())
            changed << it.key();
    return changed;
}

} // namespace

Result<QList<ProcessingActivity>> ActivityService::list(const QString& organizationId) const
{
    return m_workspace.activities(organizationId);
}

Result<std::optional<ProcessingActivity>> ActivityService::get(const QString& id) const
{
    return m_workspace.activity(id);
}

ProcessingActivity ActivityService::draft(const QString& organizationId, const QString& name)
{
    ProcessingActivity a;
    a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.organizationId = organizationId;
    a.name = name;
    return a;
}

QList<ActivityProblem> ActivityService::check(const ProcessingActivity& activity) const
{
    using Severity = ActivityProblem::Severity;
    QList<ActivityProblem> problems = validateActivity(activity);
    auto orgs = m_workspace.organizations();
    if (!orgs)
        return problems << ActivityProblem{Severity::Error, QStringLiteral("organization_id"),
                                           orgs.error()};
    const bool orgKnown = std::any_of(orgs->cbegin(), orgs->cend(), [&](const Organization& o) {
        return o.id == activity.organizationId;
    });
    if (!orgKnown && !activity.organizationId.isEmpty())
        problems << ActivityProblem{Severity::Error, QStringLiteral("organization_id"),
                                    tr("Organization: %1 is not an organization of this workspace.")
                                        .arg(activity.organizationId)};
    if (!activity.processorIds.isEmpty()) {
        auto processors = m_workspace.processors(activity.organizationId);
        if (!processors)
            return problems << ActivityProblem{Severity::Error, QStringLiteral("processor_ids"),
                                               processors.error()};
        QSet<QString> ids;
        for (const Processor& p : processors.value())
            ids.insert(p.id);
        for (const QString& id : activity.processorIds)
            if (!ids.contains(id))
                problems << ActivityProblem{
                    Severity::Error, QStringLiteral("processor_ids"),
                    tr("Recipients: processor %1 is not in this organization's registry.").arg(id)};
    }
    if (!activity.retentionRuleIds.isEmpty()) {
        auto rules = m_workspace.retentionRules(activity.organizationId);
        if (!rules)
            return problems << ActivityProblem{Severity::Error,
                                               QStringLiteral("retention_rule_ids"), rules.error()};
        QSet<QString> ids;
        for (const RetentionRule& r : rules.value())
            ids.insert(r.id);
        for (const QString& id : activity.retentionRuleIds)
            if (!ids.contains(id))
                problems << ActivityProblem{
                    Severity::Error, QStringLiteral("retention_rule_ids"),
                    tr("Retention: rule %1 is not one of this organization's rules.").arg(id)};
    }
    return problems;
}

Status ActivityService::checkForSave(const ProcessingActivity& activity) const
{
    return firstError(check(activity));
}

Status ActivityService::create(const ProcessingActivity& activity, const QString& summary)
{
    if (auto s = checkForSave(activity); !s)
        return s;
    auto existing = m_workspace.activity(activity.id);
    if (!existing)
        return Error{existing.error()};
    if (existing.value())
        return Error{tr("An activity with the id %1 exists already.").arg(activity.id)};
    return m_workspace.save(activity,
                            summary.isEmpty() ? tr("Add activity %1").arg(activity.name) : summary,
                            QStringLiteral("create"));
}

Status ActivityService::update(const ProcessingActivity& activity, const QString& summary)
{
    if (auto s = checkForSave(activity); !s)
        return s;
    auto existing = m_workspace.activity(activity.id);
    if (!existing)
        return Error{existing.error()};
    if (!existing.value())
        return Error{tr("There is no activity %1 to change.").arg(activity.id)};
    return m_workspace.save(activity, summary.isEmpty() ? describeEdit(*existing.value(), activity)
                                                        : summary);
}

Status ActivityService::remove(const QString& id, const QString& summary)
{
    auto existing = m_workspace.activity(id);
    if (!existing)
        return Error{existing.error()};
    if (!existing.value())
        return Error{tr("There is no activity %1 to remove.").arg(id)};
    return m_workspace.remove<ProcessingActivity>(
        id, summary.isEmpty() ? tr("Remove activity %1").arg(existing.value()->name) : summary);
}

Result<QList<Transfer>> ActivityService::derivedTransfers(const ProcessingActivity& activity) const
{
    auto processors = m_workspace.processors();
    if (!processors)
        return Error{processors.error()};
    return workbench::derivedTransfers(activity, processors.value());
}

Result<QList<Transfer>> ActivityService::transfers(const ProcessingActivity& activity) const
{
    if (activity.transfersOverride)
        return *activity.transfersOverride;
    return derivedTransfers(activity);
}

Result<QStringList> ActivityService::retentionPeriods(const ProcessingActivity& activity) const
{
    auto rules = m_workspace.retentionRules(activity.organizationId);
    if (!rules)
        return Error{rules.error()};
    return workbench::retentionPeriods(activity, rules.value());
}

QList<ActivityProblem> ActivityService::checkOrganization(const Organization& organization)
{
    QList<ActivityProblem> problems;
    const QString& c = organization.authority.country;
    if (!c.isEmpty() && (c.size() != 2 || c != c.toUpper()))
        problems << ActivityProblem{
            ActivityProblem::Severity::Error, QStringLiteral("authority_country"),
            tr("Supervisory authority: '%1' is not a two-letter country code (e.g. IE, DE).")
                .arg(c)};
    if (organization.name.trimmed().isEmpty())
        problems << ActivityProblem{ActivityProblem::Severity::Error, QStringLiteral("name"),
                                    tr("Name: an organization needs a name.")};
    return problems;
}

Status ActivityService::saveOrganization(const Organization& organization, const QString& summary)
{
    if (auto s = firstError(checkOrganization(organization)); !s)
        return s;
    return m_workspace.save(organization,
                            summary.isEmpty()
                                ? tr("Edit the controller details of %1").arg(organization.name)
                                : summary);
}

Status ActivityService::setProcessorMeasures(const QString& processorId,
                                             const QStringList& measures, const QString& note)
{
    for (const QString& key : measures)
        if (!SecurityMeasures::find(key))
            return Error{tr("Security measures: '%1' is not a measure of the catalogue.").arg(key)};
    auto found = m_workspace.processor(processorId);
    if (!found)
        return Error{found.error()};
    if (!found.value())
        return Error{tr("There is no processor %1.").arg(processorId)};
    Processor p = *found.value();
    p.securityMeasures = measures;
    p.securityMeasuresNote = note;
    return m_workspace.save(p, tr("Edit the security measures of %1").arg(p.name));
}

QString ActivityService::describeEdit(const ProcessingActivity& before,
                                      const ProcessingActivity& after)
{
    return tr("Edit %1: %2")
        .arg(after.name, changedFields(before.toJson(), after.toJson()).join(QStringLiteral(", ")));
}

} // namespace workbench
