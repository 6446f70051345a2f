// The vendor watch's commands: subprocessor-list and notices.
#include "CliRun.h"
#include "TestSupport.h"
#include "cli/Cli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace workbench;
using namespace workbench::test;

namespace {

QString data(const QString& name)
{
    return QStringLiteral(WORKBENCH_SUBPROCESSOR_DATA "/") + name;
}

} // namespace

class TestVendorCli : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;

private slots:
    void recordsListsAndPrintsTheNotice()
    {
        const QString ws = m_tmp.path("cli.sqlite");
        QCOMPARE(runCli({"init-demo", "--workspace", ws, "--date", "2026-11-23"}).code, 0);
        const Run first =
            runCli({"subprocessor-list", "--workspace", ws, "--processor", "p-supabase", "--file",
                    data("supabase-2026-10.csv"), "--received", "2026-10-01"});
        QCOMPARE(first.code, 0);
        QVERIFY2(first.out.contains("compared with the registry"), qPrintable(first.out));
        QVERIFY(first.out.contains("objection_deadline 2026-10-31"));

        const Run second =
            runCli({"subprocessor-list", "--workspace", ws, "--processor", "p-supabase", "--file",
                    data("supabase-2026-11.csv"), "--received", "2026-11-23"});
        QCOMPARE(second.code, 0);
        QVERIFY2(second.out.contains("added    OpenAI, L.L.C. (AI assistant in the dashboard; "
                                     "United States)"),
                 qPrintable(second.out));
        QVERIFY(second.out.contains("removed  Segment.io, Inc."));
        QVERIFY(second.out.contains("changed  AWS: name Amazon Web Services, Inc. -> AWS"));
        QVERIFY(second.out.contains(
            "changed  Sentry (Functional Software, Inc.): location United States -> Germany"));
        QVERIFY(second.out.contains("objection_deadline 2026-12-23"));

        // The same list as a web page: no change, exit 0.
        const Run same =
            runCli({"subprocessor-list", "--workspace", ws, "--processor", "p-supabase", "--file",
                    data("supabase-2026-11.html"), "--format", "json"});
        QCOMPARE(same.code, 0);
        const QJsonObject j = QJsonDocument::fromJson(same.out.toUtf8()).object();
        QCOMPARE(j.value("changed").toBool(), false);
        QCOMPARE(j.value("entries").toInt(), 20);

        // Unreadable: exit 2, the last list stays.
        const Run bad = runCli({"subprocessor-list", "--workspace", ws, "--processor", "p-supabase",
                                "--file", data("not-a-list.html")});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains("not a list") && bad.err.contains("last list stays"),
                 qPrintable(bad.err));
        QCOMPARE(runCli({"subprocessor-list", "--workspace", ws, "--processor", "p-supabase",
                         "--file", m_tmp.path("missing.csv")})
                     .code,
                 2);
        QCOMPARE(runCli({"subprocessor-list", "--workspace", ws, "--processor", "p-nobody",
                         "--file", data("supabase-2026-11.csv")})
                     .code,
                 2);

        const Run open = runCli({"notices", "--workspace", ws, "--open", "--format", "json"});
        QCOMPARE(open.code, 0);
        const QJsonArray notices = QJsonDocument::fromJson(open.out.toUtf8()).array();
        QCOMPARE(notices.size(), 2);
        const QJsonObject latest = notices.at(1).toObject();
        QCOMPARE(latest.value("processor_id").toString(), QString("p-supabase"));
        QCOMPARE(latest.value("objection_deadline").toString(), QString("2026-12-23"));
        QCOMPARE(latest.value("status").toString(), QString("open"));
        QCOMPARE(latest.value("added").toArray().first().toObject().value("name").toString(),
                 QString("OpenAI, L.L.C."));
        const Run csv = runCli({"notices", "--workspace", ws, "--format", "csv"});
        QCOMPARE(csv.code, 0);
        QVERIFY2(csv.out.startsWith("id,processor,received_on,objection_deadline,status,added,"
                                    "removed,changed,overdue"),
                 qPrintable(csv.out));
        QVERIFY(csv.out.contains(",Supabase,2026-11-23,2026-12-23,open,1,1,2,"));
        QCOMPARE(runCli({"notices", "--workspace", ws, "--format", "xml"}).code, 2);
    }
};

QTEST_MAIN(TestVendorCli)
#include "tst_vendorcli.moc"
