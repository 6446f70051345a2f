#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

namespace workbench {

class Database;

// Figures about an organization's requests, read with index-backed queries.
struct RequestStats
{
    Q_DECLARE_TR_FUNCTIONS(RequestStats)

public:
    // Open requests by days left: overdue, 0-5, 6-10, 11-20, 21-30, more.
    QList<int> openByDaysLeft;
    static QStringList daysLeftBuckets();

    struct Month
    {
        QString month; // YYYY-MM
        int closed = 0;
        int onTime = 0;
    };
    QList<Month> onTimeByMonth; // the last 12 months, oldest first

    // `organizationId` empty: every organization.
    static Result<RequestStats> read(const Database& db, const QString& organizationId,
                                     QDate today);
};

// A request that needs attention today, for the Today page.
struct RequestAttention
{
    QString id;
    QString type;
    QString jurisdiction;
    QString status;
    QDate due;
};

struct RequestAttentionLists
{
    int overdueCount = 0;
    int dueThisWeekCount = 0;
    int acknowledgementsDueCount = 0;
    QList<RequestAttention> overdue;             // most overdue first
    QList<RequestAttention> dueThisWeek;         // soonest first
    QList<RequestAttention> acknowledgementsDue; // CCPA: confirm receipt by

    static Result<RequestAttentionLists> read(const Database& db, const QString& organizationId,
                                              QDate today, int limit = 25);
};

} // namespace workbench
