#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <optional>

namespace workbench {

// Zip files of the office formats (DOCX writing, XLSX reading), with
// minizip — the zip library libxlsxwriter itself uses.

// Writes `entries` (name, content) into a new zip at `path`, atomically.
// Entries named in `stored` are not compressed (ODF's "mimetype" must not be).
Status writeZip(const QString& path, const QList<QPair<QByteArray, QByteArray>>& entries,
                const QList<QByteArray>& stored = {});
// What reading a zip may cost. A zip states every entry's sizes in its
// central directory; those are checked before anything is inflated, and the
// inflated bytes are counted again while reading, since a directory can lie.
struct ZipLimits
{
    qint64 maxEntryBytes = qint64(64) << 20;  // one entry, inflated
    qint64 maxTotalBytes = qint64(256) << 20; // every entry together, inflated
    int maxEntries = 10000;
    // Entries larger than this may not inflate to more than maxRatio times
    // their compressed size (text compresses 5-20:1; zeros, 1000:1).
    qint64 ratioFloorBytes = qint64(1) << 20;
    int maxRatio = 100;
};

// One entry of the zip at `path`, inflated: std::nullopt when the zip has no
// such entry; an error naming the entry when the zip is damaged or would
// inflate beyond `limits` (a possible zip bomb), refused before inflating.
Result<std::optional<QByteArray>> readZipEntry(const QString& path, const QByteArray& entry,
                                               const ZipLimits& limits = {});
// One entry of a zip, or empty when the file or the entry is missing, damaged
// or beyond the default limits.
QByteArray unzipEntry(const QString& path, const char* entry);

} // namespace workbench
