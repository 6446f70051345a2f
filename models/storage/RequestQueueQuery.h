#pragma once

#include "domain/Enums.h"
#include "domain/Result.h"

#include <QDate>
#include <QSqlDatabase>
#include <QVariantList>
#include <optional>

namespace workbench {

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

// What the queue sorts by (then by id, in the same direction).
enum class RequestQueueKey
{
    Id,
    Organization,
    Type,
    Jurisdiction,
    Requester,
    Received,
    DueLegal,
    DuePromise,
    DueEffective,
    WorkflowStatus,
    Assignee
};

// The SQL a filter and sort stand for (shared by the model, the CLI and the
// benchmark's plain-query baseline).
struct RequestQueueSql
{
    QString from; // FROM ... WHERE ...
    QVariantList binds;
    QString orderBy; // ORDER BY ...
    static const char* const selectColumns;

    static RequestQueueSql build(const RequestQueueFilter& filter, RequestQueueKey sortKey,
                                 Qt::SortOrder order);
    QString pageQuery() const; // with LIMIT ? OFFSET ? to bind last
    QString countQuery() const;
    // Runs the query; `limit` < 0 reads every row.
    Result<QList<RequestQueueRow>> fetch(const QSqlDatabase& db, int limit = -1,
                                         int offset = 0) const;
};

} // namespace workbench
