#include "RequestStats.h"

#include "Database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

namespace workbench {

namespace {

QString orgCondition(const QString& organizationId)
{
    return organizationId.isEmpty() ? QString() : QStringLiteral(" AND organization_id = :org");
}

void bindOrg(QSqlQuery& q, const QString& organizationId)
{
    if (!organizationId.isEmpty())
        q.bindValue(QStringLiteral(":org"), organizationId);
}

} // namespace

QStringList RequestStats::daysLeftBuckets()
{
    return {tr("late"), tr("0–5"), tr("6–10"), tr("11–20"), tr("21–30"), tr("> 30")};
}

Result<RequestStats> RequestStats::read(const Database& db, const QString& organizationId,
                                        QDate today)
{
    RequestStats stats;
    stats.openByDaysLeft = QList<int>(6, 0);
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral(
                  "SELECT CASE WHEN due_effective < :d0 THEN 0 WHEN due_effective <= :d5 THEN 1 "
                  "WHEN due_effective <= :d10 THEN 2 WHEN due_effective <= :d20 THEN 3 "
                  "WHEN due_effective <= :d30 THEN 4 ELSE 5 END AS bucket, count(*) "
                  "FROM rights_requests WHERE is_open = 1") +
              orgCondition(organizationId) + QStringLiteral(" GROUP BY bucket"));
    q.bindValue(QStringLiteral(":d0"), today.toString(Qt::ISODate));
    q.bindValue(QStringLiteral(":d5"), today.addDays(5).toString(Qt::ISODate));
    q.bindValue(QStringLiteral(":d10"), today.addDays(10).toString(Qt::ISODate));
    q.bindValue(QStringLiteral(":d20"), today.addDays(20).toString(Qt::ISODate));
    q.bindValue(QStringLiteral(":d30"), today.addDays(30).toString(Qt::ISODate));
    bindOrg(q, organizationId);
    if (!q.exec())
        return sqlError(QStringLiteral("Counting open requests"), q);
    while (q.next())
        stats.openByDaysLeft[q.value(0).toInt()] = q.value(1).toInt();

    const QDate first(today.addMonths(-11).year(), today.addMonths(-11).month(), 1);
    QSqlQuery m(db.connection());
    m.prepare(QStringLiteral("SELECT substr(closed_at, 1, 7) AS month, count(*), "
                             "sum(substr(closed_at, 1, 10) <= due_effective) FROM rights_requests "
                             "WHERE is_open = 0 AND closed_at >= :first") +
              orgCondition(organizationId) + QStringLiteral(" GROUP BY month ORDER BY month"));
    m.bindValue(QStringLiteral(":first"), first.toString(Qt::ISODate));
    bindOrg(m, organizationId);
    if (!m.exec())
        return sqlError(QStringLiteral("Counting closed requests"), m);
    while (m.next())
        stats.onTimeByMonth.append({m.value(0).toString(), m.value(1).toInt(), m.value(2).toInt()});
    return stats;
}

Result<RequestAttentionLists> RequestAttentionLists::read(const Database& db,
                                                          const QString& organizationId,
                                                          QDate today, int limit)
{
    RequestAttentionLists out;
    const QString org = orgCondition(organizationId);
    auto run = [&](const QString& where, const QString& dueColumn, const QString& order,
                   QList<RequestAttention>* list, int* count) -> Status {
        QSqlQuery c(db.connection());
        c.prepare(QStringLiteral("SELECT count(*) FROM rights_requests WHERE ") + where + org);
        c.bindValue(QStringLiteral(":today"), today.toString(Qt::ISODate));
        c.bindValue(QStringLiteral(":week"), today.addDays(7).toString(Qt::ISODate));
        bindOrg(c, organizationId);
        if (!c.exec() || !c.next())
            return sqlError(QStringLiteral("Counting requests"), c);
        *count = c.value(0).toInt();
        QSqlQuery q(db.connection());
        q.prepare(
            QStringLiteral("SELECT id, type, jurisdiction, status, %1 FROM rights_requests WHERE ")
                .arg(dueColumn) +
            where + org +
            QStringLiteral(" ORDER BY %1 %2, id LIMIT %3").arg(dueColumn, order).arg(limit));
        q.bindValue(QStringLiteral(":today"), today.toString(Qt::ISODate));
        q.bindValue(QStringLiteral(":week"), today.addDays(7).toString(Qt::ISODate));
        bindOrg(q, organizationId);
        if (!q.exec())
            return sqlError(QStringLiteral("Reading requests"), q);
        while (q.next())
            list->append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                          q.value(3).toString(),
                          QDate::fromString(q.value(4).toString(), Qt::ISODate)});
        return {};
    };
    if (auto s = run(QStringLiteral("is_open = 1 AND due_effective < :today"),
                     QStringLiteral("due_effective"), QStringLiteral("ASC"), &out.overdue,
                     &out.overdueCount);
        !s)
        return Error{s.error()};
    if (auto s = run(
            QStringLiteral("is_open = 1 AND due_effective >= :today AND due_effective <= :week"),
            QStringLiteral("due_effective"), QStringLiteral("ASC"), &out.dueThisWeek,
            &out.dueThisWeekCount);
        !s)
        return Error{s.error()};
    if (auto s = run(
            QStringLiteral("is_open = 1 AND acknowledge_by IS NOT NULL AND acknowledged_on IS NULL "
                           "AND acknowledge_by <= :week"),
            QStringLiteral("acknowledge_by"), QStringLiteral("ASC"), &out.acknowledgementsDue,
            &out.acknowledgementsDueCount);
        !s)
        return Error{s.error()};
    return out;
}

} // namespace workbench
