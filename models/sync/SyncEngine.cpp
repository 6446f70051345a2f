#include "SyncEngine.h"

#include "Checkpoint.h"
#include "PageFetcher.h"
#include "RefusedRecords.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"
#include "storage/SyncStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace workbench::sync {

SyncEngine::SyncEngine(Database& db, SyncSource source, QByteArray token, SyncOptions options)
    : m_db(db)
    , m_store(std::make_unique<SyncStore>(db))
    , m_endpoint{std::move(source), std::move(token)}
    , m_options(std::move(options))
    , m_http(m_options.retry)
{
    m_http.setCancelled(m_options.cancelled);
}

SyncEngine::~SyncEngine() = default;

SyncReport SyncEngine::run()
{
    SyncReport report;
    report.source = m_endpoint.source.name;
    m_tried.clear();
    const QDateTime started = QDateTime::currentDateTimeUtc();
    // Records pulled are audited in the name of the source.
    const QString actor = m_db.auditActor();
    const auto restoreActor = qScopeGuard([&] { m_db.setAuditActor(actor); });
    m_db.setAuditActor(QStringLiteral("sync:") + m_endpoint.source.name);
    if (auto s = HttpClient::checkUrl(m_endpoint.source.baseUrl); !s) {
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
        m_endpoint.source.resources.isEmpty() ? allResources() : m_endpoint.source.resources;
    // Parents first, whatever was asked; after each resource's pull, the
    // records kept from earlier syncs (of every resource, asked or not) are
    // tried again: their parents have had their chance by then.
    for (const QString& resource : allResources()) {
        if (cancelled()) {
            report.cancelled = true;
            break;
        }
        Status s = resources.contains(resource) ? pull(resource, report) : Status{};
        if (s && !report.cancelled)
            s = retryKept(resource, report);
        if (!s) {
            if (cancelled())
                report.cancelled = true;
            else
                report.error = s.error();
            break;
        }
        if (report.cancelled)
            break;
    }
    if (auto causes = m_store->refusedCauses())
        report.waiting = causes.value();
    if (auto creates = m_store->refusedCreates(); creates && creates.value() > 0)
        report.waiting.insert(tr("create refused by the server"), creates.value());
    if (report.ok()) {
        if (auto s = pushCheckpoint(m_db, m_endpoint, m_http); !s)
            report.error = s.error();
    }
    logRun(report, started);
    return report;
}

Status SyncEngine::push(SyncReport& report)
{
    m_followUps = false;
    if (auto s = pushEntries(report, false); !s)
        return s;
    // An edit made here after a create went out follows it in this run:
    // the pull after the push must not take the server's copy over it.
    return m_followUps ? pushEntries(report, true) : Status{};
}

Status SyncEngine::pushEntries(SyncReport& report, bool editsOnly)
{
    auto entries = m_store->outbox(m_endpoint.source.name);
    if (!entries)
        return Error{entries.error()};
    QSet<QString> holding; // creates not confirmed by this run: their children wait
    for (const OutboxEntry& e : std::as_const(entries.value())) {
        const auto type = resourceType(e.resource);
        if (!type || (editsOnly && e.isCreate()))
            continue;
        if (e.isCreate()) {
            if (auto s = pushCreate(e, *type, report, holding); !s)
                return s;
            continue;
        }
        Result<HttpResponse> response = Error{QString()};
        if (m_endpoint.source.kind == SourceKind::Rest) {
            HttpClient::Headers h = m_endpoint.headers();
            h.append({QByteArray("If-Match"),
                      QByteArray('"' + QByteArray::number(e.baseVersion) + '"')});
            h.append({QByteArray("Idempotency-Key"), QByteArray(e.id.toUtf8())});
            h.append({QByteArray("Content-Type"), QByteArray("application/json")});
            response = m_http.send("PATCH", m_endpoint.url(u'/' + e.resource + u'/' + e.recordId),
                                   h, e.body);
        } else {
            HttpClient::Headers h = m_endpoint.headers();
            h.append({QByteArray("Prefer"), QByteArray("return=representation")});
            h.append({QByteArray("Content-Type"), QByteArray("application/json")});
            response = m_http.send(
                "PATCH",
                m_endpoint.url(
                    u'/' + tableName(e.resource),
                    {{QStringLiteral("id"), QStringLiteral("eq.") + e.recordId},
                     {QStringLiteral("version"), QStringLiteral("eq.%1").arg(e.baseVersion)}}),
                h, e.body);
        }
        if (!response) {
            (void)m_store->outboxTryFailed(e.id, response.error());
            return Error{response.error()};
        }
        const HttpResponse& r = response.value();
        QJsonObject server;
        QString conflict;
        if (m_endpoint.source.kind == SourceKind::Postgrest && r.status == 200) {
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
            if (!conflict.isEmpty()) {
                if (auto c = m_store->addConflict(e, m_endpoint.source.name, conflict, server); !c)
                    return c;
            } else if (auto up = RecordStore(m_db, *type->spec).upsert(server); !up) {
                return up;
            }
            return m_store->removeFromOutbox(e.id);
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
    const auto type = resourceType(resource);
    if (!type)
        return Error{tr("Unknown resource %1.").arg(resource)};
    PageFetcher::Request request{m_endpoint,      resource,           {}, {}, m_options.pageSize,
                                 m_options.retry, m_options.cancelled};
    {
        auto state = m_store->pullState(m_endpoint.source.name, resource);
        if (!state)
            return Error{state.error()};
        request.cursor = state->cursor;
        request.etag = state->etag;
    }
    auto kept = m_store->refusedIds(resource);
    if (!kept)
        return Error{kept.error()};
    m_kept = std::move(kept).value();
    RecordStore store(m_db, *type->spec);
    PageFetcher fetcher(std::move(request));
    ResourceCounts& counts = report.resources[resource];
    qint64 records = 0;
    for (bool first = true;; first = false) {
        if (!first && cancelled()) {
            report.cancelled = true;
            return {};
        }
        auto page = fetcher.next();
        if (!page)
            return Error{page.error()};
        if (!page.value())
            return {};
        if (auto s = applyPage(resource, *type->spec, store, *page.value(), report); !s)
            return s;
        ++counts.pages;
        records += page.value()->items.size();
        if (m_options.progress)
            m_options.progress({resource, counts.pages, records});
    }
}

Status SyncEngine::applyPage(const QString& resource, const TableSpec& spec, RecordStore& store,
                             const FetchedPage& page, SyncReport& report)
{
    const QString& sourceName = m_endpoint.source.name;
    ResourceCounts delta;
    QList<Rejection> rejected;
    // A record that cannot be applied is kept with the reason (a newer copy
    // replaces an older one); one that applies leaves the waiting list.
    auto keep = [&](const QString& id, const QJsonObject& record, const Refusal& why) -> Status {
        rejected.append({resource, id, why.field, why.reason, why.cause});
        if (auto k = m_store->keepRefused(sourceName, resource, record, why,
                                          firstTryThisRun(resource, id));
            !k)
            return k;
        m_kept.insert(id);
        return {};
    };
    auto applied = [&](const QString& id) -> Status {
        if (!m_kept.contains(id))
            return {};
        m_kept.remove(id);
        return m_store->dropRefused(resource, id);
    };
    const Status s = m_db.transaction([&]() -> Status {
        // Records with an unresolved conflict.
        auto conflicted = m_store->idsInConflict(resource);
        if (!conflicted)
            return Error{conflicted.error()};
        const QSet<QString> held = std::move(conflicted).value();
        // Records made here whose create waits: the server's copy (an
        // earlier try's, whose answer was lost) is taken when the create
        // is confirmed, not by a pull.
        auto creating = m_store->pendingCreates(resource);
        if (!creating)
            return Error{creating.error()};
        // Records to write go in batches; a tombstone first writes what
        // came before it, so the page applies in its order.
        QList<RowLayout::Row> pending;
        QSet<QString> written; // ids written earlier in this page
        auto flush = [&]() -> Status {
            QSet<QString> existed;
            QList<std::pair<qsizetype, QString>> refused;
            if (auto w = store.upsertMany(pending, existed, refused); !w)
                return w;
            // In the page's order: a later copy of an id has the last word.
            QHash<qsizetype, QString> refusedAt;
            for (const auto& [at, why] : refused)
                refusedAt.insert(at, why);
            for (qsizetype at = 0; at < pending.size(); ++at) {
                const QString id = pending[at].id;
                if (const auto why = refusedAt.constFind(at); why != refusedAt.cend()) {
                    const QJsonObject& record = pending[at].record;
                    if (auto k = keep(id, record, explainRefusal(m_db, spec, record, *why)); !k)
                        return k;
                    continue;
                }
                ++(existed.contains(id) || written.contains(id) ? delta.updated : delta.added);
                written.insert(id);
                if (auto a = applied(id); !a)
                    return a;
            }
            pending.clear();
            return {};
        };
        for (qsizetype i = 0; i < page.items.size(); ++i) {
            const QJsonValue value = page.items.at(i);
            const QJsonObject item = value.toObject();
            const QString id = item.value(QLatin1String("id")).toString();
            if (!value.isObject() || id.isEmpty()) {
                rejected.append({resource, id, QStringLiteral("id"),
                                 tr("a record without an id (string)"), tr("no id")});
                continue;
            }
            const bool tombstone = item.value(QLatin1String("deleted")).toBool();
            if (creating->contains(id))
                continue;
            if (held.contains(id)) {
                // The officer's edit stays until the conflict is resolved;
                // the conflict gets the server's latest word (a deletion
                // too).
                if (auto u = m_store->updateConflict(resource, id,
                                                     tombstone ? QStringLiteral("gone")
                                                               : QStringLiteral("changed"),
                                                     tombstone ? QJsonObject() : item);
                    !u)
                    return u;
                continue;
            }
            if (tombstone) {
                if (auto f = flush(); !f)
                    return f;
                written.remove(id);
                if (auto a = applied(id); !a) // deleted on the server: nothing left to keep
                    return a;
                auto known = store.exists(id);
                if (!known)
                    return Error{known.error()};
                if (!known.value())
                    continue;
                auto before = store.find(id);
                if (auto r = store.remove(id); !r)
                    return r;
                AuditEntry entry;
                entry.actor = QStringLiteral("sync:") + sourceName;
                entry.action = QStringLiteral("delete");
                entry.recordType = resource;
                entry.recordId = id;
                entry.summary = tr("Deleted on %1 (tombstone)").arg(sourceName);
                entry.before = before && before.value() ? *before.value() : QJsonObject();
                if (auto a = AuditLog::append(m_db, entry); !a)
                    return a;
                ++delta.deleted;
                continue;
            }
            if (const QString& problem = page.problems.at(i); !problem.isEmpty()) {
                // Written first: what came before it in the page applies
                // before it is kept.
                if (auto f = flush(); !f)
                    return f;
                if (auto k = keep(id, item, invalidRecord(problem)); !k)
                    return k;
                continue;
            }
            pending.append(page.rows.at(i));
        }
        if (auto f = flush(); !f)
            return f;
        return m_store->savePullState(sourceName, resource, page.cursor, page.etag);
    });
    if (!s)
        return s;
    ResourceCounts& counts = report.resources[resource];
    counts.added += delta.added;
    counts.updated += delta.updated;
    counts.deleted += delta.deleted;
    counts.rejected += int(rejected.size());
    report.rejections.append(rejected);
    return {};
}

bool SyncEngine::firstTryThisRun(const QString& resource, const QString& id)
{
    const QString key = resource + u'/' + id;
    if (m_tried.contains(key))
        return false;
    m_tried.insert(key);
    return true;
}

Status SyncEngine::retryKept(const QString& resource, SyncReport& report)
{
    auto kept = m_store->refused(resource);
    if (!kept)
        return Error{kept.error()};
    if (kept->isEmpty())
        return {};
    const auto type = resourceType(resource);
    if (!type)
        return {};
    RecordStore store(m_db, *type->spec);
    ResourceCounts delta;
    const Status s = m_db.transaction([&]() -> Status {
        QSqlQuery version(m_db.connection());
        version.prepare(
            QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(type->spec->table));
        // A record whose local edit waits in a conflict is left alone: the
        // officer decides first.
        auto conflicted = m_store->idsInConflict(resource);
        if (!conflicted)
            return Error{conflicted.error()};
        const QSet<QString> held = std::move(conflicted).value();
        QList<RefusedRecord> waiting;
        for (const RefusedRecord& k : std::as_const(kept.value()))
            if (!held.contains(k.id))
                waiting << k;
        QHash<QString, Refusal> why; // id -> why it is still refused
        // Pass after pass while some apply: one may be the parent of another
        // (a sub-processor kept before its processor).
        for (bool progress = true; progress && !waiting.isEmpty();) {
            progress = false;
            QList<RefusedRecord> still;
            for (const RefusedRecord& k : std::as_const(waiting)) {
                // A copy older than the record in the workspace (a push
                // brought a newer one) has nothing left to say.
                version.addBindValue(k.id);
                if (!version.exec())
                    return Error{version.lastError().text()};
                const bool exists = version.next();
                const bool superseded =
                    exists && k.version > 0 && version.value(0).toLongLong() >= k.version;
                version.finish();
                if (superseded) {
                    if (auto d = m_store->dropRefused(resource, k.id); !d)
                        return d;
                    continue;
                }
                if (const QString problem = type->validate(k.record); !problem.isEmpty()) {
                    why.insert(k.id, invalidRecord(problem));
                    still << k;
                    continue;
                }
                if (auto w = store.upsert(k.record); !w) {
                    why.insert(k.id, explainRefusal(m_db, *type->spec, k.record, w.error()));
                    still << k;
                    continue;
                }
                if (auto d = m_store->dropRefused(resource, k.id); !d)
                    return d;
                ++(exists ? delta.updated : delta.added);
                ++delta.retried;
                progress = true;
            }
            waiting = still;
        }
        // Still refused, with today's reason: one more try unless this run
        // refused it already (a record counts one try per sync run).
        for (const RefusedRecord& k : std::as_const(waiting))
            if (auto r = m_store->keepRefused(k.source, resource, k.record, why.value(k.id),
                                              firstTryThisRun(resource, k.id));
                !r)
                return r;
        return {};
    });
    if (!s)
        return s;
    if (delta.retried) {
        ResourceCounts& counts = report.resources[resource];
        counts.added += delta.added;
        counts.updated += delta.updated;
        counts.retried += delta.retried;
    }
    return {};
}

} // namespace workbench::sync
