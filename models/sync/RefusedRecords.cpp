#include "RefusedRecords.h"

#include "SyncSource.h"
#include "SyncSql.h"
#include "storage/Database.h"
#include "storage/RecordStore.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace workbench::sync {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SyncEngine", text);
}

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
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT resource, record_id, source, version, field, cause, reason, "
                             "record_json, first_refused_at, last_tried_at, tries FROM "
                             "sync_refused %1 ORDER BY first_refused_at, resource, record_id")
                  .arg(resource.isEmpty() ? QString() : QStringLiteral("WHERE resource = ?")));
    if (!resource.isEmpty())
        q.addBindValue(resource);
    if (!q.exec())
        return Error{q.lastError().text()};
    QList<RefusedRecord> out;
    while (q.next()) {
        RefusedRecord r;
        r.resource = q.value(0).toString();
        r.id = q.value(1).toString();
        r.source = q.value(2).toString();
        r.version = q.value(3).toLongLong();
        r.refusal = {q.value(4).toString(), q.value(5).toString(), q.value(6).toString()};
        r.record = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        r.firstRefusedAt = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
        r.lastTriedAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
        r.tries = q.value(10).toInt();
        out << r;
    }
    return out;
}

Result<QMap<QString, int>> refusedCauses(Database& db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT cause, count(*) FROM sync_refused GROUP BY cause")))
        return Error{q.lastError().text()};
    QMap<QString, int> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toInt());
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
        return Error{tr("%1/%2 is not waiting: only a record a sync refused and kept can be "
                        "dismissed.")
                         .arg(resource, id)};
    const RefusedRecord kept = *it;
    // The audit entry keeps the record as the server sent it: nothing is
    // lost that was once received, even when given up on.
    return ws.record(resource, id, kept.record, {},
                     tr("Dismissed a record sync could not apply (%1); it is no longer tried")
                         .arg(kept.refusal.cause),
                     QStringLiteral("dismiss"), [&]() -> Status {
                         QSqlQuery q(ws.database().connection());
                         q.prepare(QStringLiteral(
                             "DELETE FROM sync_refused WHERE resource = ? AND record_id = ?"));
                         q.addBindValue(resource);
                         q.addBindValue(id);
                         return q.exec() ? Status{} : Error{q.lastError().text()};
                     });
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
                return {ref.field, tr("missing %1").arg(noun(ref.resource)),
                        tr("%1 %2 is not in the workspace yet").arg(noun(ref.resource), parentId)};
        }
    }
    return {QString(), tr("refused by the database"), databaseMessage};
}

Refusal invalidRecord(const QString& problem)
{
    const QString field = problem.section(u' ', 0, 0);
    return {field, tr("invalid %1").arg(field), problem.section(u' ', 1)};
}

Result<QSet<QString>> RefusedStore::ids(const QString& resource)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT record_id FROM sync_refused WHERE resource = ?"));
    q.addBindValue(resource);
    if (!q.exec())
        return Error{q.lastError().text()};
    QSet<QString> out;
    while (q.next())
        out.insert(q.value(0).toString());
    return out;
}

Status RefusedStore::keep(const QString& source, const QString& resource, const QJsonObject& record,
                          const Refusal& refusal, bool anotherTry)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO sync_refused (resource, record_id, source, version, field, cause, reason, "
        "record_json, first_refused_at, last_tried_at, tries) VALUES (?,?,?,?,?,?,?,?,?,?,1) "
        "ON CONFLICT (resource, record_id) DO UPDATE SET source = excluded.source, "
        "version = excluded.version, field = excluded.field, cause = excluded.cause, "
        "reason = excluded.reason, record_json = excluded.record_json, "
        "last_tried_at = excluded.last_tried_at, tries = sync_refused.tries + ?"));
    const QString at = utcNow();
    const QJsonValue version = record.value(QLatin1String("version"));
    q.addBindValue(resource);
    q.addBindValue(record.value(QLatin1String("id")).toString());
    q.addBindValue(source);
    q.addBindValue(version.isDouble() ? QVariant(version.toInteger()) : QVariant());
    q.addBindValue(refusal.field.isEmpty() ? QVariant() : QVariant(refusal.field));
    q.addBindValue(refusal.cause);
    q.addBindValue(refusal.reason);
    q.addBindValue(QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact)));
    q.addBindValue(at);
    q.addBindValue(at);
    q.addBindValue(anotherTry ? 1 : 0);
    return q.exec() ? Status{} : Error{q.lastError().text()};
}

Status RefusedStore::drop(const QString& resource, const QString& id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM sync_refused WHERE resource = ? AND record_id = ?"));
    q.addBindValue(resource);
    q.addBindValue(id);
    return q.exec() ? Status{} : Error{q.lastError().text()};
}

} // namespace workbench::sync
