#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace workbench {

// A value ready for SQLite: NULL, an integer, a real or UTF-8 text (what
// the database stores, so binding it converts nothing).
struct SqlValue
{
    enum class Kind : quint8
    {
        Null,
        Integer,
        Real,
        Text
    };
    Kind kind = Kind::Null;
    qint64 integer = 0;
    double real = 0;
    QByteArray text;

    // Strings as text, integral numbers as integers, booleans as 0/1,
    // arrays and objects as compact JSON, null and undefined as NULL.
    static SqlValue fromJson(const QJsonValue& value);
};

// One prepared statement of the sqlite3 C API, for the paths that write many
// rows (sync pages, upserts): binds straight from Qt strings and JSON values
// without a QVariant per value. Move-only; finalized when it goes.
class SqlStatement
{
public:
    SqlStatement() = default;
    static Result<SqlStatement> prepare(sqlite3* db, const QString& sql);
    ~SqlStatement();
    SqlStatement(SqlStatement&& other) noexcept;
    SqlStatement& operator=(SqlStatement&& other) noexcept;
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;

    explicit operator bool() const { return m_stmt != nullptr; }

    // Parameters count from 1, as in SQLite.
    void bindNull(int index);
    void bind(int index, qint64 value);
    void bindText(int index, QStringView text);
    void bindValue(int index, const SqlValue& value);

    // Runs a statement that returns no row (or only its first row matters):
    // true when it produced a row. The statement is reset afterwards.
    Result<bool> run();
    // Steps once (true: a row is there); call reset() when done.
    Result<bool> step();
    void reset();
    QString columnText(int column) const;

private:
    Error lastError() const;

    sqlite3_stmt* m_stmt = nullptr;
};

} // namespace workbench
