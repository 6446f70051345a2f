#include "domain/Deadlines.h"
#include "domain/RequestWorkflow.h"

#include <QTest>

using namespace workbench;

namespace {

const DeadlineRule& rule(const char* jurisdiction)
{
    const DeadlineRule* r = DeadlineRuleSet::defaults().rule(QString::fromLatin1(jurisdiction));
    Q_ASSERT(r);
    return *r;
}

QDate d(const char* iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

} // namespace

class TestDeadlines : public QObject
{
    Q_OBJECT

private slots:
    // Every worked example of the deadline rules (weekends only, no holidays).
    void workedExamples_data()
    {
        QTest::addColumn<QString>("jurisdiction");
        QTest::addColumn<QDate>("received");
        QTest::addColumn<QDate>("verified");
        QTest::addColumn<int>("paused");
        QTest::addColumn<bool>("extended");
        QTest::addColumn<QDate>("due");
        QTest::newRow("GDPR, 3 Oct is a Saturday")
            << "GDPR" << d("2026-09-03") << QDate() << 0 << false << d("2026-10-05");
        QTest::newRow("GDPR, 31 Jan -> 28 Feb, a Saturday")
            << "GDPR" << d("2026-01-31") << QDate() << 0 << false << d("2026-03-02");
        QTest::newRow("GDPR, 31 Mar -> 30 Apr")
            << "GDPR" << d("2026-03-31") << QDate() << 0 << false << d("2026-04-30");
        QTest::newRow("GDPR, extended 2 months")
            << "GDPR" << d("2026-03-31") << QDate() << 0 << true << d("2026-06-30");
        QTest::newRow("CCPA, verification does not move it")
            << "CCPA" << d("2026-03-02") << d("2026-03-20") << 0 << false << d("2026-04-16");
        QTest::newRow("CCPA, extended 45 days, shown on a Sunday")
            << "CCPA" << d("2026-03-02") << QDate() << 0 << true << d("2026-05-31");
        QTest::newRow("LGPD") << "LGPD" << d("2026-06-01") << QDate() << 0 << false
                              << d("2026-06-16");
        QTest::newRow("PIPEDA") << "PIPEDA" << d("2026-06-01") << QDate() << 0 << false
                                << d("2026-07-01");
        QTest::newRow("UK GDPR, paused 7 days for ID")
            << "UK_GDPR" << d("2026-03-02") << QDate() << 7 << false << d("2026-04-09");
    }
    void workedExamples()
    {
        QFETCH(QString, jurisdiction);
        QFETCH(QDate, received);
        QFETCH(QDate, verified);
        QFETCH(int, paused);
        QFETCH(bool, extended);
        QFETCH(QDate, due);
        DeadlineInput in;
        in.received = received;
        in.verified = verified;
        in.pausedDays = paused;
        in.extended = extended;
        const Deadlines result =
            computeDeadlines(rule(qPrintable(jurisdiction)), in, HolidayCalendar());
        QCOMPARE(result.responseDue, due);
        QVERIFY(!result.citation.isEmpty());
    }

    void leapYearsAndMonthEnds()
    {
        DeadlineInput in;
        in.received = d("2028-01-31"); // 2028 is a leap year: 29 Feb 2028 is a Tuesday
        QCOMPARE(computeDeadlines(rule("GDPR"), in, {}).responseDue, d("2028-02-29"));
        in.received = d("2027-01-29"); // no 29 Feb in 2027 -> 28 Feb, a Sunday -> 1 Mar
        QCOMPARE(computeDeadlines(rule("GDPR"), in, {}).responseDue, d("2027-03-01"));
        in.received = d("2026-08-31"); // 30 Sep 2026, a Wednesday
        QCOMPARE(computeDeadlines(rule("GDPR"), in, {}).responseDue, d("2026-09-30"));
        in.received = d("2026-12-31"); // 31 Jan 2027, a Sunday -> 1 Feb
        QCOMPARE(computeDeadlines(rule("GDPR"), in, {}).responseDue, d("2027-02-01"));
        // Extension from a month end counts from the original date.
        in.received = d("2026-11-30");
        in.extended = true; // 30 Dec 2026 + 2 months = 28 Feb 2027 (Sunday) -> 1 Mar
        QCOMPARE(computeDeadlines(rule("GDPR"), in, {}).originalDue, d("2026-12-30"));
        QCOMPARE(computeDeadlines(rule("GDPR"), in, {}).responseDue, d("2027-03-01"));
    }

