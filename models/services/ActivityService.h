#pragma once

#include "domain/Activity.h"
#include "storage/Workspace.h"

#include <QCoreApplication>

namespace workbench {

// The processing activities of the record of processing (Art. 30), the
// organization's Art. 30(1)(a) parties and the processors' security
// measures: what the Activities page and (later) the exports and checks
// share. Every write goes through the Workspace: the record and its audit
// entry (before/after as the contract JSON) in one transaction.
class ActivityService
{
    Q_DECLARE_TR_FUNCTIONS(ActivityService)

public:
    explicit ActivityService(Workspace& workspace)
        : m_workspace(workspace)
    {}

    Workspace& workspace() const { return m_workspace; }

    Result<QList<ProcessingActivity>> list(const QString& organizationId) const;
    Result<std::optional<ProcessingActivity>> get(const QString& id) const;

    // A new, unsaved activity of an organization with a fresh UUID.
    static ProcessingActivity draft(const QString& organizationId, const QString& name);

    // What is wrong with an activity: validateActivity()'s problems, then
    // the references (the organization exists; each processor is one of the
    // organization's; each rule is one of its rules), each naming its field.
    QList<ActivityProblem> check(const ProcessingActivity& activity) const;
    // The first error of check() as an Error naming the field, or nothing.
    Status checkForSave(const ProcessingActivity& activity) const;

    // Audited writes; each refuses an activity check() finds an error in.
    // create() refuses an id that exists, update() one that does not.
    Status create(const ProcessingActivity& activity, const QString& summary = {});
    Status update(const ProcessingActivity& activity, const QString& summary = {});
    Status remove(const QString& id, const QString& summary = {});

    // Art. 30(1)(e): the transfers derived from the activity's processors
    // (and their sub-processors) and recipients, and those that apply (the
    // override when set).
    Result<QList<Transfer>> derivedTransfers(const ProcessingActivity& activity) const;
    Result<QList<Transfer>> transfers(const ProcessingActivity& activity) const;
    // Art. 30(1)(f): the linked rules as periods ("account data: 7 years").
    Result<QStringList> retentionPeriods(const ProcessingActivity& activity) const;

    // The organization's Art. 30(1)(a) parties and authority, audited.
    static QList<ActivityProblem> checkOrganization(const Organization& organization);
    Status saveOrganization(const Organization& organization, const QString& summary = {});
    // A processor's security measures (catalogue keys and free text), audited.
    Status setProcessorMeasures(const QString& processorId, const QStringList& measures,
                                const QString& note);

    // "Edit Payments: purposes, processor_ids"; "Add …"; "Remove …".
    static QString describeEdit(const ProcessingActivity& before, const ProcessingActivity& after);

private:
    Workspace& m_workspace;
};

} // namespace workbench
