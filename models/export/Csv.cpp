#include "Csv.h"

#include <QRegularExpression>

namespace workbench {

namespace {

bool startsFormula(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

bool isPlainNegativeNumber(const QString& text)
{
    static const QRegularExpression number(QStringLiteral("^-[0-9]+(\\.[0-9]+)?$"));
    return number.match(text).hasMatch();
}

// The index of the first character after the leading apostrophes.
qsizetype afterApostrophes(const QString& text)
{
    qsizetype i = 0;
    while (i < text.size() && text[i] == u'\'')
        ++i;
    return i;
}

} // namespace

QString csvNeutralised(const QString& text)
{
    const qsizetype i = afterApostrophes(text);
    if (i >= text.size() || !startsFormula(text[i]))
        return text;
    if (i == 0 && isPlainNegativeNumber(text))
        return text;
    return u'\'' + text;
}

QString csvRestored(const QString& text)
{
    const qsizetype i = afterApostrophes(text);
    if (i > 0 && i < text.size() && startsFormula(text[i]))
        return text.mid(1);
    return text;
}

QString csvField(const QString& text, QChar separator)
{
    QString s = csvNeutralised(text);
    if (s.contains(separator) || s.contains(u'"') || s.contains(u'\n') || s.contains(u'\r'))
        return u'"' + s.replace(u'"', QStringLiteral("\"\"")) + u'"';
    return s;
}

QString csvLine(const QStringList& cells, QChar separator)
{
    QStringList fields;
    fields.reserve(cells.size());
    for (const QString& c : cells)
        fields << csvField(c, separator);
    return fields.join(separator);
}

QString csvDocument(const QStringList& header, const QList<QStringList>& rows, QChar separator)
{
    QString out = csvLine(header, separator) + QStringLiteral("\r\n");
    for (const QStringList& row : rows)
        out += csvLine(row, separator) + QStringLiteral("\r\n");
    return out;
}

} // namespace workbench
