#include "ProcessorCommands.h"

#include <QCoreApplication>

namespace workbench {

SaveProcessorCommand::SaveProcessorCommand(Workspace& workspace, std::optional<Processor> before,
                                           Processor after, const QString& text,
                                           QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_workspace(workspace)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

void SaveProcessorCommand::redo()
{
    const Status s =
        m_workspace.save(m_after, text(), m_before ? QString() : QStringLiteral("create"));
    if (!s) {
        setObsolete(true);
        emit m_workspace.changeFailed(s.error());
    }
}

void SaveProcessorCommand::undo()
{
    const QString summary =
        QCoreApplication::translate("SaveProcessorCommand", "Undo: %1").arg(text());
    const Status s = m_before ? m_workspace.save(*m_before, summary, QStringLiteral("undo"))
                              : m_workspace.remove<Processor>(m_after.id, summary);
    if (!s) {
        setObsolete(true);
        emit m_workspace.changeFailed(s.error());
    }
}

QString SaveProcessorCommand::describe(const Processor& before, const Processor& after)
{
    const QJsonObject a = before.toJson();
    const QJsonObject b = after.toJson();
    QStringList changed;
    for (auto it = b.begin(); it != b.end(); ++it) {
        if (it.key() != u"updated_at" && a.value(it.key()) != it.value())
            changed << it.key();
    }
    if (before.status != ProcessorStatus::Offboarded && after.status == ProcessorStatus::Offboarded)
        return QCoreApplication::translate("SaveProcessorCommand", "Offboard %1").arg(after.name);
    return QCoreApplication::translate("SaveProcessorCommand", "Edit %1: %2")
        .arg(after.name, changed.join(QStringLiteral(", ")));
}

} // namespace workbench
