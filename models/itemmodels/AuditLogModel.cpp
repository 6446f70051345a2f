#include "AuditLogModel.h"

#include "ModelRoles.h"

#include <QLocale>

namespace workbench {

AuditLogModel::AuditLogModel(Workspace& workspace, QObject* parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{
    connect(&m_workspace, &Workspace::auditAppended, this, &AuditLogModel::onAppended);
    reload();
}

void AuditLogModel::setFilter(const AuditFilter& filter)
{
    m_filter = filter;
    reload();
}

void AuditLogModel::reload()
{
    beginResetModel();
    auto entries = m_workspace.auditEntries(m_filter);
    if (entries)
        m_entries = std::move(entries).value();
    else {
        m_entries.clear();
        emit loadFailed(entries.error());
    }
    endResetModel();
}

void AuditLogModel::onAppended(qint64 seq)
{
    const qint64 last = m_entries.isEmpty() ? 0 : m_entries.last().seq;
    AuditFilter newer = m_filter;
    newer.afterSeq = last;
    auto entries = m_workspace.auditEntries(newer);
    if (!entries)
        return;
    QList<AuditEntry> added;
    for (const AuditEntry& e : std::as_const(entries.value())) {
        if (e.seq > last && e.seq <= seq)
            added.append(e);
    }
    if (added.isEmpty())
        return;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + added.size() - 1));
    m_entries.append(added);
    endInsertRows();
}

const AuditEntry* AuditLogModel::entry(const QModelIndex& index) const
{
    return index.isValid() && index.row() < m_entries.size() ? &m_entries[index.row()] : nullptr;
}

int AuditLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditLogModel::recordLabel(const AuditEntry& e)
{
    const QJsonObject& o = e.after.isEmpty() ? e.before : e.after;
    QString name = o.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        name = o.value(QStringLiteral("title")).toString();
    if (name.isEmpty())
        name = o.value(QStringLiteral("data_category")).toString();
    if (name.isEmpty())
        name = e.recordId;
    return QStringLiteral("%1 (%2)").arg(name, e.recordType);
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    const AuditEntry* e = entry(index);
    if (!e)
        return {};
    switch (role) {
    case RecordIdRole:
        return e->recordId;
    case SortRole:
        if (index.column() == SeqColumn || index.column() == WhenColumn)
            return e->seq;
        return data(index, Qt::DisplayRole).toString().toLower();
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case SeqColumn:
            return e->seq;
        case WhenColumn:
            return QLocale().toString(e->at.toLocalTime(), QLocale::ShortFormat);
        case ActorColumn:
            return e->actor;
        case ActionColumn:
            return e->action;
        case RecordColumn:
            return recordLabel(*e);
        case SummaryColumn:
            return e->summary;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == WhenColumn)
            return e->at.toString(Qt::ISODateWithMs);
        if (index.column() == SeqColumn)
            return tr("SHA-256: %1").arg(e->hash);
        break;
    default:
        break;
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case SeqColumn:
        return tr("#");
    case WhenColumn:
        return tr("When");
    case ActorColumn:
        return tr("Who");
    case ActionColumn:
        return tr("Action");
    case RecordColumn:
        return tr("Record");
    case SummaryColumn:
        return tr("What");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace workbench
