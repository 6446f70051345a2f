#include "RecordStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>

namespace workbench {

namespace {

const QString kId = QStringLiteral("id");
const QString kVersion = QStringLiteral("version");
const QString kUpdatedAt = QStringLiteral("updated_at");

QVariant toSql(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QVariant();
    case QJsonValue::Bool:
        return v.toBool() ? 1 : 0;
    case QJsonValue::Double:
        return v.toDouble() == double(v.toInteger()) ? QVariant(v.toInteger())
                                                     : QVariant(v.toDouble());
    case QJsonValue::String:
        return v.toString();
    default:
        return QString::fromUtf8(
            QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
                .toJson(QJsonDocument::Compact));
    }
}

} // namespace

Status RecordStore::upsert(const QJsonObject& record)
{
    const QString id = record.value(kId).toString();
    if (id.isEmpty())
        return Error{QStringLiteral("%1: a record without an id").arg(m_spec.resource)};

    QJsonObject extra = record;
    extra.remove(kId);
    extra.remove(kVersion);
    extra.remove(kUpdatedAt);
    extra.remove(QStringLiteral("deleted"));
    QStringList cols{kId, kVersion, kUpdatedAt};
    QVariantList values{id, record.value(kVersion).toInteger(), toSql(record.value(kUpdatedAt))};
    for (const QString& c : m_spec.columns) {
        cols << c;
        values << toSql(record.value(c));
        extra.remove(c);
    }
    for (auto it = m_spec.lists.cbegin(); it != m_spec.lists.cend(); ++it)
        extra.remove(it.key());
    cols << QStringLiteral("extra_json");
    values << (extra.isEmpty() ? QVariant()
                               : QVariant(QString::fromUtf8(
                                     QJsonDocument(extra).toJson(QJsonDocument::Compact))));

    // The statement is the same for every record of the table: prepared
    // once per store (a sync upserts thousands through one store).
    if (!m_upsert) {
        QStringList updates;
        for (const QString& c : std::as_const(cols)) {
            if (c != kId)
                updates << c + QStringLiteral(" = excluded.") + c;
        }
        m_upsert.emplace(m_db.connection());
        m_upsert->prepare(
            QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT(id) DO UPDATE SET %4")
                .arg(m_spec.table, cols.join(u','),
                     QStringList(cols.size(), QStringLiteral("?")).join(u','), updates.join(u',')));
    }
    QSqlQuery& q = *m_upsert;
    for (const QVariant& v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(QStringLiteral("Saving %1 %2").arg(m_spec.resource, id), q);

    for (auto it = m_spec.lists.cbegin(); it != m_spec.lists.cend(); ++it) {
        QSqlQuery del(m_db.connection());
        del.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(it.value(), m_spec.childKey));
        del.addBindValue(id);
        if (!del.exec())
            return sqlError(QStringLiteral("Saving %1 %2").arg(it.key(), id), del);
        QSqlQuery ins(m_db.connection());
        ins.prepare(QStringLiteral("INSERT INTO %1 (%2, position, value) VALUES (?, ?, ?)")
                        .arg(it.value(), m_spec.childKey));
        const QJsonArray values = record.value(it.key()).toArray();
        for (int i = 0; i < values.size(); ++i) {
            ins.addBindValue(id);
            ins.addBindValue(i);
            ins.addBindValue(values.at(i).toString());
            if (!ins.exec())
                return sqlError(QStringLiteral("Saving %1 of %2").arg(it.key(), id), ins);
        }
    }
    return {};
}

Status RecordStore::remove(const QString& id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(m_spec.table));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("Deleting %1 %2").arg(m_spec.resource, id), q);
    return {};
}

Result<QList<QJsonObject>> RecordStore::select(const QString& where,
                                               const QVariantList& binds) const
{
    const QString condition = where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where;
    // Only the contract's fields: a table may hold derived local columns too.
    QStringList cols{kId, kVersion, kUpdatedAt};
    cols += m_spec.columns;
    cols << QStringLiteral("extra_json");
    for (QString& c : cols)
        c.prepend(QStringLiteral("t."));
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM %2 t%3 ORDER BY %4")
                  .arg(cols.join(u','), m_spec.table, condition, m_spec.orderBy));
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return sqlError(QStringLiteral("Reading %1").arg(m_spec.resource), q);

    QList<QJsonObject> out;
    QHash<QString, qsizetype> indexOf;
    const QSqlRecord rec = q.record();
    const int extraCol = rec.indexOf(QStringLiteral("extra_json"));
    while (q.next()) {
        QJsonObject o;
        if (extraCol >= 0 && !q.isNull(extraCol))
            o = QJsonDocument::fromJson(q.value(extraCol).toString().toUtf8()).object();
        for (int i = 0; i < rec.count(); ++i) {
            if (i == extraCol)
                continue;
            const QVariant v = q.value(i);
            o.insert(rec.fieldName(i), v.isNull() ? QJsonValue() : QJsonValue::fromVariant(v));
        }
        for (auto it = m_spec.lists.cbegin(); it != m_spec.lists.cend(); ++it)
            o.insert(it.key(), QJsonArray());
        indexOf.insert(o.value(kId).toString(), out.size());
        out.append(o);
    }

    for (auto it = m_spec.lists.cbegin(); it != m_spec.lists.cend() && !out.isEmpty(); ++it) {
        QSqlQuery c(m_db.connection());
        c.setForwardOnly(true);
        c.prepare(QStringLiteral("SELECT c.%1, c.value FROM %2 c WHERE c.%1 IN (SELECT t.id FROM "
                                 "%3 t%4) ORDER BY c.%1, c.position")
                      .arg(m_spec.childKey, it.value(), m_spec.table, condition));
        for (const QVariant& b : binds)
            c.addBindValue(b);
        if (!c.exec())
            return sqlError(QStringLiteral("Reading %1").arg(it.key()), c);
        QString currentId;
        QJsonArray values;
        auto flush = [&] {
            if (!currentId.isEmpty())
                out[indexOf.value(currentId)].insert(it.key(), values);
        };
        while (c.next()) {
            const QString owner = c.value(0).toString();
            if (owner != currentId) {
                flush();
                currentId = owner;
                values = QJsonArray();
            }
            values.append(c.value(1).toString());
        }
        flush();
    }
    return out;
}

Result<std::optional<QJsonObject>> RecordStore::find(const QString& id) const
{
    auto rows = select(QStringLiteral("t.id = ?"), {id});
    if (!rows)
        return Error{rows.error()};
    if (rows->isEmpty())
        return std::optional<QJsonObject>();
    return std::optional<QJsonObject>(rows->first());
}

Result<qint64> RecordStore::count(const QString& where, const QVariantList& binds) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("SELECT count(*) FROM %1 t%2")
            .arg(m_spec.table, where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where));
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("Counting %1").arg(m_spec.resource), q);
    return q.value(0).toLongLong();
}

} // namespace workbench
