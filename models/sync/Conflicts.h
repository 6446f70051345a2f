#pragma once

#include "domain/Result.h"
#include "storage/SyncRows.h"

#include <QSet>

namespace workbench {
class Database;
class Workspace;
} // namespace workbench

namespace workbench::sync {

// A local edit the server refused is a Conflict (storage/SyncRows.h), kept
// by the sync store. Oldest first; the base and the server's record as this
// app writes them, so they compare field by field.
Result<QList<Conflict>> loadConflicts(Database& db);

// Resolves a conflict: the fields in `keepMine` take the officer's value,
// every other field the server's. The result is saved with the server's
// version (audited), the kept fields are queued to be sent again against
// that version, and the conflict goes, all in one transaction. An empty
// `keepMine` takes the server's record as it is (a record the server
// deleted is deleted here too); keeping fields of a deleted record is
// refused with a message that says why.
Status resolveConflict(Workspace& ws, const Conflict& conflict, const QSet<QString>& keepMine);

} // namespace workbench::sync
