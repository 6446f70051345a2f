#include "AnnexWriter.h"

#include "Docx.h"
#include "ExportFile.h"
#include "Zip.h"

#include <QCoreApplication>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextLayout>
#include <memory>
#include <vector>
#include <xlsxwriter.h>

namespace workbench {

namespace {

// The translation context of this file's messages (the catalogues know it
// by this name).
struct AnnexWriter
{
    Q_DECLARE_TR_FUNCTIONS(AnnexWriter)
};

QString xmlEscaped(const QString& s)
{
    QString out = s.toHtmlEscaped();
    out.replace(u'\'', QStringLiteral("&apos;"));
    return out;
}

// --- XLSX (libxlsxwriter) ---------------------------------------------------

Status writeXlsx(const AnnexTable& t, const QString& path)
{
    const QByteArray file = path.toUtf8();
    lxw_workbook* wb = workbook_new(file.constData());
    if (!wb)
        return Error{AnnexWriter::tr("Cannot create %1.").arg(path)};
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Annex");
    lxw_format* header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_bg_color(header, 0xDDE5F0);
    format_set_text_wrap(header);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format* cell = workbook_add_format(wb);
    format_set_text_wrap(cell);
    format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
    const int first = 2; // title, subtitle, then the table
    lxw_format* title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_font_size(title, 13);
    worksheet_write_string(ws, 0, 0, t.title.toUtf8().constData(), title);
    const QString secondLine =
        t.note.isEmpty() ? t.subtitle() : t.subtitle() + QStringLiteral(". ") + t.note;
    worksheet_write_string(ws, 1, 0, secondLine.toUtf8().constData(), nullptr);
    for (int c = 0; c < t.columns.size(); ++c) {
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), t.widths.value(c, 20), nullptr);
        worksheet_write_string(ws, lxw_row_t(first), lxw_col_t(c),
                               t.columns[c].toUtf8().constData(), header);
    }
    for (int r = 0; r < t.rows.size(); ++r)
        for (int c = 0; c < t.rows[r].size(); ++c)
            worksheet_write_string(ws, lxw_row_t(first + 1 + r), lxw_col_t(c),
                                   t.rows[r][c].toUtf8().constData(), cell);
    worksheet_freeze_panes(ws, lxw_row_t(first + 1), 0);
    // The audit head in the printed footer, out of the cells an import reads
    // ('&' starts a code there: doubled).
    const QByteArray footer =
        (QStringLiteral("&L") + QString(t.footer()).replace(u'&', QStringLiteral("&&")) +
         QStringLiteral("&R&P / &N"))
            .toUtf8();
    if (!t.footer().isEmpty())
        worksheet_set_footer(ws, footer.constData());
    worksheet_autofilter(ws, lxw_row_t(first), 0,
                         lxw_row_t(first + std::max<qsizetype>(1, t.rows.size())),
                         lxw_col_t(t.columns.size() - 1));
    if (!t.gaps.isEmpty()) {
        lxw_worksheet* missing = workbook_add_worksheet(wb, "Missing information");
        worksheet_set_column(missing, 0, 0, 30, nullptr);
        worksheet_set_column(missing, 1, 1, 80, nullptr);
        worksheet_write_string(missing, 0, 0, AnnexWriter::tr("Processor").toUtf8().constData(),
                               header);
        worksheet_write_string(
            missing, 0, 1, AnnexWriter::tr("Missing for this annex").toUtf8().constData(), header);
        for (int i = 0; i < t.gaps.size(); ++i) {
            worksheet_write_string(missing, lxw_row_t(i + 1), 0,
                                   t.gaps[i].processorName.toUtf8().constData(), nullptr);
            worksheet_write_string(
                missing, lxw_row_t(i + 1), 1,
                t.gaps[i].missing.join(QStringLiteral(", ")).toUtf8().constData(), nullptr);
        }
    }
    const lxw_error result = workbook_close(wb);
    if (result != LXW_NO_ERROR)
        return Error{AnnexWriter::tr("Cannot write %1: %2")
                         .arg(path, QString::fromUtf8(lxw_strerror(result)))};
    return {};
}

// --- DOCX (WordprocessingML, export/Docx) -----------------------------------

