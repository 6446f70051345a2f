#include "Database.h"

#include "AuditLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <QVariant>
#include <sqlite3.h>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace workbench {

namespace {

// PRAGMA application_id of a workspace ("PWB1"): tells our files from any
// other SQLite database.
constexpr int kApplicationId = 0x50574231;

struct Migration
{
    int version;
    QString file;
};

QList<Migration> migrations()
{
    QList<Migration> out;
    static const QRegularExpression name(QStringLiteral("^(\\d{3})_.*\\.sql$"));
    const QDir dir(QStringLiteral(":/sql"));
    for (const QString& file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto m = name.match(file);
        if (m.hasMatch())
            out.append({m.captured(1).toInt(), dir.filePath(file)});
    }
    return out;
}

std::optional<qint64> pragmaValue(const QSqlDatabase& db, const QString& pragma, QString* error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA ") + pragma) || !q.next()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

// Whether this user may not write the file or folder `p` (false when it is
// missing). access() answers for this user, but root passes it whatever the
// mode: a file or folder without any write bit also counts as read-only (its
// owner marked it so), so root is told the same as everyone else.
bool notWritable(const QString& p, uint* mode)
{
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(p);
    struct stat st;
    if (::stat(native.constData(), &st) != 0)
        return false;
    *mode = uint(st.st_mode & 07777);
    return ::access(native.constData(), W_OK) != 0 ||
           (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0;
#else
    const QFileInfo info(p);
    *mode = 0;
    return info.exists() && !info.isWritable();
#endif
}

bool execAll(sqlite3* db, const QByteArray& sql, QString* error)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        *error = QString::fromUtf8(message ? message : sqlite3_errmsg(db));
        sqlite3_free(message);
        return false;
    }
    return true;
}

} // namespace

Error sqlError(const QString& what, const QSqlQuery& query)
{
    return Error{QStringLiteral("%1: %2").arg(what, query.lastError().text())};
}

int Database::latestSchemaVersion()
{
    const auto all = migrations();
    return all.isEmpty() ? 0 : all.last().version;
}

std::optional<QString> Database::whyNotWritable(const QString& path)
{
    const QString folder = QFileInfo(path).absolutePath();
    uint mode = 0;
    if (notWritable(path, &mode))
        return QObject::tr("the file has no write permission for you (mode %1)")
            .arg(QString::number(mode, 8).rightJustified(4, u'0'));
    if (notWritable(folder, &mode))
        return QObject::tr("its folder %1 is not writable for you, and SQLite needs to make its "
                           "-wal and -shm files there")
            .arg(QDir::toNativeSeparators(folder));
    for (const char* suffix : {"-wal", "-shm"}) {
        if (notWritable(path + QLatin1String(suffix), &mode))
            return QObject::tr("its %1 file has no write permission for you")
                .arg(QLatin1String(suffix));
    }
    return std::nullopt;
}

