#include "VendorWatchCommands.h"

namespace workbench {

Result<AcceptNoticeCommand*> AcceptNoticeCommand::create(Workspace& workspace, qint64 noticeId)
{
    VendorWatchService service(workspace);
    auto notice = service.notice(noticeId);
    if (!notice)
        return Error{notice.error()};
    if (!notice.value().isOpen())
        return Error{
            tr("The notice is already decided (%1).").arg(displayLabel(notice.value().status))};
    auto plan = service.acceptPlan(notice.value());
    if (!plan)
        return Error{plan.error()};
    return new AcceptNoticeCommand(workspace, notice.value(), plan.value());
}

AcceptNoticeCommand::AcceptNoticeCommand(Workspace& workspace, SubprocessorNotice notice,
                                         QList<ProcessorChange> changes)
    : QUndoCommand(tr("Accept the sub-processor changes of %1 (%2)")
                       .arg(notice.processorName, notice.diff.summary()))
    , m_workspace(workspace)
    , m_notice(std::move(notice))
    , m_changes(std::move(changes))
{}

void AcceptNoticeCommand::redo()
{
    check(VendorWatchService(m_workspace).applyAccept(m_notice, m_changes, text()));
}

void AcceptNoticeCommand::undo()
{
    check(VendorWatchService(m_workspace)
              .undoAccept(m_notice, m_changes, tr("Undo: %1").arg(text())));
}

void AcceptNoticeCommand::check(const Status& s)
{
    if (s)
        return;
    setObsolete(true);
    emit m_workspace.changeFailed(s.error());
}

} // namespace workbench
