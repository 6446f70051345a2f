#pragma once

#include "domain/Enums.h"
#include "storage/RequestStats.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <QThread>
#include <optional>

namespace workbench {

class Workspace;
class RequestQueueLoader;

// What the queue shows: filters, sort and the day "days left" counts from.
struct RequestQueueFilter
{
    enum class StatusFilter
    {
        Open,
        All,
        Only
    };
    QString organizationId; // empty: every organization
    StatusFilter statusFilter = StatusFilter::Open;
    RequestStatus status = RequestStatus::New; // with Only
    std::optional<RequestType> type;
    std::optional<Jurisdiction> jurisdiction;
    std::optional<QString> assignee; // "" means unassigned
    bool overdue = false;
    bool dueThisWeek = false;
    std::optional<int> dueWithinDays; // open and due within this many days
    QString search;                   // id, e-mail or name
    QDate today = QDate::currentDate();
};

// One row of the queue, as the loader reads it.
struct RequestQueueRow
{
    QString id;
    QString organization;
    RequestType type = RequestType::Access;
    Jurisdiction jurisdiction = Jurisdiction::Gdpr;
    QString requester;
    QString email;
    QDate received;
    QDate dueLegal;
    QDate duePromise;
    QDate dueEffective;
    RequestStatus status = RequestStatus::New;
    QString assignee;
    bool extended = false;
};

// The SQL a filter and sort stand for (shared by the model, the CLI and the
// benchmark's plain-query baseline).
struct RequestQueueSql
{
    QString from; // FROM ... WHERE ...
    QVariantList binds;
    QString orderBy; // ORDER BY ...
    static const char* const selectColumns;

    static RequestQueueSql build(const RequestQueueFilter& filter, int sortColumn,
                                 Qt::SortOrder order);
    QString pageQuery() const; // with LIMIT ? OFFSET ? to bind last
    QString countQuery() const;
    // Runs the query; `limit` < 0 reads every row.
    Result<QList<RequestQueueRow>> fetch(const QSqlDatabase& db, int limit = -1,
                                         int offset = 0) const;
};

// The rights-request queue, read from SQLite a page at a time on a worker
// thread with its own read-only connection: a million requests open, sort
// and filter without loading every row and without blocking the window.
// Rows not read yet show as "…" and are fetched when shown.
class RequestQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        OrganizationColumn,
        TypeColumn,
        JurisdictionColumn,
        RequesterColumn,
        ReceivedColumn,
        DueLegalColumn,
        DuePromiseColumn,
        DaysLeftColumn,
        StatusColumn,
        AssigneeColumn,
        ColumnCount
    };
    static constexpr int kPageSize = 200;

    explicit RequestQueueModel(Workspace& workspace, QObject* parent = nullptr);
    ~RequestQueueModel() override;

    void setFilter(const RequestQueueFilter& filter);
    RequestQueueFilter filter() const { return m_filter; }
    // Reads everything shown again (after a change), keeping the rows until
    // the new ones arrive.
    void refresh();

    bool isLoading() const { return m_pendingCount; }
    const RequestQueueRow* row(int r) const;
    // The row of `id` among the rows read so far, or -1.
    int rowOf(const QString& id) const;
    QList<QString> assignees() const { return m_assignees; }
    // Figures for the charts, read with the rows (after a change too).
    const RequestStats& stats() const { return m_stats; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // The first page of a new filter or sort is in (the count may follow).
    void firstPageLoaded();
    // The number of rows is known.
    void countLoaded();
    void assigneesLoaded();
    void statsLoaded();
    void loadFailed(const QString& message);

    // To the loader.
    void loadRequested(quint64 generation, const RequestQueueSql& sql, bool count, int page);
    void assigneesRequested(const QString& organizationId);
    void statsRequested(const QString& organizationId, QDate today);

private:
    void reload(bool keepRows);
    void requestPage(int page) const;
    void onCounted(quint64 generation, int total);
    void onPageLoaded(quint64 generation, int page, const QList<RequestQueueRow>& rows);

    Workspace& m_workspace;
    RequestQueueFilter m_filter;
    int m_sortColumn = DaysLeftColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    RequestQueueSql m_sql;
    quint64 m_generation = 0;
    bool m_pendingCount = false;
    bool m_keepRows = false;
    bool m_firstPagePending = false;
    bool m_sendScheduled = false;
    bool m_figuresPending = true;
    int m_total = 0;
    QHash<int, QList<RequestQueueRow>> m_pages;
    mutable QSet<int> m_requested;
    QList<QString> m_assignees;
    RequestStats m_stats;
    // Rows on one thread; figures (charts, assignees) on another, so a slow
    // aggregate never delays the rows the officer is waiting for.
    QThread m_thread;
    QThread m_figuresThread;
    QPointer<RequestQueueLoader> m_loader;
    QPointer<RequestQueueLoader> m_figuresLoader;
};

} // namespace workbench

Q_DECLARE_METATYPE(workbench::RequestQueueSql)
Q_DECLARE_METATYPE(workbench::RequestQueueRow)
Q_DECLARE_METATYPE(workbench::RequestStats)
