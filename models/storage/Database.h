#pragma once

#include "domain/Result.h"

#include <QHash>
#include <QLockFile>
#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

struct sqlite3;

namespace workbench {

// One workspace file: an SQLite database with WAL and foreign keys on,
// migrated to the current schema with numbered SQL files (resources/sql),
// each applied in its own transaction and recorded in PRAGMA user_version.
//
// Opening for writing takes a lock (a second instance on the same file is
// refused), creates the file owner-only (0600), and refuses a file written
// by a newer version without changing it. An existing file is never made
// writable: one this user may not change (no write permission on it, or a
// folder where SQLite cannot make its -wal/-shm files) is refused for
// writing with the reason, or opened read-only when the caller allows it.
// A file that exists but is not a workspace (empty, not SQLite, SQLite
// without the workbench schema) is refused and left byte for byte as it was.
class Database
{
public:
    enum class Mode
    {
        ReadWrite, // lock, create if missing, migrate
        ReadOnly,  // no lock, no migration, nothing written (verify, inspection)
        // A second connection to a file this process already holds open
        // for writing (the sync worker's): no lock, no migration, writes.
        Companion,
    };

    struct Options
    {
        Mode mode = Mode::ReadWrite;
        // Migrate only up to this version (tests of upgrades); default latest.
        std::optional<int> targetVersion;
        // ReadWrite: make the file when it is missing. Off: a missing file
        // is refused ("no workspace at PATH").
        bool create = true;
        // ReadWrite: a file this user may not change is opened ReadOnly
        // (isReadOnly(), readOnlyReason()) instead of being refused.
        bool readOnlyFallback = false;
    };

    static Result<std::unique_ptr<Database>> open(const QString& path, Options options);
    static Result<std::unique_ptr<Database>> open(const QString& path)
    {
        return open(path, Options{});
    }
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    static int latestSchemaVersion();
    int schemaVersion() const;
    QString path() const { return m_path; }
    bool isReadOnly() const { return m_mode == Mode::ReadOnly; }
    // Why a file opened with readOnlyFallback could not be written ("the
    // file has no write permission (mode 0400)"); empty when it can be or
    // when read-only was asked for.
    QString readOnlyReason() const { return m_readOnlyReason; }
    // The refusal a write on a read-only workspace gets, naming the file.
    Error readOnlyError() const;

    // Why this user may not change the existing file at `path` (a file
    // without any write bit counts as read-only even for root), or nothing.
    static std::optional<QString> whyNotWritable(const QString& path);

    QSqlDatabase connection() const;
    sqlite3* handle() const;

    // Runs `work` in one transaction: committed if it returns ok, rolled back
    // otherwise (and its error returned). Nested calls join the outer one.
    Status transaction(const std::function<Status()>& work);

    // `PRAGMA integrity_check`: empty when the file is sound.
    QStringList integrityProblems() const;

    // Small facts about the workspace (table workspace_meta); empty when
    // absent. setMeta writes inside the caller's transaction, if any.
    QString meta(const QString& key) const;
    Status setMeta(const QString& key, const QString& value);
    Status removeMeta(const QString& key);

    // The schema version the file had when it was opened (0: a new file).
    int openedAtVersion() const { return m_openedAtVersion; }

    // The audit log's part of the open transaction (see AuditLog): records
    // written that no audit entry has named yet (RecordStore notes them,
    // AuditLog::append takes those of its record, the rest get one entry
    // per resource), and whether an entry was appended (then the head is
    // signed before the commit).
    struct AuditPending
    {
        QHash<QString, QByteArray> rows; // resource -> lines (see AuditLog)
        QStringList order;               // resources in the order first written
        bool appended = false;
    };
    AuditPending& auditPending() { return m_auditPending; }
    // Who entries of records written without their own entry name (a sync
    // sets "sync:<source>"); the workspace's actor by default.
    QString auditActor() const { return m_auditActor; }
    void setAuditActor(const QString& actor) { m_auditActor = actor; }

private:
    Database() = default;
    Status migrate(int from, int to);

    QString m_path;
    QString m_connectionName;
    Mode m_mode = Mode::ReadWrite;
    QString m_readOnlyReason;
    std::unique_ptr<QLockFile> m_lock;
    int m_transactionDepth = 0;
    int m_openedAtVersion = 0;
    AuditPending m_auditPending;
    QString m_auditActor;
};

// Wraps a failed query into an error that says what we were doing.
Error sqlError(const QString& what, const class QSqlQuery& query);

} // namespace workbench
