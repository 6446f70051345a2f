#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace workbench {
class Database;
class Workspace;
} // namespace workbench

namespace workbench::sync {

// A local edit the server refused: nothing is overwritten until the officer
// chooses, field by field, whose value stays.
struct Conflict
{
    QString id; // the refused outbox entry's
    QString source;
    QString resource;
    QString recordId;
    QString reason; // "changed": the server's record moved on; "gone": deleted there
    qint64 baseVersion = 0;
    QJsonObject mine;   // the fields the officer changed, as changed
    QJsonObject base;   // the record as it was before the edit
    QJsonObject server; // the server's record now (empty when gone)
    QDateTime createdAt;

    bool gone() const { return server.isEmpty(); }
    // The fields to decide: the officer's changes, then what the server
    // changed since the base (bookkeeping fields left out).
    QStringList fields() const;
};

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
