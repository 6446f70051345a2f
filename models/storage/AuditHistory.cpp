#include "AuditHistory.h"

#include "AuditLogInternal.h"
#include "Database.h"

#include <QJsonDocument>
#include <QLocale>
#include <QSqlQuery>
#include <QVariant>

namespace workbench {

namespace {

const QString kStateless = QStringLiteral("*");

QDateTime parseAt(const QVariant& v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QString stamp(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QString AuditHistory::dayText(QDate day)
{
    return QLocale().toString(day, QStringLiteral("d MMMM yyyy"));
}

Result<QDate> AuditHistory::earliestDay(const QStringList& resources, const QTimeZone& zone) const
{
    const QSqlDatabase conn = m_db.connection();
    QDateTime from;
    auto later = [&](const QDateTime& at) {
        if (at.isValid() && (!from.isValid() || at > from))
            from = at;
    };
    // The log's first entry: nothing before it is known.
    {
        QSqlQuery q(conn);
        if (!q.exec(QStringLiteral("SELECT at FROM audit_log ORDER BY seq LIMIT 1")))
            return sqlError(QStringLiteral("Reading the audit log"), q);
        if (!q.next())
            return QDate();
        later(parseAt(q.value(0)));
    }
    // A workspace that began keeping record states late: changes before its
    // baseline may have been written without an entry.
    if (const qint64 since = m_db.meta(auditdetail::kRecordsSince).toLongLong(); since > 0) {
        QSqlQuery q(conn);
        q.prepare(QStringLiteral("SELECT at FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 1"));
        q.addBindValue(since);
        if (!q.exec())
            return sqlError(QStringLiteral("Reading the audit log"), q);
        if (q.next())
            later(parseAt(q.value(0)));
    }
    // The last change of each kind written without states (the index on
    // record type and id finds them).
    for (const QString& resource : resources) {
        QSqlQuery q(conn);
        q.prepare(QStringLiteral("SELECT max(at) FROM audit_log WHERE record_type = ? AND "
                                 "record_id = ? AND action <> 'baseline'"));
        q.addBindValue(resource);
        q.addBindValue(kStateless);
        if (!q.exec())
            return sqlError(QStringLiteral("Reading the audit log"), q);
        if (q.next() && !q.value(0).isNull())
            later(parseAt(q.value(0)));
    }
    return from.toTimeZone(zone).date();
}

Result<qint64> AuditHistory::firstSeqAtOrAfter(const QDateTime& cutoff, qint64 head) const
{
    // Entry times never go back and sequence numbers have no gaps: bisect.
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT at FROM audit_log WHERE seq = ?"));
    const QString at = stamp(cutoff);
    qint64 lo = 1, hi = head + 1; // the answer lies in [lo, hi]
    while (lo < hi) {
        const qint64 mid = lo + (hi - lo) / 2;
        q.addBindValue(mid);
        if (!q.exec())
            return sqlError(QStringLiteral("Reading the audit log"), q);
        const bool found = q.next();
        const QString midAt = found ? q.value(0).toString() : QString();
        q.finish();
        if (!found || midAt >= at)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

Result<AsOfPoint> AuditHistory::point(QDate day, const QTimeZone& zone,
                                      const QStringList& resources) const
{
    if (!day.isValid())
        return Error{tr("No day was given for the \"as of\" view.")};
    auto earliest = earliestDay(resources, zone);
    if (!earliest)
        return Error{earliest.error()};
    if (earliest->isValid() && day < earliest.value())
        return Error{tr("The audit log cannot show the records as of %1 (%2): it answers from "
                        "%3 (%4) on. Before that day it holds no record of what changed.")
                         .arg(dayText(day), day.toString(Qt::ISODate), dayText(earliest.value()),
                              earliest->toString(Qt::ISODate))};
    AsOfPoint p;
    p.day = day;
    p.cutoff = day.addDays(1).startOfDay(zone).toUTC();
    p.resources = resources;
    p.zone = zone;
    QSqlQuery h(m_db.connection());
    if (!h.exec(QStringLiteral("SELECT max(seq) FROM audit_log")))
        return sqlError(QStringLiteral("Reading the audit log"), h);
    const qint64 head = h.next() ? h.value(0).toLongLong() : 0;
    auto first = firstSeqAtOrAfter(p.cutoff, head);
    if (!first)
        return Error{first.error()};
    p.firstSeqAfter = first.value();
    return p;
}

Result<AsOfStates> AuditHistory::states(const AsOfPoint& point, const QString& resource) const
{
    AsOfStates out;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // One entry per record: its first after the point. The inner query
    // reads only the index on (record_type, record_id), whose rows carry seq.
    q.prepare(QStringLiteral(
        "SELECT record_id, action, before_json, after_json, at FROM audit_log WHERE seq IN "
        "(SELECT min(seq) FROM audit_log WHERE record_type = ? AND record_id <> ? AND seq >= ? "
        "GROUP BY record_id)"));
    q.addBindValue(resource);
    q.addBindValue(kStateless);
    q.addBindValue(point.firstSeqAfter);
    if (!q.exec())
        return sqlError(QStringLiteral("Reading the audit log"), q);
    while (q.next()) {
        const QString id = q.value(0).toString();
        const QString action = q.value(1).toString();
        const QString before = q.value(2).toString();
        if (!before.isEmpty()) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(before.toUtf8(), &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject())
                return Error{tr("The audit log's entry on %1 %2 is damaged: %3")
                                 .arg(resource, id, error.errorString())};
            out.changed.insert(id, doc.object());
        } else if (!q.value(3).toString().isEmpty()) {
            out.changed.insert(id, std::nullopt); // created after the point
        } else {
            const QDate on = parseAt(q.value(4)).toTimeZone(point.zone).date();
            return Error{tr("The audit log cannot show the records as of %1: a change to %2 %3 "
                            "on %4 (%5) was recorded without its states. Choose a day from %4 on.")
                             .arg(dayText(point.day), resource, id, dayText(on), action)};
        }
    }
    return out;
}

} // namespace workbench