    void holidaysMoveTheDueDate()
    {
        const HolidayCalendar calendar({d("2026-10-05"), d("2026-10-06")});
        DeadlineInput in;
        in.received = d("2026-09-03"); // 3 Oct Sat -> Mon 5 and Tue 6 are holidays -> Wed 7
        QCOMPARE(computeDeadlines(rule("GDPR"), in, calendar).responseDue, d("2026-10-07"));
        // Where the rule does not roll over, a holiday changes nothing.
        in.received = d("2026-08-21"); // + 45 = 5 Oct
        QCOMPARE(computeDeadlines(rule("CCPA"), in, calendar).responseDue, d("2026-10-05"));
    }

    void businessDaysSkipWeekendsAndHolidays()
    {
        // CCPA acknowledgement: 10 business days, day 1 the first business day after receipt.
        DeadlineInput in;
        in.received = d("2026-03-02"); // a Monday
        QCOMPARE(computeDeadlines(rule("CCPA"), in, {}).acknowledgeBy, d("2026-03-16"));
        in.received = d("2026-03-06"); // a Friday: day 1 is Monday 9th
        QCOMPARE(computeDeadlines(rule("CCPA"), in, {}).acknowledgeBy, d("2026-03-20"));
        const HolidayCalendar calendar({d("2026-03-10")});
        QCOMPARE(computeDeadlines(rule("CCPA"), in, calendar).acknowledgeBy, d("2026-03-23"));
        // Opt-out of sale: 15 business days is the response deadline.
        in.type = RequestType::OptOutSale;
        QCOMPARE(computeDeadlines(rule("CCPA"), in, {}).responseDue, d("2026-03-27"));
        // GDPR has no acknowledgement deadline.
        QVERIFY(!computeDeadlines(rule("GDPR"), in, {}).acknowledgeBy);
    }

    void pausesOnlyWhereTheRuleAllows()
    {
        DeadlineInput in;
        in.received = d("2026-03-02");
        in.pausedDays = 7;
        QCOMPARE(computeDeadlines(rule("UK_GDPR"), in, {}).responseDue, d("2026-04-09"));
        // GDPR: verification does not stop the clock.
        QCOMPARE(computeDeadlines(rule("GDPR"), in, {}).responseDue, d("2026-04-02"));
        // A pause that lands on a weekend rolls over.
        in.pausedDays = 2; // 2 Apr + 2 = Sat 4 Apr -> Mon 6 Apr
        QCOMPARE(computeDeadlines(rule("UK_GDPR"), in, {}).responseDue, d("2026-04-06"));
    }

    void extensionOnceAndOnlyWhileTheOriginalPeriodRuns()
    {
        DeadlineInput in;
        in.received = d("2026-03-31"); // due 30 Apr
        QVERIFY(checkExtension(rule("GDPR"), in, {}, d("2026-04-30")).ok());
        const Status late = checkExtension(rule("GDPR"), in, {}, d("2026-05-01"));
        QVERIFY(!late.ok());
        QVERIFY2(late.error().contains("Too late to extend") && late.error().contains("2026-04-30"),
                 qPrintable(late.error()));
        in.extended = true;
        const Status twice = checkExtension(rule("GDPR"), in, {}, d("2026-04-10"));
        QVERIFY(!twice.ok());
        QVERIFY(twice.error().contains("once"));
        in.extended = false;
        const Status none = checkExtension(rule("LGPD"), in, {}, d("2026-04-01"));
        QVERIFY(!none.ok());
        QVERIFY(none.error().contains("LGPD Art. 19"));
    }

