#include "CliRun.h"
#include "TestSupport.h"
#include "cli/Cli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace workbench;
using namespace workbench::test;

// `export-annex --as-of DATE`: the registry as it stood at the end of a day.
class TestCliAsOf : public QObject
{
    Q_OBJECT

    TempFolder m_tmp;
    QString m_path;
    QDate m_first; // the day of the log's first entry (local time)

private slots:
    void initTestCase()
    {
        m_path = m_tmp.path("asof.sqlite");
        auto opened = Workspace::open(m_path);
        QVERIFY_OK(opened);
        Workspace& ws = *opened.value();
        const QDateTime created = QDateTime::currentDateTimeUtc().addDays(-5);
        m_first = created.toLocalTime().date();
        ws.setClock([created] { return created; });
        Organization org;
        org.id = "org";
        org.name = "LabelSets";
        Processor p;
        p.id = "acme";
        p.name = "Acme Hosting";
        p.service = "Hosting";
        p.address = "1 Old Street, Dublin";
        p.organizationIds = {"org"};
        p.dataCategories = {"user.contact.email"};
        RetentionRule rule;
        rule.id = "rule";
        rule.organizationId = "org";
        rule.dataCategory = "account data";
        rule.period = *IsoDuration::parse(u"P30D");
        QVERIFY_OK(ws.save(org, "org"));
        QVERIFY_OK(ws.save(p, "add"));
        QVERIFY_OK(ws.save(rule, "rule"));
        ws.setClock({});
        p.address = "2 New Street, Dublin";
        QVERIFY_OK(ws.save(p, "edit"));
        rule.period = *IsoDuration::parse(u"P90D");
        QVERIFY_OK(ws.save(rule, "rule edit"));
    }

    void yesterdaysAnnexHasTheOldValue()
    {
        const QString out = m_tmp.path("yesterday.json");
        const QDate yesterday = QDate::currentDate().addDays(-1);
        const Run r =
            runCli({"export-annex", "--workspace", m_path, "--org", "org", "--layout", "ropa",
                    "--format", "json", "-o", out, "--as-of", yesterday.toString(Qt::ISODate)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("as of the end of " + yesterday.toString(Qt::ISODate)),
                 qPrintable(r.out));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(o["as_of"].toString(), yesterday.toString(Qt::ISODate));
        QVERIFY2(o["title"].toString().contains("as of"), qPrintable(o["title"].toString()));
        const QJsonArray rows = o["rows"].toArray();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].toObject()["Address"].toString(), QString("1 Old Street, Dublin"));

        // Without --as-of: today's registry.
        const QString now = m_tmp.path("now.md");
        QCOMPARE(runCli({"export-annex", "--workspace", m_path, "--org", "org", "--layout",
                         "scc-processor", "--format", "md", "-o", now})
                     .code,
                 0);
        QFile md(now);
        QVERIFY(md.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(md.readAll());
        QVERIFY(text.contains("2 New Street") && !text.contains("as of the end"));

        // The heading of a document for people says it too.
        const QString html = m_tmp.path("yesterday.html");
        QCOMPARE(runCli({"export-annex", "--workspace", m_path, "--org", "org", "--layout",
                         "scc-processor", "--format", "html", "-o", html, "--as-of",
                         yesterday.toString(Qt::ISODate)})
                     .code,
                 0);
        QFile h(html);
        QVERIFY(h.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(h.readAll());
        QVERIFY(page.contains("1 Old Street") && !page.contains("2 New Street"));
        QVERIFY2(page.contains("— as of "), qPrintable(page.left(800)));
    }

    void yesterdaysRetentionRules()
    {
        const QDate yesterday = QDate::currentDate().addDays(-1);
        const Run then = runCli({"retention", "--workspace", m_path, "--org", "org", "--format",
                                 "json", "--as-of", yesterday.toString(Qt::ISODate)});
        QVERIFY2(then.code == 0, qPrintable(then.err));
        QVERIFY2(then.out.contains("P30D") && !then.out.contains("P90D"), qPrintable(then.out));
        const Run now =
            runCli({"retention", "--workspace", m_path, "--org", "org", "--format", "json"});
        QVERIFY2(now.out.contains("P90D") && !now.out.contains("P30D"), qPrintable(now.out));
        const Run before = runCli({"retention", "--workspace", m_path, "--org", "org", "--as-of",
                                   m_first.addDays(-1).toString(Qt::ISODate)});
        QCOMPARE(before.code, 1);
        QVERIFY2(before.err.contains(m_first.toString(Qt::ISODate)), qPrintable(before.err));
    }

    void aDayBeforeTheLogIsRefused()
    {
        const QString out = m_tmp.path("before.json");
        const Run r = runCli({"export-annex", "--workspace", m_path, "--org", "org", "--layout",
                              "ropa", "--format", "json", "-o", out, "--as-of",
                              m_first.addDays(-1).toString(Qt::ISODate)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(m_first.toString(Qt::ISODate)), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    void aBadDateIsAUsageError()
    {
        for (const char* bad : {"yesterday", "2026-13-01", "2026-1-1"}) {
            const Run r =
                runCli({"export-annex", "--workspace", m_path, "--org", "org", "--layout", "ropa",
                        "--format", "json", "-o", m_tmp.path("x.json"), "--as-of", bad});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains("--as-of") && r.err.contains(bad), qPrintable(r.err));
            const Run t =
                runCli({"retention", "--workspace", m_path, "--org", "org", "--as-of", bad});
            QCOMPARE(t.code, 2);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliAsOf)
#include "tst_cliasof.moc"
