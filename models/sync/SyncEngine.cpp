#include "SyncEngine.h"

#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"
#include "storage/Repository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

namespace workbench::sync {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SyncEngine", text);
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

Status sqlError(const QSqlQuery& q)
{
    return Error{q.lastError().text()};
}

// The table spec and the validation of one resource's records.
struct ResourceType
{
    const TableSpec* spec;
    std::function<QString(const QJsonObject&)> validate; // empty: valid
};

template <typename T> ResourceType typeOf()
{
    return {&RecordTable<T>::spec(), [](const QJsonObject& o) {
                auto r = T::fromJson(o);
                return r ? QString() : r.error();
            }};
}

std::optional<ResourceType> resourceType(const QString& resource)
{
    if (resource == u"organizations")
        return typeOf<Organization>();
    if (resource == u"processors")
        return typeOf<Processor>();
    if (resource == u"retention-rules")
        return typeOf<RetentionRule>();
    if (resource == u"rights-requests")
        return typeOf<RightsRequest>();
    if (resource == u"policy-versions")
        return typeOf<PolicyVersion>();
    return std::nullopt;
}

QString tableName(const QString& resource)
{
    return QString(resource).replace(u'-', u'_');
}

// The PostgREST cursor: the last updated_at applied and how many rows with
// that timestamp were already taken.
struct KeysetCursor
{
    QString updatedAt;
    int skip = 0;
    static KeysetCursor parse(const QString& text)
    {
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        return {o.value(QLatin1String("updated_at")).toString(),
                o.value(QLatin1String("skip")).toInt()};
    }
    QString toString() const
    {
        return QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("updated_at"), updatedAt},
                                      {QStringLiteral("skip"), skip}})
                .toJson(QJsonDocument::Compact));
    }
};

} // namespace

const QStringList& allResources()
{
    static const QStringList all = {QStringLiteral("organizations"), QStringLiteral("processors"),
                                    QStringLiteral("retention-rules"),
                                    QStringLiteral("rights-requests"),
                                    QStringLiteral("policy-versions")};
    return all;
}

Result<QList<SyncSource>> loadSources(Database& db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral(
            "SELECT name, kind, base_url, resources, token_env, use_keychain FROM sync_sources "
            "ORDER BY name")))
        return Error{q.lastError().text()};
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

Status saveSource(Database& db, const SyncSource& source)
{
    if (source.name.trimmed().isEmpty())
        return Error{tr("A source needs a name.")};
    if (auto s = HttpClient::checkUrl(source.baseUrl); !s)
        return s;
    for (const QString& r : source.resources)
        if (!allResources().contains(r))
            return Error{tr("'%1' is not a resource of the contract.").arg(r)};
    return db.transaction([&]() -> Status {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_sources "
                                 "(name, kind, base_url, resources, token_env, use_keychain) "
                                 "VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(source.name.trimmed());
        q.addBindValue(source.kind == SourceKind::Postgrest ? QStringLiteral("postgrest")
                                                            : QStringLiteral("rest"));
        q.addBindValue(source.baseUrl.toString());
        q.addBindValue(source.resources.join(u','));
        q.addBindValue(source.tokenEnv);
        q.addBindValue(source.useKeychain ? 1 : 0);
        return q.exec() ? Status{} : sqlError(q);
    });
}

Status removeSource(Database& db, const QString& name)
{
    return db.transaction([&]() -> Status {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("DELETE FROM sync_sources WHERE name = ?"));
        q.addBindValue(name);
        return q.exec() ? Status{} : sqlError(q);
    });
}

Result<QByteArray> tokenFromEnvironment(const SyncSource& source)
{
    if (source.tokenEnv.isEmpty())
        return Error{tr("Source %1 names no environment variable for its token.").arg(source.name)};
    const QByteArray token = qgetenv(source.tokenEnv.toLocal8Bit().constData());
    if (token.isEmpty())
        return Error{tr("The environment variable %1 (the token of %2) is not set.")
                         .arg(source.tokenEnv, source.name)};
    return token;
}

