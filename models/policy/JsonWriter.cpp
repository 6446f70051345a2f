#include "JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace workbench {

JsonWriter::JsonWriter(QTextStream& out, bool indented)
    : m_out(out)
    , m_indented(indented)
{}

JsonWriter::~JsonWriter()
{
    while (!m_levels.empty()) {
        if (m_levels.back().object)
            endObject();
        else
            endArray();
    }
}

void JsonWriter::newline()
{
    if (!m_indented)
        return;
    m_out << '\n';
    for (size_t i = 0; i < m_levels.size(); ++i)
        m_out << "    ";
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.empty())
        return;
    Level& level = m_levels.back();
    if (!level.empty)
        m_out << ',';
    level.empty = false;
    newline();
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_out << '{';
    m_levels.push_back({true, true});
}

void JsonWriter::endObject()
{
    const bool empty = m_levels.back().empty;
    m_levels.pop_back();
    if (!empty)
        newline();
    m_out << '}';
    if (m_levels.empty() && m_indented)
        m_out << '\n';
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_out << '[';
    m_levels.push_back({false, true});
}

void JsonWriter::endArray()
{
    const bool empty = m_levels.back().empty;
    m_levels.pop_back();
    if (!empty)
        newline();
    m_out << ']';
    if (m_levels.empty() && m_indented)
        m_out << '\n';
}

void JsonWriter::key(QStringView name)
{
    beforeValue();
    m_out << quoted(name) << (m_indented ? ": " : ":");
    m_afterKey = true;
}

QString JsonWriter::quoted(QStringView text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        case u'\b':
            out += QStringLiteral("\\b");
            break;
        case u'\f':
            out += QStringLiteral("\\f");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

void JsonWriter::value(QStringView text)
{
    beforeValue();
    m_out << quoted(text);
}

void JsonWriter::integer(qint64 number)
{
    beforeValue();
    m_out << number;
}

void JsonWriter::value(bool flag)
{
    beforeValue();
    m_out << (flag ? "true" : "false");
}

void JsonWriter::null()
{
    beforeValue();
    m_out << "null";
}

void JsonWriter::value(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        null();
        return;
    case QJsonValue::Bool:
        value(v.toBool());
        return;
    case QJsonValue::Double:
        if (v.toDouble() == double(v.toInteger())) {
            integer(v.toInteger());
        } else {
            beforeValue();
            m_out << QString::number(v.toDouble(), 'g', 17);
        }
        return;
    case QJsonValue::String:
        value(v.toString());
        return;
    case QJsonValue::Array: {
        beginArray();
        for (const QJsonValue& item : v.toArray())
            value(item);
        endArray();
        return;
    }
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            field(it.key(), it.value());
        endObject();
        return;
    }
    }
}

} // namespace workbench
