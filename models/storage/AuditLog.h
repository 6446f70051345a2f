#pragma once

#include "Database.h"

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
};

struct AuditFilter
{
    QString recordType = {};
    QString recordId = {};
    QDate from = {};
    QDate to = {};
    qint64 afterSeq = 0; // only entries after this one
};

// The last entry of the log: what exports print in their footer.
struct AuditHead
{
    qint64 seq = 0;
    QString hash;
    QString anchor() const; // "N:first 12 hex of hash", what `verify --expect-head` takes
};

// What `verify` found.
struct AuditVerification
{
    qint64 entries = 0;
    QStringList problems; // each names the entry (#seq) and what is wrong
    qint64 firstBrokenSeq = 0;
    bool ok() const { return problems.isEmpty(); }
};

// The append-only, hash-chained log of every change made through the app.
// Each entry stores the SHA-256 of the previous entry's hash and its own
// content; the head (last seq and hash) is kept in workspace_meta so that a
// removed last entry is found too.
class AuditLog
{
public:
    static constexpr const char* kGenesis =
        "0000000000000000000000000000000000000000000000000000000000000000";

    // Appends inside the caller's transaction; fills seq, prevHash, hash.
    static Status append(Database& db, AuditEntry& entry);
    static Result<QList<AuditEntry>> entries(const Database& db, const AuditFilter& filter = {});
    static AuditVerification verify(const Database& db);
    static QString computeHash(const AuditEntry& entry);
    static Result<AuditHead> head(const Database& db);
};

} // namespace workbench