QJsonObject SyncReport::toJson() const
{
    QJsonObject perResource;
    for (auto it = resources.begin(); it != resources.end(); ++it)
        perResource.insert(it.key(), QJsonObject{{QStringLiteral("added"), it->added},
                                                 {QStringLiteral("updated"), it->updated},
                                                 {QStringLiteral("deleted"), it->deleted},
                                                 {QStringLiteral("rejected"), it->rejected},
                                                 {QStringLiteral("pages"), it->pages}});
    QJsonArray rejected;
    for (const Rejection& r : rejections)
        rejected.append(QJsonObject{{QStringLiteral("source"), source},
                                    {QStringLiteral("resource"), r.resource},
                                    {QStringLiteral("id"), r.id},
                                    {QStringLiteral("field"), r.field},
                                    {QStringLiteral("reason"), r.reason}});
    QJsonObject o{
        {QStringLiteral("source"), source},         {QStringLiteral("ok"), ok()},
        {QStringLiteral("pushed"), pushed},         {QStringLiteral("conflicts"), conflicts},
        {QStringLiteral("resources"), perResource}, {QStringLiteral("rejected"), rejected}};
    if (cancelled)
        o.insert(QStringLiteral("cancelled"), true);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

SyncEngine::SyncEngine(Database& db, SyncSource source, QByteArray token, SyncOptions options)
    : m_db(db)
    , m_source(std::move(source))
    , m_token(std::move(token))
    , m_options(std::move(options))
    , m_http(m_options.retry)
{
    m_http.setCancelled(m_options.cancelled);
}

HttpClient::Headers SyncEngine::authHeaders() const
{
    HttpClient::Headers h{{"Authorization", "Bearer " + m_token}, {"Accept", "application/json"}};
    if (m_source.kind == SourceKind::Postgrest)
        h.append({QByteArray("apikey"), QByteArray(m_token)});
    return h;
}

QUrl SyncEngine::url(const QString& path, const QList<QPair<QString, QString>>& query) const
{
    QUrl u = m_source.baseUrl;
    QString base = u.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    u.setPath(base + path);
    QUrlQuery q;
    for (const auto& [key, value] : query)
        q.addQueryItem(key, QString(value).replace(u'+', QStringLiteral("%2B")));
    u.setQuery(q);
    return u;
}

SyncReport SyncEngine::run()
{
    SyncReport report;
    report.source = m_source.name;
    const QDateTime started = QDateTime::currentDateTimeUtc();
    if (auto s = HttpClient::checkUrl(m_source.baseUrl); !s) {
        report.error = s.error();
        logRun(report, started);
        return report;
    }
    if (auto s = push(report); !s) {
        report.error = s.error();
        logRun(report, started);
        return report;
    }
    const QStringList resources =
        m_source.resources.isEmpty() ? allResources() : m_source.resources;
    for (const QString& resource : allResources()) {
        if (!resources.contains(resource))
            continue;
        if (m_options.cancelled && m_options.cancelled()) {
            report.cancelled = true;
            break;
        }
        if (auto s = pull(resource, report); !s) {
            if (m_options.cancelled && m_options.cancelled())
                report.cancelled = true;
            else
                report.error = s.error();
            break;
        }
    }
    logRun(report, started);
    return report;
}

Status SyncEngine::push(SyncReport& report)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, resource, record_id, base_version, body_json, base_json "
                             "FROM sync_outbox WHERE source IS NULL OR source = ? "
                             "ORDER BY created_at, rowid"));
    q.addBindValue(m_source.name);
    if (!q.exec())
        return sqlError(q);
    struct Entry
    {
        QString id, resource, recordId;
        qint64 baseVersion;
        QByteArray body, base;
    };
    QList<Entry> entries;
    while (q.next())
        entries.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toLongLong(), q.value(4).toByteArray(),
                        q.value(5).toByteArray()});
    q.finish();
    for (const Entry& e : entries) {
        const auto type = resourceType(e.resource);
        if (!type)
            continue;
        Result<HttpResponse> response = Error{QString()};
        if (m_source.kind == SourceKind::Rest) {
            HttpClient::Headers h = authHeaders();
            h.append({QByteArray("If-Match"),
                      QByteArray('"' + QByteArray::number(e.baseVersion) + '"')});
            h.append({QByteArray("Idempotency-Key"), QByteArray(e.id.toUtf8())});
            h.append({QByteArray("Content-Type"), QByteArray("application/json")});
            response = m_http.send("PATCH", url(u'/' + e.resource + u'/' + e.recordId), h, e.body);
        } else {
            HttpClient::Headers h = authHeaders();
            h.append({QByteArray("Prefer"), QByteArray("return=representation")});
            h.append({QByteArray("Content-Type"), QByteArray("application/json")});
            response = m_http.send(
                "PATCH",
                url(u'/' + tableName(e.resource),
                    {{QStringLiteral("id"), QStringLiteral("eq.") + e.recordId},
                     {QStringLiteral("version"), QStringLiteral("eq.%1").arg(e.baseVersion)}}),
                h, e.body);
        }
        if (!response) {
            QSqlQuery fail(m_db.connection());
            fail.prepare(QStringLiteral(
                "UPDATE sync_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?"));
            fail.addBindValue(response.error());
            fail.addBindValue(e.id);
            fail.exec();
            return Error{response.error()};
        }
        const HttpResponse& r = response.value();
        QJsonObject server;
        QString conflict;
        if (m_source.kind == SourceKind::Postgrest && r.status == 200) {
            const QJsonArray rows = QJsonDocument::fromJson(r.body).array();
            if (rows.isEmpty())
                conflict = QStringLiteral("changed");
            else
                server = rows.first().toObject();
        } else if (r.status == 200) {
            server = QJsonDocument::fromJson(r.body).object();
        } else if (r.status == 412) {
            conflict = QStringLiteral("changed");
            server = QJsonDocument::fromJson(r.body).object();
        } else if (r.status == 404 || r.status == 410) {
            conflict = QStringLiteral("gone");
        } else {
            return Error{tr("PATCH %1/%2 was refused (%3): %4")
                             .arg(e.resource, e.recordId)
                             .arg(r.status)
                             .arg(problemOf(r))};
        }
        if (conflict.isEmpty() && !type->validate(server).isEmpty())
            return Error{tr("PATCH %1/%2: the server's answer is not a valid record: %3")
                             .arg(e.resource, e.recordId, type->validate(server))};
        const Status s = m_db.transaction([&]() -> Status {
            QSqlQuery w(m_db.connection());
            if (!conflict.isEmpty()) {
                w.prepare(QStringLiteral(
                    "INSERT OR REPLACE INTO sync_conflicts (id, source, resource, record_id, "
                    "reason, base_version, local_json, base_json, server_json, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
                w.addBindValue(e.id);
                w.addBindValue(m_source.name);
                w.addBindValue(e.resource);
                w.addBindValue(e.recordId);
                w.addBindValue(conflict);
                w.addBindValue(e.baseVersion);
                w.addBindValue(QString::fromUtf8(e.body));
                w.addBindValue(e.base.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(e.base)));
                w.addBindValue(server.isEmpty()
                                   ? QVariant()
                                   : QVariant(QString::fromUtf8(
                                         QJsonDocument(server).toJson(QJsonDocument::Compact))));
                w.addBindValue(now());
                if (!w.exec())
                    return sqlError(w);
            } else if (auto up = RecordStore(m_db, *type->spec).upsert(server); !up) {
                return up;
            }
            QSqlQuery d(m_db.connection());
            d.prepare(QStringLiteral("DELETE FROM sync_outbox WHERE id = ?"));
            d.addBindValue(e.id);
            return d.exec() ? Status{} : sqlError(d);
        });
        if (!s)
            return s;
        if (conflict.isEmpty())
            ++report.pushed;
        else
            ++report.conflicts;
    }
    return {};
}

