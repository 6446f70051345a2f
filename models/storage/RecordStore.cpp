#include "RecordStore.h"

#include "AuditLog.h"
#include "RowDigest.h"
#include "SqlStatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVarLengthArray>
#include <sqlite3.h>
#include <vector>

namespace workbench {

namespace {

const QString kId = QStringLiteral("id");
const QString kVersion = QStringLiteral("version");
const QString kUpdatedAt = QStringLiteral("updated_at");

} // namespace

// Rows per multi-row statement of upsertMany(): one statement (and one
// statement journal) per batch instead of per record.
constexpr int kBatch = 100;

RowLayout::RowLayout(const TableSpec& spec)
    : m_fields({kId, kVersion, kUpdatedAt})
{
    m_fields += spec.columns;
    m_known = QSet<QString>(m_fields.cbegin(), m_fields.cend());
    m_known.insert(QStringLiteral("deleted"));
    for (auto it = spec.lists.cbegin(); it != spec.lists.cend(); ++it)
        m_known.insert(it.key());
    for (int i = 0; i < m_fields.size(); ++i)
        m_index.insert(m_fields.at(i), i);
}

RowLayout::Row RowLayout::layout(const QJsonObject& record) const
{
    // One pass over the record: each field to its place, fields we do not
    // know kept as they came; fields the record lacks stay NULL (the
    // column default then applies).
    Row row;
    row.record = record;
    row.id = record.value(kId).toString();
    row.values.resize(m_fields.size() + 1);
    QJsonObject extra;
    for (auto it = record.constBegin(); it != record.constEnd(); ++it) {
        const QString key = it.key();
        if (const auto index = m_index.constFind(key); index != m_index.cend())
            row.values[*index] = SqlValue::fromJson(it.value());
        else if (!m_known.contains(key))
            extra.insert(key, it.value());
    }
    if (!extra.isEmpty())
        row.values.last() = SqlValue::fromJson(extra);
    return row;
}

// The statements one store writes with, prepared once (a sync writes
// thousands of records through one store).
struct RecordStore::Statements
{
    explicit Statements(const TableSpec& spec)
        : layout(spec)
    {}
    RowLayout layout;
    std::optional<RowDigest> digest; // of each record written, for the audit log
    SqlStatement upsert, exists;
    // kBatch rows, prepared when first needed; only for tables without lists.
    SqlStatement upsertBatch, existsBatch;
    QString upsertBatchSql, existsBatchSql;
    std::vector<std::pair<QString, std::pair<SqlStatement, SqlStatement>>> lists; // delete, insert
};

Result<RecordStore::Statements*> RecordStore::statements()
{
    if (m_statements)
        return m_statements.get();
    sqlite3* db = m_db.handle();
    auto st = std::make_shared<Statements>(m_spec);
    const QStringList& fields = st->layout.fields();

    // A field the record lacks takes the column's default where the column
    // has one (NOT NULL DEFAULT 0...), as the typed record would.
    auto readDefaults = RowDigest::readDefaults(m_db, m_spec.table);
    if (!readDefaults)
        return Error{readDefaults.error()};
    const QHash<QString, QString>& defaults = readDefaults.value();
    st->digest.emplace(m_spec, defaults);

    const int perRow = int(fields.size()) + 1; // the fields and extra_json
    // The VALUES tuple of the row whose parameters start after `base`.
    auto tuple = [&](int base) {
        QStringList values;
        for (int i = 0; i < fields.size(); ++i) {
            const QString& c = fields.at(i);
            values << (defaults.contains(c) && c != kId ? QStringLiteral("coalesce(?%1, %2)")
                                                              .arg(base + i + 1)
                                                              .arg(defaults.value(c))
                                                        : QStringLiteral("?%1").arg(base + i + 1));
        }
        values << QStringLiteral("?%1").arg(base + perRow);
        return QStringLiteral("(%1)").arg(values.join(u','));
    };
    QStringList cols = fields, updates;
    cols << QStringLiteral("extra_json");
    for (const QString& c : std::as_const(cols))
        if (c != kId)
            updates << c + QStringLiteral(" = excluded.") + c;
    for (const QString& c : m_spec.derived)
        updates << c + QStringLiteral(" = NULL");
    auto prepare = [&](SqlStatement& into, const QString& sql) -> Status {
        auto prepared = SqlStatement::prepare(db, sql);
        if (!prepared)
            return Error{
                QStringLiteral("Preparing to save %1: %2").arg(m_spec.resource, prepared.error())};
        into = std::move(prepared.value());
        return {};
    };
    const QString upsertSql =
        QStringLiteral("INSERT INTO %1 (%2) VALUES %3 ON CONFLICT(id) DO UPDATE SET %4");
    if (auto r = prepare(
            st->upsert, upsertSql.arg(m_spec.table, cols.join(u','), tuple(0), updates.join(u',')));
        !r)
        return Error{r.error()};
    if (auto r =
            prepare(st->exists, QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(m_spec.table));
        !r)
        return Error{r.error()};
    if (m_spec.lists.isEmpty()) {
        // Prepared when a batch first comes (a single save never needs it).
        QStringList tuples, ids;
        for (int row = 0; row < kBatch; ++row) {
            tuples << tuple(row * perRow);
            ids << QStringLiteral("?%1").arg(row + 1);
        }
        st->upsertBatchSql =
            upsertSql.arg(m_spec.table, cols.join(u','), tuples.join(u','), updates.join(u','));
        st->existsBatchSql =
            QStringLiteral("SELECT id FROM %1 WHERE id IN (%2)").arg(m_spec.table, ids.join(u','));
    }
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
    auto prepared = statements();
    if (!prepared)
        return Error{prepared.error()};
    return upsertRow(prepared.value()->layout.layout(record), existed);
}

Status RecordStore::upsertRow(const RowLayout::Row& row, bool* existed)
{
    const QString& id = row.id;
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

    // A record with lists is several statements: all of them or none (a
    // list value the database refuses must not leave half a record).
    const bool severalStatements = !st.lists.empty();
    if (severalStatements && sqlite3_exec(m_db.handle(), "SAVEPOINT record_upsert", nullptr,
                                          nullptr, nullptr) != SQLITE_OK)
        return failed(m_spec.resource, QString::fromUtf8(sqlite3_errmsg(m_db.handle())));
    const Status written = writeRow(st, row);
    if (severalStatements) {
        if (!written)
            sqlite3_exec(m_db.handle(), "ROLLBACK TO record_upsert", nullptr, nullptr, nullptr);
        sqlite3_exec(m_db.handle(), "RELEASE record_upsert", nullptr, nullptr, nullptr);
    }
    return written;
}

Status RecordStore::writeRow(Statements& st, const RowLayout::Row& row)
{
    const QString& id = row.id;
    auto failed = [&](const QString& what, const QString& why) {
        return Error{QStringLiteral("Saving %1 %2: %3").arg(what, id, why)};
    };
    for (int i = 0; i < row.values.size(); ++i)
        st.upsert.bindValue(i + 1, row.values.at(i));
    if (auto r = st.upsert.run(); !r)
        return failed(m_spec.resource, r.error());

    for (auto& [field, pair] : st.lists) {
        auto& [del, ins] = pair;
        del.bindText(1, id);
        if (auto r = del.run(); !r)
            return failed(field, r.error());
        const QJsonArray values = row.record.value(field).toArray();
        for (int i = 0; i < values.size(); ++i) {
            ins.bindText(1, id);
            ins.bind(2, qint64(i));
            ins.bindText(3, values.at(i).toString());
            if (auto r = ins.run(); !r)
                return failed(field, r.error());
        }
    }
    AuditLog::noteRecord(m_db, m_spec.resource, id, st.digest->of(row));
    return {};
}

Status RecordStore::upsertMany(const QList<RowLayout::Row>& rows, QSet<QString>& existed,
                               QList<std::pair<qsizetype, QString>>& refused)
{
    auto prepared = statements();
    if (!prepared)
        return Error{prepared.error()};
    Statements& st = *prepared.value();
    const int perRow = int(st.layout.fields().size()) + 1;
    // `existed` tells what was there before this call: an id written twice
    // here is not "existing" the second time.
    QSet<QString> writtenHere;
    auto oneByOne = [&](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i) {
            const QString& id = rows[i].id;
            bool was = false;
            if (auto r = upsertRow(rows[i], &was); !r) {
                refused.append({i, r.error()});
                continue;
            }
            if (was && !writtenHere.contains(id))
                existed.insert(id);
            writtenHere.insert(id);
        }
    };
    if (st.upsertBatchSql.isEmpty() || rows.size() < kBatch) {
        oneByOne(0, rows.size());
        return {};
    }
    if (!st.upsertBatch) {
        auto upsert = SqlStatement::prepare(m_db.handle(), st.upsertBatchSql);
        auto exists = SqlStatement::prepare(m_db.handle(), st.existsBatchSql);
        if (!upsert || !exists)
            return Error{QStringLiteral("Preparing to save %1: %2")
                             .arg(m_spec.resource, upsert ? exists.error() : upsert.error())};
        st.upsertBatch = std::move(upsert.value());
        st.existsBatch = std::move(exists.value());
    }
    qsizetype from = 0;
    for (; from + kBatch <= rows.size(); from += kBatch) {
        SqlStatement& e = st.existsBatch;
        for (int row = 0; row < kBatch; ++row)
            e.bindText(row + 1, rows[from + row].id);
        for (;;) {
            auto r = e.step();
            if (!r)
                return Error{r.error()};
            if (!r.value())
                break;
            if (const QString id = e.columnText(0); !writtenHere.contains(id))
                existed.insert(id);
        }
        e.reset();
        for (int row = 0; row < kBatch; ++row) {
            const QList<SqlValue>& values = rows[from + row].values;
            for (int i = 0; i < perRow; ++i)
                st.upsertBatch.bindValue(row * perRow + i + 1, values.at(i));
        }
        // A batch the database refuses is undone as a whole (its statement
        // journal): its records then go one by one, to tell which.
        if (auto r = st.upsertBatch.run(); !r) {
            oneByOne(from, from + kBatch);
        } else {
            for (int row = 0; row < kBatch; ++row) {
                const RowLayout::Row& written = rows[from + row];
                writtenHere.insert(written.id);
                AuditLog::noteRecord(m_db, m_spec.resource, written.id, st.digest->of(written));
            }
        }
    }
    oneByOne(from, rows.size());
    return {};
}

Status RecordStore::remove(const QString& id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(m_spec.table));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("Deleting %1 %2").arg(m_spec.resource, id), q);
    if (q.numRowsAffected() > 0)
        AuditLog::noteRecord(m_db, m_spec.resource, id, {});
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
            const QString field = rec.fieldName(i);
            if (!v.isNull() && m_spec.jsonColumns.contains(field)) {
                const QJsonDocument doc = QJsonDocument::fromJson(v.toString().toUtf8());
                o.insert(field, doc.isArray()    ? QJsonValue(doc.array())
                                : doc.isObject() ? QJsonValue(doc.object())
                                                 : QJsonValue(v.toString()));
                continue;
            }
            o.insert(field, v.isNull() ? QJsonValue() : QJsonValue::fromVariant(v));
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
