#pragma once

#include "Zip.h"
#include "domain/Result.h"

#include <QStringList>
#include <functional>

namespace workbench {

// A processor list as vendors publish it (CSV, TSV, XLSX, JSON, a web page's
// table or a Markdown table): a header
// and rows of text.
struct ImportTable
{
    QString source;
    QStringList header;
    QList<QStringList> rows;
    // The most of the file the reader held at once besides the rows it had
    // already parsed (CSV and TSV are read in chunks, record by record).
    qint64 peakInputBytes = 0;
};

// What one import may cost; a file beyond them is refused with the reason.
struct ImportLimits
{
    int maxRows = 1'000'000;
    int maxColumns = 1024;
    qint64 maxCells = 8'000'000; // rows x columns, empty cells included
    // One CSV/TSV record (a quoted field that is never closed grows to this).
    qint64 maxRecordBytes = qint64(1) << 20;
    // JSON is parsed whole (and needs ~4x its size while parsing).
    qint64 maxJsonBytes = qint64(64) << 20;
    ZipLimits zip; // XLSX
};

struct ImportOptions
{
    ImportLimits limits;
    // Called as the file is read, with the bytes done of the total; returning
    // false cancels the read (the answer is then an error).
    std::function<bool(qint64 done, qint64 total)> progress;
};

// Reads a file; a broken one (empty, binary, malformed, beyond the limits)
// is refused with what and where.
Result<ImportTable> readImportFile(const QString& path, const ImportOptions& options = {});
// The same for text in memory (pasted, or fetched): `source` names it in
// messages, `suffix` ("csv", "html", ...; may be empty) hints at its format.
// Also reads a saved web page's table and a Markdown table (as files do).
Result<ImportTable> readImportBytes(const QByteArray& bytes, const QString& source,
                                    const QString& suffix = {}, const ImportOptions& options = {});

} // namespace workbench
