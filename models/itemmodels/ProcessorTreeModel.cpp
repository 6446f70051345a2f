#include "ProcessorTreeModel.h"

#include "ModelRoles.h"
#include "Tone.h"
#include "domain/Resources.h"

#include <QBrush>
#include <QFont>
#include <QHash>
#include <QLocale>

namespace workbench {

ProcessorTreeModel::ProcessorTreeModel(Workspace& workspace, QObject* parent)
    : QAbstractItemModel(parent)
    , m_workspace(workspace)
{
    m_nodes.append(Node{});
    connect(&m_workspace, &Workspace::recordChanged, this, &ProcessorTreeModel::onRecordChanged);
}

void ProcessorTreeModel::setOrganization(const QString& organizationId)
{
    m_organizationId = organizationId;
    reload();
}

void ProcessorTreeModel::reload()
{
    beginResetModel();
    m_items.clear();
    m_nodes = {Node{}};
    if (m_snapshot) {
        m_items = *m_snapshot;
    } else if (!m_organizationId.isEmpty()) {
        auto all = m_workspace.processors(m_organizationId);
        if (all)
            m_items = std::move(all).value();
        else
            emit loadFailed(all.error());
    }
    QHash<QString, int> nodeOfId;
    for (int i = 0; i < m_items.size(); ++i) {
        nodeOfId.insert(m_items[i].id, int(m_nodes.size()));
        m_nodes.append(Node{i, 0, {}});
    }
    for (int n = 1; n < m_nodes.size(); ++n) {
        const QString& parentId = m_items[m_nodes[n].item].parentId;
        // A parent outside this organization, or a cycle, puts it at the top.
        int parent = nodeOfId.value(parentId, 0);
        for (int up = parent, guard = 0; up != 0 && guard < m_nodes.size(); ++guard) {
            if (up == n) {
                parent = 0;
                break;
            }
            up = nodeOfId.value(m_items[m_nodes[up].item].parentId, 0);
        }
        m_nodes[n].parent = parent;
        m_nodes[parent].children.append(n);
    }
    endResetModel();
}

void ProcessorTreeModel::showSnapshot(const QList<Processor>& processors)
{
    m_snapshot = processors;
    reload();
}

void ProcessorTreeModel::showCurrent()
{
    if (!m_snapshot)
        return;
    m_snapshot.reset();
    reload();
}

void ProcessorTreeModel::onRecordChanged(const QString& resource, const QString& id)
{
    if (resource != resource::processors || m_snapshot)
        return;
    const QModelIndex at = indexOf(id);
    auto fresh = m_workspace.processor(id);
    if (at.isValid() && fresh && fresh.value() &&
        fresh.value()->organizationIds.contains(m_organizationId) &&
        fresh.value()->parentId == m_items[nodeOf(at)->item].parentId) {
        // Same place in the tree: update the row where it stands.
        m_items[nodeOf(at)->item] = *fresh.value();
        emit dataChanged(at, at.siblingAtColumn(ColumnCount - 1));
        return;
    }
    reload();
}

const ProcessorTreeModel::Node* ProcessorTreeModel::nodeOf(const QModelIndex& index) const
{
    if (!index.isValid())
        return &m_nodes[0];
    const auto n = qsizetype(index.internalId());
    return n > 0 && n < m_nodes.size() ? &m_nodes[n] : nullptr;
}

const Processor* ProcessorTreeModel::processor(const QModelIndex& index) const
{
    const Node* node = index.isValid() ? nodeOf(index) : nullptr;
    return node && node->item >= 0 ? &m_items[node->item] : nullptr;
}

QModelIndex ProcessorTreeModel::indexOf(const QString& processorId, int column) const
{
    for (int n = 1; n < m_nodes.size(); ++n) {
        if (m_items[m_nodes[n].item].id == processorId) {
            const int row = int(m_nodes[m_nodes[n].parent].children.indexOf(n));
            return createIndex(row, column, quintptr(n));
        }
    }
    return {};
}

QModelIndex ProcessorTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const Node* p = nodeOf(parent);
    if (!p || row >= p->children.size())
        return {};
    return createIndex(row, column, quintptr(p->children[row]));
}

