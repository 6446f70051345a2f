#include "Conflicts.h"

#include "SyncSource.h"
#include "storage/RecordStore.h"
#include "storage/SyncStore.h"
#include "storage/Workspace.h"

#include <QCoreApplication>

namespace workbench::sync {

namespace {

// The context of the messages about conflicts.
class Conflicts
{
    Q_DECLARE_TR_FUNCTIONS(Conflicts)
};

} // namespace

Result<QList<Conflict>> loadConflicts(Database& db)
{
    auto stored = SyncStore(db).conflicts();
    if (!stored)
        return Error{stored.error()};
    QList<Conflict> out = std::move(stored).value();
    for (Conflict& c : out) {
        if (const auto type = resourceType(c.resource)) {
            if (!c.base.isEmpty())
                c.base = type->canonical(c.base);
            if (!c.server.isEmpty())
                c.server = type->canonical(c.server);
        }
    }
    return out;
}

Status resolveConflict(Workspace& ws, const Conflict& conflict, const QSet<QString>& keepMine)
{
    const auto type = resourceType(conflict.resource);
    if (!type)
        return Error{Conflicts::tr("Unknown resource %1.").arg(conflict.resource)};
    Database& db = ws.database();
    RecordStore store(db, *type->spec);
    SyncStore syncStore(db);
    auto current = store.find(conflict.recordId);
    if (!current)
        return Error{current.error()};
    const QJsonObject local = current.value().value_or(QJsonObject());

    if (conflict.gone()) {
        if (!keepMine.isEmpty())
            return Error{
                Conflicts::tr("%1 %2 was deleted on %3: there is no record left there to change. "
                              "Take the server's side (the record is deleted here too), or create "
                              "it again on the server.")
                    .arg(conflict.resource, conflict.recordId, conflict.source)};
        const Status s = ws.recordResolved(
            conflict.resource, conflict.recordId, local, {},
            Conflicts::tr("Sync conflict resolved: deleted, as on %1").arg(conflict.source),
            [&]() -> Status {
                if (auto r = store.remove(conflict.recordId); !r)
                    return r;
                return syncStore.removeConflict(conflict.id);
            });
        if (!s)
            return s;
        return db.transaction([&] { return syncStore.removeConflict(conflict.id); });
    }

    QJsonObject merged = conflict.server;
    for (const QString& field : keepMine)
        if (conflict.mine.contains(field))
            merged.insert(field, conflict.mine.value(field));
    if (const QString problem = type->validate(merged); !problem.isEmpty())
        return Error{Conflicts::tr("The merged %1 %2 is not valid: %3")
                         .arg(conflict.resource, conflict.recordId, problem)};
    const QString summary =
        keepMine.isEmpty()
            ? Conflicts::tr("Sync conflict resolved: took the version of %1").arg(conflict.source)
            : Conflicts::tr("Sync conflict resolved: kept my %1 over %2's version")
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
            return syncStore.removeConflict(conflict.id);
        });
    if (!s)
        return s;
    // A result equal to the local record writes nothing: the conflict goes
    // all the same.
    return db.transaction([&] { return syncStore.removeConflict(conflict.id); });
}

} // namespace workbench::sync
