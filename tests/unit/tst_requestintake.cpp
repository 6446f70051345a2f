#include "TestSupport.h"
#include "services/RequestIntake.h"

#include <QRegularExpression>
#include <QSqlQuery>

using namespace workbench;
using namespace workbench::test;

class TestRequestIntake : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<RequestIntake> m_intake;
    QDateTime m_now;
    int m_n = 0;

    RequestIntakeInput input(const QString& email = "intake.person@example.org") const
    {
        RequestIntakeInput in;
        in.organizationId = "org-labelsets";
        in.type = RequestType::Erasure;
        in.jurisdiction = Jurisdiction::Gdpr;
        in.receivedAt = QDateTime::fromString("2026-03-02T09:30:00+01:00", Qt::ISODate);
        in.channel = RequestChannel::Post;
        in.requesterName = "Jane Doe";
        in.email = email;
        in.accountId = "acct-77";
        in.words = "Please delete my account and everything you hold on me.";
        return in;
    }

    QString refusal(const RequestIntakeInput& in)
    {
        auto made = m_intake->create(in);
        return made ? QString() : made.error();
    }

    // A request stored directly, closed `daysAgo` days before now (or open).
    void storeRequest(const QString& id, const QString& email, std::optional<int> closedDaysAgo)
    {
        RightsRequest q;
        q.id = id;
        q.organizationId = "org-labelsets";
        q.subjectEmail = email;
        q.receivedAt = m_now.addDays(-200);
        q.status = closedDaysAgo ? RequestStatus::Fulfilled : RequestStatus::InProgress;
        if (closedDaysAgo)
            q.closedAt = m_now.addDays(-*closedDaysAgo);
        QVERIFY(m_ws->save(q, "store " + id));
    }

