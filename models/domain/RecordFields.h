#pragma once

// How the records of Records.h (and the processing activity) read and write
// their contract JSON, field by field. Private to the domain's record
// sources; not part of any layer's interface.

#include "Enums.h"
#include "IsoDuration.h"
#include "Records.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QVarLengthArray>
#include <algorithm>

namespace workbench::fields {

inline const QString kDateFormat = QStringLiteral("yyyy-MM-dd");

// Reads the fields of one JSON record; the first problem wins and names the
// field. Fields it reads are removed from `rest`, which ends up holding the
// fields we do not know (kept and round-tripped).
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject& json)
        : m_json(json)
    {}

    QString string(const char* field, bool required = false)
    {
        const QJsonValue v = take(field);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(field, QStringLiteral("is required"));
            return {};
        }
        if (!v.isString()) {
            fail(field, QStringLiteral("must be a string"));
            return {};
        }
        if (required && v.toString().trimmed().isEmpty())
            fail(field, QStringLiteral("must not be empty"));
        return v.toString();
    }

    QStringList strings(const char* field, bool required = false)
    {
        const QJsonValue v = take(field);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(field, QStringLiteral("is required"));
            return {};
        }
        if (!v.isArray()) {
            fail(field, QStringLiteral("must be an array of strings"));
            return {};
        }
        QStringList out;
        for (const QJsonValue& item : v.toArray()) {
            if (!item.isString()) {
                fail(field, QStringLiteral("must be an array of strings"));
                return {};
            }
            out << item.toString();
        }
        if (required && out.isEmpty())
            fail(field, QStringLiteral("needs at least one value"));
        return out;
    }

    std::optional<int> integer(const char* field, bool required = false)
    {
        const QJsonValue v = take(field);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(field, QStringLiteral("is required"));
            return std::nullopt;
        }
        const double d = v.toDouble(-1.5);
        if (!v.isDouble() || d != double(qint64(d)) || d < 0 || d > 1e9) {
            fail(field, QStringLiteral("must be a whole number of at least 0"));
            return std::nullopt;
        }
        return int(d);
    }

    qint64 version()
    {
        const QJsonValue v = take("version");
        if (v.isUndefined() || v.isNull())
            return 0;
        if (!v.isDouble() || v.toDouble() != double(v.toInteger())) {
            fail("version", QStringLiteral("must be an integer"));
            return 0;
        }
        return v.toInteger();
    }

    QDate date(const char* field, bool required = false)
    {
        const QString s = string(field, required);
        if (s.isEmpty())
            return {};
        const QDate d = QDate::fromString(s, kDateFormat);
        if (!d.isValid())
            fail(field, QStringLiteral("'%1' is not a date (YYYY-MM-DD)").arg(s));
        return d;
    }

    QDateTime timestamp(const char* field, bool required = false)
    {
        const QString s = string(field, required);
        if (s.isEmpty())
            return {};
        const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
            fail(field, QStringLiteral("'%1' is not an RFC 3339 timestamp with offset").arg(s));
        return t;
    }

    template <typename E> E enumeration(const char* field, E fallback, bool required = false)
    {
        const QString s = string(field, required);
        if (s.isEmpty())
            return fallback;
        const auto v = fromWire<E>(s);
        if (!v) {
            fail(field, QStringLiteral("'%1' is not one of: %2")
                            .arg(s, wireNames<E>().join(QStringLiteral(", "))));
            return fallback;
        }
        return *v;
    }

    // An enumeration that may be absent (not set).
    template <typename E> std::optional<E> optionalEnumeration(const char* field)
    {
        const QString s = string(field);
        if (s.isEmpty())
            return std::nullopt;
        const auto v = fromWire<E>(s);
        if (!v)
            fail(field, QStringLiteral("'%1' is not one of: %2")
                            .arg(s, wireNames<E>().join(QStringLiteral(", "))));
        return v;
    }

    // An array of objects; `present` (when given) tells whether the field
    // was there at all (absent or null: not set).
    QList<QJsonObject> objects(const char* field, bool* present = nullptr)
    {
        const QJsonValue v = take(field);
        if (present)
            *present = !(v.isUndefined() || v.isNull());
        if (v.isUndefined() || v.isNull())
            return {};
        QList<QJsonObject> out;
        if (!v.isArray()) {
            fail(field, QStringLiteral("must be an array of objects"));
            return {};
        }
        for (const QJsonValue& item : v.toArray()) {
            if (!item.isObject()) {
                fail(field, QStringLiteral("must be an array of objects"));
                return {};
            }
            out << item.toObject();
        }
        return out;
    }

    std::optional<IsoDuration> duration(const char* field)
    {
        const QString s = string(field);
        if (s.isEmpty())
            return std::nullopt;
        const auto d = IsoDuration::parse(s);
        if (!d)
            fail(field, QStringLiteral("'%1' is not an ISO 8601 duration (e.g. P90D)").arg(s));
        return d;
    }

    SyncMeta meta()
    {
        SyncMeta m;
        m.version = version();
        m.updatedAt = timestamp("updated_at");
        take("deleted");
        return m;
    }

    void fail(const char* field, const QString& reason)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1 %2").arg(QLatin1String(field), reason);
    }

    const QString& error() const { return m_error; }
    // The fields no reader took (kept as they came). Built once, at the
    // end: a sync checks every record, so taking stays cheap.
    QJsonObject rest() const
    {
        QJsonObject out;
        for (auto it = m_json.begin(); it != m_json.end(); ++it)
            if (std::find(m_taken.begin(), m_taken.end(), it.key()) == m_taken.end())
                out.insert(it.key(), it.value());
        return out;
    }

