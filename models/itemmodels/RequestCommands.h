#pragma once

#include "services/RequestService.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <functional>

namespace workbench {

// One undoable action on a rights request. The first redo runs the action;
// undo puts the request back as it was before (its history keeps both and
// says "Undone"), and a later redo puts it back as the action left it. An
// action that is refused leaves the stack and its reason goes to `onError`.
class RequestActionCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(RequestActionCommand)

public:
    RequestActionCommand(RequestService& service, const QString& requestId, const QString& text,
                         std::function<Status()> action,
                         std::function<void(const QString&)> onError);

    void redo() override;
    void undo() override;

private:
    void fail(const QString& message);

    RequestService& m_service;
    QString m_requestId;
    std::function<Status()> m_action;
    std::function<void(const QString&)> m_onError;
    std::optional<RequestSnapshot> m_before;
    std::optional<RequestSnapshot> m_after;
};

} // namespace workbench
