#include "RequestQueueModel.h"

#include "ModelRoles.h"
#include "Tone.h"
#include "domain/Deadlines.h"
#include "domain/RequestWorkflow.h"
#include "domain/Resources.h"
#include "storage/Database.h"
#include "storage/Workspace.h"

#include <QBrush>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace workbench {

// Runs the queue's queries on its own thread and connection.
class RequestQueueLoader : public QObject
{
    Q_OBJECT

public:
    explicit RequestQueueLoader(const QString& path)
        : m_path(path)
    {}
    std::atomic<quint64> latest{0};

    void load(quint64 generation, const RequestQueueSql& sql, bool count, int page)
    {
        if (generation < latest.load())
            return; // a newer filter or sort came in meanwhile
        if (!open())
            return;
        const QSqlDatabase db = m_db->connection();
        // The first rows first: the count of a large filter takes longer,
        // and the view can show rows before it knows how many there are.
        auto rows =
            sql.fetch(db, RequestQueueModel::kPageSize, page * RequestQueueModel::kPageSize);
        if (!rows) {
            emit failed(rows.error());
            return;
        }
        emit pageLoaded(generation, page, rows.value());
        if (!count || generation < latest.load())
            return;
        QSqlQuery q(db);
        q.prepare(sql.countQuery());
        for (const QVariant& b : sql.binds)
            q.addBindValue(b);
        if (!q.exec() || !q.next()) {
            emit failed(q.lastError().text());
            return;
        }
        emit counted(generation, q.value(0).toInt());
    }

    void loadAssignees(const QString& organizationId)
    {
        if (!open())
            return;
        QSqlQuery q(m_db->connection());
        q.prepare(
            QStringLiteral("SELECT DISTINCT assignee FROM rights_requests WHERE assignee <> ''") +
            (organizationId.isEmpty() ? QString() : QStringLiteral(" AND organization_id = ?")) +
            QStringLiteral(" ORDER BY assignee"));
        if (!organizationId.isEmpty())
            q.addBindValue(organizationId);
        QStringList names;
        if (q.exec()) {
            while (q.next())
                names << q.value(0).toString();
        }
        emit assigneesLoaded(names);
    }

    void loadStats(const QString& organizationId, QDate today)
    {
        if (!open())
            return;
        auto stats = RequestStats::read(*m_db, organizationId, today);
        if (stats)
            emit statsLoaded(stats.value());
        else
            emit failed(stats.error());
    }

signals:
    void statsLoaded(const RequestStats& stats);
    void counted(quint64 generation, int total);
    void pageLoaded(quint64 generation, int page, const QList<RequestQueueRow>& rows);
    void assigneesLoaded(const QStringList& names);
    void failed(const QString& message);

private:
    bool open()
    {
        if (m_db)
            return true;
        auto db = Database::open(m_path, {Database::Mode::ReadOnly, {}});
        if (!db) {
            emit failed(db.error());
            return false;
        }
        m_db = std::move(db).value();
        return true;
    }

    QString m_path;
    std::unique_ptr<Database> m_db;
};

RequestQueueKey RequestQueueModel::sortKeyOf(int column)
{
    switch (Column(column)) {
    case IdColumn:
        return RequestQueueKey::Id;
    case OrganizationColumn:
        return RequestQueueKey::Organization;
    case TypeColumn:
        return RequestQueueKey::Type;
    case JurisdictionColumn:
        return RequestQueueKey::Jurisdiction;
    case RequesterColumn:
        return RequestQueueKey::Requester;
    case ReceivedColumn:
        return RequestQueueKey::Received;
    case DueLegalColumn:
        return RequestQueueKey::DueLegal;
    case DuePromiseColumn:
        return RequestQueueKey::DuePromise;
    case StatusColumn:
        return RequestQueueKey::WorkflowStatus;
    case AssigneeColumn:
        return RequestQueueKey::Assignee;
    case DaysLeftColumn:
    case ColumnCount:
        break;
    }
    return RequestQueueKey::DueEffective;
}

