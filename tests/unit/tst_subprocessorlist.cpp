// The vendor watch's rules: reading published sub-processor lists, matching
// names across the small differences vendors' lists have, the change
// between two versions, the objection deadline and the review cadence.
#include "TestSupport.h"
#include "domain/VendorWatch.h"
#include "export/SubprocessorListImport.h"

using namespace workbench;
using namespace workbench::test;

namespace {

QString data(const QString& name)
{
    return QStringLiteral(WORKBENCH_SUBPROCESSOR_DATA "/") + name;
}

const SubprocessorEntry* find(const QList<SubprocessorEntry>& list, const QString& name)
{
    for (const SubprocessorEntry& e : list)
        if (e.name == name)
            return &e;
    return nullptr;
}

} // namespace

class TestSubprocessorList : public QObject
{
    Q_OBJECT

private slots:
    void namesMatchAcrossSmallDifferences_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("legal suffix") << "Stripe, Inc."
                                      << "Stripe" << true;
        QTest::newRow("GmbH") << "Mailjet GmbH"
                              << "Mailjet" << true;
        QTest::newRow("S.A.S.") << "Mailjet S.A.S."
                                << "MAILJET SAS" << true;
        QTest::newRow("B.V.") << "MessageBird B.V."
                              << "MessageBird" << true;
        QTest::newRow("Ltd.") << "Atlassian Pty Ltd."
                              << "Atlassian" << true;
        QTest::newRow("LLC dots") << "OpenAI, L.L.C."
                                  << "OpenAI" << true;
        QTest::newRow("region") << "Amazon Web Services EMEA SARL"
                                << "Amazon Web Services, Inc." << true;
        QTest::newRow("ampersand") << "Procter & Gamble"
                                   << "Procter and Gamble Co." << true;
        QTest::newRow("case, punctuation") << "fly.io"
                                           << "Fly.io, Inc." << true;
        QTest::newRow("one word") << "DigitalOcean, LLC"
                                  << "Digital Ocean" << true;
        QTest::newRow("alias table") << "Amazon Web Services, Inc."
                                     << "AWS" << true;
        QTest::newRow("alias table 2") << "Google Cloud"
                                       << "GCP" << true;
        QTest::newRow("initials") << "Hewlett Packard Enterprise"
                                  << "HPE" << true;
        QTest::newRow("initials, not listed") << "Stack Exchange Network"
                                              << "SEN" << true;
        QTest::newRow("accents") << "Société Générale S.A."
                                 << "Societe Generale" << true;
        QTest::newRow("two Google products") << "Google Cloud"
                                             << "Google Analytics" << false;
        QTest::newRow("parent and product") << "Google"
                                            << "Google Analytics" << false;
        QTest::newRow("prefix") << "Stripe"
                                << "Stripe Payments Europe Ltd" << false;
        QTest::newRow("other company") << "Twilio Inc."
                                       << "Twitter, Inc." << false;
        QTest::newRow("initials, wrong count") << "Amazon Web Services"
                                               << "AW" << false;
        QTest::newRow("empty") << ""
                               << "Inc." << false;
    }
    void namesMatchAcrossSmallDifferences()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(NameMatcher::standard().matches(a, b), same);
        QCOMPARE(NameMatcher::standard().matches(b, a), same);
    }

    // Two versions of a vendor's published list (tests/data/subprocessors):
    // one removed, one added, one renamed, one moved to another country.
    void changesBetweenTwoPublishedVersions()
    {
        auto october = readSubprocessorFile(data("supabase-2026-10.csv"));
        QVERIFY_OK(october);
        auto november = readSubprocessorFile(data("supabase-2026-11.csv"));
        QVERIFY_OK(november);
        QCOMPARE(october.value().size(), 20);
        QCOMPARE(november.value().size(), 20);
        const SubprocessorDiff d = compareLists(october.value(), november.value());
        QCOMPARE(d.added.size(), 1);
        QCOMPARE(d.added.first().name, QString("OpenAI, L.L.C."));
        QCOMPARE(d.added.first().purpose, QString("AI assistant in the dashboard"));
        QCOMPARE(d.removed.size(), 1);
        QCOMPARE(d.removed.first().name, QString("Segment.io, Inc."));
        QCOMPARE(d.changed.size(), 2);
        // Renamed, not removed and added: the same company.
        QCOMPARE(d.changed[0].before.name, QString("Amazon Web Services, Inc."));
        QCOMPARE(d.changed[0].after.name, QString("AWS"));
        QCOMPARE(d.changed[0].fields, QStringList{"name"});
        QCOMPARE(d.changed[1].after.name, QString("Sentry (Functional Software, Inc.)"));
        QCOMPARE(d.changed[1].fields, QStringList{"location"});
        QCOMPARE(d.changed[1].before.countries, QStringList{"US"});
        QCOMPARE(d.changed[1].after.countries, QStringList{"DE"});
        QCOMPARE(d.summary(), QString("1 added, 1 removed, 2 changed"));
        // Through JSON (as a notice stores it) and back.
        const SubprocessorDiff back = SubprocessorDiff::fromJson(d.toJson());
        QCOMPARE(back.toJson(), d.toJson());
        QVERIFY(compareLists(november.value(), november.value()).isEmpty());
    }

    // The same list as a Markdown table and as a saved web page (with a
    // layout table, a script and a footer table around it).
    void markdownAndSavedPageReadLikeTheCsv()
    {
        auto csv = readSubprocessorFile(data("supabase-2026-11.csv"));
        QVERIFY_OK(csv);
        auto md = readSubprocessorFile(data("supabase-2026-11.md"));
        QVERIFY_OK(md);
        auto html = readSubprocessorFile(data("supabase-2026-11.html"));
        QVERIFY_OK(html);
        QCOMPARE(entriesToJson(md.value()), entriesToJson(csv.value()));
        QCOMPARE(entriesToJson(html.value()), entriesToJson(csv.value()));
        QVERIFY(find(html.value(), "Intercom R&D Unlimited Company"));
        QCOMPARE(find(html.value(), "Intercom R&D Unlimited Company")->countries,
                 QStringList{"IE"});
    }

    // Copied from a web page into the clipboard: tab-separated.
    void pastedTextIsAList()
    {
        const QByteArray pasted = "Sub-processor\tPurpose\tCountry\n"
                                  "Amazon Web Services, Inc.\tHosting\tUSA\n"
                                  "Hetzner Online GmbH\tBackups\tGermany, Finland\n";
        auto entries = readSubprocessorText(pasted, "pasted text");
        QVERIFY_OK(entries);
        QCOMPARE(entries.value().size(), 2);
        QCOMPARE(entries.value()[1].countries, (QStringList{"DE", "FI"}));
        QCOMPARE(entries.value()[0].purpose, QString("Hosting"));
    }

    void badListsAreRefusedWithTheReason()
    {
        auto empty = readSubprocessorText("Entity Name,Purpose,Location\n", "empty.csv", "csv");
        QVERIFY(!empty);
        QVERIFY2(empty.error().contains("empty"), qPrintable(empty.error()));
        auto blank = readSubprocessorText("   \n", "blank.csv", "csv");
        QVERIFY(!blank);
        QVERIFY2(blank.error().contains("blank.csv is empty"), qPrintable(blank.error()));
        auto noName = readSubprocessorText("Purpose,Location\nHosting,US\n", "odd.csv", "csv");
        QVERIFY(!noName);
        QVERIFY2(noName.error().contains("no column of names"), qPrintable(noName.error()));
        QVERIFY2(noName.error().contains("Purpose, Location"), qPrintable(noName.error()));
        auto page = readSubprocessorFile(data("not-a-list.html"));
        QVERIFY(!page);
        QVERIFY2(page.error().contains("not a list"), qPrintable(page.error()));
    }

    void objectionDeadlineInCalendarDays()
    {
        const QDate received(2026, 11, 23);
        QCOMPARE(objectionDeadline(received, {30, false}, {}), QDate(2026, 12, 23));
        QCOMPARE(objectionDeadline(received, {14, false}, {}), QDate(2026, 12, 7));
        QCOMPARE(ObjectionWindow({10, true}).period().describe(), QString("10 business days"));
    }

    // Ten business days from Friday 18 December 2026: the holidays of the
    // organization's calendar (the deadline rules' calendar) are skipped.
    void objectionDeadlineInBusinessDaysSkipsHolidays()
    {
        const QDate received(2026, 12, 18);
        QCOMPARE(objectionDeadline(received, {10, true}, HolidayCalendar()), QDate(2027, 1, 1));
        const HolidayCalendar holidays({QDate(2026, 12, 25), QDate(2027, 1, 1)});
        QCOMPARE(objectionDeadline(received, {10, true}, holidays), QDate(2027, 1, 5));
        // Calendar days ignore the holidays.
        QCOMPARE(objectionDeadline(received, {10, false}, holidays), QDate(2026, 12, 28));
    }

    void reviewTierSetsTheNextReview()
    {
        ReviewCadence c;
        const QDate on(2026, 3, 31);
        QCOMPARE(nextReviewDate(on, RiskTier::High, c), QDate(2026, 9, 30));
        QCOMPARE(nextReviewDate(on, RiskTier::Medium, c), QDate(2027, 3, 31));
        QCOMPARE(nextReviewDate(on, RiskTier::Low, c), QDate(2028, 3, 31));
        c.setMonths(RiskTier::High, 3);
        QCOMPARE(nextReviewDate(on, RiskTier::High, c), QDate(2026, 6, 30));
        const QuestionnaireTemplate t = QuestionnaireTemplate::standard();
        QCOMPARE(t.questions.size(), 5);
        QVERIFY(t.questions.join(' ').contains("certifications"));
        QVERIFY(t.questions.join(' ').contains("breach"));
        QVERIFY(t.questions.join(' ').contains("sub-processor"));
        QVERIFY(t.questions.join(' ').contains("transferred"));
        QVERIFY(t.questions.join(' ').contains("end of the contract"));
    }
};

QTEST_GUILESS_MAIN(TestSubprocessorList)
#include "tst_subprocessorlist.moc"
