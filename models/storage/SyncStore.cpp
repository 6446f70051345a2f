#include "SyncStore.h"

#include "Database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <map>

// The sources, the outbox, where each pull resumes, and the conflicts. The
// refused records and the sync log are in SyncStoreLog.cpp.

namespace workbench::sync {

namespace {

QJsonObject parse(const QVariant& v)
{
    return v.isNull() ? QJsonObject() : QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

} // namespace

struct SyncStore::Statements
{
    std::map<QString, QSqlQuery> bySql; // node-based: a reference stays valid
};

SyncStore::SyncStore(Database& db)
    : m_db(db)
    , m_statements(std::make_unique<Statements>())
{}

SyncStore::~SyncStore() = default;

QSqlQuery& SyncStore::prepared(const QString& sql)
{
    auto it = m_statements->bySql.find(sql);
    if (it == m_statements->bySql.end()) {
        it = m_statements->bySql.emplace(sql, QSqlQuery(m_db.connection())).first;
        // A statement that does not prepare says why when it runs.
        it->second.prepare(sql);
    }
    return it->second;
}

QString SyncStore::utcNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

Error SyncStore::failed(const QSqlQuery& q)
{
    return Error{q.lastError().text()};
}

QString SyncStore::compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// --- sync_sources

Result<QList<SyncSource>> SyncStore::sources()
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral(
            "SELECT name, kind, base_url, resources, token_env, use_keychain FROM sync_sources "
            "ORDER BY name")))
        return failed(q);
    QList<SyncSource> out;
    while (q.next()) {
        SyncSource s;
        s.name = q.value(0).toString();
        s.kind = q.value(1).toString() == u"postgrest" ? SourceKind::Postgrest : SourceKind::Rest;
        s.baseUrl = QUrl(q.value(2).toString());
        s.resources = q.value(3).toString().split(u',', Qt::SkipEmptyParts);
        s.tokenEnv = q.value(4).toString();
        s.useKeychain = q.value(5).toBool();
        out << s;
    }
    return out;
}

Status SyncStore::saveSource(const SyncSource& source)
{
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_sources "
                                 "(name, kind, base_url, resources, token_env, use_keychain) "
                                 "VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(source.name.trimmed());
        q.addBindValue(source.kind == SourceKind::Postgrest ? QStringLiteral("postgrest")
                                                            : QStringLiteral("rest"));
        q.addBindValue(source.baseUrl.toString());
        const QString resources = source.resources.join(u',');
        q.addBindValue(resources.isNull() ? QStringLiteral("") : resources); // "": all of them
        q.addBindValue(source.tokenEnv);
        q.addBindValue(source.useKeychain ? 1 : 0);
        return q.exec() ? Status{} : failed(q);
    });
}

Status SyncStore::removeSource(const QString& name)
{
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("DELETE FROM sync_sources WHERE name = ?"));
        q.addBindValue(name);
        return q.exec() ? Status{} : failed(q);
    });
}

// --- sync_outbox

Status SyncStore::enqueue(const QString& resource, const QString& recordId, qint64 baseVersion,
                          const QJsonObject& changed, const QJsonObject& base)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO sync_outbox (id, resource, record_id, base_version, "
                             "body_json, created_at, base_json) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    q.addBindValue(resource);
    q.addBindValue(recordId);
    q.addBindValue(baseVersion);
    q.addBindValue(compact(changed));
    q.addBindValue(utcNow());
    q.addBindValue(compact(base));
    return q.exec() ? Status{} : failed(q);
}

namespace {

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

Status SyncStore::enqueueCreate(const QString& resource, const QString& recordId,
                                const QJsonObject& record)
{
    QJsonObject body = record;
    body.remove(QStringLiteral("version"));
    body.remove(QStringLiteral("updated_at"));
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO sync_outbox (id, resource, record_id, base_version, "
                             "body_json, created_at, op) VALUES (?, ?, ?, 0, ?, ?, 'create')"));
    q.addBindValue(newKey());
    q.addBindValue(resource);
    q.addBindValue(recordId);
    q.addBindValue(compact(body));
    q.addBindValue(utcNow());
    return q.exec() ? Status{} : failed(q);
}

Result<bool> SyncStore::hasCreate(const QString& resource, const QString& recordId)
{
    QSqlQuery& q = prepared(QStringLiteral("SELECT 1 FROM sync_outbox WHERE op = 'create' AND "
                                           "resource = ? AND record_id = ?"));
    q.addBindValue(resource);
    q.addBindValue(recordId);
    if (!q.exec())
        return failed(q);
    const bool found = q.next();
    q.finish();
    return found;
}

