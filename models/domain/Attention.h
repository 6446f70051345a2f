#pragma once

#include "Records.h"

#include <QDate>
#include <QList>

namespace workbench {

// What needs the officer's attention in the registry, as of `today`.
struct ProcessorAttention
{
    QString processorId;
    QString name;
    QString reason;
    QDate due; // when it applies (review date), else invalid
    bool overdue = false;
};

// Active processors whose review is due within `horizonDays` (or overdue),
// soonest first.
QList<ProcessorAttention> reviewsDue(const QList<Processor>& processors, QDate today,
                                     int horizonDays = 30);
// Active processors that hold personal data without a signed DPA.
QList<ProcessorAttention> dpaGaps(const QList<Processor>& processors);

// Published versions whose effective date is still ahead (users notified,
// not yet bound), soonest first.
QList<PolicyVersion> policiesAwaitingEffect(const QList<PolicyVersion>& versions, QDate today);
// Drafts, most recently changed first.
QList<PolicyVersion> policyDrafts(const QList<PolicyVersion>& versions);

} // namespace workbench
