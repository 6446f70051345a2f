#include "TestSupport.h"
#include "services/AsOfService.h"

#include <QTimeZone>

using namespace workbench;
using namespace workbench::test;

// The registry and the retention rules as they stood at the end of a day,
// rebuilt from the audit log's before/after records.
class TestAsOf : public QObject
{
    Q_OBJECT

    // The officer's zone: an hour east of UTC, so a day's end is not UTC's.
    const QTimeZone m_zone{3600};
    QDateTime m_now = QDateTime::currentDateTimeUtc();
    QDateTime m_created = m_now.addDays(-5);
    QDate m_today = m_now.toTimeZone(m_zone).date();

    static Processor processor(const QString& id, const QString& name)
    {
        Processor p;
        p.id = id;
        p.name = name;
        p.service = "Hosting";
        p.address = "1 Old Street, Dublin";
        p.organizationIds = {"org"};
        p.dataCategories = {"user.contact.email"};
        return p;
    }

    // Five days ago: an organization, three processors and a rule; today: one
    // processor edited, one deleted, one added, the rule's period changed.
    std::unique_ptr<Workspace> makeHistory(const QString& path)
    {
        auto opened = Workspace::open(path);
        if (!opened)
            return nullptr;
        auto ws = std::move(opened).value();
        ws->setClock([this] { return m_created; });
        Organization org;
        org.id = "org";
        org.name = "LabelSets";
        RetentionRule rule;
        rule.id = "rule";
        rule.organizationId = "org";
        rule.dataCategory = "account data";
        rule.period = *IsoDuration::parse(u"P30D");
        for (const Status& s :
             {ws->save(org, "org"), ws->save(processor("acme", "Acme"), "add"),
              ws->save(processor("gone", "Gone Ltd"), "add"), ws->save(rule, "rule")})
            if (!s)
                return nullptr;
        ws->setClock([this] { return m_now; });
        Processor edited = processor("acme", "Acme");
        edited.address = "2 New Street, Dublin";
        rule.period = *IsoDuration::parse(u"P90D");
        for (const Status& s :
             {ws->save(edited, "edit"), ws->remove<Processor>("gone", "delete"),
              ws->save(processor("late", "Late Inc"), "add"), ws->save(rule, "rule edit")})
            if (!s)
                return nullptr;
        return ws;
    }

    static QStringList names(const QList<Processor>& ps)
    {
        QStringList out;
        for (const Processor& p : ps)
            out << p.name;
        return out;
    }

private slots:
    void yesterdayShowsTheOldValues()
    {
        TempFolder tmp;
        auto ws = makeHistory(tmp.path("w.sqlite"));
        QVERIFY(ws);
        AsOfService asOf(*ws, m_zone);
        auto point = asOf.point(m_today.addDays(-1));
        QVERIFY_OK(point);
        auto processors = asOf.processors(point.value(), "org");
        QVERIFY_OK(processors);
        // The deleted one is back, the one added today is not there.
        QCOMPARE(names(processors.value()), (QStringList{"Acme", "Gone Ltd"}));
        QCOMPARE(processors->at(0).address, QString("1 Old Street, Dublin"));
        auto rules = asOf.retentionRules(point.value(), "org");
        QVERIFY_OK(rules);
        QCOMPARE(rules->size(), 1);
        QCOMPARE(rules->at(0).period->toIso(), QString("P30D"));

        // Today's end is today's state, the same values the registry reads.
        auto today = asOf.point(m_today);
        QVERIFY_OK(today);
        auto now = asOf.processors(today.value(), "org");
        QVERIFY_OK(now);
        auto current = ws->processors("org");
        QVERIFY_OK(current);
        QCOMPARE(now.value(), current.value());
        QCOMPARE(names(now.value()), (QStringList{"Acme", "Late Inc"}));
        auto rulesNow = asOf.retentionRules(today.value(), "org");
        QVERIFY_OK(rulesNow);
        QCOMPARE(rulesNow->at(0).period->toIso(), QString("P90D"));
    }

