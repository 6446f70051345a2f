#include "domain/BreachClocks.h"
#include "domain/Incident.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace workbench;

namespace {

const BreachRule& rule(const char* jurisdiction)
{
    const BreachRule* r = BreachRuleSet::defaults().rule(QString::fromLatin1(jurisdiction));
    Q_ASSERT(r);
    return *r;
}

ZonedTime at(const char* text)
{
    auto t = parseZonedTime(QString::fromLatin1(text));
    if (!t)
        qFatal("%s: %s", text, qPrintable(t.error()));
    return t.value();
}

BreachFacts aware(const char* text, BreachRisk risk = BreachRisk::Unassessed)
{
    const ZonedTime t = at(text);
    BreachFacts f;
    f.aware = t.instant;
    f.discovered = t.instant;
    f.zone = t.zone;
    f.risk = risk;
    return f;
}

QList<BreachClock> clocks(const char* jurisdiction, const BreachFacts& facts,
                          const HolidayCalendar& calendar = {}, bool nis2 = false)
{
    auto c = breachClocks(rule(jurisdiction), facts, calendar, nis2 ? &rule("NIS2") : nullptr);
    if (!c)
        qFatal("%s", qPrintable(c.error()));
    return c.value();
}

const BreachClock& clock(const QList<BreachClock>& all, const char* id)
{
    for (const BreachClock& c : all) {
        if (c.id == QLatin1String(id))
            return c;
    }
    qFatal("no clock %s", id);
}

QString due(const BreachClock& c)
{
    return c.due ? isoWithOffset(*c.due) : QStringLiteral("null");
}

} // namespace

