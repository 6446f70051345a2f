#include "TestSupport.h"

using namespace workbench;
using namespace workbench::test;

class TestAuditLog : public QObject
{
    Q_OBJECT

private:
    // A workspace with the demo's creation entry and three edits of Stripe.
    static std::unique_ptr<Workspace> workspaceWithEdits(const QString& path)
    {
        auto ws = makeDemoWorkspace(path);
        if (!ws)
            return nullptr;
        ws->setActor("dana");
        auto stripe = ws->processor("p-stripe");
        Processor p = *stripe.value();
        for (const char* contact : {"a@stripe.com", "b@stripe.com", "c@stripe.com"}) {
            p.contact = QString::fromLatin1(contact);
            if (!ws->save(p, "Edit Stripe: contact"))
                return nullptr;
        }
        return ws;
    }

private slots:
    void everyChangeIsRecordedWithBeforeAndAfter()
    {
        TempFolder tmp;
        auto ws = workspaceWithEdits(tmp.path("a.sqlite"));
        QVERIFY(ws);
        auto entries = ws->auditEntries({"processors", "p-stripe"});
        QVERIFY(entries);
        QCOMPARE(entries->size(), 3);
        const AuditEntry& second = entries->at(1);
        QCOMPARE(second.actor, QStringLiteral("dana"));
        QCOMPARE(second.action, QStringLiteral("update"));
        QCOMPARE(second.before.value("contact").toString(), QStringLiteral("a@stripe.com"));
        QCOMPARE(second.after.value("contact").toString(), QStringLiteral("b@stripe.com"));
        QCOMPARE(second.prevHash, entries->at(0).hash);
        QVERIFY(ws->verifyAudit().ok());
        QCOMPARE(ws->verifyAudit().entries, 4);
    }

    void aSaveThatChangesNothingWritesNothing()
    {
        TempFolder tmp;
        auto ws = makeDemoWorkspace(tmp.path("b.sqlite"));
        QVERIFY(ws);
        const Processor p = *ws->processor("p-resend").value();
        QVERIFY(ws->save(p, "no change"));
        QCOMPARE(ws->auditEntries()->size(), 1);
    }

    void rowAndEntryAreOneTransaction()
    {
        TempFolder tmp;
        const QString path = tmp.path("c.sqlite");
        auto ws = makeDemoWorkspace(path);
        QVERIFY(ws);
        // A broken audit table makes the whole change fail: the processor
        // row must stay as it was.
        QSqlQuery q(ws->database().connection());
        QVERIFY(q.exec("CREATE TRIGGER refuse BEFORE INSERT ON audit_log BEGIN "
                       "SELECT RAISE(ABORT, 'audit unavailable'); END"));
        Processor p = *ws->processor("p-stripe").value();
        p.contact = "changed@stripe.com";
        const Status s = ws->save(p, "Edit Stripe");
        QVERIFY(!s);
        QVERIFY2(s.error().contains("audit unavailable"), qPrintable(s.error()));
        QCOMPARE(ws->processor("p-stripe").value()->contact, QStringLiteral("dpo@stripe.com"));
    }

    void tamperingIsFound_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("brokenAt");
        QTest::addColumn<QString>("problem");
        QTest::newRow("edited entry")
            << "UPDATE audit_log SET after_json = replace(after_json, 'b@stripe.com', "
               "'x@evil.example') WHERE seq = 3"
            << qint64(3) << "entry #3: its content does not match its hash (it was edited)";
        QTest::newRow("deleted entry")
            << "DELETE FROM audit_log WHERE seq = 2" << qint64(3) << "entries #2 to #2 are missing";
        QTest::newRow("deleted last entry") << "DELETE FROM audit_log WHERE seq = 4" << qint64(4)
                                            << "ends at #3 but its last entry was #4";
    }
    void tamperingIsFound()
    {
        QFETCH(QString, sql);
        QFETCH(qint64, brokenAt);
        QFETCH(QString, problem);
        TempFolder tmp;
        const QString path = tmp.path("t.sqlite");
        {
            auto ws = workspaceWithEdits(path);
            QVERIFY(ws);
        }
        execOnFile(path, sql);
        auto ws = Workspace::open(path);
        QVERIFY(ws);
        const AuditVerification v = ws.value()->verifyAudit();
        QVERIFY(!v.ok());
        QCOMPARE(v.firstBrokenSeq, brokenAt);
        QVERIFY2(v.problems.join('\n').contains(problem), qPrintable(v.problems.join('\n')));
    }

    void rehashedForgeryStillBreaksTheChain()
    {
        TempFolder tmp;
        const QString path = tmp.path("g.sqlite");
        {
            auto ws = workspaceWithEdits(path);
            QVERIFY(ws);
        }
        // A tamperer who edits entry 2 and recomputes its own hash still
        // breaks the link to entry 3.
        auto ws = Workspace::open(path);
        QVERIFY(ws);
        auto entries = ws.value()->auditEntries();
        AuditEntry e = entries->at(1);
        e.summary = "nothing happened";
        const QString forged = AuditLog::computeHash(e);
        QSqlQuery q(ws.value()->database().connection());
        q.prepare("UPDATE audit_log SET summary = ?, hash = ? WHERE seq = 2");
        q.addBindValue(e.summary);
        q.addBindValue(forged);
        QVERIFY(q.exec());
        const AuditVerification v = ws.value()->verifyAudit();
        QVERIFY(!v.ok());
        QCOMPARE(v.firstBrokenSeq, 3);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