Error Database::readOnlyError() const
{
    const QString shown = QDir::toNativeSeparators(m_path);
    if (m_readOnlyReason.isEmpty())
        return Error{
            QObject::tr("Workspace %1 is open read-only: the change was not saved.").arg(shown)};
    return Error{QObject::tr("Workspace %1 is read-only: %2. The change was not saved.")
                     .arg(shown, m_readOnlyReason)};
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, Options options)
{
    std::unique_ptr<Database> self(new Database);
    self->m_path = QFileInfo(path).absoluteFilePath();
    const QString shown = QDir::toNativeSeparators(self->m_path);
    // Debian ships Qt's SQLite driver in a package of its own, only
    // recommended by the Qt SQL library: say which one is missing.
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return Error{QObject::tr("Cannot open workspace %1: the Qt SQLite driver is not "
                                 "installed. Install the package libqt6sql6-sqlite "
                                 "(sudo apt-get install libqt6sql6-sqlite).")
                         .arg(shown)};

    const bool existed = QFileInfo::exists(self->m_path);
    const bool companion = options.mode == Mode::Companion;

    if (!existed && (options.mode != Mode::ReadWrite || !options.create))
        return Error{QObject::tr("No workspace at %1: the file does not exist.").arg(shown)};
    if (existed && !QFileInfo(self->m_path).isFile())
        return Error{QObject::tr("Workspace %1 is not a file.").arg(shown)};

    // A file this user may not change is never made writable: writing is
    // refused with the reason, or (when the caller allows) it is read only.
    if (existed && options.mode != Mode::ReadOnly) {
        if (const auto why = whyNotWritable(self->m_path)) {
            if (companion || !options.readOnlyFallback)
                return Error{QObject::tr("Workspace %1 is read-only: %2. Nothing was changed.")
                                 .arg(shown, *why)};
            options.mode = Mode::ReadOnly;
            self->m_readOnlyReason = *why;
        }
    }
    self->m_mode = options.mode;
    const bool readOnly = options.mode == Mode::ReadOnly;

    if (options.mode == Mode::ReadWrite) {
        const QFileInfo info(self->m_path);
        if (!QDir().mkpath(info.absolutePath()))
            return Error{QObject::tr("Cannot create the folder %1.")
                             .arg(QDir::toNativeSeparators(info.absolutePath()))};
        self->m_lock = std::make_unique<QLockFile>(self->m_path + QStringLiteral(".lock"));
        self->m_lock->setStaleLockTime(0); // stale only when its process is gone
        if (!self->m_lock->tryLock(0)) {
            if (self->m_lock->error() != QLockFile::LockFailedError)
                return Error{QObject::tr("Cannot lock workspace %1: cannot write %2.lock beside "
                                         "it.")
                                 .arg(shown, shown)};
            qint64 pid = 0;
            QString host, app;
            self->m_lock->getLockInfo(&pid, &host, &app);
            return Error{QObject::tr("Workspace %1 is already open in another Privacy Workbench "
                                     "(process %2 on %3). Close it there, or open another file.")
                             .arg(shown)
                             .arg(pid)
                             .arg(host.isEmpty() ? QObject::tr("this computer") : host)};
        }
        // A new file is owner-only before SQLite writes a byte; SQLite gives
        // its -wal and -shm files the same permissions.
        if (!existed) {
            QFile file(self->m_path);
            if (!file.open(QIODevice::WriteOnly))
                return Error{
                    QObject::tr("Cannot create workspace %1: %2").arg(shown, file.errorString())};
            file.close();
            if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
                return Error{QObject::tr("Cannot make workspace %1 private to you: %2")
                                 .arg(shown, file.errorString())};
        }
    }

    self->m_connectionName =
        QStringLiteral("workspace-") + QUuid::createUuid().toString(QUuid::Id128);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), self->m_connectionName);
    db.setDatabaseName(self->m_path);
    if (readOnly) {
        // Reading a WAL file makes its -wal and -shm files beside it. For a
        // file this user may not change (or in a folder they may not write)
        // that no connection has open (no -wal), SQLite is told the file
        // will not change under it (immutable): it makes no file at all, so
        // nothing is left behind that could stand in the owner's way.
        uint mode = 0;
        const bool cannotWrite = notWritable(self->m_path, &mode) ||
                                 notWritable(QFileInfo(self->m_path).absolutePath(), &mode);
        if (cannotWrite && !QFileInfo::exists(self->m_path + QStringLiteral("-wal"))) {
            db.setDatabaseName(QUrl::fromLocalFile(self->m_path).toString(QUrl::FullyEncoded) +
                               QStringLiteral("?immutable=1"));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        } else {
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        }
    }
    if (!db.open())
        return Error{QObject::tr("Cannot open workspace %1: %2").arg(shown, db.lastError().text())};

    // Read before anything is written: a foreign or newer file stays as it was.
    QString error;
    const auto userVersion = pragmaValue(db, QStringLiteral("user_version"), &error);
    const auto appId = pragmaValue(db, QStringLiteral("application_id"), &error);
    const auto tableCount = [&] {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"));
        return q.next() ? q.value(0).toInt() : -1;
    }();
    if (!userVersion || !appId || tableCount < 0)
        return Error{QObject::tr("%1 is not a Privacy Workbench workspace, or it is damaged "
                                 "(SQLite says: %2). It was not changed.")
                         .arg(shown, error.isEmpty() ? QObject::tr("unreadable") : error)};
    const bool fresh = *userVersion == 0 && tableCount == 0;
    self->m_openedAtVersion = int(*userVersion);
    // Only a file made just now starts empty: an empty file that was there
    // already is someone else's (or a mistake), never turned into a workspace.
    if (fresh && existed)
        return Error{QObject::tr("%1 is not a Privacy Workbench workspace: it is %2. It was not "
                                 "changed.")
                         .arg(shown, QFileInfo(self->m_path).size() == 0
                                         ? QObject::tr("an empty file")
                                         : QObject::tr("an SQLite database without the workbench "
                                                       "tables"))};
    if (!fresh && *appId != kApplicationId)
        return Error{QObject::tr("%1 is an SQLite database but not a Privacy Workbench workspace. "
                                 "It was not changed.")
                         .arg(shown)};
    const int latest = latestSchemaVersion();
    if (*userVersion > latest)
        return Error{QObject::tr("Workspace %1 was written by a newer Privacy Workbench (schema "
                                 "version %2; this version knows up to %3). Update the app to "
                                 "open it. The file was not changed.")
                         .arg(shown)
                         .arg(*userVersion)
                         .arg(latest)};

    QSqlQuery pragmas(db);
    pragmas.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    pragmas.exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
    // Statement journals (every multi-row write keeps one) and sort
    // scratch stay in memory: on disk they cost a write per page touched.
    pragmas.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    if (readOnly)
        return self;

    if (companion) {
        if (*userVersion != latest)
            return Error{QObject::tr("Workspace %1 is not in the current format; open it in the "
                                     "app first.")
                             .arg(shown)};
        pragmas.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        return self;
    }
    // An existing workspace that others may read is made private again:
    // bits are only ever taken away, never added.
    if (existed) {
        const auto perms = QFile::permissions(self->m_path);
        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                            QFileDevice::WriteOther | QFileDevice::ExeOther;
        if (perms & others)
            QFile::setPermissions(self->m_path, perms & ~others);
    }
    if (!pragmas.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return sqlError(QObject::tr("Cannot switch %1 to WAL").arg(shown), pragmas);
    pragmas.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));

    const int target = qBound(0, options.targetVersion.value_or(latest), latest);
    if (*userVersion < target) {
        if (auto ok = self->migrate(int(*userVersion), target); !ok)
            return Error{QObject::tr("Cannot update workspace %1 to the current format: %2. "
                                     "Nothing was changed by the failed step.")
                             .arg(shown, ok.error())};
    }
    return self;
}