RequestQueueModel::RequestQueueModel(Workspace& workspace, QObject* parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{
    qRegisterMetaType<RequestQueueSql>();
    qRegisterMetaType<RequestQueueRow>();
    qRegisterMetaType<QList<RequestQueueRow>>();
    qRegisterMetaType<RequestStats>();
    m_thread.setObjectName(QStringLiteral("request-queue-rows"));
    m_figuresThread.setObjectName(QStringLiteral("request-queue-figures"));
    auto loader = new RequestQueueLoader(workspace.path());
    loader->moveToThread(&m_thread);
    m_loader = loader;
    auto figures = new RequestQueueLoader(workspace.path());
    figures->moveToThread(&m_figuresThread);
    m_figuresLoader = figures;
    connect(this, &RequestQueueModel::loadRequested, loader, &RequestQueueLoader::load);
    connect(loader, &RequestQueueLoader::counted, this, &RequestQueueModel::onCounted);
    connect(loader, &RequestQueueLoader::pageLoaded, this, &RequestQueueModel::onPageLoaded);
    connect(loader, &RequestQueueLoader::failed, this, &RequestQueueModel::loadFailed);
    connect(this, &RequestQueueModel::assigneesRequested, figures,
            &RequestQueueLoader::loadAssignees);
    connect(this, &RequestQueueModel::statsRequested, figures, &RequestQueueLoader::loadStats);
    connect(figures, &RequestQueueLoader::failed, this, &RequestQueueModel::loadFailed);
    connect(figures, &RequestQueueLoader::statsLoaded, this, [this](const RequestStats& stats) {
        m_stats = stats;
        emit statsLoaded();
    });
    connect(figures, &RequestQueueLoader::assigneesLoaded, this, [this](const QStringList& names) {
        m_assignees = names;
        emit assigneesLoaded();
    });
    connect(&workspace, &Workspace::recordChanged, this, [this](const QString& resource) {
        if (resource == resource::rightsRequests || resource == resource::deadlineRules ||
            resource == resource::holidays)
            refresh();
    });
    m_thread.start(QThread::HighPriority);
    m_figuresThread.start(QThread::LowPriority);
}

RequestQueueModel::~RequestQueueModel()
{
    // The loaders and their connections live and die on their own threads.
    const std::pair<QPointer<RequestQueueLoader>, QThread*> workers[] = {
        {m_loader, &m_thread}, {m_figuresLoader, &m_figuresThread}};
    for (const auto& [loader, thread] : workers) {
        if (loader)
            QMetaObject::invokeMethod(
                loader, [l = loader.data()] { delete l; }, Qt::BlockingQueuedConnection);
        thread->quit();
        thread->wait();
    }
}

void RequestQueueModel::setFilter(const RequestQueueFilter& filter)
{
    const bool organizationChanged =
        filter.organizationId != m_filter.organizationId || m_generation == 0;
    m_filter = filter;
    reload(false);
    m_figuresPending = m_figuresPending || organizationChanged;
}

void RequestQueueModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reload(false);
}

void RequestQueueModel::refresh()
{
    m_figuresPending = true;
    reload(true);
}

void RequestQueueModel::reload(bool keepRows)
{
    m_sql = RequestQueueSql::build(m_filter, sortKeyOf(m_sortColumn), m_sortOrder);
    ++m_generation;
    m_loader->latest = m_generation;
    m_requested.clear();
    // Until the new first page is in, the rows shown stay as they are: no
    // reset, no repaint of an empty table in between.
    m_keepRows = keepRows || (m_keepRows && m_firstPagePending);
    m_firstPagePending = true;
    m_pendingCount = true;
    if (m_sendScheduled)
        return;
    // Changes made in one go (a filter and a sort) ask the loader once.
    m_sendScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_sendScheduled = false;
            m_requested.insert(0);
            emit loadRequested(m_generation, m_sql, true, 0);
        },
        Qt::QueuedConnection);
}

void RequestQueueModel::onCounted(quint64 generation, int total)
{
    if (generation != m_generation)
        return;
    m_pendingCount = false;
    if (total > m_total) {
        beginInsertRows({}, m_total, total - 1);
        m_total = total;
        endInsertRows();
    } else if (total < m_total) {
        beginRemoveRows({}, total, m_total - 1);
        m_total = total;
        endRemoveRows();
    }
    emit countLoaded();
}

