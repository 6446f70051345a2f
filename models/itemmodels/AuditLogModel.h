#pragma once

#include "storage/Workspace.h"

#include <QAbstractTableModel>

namespace workbench {

// The audit log, newest last, narrowed by an AuditFilter; new entries
// appear as they are written.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SeqColumn,
        WhenColumn,
        ActorColumn,
        ActionColumn,
        RecordColumn,
        SummaryColumn,
        ColumnCount
    };

    explicit AuditLogModel(Workspace& workspace, QObject* parent = nullptr);

    void setFilter(const AuditFilter& filter);
    AuditFilter filter() const { return m_filter; }
    const AuditEntry* entry(const QModelIndex& index) const;
    void reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "Stripe (processors)": the record an entry is about, in words.
    static QString recordLabel(const AuditEntry& entry);

signals:
    void loadFailed(const QString& message);

private:
    void onAppended(qint64 seq);

    Workspace& m_workspace;
    AuditFilter m_filter;
    QList<AuditEntry> m_entries;
};

} // namespace workbench
