#include "ActivityCommands.h"

namespace workbench {

Result<QUndoCommand*> makeSaveActivityCommand(const ActivityService& service,
                                              std::optional<ProcessingActivity> before,
                                              const ProcessingActivity& after)
{
    if (auto s = service.checkForSave(after); !s)
        return Error{s.error()};
    const QString text = before ? ActivityService::describeEdit(*before, after)
                                : ActivityService::tr("Add activity %1").arg(after.name);
    return static_cast<QUndoCommand*>(
        new SaveActivityCommand(service.workspace(), std::move(before), after, text));
}

Result<QUndoCommand*> makeRemoveActivityCommand(const ActivityService& service, const QString& id)
{
    auto found = service.get(id);
    if (!found)
        return Error{found.error()};
    if (!found.value())
        return Error{ActivityService::tr("There is no activity %1 to remove.").arg(id)};
    const ProcessingActivity a = *found.value();
    return static_cast<QUndoCommand*>(new RemoveActivityCommand(
        service.workspace(), a, ActivityService::tr("Remove activity %1").arg(a.name)));
}

Result<QUndoCommand*> makeSaveOrganizationCommand(const ActivityService& service,
                                                  const Organization& before,
                                                  const Organization& after)
{
    for (const ActivityProblem& p : ActivityService::checkOrganization(after))
        if (p.severity == ActivityProblem::Severity::Error)
            return Error{p.message};
    return static_cast<QUndoCommand*>(new SaveOrganizationCommand(
        service.workspace(), before, after,
        ActivityService::tr("Edit the controller details of %1").arg(after.name)));
}

} // namespace workbench
