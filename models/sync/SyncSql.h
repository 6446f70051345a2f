#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

// What the sync's tables share when they write: the time stamp they store
// and how a failed statement becomes a Status. Private to models/sync.
namespace workbench::sync {

inline QString utcNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

inline Status sqlError(const QSqlQuery& q)
{
    return Error{q.lastError().text()};
}

} // namespace workbench::sync
