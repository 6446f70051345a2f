#pragma once

#include "SyncRows.h"
#include "domain/Result.h"

#include <QMap>
#include <QSet>
#include <memory>

class QSqlQuery;

namespace workbench {
class Database;
}

namespace workbench::sync {

// The one owner of the sync's tables: sync_sources, sync_outbox,
// sync_state, sync_conflicts, sync_refused, sync_runs and sync_rejections.
// Every statement on them is here (SyncStore.cpp: sources, outbox, pull
// state, conflicts; SyncStoreLog.cpp: refused records and the sync log);
// the sync layer and the Workspace call it. It lives in storage, not sync,
// because the Workspace queues an edit in the outbox inside the
// transaction that writes the record.
//
// Writes join the caller's transaction unless a method says it runs its
// own. Statements the sync engine runs once per record are prepared once
// per store: the engine keeps one store for a whole run.
class SyncStore
{
public:
    explicit SyncStore(Database& db);
    ~SyncStore();
    SyncStore(const SyncStore&) = delete;
    SyncStore& operator=(const SyncStore&) = delete;

    // --- sync_sources (never a token)
    Result<QList<SyncSource>> sources();
    // Inserts or replaces a source by its (trimmed) name; its own transaction.
    Status saveSource(const SyncSource& source);
    // Its own transaction.
    Status removeSource(const QString& name);

    // --- sync_outbox
    // Queues an edit of a synced record: the changed fields, against
    // `baseVersion`, with the record as it was (`base`). A new id
    // (Idempotency-Key) and the time are given here.
    Status enqueue(const QString& resource, const QString& recordId, qint64 baseVersion,
                   const QJsonObject& changed, const QJsonObject& base);
    // Queues the create of a record made here (section 9 of the contract):
    // `record` is the whole record as stored; its version and updated_at are
    // left out (the server sets them). A new entry id, which is also the
    // Idempotency-Key of every try.
    Status enqueueCreate(const QString& resource, const QString& recordId,
                         const QJsonObject& record);
    // Whether a create of the record waits in the outbox.
    Result<bool> hasCreate(const QString& resource, const QString& recordId);
    // The record of a waiting create was edited: its body becomes `record`
    // unless that body already went out (the answer then decides, and the
    // difference is sent as an edit). A create the server refused is
    // corrected by this: the refusal is cleared, and its next try is a new
    // request (a new Idempotency-Key, since the server keeps its answer to
    // the old one).
    Status refreshCreate(const QString& resource, const QString& recordId,
                         const QJsonObject& record);
    // The record of a waiting create was deleted here: nothing is sent.
    Status dropCreate(const QString& resource, const QString& recordId);
    // The ids of `resource` whose create waits: a pull leaves them alone.
    Result<QSet<QString>> pendingCreates(const QString& resource);
    // The body of a create goes out now: every later try sends the same.
    Status createSent(const QString& id);
    // The server refused a create (400/422): kept, with its reason, until
    // the officer corrects the record.
    Status createRefused(const QString& id, const QString& field, const QString& reason);
    // How many creates the server refused and wait for a correction.
    Result<int> refusedCreates();
    // The edits and creates to push to `source` (or to any source), oldest
    // first.
    Result<QList<OutboxEntry>> outbox(const QString& source = {});
    // A try that failed: counted, with its error.
    Status outboxTryFailed(const QString& id, const QString& error);
    // The entry leaves the outbox (applied, or kept as a conflict).
    Status removeFromOutbox(const QString& id);

    // --- sync_state
    Result<PullState> pullState(const QString& source, const QString& resource);
    // An empty etag keeps the one stored.
    Status savePullState(const QString& source, const QString& resource, const QString& cursor,
                         const QByteArray& etag);

    // --- sync_conflicts
    // The server refused `entry` (reason "changed", "gone", or "exists" for
    // a create whose id the server holds for another record): it is kept
    // as a conflict under the entry's id, with the server's record (empty:
    // none) and the entry's body and base as queued.
    Status addConflict(const OutboxEntry& entry, const QString& source, const QString& reason,
                       const QJsonObject& server);
    // The records of `resource` whose local edit waits in a conflict.
    Result<QSet<QString>> idsInConflict(const QString& resource);
    // The server's latest word on a record in conflict (an empty `server`:
    // it was deleted there). A conflict "exists" (a create met another
    // record) keeps its reason unless the record is gone.
    Status updateConflict(const QString& resource, const QString& recordId, const QString& reason,
                          const QJsonObject& server);
    // Oldest first, the records as stored.
    Result<QList<Conflict>> conflicts();
    Status removeConflict(const QString& id);

    // --- sync_refused
    // Every record waiting, oldest first (or those of one resource).
    Result<QList<RefusedRecord>> refused(const QString& resource = {});
    // How many records wait, per cause.
    Result<QMap<QString, int>> refusedCauses();
    Result<QSet<QString>> refusedIds(const QString& resource);
    // Keeps (or replaces) the copy of a record with why it was refused; a
    // record tried again keeps its first date, and counts one more try when
    // `anotherTry`.
    Status keepRefused(const QString& source, const QString& resource, const QJsonObject& record,
                       const Refusal& refusal, bool anotherTry);
    Status dropRefused(const QString& resource, const QString& id);

    // --- sync_runs, sync_rejections
    // Appends a run and its rejections; its own transaction.
    Status logRun(const SyncRun& run);
    // The last `limit` runs, newest first, with their rejections.
    Result<QList<SyncRun>> runs(int limit);

private:
    // The statement of `sql`, prepared the first time it is asked for.
    QSqlQuery& prepared(const QString& sql);
    // The time stamp the sync's tables store (UTC, milliseconds).
    static QString utcNow();
    static Error failed(const QSqlQuery& q);           // its error, as the database says it
    static QString compact(const QJsonObject& object); // as the tables keep JSON

    struct Statements;
    Database& m_db;
    std::unique_ptr<Statements> m_statements;
};

} // namespace workbench::sync
