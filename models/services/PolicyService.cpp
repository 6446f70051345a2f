#include "PolicyService.h"

#include "domain/Notice.h"
#include "domain/Resources.h"
#include "policy/ProcessorCatalogue.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUuid>

namespace workbench {

QStringList notProcessorNames(const QString& notes)
{
    static const QRegularExpression line(QStringLiteral(R"(^Not a processor:\s*(.+?)\s+—)"),
                                         QRegularExpression::MultilineOption);
    QStringList names;
    for (auto it = line.globalMatch(notes); it.hasNext();)
        names << it.next().captured(1);
    return names;
}

Result<PolicyVersion> PolicyService::version(const QString& id) const
{
    auto found = Repository<PolicyVersion>(m_workspace.database()).find(id);
    if (!found)
        return Error{found.error()};
    if (!found.value())
        return Error{tr("There is no policy version %1.").arg(id)};
    return *found.value();
}

Result<PolicyVersion> PolicyService::newDraft(const QString& organizationId,
                                              const QString& document, const QString& fromVersionId)
{
    PolicyVersion draft;
    draft.id = QStringLiteral("pv-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    draft.organizationId = organizationId;
    draft.document = document;
    draft.status = PolicyStatus::Draft;
    if (!fromVersionId.isEmpty()) {
        auto from = version(fromVersionId);
        if (!from)
            return Error{from.error()};
        draft.organizationId = from.value().organizationId;
        draft.document = from.value().document;
        draft.title = from.value().title;
        draft.body = from.value().body;
    }
    if (auto s = m_workspace.save(draft, tr("New draft of %1").arg(draft.document),
                                  QStringLiteral("create"));
        !s)
        return Error{s.error()};
    return draft;
}

Status PolicyService::saveDraft(const QString& versionId, const QString& body, const QString& title)
{
    auto v = version(versionId);
    if (!v)
        return Error{v.error()};
    PolicyVersion draft = v.value();
    if (draft.status != PolicyStatus::Draft)
        return Error{tr("Only a draft can be edited; start a new draft from this version.")};
    draft.body = body;
    if (!title.isNull())
        draft.title = title;
    return m_workspace.save(draft, tr("Draft of %1 edited").arg(draft.document));
}

Status PolicyService::discardDraft(const QString& versionId)
{
    auto v = version(versionId);
    if (!v)
        return Error{v.error()};
    if (v.value().status != PolicyStatus::Draft)
        return Error{tr("Only a draft can be discarded.")};
    return m_workspace.remove<PolicyVersion>(versionId,
                                             tr("Draft of %1 discarded").arg(v.value().document));
}

Status PolicyService::publish(const QString& versionId, QDate notifiedOn, QDate effectiveOn)
{
    auto v = version(versionId);
    if (!v)
        return Error{v.error()};
    PolicyVersion draft = v.value();
    if (draft.status != PolicyStatus::Draft)
        return Error{tr("Only a draft can be published.")};
    if (auto s = checkNotice(notifiedOn, effectiveOn, noticePeriodDays(draft.organizationId)); !s)
        return s;
    auto versions = m_workspace.policyVersions(draft.organizationId);
    if (!versions)
        return Error{versions.error()};
    return m_workspace.database().transaction([&]() -> Status {
        for (PolicyVersion other : versions.value()) {
            if (other.document != draft.document || other.status != PolicyStatus::Published)
                continue;
            other.status = PolicyStatus::Superseded;
            if (auto s = m_workspace.save(
                    other, tr("%1 superseded by the version taking effect on %2")
                               .arg(other.document, effectiveOn.toString(Qt::ISODate)));
                !s)
                return s;
        }
        draft.status = PolicyStatus::Published;
        draft.publishedOn = notifiedOn;
        draft.effectiveOn = effectiveOn;
        return m_workspace.save(draft,
                                tr("%1 published: users notified %2, in effect from %3")
                                    .arg(draft.document, notifiedOn.toString(Qt::ISODate),
                                         effectiveOn.toString(Qt::ISODate)),
                                QStringLiteral("publish"));
    });
}

int PolicyService::noticePeriodDays(const QString& organizationId) const
{
    if (auto orgs = m_workspace.organizations())
        for (const Organization& o : orgs.value())
            if (o.id == organizationId)
                return o.noticePeriodDays;
    return 0;
}

Result<policy::LintInput> PolicyService::lintInput(const QString& organizationId) const
{
    policy::LintInput input;
    input.organizationId = organizationId;
    auto processors = m_workspace.processors();
    if (!processors)
        return Error{processors.error()};
    input.processors = processors.value();
    auto rules = m_workspace.retentionRules(organizationId);
    if (!rules)
        return Error{rules.error()};
    input.rules = rules.value();
    input.notProcessors =
        notProcessorNames(m_workspace.localNotes(resource::organizations, organizationId));
    input.catalogue = &ProcessorCatalogue::builtIn();
    return input;
}

Result<policy::LintReport> PolicyService::lint(const QString& organizationId,
                                               const QString& text) const
{
    auto input = lintInput(organizationId);
    if (!input)
        return Error{input.error()};
    return policy::lintPolicy(text, input.value());
}

} // namespace workbench
