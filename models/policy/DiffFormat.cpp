#include "DiffFormat.h"

#include "JsonWriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextStream>

namespace workbench::diff {

namespace {

// The translation context of this file's messages (the catalogues know it
// by this name).
struct Redline
{
    Q_DECLARE_TR_FUNCTIONS(Redline)
};

QStringView withoutTerminator(QStringView line)
{
    if (line.endsWith(u'\n'))
        line.chop(1);
    if (line.endsWith(u'\r'))
        line.chop(1);
    return line;
}

QString rangeText(int start, int count)
{
    // GNU diff: "l,s"; s omitted when 1; start is the line before when empty.
    if (count == 1)
        return QString::number(start + 1);
    return QStringLiteral("%1,%2").arg(count == 0 ? start : start + 1).arg(count);
}

} // namespace

QString unified(const Result& diff, const QString& oldLabel, const QString& newLabel, int context)
{
    QString out;
    if (diff.equal())
        return out;
    out += QStringLiteral("--- ") + oldLabel + u'\n';
    out += QStringLiteral("+++ ") + newLabel + u'\n';
    const int rows = int(diff.rows.size());
    auto changedRow = [&](int r) {
        return diff.rows[size_t(r)].kind != RowKind::Same;
    };
    auto emitLine = [&out](QChar mark, QStringView line) {
        out += mark;
        out += withoutTerminator(line);
        out += u'\n';
        if (!line.endsWith(u'\n'))
            out += QStringLiteral("\\ No newline at end of file\n");
    };
    int r = 0;
    while (r < rows) {
        if (!changedRow(r)) {
            ++r;
            continue;
        }
        // A hunk: from `context` rows before this change to `context` rows
        // after the last change closer than 2 * context.
        const int start = std::max(0, r - context);
        int end = r;
        int lastChange = r;
        while (end < rows) {
            if (changedRow(end))
                lastChange = end;
            else if (end - lastChange > 2 * context)
                break;
            ++end;
        }
        end = std::min(rows, lastChange + 1 + context);
        int oldStart = -1, newStart = -1, oldCount = 0, newCount = 0;
        for (int k = start; k < end; ++k) {
            const Row& row = diff.rows[size_t(k)];
            if (row.oldLine >= 0) {
                if (oldStart < 0)
                    oldStart = row.oldLine;
                ++oldCount;
            }
            if (row.newLine >= 0) {
                if (newStart < 0)
                    newStart = row.newLine;
                ++newCount;
            }
        }
        auto firstLine = [&](bool old) {
            for (int k = start; k < rows; ++k) {
                const int line = old ? diff.rows[size_t(k)].oldLine : diff.rows[size_t(k)].newLine;
                if (line >= 0)
                    return line;
            }
            return int(old ? diff.oldLines.size() : diff.newLines.size());
        };
        if (oldStart < 0)
            oldStart = firstLine(true);
        if (newStart < 0)
            newStart = firstLine(false);
        out += QStringLiteral("@@ -%1 +%2 @@\n")
                   .arg(rangeText(oldStart, oldCount), rangeText(newStart, newCount));
        int k = start;
        while (k < end) {
            const Row& row = diff.rows[size_t(k)];
            if (row.kind == RowKind::Same) {
                emitLine(u' ', diff.newLineText(row.newLine));
                ++k;
                continue;
            }
            int blockEnd = k;
            while (blockEnd < end && diff.rows[size_t(blockEnd)].kind != RowKind::Same)
                ++blockEnd;
            for (int j = k; j < blockEnd; ++j)
                if (diff.rows[size_t(j)].oldLine >= 0)
                    emitLine(u'-', diff.oldLineText(diff.rows[size_t(j)].oldLine));
            for (int j = k; j < blockEnd; ++j)
                if (diff.rows[size_t(j)].newLine >= 0)
                    emitLine(u'+', diff.newLineText(diff.rows[size_t(j)].newLine));
            k = blockEnd;
        }
        r = end;
    }
    return out;
}

void writeJson(const Result& diff, QTextStream& out)
{
    static const char16_t* opNames[] = {u"equal", u"delete", u"insert"};
    static const char16_t* rowNames[] = {u"same", u"changed", u"deleted", u"inserted"};
    JsonWriter json(out);
    json.beginObject();
    json.field(u"equal", diff.equal());
    json.key(u"summary");
    json.beginObject();
    json.field(u"added", diff.summary.added);
    json.field(u"removed", diff.summary.removed);
    json.field(u"changed", diff.summary.changed);
    json.endObject();
    json.field(u"offsets", u"UTF-16 code units");
    json.key(u"rows");
    json.beginArray();
    for (const Row& row : diff.rows) {
        if (row.kind == RowKind::Same && !row.ignorable)
            continue;
        json.beginObject();
        json.field(u"kind", rowNames[int(row.kind)]);
        if (row.oldLine >= 0)
            json.field(u"old_line", row.oldLine + 1);
        if (row.newLine >= 0)
            json.field(u"new_line", row.newLine + 1);
        if (row.ignorable)
            json.field(u"ignorable", true);
        if (row.kind == RowKind::Changed) {
            for (const bool old : {true, false}) {
                json.key(old ? u"removed_words" : u"added_words");
                json.beginArray();
                const Span* spans = old ? diff.oldSpansOf(row) : diff.newSpansOf(row);
                const quint32 n = old ? row.oldSpans : row.newSpans;
                const QStringView line =
                    old ? diff.oldLineText(row.oldLine) : diff.newLineText(row.newLine);
                for (quint32 i = 0; i < n; ++i)
                    json.value(line.mid(spans[i].pos, spans[i].length));
                json.endArray();
            }
        }
        json.endObject();
    }
    json.endArray();
    json.key(u"operations");
    json.beginArray();
    for (const Op& op : diff.ops) {
        json.beginObject();
        json.field(u"op", opNames[int(op.kind)]);
        json.field(u"old_offset", op.oldPos);
        json.field(u"old_length", op.oldLength);
        json.field(u"new_offset", op.newPos);
        json.field(u"new_length", op.newLength);
        if (op.kind == OpKind::Delete)
            json.field(u"text", QStringView(diff.oldText).mid(op.oldPos, op.oldLength));
        else if (op.kind == OpKind::Insert)
            json.field(u"text", QStringView(diff.newText).mid(op.newPos, op.newLength));
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

QJsonObject toJson(const Result& diff)
{
    QString buffer;
    {
        QTextStream out(&buffer);
        writeJson(diff, out);
    }
    return QJsonDocument::fromJson(buffer.toUtf8()).object();
}

QString VersionLabel::describe() const
{
    QStringList parts;
    parts << (title.isEmpty() ? Redline::tr("Untitled") : title);
    if (!source.isEmpty())
        parts << source;
    if (!status.isEmpty())
        parts << status;
    if (publishedOn.isValid())
        parts << Redline::tr("published %1").arg(publishedOn.toString(Qt::ISODate));
    if (effectiveOn.isValid())
        parts << Redline::tr("effective %1").arg(effectiveOn.toString(Qt::ISODate));
    return parts.join(QStringLiteral(" · "));
}

QString redlineHtml(const Result& diff, const VersionLabel& oldVersion,
                    const VersionLabel& newVersion, QDate generatedOn, const QString& footer)
{
    auto escape = [](QStringView text) {
        QString s = text.toString().toHtmlEscaped();
        s.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        s.replace(u'\n', QStringLiteral("<br/>\n"));
        return s;
    };
    QString html;
    html.reserve(diff.newText.size() * 2);
    html += QStringLiteral(
                "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><title>%1</title>\n"
                "<style>body{font-family:sans-serif;font-size:11pt;line-height:1.4;max-width:50em;"
                "margin:2em auto}"
                "del{color:#a40000;background-color:#fde2e1;text-decoration:line-through}"
                "ins{color:#1a5e20;background-color:#dcf5dc;text-decoration:underline}"
                "table.head{border-collapse:collapse;margin-bottom:1.5em}"
                "table.head td{padding:2px 12px 2px 0;vertical-align:top}</style></head><body>\n")
                .arg(Redline::tr("Redline").toHtmlEscaped());
    html += QStringLiteral("<h1>%1</h1>\n").arg(Redline::tr("Redline").toHtmlEscaped());
    html += QStringLiteral("<table class=\"head\"><tr><td><b>%1</b></td><td>%2</td></tr>"
                           "<tr><td><b>%3</b></td><td>%4</td></tr>"
                           "<tr><td><b>%5</b></td><td>%6</td></tr>"
                           "<tr><td><b>%7</b></td><td>%8</td></tr></table>\n")
                .arg(Redline::tr("From").toHtmlEscaped(), oldVersion.describe().toHtmlEscaped(),
                     Redline::tr("To").toHtmlEscaped(), newVersion.describe().toHtmlEscaped(),
                     Redline::tr("Changes").toHtmlEscaped(),
                     Redline::tr("%1 added, %2 removed, %3 changed lines")
                         .arg(diff.summary.added)
                         .arg(diff.summary.removed)
                         .arg(diff.summary.changed)
                         .toHtmlEscaped(),
                     Redline::tr("Prepared").toHtmlEscaped(), generatedOn.toString(Qt::ISODate));
    html += QStringLiteral("<hr/>\n<p>");
    // The spans carry the colours for QTextDocument (PDF, print), which
    // ignores the style sheet for <del>/<ins>.
    for (const Op& op : diff.ops) {
        switch (op.kind) {
        case OpKind::Equal:
            html += escape(QStringView(diff.oldText).mid(op.oldPos, op.oldLength));
            break;
        case OpKind::Delete:
            html += QStringLiteral("<del><span style=\"color:#a40000;background-color:#fde2e1;"
                                   "text-decoration:line-through\">") +
                    escape(QStringView(diff.oldText).mid(op.oldPos, op.oldLength)) +
                    QStringLiteral("</span></del>");
            break;
        case OpKind::Insert:
            html += QStringLiteral("<ins><span style=\"color:#1a5e20;background-color:#dcf5dc;"
                                   "text-decoration:underline\">") +
                    escape(QStringView(diff.newText).mid(op.newPos, op.newLength)) +
                    QStringLiteral("</span></ins>");
            break;
        }
    }
    html += QStringLiteral("</p>\n");
    if (!footer.isEmpty())
        // The letter spacing keeps "ff" in the hash from becoming a ligature
        // in the PDF: the anchor must copy out as typed.
        html += QStringLiteral("<hr/>\n<p style=\"font-size:8pt;color:#555;"
                               "letter-spacing:0.1px\">%1</p>\n")
                    .arg(footer.toHtmlEscaped());
    html += QStringLiteral("</body></html>\n");
    return html;
}

Status writeRedlinePdf(const QString& html, const QString& path)
{
    {
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly))
            return Error{Redline::tr("Cannot write %1: %2").arg(path, probe.errorString())};
    }
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    writer.setTitle(Redline::tr("Redline"));
    writer.setCreator(QStringLiteral("Privacy Workbench"));
    QTextDocument doc;
    doc.setHtml(html);
    doc.print(&writer);
    return {};
}

} // namespace workbench::diff
