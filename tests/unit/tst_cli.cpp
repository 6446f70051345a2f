#include "TestSupport.h"
#include "cli/Cli.h"

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

Run runBinary(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
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

    void verifyExplainsAFileItCannotRead()
    {
        TempFolder tmp;
        const Run missing = runBinary({"verify", "--workspace", tmp.path("nope.sqlite")});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains("does not exist"), qPrintable(missing.err));
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