Status SyncEngine::pull(const QString& resource, SyncReport& report)
{
    QString cursor;
    QByteArray etag;
    {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral(
            "SELECT cursor, etag FROM sync_state WHERE source = ? AND resource = ?"));
        q.addBindValue(m_source.name);
        q.addBindValue(resource);
        if (!q.exec())
            return sqlError(q);
        if (q.next()) {
            cursor = q.value(0).toString();
            etag = q.value(1).toByteArray();
        }
    }
    ResourceCounts& counts = report.resources[resource];
    qint64 records = 0;
    for (bool first = true;; first = false) {
        if (!first && m_options.cancelled && m_options.cancelled()) {
            report.cancelled = true;
            return {};
        }
        HttpClient::Headers h = authHeaders();
        QUrl pageUrl;
        KeysetCursor keyset;
        if (m_source.kind == SourceKind::Rest) {
            QList<QPair<QString, QString>> query{
                {QStringLiteral("limit"), QString::number(m_options.pageSize)}};
            if (!cursor.isEmpty())
                query.prepend({QStringLiteral("since"), cursor});
            if (first && !etag.isEmpty())
                h.append({QByteArray("If-None-Match"), QByteArray(etag)});
            pageUrl = url(u'/' + resource, query);
        } else {
            keyset = KeysetCursor::parse(cursor);
            QList<QPair<QString, QString>> query{
                {QStringLiteral("order"), QStringLiteral("updated_at.asc,id.asc")},
                {QStringLiteral("limit"), QString::number(m_options.pageSize)},
                {QStringLiteral("offset"), QString::number(keyset.skip)}};
            if (!keyset.updatedAt.isEmpty())
                query.prepend(
                    {QStringLiteral("updated_at"), QStringLiteral("gte.") + keyset.updatedAt});
            pageUrl = url(u'/' + tableName(resource), query);
        }
        auto response = m_http.send("GET", pageUrl, h);
        if (!response)
            return Error{response.error()};
        const HttpResponse& r = response.value();
        if (r.status == 304)
            return {};
        if (r.status != 200)
            return Error{tr("GET %1 (%2): %3 %4")
                             .arg(resource, m_source.name)
                             .arg(r.status)
                             .arg(problemOf(r))};
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
        QJsonArray items;
        QString nextCursor;
        bool hasMore = false;
        if (m_source.kind == SourceKind::Rest) {
            const QJsonObject page = doc.object();
            if (parseError.error != QJsonParseError::NoError || !doc.isObject() ||
                !page.value(QLatin1String("items")).isArray())
                return Error{tr("%1 from %2, page %3: not a page of the contract (%4 at byte "
                                "%5). Nothing of this page was applied.")
                                 .arg(resource, m_source.name)
                                 .arg(counts.pages + 1)
                                 .arg(parseError.error != QJsonParseError::NoError
                                          ? parseError.errorString()
                                          : tr("no items array"))
                                 .arg(parseError.offset)};
            items = page.value(QLatin1String("items")).toArray();
            nextCursor = page.value(QLatin1String("next_cursor")).toString(cursor);
            hasMore = page.value(QLatin1String("has_more")).toBool();
        } else {
            if (parseError.error != QJsonParseError::NoError || !doc.isArray())
                return Error{tr("%1 from %2, page %3: not a JSON array (%4). Nothing of this page "
                                "was applied.")
                                 .arg(resource, m_source.name)
                                 .arg(counts.pages + 1)
                                 .arg(parseError.errorString())};
            items = doc.array();
            KeysetCursor next = keyset;
            for (const QJsonValue& v : items) {
                const QString at = v.toObject().value(QLatin1String("updated_at")).toString();
                if (at == next.updatedAt) {
                    ++next.skip;
                } else {
                    next.updatedAt = at;
                    next.skip = 1;
                }
            }
            nextCursor = next.toString();
            hasMore = items.size() >= m_options.pageSize;
        }
        if (auto s = applyPage(resource, items, nextCursor, first ? r.header("ETag") : QByteArray(),
                               report);
            !s)
            return s;
        cursor = nextCursor;
        ++counts.pages;
        records += items.size();
        if (m_options.progress)
            m_options.progress({resource, counts.pages, records});
        if (!hasMore || items.isEmpty())
            return {};
    }
}