Status SyncStore::refreshCreate(const QString& resource, const QString& recordId,
                                const QJsonObject& record)
{
    QJsonObject body = record;
    body.remove(QStringLiteral("version"));
    body.remove(QStringLiteral("updated_at"));
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "UPDATE sync_outbox SET body_json = ?, "
        "idempotency_key = CASE WHEN refused_reason IS NULL THEN idempotency_key ELSE ? END, "
        "sent_at = CASE WHEN refused_reason IS NULL THEN sent_at END, "
        "refused_field = NULL, refused_reason = NULL "
        "WHERE op = 'create' AND resource = ? AND record_id = ? "
        "AND (sent_at IS NULL OR refused_reason IS NOT NULL)"));
    q.addBindValue(compact(body));
    q.addBindValue(newKey());
    q.addBindValue(resource);
    q.addBindValue(recordId);
    return q.exec() ? Status{} : failed(q);
}

Status SyncStore::dropCreate(const QString& resource, const QString& recordId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "DELETE FROM sync_outbox WHERE op = 'create' AND resource = ? AND record_id = ?"));
    q.addBindValue(resource);
    q.addBindValue(recordId);
    return q.exec() ? Status{} : failed(q);
}

Result<QSet<QString>> SyncStore::pendingCreates(const QString& resource)
{
    QSqlQuery& q = prepared(
        QStringLiteral("SELECT record_id FROM sync_outbox WHERE op = 'create' AND resource = ?"));
    q.addBindValue(resource);
    if (!q.exec())
        return failed(q);
    QSet<QString> ids;
    while (q.next())
        ids.insert(q.value(0).toString());
    q.finish();
    return ids;
}

Status SyncStore::createSent(const QString& id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("UPDATE sync_outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL"));
    q.addBindValue(utcNow());
    q.addBindValue(id);
    return q.exec() ? Status{} : failed(q);
}

Status SyncStore::createRefused(const QString& id, const QString& field, const QString& reason)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "UPDATE sync_outbox SET refused_field = ?, refused_reason = ?, attempts = attempts + 1, "
        "last_error = ? WHERE id = ?"));
    q.addBindValue(field.isEmpty() ? QVariant() : QVariant(field));
    q.addBindValue(reason);
    q.addBindValue(reason);
    q.addBindValue(id);
    return q.exec() ? Status{} : failed(q);
}

Result<int> SyncStore::refusedCreates()
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral(
            "SELECT count(*) FROM sync_outbox WHERE op = 'create' AND refused_reason IS NOT NULL")))
        return failed(q);
    return q.next() ? q.value(0).toInt() : 0;
}

Result<QList<OutboxEntry>> SyncStore::outbox(const QString& source)
{
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("SELECT id, resource, record_id, base_version, body_json, base_json, op, "
                       "COALESCE(idempotency_key, id), sent_at IS NOT NULL, attempts, last_error, "
                       "refused_field, refused_reason FROM sync_outbox "
                       "WHERE source IS NULL OR source = ? OR ? = '' ORDER BY created_at, rowid"));
    q.addBindValue(source);
    q.addBindValue(source.isNull() ? QStringLiteral("") : source);
    if (!q.exec())
        return failed(q);
    QList<OutboxEntry> entries;
    while (q.next()) {
        OutboxEntry e{q.value(0).toString(),   q.value(1).toString(),    q.value(2).toString(),
                      q.value(3).toLongLong(), q.value(4).toByteArray(), q.value(5).toByteArray()};
        e.op =
            q.value(6).toString() == u"create" ? OutboxEntry::Op::Create : OutboxEntry::Op::Update;
        e.idempotencyKey = q.value(7).toString();
        e.sent = q.value(8).toBool();
        e.attempts = q.value(9).toInt();
        e.lastError = q.value(10).toString();
        e.refusedField = q.value(11).toString();
        e.refusedReason = q.value(12).toString();
        entries.append(e);
    }
    return entries;
}

Status SyncStore::outboxTryFailed(const QString& id, const QString& error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "UPDATE sync_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?"));
    q.addBindValue(error);
    q.addBindValue(id);
    return q.exec() ? Status{} : failed(q);
}

