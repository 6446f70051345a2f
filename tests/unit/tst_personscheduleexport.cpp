#include "TestSupport.h"
#include "export/ExportFile.h"
#include "export/PersonScheduleExport.h"

using namespace workbench;
using namespace workbench::test;

// One person's retention schedule as the window and the command line write
// it: one column set, CSV and PDF.
class TestPersonScheduleExport : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    QList<ScheduledAction> m_schedule;
    const QDateTime m_deletion{QDate(2026, 1, 31), QTime(10, 0), Qt::UTC};

    const ScheduledAction& step(const QString& category) const
    {
        static const ScheduledAction none{};
        for (const ScheduledAction& a : m_schedule)
            if (a.rule.dataCategory == category)
                return a;
        return none;
    }

private slots:
    void initTestCase()
    {
        m_ws = makeDemoWorkspace(m_tmp.path("schedule.sqlite"));
        QVERIFY(m_ws);
        m_schedule =
            retentionSchedule(m_ws->retentionRules("org-genmedia").value(), {m_deletion, {}, {}});
        QVERIFY(m_schedule.size() > 3);
    }

    void csvHasOneHeaderAndARowPerStep()
    {
        QCOMPARE(PersonScheduleExport::header(),
                 QStringList({"when", "limit", "action", "data_category", "period", "trigger",
                              "how", "rule"}));
        const ScheduledAction& countdown =
            step("account and Your Content (cancellable deletion countdown)");
        QVERIFY(!countdown.rule.id.isEmpty());
        const QStringList row = PersonScheduleExport::row(countdown);
        QCOMPARE(row.size(), PersonScheduleExport::header().size());
        QCOMPARE(row.at(0), QStringLiteral("2026-02-03T10:00:00Z"));
        QCOMPARE(row.at(2), QStringLiteral("delete"));
        QCOMPARE(row.at(3), countdown.rule.dataCategory);
        QCOMPARE(row.at(4), QStringLiteral("PT72H"));
        QCOMPARE(row.at(6), countdown.note);
        QCOMPARE(row.at(7), countdown.rule.id);
        // A dateless step has an empty time, not a made-up one.
        QVERIFY(!m_schedule.last().at.isValid());
        QCOMPARE(PersonScheduleExport::row(m_schedule.last()).at(0), QString());

        const QString csv = PersonScheduleExport::csv(m_schedule);
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("when,limit,action,data_category,period,trigger,"
                                               "how,rule"));
        QCOMPARE(lines.size(), m_schedule.size() + 1);
        QVERIFY2(csv.contains(QStringLiteral("2026-02-03T10:00:00Z,at the latest,delete,")),
                 qPrintable(csv));

        QVERIFY_OK(PersonScheduleExport::writeCsv(m_tmp.path("schedule.csv"), m_schedule));
        QFile file(m_tmp.path("schedule.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), csv);
    }

    void pdfIsWrittenWithItsAuditHead()
    {
        PersonScheduleExport::Document doc;
        doc.organizationName = "GenMedia <Labs>";
        doc.deletion = m_deletion;
        doc.schedule = m_schedule;
        doc.madeOn = QDate(2026, 2, 1);
        doc.auditHead = PersonScheduleExport::auditHeadOf(*m_ws);
        QVERIFY(doc.auditHead);
        const QString html = PersonScheduleExport::html(doc);
        QVERIFY(html.contains("GenMedia &lt;Labs&gt;"));
        QVERIFY(html.contains("2026-01-31T10:00:00Z"));
        QVERIFY(html.contains("2026-02-01"));
        QVERIFY(html.contains(PersonScheduleExport::whenText(m_schedule.at(1)).toHtmlEscaped()));
        QVERIFY(html.contains(auditFooter(*doc.auditHead).toHtmlEscaped()));

        const QString path = m_tmp.path("schedule.pdf");
        QVERIFY_OK(PersonScheduleExport::writePdf(path, doc));
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.size() > 1000);
        QCOMPARE(pdf.read(5), QByteArray("%PDF-"));

        const Status refused = PersonScheduleExport::writePdf(m_tmp.path("missing/x.pdf"), doc);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains("missing/x.pdf"), qPrintable(refused.error()));
        QVERIFY(!QFile::exists(m_tmp.path("missing/x.pdf")));
    }

    void whenTextSaysWhenThereIsNoDate()
    {
        const ScheduledAction dateless{};
        QCOMPARE(PersonScheduleExport::whenText(dateless), QStringLiteral("no date"));
        ScheduledAction atTheLatest;
        atTheLatest.at = m_deletion;
        atTheLatest.withinLimit = true;
        QVERIFY(PersonScheduleExport::whenText(atTheLatest).endsWith(" at the latest"));
        QVERIFY(PersonScheduleExport::whenText(atTheLatest).contains("UTC"));
    }
};

QTEST_MAIN(TestPersonScheduleExport)
#include "tst_personscheduleexport.moc"
