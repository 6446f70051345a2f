#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>

namespace workbench {

// Zip files of the office formats (DOCX writing, XLSX reading), with
// minizip — the zip library libxlsxwriter itself uses.

// Writes `entries` (name, content) into a new zip at `path`, atomically.
// Entries named in `stored` are not compressed (ODF's "mimetype" must not be).
Status writeZip(const QString& path, const QList<QPair<QByteArray, QByteArray>>& entries,
                const QList<QByteArray>& stored = {});
// One entry of a zip, or empty when the file or the entry is missing.
QByteArray unzipEntry(const QString& path, const char* entry);

} // namespace workbench
