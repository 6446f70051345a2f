#pragma once

#include "domain/Result.h"
#include "storage/AuditLog.h"

#include <QByteArray>
#include <QString>

namespace workbench {

// What every export file shares: how it is written, and the audit head its
// footer names.

enum class FileAccess
{
    Shared,    // the user's umask decides (annexes: vendors' data only)
    OwnerOnly, // 0600 from the moment the file exists: requesters' personal data
};

// Writes `bytes` to `path` atomically (a temporary file beside it, renamed
// over it). With OwnerOnly the temporary file is created readable and
// writable by its owner alone, so at no moment can another user open the
// content, and a file that was there before (whatever its mode) is replaced.
Status writeExportFile(const QString& path, const QByteArray& bytes, FileAccess access);

// "Audit head #1234 · 3f2a9c1e0b4d (verify --expect-head 1234:3f2a9c1e0b4d)":
// the state of the audit log the export was made at, in the form `verify`
// checks it against later.
QString auditFooter(const AuditHead& head);

} // namespace workbench
