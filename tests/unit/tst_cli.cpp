#include "TestSupport.h"
#include "cli/Cli.h"
#include "storage/AuditSigning.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace workbench;
using namespace workbench::test;

namespace {

struct Run
{
    int code;
    QString out;
    QString err;
};

Run runCli(const QStringList& args)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    const int code = cli::run(QStringList{"privacy-workbench"} + args, o, e);
    o.flush();
    e.flush();
    return {code, out, err};
}

Run runBinary(const QStringList& args, const QStringList& unset = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& name : unset)
        env.remove(name);
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM"); // commands must not need a display at all
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("PRIVACY_WORKBENCH_BIN"), args);
    if (!p.waitForFinished(60000))
        return {-1, {}, "timed out"};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void versionAndHelp()
    {
        const Run v = runCli({"--version"});
        QCOMPARE(v.code, 0);
        QCOMPARE(v.out.trimmed(), QStringLiteral("privacy-workbench " WORKBENCH_VERSION));
        const Run h = runCli({"--help"});
        QCOMPARE(h.code, 0);
        QVERIFY(h.out.contains("init-demo --workspace FILE"));
        QVERIFY(h.out.contains("verify --workspace FILE"));
    }

    void wrongArgumentsPrintUsageAndExit2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command")
            << QStringList{"frobnicate"} << "unknown command 'frobnicate'";
        QTest::newRow("missing workspace") << QStringList{"verify"} << "needs --workspace FILE";
        QTest::newRow("unknown option")
            << QStringList{"verify", "--workspace", "x", "--loud"} << "Unknown option 'loud'";
        QTest::newRow("stray argument")
            << QStringList{"verify", "--workspace", "x", "extra"} << "unexpected argument 'extra'";
        QTest::newRow("bad date") << QStringList{"init-demo", "--workspace", "x", "--date",
                                                 "2026-02-30"}
                                  << "is not a date";
    }
    void wrongArgumentsPrintUsageAndExit2()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runCli(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.err.contains("Usage:"));
    }

    void initDemoThenVerify()
    {
        TempFolder tmp;
        const QString path = tmp.path("cli.sqlite");
        const Run init = runBinary({"init-demo", "--workspace", path, "--date", "2026-11-23"});
        QCOMPARE(init.code, 0);
        QVERIFY2(init.out.contains("organizations: 3"), qPrintable(init.out + init.err));
        const Run again = runBinary({"init-demo", "--workspace", path});
        QCOMPARE(again.code, 1);
        QVERIFY(again.err.contains("already exists"));

        const Run ok = runBinary({"verify", "--workspace", path});
        QCOMPARE(ok.code, 0);
        QVERIFY2(ok.out.contains("hash chain intact"), qPrintable(ok.out));
        QVERIFY(ok.out.contains("SQLite integrity: ok"));

        execOnFile(path, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 1");
        const Run broken = runBinary({"verify", "--workspace", path});
        QCOMPARE(broken.code, 1);
        QVERIFY2(broken.out.contains("BROKEN at entry #1"), qPrintable(broken.out));
        QVERIFY(broken.out.contains("Result: FAILED"));
    }

    void verifyNeedsNoKeyToFindTampering()
    {
        TempFolder tmp;
        const QString path = tmp.path("signed.sqlite");
        QCOMPARE(runBinary({"init-demo", "--workspace", path, "--date", "2026-11-23"}).code, 0);
        // verify never needs the secret: run it without.
        const QStringList noKey{"PRIVACY_WORKBENCH_AUDIT_KEY"};
        const Run ok = runBinary({"verify", "--workspace", path}, noKey);
        QCOMPARE(ok.code, 0);
        const QString publicKey = AuditSigning::publicKeyOfSeed(
            QByteArray::fromBase64(qgetenv("PRIVACY_WORKBENCH_AUDIT_KEY")));
        QVERIFY2(ok.out.contains("Signing key:    " + publicKey), qPrintable(ok.out));
        QVERIFY2(ok.out.contains("hash chain intact, head #6 signed"), qPrintable(ok.out));
        QVERIFY2(ok.out.contains(" checked, each as its last entry left it"), qPrintable(ok.out));
        const QRegularExpression anchorLine("Anchor: (6:[0-9a-f]{12}) ");
        const auto anchor = anchorLine.match(ok.out);
        QVERIFY2(anchor.hasMatch(), qPrintable(ok.out));

        // The printed anchor checks; a wrong hash, a future entry and a
        // malformed anchor do not.
        const Run expected =
            runBinary({"verify", "--workspace", path, "--expect-head", anchor.captured(1)}, noKey);
        QCOMPARE(expected.code, 0);
        QVERIFY2(expected.out.contains("Expected head #6: present"), qPrintable(expected.out));
        const Run wrong =
            runBinary({"verify", "--workspace", path, "--expect-head", "6:0123456789ab"}, noKey);
        QCOMPARE(wrong.code, 1);
        QVERIFY2(wrong.out.contains("entry #6: its hash starts"), qPrintable(wrong.out));
        const Run future =
            runBinary({"verify", "--workspace", path, "--expect-head", "60:0123456789ab"}, noKey);
        QCOMPARE(future.code, 1);
        QVERIFY2(future.out.contains("entry #60: the expected head does not exist (the log ends "
                                     "at #6)"),
                 qPrintable(future.out));
        const Run malformed =
            runBinary({"verify", "--workspace", path, "--expect-head", "6:abc"}, noKey);
        QCOMPARE(malformed.code, 2);
        QVERIFY2(malformed.err.contains("--expect-head '6:abc' is not an anchor"),
                 qPrintable(malformed.err));

        // A processor changed outside the app is named.
        execOnFile(path, "UPDATE processors SET contact = 'evil@example.com' WHERE id = 'p-resend'");
        const Run changed = runBinary({"verify", "--workspace", path}, noKey);
        QCOMPARE(changed.code, 1);
        QVERIFY2(changed.out.contains("table processors, record p-resend: differs from its last "
                                      "audited state"),
                 qPrintable(changed.out));
        QVERIFY(changed.out.contains("Result: FAILED"));

        // A wiped log (entries and head deleted) fails too.
        const QString wiped = tmp.path("wiped.sqlite");
        QCOMPARE(runBinary({"init-demo", "--workspace", wiped, "--date", "2026-11-23"}).code, 0);
        execOnFile(wiped, "DELETE FROM audit_log");
        execOnFile(wiped, "DELETE FROM workspace_meta WHERE key IN ('audit_head_seq', "
                          "'audit_head_hash')");
        const Run gone = runBinary({"verify", "--workspace", wiped}, noKey);
        QCOMPARE(gone.code, 1);
        QVERIFY2(gone.out.contains("the signed head is entry #6 but the log ends at #0"),
                 qPrintable(gone.out));
    }

    void verifyExplainsAFileItCannotRead()
    {
        TempFolder tmp;
        const Run missing = runBinary({"verify", "--workspace", tmp.path("nope.sqlite")});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains("does not exist"), qPrintable(missing.err));
    }

    void dueFollowsTheWorkedExamples()
    {
        const Run gdpr = runCli({"due", "--jurisdiction", "GDPR", "--received", "2026-09-03"});
        QCOMPARE(gdpr.code, 0);
        QVERIFY2(gdpr.out.startsWith("2026-10-05  GDPR Art. 12(3)-(4)"), qPrintable(gdpr.out));
        const Run uk = runCli(
            {"due", "--jurisdiction", "UK_GDPR", "--received", "2026-03-02", "--paused-days", "7"});
        QVERIFY(uk.out.startsWith("2026-04-09"));
        const Run ccpa = runCli({"due", "--jurisdiction", "CCPA", "--received", "2026-03-02",
                                 "--verified", "2026-03-20", "--format", "json"});
        QCOMPARE(ccpa.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(ccpa.out.toUtf8()).object();
        QCOMPARE(o.value("response_due").toString(), QStringLiteral("2026-04-16"));
        QCOMPARE(o.value("acknowledge_by").toString(), QStringLiteral("2026-03-16"));
        QCOMPARE(o.value("extension_notice_by").toString(), QStringLiteral("2026-04-16"));
        QVERIFY(o.value("citation").toString().contains("7021"));
        QCOMPARE(o.value("rule").toObject().value("period").toObject().value("amount").toInt(), 45);
        const Run lgpd = runCli(
            {"due", "--jurisdiction", "LGPD", "--received", "2026-06-01", "--format", "json"});
        const QJsonObject l = QJsonDocument::fromJson(lgpd.out.toUtf8()).object();
        QVERIFY(l.value("acknowledge_by").isNull());
        QVERIFY(l.value("extension_notice_by").isNull());
    }

    void dueTakesAHolidayFile()
    {
        TempFolder tmp;
        QFile f(tmp.path("holidays.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# bank holidays\n2026-10-05 Example Day\n");
        f.close();
        const Run r = runCli({"due", "--jurisdiction", "GDPR", "--received", "2026-09-03",
                              "--holidays", f.fileName()});
        QVERIFY2(r.out.startsWith("2026-10-06"), qPrintable(r.out + r.err));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("2026-10-05\nnext monday\n");
        f.close();
        const Run bad = runCli({"due", "--jurisdiction", "GDPR", "--received", "2026-09-03",
                                "--holidays", f.fileName()});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains("line 2: 'next' is not a date"), qPrintable(bad.err));
    }

    void dueRefusesBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown jurisdiction")
            << QStringList{"due", "--jurisdiction", "MARS", "--received", "2026-01-01"}
            << "unknown jurisdiction 'MARS'";
        QTest::newRow("bad date") << QStringList{"due", "--jurisdiction", "GDPR", "--received",
                                                 "2026-13-01"}
                                  << "--received '2026-13-01' is not a date";
        QTest::newRow("no date") << QStringList{"due", "--jurisdiction", "GDPR"}
                                 << "needs --received";
        QTest::newRow("bad pause")
            << QStringList{"due",        "--jurisdiction", "GDPR", "--received",
                           "2026-01-01", "--paused-days",  "x"}
            << "not a number of days";
        QTest::newRow("bad format")
            << QStringList{"due",        "--jurisdiction", "GDPR", "--received",
                           "2026-01-01", "--format",       "xml"}
            << "is not text or json";
    }
    void dueRefusesBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runCli(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void requestsListsWithDueDatesAndNoPersonalDataUnlessAsked()
    {
        TempFolder tmp;
        auto ws = makeDemoWorkspace(tmp.path("list.sqlite"));
        QVERIFY(ws);
        QSqlQuery q(ws->database().connection());
        QVERIFY(q.exec("SELECT count(*) FROM rights_requests WHERE is_open = 1 AND due_effective < "
                       "date('now')"));
        QVERIFY(q.next());
        const int overdue = q.value(0).toInt();
        ws.reset();
        const Run json = runCli(
            {"requests", "--workspace", tmp.path("list.sqlite"), "--overdue", "--format", "json"});
        QCOMPARE(json.code, 0);
        const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(rows.size(), overdue);
        for (const QJsonValue& row : rows) {
            QVERIFY(row["days_left"].toInt() < 0);
            QVERIFY(!row.toObject().contains("email"));
        }
        const Run csv = runCli({"requests", "--workspace", tmp.path("list.sqlite"), "--org",
                                "org-genmedia", "--format", "csv", "--with-requester"});
        QCOMPARE(csv.code, 0);
        const QStringList lines = csv.out.split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 121);
        QVERIFY(lines.first().endsWith("requester,email"));
        QVERIFY(lines[1].contains("@example.com"));
        const Run plain = runCli({"requests", "--workspace", tmp.path("list.sqlite")});
        QVERIFY(!plain.out.contains("@example.com"));
        QVERIFY(plain.out.contains("360 request(s)"));
        const Run badOrg =
            runCli({"requests", "--workspace", tmp.path("list.sqlite"), "--org", "acme"});
        QCOMPARE(badOrg.code, 2);
    }

    void retentionPrintsRulesAndOnePersonsSchedule()
    {
        TempFolder tmp;
        QVERIFY(makeDemoWorkspace(tmp.path("ret.sqlite")));
        const QString ws = tmp.path("ret.sqlite");
        const Run rules =
            runCli({"retention", "--workspace", ws, "--org", "org-trainrun", "--format", "json"});
        QCOMPARE(rules.code, 0);
        const QJsonArray r = QJsonDocument::fromJson(rules.out.toUtf8()).array();
        QCOMPARE(r.size(), 5);
        QVERIFY(std::any_of(r.begin(), r.end(),
                            [](const QJsonValue& v) { return v["period"].toString() == "P90D"; }));
        const Run schedule = runCli({"retention", "--workspace", ws, "--org", "org-genmedia",
                                     "--deleted-on", "2026-01-31", "--format", "json"});
        QCOMPARE(schedule.code, 0);
        const QJsonArray s = QJsonDocument::fromJson(schedule.out.toUtf8()).array();
        QCOMPARE(s[1]["when"].toString(),
                 QStringLiteral("2026-02-03T00:00:00Z")); // the 72-hour countdown
        QCOMPARE(s[1]["period"].toString(), QStringLiteral("PT72H"));
        QVERIFY(std::any_of(s.begin(), s.end(), [](const QJsonValue& v) {
            return v["when"].toString().startsWith("2033-01-31") &&
                   v["data_category"].toString() == "spend-ledger entries";
        }));
        const Run csv = runCli({"retention", "--workspace", ws, "--org", "org-genmedia",
                                "--deleted-on", "2026-01-31", "--format", "csv"});
        QVERIFY(csv.out.startsWith("when,limit,action,data_category"));
        const Run bad = runCli({"retention", "--workspace", ws, "--org", "org-genmedia",
                                "--deleted-on", "31.01.2026"});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains("--deleted-on '31.01.2026' is not a date"));
        QCOMPARE(runCli({"retention", "--workspace", ws, "--org", "nobody"}).code, 2);
        QCOMPARE(runCli({"retention", "--workspace", ws}).code, 2);
    }

    void diffExitsLikeDiffAndGivesTheOperations()
    {
        TempFolder tmp;
        auto write = [&](const QString& name, const QByteArray& text) {
            QFile f(tmp.path(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write("a.md", "Stripe keeps data.\nWe retain logs for 30 days.\n");
        write("b.md", "Stripe keeps data.\nWe retain logs for 90 days.\n");
        write("c.md", "stripe  keeps data.\nWe retain logs for 30 days.\n");
        QCOMPARE(runCli({"diff", tmp.path("a.md"), tmp.path("a.md")}).code, 0);
        const Run unified = runCli({"diff", tmp.path("a.md"), tmp.path("b.md")});
        QCOMPARE(unified.code, 1);
        QVERIFY2(unified.out.contains("-We retain logs for 30 days.\n+We retain logs for 90 days."),
                 qPrintable(unified.out));
        QVERIFY(unified.out.contains("@@ -1,2 +1,2 @@"));
        QCOMPARE(runCli({"diff", "--ignore-whitespace", tmp.path("a.md"), tmp.path("c.md")}).code,
                 1);
        QCOMPARE(runCli({"diff", "--ignore-whitespace", "--ignore-case", tmp.path("a.md"),
                         tmp.path("c.md")})
                     .code,
                 0);
        const Run json = runCli({"diff", "--format", "json", tmp.path("a.md"), tmp.path("b.md")});
        QCOMPARE(json.code, 1);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o["summary"]["changed"].toInt(), 1);
        const QJsonArray rows = o["rows"].toArray();
        QCOMPARE(rows[0]["removed_words"].toArray().first().toString(), QString("30"));
        QCOMPARE(rows[0]["added_words"].toArray().first().toString(), QString("90"));
        // The operations rebuild the new text from the old.
        const QString before = "Stripe keeps data.\nWe retain logs for 30 days.\n";
        QString rebuilt;
        for (const QJsonValue& op : o["operations"].toArray()) {
            if (op["op"] == "equal")
                rebuilt += before.mid(op["old_offset"].toInt(), op["old_length"].toInt());
            else if (op["op"] == "insert")
                rebuilt += op["text"].toString();
        }
        QCOMPARE(rebuilt, QString("Stripe keeps data.\nWe retain logs for 90 days.\n"));
        const Run html = runCli({"diff", "--format", "html", tmp.path("a.md"), tmp.path("b.md")});
        QVERIFY(html.out.contains("<del>") && html.out.contains("90</span></ins>"));
        const Run missing = runCli({"diff", tmp.path("nope.md"), tmp.path("b.md")});
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains("nope.md"));
        QCOMPARE(runCli({"diff", tmp.path("a.md")}).code, 2);
        QCOMPARE(runCli({"diff", "--format", "xml", tmp.path("a.md"), tmp.path("b.md")}).code, 2);
    }

    void lintAndExtractAPolicy()
    {
        TempFolder tmp;
        QVERIFY(makeDemoWorkspace(tmp.path("x.sqlite")));
        const QString ws = tmp.path("x.sqlite");
        const QString seed =
            qEnvironmentVariable("PRIVACY_WORKBENCH_SEEDS") + "/000_6d4e5a1fbe59a3b1.txt";
        const Run clean = runCli({"lint", "--workspace", ws, "--org", "org-labelsets", seed});
        QCOMPARE(clean.code, 0);
        QVERIFY(clean.out.contains("0 findings"));
        QFile f(seed);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString original = QString::fromUtf8(f.readAll());
        QString text = original;
        text.replace("retained for 7 years", "retained for 10 years");
        QFile draft(tmp.path("draft.md"));
        QVERIFY(draft.open(QIODevice::WriteOnly));
        draft.write(text.toUtf8());
        draft.close();
        const Run findings = runCli({"lint", "--workspace", ws, "--org", "org-labelsets",
                                     "--format", "json", tmp.path("draft.md")});
        QCOMPARE(findings.code, 1);
        const QJsonArray list =
            QJsonDocument::fromJson(findings.out.toUtf8()).object()["findings"].toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0]["kind"].toString(), QString("period_mismatch"));
        QCOMPARE(list[0]["record"]["id"].toString(), QString("r-labelsets-transactions"));
        QCOMPARE(runCli({"lint", "--workspace", ws, "--org", "org-nope", seed}).code, 2);

        const Run extracted = runCli({"extract", "--format", "json", seed});
        QCOMPARE(extracted.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(extracted.out.toUtf8()).object();
        bool sevenYears = false;
        for (const QJsonValue& r : o["retention"].toArray())
            if (r["duration_iso8601"] == "P7Y") {
                sevenYears = true;
                QCOMPARE(original.mid(r["duration_offset"].toInt(), 7), QString("7 years"));
                QCOMPARE(r["applies_to"].toString(), QString("Transaction records"));
            }
        QVERIFY(sevenYears);
        QStringList names;
        for (const QJsonValue& p : o["processors"].toArray())
            names << p["name"].toString();
        QVERIFY2(names.contains("Stripe") && names.contains("Supabase"),
                 qPrintable(names.join(",")));
    }

    void exportAnnexAndImportProcessors()
    {
        TempFolder tmp;
        QVERIFY(makeDemoWorkspace(tmp.path("x.sqlite")));
        const QString ws = tmp.path("x.sqlite");
        const Run docx =
            runCli({"export-annex", "--workspace", ws, "--org", "org-labelsets", "--layout",
                    "scc-transfer", "--format", "docx", "-o", tmp.path("annex.docx")});
        QCOMPARE(docx.code, 0);
        QVERIFY(docx.out.contains("Wrote 8 processor(s)"));
        QVERIFY(docx.out.contains("Railway lacks: address, contact person, signed DPA"));
        QVERIFY(QFileInfo(tmp.path("annex.docx")).size() > 0);
        QCOMPARE(runCli({"export-annex", "--workspace", ws, "--org", "org-labelsets", "--layout",
                         "annex-v", "--format", "docx", "-o", tmp.path("a")})
                     .code,
                 2);
        QCOMPARE(runCli({"export-annex", "--workspace", ws, "--org", "org-labelsets", "--layout",
                         "ropa", "--format", "rtf", "-o", tmp.path("a")})
                     .code,
                 2);

        QFile csv(tmp.path("in.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("Name,Purpose,Country\nHetzner,Hosting,Germany\nStripe,Payments and "
                  "payouts,IE\n,nameless,DE\n");
        csv.close();
        const Run dry = runCli({"import-processors", "--workspace", ws, "--org", "org-labelsets",
                                csv.fileName(), "--dry-run"});
        QCOMPARE(dry.code, 0);
        QVERIFY2(dry.out.contains("1 to add, 1 to update, 1 rejected (dry run"),
                 qPrintable(dry.out));
        QVERIFY(dry.out.contains("reject  row 4: no name"));
        const Run real = runCli(
            {"import-processors", "--workspace", ws, "--org", "org-labelsets", csv.fileName()});
        QCOMPARE(real.code, 0);
        auto opened = Workspace::open(ws);
        QVERIFY_OK(opened);
        const auto processors = opened.value()->processors("org-labelsets").value();
        QVERIFY(std::any_of(processors.begin(), processors.end(),
                            [](const Processor& p) { return p.name == "Hetzner"; }));
        const Run missing = runCli({"import-processors", "--workspace", ws, "--org",
                                    "org-labelsets", tmp.path("none.csv")});
        QCOMPARE(missing.code, 1);
    }

    void windowOptionsAreCheckedToo()
    {
        const Run r = runBinary({"--no-such-option"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("Usage:"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
