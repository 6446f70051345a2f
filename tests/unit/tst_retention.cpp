#include "TestSupport.h"
#include "domain/Retention.h"

using namespace workbench;
using namespace workbench::test;

class TestRetention : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    const QDateTime m_deletion{QDate(2026, 1, 31), QTime(10, 0), Qt::UTC};

    QList<ScheduledAction> scheduleOf(const QString& org, QDate lastTransaction = {})
    {
        return retentionSchedule(m_ws->retentionRules(org).value(),
                                 {m_deletion, {}, lastTransaction});
    }

    static const ScheduledAction* find(const QList<ScheduledAction>& s, const QString& category)
    {
        for (const ScheduledAction& a : s)
            if (a.rule.dataCategory == category)
                return &a;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        m_ws = makeDemoWorkspace(m_tmp.path("r.sqlite"));
        QVERIFY(m_ws);
    }

    void durationsAroundMonthEndsAndLeapDays()
    {
        const auto month = IsoDuration::parseHuman(u"1 month");
        QCOMPARE(month->addTo(QDate(2024, 1, 31)), QDate(2024, 2, 29));
        QCOMPARE(month->addTo(QDate(2026, 3, 31)), QDate(2026, 4, 30));
        const auto year = IsoDuration::parseHuman(u"1 year");
        QCOMPARE(year->addTo(QDate(2024, 2, 29)), QDate(2025, 2, 28));
        QCOMPARE(IsoDuration::parseHuman(u"7 years")->addTo(QDate(2024, 2, 29)),
                 QDate(2031, 2, 28));
        QCOMPARE(IsoDuration::parse(u"P1Y6M")->addTo(QDate(2025, 8, 31)), QDate(2027, 2, 28));
        // Printed as people write them, and back.
        for (const char* text : {"90 days", "7 years", "72 hours", "1 month", "2 weeks"}) {
            const auto d = IsoDuration::parseHuman(QString::fromLatin1(text));
            QVERIFY2(d, text);
            QCOMPARE(d->toHuman(), QString::fromLatin1(text));
            QCOMPARE(IsoDuration::parse(d->toIso()), d);
        }
    }

    // Seed 002: "72-hour cancellable countdown", "live data is purged within
    // 30 days", "operational logs ... 30 days, then aggregated", "spend-ledger
    // entries ... 7 years ... personal identifiers removed after the live
    // data is purged".
    void seed002ScheduleFollowsItsPolicy()
    {
        const QList<ScheduledAction> s = scheduleOf("org-genmedia");
        const ScheduledAction* countdown =
            find(s, "account and Your Content (cancellable deletion countdown)");
        QVERIFY(countdown);
        QCOMPARE(countdown->at, m_deletion.addSecs(72 * 3600));
        const ScheduledAction* live = find(s, "live data");
        QCOMPARE(live->at, QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC));
        QVERIFY(live->withinLimit);
        const ScheduledAction* identifiers = find(s, "spend-ledger personal identifiers");
        QCOMPARE(identifiers->rule.action, RetentionAction::Anonymize);
        QVERIFY(identifiers->at >= live->at); // after the live data is purged
        const ScheduledAction* ledger = find(s, "spend-ledger entries");
        QCOMPARE(ledger->at.date(), QDate(2033, 1, 31));
        const ScheduledAction* logs = find(s, "operational logs");
        QCOMPARE(logs->rule.action, RetentionAction::Aggregate);
        QCOMPARE(logs->at, live->at);
        // Soonest first: the countdown ends before anything else happens.
        QVERIFY(s.indexOf(*countdown) < s.indexOf(*live));
        QCOMPARE(s.first().at, m_deletion); // the account itself ends at deletion
        // Backups have no stated schedule: a dateless step, last.
        QVERIFY(!s.last().at.isValid());
        QCOMPARE(s.last().rule.dataCategory, QStringLiteral("backup copies"));
    }

    void seed000ScheduleFollowsItsPolicy()
    {
        // "Transaction records are retained for 7 years".
        const QList<ScheduledAction> s = scheduleOf("org-labelsets", QDate(2025, 12, 15));
        QCOMPARE(find(s, "transaction records")->at.date(), QDate(2032, 12, 15));
        QVERIFY(find(s, "transaction records")->note.contains("2025-12-15"));
        QCOMPARE(find(s, "account data")->at, m_deletion);
    }

    void seed001ScheduleFollowsItsPolicy()
    {
        // "Raw analytics events are retained for 90 days"; telemetry too,
        // with the investigation exception.
        const QList<ScheduledAction> s = scheduleOf("org-trainrun");
        QCOMPARE(find(s, "raw analytics events")->at, m_deletion.addDays(90));
        const ScheduledAction* telemetry =
            find(s, "raw security telemetry (incl. raw IP addresses)");
        QCOMPARE(telemetry->at, m_deletion.addDays(90));
        QVERIFY(telemetry->note.contains("active investigation"));
        QVERIFY(!find(s, "payment records")->at.isValid()); // the policy gives no length
    }

    void gapsAreFound()
    {
        const auto rules = m_ws->retentionRules("org-trainrun").value();
        const auto processors = m_ws->processors("org-trainrun").value();
        const QList<RetentionGap> gaps = retentionGaps(rules, processors);
        QStringList texts;
        for (const RetentionGap& g : gaps)
            texts << g.text;
        // Datasets ("applicable retention windows") and payment records have no period.
        QCOMPARE(std::count_if(gaps.begin(), gaps.end(),
                               [](const RetentionGap& g) {
                                   return g.kind == RetentionGap::Kind::RuleWithoutPeriod;
                               }),
                 2);
        // Both processors have rules.
        QVERIFY(std::none_of(gaps.begin(), gaps.end(), [](const RetentionGap& g) {
            return g.kind == RetentionGap::Kind::ProcessorWithoutRule;
        }));
        // Offboarding a processor its rules point to is a gap; a processor
        // without rule too.
        QList<Processor> changed = processors;
        changed[0].status = ProcessorStatus::Offboarded;
        Processor extra;
        extra.id = "p-x";
        extra.name = "Mixpanel";
        extra.dataCategories = {"user.behavior"};
        changed.append(extra);
        const QList<RetentionGap> more = retentionGaps(rules, changed);
        QVERIFY(std::any_of(more.begin(), more.end(), [](const RetentionGap& g) {
            return g.kind == RetentionGap::Kind::RuleForOffboardedProcessor;
        }));
        QVERIFY(std::any_of(more.begin(), more.end(), [](const RetentionGap& g) {
            return g.kind == RetentionGap::Kind::ProcessorWithoutRule &&
                   g.text.startsWith("Mixpanel");
        }));
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