void RequestQueueModel::onPageLoaded(quint64 generation, int page,
                                     const QList<RequestQueueRow>& rows)
{
    if (generation != m_generation)
        return;
    if (page == 0 && m_firstPagePending) {
        m_firstPagePending = false;
        if (m_keepRows) {
            // A refresh: the rows stay where they are; later pages are read
            // again when shown.
            m_pages.clear();
            m_pages.insert(0, rows);
            if (m_total > 0)
                emit dataChanged(index(0, 0), index(m_total - 1, ColumnCount - 1));
            if (m_total < rows.size()) {
                beginInsertRows({}, m_total, int(rows.size()) - 1);
                m_total = int(rows.size());
                endInsertRows();
            }
        } else {
            // New filter or sort: show the first rows now; the count adds
            // the rest when it comes.
            beginResetModel();
            m_pages.clear();
            m_pages.insert(0, rows);
            m_total = int(rows.size());
            endResetModel();
        }
        emit firstPageLoaded();
        // The figures after the rows, so they do not compete for the disk
        // and the cores while the officer waits for the first page.
        if (m_figuresPending) {
            m_figuresPending = false;
            emit assigneesRequested(m_filter.organizationId);
            emit statsRequested(m_filter.organizationId, m_filter.today);
        }
        return;
    }
    m_pages.insert(page, rows);
    const int first = page * kPageSize;
    const int last = std::min(m_total, first + int(rows.size())) - 1;
    if (last >= first)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void RequestQueueModel::requestPage(int page) const
{
    if (m_requested.contains(page))
        return;
    m_requested.insert(page);
    // data() is const; asking the loader for a page changes nothing shown.
    emit const_cast<RequestQueueModel*>(this)->loadRequested(m_generation, m_sql, false, page);
}

const RequestQueueRow* RequestQueueModel::row(int r) const
{
    if (r < 0 || r >= m_total)
        return nullptr;
    const auto it = m_pages.constFind(r / kPageSize);
    if (it == m_pages.constEnd()) {
        if (!m_firstPagePending) // the rows shown are the old ones meanwhile
            requestPage(r / kPageSize);
        return nullptr;
    }
    const int i = r % kPageSize;
    return i < it->size() ? &(*it)[i] : nullptr;
}

int RequestQueueModel::rowOf(const QString& id) const
{
    for (auto it = m_pages.constBegin(); it != m_pages.constEnd(); ++it) {
        for (int i = 0; i < it->size(); ++i) {
            if ((*it)[i].id == id)
                return it.key() * kPageSize + i;
        }
    }
    return -1;
}

int RequestQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_total;
}

int RequestQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestQueueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const RequestQueueRow* r = row(index.row());
    if (!r)
        return role == Qt::DisplayRole && index.column() == 0 ? QVariant(QStringLiteral("…"))
                                                              : QVariant();
    const bool open = !RequestWorkflow::isClosed(r->status);
    const qint64 daysLeft = m_filter.today.daysTo(r->dueEffective);
    switch (role) {
    case RecordIdRole:
        return r->id;
    case Qt::DisplayRole: {
        const QLocale locale;
        auto date = [&locale](QDate d) {
            return d.isValid() ? locale.toString(d, QLocale::ShortFormat) : QString();
        };
        switch (Column(index.column())) {
        case IdColumn:
            return r->id;
        case OrganizationColumn:
            return r->organization;
        case TypeColumn:
            return displayLabel(r->type);
        case JurisdictionColumn:
            return toWire(r->jurisdiction);
        case RequesterColumn:
            return r->requester.isEmpty() ? r->email : r->requester;
        case ReceivedColumn:
            return date(r->received);
        case DueLegalColumn:
            return r->extended ? tr("%1 (extended)").arg(date(r->dueLegal)) : date(r->dueLegal);
        case DuePromiseColumn:
            return date(r->duePromise);
        case DaysLeftColumn:
            if (!open)
                return QStringLiteral("—");
            return daysLeft < 0 ? tr("%1 overdue").arg(-daysLeft) : QString::number(daysLeft);
        case StatusColumn:
            return displayLabel(r->status);
        case AssigneeColumn:
            return r->assignee;
        case ColumnCount:
            break;
        }
        break;
    }
    case Qt::ToolTipRole:
        if (index.column() == RequesterColumn)
            return r->email;
        if (index.column() == DaysLeftColumn && open)
            return tr("Due %1 (the earlier of the legal date and the organization's promise)")
                .arg(r->dueEffective.toString(Qt::ISODate));
        break;
    case Qt::BackgroundRole:
        if (!open)
            return {};
        switch (urgencyOf(r->dueEffective, m_filter.today)) {
        case Urgency::Overdue:
            return QBrush(QColor(0xf8, 0xd0, 0xd0));
        case Urgency::Within5Days:
            return QBrush(QColor(0xfb, 0xe0, 0xb0));
        case Urgency::Within10Days:
            return QBrush(QColor(0xfb, 0xf3, 0xc0));
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (open && index.column() == DaysLeftColumn && daysLeft < 0)
            return QBrush(toneColour(Tone::Error));
        if (!open)
            return QBrush(Qt::darkGray);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == DaysLeftColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant RequestQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case IdColumn:
        return tr("Id");
    case OrganizationColumn:
        return tr("Organization");
    case TypeColumn:
        return tr("Type");
    case JurisdictionColumn:
        return tr("Jurisdiction");
    case RequesterColumn:
        return tr("Requester");
    case ReceivedColumn:
        return tr("Received");
    case DueLegalColumn:
        return tr("Due (legal)");
    case DuePromiseColumn:
        return tr("Due (our promise)");
    case DaysLeftColumn:
        return tr("Days left");
    case StatusColumn:
        return tr("Status");
    case AssigneeColumn:
        return tr("Assignee");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace workbench

#include "RequestQueueModel.moc"