    void promiseDrivesTheColourWhenEarlier()
    {
        DeadlineInput in;
        in.received = d("2026-01-31");
        in.promiseDays = 30; // seed 000: "We will respond within 30 days"
        const Deadlines dl = computeDeadlines(rule("GDPR"), in, {});
        QCOMPARE(dl.responseDue, d("2026-03-02"));
        QCOMPARE(*dl.promiseDue, d("2026-03-02"));
        in.received = d("2026-03-01"); // law: 1 Apr; promise: 31 Mar
        const Deadlines d2 = computeDeadlines(rule("GDPR"), in, {});
        QCOMPARE(d2.effectiveDue(), d("2026-03-31"));
        QCOMPARE(urgencyOf(d("2026-03-31"), d("2026-04-01")), Urgency::Overdue);
        QCOMPARE(urgencyOf(d("2026-03-31"), d("2026-03-26")), Urgency::Within5Days);
        QCOMPARE(urgencyOf(d("2026-03-31"), d("2026-03-21")), Urgency::Within10Days);
        QCOMPARE(urgencyOf(d("2026-03-31"), d("2026-03-01")), Urgency::Later);
    }

    void ruleTableRoundTripsAndRefusesBadRules()
    {
        const DeadlineRuleSet& set = DeadlineRuleSet::defaults();
        for (const char* j : {"GDPR", "UK_GDPR", "CCPA", "LGPD", "PIPEDA", "VCDPA_CPA", "OTHER"})
            QVERIFY2(set.rule(QString::fromLatin1(j)), j);
        auto back = DeadlineRuleSet::fromJson(set.toJson());
        QVERIFY(back);
        QCOMPARE(back->rules(), set.rules());
        QJsonObject bad = rule("GDPR").toJson();
        bad.insert("period", QJsonObject{{"amount", 1}, {"unit", "fortnights"}});
        const auto refused = DeadlineRule::fromJson(bad);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains("fortnights"), qPrintable(refused.error()));
    }

    void holidayFilesSayWhereTheyAreWrong()
    {
        auto ok = HolidayCalendar::parse(
            "# Ireland 2026\n2026-12-25 Christmas\n2026-12-26, St Stephen's\n", "ie.txt");
        QVERIFY(ok);
        QCOMPARE(ok->holidays().size(), 2);
        auto bad = HolidayCalendar::parse("2026-12-25\n25/12/2026\n", "bad.txt");
        QVERIFY(!bad);
        QCOMPARE(bad.error(),
                 QStringLiteral("bad.txt, line 2: '25/12/2026' is not a date (YYYY-MM-DD)"));
    }

