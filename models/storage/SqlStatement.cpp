#include "SqlStatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <sqlite3.h>

namespace workbench {

Result<SqlStatement> SqlStatement::prepare(sqlite3* db, const QString& sql)
{
    if (!db)
        return Error{QStringLiteral("no open database")};
    SqlStatement s;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v3(db, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT,
                           &s.m_stmt, nullptr) != SQLITE_OK)
        return Error{QString::fromUtf8(sqlite3_errmsg(db))};
    return s;
}

SqlStatement::~SqlStatement()
{
    sqlite3_finalize(m_stmt);
}

SqlStatement::SqlStatement(SqlStatement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
{}

SqlStatement& SqlStatement::operator=(SqlStatement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

void SqlStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void SqlStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqlStatement::bindText(int index, QStringView text)
{
    // SQLite copies (and converts) the UTF-16 text before this returns.
    sqlite3_bind_text16(m_stmt, index, text.utf16(), int(text.size() * 2), SQLITE_TRANSIENT);
}

SqlValue SqlValue::fromJson(const QJsonValue& value)
{
    SqlValue v;
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    case QJsonValue::Bool:
        v.kind = Kind::Integer;
        v.integer = value.toBool() ? 1 : 0;
        break;
    case QJsonValue::Double:
        if (const double d = value.toDouble(); d == double(value.toInteger())) {
            v.kind = Kind::Integer;
            v.integer = value.toInteger();
        } else {
            v.kind = Kind::Real;
            v.real = d;
        }
        break;
    case QJsonValue::String:
        v.kind = Kind::Text;
        v.text = value.toString().toUtf8();
        break;
    case QJsonValue::Array:
        v.kind = Kind::Text;
        v.text = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
        break;
    case QJsonValue::Object:
        v.kind = Kind::Text;
        v.text = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        break;
    }
    return v;
}

void SqlStatement::bindValue(int index, const SqlValue& value)
{
    switch (value.kind) {
    case SqlValue::Kind::Null:
        bindNull(index);
        return;
    case SqlValue::Kind::Integer:
        bind(index, value.integer);
        return;
    case SqlValue::Kind::Real:
        sqlite3_bind_double(m_stmt, index, value.real);
        return;
    case SqlValue::Kind::Text:
        sqlite3_bind_text(m_stmt, index, value.text.constData(), int(value.text.size()),
                          SQLITE_TRANSIENT);
        return;
    }
}

Error SqlStatement::lastError() const
{
    return Error{QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_stmt)))};
}

Result<bool> SqlStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error e = lastError();
    sqlite3_reset(m_stmt);
    return e;
}

Result<bool> SqlStatement::run()
{
    auto r = step();
    sqlite3_reset(m_stmt);
    return r;
}

void SqlStatement::reset()
{
    sqlite3_reset(m_stmt);
}

QString SqlStatement::columnText(int column) const
{
    const auto* text = static_cast<const char16_t*>(sqlite3_column_text16(m_stmt, column));
    return text ? QString::fromUtf16(text, sqlite3_column_bytes16(m_stmt, column) / 2) : QString();
}

} // namespace workbench