QModelIndex ProcessorTreeModel::parent(const QModelIndex& child) const
{
    const Node* node = child.isValid() ? nodeOf(child) : nullptr;
    if (!node || node->parent <= 0)
        return {};
    const Node& parent = m_nodes[node->parent];
    const int row = int(m_nodes[parent.parent].children.indexOf(node->parent));
    return createIndex(row, 0, quintptr(node->parent));
}

int ProcessorTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node* node = nodeOf(parent);
    return node ? int(node->children.size()) : 0;
}

int ProcessorTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant ProcessorTreeModel::data(const QModelIndex& index, int role) const
{
    const Processor* p = processor(index);
    if (!p)
        return {};
    const QLocale locale;
    auto dateText = [&locale](QDate d) {
        return d.isValid() ? locale.toString(d, QLocale::ShortFormat) : QString();
    };
    const bool reviewOverdue = p->reviewDue.isValid() && p->reviewDue < QDate::currentDate() &&
                               p->status != ProcessorStatus::Offboarded;

    switch (role) {
    case RecordIdRole:
        return p->id;
    case FilterRole:
        return QStringList{p->name,
                           p->legalEntity,
                           p->service,
                           p->aliases.join(u' '),
                           p->locations.join(u' '),
                           p->dataCategories.join(u' ')}
            .join(u' ');
    case Qt::ForegroundRole:
        if (p->status == ProcessorStatus::Offboarded)
            return QBrush(Qt::gray);
        if (index.column() == ReviewDueColumn && reviewOverdue)
            return QBrush(toneColour(Tone::Error));
        if (index.column() == DpaColumn && p->dpaStatus != DpaStatus::Signed)
            return QBrush(toneColour(Tone::Warning));
        return {};
    case Qt::FontRole:
        if (p->status == ProcessorStatus::Offboarded) {
            QFont f;
            f.setStrikeOut(index.column() == NameColumn);
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NameColumn && !p->aliases.isEmpty())
            return tr("Also known as: %1").arg(p->aliases.join(QStringLiteral(", ")));
        if (index.column() == ReviewDueColumn && reviewOverdue)
            return tr("Vendor review overdue");
        break;
    case SortRole:
        switch (index.column()) {
        case ReviewDueColumn:
            return p->reviewDue.isValid() ? QVariant(p->reviewDue) : QVariant(QDate(9999, 12, 31));
        case StatusColumn:
            return int(p->status);
        case DpaColumn:
            return int(p->dpaStatus);
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return p->name;
        case ServiceColumn:
            return p->service;
        case StatusColumn:
            return displayLabel(p->status);
        case LocationsColumn:
            return p->locations.join(QStringLiteral(", "));
        case TransferColumn:
            return displayLabel(p->transferMechanism);
        case DpaColumn:
            return p->dpaStatus == DpaStatus::Signed && p->dpaSignedOn.isValid()
                       ? tr("Signed %1").arg(dateText(p->dpaSignedOn))
                       : displayLabel(p->dpaStatus);
        case ReviewDueColumn:
            return dateText(p->reviewDue);
        case DataCategoriesColumn:
            return p->dataCategories.join(QStringLiteral(", "));
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ProcessorTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case ServiceColumn:
        return tr("Service");
    case StatusColumn:
        return tr("Status");
    case LocationsColumn:
        return tr("Countries");
    case TransferColumn:
        return tr("Transfer mechanism");
    case DpaColumn:
        return tr("DPA");
    case ReviewDueColumn:
        return tr("Review due");
    case DataCategoriesColumn:
        return tr("Data categories");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace workbench
