#include "Database.h"
#include "SyncStore.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>

// The records refused and kept for the next sync (sync_refused), and the
// sync log (sync_runs, sync_rejections): the rest of SyncStore.

namespace workbench::sync {

// --- sync_refused

Result<QList<RefusedRecord>> SyncStore::refused(const QString& resource)
{
    QSqlQuery& q = prepared(
        QStringLiteral("SELECT resource, record_id, source, version, field, cause, reason, "
                       "record_json, first_refused_at, last_tried_at, tries FROM "
                       "sync_refused %1 ORDER BY first_refused_at, resource, record_id")
            .arg(resource.isEmpty() ? QString() : QStringLiteral("WHERE resource = ?")));
    if (!resource.isEmpty())
        q.addBindValue(resource);
    if (!q.exec())
        return failed(q);
    QList<RefusedRecord> out;
    while (q.next()) {
        RefusedRecord r;
        r.resource = q.value(0).toString();
        r.id = q.value(1).toString();
        r.source = q.value(2).toString();
        r.version = q.value(3).toLongLong();
        r.refusal = {q.value(4).toString(), q.value(5).toString(), q.value(6).toString()};
        r.record = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        r.firstRefusedAt = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
        r.lastTriedAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
        r.tries = q.value(10).toInt();
        out << r;
    }
    q.finish();
    return out;
}

Result<QMap<QString, int>> SyncStore::refusedCauses()
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT cause, count(*) FROM sync_refused GROUP BY cause")))
        return failed(q);
    QMap<QString, int> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toInt());
    return out;
}

Result<QSet<QString>> SyncStore::refusedIds(const QString& resource)
{
    QSqlQuery& q =
        prepared(QStringLiteral("SELECT record_id FROM sync_refused WHERE resource = ?"));
    q.addBindValue(resource);
    if (!q.exec())
        return failed(q);
    QSet<QString> out;
    while (q.next())
        out.insert(q.value(0).toString());
    q.finish();
    return out;
}

Status SyncStore::keepRefused(const QString& source, const QString& resource,
                              const QJsonObject& record, const Refusal& refusal, bool anotherTry)
{
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO sync_refused (resource, record_id, source, version, field, cause, reason, "
        "record_json, first_refused_at, last_tried_at, tries) VALUES (?,?,?,?,?,?,?,?,?,?,1) "
        "ON CONFLICT (resource, record_id) DO UPDATE SET source = excluded.source, "
        "version = excluded.version, field = excluded.field, cause = excluded.cause, "
        "reason = excluded.reason, record_json = excluded.record_json, "
        "last_tried_at = excluded.last_tried_at, tries = sync_refused.tries + ?"));
    const QString at = utcNow();
    const QJsonValue version = record.value(QLatin1String("version"));
    q.addBindValue(resource);
    q.addBindValue(record.value(QLatin1String("id")).toString());
    q.addBindValue(source);
    q.addBindValue(version.isDouble() ? QVariant(version.toInteger()) : QVariant());
    q.addBindValue(refusal.field.isEmpty() ? QVariant() : QVariant(refusal.field));
    q.addBindValue(refusal.cause);
    q.addBindValue(refusal.reason);
    q.addBindValue(compact(record));
    q.addBindValue(at);
    q.addBindValue(at);
    q.addBindValue(anotherTry ? 1 : 0);
    return q.exec() ? Status{} : failed(q);
}

Status SyncStore::dropRefused(const QString& resource, const QString& id)
{
    QSqlQuery& q =
        prepared(QStringLiteral("DELETE FROM sync_refused WHERE resource = ? AND record_id = ?"));
    q.addBindValue(resource);
    q.addBindValue(id);
    return q.exec() ? Status{} : failed(q);
}

// --- sync_runs, sync_rejections

Status SyncStore::logRun(const SyncRun& run)
{
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("INSERT INTO sync_runs (source, started_at, finished_at, outcome, "
                                 "message, summary_json) VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(run.source);
        q.addBindValue(run.startedAt.toString(Qt::ISODateWithMs));
        q.addBindValue(run.finishedAt.toString(Qt::ISODateWithMs));
        q.addBindValue(run.outcome);
        q.addBindValue(run.message);
        q.addBindValue(compact(run.summary));
        if (!q.exec())
            return failed(q);
        const qint64 seq = q.lastInsertId().toLongLong();
        QSqlQuery r(m_db.connection());
        r.prepare(QStringLiteral("INSERT INTO sync_rejections (run_seq, resource, record_id, "
                                 "field, reason) VALUES (?, ?, ?, ?, ?)"));
        for (const Rejection& rejection : run.rejections) {
            r.addBindValue(seq);
            r.addBindValue(rejection.resource);
            r.addBindValue(rejection.id);
            r.addBindValue(rejection.field);
            r.addBindValue(rejection.reason);
            if (!r.exec())
                return failed(r);
        }
        return {};
    });
}

Result<QList<SyncRun>> SyncStore::runs(int limit)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT seq, source, started_at, finished_at, outcome, message, "
                             "summary_json FROM sync_runs ORDER BY seq DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return failed(q);
    QList<SyncRun> runs;
    while (q.next()) {
        SyncRun r;
        r.seq = q.value(0).toLongLong();
        r.source = q.value(1).toString();
        r.startedAt = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
        r.finishedAt = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
        r.outcome = q.value(4).toString();
        r.message = q.value(5).toString();
        r.summary = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
        runs << r;
    }
    if (runs.isEmpty())
        return runs;
    // The rejections of every run shown, in one query.
    QHash<qint64, SyncRun*> bySeq;
    for (SyncRun& r : runs)
        bySeq.insert(r.seq, &r);
    QSqlQuery rq(m_db.connection());
    rq.prepare(QStringLiteral("SELECT run_seq, resource, record_id, field, reason FROM "
                              "sync_rejections WHERE run_seq >= ? ORDER BY run_seq, rowid"));
    rq.addBindValue(runs.last().seq);
    if (!rq.exec())
        return failed(rq);
    while (rq.next())
        if (SyncRun* r = bySeq.value(rq.value(0).toLongLong()))
            r->rejections.append({rq.value(1).toString(), rq.value(2).toString(),
                                  rq.value(3).toString(), rq.value(4).toString()});
    return runs;
}

} // namespace workbench::sync
