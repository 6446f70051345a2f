#pragma once

#include "domain/Deadlines.h"
#include "storage/Workspace.h"

#include <QCoreApplication>

namespace workbench {

// Which requests' stored due dates to compute again.
struct DeadlineSelection
{
    QString organizationId;   // empty: every organization
    bool onlyMissing = false; // only requests that have no due date yet
};

// The deadline rules of the workspace and what follows from them: the rule
// table (the shipped defaults overlaid with the officer's edits), each
// organization's holidays and promise, a request's deadlines, and the due
// dates stored with the requests (which the queue sorts and filters by).
// Every edit writes its audit entry and the recomputed due dates in one
// transaction.
class DeadlineRulesService
{
    Q_DECLARE_TR_FUNCTIONS(DeadlineRulesService)

public:
    explicit DeadlineRulesService(Workspace& workspace);

    DeadlineRuleSet rules() const;
    // The rule of one jurisdiction, or an error naming it.
    Result<DeadlineRule> rule(const QString& jurisdiction) const;
    Result<DeadlineRule> rule(Jurisdiction jurisdiction) const
    {
        return rule(toWire(jurisdiction));
    }
    Status saveRule(const DeadlineRule& rule);
    Status restoreDefaultRules();

    HolidayCalendar holidays(const QString& organizationId) const;
    Status setHolidays(const QString& organizationId, const HolidayCalendar& calendar);
    // The organization's own commitment (days), if it has one.
    std::optional<int> promiseDays(const QString& organizationId) const;

    // What a request's deadlines are computed from.
    DeadlineInput inputOf(const RightsRequest& request, int pausedDays) const;
    // A request's deadlines (none when its jurisdiction has no rule).
    Deadlines deadlinesOf(const RightsRequest& request, int pausedDays) const;

    // Computes the stored due dates again (after a rule or holiday change,
    // or a pull), for the selected requests.
    Status recomputeDeadlines(const DeadlineSelection& which = {});
    // Computes the due dates of requests that have none yet (after an
    // upgrade from an older schema, or a pull: a synced request's due dates
    // are cleared when it is written).
    Status fillMissingDeadlines();

private:
    Workspace& m_workspace;
};

} // namespace workbench
