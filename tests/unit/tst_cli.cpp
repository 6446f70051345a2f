#include "CliRun.h"
#include "ContractServer.h"
#include "TestSupport.h"
#include "cli/Cli.h"
#include "export/PersonScheduleExport.h"
#include "export/ProcessorImport.h"
#include "storage/AuditSigning.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <sys/stat.h>

using namespace workbench;
using namespace workbench::test;

namespace {

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
        QVERIFY2(ok.out.contains("hash chain intact, head #7 signed"), qPrintable(ok.out));
        QVERIFY2(ok.out.contains(" checked, each as its last entry left it"), qPrintable(ok.out));
        const QRegularExpression anchorLine("Anchor: (7:[0-9a-f]{12}) ");
        const auto anchor = anchorLine.match(ok.out);
        QVERIFY2(anchor.hasMatch(), qPrintable(ok.out));

        // The printed anchor checks; a wrong hash, a future entry and a
        // malformed anchor do not.
        const Run expected =
            runBinary({"verify", "--workspace", path, "--expect-head", anchor.captured(1)}, noKey);
        QCOMPARE(expected.code, 0);
        QVERIFY2(expected.out.contains("Expected head #7: present"), qPrintable(expected.out));
        const Run wrong =
            runBinary({"verify", "--workspace", path, "--expect-head", "7:0123456789ab"}, noKey);
        QCOMPARE(wrong.code, 1);
        QVERIFY2(wrong.out.contains("entry #7: its hash starts"), qPrintable(wrong.out));
        const Run future =
            runBinary({"verify", "--workspace", path, "--expect-head", "60:0123456789ab"}, noKey);
        QCOMPARE(future.code, 1);
        QVERIFY2(future.out.contains("entry #60: the expected head does not exist (the log ends "
                                     "at #7)"),
                 qPrintable(future.out));
        const Run malformed =
            runBinary({"verify", "--workspace", path, "--expect-head", "7:abc"}, noKey);
        QCOMPARE(malformed.code, 2);
        QVERIFY2(malformed.err.contains("--expect-head '7:abc' is not an anchor"),
                 qPrintable(malformed.err));

