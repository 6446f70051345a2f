#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

// The rows of the sync's tables as the sync store (SyncStore.h) reads and
// writes them: plain values, no SQL. They are the sync's types too (the
// sync layer and the window name them workbench::sync::SyncSource, ...);
// they live in storage because the store that owns the tables does.

namespace workbench::sync {

enum class SourceKind
{
    Rest,
    Postgrest
};

// Where records come from (sync_sources). The token is not part of it: the
// caller reads it (keychain or the named environment variable) and hands it
// over.
struct SyncSource
{
    QString name;
    SourceKind kind = SourceKind::Rest;
    QUrl baseUrl;
    QStringList resources; // empty: all of them
    QString tokenEnv;      // the environment variable that holds the token
    bool useKeychain = false;

    bool operator==(const SyncSource&) const = default;
};

// A local change waiting to be pushed (sync_outbox). An edit of a synced
// record: the fields the officer changed, and the version the edit was
// based on (If-Match). A create (docs/sync-api.md, section 9): the whole
// record made here, sent as POST /{resource}.
struct OutboxEntry
{
    enum class Op
    {
        Update,
        Create
    };
    QString id;
    QString resource;
    QString recordId;
    qint64 baseVersion = 0;
    QByteArray body; // the changed fields (a create: the whole record), compact JSON
    QByteArray base; // the record before the edit, as queued; empty if unknown
    Op op = Op::Update;
    QString idempotencyKey = {}; // the Idempotency-Key of every try
    bool sent = false;           // a create's body went out once: every try sends those bytes
    int attempts = 0;            // tries that failed
    QString lastError = {};
    QString refusedField = {};  // a create the server refused (400/422): the field it names
    QString refusedReason = {}; // and its words; empty: not refused

    bool isCreate() const { return op == Op::Create; }
    bool refused() const { return !refusedReason.isEmpty(); }
};

// Where the pull of one resource from one source resumes (sync_state).
struct PullState
{
    QString cursor; // null: from the beginning
    QByteArray etag;
};

// A local edit the server refused (sync_conflicts): nothing is overwritten
// until the officer chooses, field by field, whose value stays.
struct Conflict
{
    QString id; // the refused outbox entry's
    QString source;
    QString resource;
    QString recordId;
    QString reason; // "changed": the server's record moved on; "gone": deleted there;
                    // "exists": a create met another record under its id
    qint64 baseVersion = 0;
    QJsonObject mine;   // the fields the officer changed, as changed
    QJsonObject base;   // the record as it was before the edit
    QJsonObject server; // the server's record now (empty when gone)
    QDateTime createdAt;

    bool gone() const { return server.isEmpty(); }
    // The fields to decide: the officer's changes, then what the server
    // changed since the base (bookkeeping fields left out).
    QStringList fields() const
    {
        const auto bookkeeping = [](const QString& field) {
            return field == u"id" || field == u"version" || field == u"updated_at" ||
                   field == u"deleted";
        };
        QStringList out;
        for (auto it = mine.begin(); it != mine.end(); ++it)
            if (!bookkeeping(it.key()))
                out << it.key();
        for (auto it = server.begin(); it != server.end(); ++it)
            if (!bookkeeping(it.key()) && !out.contains(it.key()) &&
                base.value(it.key()) != it.value())
                out << it.key();
        return out;
    }
};

// Why a record a server sent could not be applied. `cause` is short and
// shared by every record refused for the same reason ("missing
// organization", "invalid type"), so a run can say "2000 records ...:
// missing organization"; `reason` is the whole explanation.
struct Refusal
{
    QString field;
    QString cause;
    QString reason;
};

// A record kept because it was refused (sync_refused): tried again on every
// sync until it applies, a newer copy from the server replaces it, or the
// officer dismisses it.
struct RefusedRecord
{
    QString resource;
    QString id;
    QString source;
    qint64 version = 0;
    Refusal refusal;
    QJsonObject record; // as the server sent it
    QDateTime firstRefusedAt;
    QDateTime lastTriedAt;
    int tries = 0; // the sync runs that tried it, the one that refused it first included
};

// A record a run rejected (sync_rejections keeps all but the cause).
struct Rejection
{
    QString resource;
    QString id;
    QString field;
    QString reason;
    QString cause = {}; // short, shared by records refused alike ("missing organization")
};

// One entry of the sync log (sync_runs), with the records it rejected.
struct SyncRun
{
    qint64 seq = 0;
    QString source;
    QDateTime startedAt, finishedAt;
    QString outcome; // ok, waiting, error, cancelled (SyncReport::outcome())
    QString message;
    QJsonObject summary; // SyncReport::toJson()
    QList<Rejection> rejections;
};

} // namespace workbench::sync
