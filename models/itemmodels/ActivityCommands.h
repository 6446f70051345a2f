#pragma once

#include "RecordCommands.h"
#include "services/ActivityService.h"

namespace workbench {

// Undoable activity changes, as the processors' (RecordCommands.h): redo and
// undo each write an audited change through the Workspace. The change is
// checked by the service before it becomes a command: an activity with an
// error never reaches the stack (the error names the field).
using SaveActivityCommand = SaveRecordCommand<ProcessingActivity>;
using RemoveActivityCommand = RemoveRecordCommand<ProcessingActivity>;
using SaveOrganizationCommand = SaveRecordCommand<Organization>;

// A command that creates (`before` empty) or changes an activity, or the
// reason it may not.
Result<QUndoCommand*> makeSaveActivityCommand(const ActivityService& service,
                                              std::optional<ProcessingActivity> before,
                                              const ProcessingActivity& after);
Result<QUndoCommand*> makeRemoveActivityCommand(const ActivityService& service, const QString& id);
// A command that changes the organization's controller, representative,
// DPO and authority, or the reason it may not.
Result<QUndoCommand*> makeSaveOrganizationCommand(const ActivityService& service,
                                                  const Organization& before,
                                                  const Organization& after);

} // namespace workbench
