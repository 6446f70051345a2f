#include "RequestService.h"

#include "domain/Resources.h"
#include "domain/Text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace workbench {

namespace {

QVariant dateValue(QDate d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant();
}

QDate dateOf(const QVariant& v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

} // namespace

QJsonObject RequestSnapshot::toJson() const
{
    QJsonObject o = request.toJson();
    QJsonArray t;
    for (const RequestTask& task : tasks)
        t.append(QJsonObject{{QStringLiteral("processor"), task.processorName},
                             {QStringLiteral("state"), toWire(task.state)},
                             {QStringLiteral("reason"), task.reason}});
    if (!tasks.isEmpty())
        o.insert(QStringLiteral("tasks"), t);
    if (pausedDays)
        o.insert(QStringLiteral("paused_days"), pausedDays);
    if (pausedSince.isValid())
        o.insert(QStringLiteral("paused_since"), pausedSince.toString(Qt::ISODate));
    if (extensionNotifiedOn.isValid())
        o.insert(QStringLiteral("extension_notified_on"),
                 extensionNotifiedOn.toString(Qt::ISODate));
    if (acknowledgedOn.isValid())
        o.insert(QStringLiteral("acknowledged_on"), acknowledgedOn.toString(Qt::ISODate));
    if (!outcome.isEmpty())
        o.insert(QStringLiteral("outcome"), outcome);
    return o;
}

RequestService::RequestService(Workspace& workspace, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_deadlines(workspace)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

DeadlineInput RequestService::inputOf(const RequestSnapshot& s) const
{
    return m_deadlines.inputOf(s.request, s.pausedDays);
}

Deadlines RequestService::deadlinesOf(const RequestSnapshot& s) const
{
    return m_deadlines.deadlinesOf(s.request, s.pausedDays);
}

Result<QList<RequestQueueRow>> RequestService::queue(const RequestQueueFilter& filter,
                                                     RequestQueueKey sortKey,
                                                     Qt::SortOrder order) const
{
    return RequestQueueSql::build(filter, sortKey, order)
        .fetch(m_workspace.database().connection());
}

Result<RequestSnapshot> RequestService::snapshot(const QString& id) const
{
    auto found = Repository<RightsRequest>(m_workspace.database()).find(id);
    if (!found)
        return Error{found.error()};
    if (!found.value())
        return Error{tr("There is no request %1.").arg(id)};
    RequestSnapshot s;
    s.request = *found.value();
    const QSqlDatabase db = m_workspace.database().connection();
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT paused_days, paused_since, extension_notified_on, acknowledged_on, "
                       "outcome FROM rights_requests WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return sqlError(tr("Reading request %1").arg(id), q);
    s.pausedDays = q.value(0).toInt();
    s.pausedSince = dateOf(q.value(1));
    s.extensionNotifiedOn = dateOf(q.value(2));
    s.acknowledgedOn = dateOf(q.value(3));
    s.outcome = q.value(4).toString();
    q.prepare(QStringLiteral("SELECT t.id, t.processor_id, p.name, t.state, t.reason, t.updated_at "
                             "FROM request_tasks t JOIN processors p ON p.id = t.processor_id "
                             "WHERE t.request_id = ? ORDER BY p.name COLLATE NOCASE"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(tr("Reading the tasks of %1").arg(id), q);
    while (q.next()) {
        RequestTask t;
        t.id = q.value(0).toLongLong();
        t.requestId = id;
        t.processorId = q.value(1).toString();
        t.processorName = q.value(2).toString();
        t.state = fromWire<TaskState>(q.value(3).toString()).value_or(TaskState::ToSend);
        t.reason = q.value(4).toString();
        t.updatedAt = QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs);
        s.tasks.append(t);
    }
    return s;
}

Result<RequestDetail> RequestService::detail(const QString& id) const
{
    auto s = snapshot(id);
    if (!s)
        return Error{s.error()};
    RequestDetail d;
    d.snapshot = std::move(s).value();
    auto rule = m_deadlines.rule(d.snapshot.request.jurisdiction);
    if (!rule)
        return Error{rule.error()};
    d.rule = rule.value();
    // The rule just read, not the table read again.
    d.deadlines = computeDeadlines(d.rule, inputOf(d.snapshot),
                                   m_deadlines.holidays(d.snapshot.request.organizationId));
    QSqlQuery q(m_workspace.database().connection());
    q.prepare(
        QStringLiteral("SELECT id, at, kind, text, actor FROM request_events WHERE request_id = ? "
                       "ORDER BY at, id"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(tr("Reading the history of %1").arg(id), q);
    while (q.next())
        d.events.append({q.value(0).toLongLong(),
                         QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs),
                         q.value(2).toString(), q.value(3).toString(), q.value(4).toString()});
    q.prepare(QStringLiteral("SELECT name FROM organizations WHERE id = ?"));
    q.addBindValue(d.snapshot.request.organizationId);
    if (q.exec() && q.next())
        d.organizationName = q.value(0).toString();
    return d;
}

Status RequestService::write(const RequestSnapshot& s, const QList<RequestEvent>& events)
{
    Database& db = m_workspace.database();
    if (auto saved = Repository<RightsRequest>(db).save(s.request); !saved)
        return saved;
    const Deadlines d = deadlinesOf(s);
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral(
        "UPDATE rights_requests SET paused_days = ?, paused_since = ?, extension_notified_on = ?, "
        "acknowledged_on = ?, outcome = ?, due_legal = ?, due_original = ?, due_promise = ?, "
        "due_effective = ?, acknowledge_by = ? WHERE id = ?"));
    for (const QVariant& v :
         {QVariant(s.pausedDays), dateValue(s.pausedSince), dateValue(s.extensionNotifiedOn),
          dateValue(s.acknowledgedOn), s.outcome.isEmpty() ? QVariant() : QVariant(s.outcome),
          dateValue(d.responseDue), dateValue(d.originalDue),
          dateValue(d.promiseDue.value_or(QDate())), dateValue(d.effectiveDue()),
          dateValue(d.acknowledgeBy.value_or(QDate())), QVariant(s.request.id)})
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(tr("Saving request %1").arg(s.request.id), q);

    // The tasks are the snapshot's: any other (undone) task goes.
    QStringList keep;
    for (const RequestTask& t : s.tasks)
        keep << QStringLiteral("'%1'").arg(
            QString(t.processorId).replace(u'\'', QStringLiteral("''")));
    QSqlQuery dq(db.connection());
    dq.prepare(QStringLiteral(
                   "DELETE FROM request_tasks WHERE request_id = ? AND processor_id NOT IN (%1)")
                   .arg(keep.join(u',')));
    dq.addBindValue(s.request.id);
    if (!dq.exec())
        return sqlError(tr("Saving the tasks of %1").arg(s.request.id), dq);
    for (const RequestTask& t : s.tasks) {
        QSqlQuery tq(db.connection());
        tq.prepare(QStringLiteral(
            "INSERT INTO request_tasks (request_id, processor_id, state, reason, updated_at) "
            "VALUES (?,?,?,?,?) "
            "ON CONFLICT(request_id, processor_id) DO UPDATE SET state = excluded.state, "
            "reason = excluded.reason, updated_at = excluded.updated_at"));
        tq.addBindValue(s.request.id);
        tq.addBindValue(t.processorId);
        tq.addBindValue(toWire(t.state));
        tq.addBindValue(t.reason.isEmpty() ? QVariant() : QVariant(t.reason));
        tq.addBindValue(t.updatedAt.toString(Qt::ISODateWithMs));
        if (!tq.exec())
            return sqlError(tr("Saving the tasks of %1").arg(s.request.id), tq);
    }
    QSqlQuery eq(db.connection());
    eq.prepare(QStringLiteral(
        "INSERT INTO request_events (request_id, at, kind, text, actor) VALUES (?,?,?,?,?)"));
    for (const RequestEvent& e : events) {
        eq.addBindValue(s.request.id);
        eq.addBindValue(e.at.toUTC().toString(Qt::ISODateWithMs));
        eq.addBindValue(e.kind);
        eq.addBindValue(e.text);
        eq.addBindValue(m_workspace.actor());
        if (!eq.exec())
            return sqlError(tr("Writing the history of %1").arg(s.request.id), eq);
    }
    return {};
}

Status RequestService::mutate(const QString& id, const QString& summary, const QString& action,
                              const Change& change)
{
    auto before = snapshot(id);
    if (!before)
        return Error{before.error()};
    RequestSnapshot after = before.value();
    QList<RequestEvent> events;
    if (auto s = change(after, events); !s)
        return s;
    after.request.meta.updatedAt = now();
    return m_workspace.record(
        resource::rightsRequests, id, before->toJson(), after.toJson(),
        summary.contains(u"%1") ? summary.arg(id) : summary, action,
        [&] { return write(after, events); },
        // A history line is a change even when no field is
        // (a note): it is written, not dropped.
        !events.isEmpty());
}

Status RequestService::create(const RightsRequest& request, const QString& summary,
                              const QString& receivedText)
{
    auto existing = Repository<RightsRequest>(m_workspace.database()).find(request.id);
    if (!existing)
        return Error{existing.error()};
    if (existing.value())
        return Error{tr("There is already a request %1.").arg(request.id)};
    RequestSnapshot s;
    s.request = request;
    const QList<RequestEvent> events{
        {0, request.receivedAt, QStringLiteral("received"), receivedText, {}}};
    // Queued as a create for the servers (the contract's section 9).
    return m_workspace.recordCreated(resource::rightsRequests, request.id, s.toJson(), summary,
                                     [&] { return write(s, events); });
}

Status RequestService::verifyIdentity(const QString& id)
{
    return mutate(
        id, tr("Verify the identity of the requester of %1"), {},
        [this](RequestSnapshot& s, auto& events) -> Status {
            if (s.request.verifiedAt.isValid())
                return Error{tr("The identity was already verified on %1.")
                                 .arg(s.request.verifiedAt.date().toString(Qt::ISODate))};
            if (!s.request.isOpen())
                return Error{tr("The request is closed.")};
            s.request.verifiedAt = now();
            // The domain's rules for new facts (a verification dated before
            // the receipt, a date past 9999) refuse it with the reason.
            if (auto rule = m_deadlines.rule(s.request.jurisdiction); !rule)
                return Error{rule.error()};
            else {
                DeadlineInput in = inputOf(s);
                in.pausedDays = 0; // pauses were checked when they were taken
                if (auto ok = checkDeadlineInput(rule.value(), in); !ok)
                    return ok;
            }
            events.append(
                {0, now(), QStringLiteral("identity_verified"), tr("Identity verified"), {}});
            if (s.request.status == RequestStatus::New ||
                s.request.status == RequestStatus::Verifying) {
                s.request.status = RequestStatus::InProgress;
                events.append({0,
                               now(),
                               QStringLiteral("status_change"),
                               tr("Status: %1").arg(displayLabel(s.request.status)),
                               {}});
            }
            return {};
        });
}

Status RequestService::pause(const QString& id, const QString& reason)
{
    return mutate(
        id, tr("Pause the clock of %1"), {}, [&](RequestSnapshot& s, auto& events) -> Status {
            auto rule = m_deadlines.rule(s.request.jurisdiction);
            if (!rule)
                return Error{rule.error()};
            if (!rule->pauseAllowed)
                return Error{
                    tr("%1 does not stop the clock (%2): verification and questions run within the "
                       "period.")
                        .arg(rule->name, rule->citation)};
            if (s.isPaused())
                return Error{tr("The clock is already paused since %1.")
                                 .arg(s.pausedSince.toString(Qt::ISODate))};
            if (!s.request.isOpen())
                return Error{tr("The request is closed.")};
            s.pausedSince = now().date();
            events.append({0,
                           now(),
                           QStringLiteral("paused"),
                           reason.isEmpty() ? tr("Clock paused") : reason,
                           {}});
            return {};
        });
}

Status RequestService::resume(const QString& id)
{
    return mutate(
        id, tr("Resume the clock of %1"), {}, [&](RequestSnapshot& s, auto& events) -> Status {
            if (!s.isPaused())
                return Error{tr("The clock is not paused.")};
            const int days = int(s.pausedSince.daysTo(now().date()));
            s.pausedDays += std::max(0, days);
            s.pausedSince = QDate();
            events.append(
                {0,
                 now(),
                 QStringLiteral("resumed"),
                 tr("Clock resumed after %1; the due date moves by as much")
                     .arg(countText("RequestService",
                                    QT_TRANSLATE_NOOP("RequestService", "%n day(s)"), days)),
                 {}});
            return {};
        });
}

Status RequestService::extend(const QString& id, const QString& reason, QDate notifiedOn)
{
    return mutate(id, tr("Extend %1"), {}, [&](RequestSnapshot& s, auto& events) -> Status {
        if (reason.trimmed().isEmpty())
            return Error{tr("An extension needs its reason.")};
        if (!s.request.isOpen())
            return Error{tr("The request is closed.")};
        auto rule = m_deadlines.rule(s.request.jurisdiction);
        if (!rule)
            return Error{rule.error()};
        DeadlineInput in = inputOf(s);
        const QDate told = notifiedOn.isValid() ? notifiedOn : now().date();
        if (auto ok = checkExtension(rule.value(), in,
                                     m_deadlines.holidays(s.request.organizationId), told);
            !ok)
            return ok;
        in.extended = true;
        s.request.extendedUntil =
            computeDeadlines(rule.value(), in, m_deadlines.holidays(s.request.organizationId))
                .responseDue;
        s.request.extensionReason = reason.trimmed();
        s.extensionNotifiedOn = told;
        events.append(
            {0,
             now(),
             QStringLiteral("extension"),
             tr("Extended to %1 (%2); requester told on %3. Reason: %4")
                 .arg(s.request.extendedUntil.toString(Qt::ISODate), rule->extension->describe(),
                      told.toString(Qt::ISODate), s.request.extensionReason),
             {}});
        return {};
    });
}

Status RequestService::assign(const QString& id, const QString& assignee)
{
    return mutate(id, tr("Assign %1"), {}, [&](RequestSnapshot& s, auto& events) -> Status {
        s.request.assignee = assignee.trimmed();
        events.append({0,
                       now(),
                       QStringLiteral("assigned"),
                       s.request.assignee.isEmpty() ? tr("Unassigned")
                                                    : tr("Assigned to %1").arg(s.request.assignee),
                       {}});
        return {};
    });
}

Status RequestService::addNote(const QString& id, const QString& text)
{
    return mutate(id, tr("Add a note to %1"), QStringLiteral("note"),
                  [&](RequestSnapshot&, auto& events) -> Status {
                      if (text.trimmed().isEmpty())
                          return Error{tr("A note needs some text.")};
                      events.append({0, now(), QStringLiteral("note"), text.trimmed(), {}});
                      return {};
                  });
}

Status RequestService::acknowledge(const QString& id)
{
    return mutate(id, tr("Confirm receipt of %1"), {},
                  [&](RequestSnapshot& s, auto& events) -> Status {
                      if (s.acknowledgedOn.isValid())
                          return Error{tr("Receipt was already confirmed on %1.")
                                           .arg(s.acknowledgedOn.toString(Qt::ISODate))};
                      s.acknowledgedOn = now().date();
                      events.append({0,
                                     now(),
                                     QStringLiteral("acknowledged"),
                                     tr("Receipt confirmed to the requester"),
                                     {}});
                      return {};
                  });
}

Status RequestService::changeStatus(const QString& id, RequestStatus to, const QString& note)
{
    return mutate(
        id, tr("Change the status of %1"), {}, [&](RequestSnapshot& s, auto& events) -> Status {
            if (RequestWorkflow::isClosed(to) && !RequestWorkflow::isClosed(s.request.status))
                return Error{
                    tr("Close the request with its outcome (Close…), not by changing its status.")};
            if (auto ok = RequestWorkflow::checkTransition(s.request.status, to); !ok)
                return ok;
            if (RequestWorkflow::isClosed(s.request.status)) { // reopening
                s.request.closedAt = QDateTime();
                s.outcome.clear();
            }
            s.request.status = to;
            events.append({0,
                           now(),
                           QStringLiteral("status_change"),
                           note.isEmpty() ? tr("Status: %1").arg(displayLabel(to))
                                          : tr("Status: %1 — %2").arg(displayLabel(to), note),
                           {}});
            return {};
        });
}

Status RequestService::close(const QString& id, RequestStatus outcome, const QString& reason,
                             const QString& openTasksReason)
{
    return mutate(
        id, tr("Close %1"), QStringLiteral("close"),
        [&](RequestSnapshot& s, auto& events) -> Status {
            if (!RequestWorkflow::isClosed(outcome))
                return Error{tr("A request closes as fulfilled, rejected or withdrawn.")};
            if (auto ok = RequestWorkflow::checkTransition(s.request.status, outcome); !ok)
                return ok;
            if ((outcome == RequestStatus::Rejected || outcome == RequestStatus::Withdrawn) &&
                reason.trimmed().isEmpty())
                return Error{tr("Say why the request is %1.").arg(displayLabel(outcome).toLower())};
            int open = 0;
            for (const RequestTask& t : std::as_const(s.tasks))
                open += t.isOpen() ? 1 : 0;
            if (outcome == RequestStatus::Fulfilled && open > 0 &&
                openTasksReason.trimmed().isEmpty())
                return Error{tr("%1 processor task(s) are still open: confirm them, mark them not "
                                "needed, or "
                                "record why the request is fulfilled anyway.")
                                 .arg(open)};
            s.request.status = outcome;
            s.request.closedAt = now();
            s.pausedSince = QDate();
            QString text = tr("Closed: %1").arg(displayLabel(outcome));
            if (!reason.trimmed().isEmpty())
                text += QStringLiteral(" — ") + reason.trimmed();
            if (open > 0 && outcome == RequestStatus::Fulfilled)
                text += tr(" (with %1 open processor task(s): %2)")
                            .arg(open)
                            .arg(openTasksReason.trimmed());
            s.outcome = reason.trimmed();
            events.append({0, now(), QStringLiteral("closed"), text, {}});
            return {};
        });
}

Status RequestService::generateTasks(const QString& id)
{
    return mutate(
        id, tr("Create the processor tasks of %1"), {},
        [&](RequestSnapshot& s, auto& events) -> Status {
            if (!RequestWorkflow::needsProcessorTasks(s.request.type))
                return Error{
                    tr("Only erasure, rectification and restriction are passed on to processors "
                       "(GDPR Art. 19).")};
            auto processors = m_workspace.processors(s.request.organizationId);
            if (!processors)
                return Error{processors.error()};
            QStringList added;
            for (const Processor& p : processors.value()) {
                if (p.status != ProcessorStatus::Active || !p.holdsPersonalData())
                    continue;
                const bool exists =
                    std::any_of(s.tasks.begin(), s.tasks.end(),
                                [&](const RequestTask& t) { return t.processorId == p.id; });
                if (exists)
                    continue;
                RequestTask t;
                t.requestId = s.request.id;
                t.processorId = p.id;
                t.processorName = p.name;
                t.updatedAt = now();
                s.tasks.append(t);
                added << p.name;
            }
            if (added.isEmpty())
                return Error{
                    tr("Every active processor holding personal data already has a task.")};
            events.append({0,
                           now(),
                           QStringLiteral("note"),
                           tr("Processor tasks created: %1").arg(added.join(QStringLiteral(", "))),
                           {}});
            return {};
        });
}

Status RequestService::setTaskState(const QString& id, qint64 taskId, TaskState state,
                                    const QString& reason)
{
    return mutate(
        id, tr("Update a processor task of %1"), {},
        [&](RequestSnapshot& s, auto& events) -> Status {
            auto it = std::find_if(s.tasks.begin(), s.tasks.end(),
                                   [&](const RequestTask& t) { return t.id == taskId; });
            if (it == s.tasks.end())
                return Error{tr("That task is not part of request %1.").arg(id)};
            if (state == TaskState::NotNeeded && reason.trimmed().isEmpty())
                return Error{tr("Say why %1 need not be told.").arg(it->processorName)};
            if (state == TaskState::Confirmed && it->state == TaskState::ToSend)
                return Error{tr("Send the request to %1 before marking it confirmed.")
                                 .arg(it->processorName)};
            it->state = state;
            it->reason = reason.trimmed();
            it->updatedAt = now();
            const QString text =
                state == TaskState::Sent
                    ? tr("%1 notified").arg(it->processorName)
                    : tr("%1: %2").arg(it->processorName, displayLabel(state)) +
                          (it->reason.isEmpty() ? QString() : QStringLiteral(" — ") + it->reason);
            events.append({0,
                           now(),
                           state == TaskState::Sent ? QStringLiteral("processor_notified")
                                                    : QStringLiteral("note"),
                           text,
                           {}});
            if (state == TaskState::Sent && s.request.status == RequestStatus::InProgress)
                s.request.status = RequestStatus::WaitingOnProcessor;
            const bool allDone = std::none_of(s.tasks.begin(), s.tasks.end(),
                                              [](const RequestTask& t) { return t.isOpen(); });
            if (allDone && s.request.status == RequestStatus::WaitingOnProcessor)
                s.request.status = RequestStatus::InProgress;
            return {};
        });
}

Status RequestService::restore(const RequestSnapshot& target, const QString& summary,
                               const QString& eventKind)
{
    return mutate(target.request.id, summary, eventKind,
                  [&](RequestSnapshot& s, auto& events) -> Status {
                      s = target;
                      events.append({0, now(), eventKind, summary, {}});
                      return {};
                  });
}

} // namespace workbench
