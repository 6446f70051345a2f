#pragma once

#include "Database.h"
#include "SqlStatement.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QSqlQuery>
#include <QVariantList>
#include <memory>
#include <optional>

namespace workbench {

// How one resource of the sync contract is laid out in SQLite: scalar JSON
// fields are columns of the same name; list fields live in child tables
// (processor_id, position, value); fields we do not know go to extra_json.
struct TableSpec
{
    QString resource; // the contract's name, e.g. "retention-rules"
    QString table;
    QStringList columns;           // scalar fields besides id/version/updated_at
    QHash<QString, QString> lists; // list field -> child table
    QString childKey;              // foreign-key column of the child tables
    QString orderBy = QStringLiteral("id");
    // Local columns computed from the record (due dates...): cleared
    // whenever the record is written, so whoever derives them knows to.
    QStringList derived = {};
    // Fields that name a record of another resource (a scalar field or a
    // list): the workspace refuses a record whose parent is missing, so a
    // sync pulls parents first and says which parent a refused record lacks.
    struct Reference
    {
        QString field;
        QString resource;
    };
    QList<Reference> references = {};
    // Scalar columns that hold a JSON array or object (as compact text):
    // read back as JSON, not as a string.
    QStringList jsonColumns = {};
    // Fields added to the record after the audit log began keeping record
    // states (schema 7): when not set (null, or an empty list) they are left
    // out of the record's digest, so the states recorded before them still
    // verify.
    QStringList addedFields = {};
};

// How a record of one table lays out as the values of its upsert: id,
// version, updated_at, the columns, then the fields we do not know as
// extra_json. Needs no database, so a sync lays a page out on its fetch
// thread while the previous page is written.
class RowLayout
{
public:
    explicit RowLayout(const TableSpec& spec);

    struct Row
    {
        QString id;
        QList<SqlValue> values; // one per field, then extra_json
        QJsonObject record;     // as it came (child lists are written from it)
    };
    Row layout(const QJsonObject& record) const;
    const QStringList& fields() const { return m_fields; }

private:
    QStringList m_fields;
    QHash<QString, int> m_index; // field -> its place in m_fields
    QSet<QString> m_known;       // fields that are not extra_json
};

// Reads and writes records of one resource as their contract JSON. The typed
// Repository<T> below sits on it.
class RecordStore
{
public:
    RecordStore(Database& db, const TableSpec& spec)
        : m_db(db)
        , m_spec(spec)
    {}

    // Inserts or replaces a record; `existed` (when given) tells whether it
    // was there before. Fields the record lacks take the column's default.
    Status upsert(const QJsonObject& record, bool* existed = nullptr);
    Result<bool> exists(const QString& id);
    // Writes many records, a hundred per statement. `existed` gets the ids
    // that were there before; a record the database refuses (a constraint)
    // is left out and named in `refused` (its index, the reason), and the
    // others are written. Call inside a transaction.
    Status upsertMany(const QList<RowLayout::Row>& rows, QSet<QString>& existed,
                      QList<std::pair<qsizetype, QString>>& refused);
    Status remove(const QString& id);
    // Records matching an SQL condition on the table (alias "t").
    Result<QList<QJsonObject>> select(const QString& where = {},
                                      const QVariantList& binds = {}) const;
    Result<std::optional<QJsonObject>> find(const QString& id) const;
    Result<qint64> count(const QString& where = {}, const QVariantList& binds = {}) const;

private:
    Database& m_db;
    const TableSpec& m_spec;
    struct Statements;
    Result<Statements*> statements();
    Status upsertRow(const RowLayout::Row& row, bool* existed);
    Status writeRow(Statements& st, const RowLayout::Row& row);

    std::shared_ptr<Statements> m_statements; // prepared on first write
};

} // namespace workbench
