#pragma once

#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <optional>

namespace workbench {

// One undoable change to a record: redo saves `after`, undo restores `before`
// (or removes the record when it was created). Both directions go through
// the Workspace, so each writes its own audit entry. A change that cannot be
// saved makes the command obsolete (it leaves the stack) and is reported
// through Workspace::changeFailed.
template <typename T> class SaveRecordCommand : public QUndoCommand
{
public:
    SaveRecordCommand(Workspace& workspace, std::optional<T> before, T after, const QString& text,
                      QUndoCommand* parent = nullptr)
        : QUndoCommand(text, parent)
        , m_workspace(workspace)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {}

    void redo() override
    {
        check(m_workspace.save(m_after, text(), m_before ? QString() : QStringLiteral("create")));
    }

    void undo() override
    {
        const QString summary =
            QCoreApplication::translate("SaveRecordCommand", "Undo: %1").arg(text());
        check(m_before ? m_workspace.save(*m_before, summary, QStringLiteral("undo"))
                       : m_workspace.remove<T>(m_after.id, summary));
    }

private:
    void check(const Status& s)
    {
        if (s)
            return;
        setObsolete(true);
        emit m_workspace.changeFailed(s.error());
    }

    Workspace& m_workspace;
    std::optional<T> m_before;
    T m_after;
};

// Removing a record, undoably: redo removes it, undo puts it back; both
// audited.
template <typename T> class RemoveRecordCommand : public QUndoCommand
{
public:
    RemoveRecordCommand(Workspace& workspace, T record, const QString& text,
                        QUndoCommand* parent = nullptr)
        : QUndoCommand(text, parent)
        , m_workspace(workspace)
        , m_record(std::move(record))
    {}

    void redo() override { check(m_workspace.remove<T>(m_record.id, text())); }
    void undo() override
    {
        check(m_workspace.save(
            m_record, QCoreApplication::translate("SaveRecordCommand", "Undo: %1").arg(text()),
            QStringLiteral("undo")));
    }

private:
    void check(const Status& s)
    {
        if (s)
            return;
        setObsolete(true);
        emit m_workspace.changeFailed(s.error());
    }

    Workspace& m_workspace;
    T m_record;
};

// The contract fields that differ between two records ("address, contact").
QStringList changedFields(const QJsonObject& before, const QJsonObject& after);

} // namespace workbench
