#include "ImportReader.h"

#include "Csv.h"
#include "DelimitedParser.h"
#include "TableText.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringDecoder>
#include <QXmlStreamReader>
#include <cstring>

namespace workbench {

namespace {

// The translation context of this file's messages (the catalogues know it
// by this name).
struct ProcessorImport
{
    Q_DECLARE_TR_FUNCTIONS(ProcessorImport)
};

// CSV and TSV are read in pieces of this size.
constexpr qint64 kChunk = 64 * 1024;

QString dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

Error cancelled(const QString& source)
{
    return Error{ProcessorImport::tr("%1: the import was cancelled.").arg(source)};
}

QString notText(const QString& source)
{
    return ProcessorImport::tr("%1 is not a text file (CSV, TSV or JSON) nor an XLSX workbook.")
        .arg(source);
}

// How many bytes at the end of `bytes` begin a UTF-8 sequence that the
// next piece completes.
int incompleteUtf8Tail(QByteArrayView bytes)
{
    const qsizetype n = bytes.size();
    for (int back = 1; back <= 3 && back <= n; ++back) {
        const auto b = uchar(bytes[n - back]);
        if ((b & 0xC0) == 0x80)
            continue; // a continuation byte: look further back
        const int length = (b & 0xE0) == 0xC0   ? 2
                           : (b & 0xF0) == 0xE0 ? 3
                           : (b & 0xF8) == 0xF0 ? 4
                                                : 1;
        return length > back ? back : 0;
    }
    return 0;
}

// The column of a cell reference ("C7" -> 3), or 0 when it has none or it
// lies beyond `max`.
int columnOf(QStringView ref, int max)
{
    int column = 0;
    for (const QChar ch : ref) {
        if (!ch.isLetter() || ch.unicode() > 'z')
            break;
        column = column * 26 + (ch.toUpper().unicode() - 'A' + 1);
        if (column > max || column < 1)
            return max + 1;
    }
    return column;
}

Result<QList<QStringList>> readXlsx(const QString& path, const QString& source,
                                    const ImportOptions& options)
{
    const ImportLimits& limits = options.limits;
    auto sheet = readZipEntry(path, QByteArrayLiteral("xl/worksheets/sheet1.xml"), limits.zip);
    if (!sheet)
        return Error{ProcessorImport::tr("%1 cannot be read as an XLSX workbook: %2")
                         .arg(source, sheet.error())};
    if (!sheet.value() || sheet.value()->isEmpty())
        return Error{
            ProcessorImport::tr("%1 is not an XLSX workbook with a first sheet.").arg(source)};
    auto strings = readZipEntry(path, QByteArrayLiteral("xl/sharedStrings.xml"), limits.zip);
    if (!strings)
        return Error{ProcessorImport::tr("%1 cannot be read as an XLSX workbook: %2")
                         .arg(source, strings.error())};
    QStringList shared;
    QXmlStreamReader s(strings.value().value_or(QByteArray()));
    QString current;
    bool inSi = false;
    while (!s.atEnd()) {
        s.readNext();
        if (s.isStartElement() && s.name() == u"si") {
            inSi = true;
            current.clear();
        } else if (s.isEndElement() && s.name() == u"si") {
            inSi = false;
            shared << current;
        } else if (inSi && s.isStartElement() && s.name() == u"t") {
            current += s.readElementText();
        }
    }
    if (s.hasError() && s.error() != QXmlStreamReader::PrematureEndOfDocumentError)
        return Error{ProcessorImport::tr("%1: the shared strings are damaged (%2).")
                         .arg(source, s.errorString())};
    const qint64 total = sheet.value()->size();
    QList<QStringList> rows;
    QXmlStreamReader r(*sheet.value());
    QStringList row;
    qint64 rowNumber = 0;
    qint64 cells = 0;
    QString ref, type;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == u"row") {
            row.clear();
            const auto number = r.attributes().value(QLatin1String("r"));
            // Without a number a row follows the one before.
            rowNumber = number.isEmpty() ? rows.size() + 1 : number.toLongLong();
            if (rowNumber < 1 || rowNumber > limits.maxRows + 1)
                return Error{
                    ProcessorImport::tr(
                        "%1: the sheet has a row numbered '%2' (at most %3 rows are read).")
                        .arg(source, number.toString())
                        .arg(limits.maxRows)};
            if (options.progress && rows.size() % 4096 == 0 &&
                !options.progress(r.characterOffset(), total))
                return cancelled(source);
        } else if (r.isEndElement() && r.name() == u"row") {
            cells += std::max<qint64>(rowNumber - 1 - rows.size(), 0); // blank rows between
            while (rows.size() < rowNumber - 1)
                rows << QStringList(); // blank rows keep their numbers
            rows << row;
        } else if (r.isStartElement() && r.name() == u"c") {
            ref = r.attributes().value(QLatin1String("r")).toString();
            type = r.attributes().value(QLatin1String("t")).toString();
        } else if (r.isStartElement() && (r.name() == u"v" || r.name() == u"t")) {
            const QString value = r.readElementText();
            const int column = columnOf(ref, limits.maxColumns);
            if (column > limits.maxColumns)
                return Error{
                    ProcessorImport::tr("%1: cell %2 lies beyond column %3, the last one read.")
                        .arg(source, ref.left(16))
                        .arg(limits.maxColumns)};
            cells += std::max<qint64>(column - row.size(), 0);
            if (cells > limits.maxCells)
                return Error{ProcessorImport::tr("%1: the sheet has more than %2 cells (at %3).")
                                 .arg(source)
                                 .arg(limits.maxCells)
                                 .arg(ref.left(16))};
            while (row.size() < column)
                row << QString();
            if (column > 0)
                row[column - 1] = type == u"s" ? shared.value(value.toInt()) : value;
        }
    }
    if (r.hasError())
        return Error{
            ProcessorImport::tr("%1: the sheet is damaged (%2).").arg(source, r.errorString())};
    if (options.progress && !options.progress(total, total))
        return cancelled(source);
    return rows;
}

