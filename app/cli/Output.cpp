#include "Commands.h"
#include "export/Csv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace workbench::cli {

void printTable(QTextStream& out, const QString& format, const QStringList& header,
                const QList<QStringList>& rows)
{
    if (format == u"json") {
        QJsonArray array;
        for (const QStringList& row : rows) {
            QJsonObject o;
            for (int i = 0; i < header.size(); ++i)
                o.insert(header[i], row[i].isEmpty() ? QJsonValue() : QJsonValue(row[i]));
            array.append(o);
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return;
    }
    if (format == u"csv") {
        out << csvDocument(header, rows);
        return;
    }
    QList<int> widths;
    for (const QString& h : header)
        widths << int(h.size());
    for (const QStringList& row : rows)
        for (int i = 0; i < row.size(); ++i)
            widths[i] = std::min(60, std::max(widths[i], int(row[i].size())));
    auto line = [&](const QStringList& cells) {
        QString text;
        for (int i = 0; i < cells.size(); ++i)
            text += (i ? QStringLiteral("  ") : QString()) + cells[i].leftJustified(widths[i]);
        while (text.endsWith(u' '))
            text.chop(1);
        out << text << '\n';
    };
    line(header);
    for (const QStringList& row : rows)
        line(row);
}

} // namespace workbench::cli