Status writeDocx(const AnnexTable& t, const QString& path)
{
    const auto paragraph = [](const QString& text, bool bold = false, int halfPoints = 0) {
        return docxParagraph(text, bold, halfPoints);
    };
    auto tableCell = [&](const QString& text, bool bold) {
        return QStringLiteral("<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>%1</w:tc>")
            .arg(paragraph(text, bold, 16));
    };
    QString body = paragraph(t.title, true, 28) + paragraph(t.subtitle());
    if (!t.note.isEmpty())
        body += paragraph(t.note);
    body += QStringLiteral(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/>"
        "<w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/>"
        "<w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/>"
        "</w:tblBorders></w:tblPr>");
    body += QStringLiteral("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
    for (const QString& c : t.columns)
        body += tableCell(c, true);
    body += QStringLiteral("</w:tr>");
    for (const QStringList& row : t.rows) {
        body += QStringLiteral("<w:tr>");
        for (const QString& c : row)
            body += tableCell(c, false);
        body += QStringLiteral("</w:tr>");
    }
    body += QStringLiteral("</w:tbl>");
    if (!t.gaps.isEmpty()) {
        body += paragraph(AnnexWriter::tr("Information missing"), true, 24);
        for (const QString& line : t.gapLines())
            body += paragraph(line);
    }
    // Landscape A4, so the table has room.
    DocxPage page;
    page.landscape = true;
    return writeDocxFile(path, body, t.footer(), page);
}

// --- PDF (with the organization and date in the header, page numbers) -------

Status writePdf(const AnnexTable& t, const QString& path)
{
    // Drawn directly, a row at a time: a rich-text table of a thousand rows
    // takes seconds to lay out; this takes a fraction of one.
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    writer.setTitle(t.title);
    writer.setCreator(QStringLiteral("Privacy Workbench"));
    writer.setResolution(96);
    QPainter painter;
    if (!painter.begin(&writer))
        return Error{AnnexWriter::tr("Cannot write %1.").arg(path)};
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    QFont body = painter.font();
    body.setPointSizeF(6.5);
    QFont bold = body;
    bold.setBold(true);
    // The audit head is copied from the PDF into `verify --expect-head`: no
    // "ff" ligature in the hash (a letter spacing turns ligatures off).
    QFont footerFont = body;
    footerFont.setLetterSpacing(QFont::AbsoluteSpacing, 0.1);
    QFont title = body;
    title.setPointSizeF(11);
    title.setBold(true);
    const double pad = 3;
    const double lineHeight = QFontMetricsF(body).height();
    const double band = lineHeight * 2; // page header and footer bands
    double total = 0;
    for (int c = 0; c < t.columns.size(); ++c)
        total += t.widths.value(c, 20);
    QList<double> widths;
    for (int c = 0; c < t.columns.size(); ++c)
        widths << page.width() * t.widths.value(c, 20) / total;

    // Each cell is laid out once: measured for pagination, then drawn.
    struct Cell
    {
        std::unique_ptr<QTextLayout> layout; // null for an empty cell
        double height = 0;
    };
    auto layoutRow = [&](const QStringList& cells, const QFont& font) {
        std::vector<Cell> row(widths.size());
        for (int c = 0; c < widths.size(); ++c) {
            const QString text = cells.value(c);
            if (text.isEmpty())
                continue;
            auto layout = std::make_unique<QTextLayout>(
                QString(text).replace(u'\n', QChar::LineSeparator), font, &writer);
            QTextOption option;
            option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
            layout->setTextOption(option);
            layout->setCacheEnabled(true);
            layout->beginLayout();
            double h = 0;
            for (QTextLine line = layout->createLine(); line.isValid();
                 line = layout->createLine()) {
                line.setLineWidth(widths[c] - 2 * pad);
                line.setPosition(QPointF(0, h));
                h += line.height();
            }
            layout->endLayout();
            row[c] = {std::move(layout), h};
        }
        return row;
    };
    auto rowHeight = [&](const std::vector<Cell>& row) {
        double h = lineHeight;
        for (const Cell& cell : row)
            h = std::max(h, cell.height);
        return h + 2 * pad;
    };
    auto drawRow = [&](double y, const std::vector<Cell>& row, double h, bool shaded) {
        if (shaded)
            painter.fillRect(QRectF(0, y, page.width(), h), QColor(0xdd, 0xe5, 0xf0));
        // One frame per row and its column rules: far fewer drawing calls
        // than a rectangle per cell.
        painter.drawRect(QRectF(0, y, page.width(), h));
        double x = 0;
        for (int c = 0; c < widths.size(); ++c) {
            if (c > 0)
                painter.drawLine(QPointF(x, y), QPointF(x, y + h));
            if (row[c].layout)
                row[c].layout->draw(&painter, QPointF(x + pad, y + pad));
            x += widths[c];
        }
    };
    // Lay the pages out first, so each footer can say "of N".
    const std::vector<Cell> headerCells = layoutRow(t.columns, bold);
    const double headerRow = rowHeight(headerCells);
    const double noteHeight = t.note.isEmpty() ? 0
                                               : QFontMetricsF(body)
                                                     .boundingRect(QRectF(0, 0, page.width(), 1e6),
                                                                   Qt::TextWordWrap, t.note)
                                                     .height();
    const double titleHeight = QFontMetricsF(title).height() + lineHeight * 1.5 + noteHeight;
    std::vector<std::vector<Cell>> rows;
    rows.reserve(t.rows.size());
    QList<double> heights;
    QList<QList<int>> pages{{}};
    double y = band + titleHeight + headerRow;
    for (int r = 0; r < t.rows.size(); ++r) {
        rows.push_back(layoutRow(t.rows[r], body));
        heights << rowHeight(rows.back());
        if (y + heights[r] > page.height() - band && !pages.last().isEmpty()) {
            pages << QList<int>();
            y = band + headerRow;
        }
        pages.last() << r;
        y += heights[r];
    }
    const QString header = t.subtitle();
    for (int p = 0; p < pages.size(); ++p) {
        if (p > 0)
            writer.newPage();
        painter.setFont(body);
        painter.drawText(QRectF(0, 0, page.width(), band), Qt::AlignLeft | Qt::AlignVCenter,
                         header);
        painter.drawText(QRectF(0, page.height() - band, page.width(), band), Qt::AlignCenter,
                         AnnexWriter::tr("Page %1 of %2").arg(p + 1).arg(pages.size()));
        painter.setFont(footerFont);
        painter.drawText(QRectF(0, page.height() - band, page.width(), band),
                         Qt::AlignLeft | Qt::AlignVCenter, t.footer());
        y = band;
        if (p == 0) {
            painter.setFont(title);
            painter.drawText(QRectF(0, y, page.width(), titleHeight), Qt::AlignLeft | Qt::AlignTop,
                             t.title);
            if (!t.note.isEmpty()) {
                painter.setFont(body);
                painter.drawText(QRectF(0, y + titleHeight - noteHeight - lineHeight * 0.5,
                                        page.width(), noteHeight),
                                 Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, t.note);
            }
            y += titleHeight;
        }
        drawRow(y, headerCells, headerRow, true);
        y += headerRow;
        for (int r : std::as_const(pages[p])) {
            drawRow(y, rows[r], heights[r], false);
            y += heights[r];
        }
    }
    if (!t.gaps.isEmpty()) {
        writer.newPage();
        painter.setFont(title);
        painter.drawText(QRectF(0, 0, page.width(), titleHeight), Qt::AlignLeft | Qt::AlignTop,
                         AnnexWriter::tr("Information missing"));
        painter.setFont(body);
        y = titleHeight;
        for (const QString& line : t.gapLines()) {
            if (y + lineHeight > page.height()) {
                writer.newPage();
                y = 0;
            }
            painter.drawText(QRectF(0, y, page.width(), lineHeight), Qt::AlignLeft, line);
            y += lineHeight;
        }
    }
    painter.end();
    return {};
}

// --- ODT (OpenDocument text, written as XML and zipped) --------------------

Status writeOdt(const AnnexTable& t, const QString& path)
{
    auto paragraph = [](const QString& text, const char* style = "Standard") {
        return QStringLiteral("<text:p text:style-name=\"%1\">%2</text:p>")
            .arg(QLatin1String(style), xmlEscaped(text));
    };
    QString body = paragraph(t.title, "Title") + paragraph(t.subtitle());
    if (!t.note.isEmpty())
        body += paragraph(t.note);
    body += QStringLiteral("<table:table table:name=\"Annex\">");
    for (int c = 0; c < t.columns.size(); ++c)
        body += QStringLiteral("<table:table-column/>");
    body += QStringLiteral("<table:table-header-rows><table:table-row>");
    for (const QString& c : t.columns)
        body +=
            QStringLiteral("<table:table-cell office:value-type=\"string\">%1</table:table-cell>")
                .arg(paragraph(c, "Heading"));
    body += QStringLiteral("</table:table-row></table:table-header-rows>");
    for (const QStringList& row : t.rows) {
        body += QStringLiteral("<table:table-row>");
        for (const QString& c : row)
            body += QStringLiteral(
                        "<table:table-cell office:value-type=\"string\">%1</table:table-cell>")
                        .arg(paragraph(c));
        body += QStringLiteral("</table:table-row>");
    }
    body += QStringLiteral("</table:table>");
    if (!t.gaps.isEmpty()) {
        body += paragraph(AnnexWriter::tr("Information missing"), "Heading");
        for (const QString& line : t.gapLines())
            body += paragraph(line);
    }
    const QByteArray content =
        QStringLiteral(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<office:document-content "
            "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
            "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
            "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
            "office:version=\"1.2\">"
            "<office:body><office:text>%1</office:text></office:body></office:document-content>")
            .arg(body)
            .toUtf8();
    const QByteArray manifest =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
        "manifest:version=\"1.2\">"
        "<manifest:file-entry manifest:full-path=\"/\" "
        "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
        "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
        "</manifest:manifest>";
    // The default page style ("Standard") with the audit head as its footer,
    // on every page.
    const QByteArray styles =
        QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<office:document-styles "
                       "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                       "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
                       "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                       "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
                       "office:version=\"1.2\">"
                       "<office:automatic-styles><style:page-layout style:name=\"pm1\">"
                       "<style:page-layout-properties/><style:footer-style/></style:page-layout>"
                       "</office:automatic-styles><office:master-styles>"
                       "<style:master-page style:name=\"Standard\" style:page-layout-name=\"pm1\">"
                       "<style:footer><text:p>%1</text:p></style:footer></style:master-page>"
                       "</office:master-styles></office:document-styles>")
            .arg(xmlEscaped(t.footer()))
            .toUtf8();
    return writeZip(path,
                    {{"mimetype", "application/vnd.oasis.opendocument.text"},
                     {"content.xml", content},
                     {"styles.xml", styles},
                     {"META-INF/manifest.xml", manifest}},
                    {"mimetype"});
}

} // namespace

