#include "RowDigest.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QtEndian>
#include <sodium.h>

namespace workbench {

namespace {

// A column default as SQLite writes it in table_info: 'text', an integer or
// a real; anything else (an expression) is not treated as a default.
SqlValue parseDefault(const QString& sql)
{
    SqlValue v;
    if (sql.size() >= 2 && sql.startsWith(u'\'') && sql.endsWith(u'\'')) {
        v.kind = SqlValue::Kind::Text;
        v.text =
            sql.mid(1, sql.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'")).toUtf8();
        return v;
    }
    bool ok = false;
    if (const qint64 i = sql.toLongLong(&ok); ok) {
        v.kind = SqlValue::Kind::Integer;
        v.integer = i;
    } else if (const double d = sql.toDouble(&ok); ok) {
        v.kind = SqlValue::Kind::Real;
        v.real = d;
    }
    return v;
}

bool sameValue(const SqlValue& a, const SqlValue& b)
{
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case SqlValue::Kind::Null:
        return true;
    case SqlValue::Kind::Integer:
        return a.integer == b.integer;
    case SqlValue::Kind::Real:
        return a.real == b.real;
    case SqlValue::Kind::Text:
        return a.text == b.text;
    }
    return false;
}

void appendLength(QByteArray& out, qsizetype n)
{
    char b[4];
    qToLittleEndian(quint32(n), b);
    out.append(b, 4);
}

void appendValue(QByteArray& out, const SqlValue& v)
{
    out.append(char(v.kind));
    char b[8];
    switch (v.kind) {
    case SqlValue::Kind::Null:
        break;
    case SqlValue::Kind::Integer:
        qToLittleEndian(v.integer, b);
        out.append(b, 8);
        break;
    case SqlValue::Kind::Real:
        qToLittleEndian(v.real, b);
        out.append(b, 8);
        break;
    case SqlValue::Kind::Text:
        appendLength(out, v.text.size());
        out.append(v.text);
        break;
    }
}

} // namespace

RowDigest::RowDigest(const TableSpec& spec, const QHash<QString, QString>& sqlDefaults)
    : m_layout(spec)
    , m_lists(spec.lists.keys())
{
    m_lists.sort();
    for (const QString& field : m_layout.fields()) {
        m_defaults << (field == u"id" || !sqlDefaults.contains(field)
                           ? SqlValue()
                           : parseDefault(sqlDefaults.value(field)));
        m_added << spec.addedFields.contains(field);
    }
    m_defaults << SqlValue(); // extra_json
    m_added << false;
    for (const QString& list : m_lists)
        if (spec.addedFields.contains(list))
            m_addedLists.insert(list);
}

Result<QHash<QString, QString>> RowDigest::readDefaults(const Database& db, const QString& table)
{
    QHash<QString, QString> defaults;
    QSqlQuery info(db.connection());
    if (!info.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
        return sqlError(QStringLiteral("Reading the columns of %1").arg(table), info);
    while (info.next())
        if (!info.value(4).isNull())
            defaults.insert(info.value(1).toString(), info.value(4).toString());
    return defaults;
}

QByteArray RowDigest::of(const RowLayout::Row& row) const
{
    QByteArray in;
    in.reserve(512);
    static const SqlValue null;
    for (qsizetype i = 0; i < row.values.size(); ++i) {
        const SqlValue& v = row.values.at(i);
        if (i < m_added.size() && m_added.at(i) && v.kind == SqlValue::Kind::Null)
            continue;
        const bool isDefault = i < m_defaults.size() &&
                               m_defaults.at(i).kind != SqlValue::Kind::Null &&
                               sameValue(v, m_defaults.at(i));
        appendValue(in, isDefault ? null : v);
    }
    for (const QString& list : m_lists) {
        // As RecordStore writes them: each value as a string.
        const QJsonArray values = row.record.value(list).toArray();
        if (values.isEmpty() && m_addedLists.contains(list))
            continue;
        appendLength(in, values.size());
        for (const QJsonValue& value : values) {
            const QByteArray text = value.toString().toUtf8();
            appendLength(in, text.size());
            in.append(text);
        }
    }
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest,
                       reinterpret_cast<const unsigned char*>(in.constData()), quint64(in.size()),
                       nullptr, 0);
    return QByteArray(reinterpret_cast<const char*>(digest), sizeof digest)
        .toBase64(QByteArray::OmitTrailingEquals);
}

} // namespace workbench
