#pragma once

#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <optional>

namespace workbench {

// What the record commands share: both directions go through the Workspace,
// so each writes its own audit entry; a change that cannot be saved makes
// the command obsolete (it leaves the stack) and is reported through
// Workspace::changeFailed.
class RecordCommandBase : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SaveRecordCommand)

protected:
    RecordCommandBase(Workspace& workspace, const QString& text, QUndoCommand* parent)
        : QUndoCommand(text, parent)
        , m_workspace(workspace)
    {}

    void check(const Status& s)
    {
        if (s)
            return;
        setObsolete(true);
        emit m_workspace.changeFailed(s.error());
    }

    QString undoSummary() const { return tr("Undo: %1").arg(text()); }

    Workspace& m_workspace;
};

// One undoable change to a record: redo saves `after`, undo restores
// `before` (or removes the record when it was created).
template <typename T> class SaveRecordCommand : public RecordCommandBase
{
public:
    SaveRecordCommand(Workspace& workspace, std::optional<T> before, T after, const QString& text,
                      QUndoCommand* parent = nullptr)
        : RecordCommandBase(workspace, text, parent)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {}

    void redo() override
    {
        check(m_workspace.save(m_after, text(), m_before ? QString() : QStringLiteral("create")));
    }

    void undo() override
    {
        check(m_before ? m_workspace.save(*m_before, undoSummary(), QStringLiteral("undo"))
                       : m_workspace.remove<T>(m_after.id, undoSummary()));
    }

private:
    std::optional<T> m_before;
    T m_after;
};

// Removing a record, undoably: redo removes it, undo puts it back.
template <typename T> class RemoveRecordCommand : public RecordCommandBase
{
public:
    RemoveRecordCommand(Workspace& workspace, T record, const QString& text,
                        QUndoCommand* parent = nullptr)
        : RecordCommandBase(workspace, text, parent)
        , m_record(std::move(record))
    {}

    void redo() override { check(m_workspace.remove<T>(m_record.id, text())); }
    void undo() override
    {
        check(m_workspace.save(m_record, undoSummary(), QStringLiteral("undo")));
    }

private:
    T m_record;
};

// The contract fields that differ between two records ("address, contact").
QStringList changedFields(const QJsonObject& before, const QJsonObject& after);

} // namespace workbench
