#include "RefusedRecords.h"

#include "SyncEngine.h"
#include "SyncSource.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"
#include "storage/SyncStore.h"
#include "storage/Workspace.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace workbench::sync {

namespace {

// "organizations" -> "organization", "retention-rules" -> "retention rule".
QString noun(const QString& resource)
{
    QString n = resource;
    if (n.endsWith(u's'))
        n.chop(1);
    return n.replace(u'-', u' ');
}

} // namespace

Result<QList<RefusedRecord>> loadRefused(Database& db, const QString& resource)
{
    return SyncStore(db).refused(resource);
}

Result<QMap<QString, int>> refusedCauses(Database& db)
{
    return SyncStore(db).refusedCauses();
}

Result<QList<OutboxEntry>> loadRefusedCreates(Database& db)
{
    auto entries = SyncStore(db).outbox();
    if (!entries)
        return Error{entries.error()};
    QList<OutboxEntry> out;
    for (const OutboxEntry& e : std::as_const(entries.value()))
        if (e.isCreate() && e.refused())
            out << e;
    return out;
}

Status dismissRefused(Workspace& ws, const QString& resource, const QString& id)
{
    auto waiting = loadRefused(ws.database(), resource);
    if (!waiting)
        return Error{waiting.error()};
    const auto it = std::find_if(waiting->begin(), waiting->end(),
                                 [&](const RefusedRecord& r) { return r.id == id; });
    if (it == waiting->end())
        return Error{SyncEngine::tr("%1/%2 is not waiting: only a record a sync refused and "
                                    "kept can be dismissed.")
                         .arg(resource, id)};
    const RefusedRecord kept = *it;
    // The audit entry keeps the record as the server sent it: nothing is
    // lost that was once received, even when given up on.
    return ws.record(resource, id, kept.record, {},
                     SyncEngine::tr("Dismissed a record sync could not apply (%1); it is no "
                                    "longer tried")
                         .arg(kept.refusal.cause),
                     QStringLiteral("dismiss"),
                     [&] { return SyncStore(ws.database()).dropRefused(resource, id); });
}

Refusal explainRefusal(Database& db, const TableSpec& spec, const QJsonObject& record,
                       const QString& databaseMessage)
{
    for (const TableSpec::Reference& ref : spec.references) {
        const auto parent = resourceType(ref.resource);
        if (!parent)
            continue;
        const QJsonValue value = record.value(ref.field);
        QStringList ids;
        if (value.isArray()) {
            for (const QJsonValue& v : value.toArray())
                ids << v.toString();
        } else if (value.isString()) {
            ids << value.toString();
        }
        for (const QString& parentId : std::as_const(ids)) {
            if (parentId.isEmpty() || (ref.resource == spec.resource &&
                                       parentId == record.value(QLatin1String("id")).toString()))
                continue;
            QSqlQuery q(db.connection());
            q.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(parent->spec->table));
            q.addBindValue(parentId);
            if (q.exec() && !q.next())
                return {ref.field, SyncEngine::tr("missing %1").arg(noun(ref.resource)),
                        SyncEngine::tr("%1 %2 is not in the workspace yet")
                            .arg(noun(ref.resource), parentId)};
        }
    }
    return {QString(), SyncEngine::tr("refused by the database"), databaseMessage};
}

Refusal invalidRecord(const QString& problem)
{
    const QString field = problem.section(u' ', 0, 0);
    return {field, SyncEngine::tr("invalid %1").arg(field), problem.section(u' ', 1)};
}

} // namespace workbench::sync
