#pragma once

#include "Database.h"

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
    Status upsertMany(const QList<QJsonObject>& records, QSet<QString>& existed,
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
    static void bindRecord(Statements& st, class SqlStatement& q, int base,
                           const QJsonObject& record);

    std::shared_ptr<Statements> m_statements; // prepared on first write
};

} // namespace workbench