Status SyncEngine::applyPage(const QString& resource, const QJsonArray& items,
                             const QString& cursor, const QByteArray& etag, SyncReport& report)
{
    const auto type = resourceType(resource);
    if (!type)
        return Error{tr("Unknown resource %1.").arg(resource)};
    ResourceCounts& counts = report.resources[resource];
    ResourceCounts delta;
    QList<Rejection> rejected;
    RecordStore store(m_db, *type->spec);
    const Status s = m_db.transaction([&]() -> Status {
        QSqlQuery exists(m_db.connection());
        exists.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(type->spec->table));
        QSqlQuery held(m_db.connection());
        held.prepare(QStringLiteral(
            "SELECT 1 FROM sync_conflicts WHERE resource = ? AND record_id = ? LIMIT 1"));
        for (const QJsonValue& value : items) {
            const QJsonObject item = value.toObject();
            const QString id = item.value(QLatin1String("id")).toString();
            if (!value.isObject() || id.isEmpty()) {
                rejected.append(
                    {resource, id, QStringLiteral("id"), tr("a record without an id (string)")});
                continue;
            }
            exists.addBindValue(id);
            if (!exists.exec())
                return sqlError(exists);
            const bool known = exists.next();
            exists.finish();
            if (item.value(QLatin1String("deleted")).toBool()) {
                if (!known)
                    continue;
                auto before = store.find(id);
                if (auto r = store.remove(id); !r)
                    return r;
                AuditEntry entry;
                entry.actor = QStringLiteral("sync:") + m_source.name;
                entry.action = QStringLiteral("delete");
                entry.recordType = resource;
                entry.recordId = id;
                entry.summary = tr("Deleted on %1 (tombstone)").arg(m_source.name);
                entry.before = before && before.value() ? *before.value() : QJsonObject();
                if (auto a = AuditLog::append(m_db, entry); !a)
                    return a;
                ++delta.deleted;
                continue;
            }
            // A record with an unresolved conflict keeps the officer's
            // edit; the server's newer copy goes into the conflict.
            held.addBindValue(resource);
            held.addBindValue(id);
            if (!held.exec())
                return sqlError(held);
            const bool inConflict = held.next();
            held.finish();
            if (inConflict) {
                QSqlQuery update(m_db.connection());
                update.prepare(QStringLiteral("UPDATE sync_conflicts SET server_json = ? "
                                              "WHERE resource = ? AND record_id = ?"));
                update.addBindValue(
                    QString::fromUtf8(QJsonDocument(item).toJson(QJsonDocument::Compact)));
                update.addBindValue(resource);
                update.addBindValue(id);
                if (!update.exec())
                    return sqlError(update);
                continue;
            }
            if (const QString problem = type->validate(item); !problem.isEmpty()) {
                rejected.append(
                    {resource, id, problem.section(u' ', 0, 0), problem.section(u' ', 1)});
                continue;
            }
            if (auto r = store.upsert(item); !r) {
                rejected.append({resource, id, QString(), r.error()});
                continue;
            }
            ++(known ? delta.updated : delta.added);
        }
        QSqlQuery state(m_db.connection());
        state.prepare(QStringLiteral(
            "INSERT INTO sync_state (source, resource, cursor, etag, last_synced_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (source, resource) DO UPDATE SET "
            "cursor = excluded.cursor, etag = COALESCE(excluded.etag, sync_state.etag), "
            "last_synced_at = excluded.last_synced_at"));
        state.addBindValue(m_source.name);
        state.addBindValue(resource);
        state.addBindValue(cursor);
        state.addBindValue(etag.isEmpty() ? QVariant() : QVariant(QString::fromLatin1(etag)));
        state.addBindValue(now());
        return state.exec() ? Status{} : sqlError(state);
    });
    if (!s)
        return s;
    counts.added += delta.added;
    counts.updated += delta.updated;
    counts.deleted += delta.deleted;
    counts.rejected += int(rejected.size());
    report.rejections.append(rejected);
    return {};
}

