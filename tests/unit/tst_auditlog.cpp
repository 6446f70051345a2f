#include "TestSupport.h"
#include "storage/AuditSigning.h"

#include <QFile>
#include <QScopeGuard>

using namespace workbench;
using namespace workbench::test;

class TestAuditLog : public QObject
{
    Q_OBJECT

private:
    // The demo's entries: its creation and the records of each table.
    static constexpr qint64 kDemoEntries = 7;

    static QString problemsOf(const AuditVerification& v) { return v.problems.join('\n'); }

    // A workspace with the demo's entries and three edits of Stripe.
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
        QVERIFY2(ws->verifyAudit().ok(), qPrintable(problemsOf(ws->verifyAudit())));
        QCOMPARE(ws->verifyAudit().entries, kDemoEntries + 3);
    }

    void aSaveThatChangesNothingWritesNothing()
    {
        TempFolder tmp;
        auto ws = makeDemoWorkspace(tmp.path("b.sqlite"));
        QVERIFY(ws);
        const Processor p = *ws->processor("p-resend").value();
        QVERIFY(ws->save(p, "no change"));
        QCOMPARE(ws->auditEntries()->size(), kDemoEntries);
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
               "'x@evil.example') WHERE seq = 9"
            << qint64(9) << "entry #9: its content does not match its hash (it was edited)";
        QTest::newRow("deleted entry")
            << "DELETE FROM audit_log WHERE seq = 8" << qint64(9) << "entries #8 to #8 are missing";
        QTest::newRow("deleted last entry") << "DELETE FROM audit_log WHERE seq = 10" << qint64(10)
                                            << "ends at #9 but its last entry was #10";
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
        AuditEntry e = entries->at(kDemoEntries + 1);
        e.summary = "nothing happened";
        const QString forged = AuditLog::computeHash(e);
        QSqlQuery q(ws.value()->database().connection());
        q.prepare("UPDATE audit_log SET summary = ?, hash = ? WHERE seq = ?");
        q.addBindValue(e.summary);
        q.addBindValue(forged);
        q.addBindValue(e.seq);
        QVERIFY(q.exec());
        const AuditVerification v = ws.value()->verifyAudit();
        QVERIFY(!v.ok());
        QCOMPARE(v.firstBrokenSeq, e.seq + 1);
    }

    // --- Tampering that the chain alone did not show --------------------

    void anUntouchedDemoWorkspacePassesSigned()
    {
        TempFolder tmp;
        auto ws = makeDemoWorkspace(tmp.path("d.sqlite"));
        QVERIFY(ws);
        const AuditVerification v = ws->verifyAudit();
        QVERIFY2(v.ok(), qPrintable(problemsOf(v)));
        QCOMPARE(v.entries, kDemoEntries);
        QCOMPARE(v.signedSeq, kDemoEntries);
        QVERIFY(v.recordsChecked > 100);
        // The key the workspace records is the test environment's.
        QCOMPARE(v.publicKey, AuditSigning::publicKeyOfSeed(QByteArray::fromBase64(
                                  qgetenv(AuditSigning::kEnvironmentVariable))));
    }

    void aWipedLogFails_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("entries and head") << "DELETE FROM audit_log; DELETE FROM workspace_meta "
                                             "WHERE key IN ('audit_head_seq', 'audit_head_hash')";
        QTest::newRow("entries, head and signature")
            << "DELETE FROM audit_log; DELETE FROM workspace_meta WHERE key LIKE 'audit_%'";
    }
    void aWipedLogFails()
    {
        QFETCH(QString, sql);
        TempFolder tmp;
        const QString path = tmp.path("w.sqlite");
        QVERIFY(workspaceWithEdits(path));
        for (const QString& statement : sql.split("; "))
            execOnFile(path, statement);
        auto ws = Workspace::open(path, {Database::Mode::ReadOnly, {}});
        QVERIFY_OK(ws);
        const AuditVerification v = ws.value()->verifyAudit();
        QVERIFY(!v.ok());
        QCOMPARE(v.entries, 0);
        const QString problems = problemsOf(v);
        QVERIFY2(problems.contains("table processors, record p-stripe: not in the audit log") ||
                     problems.contains("the records' states were never recorded"),
                 qPrintable(problems));
        if (sql.contains("audit_head_seq"))
            QVERIFY2(problems.contains("the signed head is entry #10 but the log ends at #0"),
                     qPrintable(problems));
    }

    void aHeadMovedBackFails()
    {
        TempFolder tmp;
        const QString path = tmp.path("h.sqlite");
        QString hashOf8;
        {
            auto ws = workspaceWithEdits(path);
            QVERIFY(ws);
            hashOf8 = ws->auditEntries().value().at(7).hash;
        }
        // The last two entries go and the head points at the one before:
        // a consistent, shorter chain.
        execOnFile(path, "DELETE FROM audit_log WHERE seq > 8");
        execOnFile(path, "UPDATE workspace_meta SET value = '8' WHERE key = 'audit_head_seq'");
        execOnFile(path, QStringLiteral("UPDATE workspace_meta SET value = '%1' WHERE key = "
                                        "'audit_head_hash'")
                             .arg(hashOf8));
        auto ws = Workspace::open(path, {Database::Mode::ReadOnly, {}});
        QVERIFY_OK(ws);
        const AuditVerification v = ws.value()->verifyAudit();
        QVERIFY(!v.ok());
        QVERIFY2(problemsOf(v).contains("the signed head is entry #10 but the log ends at #8 "
                                        "(entries at the end were deleted)"),
                 qPrintable(problemsOf(v)));
    }

    void aRecomputedChainFails()
    {
        TempFolder tmp;
        const QString path = tmp.path("r.sqlite");
        QVERIFY(workspaceWithEdits(path));
        auto ws = Workspace::open(path, {Database::Mode::ReadOnly, {}});
        QVERIFY_OK(ws);
        // Entry #8 (the first edit) says something else, and every hash from it on is
        // recomputed, the head too: the chain is consistent again.
        QList<AuditEntry> entries = ws.value()->auditEntries().value();
        entries[7].summary = "nothing happened";
        for (qsizetype i = 7; i < entries.size(); ++i) {
            entries[i].prevHash = entries[i - 1].hash;
            entries[i].hash = AuditLog::computeHash(entries[i]);
            execOnFile(path, QStringLiteral("UPDATE audit_log SET summary = '%1', prev_hash = "
                                            "'%2', hash = '%3' WHERE seq = %4")
                                 .arg(entries[i].summary, entries[i].prevHash, entries[i].hash)
                                 .arg(entries[i].seq));
        }
        execOnFile(path, QStringLiteral("UPDATE workspace_meta SET value = '%1' WHERE key = "
                                        "'audit_head_hash'")
                             .arg(entries.last().hash));
        const AuditVerification v = ws.value()->verifyAudit();
        QVERIFY(!v.ok());
        QVERIFY2(problemsOf(v).contains("entry #10: is not the entry that was signed"),
                 qPrintable(problemsOf(v)));
        // Re-pointing the signed hash does not help: the signature is over it.
        execOnFile(path, QStringLiteral("UPDATE workspace_meta SET value = '%1' WHERE key = "
                                        "'audit_signed_hash'")
                             .arg(entries.last().hash));
        QVERIFY2(problemsOf(ws.value()->verifyAudit())
                     .contains("the signature of the head does not match the workspace's public "
                               "key"),
                 qPrintable(problemsOf(ws.value()->verifyAudit())));
    }

    void aRecordChangedOutsideTheAppFails_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("problem");
        QTest::newRow("updated processor")
            << "UPDATE processors SET contact = 'evil@example.com' WHERE id = 'p-stripe'"
            << "table processors, record p-stripe: differs from its last audited state (entry "
               "#10): changed outside the app";
        QTest::newRow("processor list field")
            << "UPDATE processor_locations SET value = 'RU' WHERE processor_id = 'p-stripe'"
            << "table processors, record p-stripe: differs from its last audited state";
        QTest::newRow("inserted organization")
            << "INSERT INTO organizations (id, name) VALUES ('o-ghost', 'Ghost')"
            << "table organizations, record o-ghost: not in the audit log (added outside the app)";
        QTest::newRow("deleted rule")
            << "DELETE FROM retention_rules WHERE rowid = (SELECT min(rowid) FROM "
               "retention_rules)"
            << "missing, but entry #";
    }
    void aRecordChangedOutsideTheAppFails()
    {
        QFETCH(QString, sql);
        QFETCH(QString, problem);
        TempFolder tmp;
        const QString path = tmp.path("u.sqlite");
        QVERIFY(workspaceWithEdits(path));
        {
            auto before = Workspace::open(path, {Database::Mode::ReadOnly, {}});
            QVERIFY_OK(before);
            QVERIFY2(before.value()->verifyAudit().ok(),
                     qPrintable(problemsOf(before.value()->verifyAudit())));
        }
        execOnFile(path, sql);
        auto ws = Workspace::open(path, {Database::Mode::ReadOnly, {}});
        QVERIFY_OK(ws);
        const AuditVerification v = ws.value()->verifyAudit();
        QVERIFY(!v.ok());
        QVERIFY2(problemsOf(v).contains(problem), qPrintable(problemsOf(v)));
    }

    void derivedColumnsAreNotTheRecord()
    {
        // Due dates are recomputed by the app without an entry: not a change.
        TempFolder tmp;
        const QString path = tmp.path("dd.sqlite");
        QVERIFY(makeDemoWorkspace(path));
        execOnFile(path, "UPDATE rights_requests SET due_legal = NULL");
        auto ws = Workspace::open(path, {Database::Mode::ReadOnly, {}});
        QVERIFY_OK(ws);
        QVERIFY2(ws.value()->verifyAudit().ok(), qPrintable(problemsOf(ws.value()->verifyAudit())));
    }

    void anExpectedHeadIsChecked()
    {
        TempFolder tmp;
        const QString path = tmp.path("e.sqlite");
        auto ws = workspaceWithEdits(path);
        QVERIFY(ws);
        auto head = AuditLog::head(ws->database());
        QVERIFY_OK(head);
        QCOMPARE(head->seq, kDemoEntries + 3);
        QCOMPARE(head->anchor(), QString::number(head->seq) + ':' + head->hash.left(12));

        auto check = [&](qint64 seq, const QString& hash) {
            return ws->verifyAudit({seq, hash});
        };
        QVERIFY2(check(head->seq, head->hash.left(12)).ok(),
                 qPrintable(problemsOf(check(head->seq, head->hash.left(12)))));
        // An earlier anchor: the chain runs on from it to the signed head.
        const AuditEntry seventh = ws->auditEntries().value().at(6);
        QVERIFY(check(7, seventh.hash.left(16).toUpper()).ok());

        const AuditVerification wrong = check(7, QString(12, '0'));
        QVERIFY(!wrong.ok());
        QVERIFY2(problemsOf(wrong).contains("entry #7: its hash starts " + seventh.hash.left(12) +
                                            ", not 000000000000"),
                 qPrintable(problemsOf(wrong)));
        const AuditVerification future = check(head->seq + 5, head->hash.left(12));
        QVERIFY(!future.ok());
        QVERIFY2(problemsOf(future).contains(
                     QStringLiteral("entry #%1: the expected head does not exist (the log ends "
                                    "at #%2)")
                         .arg(head->seq + 5)
                         .arg(head->seq)),
                 qPrintable(problemsOf(future)));
    }

    void writesWithoutTheKeyAreUnsignedUntilItComesBack()
    {
        TempFolder tmp;
        const QString path = tmp.path("k.sqlite");
        QVERIFY(makeDemoWorkspace(path));
        const QByteArray key = qgetenv(AuditSigning::kEnvironmentVariable);
        const auto restore = qScopeGuard([&] {
            qputenv(AuditSigning::kEnvironmentVariable, key);
            AuditSigning::forgetKeys();
        });
        AuditSigning::forgetKeys();
        qputenv(AuditSigning::kEnvironmentVariable, ""); // signing off, keychain not asked
        {
            auto ws = Workspace::open(path);
            QVERIFY_OK(ws);
            const AuditSigning::KeyState state = AuditSigning::state(ws.value()->database());
            QVERIFY(!state.canSign);
            QVERIFY2(state.reason.contains("PRIVACY_WORKBENCH_AUDIT_KEY is set empty"),
                     qPrintable(state.reason));
            Processor p = *ws.value()->processor("p-stripe").value();
            p.contact = "new@stripe.com";
            QVERIFY_OK(ws.value()->save(p, "Edit Stripe: contact"));
            const AuditVerification v = ws.value()->verifyAudit();
            QVERIFY(!v.ok());
            QCOMPARE(v.signedSeq, kDemoEntries);
            QVERIFY2(problemsOf(v).contains("entries #8 to #8 are not signed (written without "
                                            "the signing key"),
                     qPrintable(problemsOf(v)));
        }
        // The key is back: the next write signs the head again.
        AuditSigning::forgetKeys();
        qputenv(AuditSigning::kEnvironmentVariable, key);
        auto ws = Workspace::open(path);
        QVERIFY_OK(ws);
        Processor p = *ws.value()->processor("p-stripe").value();
        p.contact = "newer@stripe.com";
        QVERIFY_OK(ws.value()->save(p, "Edit Stripe: contact"));
        const AuditVerification v = ws.value()->verifyAudit();
        QVERIFY2(v.ok(), qPrintable(problemsOf(v)));
        QCOMPARE(v.signedSeq, kDemoEntries + 2);
    }

    void anotherKeyDoesNotSign()
    {
        TempFolder tmp;
        const QString path = tmp.path("o.sqlite");
        QVERIFY(makeDemoWorkspace(path));
        const QByteArray key = qgetenv(AuditSigning::kEnvironmentVariable);
        const auto restore = qScopeGuard([&] {
            qputenv(AuditSigning::kEnvironmentVariable, key);
            AuditSigning::forgetKeys();
        });
        AuditSigning::forgetKeys();
        // A different seed: not this workspace's key; the keychain is asked
        // and (in this test environment) has none, or does not answer.
        qputenv(AuditSigning::kEnvironmentVariable, QByteArray(32, 'x').toBase64());
        auto ws = Workspace::open(path, {Database::Mode::Companion, {}});
        QVERIFY_OK(ws);
        const AuditSigning::KeyState state = AuditSigning::state(ws.value()->database());
        QVERIFY(!state.canSign);
        QVERIFY2(state.reason.contains("holds another key than this workspace's"),
                 qPrintable(state.reason));
    }

    void theKeyIsNeverInTheWorkspaceFile()
    {
        TempFolder tmp;
        const QString path = tmp.path("s.sqlite");
        {
            auto ws = workspaceWithEdits(path);
            QVERIFY(ws);
        }
        const QByteArray encoded = qgetenv(AuditSigning::kEnvironmentVariable);
        const QByteArray seed = QByteArray::fromBase64(encoded);
        QCOMPARE(seed.size(), 32);
        for (const QString& file : QStringList{path, path + "-wal", path + "-shm"}) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(seed), qPrintable(file));
            QVERIFY2(!bytes.contains(encoded), qPrintable(file));
            QVERIFY2(!bytes.contains(seed.toHex()), qPrintable(file));
        }
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