    void stateMachineRefusesWithTheReason_data()
    {
        QTest::addColumn<RequestStatus>("from");
        QTest::addColumn<RequestStatus>("to");
        QTest::addColumn<QString>("reason");
        using S = RequestStatus;
        QTest::newRow("new -> fulfilled")
            << S::New << S::Fulfilled << "before work on it has started";
        QTest::newRow("verifying -> fulfilled")
            << S::Verifying << S::Fulfilled << "before work on it has started";
        QTest::newRow("new -> waiting")
            << S::New << S::WaitingOnProcessor << "Only a request in progress";
        QTest::newRow("fulfilled -> rejected")
            << S::Fulfilled << S::Rejected << "can only be reopened";
        QTest::newRow("same") << S::InProgress << S::InProgress << "already";
    }
    void stateMachineRefusesWithTheReason()
    {
        QFETCH(RequestStatus, from);
        QFETCH(RequestStatus, to);
        QFETCH(QString, reason);
        const Status s = RequestWorkflow::checkTransition(from, to);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(reason), qPrintable(s.error()));
    }

    void stateMachineAllowsTheSensibleEdges()
    {
        using S = RequestStatus;
        for (auto [from, to] : {std::pair{S::New, S::Verifying},
                                {S::Verifying, S::InProgress},
                                {S::InProgress, S::WaitingOnProcessor},
                                {S::WaitingOnProcessor, S::Fulfilled},
                                {S::InProgress, S::Verifying},
                                {S::Fulfilled, S::InProgress},
                                {S::New, S::Withdrawn},
                                {S::Verifying, S::Rejected}})
            QVERIFY2(RequestWorkflow::checkTransition(from, to).ok(),
                     qPrintable(toWire(from) + " -> " + toWire(to)));
    }

    // New facts are checked where the rules live, so the CLI and the window
    // refuse the same things with the same reasons.
    void inputTheRulesCannotCountIsRefused_data()
    {
        QTest::addColumn<QString>("jurisdiction");
        QTest::addColumn<QDate>("received");
        QTest::addColumn<QDate>("verified");
        QTest::addColumn<int>("paused");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no receipt") << "GDPR" << QDate() << QDate() << 0 << "is missing";
        QTest::newRow("received in 10000")
            << "GDPR" << QDate(10000, 1, 3) << QDate() << 0 << "received in the year 10000";
        QTest::newRow("verified in 10000")
            << "CCPA" << d("2026-01-01") << QDate(10000, 1, 3) << 0 << "verified in the year 10000";
        QTest::newRow("verified first") << "CCPA" << d("2026-03-02") << d("2026-03-01") << 0
                                        << "verified on 2026-03-01, before the request was "
                                           "received on 2026-03-02";
        QTest::newRow("pause under the GDPR")
            << "GDPR" << d("2026-03-02") << QDate() << 1
            << "does not stop the clock (GDPR Art. 12(3)-(4)): 1 paused day cannot";
        QTest::newRow("negative pause")
            << "UK_GDPR" << d("2026-03-02") << QDate() << -2 << "cannot stand still for -2 days";
        QTest::newRow("due in 10000")
            << "GDPR" << d("9999-12-01") << QDate() << 0 << "would be due in the year 10000";
        QTest::newRow("extension notice in 10000")
            << "CCPA" << d("9999-11-20") << QDate() << 0 << "would be due in the year 10000";
    }
    void inputTheRulesCannotCountIsRefused()
    {
        QFETCH(QString, jurisdiction);
        QFETCH(QDate, received);
        QFETCH(QDate, verified);
        QFETCH(int, paused);
        QFETCH(QString, reason);
        DeadlineInput in;
        in.received = received;
        in.verified = verified;
        in.pausedDays = paused;
        const DeadlineRule& r = rule(qPrintable(jurisdiction));
        const auto result = deadlinesFor(r, in, HolidayCalendar());
        QVERIFY(!result);
        QVERIFY2(result.error().contains(reason), qPrintable(result.error()));
    }

    void inputTheRulesCanCountIsAnswered()
    {
        DeadlineInput in;
        in.received = d("9999-11-01");
        const auto last = deadlinesFor(rule("GDPR"), in, HolidayCalendar());
        QVERIFY2(last.ok(), qPrintable(last.error()));
        QCOMPARE(last.value().responseDue, d("9999-12-01"));
        QCOMPARE(last.value().responseDue.toString(Qt::ISODate), QStringLiteral("9999-12-01"));
        // Verified the day it came in, and a pause where the law has one.
        in.received = d("2026-03-02");
        in.verified = d("2026-03-02");
        in.pausedDays = 7;
        const auto uk = deadlinesFor(rule("UK_GDPR"), in, HolidayCalendar());
        QVERIFY2(uk.ok(), qPrintable(uk.error()));
        QCOMPARE(uk.value().responseDue, d("2026-04-09"));
    }
};

QTEST_GUILESS_MAIN(TestDeadlines)
#include "tst_deadlines.moc"
