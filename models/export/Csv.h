#pragma once

#include <QList>
#include <QStringList>

namespace workbench {

// CSV and TSV as every export of the app writes them (the annex, the person
// schedule, a table's visible rows, the copied selection, the CLI).
//
// A cell that starts with '=', '+', '-', '@', a tab or a carriage return is
// what spreadsheets run as a formula (or a DDE command) when the file is
// opened: such a cell gets a leading apostrophe, the mark spreadsheet tools
// themselves use for "this is text", before the usual RFC 4180 quoting.
// Two choices, made on purpose:
// - a plain negative number ("-12", "-3.5") is written as it is: a
//   spreadsheet reads it as that number and nothing else (no function, no
//   reference, no command can follow), and the request queue's days left
//   (negative once overdue) stays a number to sort by. "-1e5", "-2+3" and
//   anything else starting with '-' are neutralised.
// - a cell that already starts with apostrophes followed by one of those
//   characters gets one more, so that csvRestored() (applied by the app's own
//   import) gives back exactly the original text for every cell.
//
// CSV carries no footer (no audit head line): a trailing comment line is not
// RFC 4180 and spreadsheets and importers would read it as a data row.

// The cell as text a spreadsheet will not run.
QString csvNeutralised(const QString& text);
// The inverse of csvNeutralised() for a cell read back from CSV or TSV.
QString csvRestored(const QString& text);

// One field: neutralised, then quoted when it holds the separator, a quote
// or a line break (quotes doubled).
QString csvField(const QString& text, QChar separator = u',');
// One line of fields, without its line end.
QString csvLine(const QStringList& cells, QChar separator = u',');
// A header and rows, each line ended by CRLF (RFC 4180).
QString csvDocument(const QStringList& header, const QList<QStringList>& rows,
                    QChar separator = u',');

} // namespace workbench
