#include "RequestQueueQuery.h"

#include <QSqlError>
#include <QSqlQuery>

namespace workbench {

const char* const RequestQueueSql::selectColumns =
    "t.id, o.name, t.type, t.jurisdiction, t.subject_name, t.subject_email, t.received_at, "
    "t.due_legal, t.due_promise, t.due_effective, t.status, t.assignee, t.extended_until";

RequestQueueSql RequestQueueSql::build(const RequestQueueFilter& f, RequestQueueKey sortKey,
                                       Qt::SortOrder order)
{
    RequestQueueSql sql;
    QStringList where;
    if (!f.organizationId.isEmpty()) {
        where << QStringLiteral("t.organization_id = ?");
        sql.binds << f.organizationId;
    }
    switch (f.statusFilter) {
    case RequestQueueFilter::StatusFilter::Open:
        where << QStringLiteral("t.is_open = 1");
        break;
    case RequestQueueFilter::StatusFilter::Only:
        where << QStringLiteral("t.status = ?");
        sql.binds << toWire(f.status);
        break;
    case RequestQueueFilter::StatusFilter::All:
        break;
    }
    if (f.type) {
        where << QStringLiteral("t.type = ?");
        sql.binds << toWire(*f.type);
    }
    if (f.jurisdiction) {
        where << QStringLiteral("t.jurisdiction = ?");
        sql.binds << toWire(*f.jurisdiction);
    }
    if (f.assignee) {
        if (f.assignee->isEmpty()) {
            where << QStringLiteral("(t.assignee IS NULL OR t.assignee = '')");
        } else {
            where << QStringLiteral("t.assignee = ?");
            sql.binds << *f.assignee;
        }
    }
    const QString today = f.today.toString(Qt::ISODate);
    if (f.overdue) {
        where << QStringLiteral("t.is_open = 1 AND t.due_effective < ?");
        sql.binds << today;
    }
    if (f.dueWithinDays) {
        where << QStringLiteral("t.is_open = 1 AND t.due_effective <= ?");
        sql.binds << f.today.addDays(*f.dueWithinDays).toString(Qt::ISODate);
    }
    if (f.dueThisWeek) {
        where << QStringLiteral("t.is_open = 1 AND t.due_effective >= ? AND t.due_effective <= ?");
        sql.binds << today << f.today.addDays(7).toString(Qt::ISODate);
    }
    const QString search = f.search.trimmed();
    if (!search.isEmpty()) {
        where << QStringLiteral("(t.id LIKE ? ESCAPE '\\' OR t.subject_email LIKE ? ESCAPE '\\' "
                                "OR t.subject_name LIKE ? ESCAPE '\\')");
        QString escaped = search;
        escaped.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        const QString prefix = escaped + u'%';
        const QString anywhere = u'%' + escaped + u'%';
        sql.binds << prefix << anywhere << anywhere;
    }
    sql.from =
        QStringLiteral(" FROM rights_requests t JOIN organizations o ON o.id = t.organization_id") +
        (where.isEmpty() ? QString()
                         : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")));

    const char* key = "t.due_effective";
    switch (sortKey) {
    case RequestQueueKey::Id:
        key = "t.id";
        break;
    case RequestQueueKey::Organization:
        key = "o.name";
        break;
    case RequestQueueKey::Type:
        key = "t.type";
        break;
    case RequestQueueKey::Jurisdiction:
        key = "t.jurisdiction";
        break;
    case RequestQueueKey::Requester:
        key = "t.subject_name";
        break;
    case RequestQueueKey::Received:
        key = "t.received_at";
        break;
    case RequestQueueKey::DueLegal:
        key = "t.due_legal";
        break;
    case RequestQueueKey::DuePromise:
        key = "t.due_promise";
        break;
    case RequestQueueKey::DueEffective:
        key = "t.due_effective";
        break;
    case RequestQueueKey::WorkflowStatus:
        key = "t.status";
        break;
    case RequestQueueKey::Assignee:
        key = "t.assignee";
        break;
    }
    const QString dir =
        order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    sql.orderBy =
        QStringLiteral(" ORDER BY ") + QLatin1String(key) + dir + QStringLiteral(", t.id") + dir;
    return sql;
}

QString RequestQueueSql::pageQuery() const
{
    return QStringLiteral("SELECT ") + QLatin1String(selectColumns) + from + orderBy +
           QStringLiteral(" LIMIT ? OFFSET ?");
}

QString RequestQueueSql::countQuery() const
{
    return QStringLiteral("SELECT count(*)") + from;
}

Result<QList<RequestQueueRow>> RequestQueueSql::fetch(const QSqlDatabase& db, int limit,
                                                      int offset) const
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(pageQuery());
    for (const QVariant& b : binds)
        q.addBindValue(b);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return Error{q.lastError().text()};
    QList<RequestQueueRow> rows;
    if (limit > 0)
        rows.reserve(limit);
    while (q.next()) {
        RequestQueueRow r;
        r.id = q.value(0).toString();
        r.organization = q.value(1).toString();
        r.type = fromWire<RequestType>(q.value(2).toString()).value_or(RequestType::Access);
        r.jurisdiction =
            fromWire<Jurisdiction>(q.value(3).toString()).value_or(Jurisdiction::Other);
        r.requester = q.value(4).toString();
        r.email = q.value(5).toString();
        r.received = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs).toUTC().date();
        r.dueLegal = QDate::fromString(q.value(7).toString(), Qt::ISODate);
        r.duePromise = QDate::fromString(q.value(8).toString(), Qt::ISODate);
        r.dueEffective = QDate::fromString(q.value(9).toString(), Qt::ISODate);
        r.status = fromWire<RequestStatus>(q.value(10).toString()).value_or(RequestStatus::New);
        r.assignee = q.value(11).toString();
        r.extended = !q.isNull(12);
        rows.append(std::move(r));
    }
    return rows;
}

} // namespace workbench