private:
    QJsonValue take(const char* field)
    {
        const QLatin1String key(field);
        m_taken.append(key);
        return m_json.value(key);
    }

    const QJsonObject& m_json;
    QVarLengthArray<QLatin1String, 32> m_taken;
    QString m_error;
};

// Writes a record: unknown fields first, then ours on top.
class FieldWriter
{
public:
    FieldWriter(const QString& id, const SyncMeta& meta)
        : m_json(meta.extra)
    {
        m_json.insert(QStringLiteral("id"), id);
        m_json.insert(QStringLiteral("version"), meta.version);
        if (meta.updatedAt.isValid())
            m_json.insert(QStringLiteral("updated_at"), meta.updatedAt.toString(Qt::ISODateWithMs));
    }

    void string(const char* field, const QString& v)
    {
        m_json.insert(QLatin1String(field), v.isNull() ? QJsonValue() : QJsonValue(v));
    }
    void strings(const char* field, const QStringList& v)
    {
        m_json.insert(QLatin1String(field), QJsonArray::fromStringList(v));
    }
    void date(const char* field, QDate v)
    {
        m_json.insert(QLatin1String(field),
                      v.isValid() ? QJsonValue(v.toString(kDateFormat)) : QJsonValue());
    }
    void timestamp(const char* field, const QDateTime& v)
    {
        m_json.insert(QLatin1String(field),
                      v.isValid() ? QJsonValue(v.toString(Qt::ISODateWithMs)) : QJsonValue());
    }
    void integer(const char* field, std::optional<int> v)
    {
        m_json.insert(QLatin1String(field), v ? QJsonValue(*v) : QJsonValue());
    }
    template <typename E> void enumeration(const char* field, E v)
    {
        m_json.insert(QLatin1String(field), toWire(v));
    }

    void value(const char* field, const QJsonValue& v) { m_json.insert(QLatin1String(field), v); }
    template <typename E> void optionalEnumeration(const char* field, std::optional<E> v)
    {
        m_json.insert(QLatin1String(field), v ? QJsonValue(toWire(*v)) : QJsonValue());
    }

    QJsonObject json() const { return m_json; }

private:
    QJsonObject m_json;
};

template <typename T> Result<T> finish(T record, FieldReader& r)
{
    if (!r.error().isEmpty())
        return Error{r.error()};
    record.meta.extra = r.rest();
    return record;
}

inline QString readId(FieldReader& r)
{
    return r.string("id", true);
}

} // namespace workbench::fields
