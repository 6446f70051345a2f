#pragma once

#include "services/VendorWatchService.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace workbench {

// Accepting a sub-processor change notice, undoably: redo applies the
// registry changes and marks the notice accepted in one transaction (each
// change with its audit entry); undo puts every processor and the notice
// back, in one transaction too. A change that cannot be saved makes the
// command obsolete and is reported through Workspace::changeFailed.
class AcceptNoticeCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(AcceptNoticeCommand)

public:
    // Plans the changes now (what the officer was shown).
    static Result<AcceptNoticeCommand*> create(Workspace& workspace, qint64 noticeId);

    void redo() override;
    void undo() override;
    const QList<ProcessorChange>& changes() const { return m_changes; }

private:
    AcceptNoticeCommand(Workspace& workspace, SubprocessorNotice notice,
                        QList<ProcessorChange> changes);
    void check(const Status& s);

    Workspace& m_workspace;
    SubprocessorNotice m_notice; // as it was before the decision
    QList<ProcessorChange> m_changes;
};

} // namespace workbench
