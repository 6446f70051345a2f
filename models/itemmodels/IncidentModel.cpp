#include "IncidentModel.h"

#include "Tone.h"

namespace workbench {

IncidentModel::IncidentModel(Workspace& workspace, QObject* parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{}

QString IncidentModel::reload(const QString& organizationId)
{
    const IncidentService service(m_workspace);
    auto all = service.incidents(organizationId);
    beginResetModel();
    m_rows.clear();
    if (all) {
        for (const Incident& i : all.value()) {
            Row row{i, std::nullopt, QString()};
            if (auto clocks = service.clocks(i); clocks) {
                for (const BreachClock& c : clocks.value()) {
                    if (!c.isRunning() || !i.isOpen())
                        continue;
                    if (!row.next || (c.due && (!row.next->due || *c.due < *row.next->due)))
                        row.next = c;
                }
            }
            if (const IncidentSubmission* s = i.firstSubmission(QStringLiteral("authority")))
                row.notified =
                    s->at.toTimeZone(i.zone()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
            m_rows.append(row);
        }
    }
    endResetModel();
    return all ? QString() : all.error();
}

const Incident* IncidentModel::incident(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].incident : nullptr;
}

int IncidentModel::rowOf(const QString& id) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].incident.id == id)
            return r;
    }
    return -1;
}

int IncidentModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IncidentModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows[index.row()];
    const Incident& i = row.incident;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Id:
            return i.id;
        case Title:
            return i.title;
        case Jurisdiction:
            return i.nis2 ? i.jurisdiction + QStringLiteral(" + NIS2") : i.jurisdiction;
        case Aware:
            return i.awareAt.toTimeZone(i.zone()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case Risk:
            return displayLabel(i.risk);
        case NextClock:
            return row.next
                       ? QString(row.next->label + QStringLiteral(": ") + row.next->status(now))
                       : QString();
        case Notified:
            return row.notified;
        case Status:
            return i.isOpen() ? tr("open") : tr("closed");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == NextClock && row.next) {
        const auto left = row.next->secondsLeft(now);
        if (left)
            return toneColour(*left < 24 * 3600 ? Tone::Error : Tone::Warning);
    }
    if (role == Qt::ToolTipRole && index.column() == NextClock && row.next)
        return QString(row.next->words + QStringLiteral(" (") + row.next->citation + u')');
    return {};
}

QVariant IncidentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        return tr("Id");
    case Title:
        return tr("Title");
    case Jurisdiction:
        return tr("Jurisdiction");
    case Aware:
        return tr("Aware");
    case Risk:
        return tr("Risk");
    case NextClock:
        return tr("Next clock");
    case Notified:
        return tr("Authority notified");
    case Status:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace workbench
