#pragma once

#include "Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace workbench {

struct AuditEntry
{
    qint64 seq = 0;
    QDateTime at;
    QString actor;
    QString action;     // create, update, offboard, delete, ...
    QString recordType; // the resource, e.g. "processors"
    QString recordId;
    QString summary;    // what the officer did, in words
    QJsonObject before; // empty for a creation
    QJsonObject after;  // empty for a deletion
    QString prevHash;
    QString hash;
    // The stored state of every record of `recordType` this change wrote
    // (schema 7 on): lines of "+" digest (RowDigest, 22 characters) id, or
    // "-" id for a deletion, each ending in a newline ('%', CR and LF in an
    // id are percent-encoded). Part of the hash when not empty.
    QByteArray rows;
};

struct AuditHead
{
    qint64 seq = 0;
    QString hash;
    QString anchor() const; // "N:first 12 hex of hash", what `verify --expect-head` takes
};

struct AuditFilter
{
    QString recordType = {};
    QString recordId = {};
    QDate from = {};
    QDate to = {};
    qint64 afterSeq = 0; // only entries after this one
};

struct AuditVerifyOptions
{
    // An anchor printed earlier (`verify --expect-head N:HASH`): entry
    // `expectSeq` must have a hash starting with `expectHash` and the chain
    // must run on from it to the signed head.
    qint64 expectSeq = 0;
    QString expectHash = {};
};

// What `verify` found.
struct AuditVerification
{
    qint64 entries = 0;
    QStringList problems; // each names the entry (#seq) or the record, and what is wrong
    qint64 firstBrokenSeq = 0;
    AuditHead head;       // the last entry of the log
    QString publicKey;    // the workspace's signing key (base64), empty if none
    qint64 signedSeq = 0; // the entry the valid signature covers (0: none)
    qint64 recordsChecked = 0;
    bool recordsRecorded = false; // record states are kept (schema 7 on)
    bool ok() const { return problems.isEmpty(); }
};

// The append-only, hash-chained log of every change made through the app.
// Each entry stores the SHA-256 of the previous entry's hash and its own
// content; the head (last seq and hash) is kept in workspace_meta so that a
// removed last entry is found too, and is signed (AuditSigning) before each
// transaction that appended entries commits, so that a log cut short,
// wiped or recomputed is found without the key. Every entry also keeps the
// digest of each record it wrote (RecordStore notes them; records a sync
// writes get one entry per resource and transaction), so that verify finds
// a record changed outside the app.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    static constexpr const char* kGenesis =
        "0000000000000000000000000000000000000000000000000000000000000000";

    // Appends inside the caller's transaction; fills seq, prevHash, hash.
    static Status append(Database& db, AuditEntry& entry);
    static Result<QList<AuditEntry>> entries(const Database& db, const AuditFilter& filter = {});
    static AuditVerification verify(const Database& db, const AuditVerifyOptions& options = {});
    static QString computeHash(const AuditEntry& entry);
    static Result<AuditHead> head(const Database& db);

    // Called by Database::transaction before it commits: records written
    // without an entry of their own get one per resource, then the head is
    // signed if an entry was appended and this process holds the key.
    static Status beforeCommit(Database& db);
    // Notes a record written (digest) or deleted (empty digest) in the open
    // transaction.
    static void noteRecord(Database& db, const QString& resource, const QString& id,
                           const QByteArray& digest);
    // Records the state of every record present (once per workspace, when
    // it first opens in a version that keeps record states).
    static Status recordBaseline(Database& db);
};

} // namespace workbench
