#include "SyncEngine.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"
#include "storage/SyncStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

// Creates of records made here: POST /{resource} (docs/sync-api.md, section
// 9). The entry's body went out once and is sent as it is on every later
// try, with the same Idempotency-Key, so a lost answer, a crash or a stopped
// sync can never make the server hold the record twice.

namespace workbench::sync {

namespace {

bool isBookkeeping(const QString& field)
{
    return field == u"id" || field == u"version" || field == u"updated_at";
}

// Whether the server's record is the one the create sent: every field sent
// has the same value there, both read as this app writes them (timestamps
// as instants). Fields the server added do not count.
bool sameRecord(const ResourceType& type, const QJsonObject& sent, const QJsonObject& server)
{
    const QJsonObject mine = type.canonical(sent);
    const QJsonObject theirs = type.canonical(server);
    for (auto it = mine.begin(); it != mine.end(); ++it) {
        if (isBookkeeping(it.key()))
            continue;
        const QJsonValue other = theirs.value(it.key());
        const bool unset = it.value().isNull() || it.value().isUndefined();
        const bool otherUnset = other.isNull() || other.isUndefined();
        if (unset != otherUnset)
            return false;
        if (unset || other == it.value())
            continue;
        // Timestamps are the same when they name the same instant.
        const QDateTime a = QDateTime::fromString(it.value().toString(), Qt::ISODateWithMs);
        const QDateTime b = QDateTime::fromString(other.toString(), Qt::ISODateWithMs);
        if (!it.value().isString() || !other.isString() || !a.isValid() || !b.isValid() ||
            a.timeSpec() == Qt::LocalTime || b.timeSpec() == Qt::LocalTime || a != b)
            return false;
    }
    return true;
}

// The field a refusal names: the first of its `errors`, else the start of
// its detail ("subject_email: not an e-mail address").
QString refusedField(const QByteArray& body)
{
    const QJsonObject problem = QJsonDocument::fromJson(body).object();
    for (const QJsonValue& e : problem.value(QLatin1String("errors")).toArray())
        if (const QString field = e.toObject().value(QLatin1String("field")).toString();
            !field.isEmpty())
            return field;
    const QString detail = problem.value(QLatin1String("detail")).toString();
    const qsizetype colon = detail.indexOf(u':');
    const QString field = colon > 0 ? detail.left(colon).trimmed() : QString();
    return field.contains(u' ') ? QString() : field;
}

} // namespace

Status SyncEngine::pushCreate(const OutboxEntry& e, const ResourceType& type, SyncReport& report,
                              QSet<QString>& holding)
{
    const QString key = e.resource + u'/' + e.recordId;
    const QJsonObject sent = QJsonDocument::fromJson(e.body).object();
    // Parents first: a record that refers to one the server has not
    // confirmed waits behind it.
    for (const TableSpec::Reference& ref : type.spec->references) {
        const QJsonValue v = sent.value(ref.field);
        const QJsonArray values = v.isArray() ? v.toArray() : QJsonArray{v};
        for (const QJsonValue& parent : values)
            if (parent.isString() && holding.contains(ref.resource + u'/' + parent.toString())) {
                holding.insert(key);
                return {};
            }
    }
    // Refused by the server: it waits for the officer's correction.
    if (e.refused()) {
        holding.insert(key);
        return {};
    }
    // From now on every try sends these bytes.
    if (!e.sent) {
        if (auto s = m_db.transaction([&] { return m_store->createSent(e.id); }); !s)
            return s;
    }
    const bool rest = m_endpoint.source.kind == SourceKind::Rest;
    HttpClient::Headers h = m_endpoint.headers();
    if (rest)
        h.append({QByteArray("Idempotency-Key"), e.idempotencyKey.toUtf8()});
    else
        h.append({QByteArray("Prefer"), QByteArray("return=representation")});
    h.append({QByteArray("Content-Type"), QByteArray("application/json")});
    const QUrl url = m_endpoint.url(u'/' + (rest ? e.resource : tableName(e.resource)));
    auto response = m_http.send("POST", url, h, e.body);
    if (!response) {
        (void)m_store->outboxTryFailed(e.id, response.error());
        return Error{response.error()};
    }
    const HttpResponse& r = response.value();
    const auto recordOf = [&](const QByteArray& body) {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (doc.isArray())
            return doc.array().isEmpty() ? QJsonObject() : doc.array().first().toObject();
        return doc.object();
    };
    if (r.status == 200 || r.status == 201) {
        const QJsonObject server = recordOf(r.body);
        if (server.value(QLatin1String("id")).toString() != e.recordId)
            return Error{
                tr("POST %1/%2: the server's answer is not the record sent (its id is "
                   "'%3').")
                    .arg(e.resource, e.recordId, server.value(QLatin1String("id")).toString())};
        if (const QString problem = type.validate(server); !problem.isEmpty())
            return Error{tr("POST %1/%2: the server's answer is not a valid record: %3")
                             .arg(e.resource, e.recordId, problem)};
        return confirmCreate(e, type, server, report);
    }
    if (r.status == 409) {
        // The id is taken: by an earlier try of this create (its answer
        // lost), or by another record.
        QJsonObject server;
        if (rest) {
            server = recordOf(r.body);
        } else {
            auto got = m_http.send(
                "GET",
                m_endpoint.url(u'/' + tableName(e.resource),
                               {{QStringLiteral("id"), QStringLiteral("eq.") + e.recordId}}),
                m_endpoint.headers());
            if (!got)
                return Error{got.error()};
            if (got->status != 200)
                return Error{tr("GET %1/%2 after a 409 (%3): %4")
                                 .arg(e.resource, e.recordId)
                                 .arg(got->status)
                                 .arg(problemOf(got.value()))};
            server = recordOf(got->body);
        }
        if (server.value(QLatin1String("id")).toString() != e.recordId ||
            !type.validate(server).isEmpty())
            return Error{tr("POST %1/%2 was refused (409) without the record held under that id: "
                            "%3")
                             .arg(e.resource, e.recordId, problemOf(r))};
        if (sameRecord(type, sent, server))
            return confirmCreate(e, type, server, report);
        const Status s = m_db.transaction([&]() -> Status {
            if (auto c = m_store->addConflict(e, m_endpoint.source.name, QStringLiteral("exists"),
                                              server);
                !c)
                return c;
            return m_store->removeFromOutbox(e.id);
        });
        if (!s)
            return s;
        ++report.conflicts;
        return {};
    }
    if (r.status == 400 || r.status == 422) {
        const QString field = refusedField(r.body);
        const QString reason = problemOf(r);
        if (auto s = m_db.transaction([&] { return m_store->createRefused(e.id, field, reason); });
            !s)
            return s;
        holding.insert(key);
        report.rejections.append(
            {e.resource, e.recordId, field,
             tr("the server refused the new record (%1): %2").arg(r.status).arg(reason),
             tr("create refused by the server")});
        return {};
    }
    (void)m_store->outboxTryFailed(e.id, tr("%1: %2").arg(r.status).arg(problemOf(r)));
    return Error{tr("POST %1/%2 was refused (%3): %4")
                     .arg(e.resource, e.recordId)
                     .arg(r.status)
                     .arg(problemOf(r))};
}

Status SyncEngine::confirmCreate(const OutboxEntry& e, const ResourceType& type,
                                 const QJsonObject& server, SyncReport& report)
{
    const QJsonObject sent = QJsonDocument::fromJson(e.body).object();
    RecordStore store(m_db, *type.spec);
    const Status s = m_db.transaction([&]() -> Status {
        auto current = store.find(e.recordId);
        if (!current)
            return Error{current.error()};
        if (current.value()) {
            // What the officer changed here since the body went out stays,
            // and goes to the server as an edit of its version.
            QJsonObject changed;
            const QJsonObject& local = *current.value();
            for (auto it = local.begin(); it != local.end(); ++it)
                if (!isBookkeeping(it.key()) && sent.value(it.key()) != it.value())
                    changed.insert(it.key(), it.value());
            QJsonObject stored = server;
            for (auto it = changed.begin(); it != changed.end(); ++it)
                stored.insert(it.key(), it.value());
            if (auto up = store.upsert(stored); !up)
                return up;
            if (!changed.isEmpty()) {
                if (auto q = m_store->enqueue(e.resource, e.recordId,
                                              server.value(QLatin1String("version")).toInteger(),
                                              changed, server);
                    !q)
                    return q;
                m_followUps = true;
            }
        }
        return m_store->removeFromOutbox(e.id);
    });
    if (!s)
        return s;
    ++report.pushed;
    return {};
}

} // namespace workbench::sync