void SyncEngine::logRun(const SyncReport& report, const QDateTime& started)
{
    // The log is a convenience: a failure to write it does not fail the sync.
    (void)m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("INSERT INTO sync_runs (source, started_at, finished_at, outcome, "
                                 "message, summary_json) VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(report.source);
        q.addBindValue(started.toString(Qt::ISODateWithMs));
        q.addBindValue(now());
        q.addBindValue(report.ok() ? QStringLiteral("ok")
                                   : (report.cancelled ? QStringLiteral("cancelled")
                                                       : QStringLiteral("error")));
        q.addBindValue(report.error);
        q.addBindValue(
            QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact)));
        if (!q.exec())
            return sqlError(q);
        const qint64 run = q.lastInsertId().toLongLong();
        QSqlQuery r(m_db.connection());
        r.prepare(QStringLiteral("INSERT INTO sync_rejections (run_seq, resource, record_id, "
                                 "field, reason) VALUES (?, ?, ?, ?, ?)"));
        for (const Rejection& rej : report.rejections) {
            r.addBindValue(run);
            r.addBindValue(rej.resource);
            r.addBindValue(rej.id);
            r.addBindValue(rej.field);
            r.addBindValue(rej.reason);
            if (!r.exec())
                return sqlError(r);
        }
        return {};
    });
}

} // namespace workbench::sync
