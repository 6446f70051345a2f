#pragma once

#include <QList>
#include <QStringList>

namespace workbench {

// CSV/TSV (RFC 4180, leniently) fed piece by piece: quoted fields may span
// lines and pieces; "" inside quotes is a quote; CRLF, LF and CR end a
// record; fields are trimmed; a blank line stays a (blank) row so rows keep
// the numbers the file gives them.
class DelimitedParser
{
public:
    struct Limits
    {
        int maxRows = 1'000'000;
        int maxColumns = 1024;
        qint64 maxCells = 8'000'000;
        qint64 maxRecordBytes = qint64(1) << 20; // as UTF-16 in memory
    };

    DelimitedParser(QChar separator, Limits limits);

    // The next piece of text; false once a limit is passed (see error()).
    bool feed(QStringView text);
    // The end of the text; false when a quoted field is still open.
    bool finish();

    const QList<QStringList>& rows() const { return m_rows; }
    QList<QStringList> takeRows() { return std::move(m_rows); }
    // What went wrong, with the row (as the file counts them) and line.
    const QString& error() const { return m_error; }
    // The record being read, in bytes (it is not a row yet).
    qint64 pendingBytes() const { return m_recordChars * qint64(sizeof(QChar)); }
    // Lines started so far (1-based), for messages about the text.
    qint64 line() const { return m_line; }

private:
    bool endField();
    bool endRecord();
    bool fail(const QString& message);

    QChar m_separator;
    Limits m_limits;
    QList<QStringList> m_rows;
    QStringList m_row;
    QString m_field;
    qint64 m_recordChars = 0;
    qint64 m_cells = 0;
    qint64 m_line = 1;
    qint64 m_recordLine = 1; // where the record being read started
    bool m_quoted = false;
    bool m_quotePending = false; // a quote inside quotes: closing, or the first of ""
    bool m_afterCr = false;      // a CR ended a record: a LF right after belongs to it
    bool m_any = false;          // the record has a separator, a quote or non-blank text
    QString m_error;
};

} // namespace workbench
