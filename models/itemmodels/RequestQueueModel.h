#pragma once

#include "domain/Enums.h"
#include "storage/RequestQueueQuery.h"
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
    // What a column sorts by (days left: the effective due date).
    static RequestQueueKey sortKeyOf(int column);

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
