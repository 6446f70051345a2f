#include "RecordStore.h"

#include "SqlStatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <vector>

namespace workbench {

namespace {

const QString kId = QStringLiteral("id");
const QString kVersion = QStringLiteral("version");
const QString kUpdatedAt = QStringLiteral("updated_at");

} // namespace

// The statements one store writes with, prepared once (a sync writes
// thousands of records through one store).
struct RecordStore::Statements
{
    SqlStatement upsert, exists;
    QList<QString> fields; // bound in this order: id, version, updated_at, columns
    QSet<QString> known;   // fields that are not extra_json
    std::vector<std::pair<QString, std::pair<SqlStatement, SqlStatement>>> lists; // delete, insert
};

Result<RecordStore::Statements*> RecordStore::statements()
{
    if (m_statements)
        return m_statements.get();
    sqlite3* db = m_db.handle();
    auto st = std::make_shared<Statements>();
    st->fields = {kId, kVersion, kUpdatedAt};
    st->fields += m_spec.columns;
    st->known = QSet<QString>(st->fields.cbegin(), st->fields.cend());
    st->known.insert(QStringLiteral("deleted"));
    for (auto it = m_spec.lists.cbegin(); it != m_spec.lists.cend(); ++it)
        st->known.insert(it.key());

    // A field the record lacks takes the column's default where the column
    // has one (NOT NULL DEFAULT 0...), as the typed record would.
    QHash<QString, QString> defaults;
    QSqlQuery info(m_db.connection());
    if (!info.exec(QStringLiteral("PRAGMA table_info(%1)").arg(m_spec.table)))
        return sqlError(QStringLiteral("Reading the columns of %1").arg(m_spec.table), info);
    while (info.next())
        if (!info.value(4).isNull())
            defaults.insert(info.value(1).toString(), info.value(4).toString());

    QStringList cols, values, updates;
    for (int i = 0; i < st->fields.size(); ++i) {
        const QString& c = st->fields.at(i);
        cols << c;
        values << (defaults.contains(c) && c != kId
                       ? QStringLiteral("coalesce(?%1, %2)").arg(i + 1).arg(defaults.value(c))
                       : QStringLiteral("?%1").arg(i + 1));
    }
    cols << QStringLiteral("extra_json");
    values << QStringLiteral("?%1").arg(st->fields.size() + 1);
    for (const QString& c : std::as_const(cols))
        if (c != kId)
            updates << c + QStringLiteral(" = excluded.") + c;
    for (const QString& c : m_spec.derived)
        updates << c + QStringLiteral(" = NULL");
    auto upsert = SqlStatement::prepare(
        db, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT(id) DO UPDATE SET %4")
                .arg(m_spec.table, cols.join(u','), values.join(u','), updates.join(u',')));
    if (!upsert)
        return Error{
            QStringLiteral("Preparing to save %1: %2").arg(m_spec.resource, upsert.error())};
    st->upsert = std::move(upsert.value());
    auto exists = SqlStatement::prepare(
        db, QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(m_spec.table));
    if (!exists)
        return Error{exists.error()};
    st->exists = std::move(exists.value());
    for (auto it = m_spec.lists.cbegin(); it != m_spec.lists.cend(); ++it) {
        auto del = SqlStatement::prepare(
            db, QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(it.value(), m_spec.childKey));
        auto ins = SqlStatement::prepare(
            db, QStringLiteral("INSERT INTO %1 (%2, position, value) VALUES (?, ?, ?)")
                    .arg(it.value(), m_spec.childKey));
        if (!del || !ins)
            return Error{del ? ins.error() : del.error()};
        st->lists.emplace_back(it.key(),
                               std::make_pair(std::move(del.value()), std::move(ins.value())));
    }
    m_statements = std::move(st);
    return m_statements.get();
}

Result<bool> RecordStore::exists(const QString& id)
{
    auto st = statements();
    if (!st)
        return Error{st.error()};
    SqlStatement& q = st.value()->exists;
    q.bindText(1, id);
    return q.run();
}

Status RecordStore::upsert(const QJsonObject& record, bool* existed)
{
    const QString id = record.value(kId).toString();
    if (id.isEmpty())
        return Error{QStringLiteral("%1: a record without an id").arg(m_spec.resource)};
    auto prepared = statements();
    if (!prepared)
        return Error{prepared.error()};
    Statements& st = *prepared.value();
    auto failed = [&](const QString& what, const QString& why) {
        return Error{QStringLiteral("Saving %1 %2: %3").arg(what, id, why)};
    };
    if (existed) {
        auto e = exists(id);
        if (!e)
            return failed(m_spec.resource, e.error());
        *existed = e.value();
    }

    SqlStatement& q = st.upsert;
    for (int i = 0; i < st.fields.size(); ++i)
        q.bindJson(i + 1, record.value(st.fields.at(i)));
    // Fields we do not know are kept as they came.
    QJsonObject extra;
    for (auto it = record.constBegin(); it != record.constEnd(); ++it)
        if (!st.known.contains(it.key()))
            extra.insert(it.key(), it.value());
    if (extra.isEmpty())
        q.bindNull(int(st.fields.size()) + 1);
    else
        q.bindText(int(st.fields.size()) + 1,
                   QString::fromUtf8(QJsonDocument(extra).toJson(QJsonDocument::Compact)));
    if (auto r = q.run(); !r)
        return failed(m_spec.resource, r.error());

    for (auto& [field, pair] : st.lists) {
        auto& [del, ins] = pair;
        del.bindText(1, id);
        if (auto r = del.run(); !r)
            return failed(field, r.error());
        const QJsonArray values = record.value(field).toArray();
        for (int i = 0; i < values.size(); ++i) {
            ins.bindText(1, id);
            ins.bind(2, qint64(i));
            ins.bindText(3, values.at(i).toString());
            if (auto r = ins.run(); !r)
                return failed(field, r.error());
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
