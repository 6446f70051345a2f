#include "domain/IsoDuration.h"

#include <QTest>

using namespace workbench;

class TestIsoDuration : public QObject
{
    Q_OBJECT

private slots:
    void parsesAndPrints_data()
    {
        QTest::addColumn<QString>("iso");
        QTest::addColumn<QString>("human");
        QTest::newRow("days") << "P90D"
                              << "90 days";
        QTest::newRow("years") << "P7Y"
                               << "7 years";
        QTest::newRow("hours") << "PT72H"
                               << "72 hours";
        QTest::newRow("one day") << "P1D"
                                 << "1 day";
        QTest::newRow("mixed") << "P1Y6M"
                               << "1 year 6 months";
        QTest::newRow("weeks") << "P2W"
                               << "2 weeks";
        QTest::newRow("time") << "PT1H30M"
                              << "1 hour 30 minutes";
    }
    void parsesAndPrints()
    {
        QFETCH(QString, iso);
        QFETCH(QString, human);
        const auto d = IsoDuration::parse(iso);
        QVERIFY(d);
        QCOMPARE(d->toIso(), iso);
        QCOMPARE(d->toHuman(), human);
        const auto back = IsoDuration::parseHuman(human.section(u' ', 0, 1));
        QVERIFY(back);
    }

    void refusesWhatIsNotADuration_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* bad : {"", "P", "PT", "90D", "P-1D", "P1.5D", "P1H", "days", "P1DT"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void refusesWhatIsNotADuration()
    {
        QFETCH(QString, text);
        QVERIFY(!IsoDuration::parse(text));
    }

    void readsPeoplesWords()
    {
        QCOMPARE(IsoDuration::parseHuman(u"90 days")->toIso(), QStringLiteral("P90D"));
        QCOMPARE(IsoDuration::parseHuman(u"7 years")->toIso(), QStringLiteral("P7Y"));
        QCOMPARE(IsoDuration::parseHuman(u"72-hour")->toIso(), QStringLiteral("PT72H"));
        QCOMPARE(IsoDuration::parseHuman(u"1 Month")->toIso(), QStringLiteral("P1M"));
        QVERIFY(!IsoDuration::parseHuman(u"a while"));
    }

    void addsCalendarPartsAsCalendarParts()
    {
        const auto month = IsoDuration::parse(u"P1M");
        QCOMPARE(month->addTo(QDate(2026, 1, 31)), QDate(2026, 2, 28));
        QCOMPARE(month->addTo(QDate(2028, 1, 31)), QDate(2028, 2, 29)); // leap year
        QCOMPARE(IsoDuration::parse(u"P1Y")->addTo(QDate(2028, 2, 29)), QDate(2029, 2, 28));
        QCOMPARE(IsoDuration::parse(u"P30D")->addTo(QDate(2026, 2, 1)), QDate(2026, 3, 3));
        const QDateTime start(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        QCOMPARE(IsoDuration::parse(u"PT72H")->addTo(start), start.addDays(3));
    }

    void ordersByLength()
    {
        QVERIFY(IsoDuration::parse(u"PT72H")->approximateSeconds() <
                IsoDuration::parse(u"P30D")->approximateSeconds());
        QVERIFY(IsoDuration::parse(u"P90D")->approximateSeconds() <
                IsoDuration::parse(u"P7Y")->approximateSeconds());
    }
};

QTEST_GUILESS_MAIN(TestIsoDuration)
#include "tst_isoduration.moc"
