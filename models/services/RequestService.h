#pragma once

#include "DeadlineRulesService.h"
#include "domain/RequestWorkflow.h"
#include "storage/RequestQueueQuery.h"
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

// Works rights requests: the status workflow, per-processor tasks and the
// history, with the deadlines the deadline rules give (DeadlineRulesService). Every action writes
// the request, its history and an audit entry in one transaction; a refused action says why and
// changes nothing.
class RequestService : public QObject
{
    Q_OBJECT

public:
    explicit RequestService(Workspace& workspace, QObject* parent = nullptr);

    // "Now", for the dates actions record; tests set a fixed clock.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); }

    // The rules, holidays and promises the deadlines come from.
    DeadlineRulesService& deadlineRules() { return m_deadlines; }
    const DeadlineRulesService& deadlineRules() const { return m_deadlines; }

    Result<RequestSnapshot> snapshot(const QString& id) const;
    Result<RequestDetail> detail(const QString& id) const;
    Deadlines deadlinesOf(const RequestSnapshot& s) const;
    // The queue's rows for a filter, every row at once (the command line's
    // listing; the window pages through RequestQueueModel).
    Result<QList<RequestQueueRow>> queue(const RequestQueueFilter& filter, RequestQueueKey sortKey,
                                         Qt::SortOrder order) const;

    // Writes a request the workbench has not held before, with its due
    // dates, a "received" line in its history (`receivedText`) and the audit
    // entry "create", and queues it in the outbox as a create for the
    // servers, in one transaction. An id already held is refused.
    Status create(const RightsRequest& request, const QString& summary,
                  const QString& receivedText);

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

private:
    using Change = std::function<Status(RequestSnapshot& after, QList<RequestEvent>& events)>;
    Status mutate(const QString& id, const QString& summary, const QString& action,
                  const Change& change);
    Status write(const RequestSnapshot& s, const QList<RequestEvent>& events);
    DeadlineInput inputOf(const RequestSnapshot& s) const;

    Workspace& m_workspace;
    DeadlineRulesService m_deadlines;
    std::function<QDateTime()> m_clock;
};

} // namespace workbench