        // A processor changed outside the app is named.
        execOnFile(path,
                   "UPDATE processors SET contact = 'evil@example.com' WHERE id = 'p-resend'");
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
        QVERIFY2(gone.out.contains("the signed head is entry #7 but the log ends at #0"),
                 qPrintable(gone.out));
    }

    void verifyExplainsAFileItCannotRead()
    {
        TempFolder tmp;
        const Run missing = runBinary({"verify", "--workspace", tmp.path("nope.sqlite")});
        QCOMPARE(missing.code, 2);
        QVERIFY2(missing.err.contains("no workspace at"), qPrintable(missing.err));
    }

    // A mistyped path used to become a new, blank workspace.
    void aMistypedWorkspaceIsNeverCreated_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("hint");
        QTest::newRow("sync") << QStringList{"sync", "--source", "office"}
                              << "(use --create to make a new one)";
        QTest::newRow("import-processors")
            << QStringList{"import-processors", "--org", "org-labelsets", "IN"}
            << "(init-demo writes a new one)";
        QTest::newRow("verify") << QStringList{"verify"} << "(init-demo writes a new one)";
        QTest::newRow("requests") << QStringList{"requests"} << "(init-demo writes a new one)";
    }
    void aMistypedWorkspaceIsNeverCreated()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, hint);
        TempFolder tmp;
        const QString typo = tmp.path("workspcae.sqlite");
        QFile in(tmp.path("in.csv"));
        QVERIFY(in.open(QIODevice::WriteOnly));
        in.write("Name,Country\nHetzner,DE\n");
        in.close();
        args.replaceInStrings(QRegularExpression("^IN$"), in.fileName());
        const Run r = runCli(args + QStringList{"--workspace", typo});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("no workspace at " + typo + " " + hint), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(typo));
        QVERIFY(!QFileInfo::exists(typo + ".lock"));
    }

    void createMakesANewWorkspace()
    {
        TempFolder tmp;
        const QString path = tmp.path("new.sqlite");
        // The sync stops (no such source) after the file was made.
        const Run sync = runCli({"sync", "--create", "--workspace", path, "--source", "office"});
        QVERIFY2(sync.err.contains("no source 'office'"), qPrintable(sync.err));
        QVERIFY(QFileInfo::exists(path));
        const Run verify = runCli({"verify", "--workspace", path});
        QCOMPARE(verify.code, 0);
        QVERIFY2(verify.out.contains("Result: OK"), qPrintable(verify.out));
        // The window takes --create too; without it a missing file is told
        // before any display is needed.
        const Run window = runBinary({"--workspace", tmp.path("typo.sqlite")});
        QCOMPARE(window.code, 2);
        QVERIFY2(window.err.contains("no workspace at " + tmp.path("typo.sqlite") +
                                     " (use --create to make a new one)"),
                 qPrintable(window.err));
        QVERIFY(!QFileInfo::exists(tmp.path("typo.sqlite")));
    }

    // A zero-length file used to be silently turned into a workspace.
    void anEmptyFileIsRefusedAndLeftEmpty()
    {
        TempFolder tmp;
        const QString path = tmp.path("empty.sqlite");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const auto perms = QFile::permissions(path);
        QFile in(tmp.path("in.csv"));
        QVERIFY(in.open(QIODevice::WriteOnly));
        in.write("Name,Country\nHetzner,DE\n");
        in.close();
        for (const QStringList& args :
             {QStringList{"sync", "--source", "office"},
              QStringList{"sync", "--create", "--source", "office"},
              QStringList{"import-processors", "--org", "org-labelsets", in.fileName()},
              QStringList{"verify"}, QStringList{"requests"}}) {
            const Run r = runCli(args + QStringList{"--workspace", path});
            QVERIFY2(r.code != 0, qPrintable(args.join(' ')));
            QVERIFY2(r.err.contains("not a Privacy Workbench workspace"),
                     qPrintable(args.join(' ') + ": " + r.err));
            QCOMPARE(QFileInfo(path).size(), 0);
            QCOMPARE(modeOf(path), modeBits(perms));
        }
    }

    // chmod 0400 used to be undone (0600) and the file written; as another
    // user the write failed with a raw SQLite error after the mode changed.
    // Root may write any file: the missing write bit is what says read-only.
    void aReadOnlyWorkspaceIsReadButNeverWritten()
    {
        TempFolder tmp;
        const QString path = tmp.path("ro.sqlite");
        QVERIFY(makeDemoWorkspace(path)); // closed again: checkpointed
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        QFile in(tmp.path("in.csv"));
        QVERIFY(in.open(QIODevice::WriteOnly));
        in.write("Name,Country\nHetzner,DE\n");
        in.close();

        for (const QStringList& args :
             {QStringList{"import-processors", "--org", "org-labelsets", in.fileName()},
              QStringList{"sync", "--source", "office"}}) {
            const Run r = runCli(args + QStringList{"--workspace", path});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains("Workspace " + path +
                                    " is read-only: the file has no write "
                                    "permission for you (mode 0400). Nothing was changed."),
                     qPrintable(r.err));
            QCOMPARE(modeOf(path), QFileDevice::ReadOwner);
        }
        // Reading works.
        const Run verify = runCli({"verify", "--workspace", path});
        QCOMPARE(verify.code, 0);
        QVERIFY2(verify.out.contains("hash chain intact"), qPrintable(verify.out + verify.err));
        const Run dry = runCli({"import-processors", "--workspace", path, "--org", "org-labelsets",
                                in.fileName(), "--dry-run"});
        QCOMPARE(dry.code, 0);
        const Run annex =
            runCli({"export-annex", "--workspace", path, "--org", "org-labelsets", "--layout",
                    "ropa", "--format", "csv", "-o", tmp.path("annex.csv")});
        QCOMPARE(annex.code, 0);
        QVERIFY(QFileInfo(tmp.path("annex.csv")).size() > 0);
        const Run requests = runCli({"requests", "--workspace", path, "--format", "json"});
        QCOMPARE(requests.code, 0);

        QCOMPARE(modeOf(path), QFileDevice::ReadOwner);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        // Nothing left beside it either (no -wal, -shm or lock file).
        QCOMPARE(QDir(tmp.path(".")).entryList({"ro.sqlite*"}, QDir::Files),
                 QStringList{"ro.sqlite"});
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

    void dueAtTheEdgeOfTheCalendar()
    {
        // The last month that can still be answered inside 9999.
        const Run r = runCli({"due", "--jurisdiction", "GDPR", "--received", "9999-11-01"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith("9999-12-01  GDPR"), qPrintable(r.out + r.err));
        // A pause where the law has one still counts.
        const Run uk = runCli({"due", "--jurisdiction", "UK_GDPR", "--received", "2026-03-02",
                               "--verified", "2026-03-02", "--paused-days", "0"});
        QCOMPARE(uk.code, 0);
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
        // These used to answer (an empty date, a wrong one) with exit 0.
        QTest::newRow("year 10000")
            << QStringList{"due", "--jurisdiction", "GDPR", "--received", "10000-01-01"}
            << "--received '10000-01-01': years past 9999 are not supported";
        QTest::newRow("verified in year 10000")
            << QStringList{"due",        "--jurisdiction", "CCPA",        "--received",
                           "2026-01-01", "--verified",     "+10000-01-01"}
            << "--verified '+10000-01-01': years past 9999";
        QTest::newRow("due past 9999")
            << QStringList{"due", "--jurisdiction", "GDPR", "--received", "9999-12-01"}
            << "would be due in the year 10000, past 9999-12-31";
        QTest::newRow("verified before received")
            << QStringList{"due",        "--jurisdiction", "CCPA",      "--received",
                           "2026-03-02", "--verified",     "2026-03-01"}
            << "verified on 2026-03-01, before the request was received on 2026-03-02";
        QTest::newRow("pause the law has not")
            << QStringList{"due",        "--jurisdiction", "GDPR", "--received",
                           "2026-03-02", "--paused-days",  "5"}
            << "GDPR (EU) does not stop the clock (GDPR Art. 12(3)-(4)): 5 paused days";
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

    void requestAddLogsARequestWithItsDueDates()
    {
        TempFolder tmp;
        const QString path = tmp.path("add.sqlite");
        QVERIFY(makeDemoWorkspace(path));
        const QStringList base{"request", "add",        "--workspace",
                               path,      "--org",      "org-labelsets",
                               "--type",  "erasure",    "--jurisdiction",
                               "GDPR",    "--received", "2026-03-02T09:30:00+01:00"};
        const Run due = runCli(
            {"due", "--jurisdiction", "GDPR", "--received", "2026-03-02", "--format", "json"});
        QCOMPARE(due.code, 0);
        const QString expectedDue =
            QJsonDocument::fromJson(due.out.toUtf8()).object()["response_due"].toString();
        QVERIFY(!expectedDue.isEmpty());

        const Run json =
            runCli(base + QStringList{"--email", "cli.person@example.org", "--name", "Jane Doe",
                                      "--channel", "post", "--format", "json"});
        QVERIFY2(json.code == 0, qPrintable(json.err));
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QVERIFY(QRegularExpression("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-")
                    .match(o["id"].toString())
                    .hasMatch());
        QCOMPARE(o["type"].toString(), QString("erasure"));
        QCOMPARE(o["jurisdiction"].toString(), QString("GDPR"));
        QCOMPARE(o["received"].toString(), QString("2026-03-02T09:30:00+01:00"));
        QCOMPARE(o["due_legal"].toString(), expectedDue);
        QVERIFY(!o["due_effective"].toString().isEmpty());
        QVERIFY(o["due_effective"].toString() <= expectedDue);
        QVERIFY(o.contains("due_promise"));

        // Text, and the same address again is flagged as a possible duplicate.
        const Run text = runCli(
            base + QStringList{"--email", "CLI.Person@example.org", "--jurisdiction", "VCDPA_CPA"});
        QVERIFY2(text.code == 0, qPrintable(text.err));
        QVERIFY(text.out.contains("jurisdiction:  VCDPA_CPA"));
        QVERIFY(text.out.contains("due_effective: 20"));
        QVERIFY(text.err.contains(o["id"].toString()));
        {
            auto ws = Workspace::open(path, {Database::Mode::ReadOnly, {}});
            QVERIFY(ws);
            QCOMPARE(count(*ws.value(), "SELECT count(*) FROM rights_requests WHERE "
                                        "subject_email LIKE 'cli.person@example.org'"),
                     2);
        }

        // Bad arguments: 2, naming the option; nothing written.
        const Run noEmail = runCli(base);
        QCOMPARE(noEmail.code, 2);
        QVERIFY(noEmail.err.contains("--email"));
        const Run badType = runCli(base + QStringList{"--email", "a@example.org", "--type", "hug"});
        QCOMPARE(badType.code, 2);
        QVERIFY(badType.err.contains("--type 'hug'"));
        const Run noOffset =
            runCli({"request", "add", "--workspace", path, "--org", "org-labelsets", "--type",
                    "access", "--jurisdiction", "GDPR", "--received", "2026-03-02T09:30:00",
                    "--email", "a@example.org"});
        QCOMPARE(noOffset.code, 2);
        QVERIFY(noOffset.err.contains("--received"));
        const Run badJurisdiction =
            runCli(base + QStringList{"--email", "a@example.org", "--jurisdiction", "MARS"});
        QCOMPARE(badJurisdiction.code, 2);
        QVERIFY(badJurisdiction.err.contains("--jurisdiction 'MARS'"));
        const Run noAction = runCli({"request", "--workspace", path});
        QCOMPARE(noAction.code, 2);

        // Refused by the intake: 1, with its message.
        const Run badEmail = runCli(base + QStringList{"--email", "not-an-address"});
        QCOMPARE(badEmail.code, 1);
        QVERIFY2(badEmail.err.contains("E-mail: not a well-formed address"),
                 qPrintable(badEmail.err));
        const Run future = runCli({"request", "add", "--workspace", path, "--org", "org-labelsets",
                                   "--type", "access", "--jurisdiction", "GDPR", "--received",
                                   "2999-01-01T00:00:00Z", "--email", "a@example.org"});
        QCOMPARE(future.code, 1);
        QVERIFY(future.err.contains("Received:"));
        const Run unknownOrg = runCli({"request", "add", "--workspace", path, "--org", "acme",
                                       "--type", "access", "--jurisdiction", "GDPR", "--received",
                                       "2026-03-02T09:30:00Z", "--email", "a@example.org"});
        QCOMPARE(unknownOrg.code, 1);
        QVERIFY(unknownOrg.err.contains("Organization:"));
        auto ws = Workspace::open(path, {Database::Mode::ReadOnly, {}});
        QVERIFY(ws);
        QCOMPARE(
            count(*ws.value(),
                  "SELECT count(*) FROM rights_requests WHERE subject_email = 'a@example.org'"),
            0);
        QVERIFY(runCli({"--help"}).out.contains("request add --workspace FILE"));
    }

    // A requester's name or an assignee is whatever was typed into a web
    // form: in CSV no cell may start a formula, and the file written with -o
    // is the owner's alone (the umask would have made it 0644).
    void requestsCsvIsNeutralisedAndItsFileIsPrivate()
    {
        TempFolder tmp;
        const QString ws = tmp.path("hostile.sqlite");
        QVERIFY(makeDemoWorkspace(ws));
        const QStringList hostile{
            "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)",      "+1+2",
            "-2+3+cmd|' /C calc'!A0",         "\tleading tab", "\rleading CR"};
        execOnFile(ws, "UPDATE rights_requests SET "
                       "subject_name = CASE rowid % 6 "
                       "WHEN 0 THEN '=HYPERLINK(\"http://x\",\"y\")' WHEN 1 THEN '@SUM(A1)' "
                       "WHEN 2 THEN '+1+2' WHEN 3 THEN '-2+3+cmd|'' /C calc''!A0' "
                       "WHEN 4 THEN char(9) || 'leading tab' ELSE char(13) || 'leading CR' END, "
                       "assignee = '=1+1'");
        const mode_t oldMask = ::umask(022);
        const QString out = tmp.path("requests.csv");
        const Run run = runCli({"requests", "--workspace", ws, "--org", "org-genmedia", "--format",
                                "csv", "--with-requester", "-o", out});
        ::umask(oldMask);
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains("Wrote 120 request(s) to"), qPrintable(run.out));
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(out).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));

        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        for (const char* raw :
             {",=HYPERLINK", ",\"=HYPERLINK", ",@SUM", ",+1+2", ",-2+3", ",\t", ",\"\r", ",=1+1"})
            QVERIFY2(!text.contains(QString::fromUtf8(raw)), raw);
        QVERIFY(text.contains(",'=1+1,"));
        // Days left of overdue requests stay plain (negative) numbers.
        QVERIFY(!text.contains(QRegularExpression(",'-[0-9]+,")));

        // Read back by the app's own CSV reader: the original text.
        auto table = readImportFile(out);
        QVERIFY_OK(table);
        const int requester = int(table->header.indexOf("requester"));
        const int assignee = int(table->header.indexOf("assignee"));
        QVERIFY(requester > 0 && assignee > 0);
        QCOMPARE(table->rows.size(), 120);
        QSet<QString> seen;
        for (const QStringList& row : std::as_const(table->rows)) {
            QVERIFY2(hostile.contains(row[requester]), qPrintable(row[requester]));
            seen.insert(row[requester]);
            QCOMPARE(row[assignee], QString("=1+1"));
        }
        QCOMPARE(seen.size(), hostile.size());
    }

    void retentionCsvIsNeutralised()
    {
        TempFolder tmp;
        const QString ws = tmp.path("ret.sqlite");
        QVERIFY(makeDemoWorkspace(ws));
        execOnFile(ws, "UPDATE retention_rules SET data_category = '@SUM(A1)' "
                       "WHERE organization_id = 'org-genmedia'");
        for (const QStringList& extra :
             {QStringList{}, QStringList{"--deleted-on", "2026-01-31"}}) {
            const Run csv = runCli(QStringList{"retention", "--workspace", ws, "--org",
                                               "org-genmedia", "--format", "csv"} +
                                   extra);
            QCOMPARE(csv.code, 0);
            QVERIFY(csv.out.contains(",'@SUM(A1),"));
            QVERIFY(!csv.out.contains(",@SUM"));
        }
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
        {
            // The same file as the window's export of that schedule.
            auto opened = Workspace::open(ws, {Database::Mode::ReadOnly, {}});
            QVERIFY_OK(opened);
            const auto windowSchedule =
                retentionSchedule(opened.value()->retentionRules("org-genmedia").value(),
                                  {QDateTime(QDate(2026, 1, 31), QTime(0, 0), Qt::UTC), {}, {}});
            QCOMPARE(csv.out, PersonScheduleExport::csv(windowSchedule));
        }
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

    void importRefusesWhatIsNotAList()
    {
        TempFolder tmp;
        QVERIFY(makeDemoWorkspace(tmp.path("x.sqlite")));
        const QString ws = tmp.path("x.sqlite");
        QFile json(tmp.path("numbers.json"));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write("[1,2,3]");
        json.close();
        const Run numbers = runCli({"import-processors", "--workspace", ws, "--org",
                                    "org-labelsets", json.fileName(), "--dry-run"});
        QCOMPARE(numbers.code, 1);
        QVERIFY2(numbers.err.contains("numbers.json: item 1 is a number, expected an object."),
                 qPrintable(numbers.err));
        // Progress only when asked for, and on stderr.
        QFile csv(tmp.path("in.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("Name,Purpose\nHetzner,Hosting\n");
        csv.close();
        const Run quiet = runCli({"import-processors", "--workspace", ws, "--org", "org-labelsets",
                                  csv.fileName(), "--dry-run"});
        QCOMPARE(quiet.code, 0);
        QVERIFY2(quiet.err.isEmpty(), qPrintable(quiet.err));
        const Run loud = runCli({"import-processors", "--workspace", ws, "--org", "org-labelsets",
                                 csv.fileName(), "--dry-run", "--progress"});
        QCOMPARE(loud.code, 0);
        QVERIFY2(loud.err.contains("in.csv: 100%"), qPrintable(loud.err));
        QVERIFY(!loud.out.contains("%"));
    }

    // sync of rights-requests alone on a fresh workspace: every request is
    // refused (its organization is not there) and kept; the run exits 3
    // and says how many wait and why. A full sync then applies them all.
    // --waiting lists what waits, --dismiss gives one up.
    void syncKeepsRefusedRecordsAndExits3()
    {
        TempFolder tmp;
        const QString ws = tmp.path("sync.sqlite");
        ContractServer server("tok-cli-7e21");
        server.append("organizations", {{"id", "o1"}, {"name", "Org"}});
        for (int i = 0; i < 2000; ++i)
            server.append("rights-requests", {{"id", QStringLiteral("q%1").arg(i)},
                                              {"organization_id", "o1"},
                                              {"type", "access"},
                                              {"jurisdiction", "GDPR"},
                                              {"subject_email", "someone@example.com"},
                                              {"received_at", "2026-11-02T10:00:00Z"},
                                              {"status", "new"}});
        server.append("rights-requests", {{"id", "bad"},
                                          {"organization_id", "o1"},
                                          {"type", "teleport"},
                                          {"jurisdiction", "GDPR"},
                                          {"subject_email", "someone@example.com"},
                                          {"received_at", "2026-11-02T10:00:00Z"},
                                          {"status", "new"}});
        qputenv("WB_CLI_SYNC_TOKEN", "tok-cli-7e21");
        const QStringList sync{"sync",        "--workspace",      ws, "--url", server.baseUrl(),
                               "--token-env", "WB_CLI_SYNC_TOKEN"};
        const Run subset = runCli(sync + QStringList{"--create", "--resources", "rights-requests"});
        QCOMPARE(subset.code, 3);
        QVERIFY2(subset.out.contains("2001 records refused and kept for the next sync: 2000 "
                                     "missing organization, 1 invalid type"),
                 qPrintable(subset.out.right(400)));
        const Run json = runCli({"sync", "--workspace", ws, "--waiting", "--format", "json"});
        QCOMPARE(json.code, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 2001);

        const Run full = runCli(sync);
        QCOMPARE(full.code, 3); // the invalid one still waits
        QVERIFY2(full.out.contains("1 record refused and kept for the next sync: invalid type"),
                 qPrintable(full.out.right(400)));
        // The JSON report says the run ended with records waiting.
        const Run again = runCli(sync + QStringList{"--format", "json"});
        QCOMPARE(again.code, 3);
        const QJsonObject report = QJsonDocument::fromJson(again.out.toUtf8()).object();
        QCOMPARE(report["outcome"].toString(), QString("waiting"));
        QCOMPARE(report["waiting"].toObject()["total"].toInt(), 1);
        const Run waiting = runCli({"sync", "--workspace", ws, "--waiting"});
        QCOMPARE(waiting.code, 0);
        QVERIFY2(waiting.out.contains("rights-requests/bad") && waiting.out.contains("1 record "
                                                                                     "waits"),
                 qPrintable(waiting.out));
        // One try per sync run: the subset, the full sync and the JSON one.
        QVERIFY2(waiting.out.contains(", 3 tries): invalid type"), qPrintable(waiting.out));

        QCOMPARE(runCli({"sync", "--workspace", ws, "--dismiss", "rights-requests/q1"}).code, 1);
        QCOMPARE(runCli({"sync", "--workspace", ws, "--dismiss", "nothing/x"}).code, 2);
        QCOMPARE(runCli(sync + QStringList{"--waiting"}).code, 2);
        const Run dismissed =
            runCli({"sync", "--workspace", ws, "--dismiss", "rights-requests/bad"});
        QCOMPARE(dismissed.code, 0);
        const Run clean = runCli(sync);
        QCOMPARE(clean.code, 0);
        QVERIFY(!clean.out.contains("refused and kept"));
        const Run cleanJson = runCli(sync + QStringList{"--format", "json"});
        QCOMPARE(cleanJson.code, 0);
        QCOMPARE(QJsonDocument::fromJson(cleanJson.out.toUtf8()).object()["outcome"].toString(),
                 QString("ok"));
        const Run requests = runCli({"requests", "--workspace", ws, "--format", "json"});
        QCOMPARE(QJsonDocument::fromJson(requests.out.toUtf8()).array().size(), 2000);
        QCOMPARE(runCli({"verify", "--workspace", ws}).code, 0);
        const Run help = runCli({"--help"});
        QVERIFY(help.out.contains("--dismiss RESOURCE/ID") && help.out.contains("3 (sync)"));
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