QString jsonType(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return ProcessorImport::tr("null");
    case QJsonValue::Bool:
        return ProcessorImport::tr("true or false");
    case QJsonValue::Double:
        return ProcessorImport::tr("a number");
    case QJsonValue::String:
        return ProcessorImport::tr("text");
    case QJsonValue::Array:
        return ProcessorImport::tr("a list");
    case QJsonValue::Object:
        return ProcessorImport::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return ProcessorImport::tr("nothing");
}

// A cell from a JSON value: text, a number, true/false, or a list of those
// (joined with ", "); an object has no cell to go in.
std::optional<QString> jsonCell(const QJsonValue& value)
{
    if (value.isObject())
        return std::nullopt;
    if (!value.isArray())
        return value.toVariant().toString();
    QStringList parts;
    for (const QJsonValue& part : value.toArray()) {
        if (part.isObject() || part.isArray())
            return std::nullopt;
        parts << part.toVariant().toString();
    }
    return parts.join(QStringLiteral(", "));
}

// A list of objects: a JSON array, {"processors": [...]}, or the annex as
// this app exports it ({"columns": [...], "rows": [...]}, docs/annex-json.md).
Result<ImportTable> readJson(QIODevice& file, ImportTable table, const ImportOptions& options)
{
    const ImportLimits& limits = options.limits;
    const QString& source = table.source;
    if (file.size() > limits.maxJsonBytes)
        return Error{ProcessorImport::tr(
                         "%1 is %2; a JSON list is read whole and may have at most %3 (a CSV file "
                         "of any size can be imported).")
                         .arg(source, dataSize(file.size()), dataSize(limits.maxJsonBytes))};
    QByteArray bytes = file.readAll();
    if (bytes.contains('\0'))
        return Error{notText(source)};
    if (bytes.startsWith("\xef\xbb\xbf"))
        bytes.remove(0, 3);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    bytes.clear();
    if (doc.isNull())
        return Error{ProcessorImport::tr("%1: the JSON is malformed at character %2 (%3).")
                         .arg(source)
                         .arg(error.offset)
                         .arg(error.errorString())};
    QJsonArray items;
    if (doc.isArray()) {
        items = doc.array();
    } else {
        const QJsonObject o = doc.object();
        const QString field = o.contains(QLatin1String("processors")) ? QStringLiteral("processors")
                              : o.contains(QLatin1String("rows"))     ? QStringLiteral("rows")
                                                                      : QString();
        if (field.isEmpty())
            return Error{ProcessorImport::tr(
                             "%1: expected an array of processors (or an object with a "
                             "\"processors\" list, or the \"rows\" of an exported annex); the "
                             "object has none.")
                             .arg(source)};
        if (!o.value(field).isArray())
            return Error{ProcessorImport::tr("%1: \"%2\" is %3, expected an array of processors.")
                             .arg(source, field, jsonType(o.value(field)))};
        items = o.value(field).toArray();
        for (const QJsonValue& c : o.value(QLatin1String("columns")).toArray())
            if (c.isString() && !table.header.contains(c.toString()))
                table.header << c.toString();
    }
    if (items.isEmpty())
        return Error{ProcessorImport::tr("%1: the list of processors is empty.").arg(source)};
    if (items.size() > limits.maxRows)
        return Error{ProcessorImport::tr("%1: the list has more than %2 items.")
                         .arg(source)
                         .arg(limits.maxRows)};
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue v = items.at(i);
        if (!v.isObject())
            return Error{ProcessorImport::tr("%1: item %2 is %3, expected an object.")
                             .arg(source)
                             .arg(i + 1)
                             .arg(jsonType(v))};
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!table.header.contains(it.key())) {
                if (table.header.size() >= limits.maxColumns)
                    return Error{
                        ProcessorImport::tr("%1: the items have more than %2 different fields.")
                            .arg(source)
                            .arg(limits.maxColumns)};
                table.header << it.key();
            }
        }
    }
    if (qint64(items.size()) * table.header.size() > limits.maxCells)
        return Error{ProcessorImport::tr("%1: the list has more than %2 cells (items x fields).")
                         .arg(source)
                         .arg(limits.maxCells)};
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        QStringList row;
        for (const QString& key : std::as_const(table.header)) {
            const auto cell = jsonCell(o.value(key));
            if (!cell)
                return Error{ProcessorImport::tr(
                                 "%1: item %2, field \"%3\" is %4, expected text, a number or a "
                                 "list of them.")
                                 .arg(source)
                                 .arg(i + 1)
                                 .arg(key.left(64), jsonType(o.value(key)))};
            row << *cell;
        }
        table.rows << row;
    }
    if (options.progress && !options.progress(file.size(), file.size()))
        return cancelled(source);
    return table;
}

