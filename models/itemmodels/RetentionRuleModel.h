#pragma once

#include "storage/Workspace.h"

#include <QAbstractTableModel>

class QUndoStack;

namespace workbench {

// The retention rules of one organization, editable in place. An edit is
// checked (a period is written as people write it: "90 days", "7 years",
// "72 hours", "while the account is active") and becomes an undoable,
// audited command; a refused edit says why through editRefused().
class RetentionRuleModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        DataCategoryColumn,
        SystemColumn,
        ProcessorColumn,
        PeriodColumn,
        TriggerColumn,
        ActionColumn,
        LegalBasisColumn,
        ExceptionColumn,
        ColumnCount
    };
    // Edit role of the enum and processor columns: the wire value / id.
    static constexpr int ChoicesRole = Qt::UserRole + 20; // QVariantList of {label, value} pairs

    RetentionRuleModel(Workspace& workspace, QUndoStack& undoStack, QObject* parent = nullptr);

    void setOrganization(const QString& organizationId);
    QString organization() const { return m_organizationId; }
    const QList<RetentionRule>& rules() const { return m_rules; }
    const QList<Processor>& processors() const { return m_processors; }
    int rowOf(const QString& ruleId) const;

    // Read-only: no cell is editable (flags() drops ItemIsEditable) and
    // setData() refuses, for a workspace this user may not change.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // Adds a rule (undoable) and returns its id; its row appears when the
    // model has read the change.
    QString addRule();
    void removeRule(int row);

    // The rule `row` would become with `value` in `column`, or the reason not.
    Result<RetentionRule> edited(int row, int column, const QVariant& value) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void editRefused(const QString& reason);

private:
    void reload();
    QString processorName(const QString& id) const;

    Workspace& m_workspace;
    QUndoStack& m_undoStack;
    QString m_organizationId;
    bool m_readOnly = false;
    QList<RetentionRule> m_rules;
    QList<Processor> m_processors;
    bool m_reloadScheduled = false;
};

} // namespace workbench
