#pragma once

#include "domain/Deadlines.h"
#include "domain/RequestWorkflow.h"
#include "storage/Workspace.h"

#include <functional>

namespace workbench {

// A request as the workbench holds it: the contract's record, its
// per-processor tasks, and the local bookkeeping (pauses, notices, outcome).
struct RequestSnapshot
{
    RightsRequest request;
    QList<RequestTask> tasks;
    int pausedDays = 0;
    QDate pausedSince;
    QDate extensionNotifiedOn;
    QDate acknowledgedOn;
    QString outcome;

    QJsonObject toJson() const; // what the audit log stores
    bool isPaused() const { return pausedSince.isValid(); }
};

// Everything the detail pane shows.
struct RequestDetail
{
    RequestSnapshot snapshot;
    QList<RequestEvent> events;
    DeadlineRule rule;
    Deadlines deadlines;
    QString organizationName;
};

// Works rights requests: deadlines from the rule table and the
// organization's holidays, the status workflow, per-processor tasks and the
// history. Every action writes the request, its history and an audit entry
// in one transaction; a refused action says why and changes nothing.
class RequestService : public QObject
{
    Q_OBJECT

public:
    explicit RequestService(Workspace& workspace, QObject* parent = nullptr);

    // "Now", for the dates actions record; tests set a fixed clock.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); }

    // The rule table: the shipped defaults overlaid with the officer's edits.
    DeadlineRuleSet rules() const;
    Status saveRule(const DeadlineRule& rule);
    Status restoreDefaultRules();
    HolidayCalendar holidays(const QString& organizationId) const;
    Status setHolidays(const QString& organizationId, const HolidayCalendar& calendar);

    Result<RequestSnapshot> snapshot(const QString& id) const;
    Result<RequestDetail> detail(const QString& id) const;
    Deadlines deadlinesOf(const RequestSnapshot& s) const;

    Status verifyIdentity(const QString& id);
    Status pause(const QString& id, const QString& reason);
    Status resume(const QString& id);
    Status extend(const QString& id, const QString& reason, QDate notifiedOn);
    Status assign(const QString& id, const QString& assignee);
    Status addNote(const QString& id, const QString& text);
    Status acknowledge(const QString& id);
    Status changeStatus(const QString& id, RequestStatus to, const QString& note = {});
    // Closes as fulfilled, rejected or withdrawn. Fulfilled with open
    // processor tasks needs `openTasksReason`.
    Status close(const QString& id, RequestStatus outcome, const QString& reason,
                 const QString& openTasksReason = {});
    Status generateTasks(const QString& id);
    Status setTaskState(const QString& id, qint64 taskId, TaskState state,
                        const QString& reason = {});
    // Puts a request back as it was (undo/redo), recorded as `eventKind`.
    Status restore(const RequestSnapshot& snapshot, const QString& summary,
                   const QString& eventKind);

    // Recomputes the stored due dates (after a rule or holiday change, or a
    // pull). `organizationId` empty: every request; `where`: only those
    // matching this SQL condition.
    Status recomputeDeadlines(const QString& organizationId = {}, const QString& where = {});
    // Computes the due dates of requests that have none yet (after an
    // upgrade from an older schema, or a pull: a synced request's due dates
    // are cleared when it is written).
    Status fillMissingDeadlines();

private:
    using Change = std::function<Status(RequestSnapshot& after, QList<RequestEvent>& events)>;
    Status mutate(const QString& id, const QString& summary, const QString& action,
                  const Change& change);
    Status write(const RequestSnapshot& s, const QList<RequestEvent>& events);
    std::optional<int> promiseDays(const QString& organizationId) const;
    DeadlineInput inputOf(const RequestSnapshot& s) const;

    Workspace& m_workspace;
    std::function<QDateTime()> m_clock;
};

} // namespace workbench