// CSV or TSV, read piece by piece: the file is never in memory whole.
Result<QList<QStringList>> readDelimited(QIODevice& file, const QString& suffix, ImportTable& table,
                                         const ImportOptions& options)
{
    const QString& source = table.source;
    const qint64 total = file.size();
    QByteArray chunk(kChunk + 4, Qt::Uninitialized);
    QByteArray carry; // the start of a UTF-8 sequence the next piece ends
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless |
                                                     QStringDecoder::Flag::ConvertInitialBom);
    std::optional<DelimitedParser> parser;
    const ImportLimits& l = options.limits;
    qint64 done = 0;
    bool sawText = false;
    bool first = true;
    for (;;) {
        std::memcpy(chunk.data(), carry.constData(), size_t(carry.size()));
        const qint64 n = file.read(chunk.data() + carry.size(), kChunk);
        if (n < 0)
            return Error{ProcessorImport::tr("Cannot read %1: %2").arg(source, file.errorString())};
        const bool atEnd = n == 0;
        done += n;
        QByteArrayView bytes(chunk.constData(), carry.size() + n);
        if (std::memchr(bytes.data(), 0, size_t(bytes.size())))
            return Error{notText(source)};
        const int tail = atEnd ? 0 : incompleteUtf8Tail(bytes);
        carry = bytes.last(tail).toByteArray();
        bytes.chop(tail);
        QString text = decoder(bytes);
        if (decoder.hasError()) {
            const qsizetype bad = text.indexOf(QChar(QChar::ReplacementCharacter));
            const qint64 line = (parser ? parser->line() : 1) + text.left(bad).count(u'\n');
            return Error{
                ProcessorImport::tr("%1 is not UTF-8 text (line %2).").arg(source).arg(line)};
        }
        if (first) {
            first = false;
            if (text.startsWith(QChar(QChar::ByteOrderMark)))
                text.remove(0, 1);
            const QString firstLine = text.section(u'\n', 0, 0);
            QChar separator = u',';
            if (suffix == u"tsv" || firstLine.count(u'\t') > firstLine.count(u','))
                separator = u'\t';
            else if (firstLine.count(u';') > firstLine.count(u','))
                separator = u';';
            parser.emplace(separator, DelimitedParser::Limits{l.maxRows, l.maxColumns, l.maxCells,
                                                              l.maxRecordBytes});
        }
        sawText = sawText || !QStringView(text).trimmed().isEmpty();
        if (!parser->feed(text))
            return Error{ProcessorImport::tr("%1: %2").arg(source, parser->error())};
        table.peakInputBytes =
            std::max(table.peakInputBytes,
                     qint64(bytes.size()) + qint64(text.size()) * 2 + parser->pendingBytes());
        if (options.progress && !options.progress(done, total))
            return cancelled(source);
        if (atEnd)
            break;
    }
    if (!sawText)
        return Error{ProcessorImport::tr("%1 is empty.").arg(source)};
    if (!parser->finish())
        return Error{ProcessorImport::tr("%1: %2").arg(source, parser->error())};
    return parser->takeRows();
}

