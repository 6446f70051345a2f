#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>
#include <QTextStream>
#include <type_traits>
#include <vector>

namespace workbench {

// Writes one JSON document element by element as it is produced, so a long
// list never has to be held as a QJsonArray (whose values, and then the
// whole text QJsonDocument makes of them, cost many times the input).
// Indented like QJsonDocument::Indented (four spaces), or compact.
//
//     JsonWriter json(out);
//     json.beginObject();
//     json.key(u"rows");
//     json.beginArray();
//     for (...) { json.beginObject(); json.field(u"kind", u"same"); json.endObject(); }
//     json.endArray();
//     json.endObject();
class JsonWriter
{
public:
    explicit JsonWriter(QTextStream& out, bool indented = true);
    // Closes what is still open, so the output stays valid JSON.
    ~JsonWriter();
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // The name of the next member (inside an object).
    void key(QStringView name);

    void value(QStringView text);
    void value(const QString& text) { value(QStringView(text)); }
    void value(const char16_t* text) { value(QStringView(text)); }
    template <typename T>
    requires(std::is_integral_v<T> && !std::is_same_v<T, bool>) void value(T number)
    {
        integer(qint64(number));
    }
    void value(bool flag);
    void null();
    // A small value built the usual way (an object of a few fields).
    void value(const QJsonValue& v);

    template <typename T> void field(QStringView name, const T& v)
    {
        key(name);
        value(v);
    }

    // The JSON form of a string, quotes included.
    static QString quoted(QStringView text);

private:
    void integer(qint64 number);
    void beforeValue();
    void newline();

    QTextStream& m_out;
    bool m_indented;
    struct Level
    {
        bool object;
        bool empty;
    };
    std::vector<Level> m_levels;
    bool m_afterKey = false;
};

// The object a streamed writer produces, as a QJsonObject: for callers
// that want the document in memory (it is small for them).
template <typename Write> QJsonObject writtenObject(Write write)
{
    QString buffer;
    {
        QTextStream out(&buffer);
        write(out);
    }
    return QJsonDocument::fromJson(buffer.toUtf8()).object();
}

} // namespace workbench