Status SyncStore::removeFromOutbox(const QString& id)
{
    QSqlQuery& q = prepared(QStringLiteral("DELETE FROM sync_outbox WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() ? Status{} : failed(q);
}

// --- sync_state

Result<PullState> SyncStore::pullState(const QString& source, const QString& resource)
{
    QSqlQuery& q = prepared(
        QStringLiteral("SELECT cursor, etag FROM sync_state WHERE source = ? AND resource = ?"));
    q.addBindValue(source);
    q.addBindValue(resource);
    if (!q.exec())
        return failed(q);
    PullState state;
    if (q.next()) {
        state.cursor = q.value(0).toString();
        state.etag = q.value(1).toByteArray();
    }
    q.finish();
    return state;
}

Status SyncStore::savePullState(const QString& source, const QString& resource,
                                const QString& cursor, const QByteArray& etag)
{
    QSqlQuery& q = prepared(
        QStringLiteral("INSERT INTO sync_state (source, resource, cursor, etag, last_synced_at) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (source, resource) DO UPDATE SET "
                       "cursor = excluded.cursor, etag = COALESCE(excluded.etag, sync_state.etag), "
                       "last_synced_at = excluded.last_synced_at"));
    q.addBindValue(source);
    q.addBindValue(resource);
    q.addBindValue(cursor);
    q.addBindValue(etag.isEmpty() ? QVariant() : QVariant(QString::fromLatin1(etag)));
    q.addBindValue(utcNow());
    return q.exec() ? Status{} : failed(q);
}

// --- sync_conflicts

Status SyncStore::addConflict(const OutboxEntry& entry, const QString& source,
                              const QString& reason, const QJsonObject& server)
{
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT OR REPLACE INTO sync_conflicts (id, source, resource, record_id, reason, "
        "base_version, local_json, base_json, server_json, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(entry.id);
    q.addBindValue(source);
    q.addBindValue(entry.resource);
    q.addBindValue(entry.recordId);
    q.addBindValue(reason);
    q.addBindValue(entry.baseVersion);
    q.addBindValue(QString::fromUtf8(entry.body));
    q.addBindValue(entry.base.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(entry.base)));
    q.addBindValue(server.isEmpty() ? QVariant() : QVariant(compact(server)));
    q.addBindValue(utcNow());
    return q.exec() ? Status{} : failed(q);
}

Result<QSet<QString>> SyncStore::idsInConflict(const QString& resource)
{
    QSqlQuery& q =
        prepared(QStringLiteral("SELECT record_id FROM sync_conflicts WHERE resource = ?"));
    q.addBindValue(resource);
    if (!q.exec())
        return failed(q);
    QSet<QString> ids;
    while (q.next())
        ids.insert(q.value(0).toString());
    q.finish();
    return ids;
}

Status SyncStore::updateConflict(const QString& resource, const QString& recordId,
                                 const QString& reason, const QJsonObject& server)
{
    // A create that met another record ("exists") stays so while the
    // server's record only changes.
    QSqlQuery& q = prepared(QStringLiteral(
        "UPDATE sync_conflicts SET server_json = ?, "
        "reason = CASE WHEN reason = 'exists' AND ? = 'changed' THEN reason ELSE ? END "
        "WHERE resource = ? AND record_id = ?"));
    q.addBindValue(server.isEmpty() ? QVariant() : QVariant(compact(server)));
    q.addBindValue(reason);
    q.addBindValue(reason);
    q.addBindValue(resource);
    q.addBindValue(recordId);
    return q.exec() ? Status{} : failed(q);
}

Result<QList<Conflict>> SyncStore::conflicts()
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT id, source, resource, record_id, reason, base_version, "
                               "local_json, base_json, server_json, created_at FROM sync_conflicts "
                               "ORDER BY created_at, id")))
        return failed(q);
    QList<Conflict> out;
    while (q.next()) {
        Conflict c;
        c.id = q.value(0).toString();
        c.source = q.value(1).toString();
        c.resource = q.value(2).toString();
        c.recordId = q.value(3).toString();
        c.reason = q.value(4).toString();
        c.baseVersion = q.value(5).toLongLong();
        c.mine = parse(q.value(6));
        c.base = parse(q.value(7));
        c.server = parse(q.value(8));
        c.createdAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
        out << c;
    }
    return out;
}

Status SyncStore::removeConflict(const QString& id)
{
    QSqlQuery& q = prepared(QStringLiteral("DELETE FROM sync_conflicts WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() ? Status{} : failed(q);
}

} // namespace workbench::sync