class TestBreachClock : public QObject
{
    Q_OBJECT

private slots:
    void shippedRulesLoadAndRoundTrip()
    {
        const BreachRuleSet& set = BreachRuleSet::defaults();
        QCOMPARE(set.jurisdictions(),
                 QStringList({"GDPR", "UK_GDPR", "LGPD", "PIPEDA"})); // NIS2 comes in addition
        QVERIFY(set.rule("NIS2") && set.rule("NIS2")->inAddition);
        auto again = BreachRuleSet::fromJson(set.toJson());
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->rules(), set.rules());
        for (const BreachRule& r : set.rules()) {
            for (const BreachClockRule& c : r.clocks)
                QVERIFY2(!c.citation.isEmpty(), qPrintable(r.jurisdiction + u' ' + c.id));
        }
    }

    void aBadRuleIsRefusedWithItsName()
    {
        QJsonObject r = rule("GDPR").toJson();
        QJsonArray list = r.value("clocks").toArray();
        QJsonObject c = list[0].toObject();
        c.insert("period", QJsonObject{{"amount", 72}, {"unit", "fortnights"}});
        list[0] = c;
        r.insert("clocks", list);
        auto parsed = BreachRule::fromJson(r);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().contains("GDPR") && parsed.error().contains("authority") &&
                     parsed.error().contains("fortnights"),
                 qPrintable(parsed.error()));
    }

    // GDPR Art. 33(1): 72 hours after awareness; people without undue delay
    // once the risk is high (no date: the time elapsed).
    void gdprSeventyTwoHours()
    {
        const auto all = clocks("GDPR", aware("2026-05-12T09:30[Europe/Berlin]"));
        QCOMPARE(due(clock(all, "authority")), QString("2026-05-15T09:30:00+02:00"));
        QVERIFY(clock(all, "authority").isRunning());
        QVERIFY(clock(all, "authority").lateNeedsReasons);
        QCOMPARE(clock(all, "authority").citation, QString("GDPR Art. 33(1), (3)-(4)"));
        // Not assessed yet: the people's clock waits for the assessment.
        QCOMPARE(clock(all, "people").state, BreachClock::State::Waiting);
        const QDateTime now = at("2026-05-13T15:30+02:00").instant;
        QCOMPARE(clock(all, "authority").status(now), QString("42 h left"));
        QCOMPARE(*clock(all, "authority").secondsLeft(now), qint64(42 * 3600));
    }

    // 72 real hours across the change to summer time (Europe/Berlin, last
    // Sunday of March 2026 = 29 March): the wall clock shows 73.
    void seventyTwoRealHoursAcrossSpringForward()
    {
        const auto all = clocks("GDPR", aware("2026-03-27T18:00[Europe/Berlin]"));
        const BreachClock& a = clock(all, "authority");
        QCOMPARE(due(a), QString("2026-03-30T19:00:00+02:00"));
        QCOMPARE(a.start.secsTo(*a.due), qint64(72 * 3600));
    }

    // ... and back to winter time (last Sunday of October 2026 = 25
    // October): the wall clock shows 71.
    void seventyTwoRealHoursAcrossFallBack()
    {
        const auto all = clocks("GDPR", aware("2026-10-23T18:00:00+02:00[Europe/Berlin]"));
        const BreachClock& a = clock(all, "authority");
        QCOMPARE(due(a), QString("2026-10-26T17:00:00+01:00"));
        QCOMPARE(a.start.secsTo(*a.due), qint64(72 * 3600));
    }

    void ukGdprIsTheSameClockWithItsOwnCitation()
    {
        const auto all = clocks("UK_GDPR", aware("2026-03-27T18:00[Europe/London]"));
        QCOMPARE(due(clock(all, "authority")), QString("2026-03-30T19:00:00+01:00"));
        QVERIFY(clock(all, "authority").citation.startsWith("UK GDPR Art. 33"));
    }

    // LGPD (Resolution CD/ANPD 15/2024): 3 business days. Aware on Friday
    // evening 30 October 2026; Monday 2 November (Finados) is a national
    // holiday: Tuesday, Wednesday, Thursday count, the clock ends with
    // Thursday 5 November in Sao Paulo.
    void lgpdFridayEveningWithAHoliday()
    {
        const HolidayCalendar brazil({QDate(2026, 11, 2), QDate(2026, 11, 15)});
        const auto all = clocks("LGPD", aware("2026-10-30T20:15[America/Sao_Paulo]"), brazil);
        QCOMPARE(due(clock(all, "authority")), QString("2026-11-05T23:59:59-03:00"));
        QCOMPARE(due(clock(all, "people")), QString("2026-11-05T23:59:59-03:00"));
        // The holiday is what moves it: without it, Wednesday.
        const auto plain = clocks("LGPD", aware("2026-10-30T20:15[America/Sao_Paulo]"));
        QCOMPARE(due(clock(plain, "authority")), QString("2026-11-04T23:59:59-03:00"));
        // Friday morning or evening: day 1 is the next business day either way.
        const auto morning = clocks("LGPD", aware("2026-10-30T08:00-03:00"), brazil);
        QCOMPARE(due(clock(morning, "authority")), QString("2026-11-05T23:59:59-03:00"));
    }

    // PIPEDA: "as soon as feasible" has no date, only the time elapsed; the
    // record is kept 24 months.
    void pipedaAsSoonAsFeasibleAndTheRecord()
    {
        BreachFacts f = aware("2026-02-10T09:00[America/Toronto]", BreachRisk::High);
        const auto all = clocks("PIPEDA", f);
        const BreachClock& a = clock(all, "authority");
        QVERIFY(!a.due);
        QVERIFY(a.isRunning());
        QVERIFY(!a.isLate(at("2027-01-01T00:00Z").instant));
        QCOMPARE(a.status(at("2026-02-11T15:00-05:00").instant),
                 QString("as soon as feasible · 30 h elapsed"));
        QCOMPARE(recordKeptUntil(rule("PIPEDA"), f), std::optional<QDate>(QDate(2028, 2, 10)));
        // No real risk of significant harm: nothing to report.
        f.risk = BreachRisk::Risk;
        QCOMPARE(clock(clocks("PIPEDA", f), "authority").state, BreachClock::State::NotRequired);
        QVERIFY(!recordKeptUntil(rule("GDPR"), f));
    }

    // NIS2 Art. 23(4): early warning 24 h, notification 72 h, final report
    // one month after the notification went in.
    void nis2ThreeStages()
    {
        BreachFacts f = aware("2026-06-01T08:00[Europe/Berlin]");
        auto all = clocks("GDPR", f, {}, true);
        QCOMPARE(due(clock(all, "early_warning")), QString("2026-06-02T08:00:00+02:00"));
        QCOMPARE(due(clock(all, "incident_notification")), QString("2026-06-04T08:00:00+02:00"));
        QCOMPARE(clock(all, "final_report").state, BreachClock::State::Waiting);
        QCOMPARE(due(clock(all, "final_report")), QString("null"));
        f.submitted.insert("incident_notification", at("2026-06-03T15:00+02:00").instant);
        all = clocks("GDPR", f, {}, true);
        QCOMPARE(clock(all, "incident_notification").state, BreachClock::State::Stopped);
        QVERIFY(clock(all, "final_report").isRunning());
        QCOMPARE(due(clock(all, "final_report")), QString("2026-07-03T15:00:00+02:00"));
        QCOMPARE(clock(all, "final_report").jurisdiction, QString("NIS2"));
    }

    // The clock stops when the authority is notified; a notification after
    // the 72 hours needs the reasons for the delay (GDPR Art. 33(1)).
    void lateNotificationRequiresReasons()
    {
        BreachFacts f = aware("2026-05-12T09:30[Europe/Berlin]", BreachRisk::Risk);
        const BreachClock running = clock(clocks("GDPR", f), "authority");
        const QDateTime inTime = at("2026-05-14T10:00+02:00").instant;
        const QDateTime late = at("2026-05-15T13:30+02:00").instant;
        QVERIFY(checkSubmission(running, inTime, QString()));
        const Status refused = checkSubmission(running, late, QString());
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains("4 h") && refused.error().contains("Art. 33(1)"),
                 qPrintable(refused.error()));
        QVERIFY(checkSubmission(running, late, "Forensics needed two days to confirm the scope."));
        QVERIFY(!checkSubmission(running, at("2026-05-12T09:00+02:00").instant, "x"));
        QVERIFY(running.isLate(late));

        f.submitted.insert("authority", late);
        const BreachClock stopped = clock(clocks("GDPR", f), "authority");
        QCOMPARE(stopped.state, BreachClock::State::Stopped);
        QVERIFY(stopped.isLate(late));
        QVERIFY(!stopped.secondsLeft(late.addDays(10)));
        QCOMPARE(stopped.status(late.addDays(10)), QString("notified 2026-05-15 13:30, 4 h late"));
        // LGPD asks no reasons in the rule table: a late submission is recorded.
        const BreachClock lgpd =
            clock(clocks("LGPD", aware("2026-10-30T20:15-03:00")), "authority");
        QVERIFY(checkSubmission(lgpd, at("2026-11-20T10:00-03:00").instant, QString()));
    }

    void noRiskStopsNothingButOwesNothing()
    {
        const auto none = clocks("GDPR", aware("2026-05-12T09:30+02:00", BreachRisk::None));
        QCOMPARE(clock(none, "authority").state, BreachClock::State::NotRequired);
        QCOMPARE(clock(none, "people").state, BreachClock::State::NotRequired);
        const auto high = clocks("GDPR", aware("2026-05-12T09:30+02:00", BreachRisk::High));
        QVERIFY(clock(high, "authority").isRunning());
        QVERIFY(clock(high, "people").isRunning());
        QVERIFY(!clock(high, "people").due);
    }

    void badInputIsRefusedClearly()
    {
        // A time without a zone.
        auto noZone = parseZonedTime("2026-05-12T09:30");
        QVERIFY(!noZone);
        QVERIFY2(noZone.error().contains("no time zone"), qPrintable(noZone.error()));
        QVERIFY(!parseZonedTime("12/05/2026 09:30+02:00"));
        QVERIFY(!parseZonedTime("2026-05-12T09:30[Mars/Olympus]"));
        // The hour the clocks skip in Berlin.
        auto gap = parseZonedTime("2026-03-29T02:30[Europe/Berlin]");
        QVERIFY(!gap);
        QVERIFY2(gap.error().contains("does not exist"), qPrintable(gap.error()));
        // An offset that is not the zone's then.
        QVERIFY(!parseZonedTime("2026-07-01T10:00+01:00[Europe/Berlin]"));

        BreachFacts f = aware("2026-05-12T09:30[Europe/Berlin]");
        f.discovered = at("2026-05-12T11:00+02:00").instant;
        auto before = breachClocks(rule("GDPR"), f, {});
        QVERIFY(!before);
        QVERIFY2(before.error().contains("before the breach was discovered"),
                 qPrintable(before.error()));
        f = aware("2026-05-12T09:30[Europe/Berlin]");
        f.aware = QDateTime(QDate(2026, 5, 12), QTime(9, 30)); // local time: no zone
        auto local = breachClocks(rule("GDPR"), f, {});
        QVERIFY(!local);
        QVERIFY2(local.error().contains("time zone"), qPrintable(local.error()));

        QVERIFY(!BreachRuleSet::defaults().rule("MARS"));
        Incident i;
        i.id = "i1";
        i.title = "Lost laptop";
        i.jurisdiction = "MARS";
        i.timeZone = "Europe/Berlin";
        i.awareAt = at("2026-05-12T09:30+02:00").instant;
        const Status unknown = checkIncident(i, BreachRuleSet::defaults());
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().contains("MARS") && unknown.error().contains("GDPR"),
                 qPrintable(unknown.error()));
        i.jurisdiction = "NIS2"; // only in addition
        QVERIFY(!checkIncident(i, BreachRuleSet::defaults()));
        i.jurisdiction = "GDPR";
        QVERIFY(checkIncident(i, BreachRuleSet::defaults()));
    }

    void incidentRoundTripsThroughJson()
    {
        Incident i;
        i.id = "inc-1";
        i.organizationId = "o1";
        i.title = "Misdirected payroll export";
        i.jurisdiction = "GDPR";
        i.nis2 = true;
        i.timeZone = "Europe/Berlin";
        i.awareAt = at("2026-03-27T18:00[Europe/Berlin]").instant;
        i.discoveredAt = at("2026-03-27T17:10+01:00").instant;
        i.reportedBy = "processor";
        i.reporterProcessorId = "p1";
        i.processorAwareAt = at("2026-03-26T09:00+01:00").instant;
        i.processorNoticeAt = at("2026-03-27T17:10+01:00").instant;
        i.processorContractHours = 24;
        i.activityIds = {"act-payroll"};
        i.dataCategories = {{"bank details", false}, {"health", true}};
        i.peopleApprox = 1200;
        i.risk = BreachRisk::High;
        i.decisions = {{"people", true, "Health data: high risk", i.awareAt.addSecs(3600)}};
        i.submissions = {{"authority", IncidentSubmission::Phase::Initial, i.awareAt.addDays(1),
                          "DPA-123", QString()}};
        auto back = Incident::fromJson(
            QJsonDocument::fromJson(QJsonDocument(i.toJson()).toJson()).object());
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back.value(), i);
        QVERIFY(back->hasSpecialCategories());
        // The processor's contract gave it 24 hours; it took 32.
        QCOMPARE(back->processorNoticeInTime(), std::optional<bool>(false));
        QCOMPARE(back->facts().submitted.value("authority"), i.awareAt.addDays(1));
    }
};

QTEST_GUILESS_MAIN(TestBreachClock)
#include "tst_breachclock.moc"
