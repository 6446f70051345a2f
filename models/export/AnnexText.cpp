// The text forms of the annex (CSV, Markdown, HTML, JSON); the office forms
// are in AnnexWriter.cpp.
#include "AnnexWriter.h"
#include "Csv.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace workbench {

namespace {

// The translation context of this file's messages (the catalogues know it
// by this name).
struct AnnexWriter
{
    Q_DECLARE_TR_FUNCTIONS(AnnexWriter)
};

// Text for Markdown: no HTML (a vendor named "<script>…" stays text in every
// renderer), and line breaks folded, so nothing can end a paragraph or a
// list item early.
QString markdownText(const QString& s)
{
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c == u'<')
            out += QStringLiteral("&lt;");
        else if (c == u'>')
            out += QStringLiteral("&gt;");
        else if (c == u'&')
            out += QStringLiteral("&amp;");
        else if (c == u'\r' || c == u'\n' || c == QChar::LineSeparator ||
                 c == QChar::ParagraphSeparator) {
            if (c == u'\r' && i + 1 < s.size() && s[i + 1] == u'\n')
                ++i;
            out += u' ';
        } else
            out += c;
    }
    return out;
}

// A table cell: also no '|' (it would start a new cell) and no '\' that
// could escape the cell's closing '|'.
QString markdownCell(const QString& s)
{
    QString out = markdownText(s);
    out.replace(u'\\', QStringLiteral("\\\\"));
    out.replace(u'|', QStringLiteral("\\|"));
    return out;
}

} // namespace

QString annexToCsv(const AnnexTable& t)
{
    return csvDocument(t.columns, t.rows);
}

QString annexToMarkdown(const AnnexTable& t)
{
    QString md =
        QStringLiteral("# %1\n\n%2\n\n").arg(markdownText(t.title), markdownText(t.subtitle()));
    if (!t.note.isEmpty())
        md += markdownText(t.note) + QStringLiteral("\n\n");
    md += QStringLiteral("| ");
    QStringList header;
    for (const QString& c : t.columns)
        header << markdownCell(c);
    md += header.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|");
    for (int i = 0; i < t.columns.size(); ++i)
        md += QStringLiteral(" --- |");
    md += u'\n';
    for (const QStringList& row : t.rows) {
        QStringList cells;
        for (const QString& c : row)
            cells << markdownCell(c);
        md += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    }
    if (!t.gaps.isEmpty()) {
        md += QStringLiteral("\n## %1\n\n").arg(AnnexWriter::tr("Information missing"));
        for (const QString& line : t.gapLines())
            md += QStringLiteral("- ") + markdownText(line) + u'\n';
    }
    if (!t.footer().isEmpty())
        md += QStringLiteral("\n---\n\n") + markdownText(t.footer()) + u'\n';
    return md;
}

QString annexToHtml(const AnnexTable& t)
{
    QString html =
        QStringLiteral(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
            "<style>body{font-family:sans-serif;font-size:10pt}table{border-collapse:collapse}"
            "th,td{border:1px solid #999;padding:4px;vertical-align:top;text-align:left}"
            "th{background:#dde5f0}footer{margin-top:2em;font-size:8pt;color:#555}</style>"
            "</head><body><h2>%1</h2><p>%2</p>%3"
            "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\"><thead><tr>")
            .arg(t.title.toHtmlEscaped(), t.subtitle().toHtmlEscaped(),
                 t.note.isEmpty() ? QString()
                                  : QStringLiteral("<p>%1</p>").arg(t.note.toHtmlEscaped()));
    for (const QString& c : t.columns)
        html += QStringLiteral("<th>%1</th>").arg(c.toHtmlEscaped());
    html += QStringLiteral("</tr></thead><tbody>");
    for (const QStringList& row : t.rows) {
        html += QStringLiteral("<tr>");
        for (const QString& c : row)
            html += QStringLiteral("<td>%1</td>").arg(c.toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</tbody></table>");
    if (!t.gaps.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>")
                    .arg(AnnexWriter::tr("Information missing").toHtmlEscaped());
        for (const QString& line : t.gapLines())
            html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (!t.footer().isEmpty())
        html += QStringLiteral("<footer><p>%1</p></footer>").arg(t.footer().toHtmlEscaped());
    return html + QStringLiteral("</body></html>");
}

QByteArray annexToJson(const AnnexTable& t)
{
    QJsonArray rows;
    for (qsizetype r = 0; r < t.rows.size(); ++r) {
        const QStringList& row = t.rows[r];
        QJsonObject o;
        for (int i = 0; i < t.columns.size(); ++i)
            o.insert(t.columns[i], row.value(i));
        // The taxonomy keys, for machines (the columns hold the labels).
        if (r < t.keys.size()) {
            const AnnexRowKeys& k = t.keys[r];
            o.insert(QStringLiteral("processor_id"), k.processorId);
            o.insert(QStringLiteral("data_categories"),
                     QJsonArray::fromStringList(k.dataCategories));
            o.insert(QStringLiteral("data_subjects"), QJsonArray::fromStringList(k.dataSubjects));
        }
        rows.append(o);
    }
    QJsonArray gaps;
    for (const AnnexGap& g : t.gaps)
        gaps.append(
            QJsonObject{{QStringLiteral("processor"), g.processorName},
                        {QStringLiteral("processor_id"), g.processorId},
                        {QStringLiteral("missing"), QJsonArray::fromStringList(g.missing)}});
    QJsonObject o{{QStringLiteral("layout"), annexLayoutName(t.layout)},
                  {QStringLiteral("title"), t.title},
                  {QStringLiteral("organization"), t.organization},
                  {QStringLiteral("date"), t.date.toString(Qt::ISODate)},
                  {QStringLiteral("note"), t.note},
                  {QStringLiteral("columns"), QJsonArray::fromStringList(t.columns)},
                  {QStringLiteral("rows"), rows},
                  {QStringLiteral("missing"), gaps}};
    if (t.asOf.isValid())
        o.insert(QStringLiteral("as_of"), t.asOf.toString(Qt::ISODate));
    if (t.audit)
        o.insert(QStringLiteral("audit_head"),
                 QJsonObject{{QStringLiteral("seq"), t.audit->seq},
                             {QStringLiteral("hash"), t.audit->hash},
                             {QStringLiteral("anchor"), t.audit->anchor()}});
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace workbench
