#pragma once

#include "storage/Workspace.h"

#include <QUndoCommand>
#include <optional>

namespace workbench {

// One undoable change to a processor: redo saves `after`, undo restores
// `before` (or removes the processor when it was created). Both directions
// go through the Workspace, so each writes its own audit entry. A change
// that cannot be saved makes the command obsolete (it leaves the stack) and
// is reported through Workspace::changeFailed.
class SaveProcessorCommand : public QUndoCommand
{
public:
    SaveProcessorCommand(Workspace& workspace, std::optional<Processor> before, Processor after,
                         const QString& text, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

    // Describes an edit from what differs: "Edit Stripe: address, contact".
    static QString describe(const Processor& before, const Processor& after);

private:
    Workspace& m_workspace;
    std::optional<Processor> m_before;
    Processor m_after;
};

} // namespace workbench
