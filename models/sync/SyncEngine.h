#pragma once

#include "SyncSource.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>

namespace workbench {
class Database;
class RecordStore;
struct TableSpec;
} // namespace workbench

namespace workbench::sync {

class SyncStore;

struct ResourceCounts
{
    int added = 0;
    int updated = 0;
    int deleted = 0;
    int rejected = 0;
    int pages = 0;
    int retried = 0; // records kept by an earlier sync that applied now (also added/updated)
};

// Rejection is a row of the sync store (storage/SyncRows.h).

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
    // Records refused and kept for the next sync when the run ended (every
    // resource's, not only this run's), per cause.
    QMap<QString, int> waiting;

    bool ok() const { return error.isEmpty() && !cancelled; }
    // How the run ended: "ok", "waiting" (it ran to the end but records
    // refused and kept wait for the next sync), "cancelled" or "error".
    QString outcome() const;
    int waitingTotal() const;
    // The causes of the records waiting, the commonest first: "missing
    // organization", or "2000 missing organization, 1 invalid type".
    QString waitingCauses() const;
    // "2000 records refused and kept for the next sync: missing
    // organization"; empty when none wait.
    QString waitingMessage() const;
    QJsonObject toJson() const;
};

// The sync log, newest first, each run with the records it rejected (SyncRun,
// storage/SyncRows.h).
Result<QList<SyncRun>> loadSyncRuns(Database& db, int limit = 50);

struct SyncOptions
{
    int pageSize = 500;
    RetryPolicy retry;
    // Checked between pages, on the sync thread and on its fetch thread.
    std::function<bool()> cancelled;
    std::function<void(const SyncProgress&)> progress; // after each page
};

// Pushes the outbox, then pulls every resource page by page, parents first.
// Each page and its cursor commit in one transaction, so a crash never
// applies a page twice or skips one. A record that cannot be applied (not
// valid, or its parent is not in the workspace) is reported and kept with
// the reason; the rest of its page applies. Kept records are tried again
// after each resource's pull, on every sync, until they apply, the server
// sends a newer copy, or the officer dismisses them (RefusedRecords.h).
// Runs on the calling thread (the app calls it on a worker thread with its
// own Database), blocking while it waits for the network.
class SyncEngine
{
    // The context of the sync's messages, the engine's and those of the
    // functions around it (sources, refused records, pages, the log).
    Q_DECLARE_TR_FUNCTIONS(SyncEngine)

public:
    SyncEngine(Database& db, SyncSource source, QByteArray token, SyncOptions options = {});
    ~SyncEngine();
    SyncEngine(const SyncEngine&) = delete;
    SyncEngine& operator=(const SyncEngine&) = delete;

    SyncReport run();

private:
    Status push(SyncReport& report);
    // One pass over the outbox, oldest first (`editsOnly`: the PATCHes).
    Status pushEntries(SyncReport& report, bool editsOnly);
    // A create of a record made here (POST, PushCreate.cpp). `holding`
    // gets "resource/id" of a create not confirmed by this run: an entry
    // whose record refers to one waits behind it (parents first).
    Status pushCreate(const OutboxEntry& entry, const ResourceType& type, SyncReport& report,
                      QSet<QString>& holding);
    // The server holds the record of a create: the local record takes its
    // version (and what it filled in) and the entry leaves the outbox; an
    // edit made here after the body went out is queued as a PATCH.
    Status confirmCreate(const OutboxEntry& entry, const ResourceType& type,
                         const QJsonObject& server, SyncReport& report);
    Status pull(const QString& resource, SyncReport& report);
    Status applyPage(const QString& resource, const TableSpec& spec, RecordStore& store,
                     const struct FetchedPage& page, SyncReport& report);
    Status retryKept(const QString& resource, SyncReport& report);
    // Whether this run tries the kept record for the first time: a record
    // refused and tried again within one run counts one try.
    bool firstTryThisRun(const QString& resource, const QString& id);
    bool cancelled() const { return m_options.cancelled && m_options.cancelled(); }
    void logRun(const SyncReport& report, const QDateTime& started);

    Database& m_db;
    std::unique_ptr<SyncStore> m_store; // the sync's tables, one store (and its statements) per run
    Endpoint m_endpoint;
    SyncOptions m_options;
    HttpClient m_http;
    QSet<QString> m_kept;     // ids of the resource being pulled that wait in sync_refused
    QSet<QString> m_tried;    // "resource/id" of the kept records this run has tried
    bool m_followUps = false; // a confirmed create queued an edit made meanwhile
};

} // namespace workbench::sync