std::optional<AnnexFormat> annexFormatFromName(QStringView name)
{
    const QString n = name.toString().toLower();
    if (n == u"xlsx")
        return AnnexFormat::Xlsx;
    if (n == u"docx")
        return AnnexFormat::Docx;
    if (n == u"odt")
        return AnnexFormat::Odt;
    if (n == u"pdf")
        return AnnexFormat::Pdf;
    if (n == u"csv")
        return AnnexFormat::Csv;
    if (n == u"md" || n == u"markdown")
        return AnnexFormat::Markdown;
    if (n == u"html")
        return AnnexFormat::Html;
    if (n == u"json")
        return AnnexFormat::Json;
    return std::nullopt;
}

QString annexFormatName(AnnexFormat format)
{
    static const char* names[] = {"xlsx", "docx", "odt", "pdf", "csv", "md", "html", "json"};
    return QString::fromLatin1(names[int(format)]);
}

Status writeAnnex(const AnnexTable& table, AnnexFormat format, const QString& path)
{
    switch (format) {
    case AnnexFormat::Xlsx:
        return writeXlsx(table, path);
    case AnnexFormat::Docx:
        return writeDocx(table, path);
    case AnnexFormat::Odt:
        return writeOdt(table, path);
    case AnnexFormat::Pdf:
        return writePdf(table, path);
    // Vendors' data only: the umask decides, as for the office formats.
    case AnnexFormat::Csv:
        return writeExportFile(path, annexToCsv(table).toUtf8(), FileAccess::Shared);
    case AnnexFormat::Markdown:
        return writeExportFile(path, annexToMarkdown(table).toUtf8(), FileAccess::Shared);
    case AnnexFormat::Html:
        return writeExportFile(path, annexToHtml(table).toUtf8(), FileAccess::Shared);
    case AnnexFormat::Json:
        return writeExportFile(path, annexToJson(table), FileAccess::Shared);
    }
    return Error{AnnexWriter::tr("Unknown format.")};
}

} // namespace workbench
