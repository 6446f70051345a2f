#pragma once

#include "Records.h"

#include <QDateTime>

namespace workbench {

// What is known of one person, for their schedule.
struct PersonDates
{
    QDateTime accountDeletion; // when they deleted their account (required)
    QDate signUp;              // optional
    QDate lastTransaction;     // optional; the deletion date is assumed when unknown
};

// One thing the organization does to that person's data, and when.
struct ScheduledAction
{
    QDateTime at; // invalid when the rule gives no date (see `note`)
    RetentionRule rule;
    QString what; // "Delete live data", "Anonymize spend-ledger personal identifiers", ...
    QString note; // how the date was reached, or why there is none
    bool withinLimit = false; // "within 30 days": at the latest

    friend bool operator==(const ScheduledAction&, const ScheduledAction&) = default;
};

// The dated schedule of what happens to one person's data after they delete
// their account, built from the organization's rules, soonest first (dateless
// steps last).
QList<ScheduledAction> retentionSchedule(const QList<RetentionRule>& rules,
                                         const PersonDates& person);

// A gap between the registry and the retention rules.
struct RetentionGap
{
    enum class Kind
    {
        ProcessorWithoutRule,
        RuleForOffboardedProcessor,
        RuleWithoutPeriod
    };
    Kind kind;
    QString recordId;   // the processor or the rule
    QString recordType; // "processors" or "retention-rules"
    QString text;
};

QList<RetentionGap> retentionGaps(const QList<RetentionRule>& rules,
                                  const QList<Processor>& processors);

// "90 days", "while the account is active", "no period stated".
QString describePeriod(const RetentionRule& rule);

} // namespace workbench