    void theDayOfTheFirstEntryCountsWholly()
    {
        TempFolder tmp;
        auto ws = makeHistory(tmp.path("w.sqlite"));
        QVERIFY(ws);
        AsOfService asOf(*ws, m_zone);
        const QDate first = m_created.toTimeZone(m_zone).date();
        auto earliest = asOf.earliestDay();
        QVERIFY_OK(earliest);
        QCOMPARE(earliest.value(), first);
        auto processors = asOf.processors(first, "org");
        QVERIFY_OK(processors);
        QCOMPARE(names(processors.value()), (QStringList{"Acme", "Gone Ltd"}));
    }

    void aDayBeforeTheLogIsRefusedWithTheDayItCanAnswerFrom()
    {
        TempFolder tmp;
        auto ws = makeHistory(tmp.path("w.sqlite"));
        QVERIFY(ws);
        AsOfService asOf(*ws, m_zone);
        const QDate first = m_created.toTimeZone(m_zone).date();
        auto point = asOf.point(first.addDays(-1));
        QVERIFY(!point);
        QVERIFY2(point.error().contains(first.toString(Qt::ISODate)) &&
                     point.error().contains(first.addDays(-1).toString(Qt::ISODate)),
                 qPrintable(point.error()));
        QVERIFY(!asOf.processors(first.addDays(-30), "org"));
    }

    void aChangeWrittenWithoutStatesMovesTheEarliestDay()
    {
        TempFolder tmp;
        auto ws = makeHistory(tmp.path("w.sqlite"));
        QVERIFY(ws);
        // A batch write (as a sync writes), recorded without before/after.
        QVERIFY_OK(ws->database().transaction(
            [&] { return Repository<Processor>(ws->database()).save(processor("sync", "Sync")); }));
        AsOfService asOf(*ws, m_zone);
        auto earliest = asOf.earliestDay();
        QVERIFY_OK(earliest);
        QCOMPARE(earliest.value(), QDateTime::currentDateTimeUtc().toTimeZone(m_zone).date());
        auto yesterday = asOf.point(earliest->addDays(-1));
        QVERIFY(!yesterday);
        QVERIFY2(yesterday.error().contains(earliest->toString(Qt::ISODate)),
                 qPrintable(yesterday.error()));
        QVERIFY_OK(asOf.point(earliest.value()));
    }

    void organizationsComeBackToo()
    {
        TempFolder tmp;
        auto ws = makeHistory(tmp.path("w.sqlite"));
        QVERIFY(ws);
        auto orgs = ws->organizations();
        QVERIFY_OK(orgs);
        Organization renamed = orgs->first();
        renamed.name = "LabelSets GmbH";
        QVERIFY_OK(ws->save(renamed, "rename"));
        AsOfService asOf(*ws, m_zone);
        auto point = asOf.point(m_today.addDays(-1));
        QVERIFY_OK(point);
        auto then = asOf.organizations(point.value());
        QVERIFY_OK(then);
        QCOMPARE(then->first().name, QString("LabelSets"));
    }

    void entryTimesNeverGoBack()
    {
        TempFolder tmp;
        auto ws = makeHistory(tmp.path("w.sqlite"));
        QVERIFY(ws);
        // A clock set back a week: the entry keeps the last entry's time.
        ws->setClock([this] { return m_now.addDays(-7); });
        QVERIFY_OK(ws->save(processor("back", "Back Ltd"), "add"));
        auto entries = ws->auditEntries();
        QVERIFY_OK(entries);
        QVERIFY(entries->size() >= 2);
        QVERIFY(entries->last().at >= entries->at(entries->size() - 2).at);
        AsOfService asOf(*ws, m_zone);
        auto processors = asOf.processors(m_today.addDays(-1), "org");
        QVERIFY_OK(processors);
        QVERIFY(!names(processors.value()).contains("Back Ltd"));
    }
};

QTEST_GUILESS_MAIN(TestAsOf)
#include "tst_asof.moc"
