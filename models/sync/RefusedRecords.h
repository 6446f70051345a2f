#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QStringList>

namespace workbench {
class Database;
class Workspace;
struct TableSpec;
} // namespace workbench

namespace workbench::sync {

// Why a record a server sent could not be applied. `cause` is short and
// shared by every record refused for the same reason ("missing
// organization", "invalid type"), so a run can say "2000 records ...:
// missing organization"; `reason` is the whole explanation.
struct Refusal
{
    QString field;
    QString cause;
    QString reason;
};

// A record kept because it was refused: tried again on every sync until it
// applies, a newer copy from the server replaces it, or the officer
// dismisses it.
struct RefusedRecord
{
    QString resource;
    QString id;
    QString source;
    qint64 version = 0;
    Refusal refusal;
    QJsonObject record; // as the server sent it
    QDateTime firstRefusedAt;
    QDateTime lastTriedAt;
    int tries = 0; // the sync runs that tried it, the one that refused it first included
};

// Every record waiting, oldest first (or those of one resource).
Result<QList<RefusedRecord>> loadRefused(Database& db, const QString& resource = {});
// How many records wait, per cause.
Result<QMap<QString, int>> refusedCauses(Database& db);

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

// The waiting list as the sync engine writes it, inside its transactions.
class RefusedStore
{
public:
    explicit RefusedStore(Database& db)
        : m_db(db)
    {}

    // The ids of `resource` waiting now (the engine asks once per resource,
    // then keeps the set current as it writes).
    Result<QSet<QString>> ids(const QString& resource);
    // Keeps (or replaces) the copy of a record with why it was refused; a
    // record tried again keeps its first date, and counts one more try when
    // `anotherTry` (the first time a sync run tries it: tries counts runs).
    Status keep(const QString& source, const QString& resource, const QJsonObject& record,
                const Refusal& refusal, bool anotherTry = true);
    Status drop(const QString& resource, const QString& id);

private:
    Database& m_db;
};

} // namespace workbench::sync