private slots:
    void init()
    {
        m_intake.reset();
        m_ws = makeDemoWorkspace(m_tmp.path(QStringLiteral("i%1.sqlite").arg(++m_n)));
        QVERIFY(m_ws);
        m_now = QDateTime(QDate(2026, 3, 3), QTime(10, 0), Qt::UTC);
        m_intake = std::make_unique<RequestIntake>(*m_ws);
        m_intake->setClock([this] { return m_now; });
    }

    void createsTheRequestWithTheDueDatesOfTheRules()
    {
        const qint64 lastAudit = m_ws->auditHead()->seq;
        auto made = m_intake->create(input());
        QVERIFY2(made, qPrintable(made.error()));
        const RightsRequest& q = made->request;
        QCOMPARE(q.organizationId, QString("org-labelsets"));
        QCOMPARE(q.type, RequestType::Erasure);
        QCOMPARE(q.status, RequestStatus::New);
        QCOMPARE(q.channel, RequestChannel::Post);
        QCOMPARE(q.subjectEmail, QString("intake.person@example.org"));
        QCOMPARE(q.accountId, QString("acct-77"));
        QCOMPARE(q.receivedAt, QDateTime::fromString("2026-03-02T08:30:00Z", Qt::ISODate));
        QCOMPARE(q.receivedAt.offsetFromUtc(), 3600); // the offset as given is kept
        QCOMPARE(q.meta.version, qint64(0));          // local: not on a server yet

        // The same due dates as any stored (synced) request gets.
        DeadlineRulesService rules(*m_ws);
        const Deadlines expected = rules.deadlinesOf(q, 0);
        QVERIFY(expected.responseDue.isValid());
        QCOMPARE(made->deadlines.responseDue, expected.responseDue);
        QCOMPARE(made->deadlines.promiseDue, expected.promiseDue);
        QCOMPARE(made->deadlines.effectiveDue(), expected.effectiveDue());
        QSqlQuery s(m_ws->database().connection());
        s.prepare("SELECT due_legal, due_effective FROM rights_requests WHERE id = ?");
        s.addBindValue(q.id);
        QVERIFY(s.exec() && s.next());
        QCOMPARE(s.value(0).toString(), expected.responseDue.toString(Qt::ISODate));
        QCOMPARE(s.value(1).toString(), expected.effectiveDue().toString(Qt::ISODate));
        // A recomputation (after a pull, a rule change) gives the same.
        QVERIFY(rules.recomputeDeadlines());
        QVERIFY(s.exec() && s.next());
        QCOMPARE(s.value(0).toString(), expected.responseDue.toString(Qt::ISODate));

        // One audit entry "create" with the record.
        AuditFilter f;
        f.recordId = q.id;
        auto entries = m_ws->auditEntries(f);
        QVERIFY(entries);
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().action, QString("create"));
        QCOMPARE(entries->first().recordType, QString("rights-requests"));
        QVERIFY(entries->first().seq > lastAudit);
        QCOMPARE(entries->first().after.value("subject_email").toString(), q.subjectEmail);
        QVERIFY(entries->first().before.isEmpty());

        // The history says it was received, with the requester's words.
        RequestService service(*m_ws);
        auto detail = service.detail(q.id);
        QVERIFY2(detail, qPrintable(detail.error()));
        QCOMPARE(detail->events.size(), 1);
        QCOMPARE(detail->events.first().kind, QString("received"));
        QCOMPARE(detail->events.first().at, q.receivedAt);
        QVERIFY(detail->events.first().text.contains("Please delete my account"));

        // Queued for the servers as a create, in the same transaction
        // (tst_outboxcreates checks the entry itself).
        QCOMPARE(count(*m_ws, "SELECT count(*) FROM sync_outbox"), 1);
        QCOMPARE(count(*m_ws, "SELECT count(*) FROM sync_outbox WHERE op = 'create' AND "
                              "resource = 'rights-requests' AND record_id = '" +
                                  q.id + "'"),
                 1);
    }

    void aVcdpaRequestIsStoredAndReadBack()
    {
        RequestIntakeInput in = input();
        in.jurisdiction = Jurisdiction::VcdpaCpa;
        auto made = m_intake->create(in);
        QVERIFY2(made, qPrintable(made.error()));
        RequestService service(*m_ws);
        auto back = service.snapshot(made->request.id);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back->request.jurisdiction, Jurisdiction::VcdpaCpa);
        QCOMPARE(toWire(back->request.jurisdiction), QString("VCDPA_CPA"));
        auto rule = service.deadlineRules().rule(Jurisdiction::VcdpaCpa);
        QVERIFY(rule);
        QCOMPARE(made->deadlines.responseDue,
                 service.deadlineRules().deadlinesOf(back->request, 0).responseDue);
        QVERIFY(made->deadlines.responseDue > QDate(2026, 3, 2));
    }

    void refusalsNameTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no org") << "org"
                                << "Organization:";
        QTest::newRow("unknown org") << "unknown-org"
                                     << "Organization: there is no organization";
        QTest::newRow("no e-mail") << "no-email"
                                   << "E-mail:";
        QTest::newRow("bad e-mail") << "bad-email"
                                    << "E-mail: not a well-formed address";
        QTest::newRow("e-mail with space") << "space-email"
                                           << "E-mail: not a well-formed";
        QTest::newRow("no received") << "no-received"
                                     << "Received:";
        QTest::newRow("no offset") << "local-received"
                                   << "Received: give the time with its UTC offset";
        QTest::newRow("future") << "future"
                                << "Received:";
    }
    void refusalsNameTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, expected);
        RequestIntakeInput in = input();
        if (field == "org")
            in.organizationId.clear();
        else if (field == "unknown-org")
            in.organizationId = "org-nowhere";
        else if (field == "no-email")
            in.email.clear();
        else if (field == "bad-email")
            in.email = "jane.example.org";
        else if (field == "space-email")
            in.email = "jane doe@example.org";
        else if (field == "no-received")
            in.receivedAt = QDateTime();
        else if (field == "local-received")
            in.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::LocalTime);
        else if (field == "future")
            in.receivedAt = m_now.addSecs(RequestIntake::futureToleranceSeconds + 60);
        const int before = count(*m_ws, "SELECT count(*) FROM rights_requests");
        const QString why = refusal(in);
        QVERIFY2(why.startsWith(expected.section(u' ', 0, 0)), qPrintable(why));
        QVERIFY2(why.contains(expected), qPrintable(why));
        QVERIFY2(!why.contains("jane"), qPrintable(why)); // no personal data echoed
        QCOMPARE(count(*m_ws, "SELECT count(*) FROM rights_requests"), before);
    }

    void aFewMinutesAheadIsAccepted()
    {
        RequestIntakeInput in = input();
        in.receivedAt = m_now.addSecs(60); // the officer's clock runs a little fast
        auto made = m_intake->create(in);
        QVERIFY2(made, qPrintable(made.error()));
    }

    void duplicatesAreTheSameAddressOpenOrRecentlyClosed()
    {
        storeRequest("D-open", "Intake.Person@Example.ORG", std::nullopt);
        storeRequest("D-recent", "intake.person@example.org", 30);
        storeRequest("D-old", "intake.person@example.org", 100);
        storeRequest("D-other", "someone.else@example.org", std::nullopt);
        auto found = m_intake->possibleDuplicates(input());
        QVERIFY2(found, qPrintable(found.error()));
        QStringList ids;
        for (const RightsRequest& q : found.value())
            ids << q.id;
        ids.sort();
        QCOMPARE(ids, QStringList({"D-open", "D-recent"}));

        // Another organization's request is not a duplicate.
        RequestIntakeInput elsewhere = input();
        elsewhere.organizationId = "org-trainrun";
        auto none = m_intake->possibleDuplicates(elsewhere);
        QVERIFY(none);
        QVERIFY(none->isEmpty());
    }

    void uuidV7HasTheVersionVariantAndTime()
    {
        const QString id = RequestIntake::uuidV7(0x0190'1234'5678, 0xabc, 0x3fff'ffff'ffff'ffffULL);
        QCOMPARE(id, QString("01901234-5678-7abc-bfff-ffffffffffff"));
        const QString zero = RequestIntake::uuidV7(0, 0, 0);
        QCOMPARE(zero, QString("00000000-0000-7000-8000-000000000000"));

        static const QRegularExpression shape(
            "^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QString fresh = RequestIntake::newUuidV7();
        QVERIFY2(shape.match(fresh).hasMatch(), qPrintable(fresh));
        // (Qt 6.4's QUuid::version() knows versions up to 5 only.)
        const QUuid u(fresh);
        QVERIFY(!u.isNull());
        QCOMPARE(u.variant(), QUuid::DCE);
        QCOMPARE(u.data3 >> 12, 7);
        const qint64 ms = fresh.left(8).append(fresh.mid(9, 4)).toLongLong(nullptr, 16);
        QVERIFY(ms >= before);
        QVERIFY(ms - before < 60'000);
    }

    void uuidV7IdsAreOrderedByTime()
    {
        // By their text: a later millisecond sorts later.
        QVERIFY(RequestIntake::uuidV7(1000, 0xfff, ~0ULL) < RequestIntake::uuidV7(1001, 0, 0));
        // Made one after the other, even within one millisecond.
        QStringList ids;
        for (int i = 0; i < 2000; ++i)
            ids << RequestIntake::newUuidV7();
        for (int i = 1; i < ids.size(); ++i)
            QVERIFY2(ids[i - 1] < ids[i], qPrintable(ids[i - 1] + " !< " + ids[i]));
        // And a created request gets one.
        auto made = m_intake->create(input());
        QVERIFY(made);
        QCOMPARE(QUuid(made->request.id).data3 >> 12, 7);
        QVERIFY(ids.last() < made->request.id);
    }

    void aReadOnlyWorkspaceRefusesAndWritesNothing()
    {
        const QString path = m_ws->path();
        m_intake.reset();
        m_ws.reset();
        auto ro = Workspace::open(path, {Database::Mode::ReadOnly, {}});
        QVERIFY(ro);
        RequestIntake intake(*ro.value());
        intake.setClock([this] { return m_now; });
        auto made = intake.create(input());
        QVERIFY(!made);
        QCOMPARE(count(*ro.value(), "SELECT count(*) FROM rights_requests WHERE subject_email = "
                                    "'intake.person@example.org'"),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestRequestIntake)
#include "tst_requestintake.moc"
