#include "CliRun.h"
#include "TestSupport.h"
#include "cli/Cli.h"
#include "services/IncidentService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace workbench;
using namespace workbench::test;

namespace {

QJsonObject clockOf(const QJsonObject& doc, const QString& id)
{
    for (const QJsonValue& v : doc.value("clocks").toArray()) {
        if (v.toObject().value("id").toString() == id)
            return v.toObject();
    }
    return {};
}

} // namespace

// The breach commands: breach-clock (rules alone) and incidents (the register).
class TestCliIncidents : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;

private slots:
    void breachClockAcrossTheSpringChange()
    {
        const Run r = runCli({"breach-clock", "--aware", "2026-03-27T18:00[Europe/Berlin]",
                              "--jurisdiction", "gdpr", "--format", "json"});
        QCOMPARE(r.code, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc.value("aware").toString(), QString("2026-03-27T18:00:00+01:00"));
        QCOMPARE(doc.value("time_zone").toString(), QString("Europe/Berlin"));
        const QJsonObject authority = clockOf(doc, "authority");
        QCOMPARE(authority.value("due").toString(), QString("2026-03-30T19:00:00+02:00"));
        QCOMPARE(authority.value("citation").toString(), QString("GDPR Art. 33(1), (3)-(4)"));
        QVERIFY(authority.value("late_needs_reasons").toBool());
        const QJsonObject people = clockOf(doc, "people");
        QVERIFY(people.value("due").isNull());
        QVERIFY(people.value("words").toString().contains("without undue delay"));
        QCOMPARE(people.value("applies").toString(), QString("high_risk"));

        const Run text = runCli(
            {"breach-clock", "--aware", "2026-03-27T18:00:00+01:00", "--jurisdiction", "GDPR"});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains("2026-03-30T19:00:00+01:00") == false &&
                     text.out.contains("2026-03-30T18:00:00+01:00"),
                 qPrintable(text.out)); // a fixed offset has no summer time
    }

    void breachClockNis2AndLgpdWithHolidays()
    {
        Run r = runCli({"breach-clock", "--aware", "2026-06-01T08:00+02:00", "--jurisdiction",
                        "GDPR", "--nis2", "--format", "json"});
        QCOMPARE(r.code, 0);
        QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(clockOf(doc, "early_warning").value("due").toString(),
                 QString("2026-06-02T08:00:00+02:00"));
        QCOMPARE(clockOf(doc, "incident_notification").value("due").toString(),
                 QString("2026-06-04T08:00:00+02:00"));
        QVERIFY(clockOf(doc, "final_report").value("due").isNull());
        QVERIFY(clockOf(doc, "final_report").value("words").toString().contains("one month"));

        const QString holidays = m_tmp.path("br.txt");
        QFile f(holidays);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("2026-11-02 Finados\n2026-11-15 Proclamação da República\n");
        f.close();
        r = runCli({"breach-clock", "--aware", "2026-10-30T20:15[America/Sao_Paulo]",
                    "--jurisdiction", "LGPD", "--holidays", holidays, "--format", "json"});
        QCOMPARE(r.code, 0);
        doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(clockOf(doc, "authority").value("due").toString(),
                 QString("2026-11-05T23:59:59-03:00"));
        QVERIFY(clockOf(doc, "authority").value("citation").toString().contains("15/2024"));

        r = runCli({"breach-clock", "--aware", "2026-02-10T09:00[America/Toronto]",
                    "--jurisdiction", "PIPEDA", "--format", "json"});
        QCOMPARE(r.code, 0);
        doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(clockOf(doc, "authority").value("due").isNull());
        QVERIFY(
            clockOf(doc, "authority").value("words").toString().contains("as soon as feasible"));
        QCOMPARE(doc.value("record").toObject().value("keep_until").toString(),
                 QString("2028-02-10"));
    }

    void breachClockRefusesBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no zone") << QStringList{"--aware", "2026-03-27T18:00", "--jurisdiction",
                                                "GDPR"}
                                 << "no time zone";
        QTest::newRow("unknown jurisdiction")
            << QStringList{"--aware", "2026-03-27T18:00Z", "--jurisdiction", "ATLANTIS"}
            << "unknown jurisdiction 'ATLANTIS'";
        QTest::newRow("NIS2 alone")
            << QStringList{"--aware", "2026-03-27T18:00Z", "--jurisdiction", "NIS2"} << "--nis2";
        QTest::newRow("aware before discovery")
            << QStringList{"--aware",           "2026-03-27T18:00Z", "--discovered",
                           "2026-03-27T20:00Z", "--jurisdiction",    "GDPR"}
            << "before the breach was discovered";
        QTest::newRow("no aware") << QStringList{"--jurisdiction", "GDPR"} << "--aware";
    }

    void breachClockRefusesBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runCli(QStringList{"breach-clock"} + args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void incidentsListsTheRegister()
    {
        const QString path = m_tmp.path("w.sqlite");
        {
            auto ws = makeDemoWorkspace(path);
            QVERIFY(ws);
            IncidentService service(*ws);
            Incident i;
            i.organizationId = "org-labelsets";
            i.title = "Phishing: mailbox of the support lead";
            i.jurisdiction = "GDPR";
            i.timeZone = "Europe/Berlin";
            i.awareAt = parseZonedTime("2026-05-12T09:30[Europe/Berlin]")->instant;
            auto open = service.create(i);
            QVERIFY(open);
            i.title = "Printout left on a train";
            auto closed = service.create(i);
            QVERIFY(closed);
            QVERIFY(service.assessRisk(closed->id, BreachRisk::None, "Two names, no more."));
            QVERIFY(service.close(closed->id, i.awareAt.addDays(2)));
        }
        Run r = runCli({"incidents", "--workspace", path, "--format", "json"});
        QCOMPARE(r.code, 0);
        QJsonArray list =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value("incidents").toArray();
        QCOMPARE(list.size(), 2);
        r = runCli({"incidents", "--workspace", path, "--open", "--format", "json"});
        list = QJsonDocument::fromJson(r.out.toUtf8()).object().value("incidents").toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject only = list.first().toObject();
        QCOMPARE(only.value("title").toString(), QString("Phishing: mailbox of the support lead"));
        QCOMPARE(only.value("clocks").toArray().first().toObject().value("due").toString(),
                 QString("2026-05-15T09:30:00+02:00"));
        r = runCli({"incidents", "--workspace", path, "--format", "csv"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("Id,Title,Jurisdiction,Aware"));
        QVERIFY(r.out.contains("Printout left on a train"));
        r = runCli({"incidents", "--workspace", path, "--open"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("authority: overdue by") || r.out.contains("authority:"));
        QVERIFY(!r.out.contains("Printout"));
        r = runCli({"incidents", "--workspace", path, "--format", "xml"});
        QCOMPARE(r.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliIncidents)
#include "tst_cli_incidents.moc"