Database::~Database()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

sqlite3* Database::handle() const
{
    const QVariant v = connection().driver()->handle();
    if (qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(v.data());
}

int Database::schemaVersion() const
{
    QString error;
    return int(pragmaValue(connection(), QStringLiteral("user_version"), &error).value_or(-1));
}

Status Database::migrate(int from, int to)
{
    sqlite3* db = handle();
    if (!db)
        return Error{QStringLiteral("the SQLite driver gave no handle")};
    // A step may rebuild a table others refer to (SQLite's 12-step ALTER):
    // foreign keys are off while the steps run (it cannot change inside a
    // transaction) and checked before each step commits.
    QString ignored;
    execAll(db, "PRAGMA foreign_keys = OFF;", &ignored);
    const auto restore = qScopeGuard([&] { execAll(db, "PRAGMA foreign_keys = ON;", &ignored); });
    for (const Migration& m : migrations()) {
        if (m.version <= from || m.version > to)
            continue;
        QFile file(m.file);
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("missing migration %1").arg(m.file)};
        const QByteArray sql = "BEGIN IMMEDIATE;\n" + file.readAll() +
                               "\nPRAGMA application_id = " + QByteArray::number(kApplicationId) +
                               ";\nPRAGMA user_version = " + QByteArray::number(m.version) + ";";
        QString error;
        bool ok = execAll(db, sql, &error);
        if (ok) {
            sqlite3_stmt* check = nullptr;
            sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &check, nullptr);
            if (check && sqlite3_step(check) == SQLITE_ROW) {
                error = QStringLiteral("a row of %1 refers to a missing record")
                            .arg(QString::fromUtf8(
                                reinterpret_cast<const char*>(sqlite3_column_text(check, 0))));
                ok = false;
            }
            sqlite3_finalize(check);
        }
        if (ok)
            ok = execAll(db, "COMMIT;", &error);
        if (!ok) {
            execAll(db, "ROLLBACK;", &ignored);
            return Error{QStringLiteral("step %1 (%2) failed: %3")
                             .arg(m.version)
                             .arg(QFileInfo(m.file).fileName(), error)};
        }
    }
    return {};
}

Status Database::transaction(const std::function<Status()>& work)
{
    if (m_mode == Mode::ReadOnly)
        return readOnlyError();
    QSqlDatabase db = connection();
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Status s = work();
        --m_transactionDepth;
        return s;
    }
    // IMMEDIATE: the write lock is taken at the start (waiting up to the
    // busy timeout while the other connection, the sync worker's, commits),
    // so a transaction never fails half-way on a lock it cannot upgrade.
    QSqlQuery control(db);
    if (!control.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Error{QObject::tr("Cannot start a transaction: %1").arg(control.lastError().text())};
    m_transactionDepth = 1;
    Status s = work();
    // Records written without an entry of their own get one, and the new
    // head is signed: both commit with the change or not at all.
    if (s)
        s = AuditLog::beforeCommit(*this);
    m_transactionDepth = 0;
    m_auditPending = {};
    if (!s) {
        control.exec(QStringLiteral("ROLLBACK"));
        return s;
    }
    if (!control.exec(QStringLiteral("COMMIT"))) {
        const QString why = control.lastError().text();
        control.exec(QStringLiteral("ROLLBACK"));
        return Error{QObject::tr("Cannot save the change: %1").arg(why)};
    }
    return {};
}

QString Database::meta(const QString& key) const
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT value FROM workspace_meta WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

Status Database::setMeta(const QString& key, const QString& value)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("INSERT INTO workspace_meta (key, value) VALUES (?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return sqlError(QStringLiteral("Writing %1").arg(key), q);
    return {};
}

Status Database::removeMeta(const QString& key)
{
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("DELETE FROM workspace_meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return sqlError(QStringLiteral("Removing %1").arg(key), q);
    return {};
}

QStringList Database::integrityProblems() const
{
    QSqlQuery q(connection());
    QStringList problems;
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        problems << q.lastError().text();
        return problems;
    }
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != u"ok")
            problems << line;
    }
    return problems;
}

} // namespace workbench
