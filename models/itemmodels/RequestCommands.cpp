#include "RequestCommands.h"

#include <QCoreApplication>

namespace workbench {

RequestActionCommand::RequestActionCommand(RequestService& service, const QString& requestId,
                                           const QString& text, std::function<Status()> action,
                                           std::function<void(const QString&)> onError)
    : QUndoCommand(text)
    , m_service(service)
    , m_requestId(requestId)
    , m_action(std::move(action))
    , m_onError(std::move(onError))
{}

void RequestActionCommand::fail(const QString& message)
{
    setObsolete(true);
    if (m_onError)
        m_onError(message);
}

void RequestActionCommand::redo()
{
    if (m_after) {
        if (auto s =
                m_service.restore(*m_after, tr("Redo: %1").arg(text()), QStringLiteral("redo"));
            !s)
            fail(s.error());
        return;
    }
    auto before = m_service.snapshot(m_requestId);
    if (!before)
        return fail(before.error());
    if (auto s = m_action(); !s)
        return fail(s.error());
    auto after = m_service.snapshot(m_requestId);
    if (!after)
        return fail(after.error());
    m_before = std::move(before).value();
    m_after = std::move(after).value();
}

void RequestActionCommand::undo()
{
    if (!m_before)
        return;
    if (auto s = m_service.restore(*m_before, tr("Undo: %1").arg(text()), QStringLiteral("undo"));
        !s)
        fail(s.error());
}

} // namespace workbench
