#include "TestSupport.h"
#include "services/RequestService.h"

using namespace workbench;
using namespace workbench::test;

class TestRequestService : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<RequestService> m_service;
    QDateTime m_now;
    int m_n = 0;

    // A new request received on `received` (09:00 UTC).
    QString addRequest(Jurisdiction j, RequestType type, QDate received,
                       const QString& org = "org-labelsets")
    {
        const RightsRequest q =
            testRequest(QStringLiteral("T-%1").arg(++m_n), org, type, j, received);
        const Status s = m_ws->save(q, "Receive " + q.id);
        if (!s)
            qWarning("%s", qPrintable(s.error()));
        (void)m_service->deadlineRules().recomputeDeadlines();
        return q.id;
    }

    void setToday(QDate d) { m_now = QDateTime(d, QTime(10, 0), Qt::UTC); }

    RequestDetail detail(const QString& id)
    {
        auto d = m_service->detail(id);
        if (!d)
            qWarning("%s", qPrintable(d.error()));
        return d.value();
    }

    QString storedDue(const QString& id)
    {
        QSqlQuery q(m_ws->database().connection());
        q.prepare("SELECT due_legal FROM rights_requests WHERE id = ?");
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

private slots:
    void init()
    {
        m_service.reset();
        m_ws.reset();
        m_ws = makeDemoWorkspace(m_tmp.path(QStringLiteral("r%1.sqlite").arg(++m_n)));
        QVERIFY(m_ws);
        m_service = std::make_unique<RequestService>(*m_ws);
        m_service->setClock([this] { return m_now; });
        setToday(QDate(2026, 3, 3));
    }

    void demoRequestsHaveStoredDueDates()
    {
        QSqlQuery q(m_ws->database().connection());
        QVERIFY(q.exec("SELECT count(*) FROM rights_requests WHERE due_effective IS NULL"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void verifyingStartsWorkAndIsRecorded()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Access, QDate(2026, 3, 2));
        QVERIFY_OK(m_service->verifyIdentity(id));
        const RequestDetail d = detail(id);
        QCOMPARE(d.snapshot.request.status, RequestStatus::InProgress);
        QCOMPARE(d.snapshot.request.verifiedAt, m_now);
        QCOMPARE(d.events.last().kind, QStringLiteral("status_change"));
        QVERIFY(std::any_of(d.events.begin(), d.events.end(),
                            [](const RequestEvent& e) { return e.kind == "identity_verified"; }));
        const auto audit = m_ws->auditEntries({"rights-requests", id}).value();
        QCOMPARE(audit.last().before.value("status").toString(), QStringLiteral("new"));
        QCOMPARE(audit.last().after.value("status").toString(), QStringLiteral("in_progress"));
        const Status again = m_service->verifyIdentity(id);
        QVERIFY(!again);
        QVERIFY(again.error().contains("already verified"));
    }

    // A note changes none of the request's fields: it is still written to
    // the history and audited (it used to be dropped as "no change").
    void aNoteIsKeptAndAudited()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Access, QDate(2026, 3, 2));
        const int auditBefore = m_ws->auditEntries({"rights-requests", id}).value().size();
        QVERIFY_OK(m_service->addNote(id, "  Called the requester back.  "));
        const RequestDetail d = detail(id);
        QCOMPARE(d.events.last().kind, QStringLiteral("note"));
        QCOMPARE(d.events.last().text, QStringLiteral("Called the requester back."));
        const auto audit = m_ws->auditEntries({"rights-requests", id}).value();
        QCOMPARE(audit.size(), auditBefore + 1);
        QCOMPARE(audit.last().action, QStringLiteral("note"));
        QVERIFY(!m_service->addNote(id, "   "));
    }

    void pauseIsRefusedWhereTheLawRunsOn()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Access, QDate(2026, 3, 2));
        const int auditBefore = int(m_ws->auditEntries()->size());
        const Status s = m_service->pause(id, "waiting for ID");
        QVERIFY(!s);
        QVERIFY2(s.error().contains("does not stop the clock") &&
                     s.error().contains("GDPR Art. 12"),
                 qPrintable(s.error()));
        QCOMPARE(int(m_ws->auditEntries()->size()), auditBefore);
    }

    void ukPauseMovesTheDueDate()
    {
        // The worked example: received 2 March, ID asked 3 March, received 10 March.
        const QString id = addRequest(Jurisdiction::UkGdpr, RequestType::Access, QDate(2026, 3, 2));
        QCOMPARE(storedDue(id), QStringLiteral("2026-04-02"));
        setToday(QDate(2026, 3, 3));
        QVERIFY_OK(m_service->pause(id, "Asked for proof of identity"));
        setToday(QDate(2026, 3, 10));
        QVERIFY_OK(m_service->resume(id));
        const RequestDetail d = detail(id);
        QCOMPARE(d.snapshot.pausedDays, 7);
        QCOMPARE(d.deadlines.responseDue, QDate(2026, 4, 9));
        QCOMPARE(storedDue(id), QStringLiteral("2026-04-09"));
        QCOMPARE(d.events.last().kind, QStringLiteral("resumed"));
    }

    void extensionWhileThePeriodRunsAndRefusedAfter()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Access, QDate(2026, 3, 31));
        setToday(QDate(2026, 5, 4));
        const Status late = m_service->extend(id, "complex", QDate(2026, 5, 4));
        QVERIFY(!late);
        QVERIFY2(late.error().contains("Too late"), qPrintable(late.error()));
        QVERIFY(!m_service->extend(id, "", QDate(2026, 4, 20)));
        setToday(QDate(2026, 4, 20));
        QVERIFY_OK(m_service->extend(id, "Data across several systems", QDate(2026, 4, 20)));
        const RequestDetail d = detail(id);
        QCOMPARE(d.snapshot.request.extendedUntil, QDate(2026, 6, 30));
        QCOMPARE(d.snapshot.extensionNotifiedOn, QDate(2026, 4, 20));
        QCOMPARE(d.deadlines.responseDue, QDate(2026, 6, 30));
        QCOMPARE(storedDue(id), QStringLiteral("2026-06-30"));
        QVERIFY(!m_service->extend(id, "again", QDate(2026, 4, 21)));
    }

    void erasureReachesEveryProcessorBeforeItCloses()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Erasure, QDate(2026, 3, 2));
        QVERIFY_OK(m_service->verifyIdentity(id));
        QVERIFY_OK(m_service->generateTasks(id));
        RequestDetail d = detail(id);
        // Every active LabelSets processor holding personal data.
        QCOMPARE(d.snapshot.tasks.size(), 8);
        const Status early = m_service->close(id, RequestStatus::Fulfilled, "done");
        QVERIFY(!early);
        QVERIFY2(early.error().contains("8 processor task(s) are still open"),
                 qPrintable(early.error()));

        for (const RequestTask& t : d.snapshot.tasks) {
            if (t.processorName == "Upstash") {
                QVERIFY(!m_service->setTaskState(id, t.id, TaskState::NotNeeded));
                QVERIFY(
                    m_service->setTaskState(id, t.id, TaskState::NotNeeded, "holds job ids only"));
                continue;
            }
            QVERIFY(!m_service->setTaskState(id, t.id, TaskState::Confirmed)); // not sent yet
            QVERIFY_OK(m_service->setTaskState(id, t.id, TaskState::Sent));
            QCOMPARE(detail(id).snapshot.request.status, RequestStatus::WaitingOnProcessor);
            QVERIFY_OK(m_service->setTaskState(id, t.id, TaskState::Confirmed));
        }
        QCOMPARE(detail(id).snapshot.request.status, RequestStatus::InProgress);
        QVERIFY_OK(m_service->close(id, RequestStatus::Fulfilled, "Account and data erased"));
        d = detail(id);
        QCOMPARE(d.snapshot.request.status, RequestStatus::Fulfilled);
        QVERIFY(d.snapshot.request.closedAt.isValid());
        QCOMPARE(d.events.last().kind, QStringLiteral("closed"));
        const AuditVerification verified = m_ws->verifyAudit();
        QVERIFY2(verified.ok(), qPrintable(verified.problems.join(u'\n')));
    }

    void closingWithOpenTasksNeedsAReason()
    {
        const QString id =
            addRequest(Jurisdiction::Ccpa, RequestType::Rectification, QDate(2026, 3, 2));
        QVERIFY_OK(m_service->verifyIdentity(id));
        QVERIFY_OK(m_service->generateTasks(id));
        QVERIFY_OK(m_service->close(id, RequestStatus::Fulfilled, "corrected",
                                    "processors sync from our database"));
        QVERIFY(detail(id).events.last().text.contains("open processor task"));
    }

    void invalidTransitionsChangeNothing()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Access, QDate(2026, 3, 2));
        const Status s = m_service->close(id, RequestStatus::Fulfilled, "x");
        QVERIFY(!s);
        QVERIFY(s.error().contains("before work on it has started"));
        QVERIFY(!m_service->changeStatus(id, RequestStatus::WaitingOnProcessor));
        QVERIFY(!m_service->close(id, RequestStatus::Rejected, "")); // needs a reason
        QCOMPARE(detail(id).snapshot.request.status, RequestStatus::New);
        QVERIFY_OK(m_service->close(id, RequestStatus::Rejected, "Identity could not be verified"));
        QVERIFY_OK(
            m_service->changeStatus(id, RequestStatus::InProgress, "new evidence")); // reopen
        QVERIFY(!detail(id).snapshot.request.closedAt.isValid());
    }

    void restoreUndoesAnAction()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Erasure, QDate(2026, 3, 2));
        const RequestSnapshot before = m_service->snapshot(id).value();
        QVERIFY_OK(m_service->verifyIdentity(id));
        QVERIFY_OK(m_service->generateTasks(id));
        QVERIFY_OK(m_service->restore(before, "Undo: verify", "undo"));
        const RequestDetail d = detail(id);
        QCOMPARE(d.snapshot.request.status, RequestStatus::New);
        QVERIFY(!d.snapshot.request.verifiedAt.isValid());
        QVERIFY(d.snapshot.tasks.isEmpty());
        QCOMPARE(d.events.last().kind, QStringLiteral("undo"));
    }

    // One definition of a closed request: the workflow's. The stored
    // generated column is_open (the queue filters by it) and
    // RightsRequest::isOpen() agree with it for every status, so a status
    // added to the enum cannot be open in one place and closed in another.
    void isOpenColumnFollowsTheWorkflow()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Access, QDate(2026, 3, 2));
        RightsRequest r = detail(id).snapshot.request;
        int statuses = 0;
        for (const auto& e : EnumTraits<RequestStatus>::entries) {
            ++statuses;
            r.status = e.value;
            QVERIFY_OK(m_ws->save(r, "Status " + toWire(e.value)));
            QSqlQuery q(m_ws->database().connection());
            q.prepare("SELECT is_open, status FROM rights_requests WHERE id = ?");
            q.addBindValue(id);
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(1).toString(), toWire(e.value));
            const bool closed = RequestWorkflow::isClosed(e.value);
            QVERIFY2(q.value(0).toBool() == !closed, qPrintable(toWire(e.value)));
            QCOMPARE(r.isOpen(), !closed);
        }
        QCOMPARE(statuses, 7);
    }

    void queueReadsTheRowsOfAFilter()
    {
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Access, QDate(2026, 3, 2));
        RequestQueueFilter f;
        f.statusFilter = RequestQueueFilter::StatusFilter::All;
        f.search = id;
        auto rows = m_service->queue(f, RequestQueueKey::DueEffective, Qt::AscendingOrder);
        QVERIFY_OK(rows);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().id, id);
        QCOMPARE(rows->first().dueLegal, QDate(2026, 4, 2));
        f.search = "no such request";
        QCOMPARE(m_service->queue(f, RequestQueueKey::Id, Qt::DescendingOrder)->size(), 0);
    }

    void promiseOfTheOrganizationIsStored()
    {
        // LabelSets promises 30 days: earlier than GDPR's month here.
        const QString id = addRequest(Jurisdiction::Gdpr, RequestType::Access, QDate(2026, 3, 1));
        const RequestDetail d = detail(id);
        QCOMPARE(*d.deadlines.promiseDue, QDate(2026, 3, 31));
        QCOMPARE(d.deadlines.effectiveDue(), QDate(2026, 3, 31));
        QSqlQuery q(m_ws->database().connection());
        q.prepare("SELECT due_promise, due_effective FROM rights_requests WHERE id = ?");
        q.addBindValue(id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("2026-03-31"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("2026-03-31"));
    }
};

QTEST_GUILESS_MAIN(TestRequestService)
#include "tst_requestservice.moc"
