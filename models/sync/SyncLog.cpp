#include "SyncEngine.h"
#include "SyncSql.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

// The report of a run and the sync log (sync_runs, sync_rejections).

namespace workbench::sync {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SyncEngine", text);
}

} // namespace

QJsonObject SyncReport::toJson() const
{
    QJsonObject perResource;
    for (auto it = resources.begin(); it != resources.end(); ++it)
        perResource.insert(it.key(), QJsonObject{{QStringLiteral("added"), it->added},
                                                 {QStringLiteral("updated"), it->updated},
                                                 {QStringLiteral("deleted"), it->deleted},
                                                 {QStringLiteral("rejected"), it->rejected},
                                                 {QStringLiteral("retried"), it->retried},
                                                 {QStringLiteral("pages"), it->pages}});
    QJsonArray rejected;
    for (const Rejection& r : rejections)
        rejected.append(QJsonObject{{QStringLiteral("source"), source},
                                    {QStringLiteral("resource"), r.resource},
                                    {QStringLiteral("id"), r.id},
                                    {QStringLiteral("field"), r.field},
                                    {QStringLiteral("cause"), r.cause},
                                    {QStringLiteral("reason"), r.reason}});
    QJsonObject causes;
    for (auto it = waiting.begin(); it != waiting.end(); ++it)
        causes.insert(it.key(), it.value());
    QJsonObject o{{QStringLiteral("source"), source},
                  {QStringLiteral("ok"), ok()},
                  {QStringLiteral("outcome"), outcome()},
                  {QStringLiteral("pushed"), pushed},
                  {QStringLiteral("conflicts"), conflicts},
                  {QStringLiteral("resources"), perResource},
                  {QStringLiteral("rejected"), rejected},
                  {QStringLiteral("waiting"), QJsonObject{{QStringLiteral("total"), waitingTotal()},
                                                          {QStringLiteral("causes"), causes}}}};
    if (cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

int SyncReport::waitingTotal() const
{
    int total = 0;
    for (int n : waiting)
        total += n;
    return total;
}

QString SyncReport::outcome() const
{
    if (!ok())
        return cancelled ? QStringLiteral("cancelled") : QStringLiteral("error");
    return waitingTotal() > 0 ? QStringLiteral("waiting") : QStringLiteral("ok");
}

QString SyncReport::waitingCauses() const
{
    // The commonest cause first.
    QList<std::pair<int, QString>> byCount;
    for (auto it = waiting.begin(); it != waiting.end(); ++it)
        byCount.append({-it.value(), it.key()});
    std::sort(byCount.begin(), byCount.end());
    QStringList causes;
    for (const auto& [minus, cause] : byCount)
        causes << (waiting.size() == 1 ? cause : QStringLiteral("%1 %2").arg(-minus).arg(cause));
    return causes.join(QStringLiteral(", "));
}

QString SyncReport::waitingMessage() const
{
    const int total = waitingTotal();
    if (total == 0)
        return QString();
    const QString text = total == 1 ? tr("1 record refused and kept for the next sync: %2")
                                    : tr("%1 records refused and kept for the next sync: %2");
    return QString(text)
        .replace(QStringLiteral("%1"), QString::number(total))
        .replace(QStringLiteral("%2"), waitingCauses());
}

Result<QList<SyncRun>> loadSyncRuns(Database& db, int limit)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT seq, source, started_at, finished_at, outcome, message, "
                             "summary_json FROM sync_runs ORDER BY seq DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return Error{q.lastError().text()};
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
    QSqlQuery rq(db.connection());
    rq.prepare(QStringLiteral("SELECT run_seq, resource, record_id, field, reason FROM "
                              "sync_rejections WHERE run_seq >= ? ORDER BY run_seq, rowid"));
    rq.addBindValue(runs.last().seq);
    if (!rq.exec())
        return Error{rq.lastError().text()};
    while (rq.next())
        if (SyncRun* r = bySeq.value(rq.value(0).toLongLong()))
            r->rejections.append({rq.value(1).toString(), rq.value(2).toString(),
                                  rq.value(3).toString(), rq.value(4).toString()});
    return runs;
}

void SyncEngine::logRun(const SyncReport& report, const QDateTime& started)
{
    // The log is a convenience: a failure to write it does not fail the sync.
    (void)m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("INSERT INTO sync_runs (source, started_at, finished_at, outcome, "
                                 "message, summary_json) VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(report.source);
        q.addBindValue(started.toString(Qt::ISODateWithMs));
        q.addBindValue(utcNow());
        q.addBindValue(report.outcome());
        q.addBindValue(report.error);
        q.addBindValue(
            QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact)));
        if (!q.exec())
            return sqlError(q);
        const qint64 run = q.lastInsertId().toLongLong();
        QSqlQuery r(m_db.connection());
        r.prepare(QStringLiteral("INSERT INTO sync_rejections (run_seq, resource, record_id, "
                                 "field, reason) VALUES (?, ?, ?, ?, ?)"));
        for (const Rejection& rej : report.rejections) {
            r.addBindValue(run);
            r.addBindValue(rej.resource);
            r.addBindValue(rej.id);
            r.addBindValue(rej.field);
            r.addBindValue(rej.reason);
            if (!r.exec())
                return sqlError(r);
        }
        return {};
    });
}

} // namespace workbench::sync
