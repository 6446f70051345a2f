#include "DelimitedParser.h"

#include <QCoreApplication>
#include <QLocale>

namespace workbench {

namespace {
// The translation context of this file's messages (the catalogues know it
// by this name).
struct ProcessorImport
{
    Q_DECLARE_TR_FUNCTIONS(ProcessorImport)
};
} // namespace

DelimitedParser::DelimitedParser(QChar separator, Limits limits)
    : m_separator(separator)
    , m_limits(limits)
{}

bool DelimitedParser::fail(const QString& message)
{
    m_error = message;
    return false;
}

bool DelimitedParser::endField()
{
    m_row << m_field.trimmed();
    m_field.clear();
    if (m_row.size() > m_limits.maxColumns)
        return fail(ProcessorImport::tr("row %1 (line %2) has more than %3 columns.")
                        .arg(m_rows.size() + 1)
                        .arg(m_recordLine)
                        .arg(m_limits.maxColumns));
    if (++m_cells > m_limits.maxCells)
        return fail(ProcessorImport::tr("the file has more than %1 cells (at row %2).")
                        .arg(m_limits.maxCells)
                        .arg(m_rows.size() + 1));
    return true;
}

bool DelimitedParser::endRecord()
{
    if (!endField())
        return false;
    m_rows << std::move(m_row);
    m_row = QStringList();
    m_recordChars = 0;
    m_any = false;
    if (m_rows.size() > m_limits.maxRows)
        return fail(ProcessorImport::tr("the file has more than %1 rows.").arg(m_limits.maxRows));
    return true;
}

bool DelimitedParser::feed(QStringView text)
{
    if (!m_error.isEmpty())
        return false;
    const qint64 maxChars = m_limits.maxRecordBytes / qint64(sizeof(QChar));
    for (const QChar c : text) {
        if (m_afterCr) {
            m_afterCr = false;
            if (c == u'\n')
                continue; // CRLF: one end of record
        }
        if (m_quotePending) {
            m_quotePending = false;
            if (c == u'"') {
                m_field += u'"';
                ++m_recordChars;
                continue;
            }
            m_quoted = false; // that quote closed the field; c is read unquoted
        }
        if (m_quoted) {
            if (c == u'"') {
                m_quotePending = true;
                continue;
            }
            m_field += c;
            if (c == u'\n')
                ++m_line;
        } else if (c == u'"') {
            m_quoted = true;
            m_any = true;
            continue;
        } else if (c == m_separator) {
            if (!endField())
                return false;
            m_any = true;
        } else if (c == u'\n' || c == u'\r') {
            if (!endRecord())
                return false;
            ++m_line;
            m_recordLine = m_line;
            m_afterCr = c == u'\r';
            continue;
        } else {
            m_field += c;
            m_any = m_any || !c.isSpace();
        }
        if (++m_recordChars > maxChars)
            return fail(ProcessorImport::tr(
                            "row %1 (from line %2) is longer than %3; is a quoted field never "
                            "closed?")
                            .arg(m_rows.size() + 1)
                            .arg(m_recordLine)
                            .arg(QLocale().formattedDataSize(m_limits.maxRecordBytes, 1,
                                                             QLocale::DataSizeSIFormat)));
    }
    return true;
}

bool DelimitedParser::finish()
{
    if (!m_error.isEmpty())
        return false;
    if (m_quotePending) {
        m_quotePending = false;
        m_quoted = false;
    }
    if (m_quoted)
        return fail(ProcessorImport::tr(
                        "row %1 (from line %2) opens a quoted field that is not closed by the end "
                        "of the file.")
                        .arg(m_rows.size() + 1)
                        .arg(m_recordLine));
    if (m_any || !m_field.trimmed().isEmpty())
        return endRecord();
    return true;
}

} // namespace workbench
