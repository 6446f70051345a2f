#include "SyncEngine.h"
#include "storage/SyncStore.h"

#include <QJsonArray>
#include <algorithm>

// The report of a run and the sync log (kept by the sync store).

namespace workbench::sync {

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
    const QString text = total == 1
                             ? SyncEngine::tr("1 record refused and kept for the next sync: %2")
                             : SyncEngine::tr("%1 records refused and kept for the next sync: %2");
    return QString(text)
        .replace(QStringLiteral("%1"), QString::number(total))
        .replace(QStringLiteral("%2"), waitingCauses());
}

Result<QList<SyncRun>> loadSyncRuns(Database& db, int limit)
{
    return SyncStore(db).runs(limit);
}

void SyncEngine::logRun(const SyncReport& report, const QDateTime& started)
{
    // The log is a convenience: a failure to write it does not fail the sync.
    SyncRun run;
    run.source = report.source;
    run.startedAt = started;
    run.finishedAt = QDateTime::currentDateTimeUtc();
    run.outcome = report.outcome();
    run.message = report.error;
    run.summary = report.toJson();
    run.rejections = report.rejections;
    (void)m_store->logRun(run);
}

} // namespace workbench::sync
