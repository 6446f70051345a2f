#include "Conflicts.h"

#include "SyncSource.h"
#include "storage/RecordStore.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace workbench::sync {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Conflicts", text);
}

QJsonObject parse(const QVariant& v)
{
    return v.isNull() ? QJsonObject() : QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

bool bookkeeping(const QString& field)
{
    return field == u"id" || field == u"version" || field == u"updated_at" || field == u"deleted";
}

Status deleteConflict(Database& db, const QString& id)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("DELETE FROM sync_conflicts WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() ? Status{} : Error{q.lastError().text()};
}

} // namespace

QStringList Conflict::fields() const
{
    QStringList out;
    for (auto it = mine.begin(); it != mine.end(); ++it)
        if (!bookkeeping(it.key()))
            out << it.key();
    for (auto it = server.begin(); it != server.end(); ++it)
        if (!bookkeeping(it.key()) && !out.contains(it.key()) && base.value(it.key()) != it.value())
            out << it.key();
    return out;
}

Result<QList<Conflict>> loadConflicts(Database& db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT id, source, resource, record_id, reason, base_version, "
                               "local_json, base_json, server_json, created_at FROM sync_conflicts "
                               "ORDER BY created_at, id")))
        return Error{q.lastError().text()};
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
        if (const auto type = resourceType(c.resource)) {
            if (!c.base.isEmpty())
                c.base = type->canonical(c.base);
            if (!c.server.isEmpty())
                c.server = type->canonical(c.server);
        }
        c.createdAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
        out << c;
    }
    return out;
}

Status resolveConflict(Workspace& ws, const Conflict& conflict, const QSet<QString>& keepMine)
{
    const auto type = resourceType(conflict.resource);
    if (!type)
        return Error{tr("Unknown resource %1.").arg(conflict.resource)};
    Database& db = ws.database();
    RecordStore store(db, *type->spec);
    auto current = store.find(conflict.recordId);
    if (!current)
        return Error{current.error()};
    const QJsonObject local = current.value().value_or(QJsonObject());

    if (conflict.gone()) {
        if (!keepMine.isEmpty())
            return Error{tr("%1 %2 was deleted on %3: there is no record left there to change. "
                            "Take the server's side (the record is deleted here too), or create "
                            "it again on the server.")
                             .arg(conflict.resource, conflict.recordId, conflict.source)};
        const Status s = ws.recordResolved(
            conflict.resource, conflict.recordId, local, {},
            tr("Sync conflict resolved: deleted, as on %1").arg(conflict.source), [&]() -> Status {
                if (auto r = store.remove(conflict.recordId); !r)
                    return r;
                return deleteConflict(db, conflict.id);
            });
        if (!s)
            return s;
        return db.transaction([&] { return deleteConflict(db, conflict.id); });
    }

    QJsonObject merged = conflict.server;
    for (const QString& field : keepMine)
        if (conflict.mine.contains(field))
            merged.insert(field, conflict.mine.value(field));
    if (const QString problem = type->validate(merged); !problem.isEmpty())
        return Error{tr("The merged %1 %2 is not valid: %3")
                         .arg(conflict.resource, conflict.recordId, problem)};
    const QString summary =
        keepMine.isEmpty()
            ? tr("Sync conflict resolved: took the version of %1").arg(conflict.source)
            : tr("Sync conflict resolved: kept my %1 over %2's version")
                  .arg(QStringList(keepMine.begin(), keepMine.end()).join(QStringLiteral(", ")),
                       conflict.source);
    const Status s = ws.recordResolved(
        conflict.resource, conflict.recordId, local, merged, summary, [&]() -> Status {
            if (auto r = store.upsert(merged); !r)
                return r;
            // What the officer kept goes back, against the server's version.
            if (auto q = ws.enqueueForSync(conflict.resource, conflict.recordId, conflict.server,
                                           merged);
                !q)
                return q;
            return deleteConflict(db, conflict.id);
        });
    if (!s)
        return s;
    // A result equal to the local record writes nothing: the conflict goes
    // all the same.
    return db.transaction([&] { return deleteConflict(db, conflict.id); });
}

} // namespace workbench::sync
