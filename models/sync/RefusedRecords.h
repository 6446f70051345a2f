#pragma once

#include "domain/Result.h"
#include "storage/SyncRows.h"

#include <QMap>

namespace workbench {
class Database;
class Workspace;
struct TableSpec;
} // namespace workbench

namespace workbench::sync {

// Refusal and RefusedRecord are rows of the sync store (storage/SyncRows.h):
// the store keeps the waiting list (sync_refused); the engine writes it
// inside its transactions.

// Every record waiting, oldest first (or those of one resource).
Result<QList<RefusedRecord>> loadRefused(Database& db, const QString& resource = {});
// How many records wait, per cause.
Result<QMap<QString, int>> refusedCauses(Database& db);

// The creates of records made here that a server refused (400/422), oldest
// first, each with the server's reason and the field it named. They wait
// in the outbox until the officer corrects the record (the next sync sends
// it again); nothing of the record is lost.
Result<QList<OutboxEntry>> loadRefusedCreates(Database& db);

// The officer gives up on a kept record: it is removed from the waiting
// list and never tried again (until the server sends it anew), with an
// audit entry that keeps the record as it was sent. An id that is not
// waiting is an error that says so.
Status dismissRefused(Workspace& ws, const QString& resource, const QString& id);

// Why the database refused `record` of `spec`: a reference to a record
// that is not in the workspace (named), else the database's own message.
Refusal explainRefusal(Database& db, const TableSpec& spec, const QJsonObject& record,
                       const QString& databaseMessage);
// A record the contract's checks refused ("field reason" as the checks say).
Refusal invalidRecord(const QString& problem);

} // namespace workbench::sync
