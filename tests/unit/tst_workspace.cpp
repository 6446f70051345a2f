#include "TestSupport.h"
#include "services/RequestOverview.h"
#include "services/Session.h"

#include <QFileInfo>

using namespace workbench;
using namespace workbench::test;

// What the window and the command line ask the Workspace about itself, and
// the requests needing attention through the services (they never reach the
// connection).
class TestWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void answersAboutItselfAsItsConnectionDoes()
    {
        TempFolder tmp;
        auto ws = makeDemoWorkspace(tmp.path("w.sqlite"));
        QVERIFY(ws);
        QVERIFY(!ws->isReadOnly());
        QVERIFY(ws->readOnlyReason().isEmpty());
        QCOMPARE(ws->schemaVersion(), Workspace::latestSchemaVersion());
        QCOMPARE(ws->schemaVersion(), ws->database().schemaVersion());
        QVERIFY(ws->integrityProblems().isEmpty());

        auto head = ws->auditHead();
        QVERIFY_OK(head);
        auto direct = AuditLog::head(ws->database());
        QVERIFY_OK(direct);
        QVERIFY(head->seq > 0);
        QCOMPARE(head->seq, direct->seq);
        QCOMPARE(head->hash, direct->hash);

        // The tests' environment gives the signing key.
        const AuditSigning::KeyState key = ws->signingState();
        QVERIFY2(key.canSign, qPrintable(key.reason));
        QVERIFY(!key.publicKey.isEmpty());
        QCOMPARE(key.publicKey, AuditSigning::state(ws->database()).publicKey);
    }

    void aFileThisUserMayNotChangeIsReadOnlyAndSaysWhy()
    {
        TempFolder tmp;
        const QString path = tmp.path("ro.sqlite");
        QVERIFY(makeDemoWorkspace(path));
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner));
        Database::Options fallback;
        fallback.readOnlyFallback = true;
        auto ws = openWorkspace(path, fallback);
        QVERIFY_OK(ws);
        QVERIFY(ws.value()->isReadOnly());
        const QString reason = ws.value()->readOnlyReason();
        QVERIFY2(reason.contains("no write permission") && reason.contains("0400"),
                 qPrintable(reason));
        const QString refusal = ws.value()->readOnlyError().message;
        QVERIFY2(refusal.contains(QFileInfo(path).fileName()) && refusal.contains(reason),
                 qPrintable(refusal));
        // Reading works: the head and the schema.
        QVERIFY_OK(ws.value()->auditHead());
        QCOMPARE(ws.value()->schemaVersion(), Workspace::latestSchemaVersion());

        // Asked for reading only: read-only, with no reason to give.
        auto asked = openWorkspace(path, {Database::Mode::ReadOnly, {}});
        QVERIFY_OK(asked);
        QVERIFY(asked.value()->isReadOnly());
        QVERIFY(asked.value()->readOnlyReason().isEmpty());
    }

    void attentionListsTheRequestsDueAndOverdue()
    {
        TempFolder tmp;
        auto ws = makeDemoWorkspace(tmp.path("a.sqlite"));
        QVERIFY(ws);
        const QDate today(kDemoYear, kDemoMonth, kDemoDay);
        auto orgs = ws->organizations();
        QVERIFY_OK(orgs);
        int seen = 0;
        for (const QString& org : {orgs->first().id, QString()}) {
            auto lists = RequestOverview(*ws).attention(org, today);
            QVERIFY_OK(lists);
            auto direct = RequestAttentionLists::read(ws->database(), org, today);
            QVERIFY_OK(direct);
            QCOMPARE(lists->overdueCount, direct->overdueCount);
            QCOMPARE(lists->dueThisWeekCount, direct->dueThisWeekCount);
            QCOMPARE(lists->acknowledgementsDueCount, direct->acknowledgementsDueCount);
            QCOMPARE(lists->overdue.size(), direct->overdue.size());
            for (qsizetype i = 0; i < lists->overdue.size(); ++i) {
                QCOMPARE(lists->overdue[i].id, direct->overdue[i].id);
                QVERIFY(lists->overdue[i].due < today);
            }
            for (const RequestAttention& a : lists->dueThisWeek)
                QVERIFY(a.due >= today && a.due <= today.addDays(7));
            seen += lists->overdueCount + lists->dueThisWeekCount;

            // A limit shortens the lists, not the counts.
            auto one = RequestOverview(*ws).attention(org, today, 1);
            QVERIFY_OK(one);
            QVERIFY(one->overdue.size() <= 1 && one->dueThisWeek.size() <= 1 &&
                    one->acknowledgementsDue.size() <= 1);
            QCOMPARE(one->overdueCount, lists->overdueCount);
            QCOMPARE(one->dueThisWeekCount, lists->dueThisWeekCount);
        }
        QVERIFY2(seen > 0, "the demo has requests due or overdue on its date");
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
