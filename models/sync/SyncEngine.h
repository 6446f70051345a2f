#pragma once

#include "SyncSource.h"
#include "domain/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <QUrl>
#include <functional>

namespace workbench {
class Database;
class RecordStore;
} // namespace workbench

namespace workbench::sync {

struct ResourceCounts
{
    int added = 0;
    int updated = 0;
    int deleted = 0;
    int rejected = 0;
    int pages = 0;
};

struct Rejection
{
    QString resource;
    QString id;
    QString field;
    QString reason;
};

struct SyncProgress
{
    QString resource;
    int pages = 0;
    qint64 records = 0;
};

struct SyncReport
{
    QString source;
    QMap<QString, ResourceCounts> resources;
    QList<Rejection> rejections;
    int pushed = 0;
    int conflicts = 0;
    bool cancelled = false;
    QString error; // empty when the sync ran to the end

    bool ok() const { return error.isEmpty() && !cancelled; }
    QJsonObject toJson() const;
};

// One entry of the sync log, newest first, with the records it rejected.
struct SyncRun
{
    qint64 seq = 0;
    QString source;
    QDateTime startedAt, finishedAt;
    QString outcome; // ok, error, cancelled
    QString message;
    QJsonObject summary; // SyncReport::toJson()
    QList<Rejection> rejections;
};
Result<QList<SyncRun>> loadSyncRuns(Database& db, int limit = 50);

struct SyncOptions
{
    int pageSize = 500;
    RetryPolicy retry;
    // Checked between pages, on the sync thread and on its fetch thread.
    std::function<bool()> cancelled;
    std::function<void(const SyncProgress&)> progress; // after each page
};

// Pushes the outbox, then pulls every resource page by page. Each page and
// its cursor commit in one transaction, so a crash never applies a page
// twice or skips one; a bad record is reported and the rest of its page
// applies. Runs on the calling thread (the app calls it on a worker thread
// with its own Database), blocking while it waits for the network.
class SyncEngine
{
public:
    SyncEngine(Database& db, SyncSource source, QByteArray token, SyncOptions options = {});

    SyncReport run();

private:
    Status push(SyncReport& report);
    Status pull(const QString& resource, SyncReport& report);
    Status applyPage(const QString& resource, RecordStore& store, const struct FetchedPage& page,
                     SyncReport& report);
    bool cancelled() const { return m_options.cancelled && m_options.cancelled(); }
    void logRun(const SyncReport& report, const QDateTime& started);

    Database& m_db;
    Endpoint m_endpoint;
    SyncOptions m_options;
    HttpClient m_http;
};

} // namespace workbench::sync
