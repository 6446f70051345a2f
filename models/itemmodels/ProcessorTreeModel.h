#pragma once

#include "storage/Workspace.h"

#include <QAbstractItemModel>

namespace workbench {

// The processors of one organization as a tree: sub-processors under their
// parent. Reads through the Workspace and follows its changes; edits go
// through ProcessorCommands (undoable), never through setData.
class ProcessorTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        ServiceColumn,
        StatusColumn,
        LocationsColumn,
        TransferColumn,
        DpaColumn,
        ReviewDueColumn,
        DataCategoriesColumn,
        ColumnCount
    };

    explicit ProcessorTreeModel(Workspace& workspace, QObject* parent = nullptr);

    void setOrganization(const QString& organizationId);
    QString organization() const { return m_organizationId; }

    // Shows fixed records (the registry as of a past day, AsOfService) and
    // stops following the workspace until showCurrent().
    void showSnapshot(const QList<Processor>& processors);
    void showCurrent();
    bool isSnapshot() const { return m_snapshot.has_value(); }

    // The processor at `index`, or nullptr.
    const Processor* processor(const QModelIndex& index) const;
    QModelIndex indexOf(const QString& processorId, int column = 0) const;
    QList<Processor> processors() const { return m_items; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    struct Node
    {
        int item = -1;   // index into m_items; -1 for the root
        int parent = -1; // node index
        QList<int> children;
    };

    void reload();
    void onRecordChanged(const QString& resource, const QString& id);
    const Node* nodeOf(const QModelIndex& index) const;

    Workspace& m_workspace;
    QString m_organizationId;
    QList<Processor> m_items;
    std::optional<QList<Processor>> m_snapshot;
    QList<Node> m_nodes; // m_nodes[0] is the root
};

} // namespace workbench