// A saved web page or a Markdown file (by its name, or its first bytes).
bool isPageOrMarkdown(const QString& suffix, const QByteArray& head)
{
    if (suffix == u"html" || suffix == u"htm" || suffix == u"md" || suffix == u"markdown")
        return true;
    const QString start = QString::fromUtf8(head.left(4096));
    return looksLikeHtml(start) ||
           (!start.trimmed().startsWith(u'[') && !start.trimmed().startsWith(u'{') &&
            looksLikeMarkdownTable(start));
}

// The first non-blank row is the header; blank rows at the end go.
Result<ImportTable> withHeader(ImportTable table, QList<QStringList> rows)
{
    while (!rows.isEmpty() && rows.last().join(QString()).trimmed().isEmpty())
        rows.removeLast();
    if (rows.isEmpty() || rows.first().join(QString()).trimmed().isEmpty())
        return Error{ProcessorImport::tr("%1 has no header row.").arg(table.source)};
    table.header = rows.takeFirst();
    table.rows = std::move(rows);
    return table;
}

} // namespace

Result<ImportTable> readImportFile(const QString& path, const ImportOptions& options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ProcessorImport::tr("Cannot read %1: %2").arg(path, file.errorString())};
    ImportTable table;
    table.source = QFileInfo(path).fileName();
    const QByteArray head = file.peek(kChunk);
    if (head.trimmed().isEmpty() && file.size() <= kChunk)
        return Error{ProcessorImport::tr("%1 is empty.").arg(table.source)};
    if (options.progress && !options.progress(0, file.size()))
        return cancelled(table.source);
    const QString suffix = QFileInfo(path).suffix().toLower();
    QList<QStringList> rows;
    if (isPageOrMarkdown(suffix, head)) {
        if (file.size() > options.limits.maxJsonBytes)
            return Error{ProcessorImport::tr("%1 is %2; a web page or Markdown file may have at "
                                             "most %3.")
                             .arg(table.source, dataSize(file.size()),
                                  dataSize(options.limits.maxJsonBytes))};
        return readImportBytes(file.readAll(), table.source, suffix, options);
    }
    if (suffix == u"xlsx" || head.startsWith("PK\x03\x04")) {
        file.close();
        auto read = readXlsx(path, table.source, options);
        if (!read)
            return Error{read.error()};
        rows = std::move(read).value();
    } else {
        QByteArray start = head;
        if (start.startsWith("\xef\xbb\xbf"))
            start.remove(0, 3);
        start = start.trimmed();
        if (suffix == u"json" || start.startsWith('[') || start.startsWith('{'))
            return readJson(file, std::move(table), options);
        auto read = readDelimited(file, suffix, table, options);
        if (!read)
            return Error{read.error()};
        rows = std::move(read).value();
        // Undo the apostrophe our own exports put before formula-like cells.
        for (QStringList& row : rows)
            for (QString& cell : row)
                cell = csvRestored(cell);
    }
    return withHeader(std::move(table), std::move(rows));
}

Result<ImportTable> readImportBytes(const QByteArray& bytes, const QString& source,
                                    const QString& suffix, const ImportOptions& options)
{
    ImportTable table;
    table.source = source;
    if (bytes.trimmed().isEmpty())
        return Error{ProcessorImport::tr("%1 is empty.").arg(source)};
    if (bytes.contains('\0'))
        return Error{notText(source)};
    QByteArray start = bytes.left(kChunk);
    if (start.startsWith("\xef\xbb\xbf"))
        start.remove(0, 3);
    start = start.trimmed();
    if (isPageOrMarkdown(suffix, start)) {
        QStringDecoder decoder(QStringDecoder::Utf8);
        QString text = decoder(bytes);
        if (decoder.hasError())
            return Error{ProcessorImport::tr("%1 is not UTF-8 text.").arg(source)};
        if (text.startsWith(QChar(QChar::ByteOrderMark)))
            text.remove(0, 1);
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        auto rows = looksLikeHtml(text) || suffix == u"html" || suffix == u"htm"
                        ? readHtmlTable(text, source)
                        : readMarkdownTable(text, source);
        if (!rows)
            return Error{rows.error()};
        return withHeader(std::move(table), std::move(rows).value());
    }
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    if (suffix == u"json" || start.startsWith('[') || start.startsWith('{'))
        return readJson(buffer, std::move(table), options);
    auto read = readDelimited(buffer, suffix, table, options);
    if (!read)
        return Error{read.error()};
    QList<QStringList> rows = std::move(read).value();
    for (QStringList& row : rows)
        for (QString& cell : row)
            cell = csvRestored(cell);
    return withHeader(std::move(table), std::move(rows));
}

} // namespace workbench
