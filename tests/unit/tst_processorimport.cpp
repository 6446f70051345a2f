#include "TestSupport.h"
#include "export/AnnexWriter.h"
#include "export/ProcessorImport.h"

using namespace workbench;
using namespace workbench::test;

class TestProcessorImport : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;

    QString write(const QString& name, const QByteArray& bytes)
    {
        QFile f(m_tmp.path(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
        return f.fileName();
    }

    ImportPlan plan(const ImportTable& t, const QList<Processor>& existing = {})
    {
        return planImport(t, guessMapping(t.header), existing, "org-x");
    }

private slots:
    void messyCsvWithBomSemicolonsAndQuotedNewlines()
    {
        const QString path = write(
            "vendors.csv",
            "\xef\xbb\xbfSub-processor;Purpose;Location;Entity\r\n"
            "Mailgun;\"E-mail delivery;\nbounces\";United States;\"Mailgun Technologies, Inc.\"\r\n"
            "Hetzner;Hosting;Germany / FI;Hetzner Online GmbH\r\n"
            "\r\n"
            ";nameless;DE;\r\n"
            "mailgun;again;US;\r\n"
            "Acme;Analytics;Atlantis;\r\n");
        auto t = readImportFile(path);
        QVERIFY_OK(t);
        QCOMPARE(t->header, QStringList({"Sub-processor", "Purpose", "Location", "Entity"}));
        QCOMPARE(guessMapping(t->header),
                 QList<ImportField>({ImportField::Name, ImportField::Service, ImportField::Location,
                                     ImportField::LegalEntity}));
        const ImportPlan p = plan(t.value());
        QCOMPARE(p.added.size(), 2);
        QCOMPARE(p.added[0].service, QStringLiteral("E-mail delivery;\nbounces"));
        QCOMPARE(p.added[0].legalEntity, QStringLiteral("Mailgun Technologies, Inc."));
        QCOMPARE(p.added[0].locations, QStringList{"US"});
        QCOMPARE(p.added[1].locations, QStringList({"DE", "FI"}));
        QCOMPARE(p.rejected.size(), 3);
        QCOMPARE(p.rejected[0].row, 5);
        QCOMPARE(p.rejected[0].reason, QStringLiteral("no name"));
        QVERIFY(p.rejected[1].reason.startsWith("repeats row 2"));
        QCOMPARE(p.rejected[2].reason, QStringLiteral("location 'Atlantis' is not a country"));
    }

    void missingColumnsAreRefusedPerRow()
    {
        const QString path =
            write("names-only.tsv", "Vendor\tWebsite\nPlausible\thttps://plausible.io\n");
        auto t = readImportFile(path);
        QVERIFY_OK(t);
        const ImportPlan p = plan(t.value());
        QCOMPARE(p.added.size(), 0);
        QCOMPARE(p.rejected.size(), 1);
        QVERIFY(p.rejected[0].reason.contains("no service or purpose"));
        const QString noName = write("no-name.csv", "Purpose,Country\nHosting,DE\n");
        const ImportPlan none = plan(readImportFile(noName).value());
        QCOMPARE(none.rejected.first().reason, QStringLiteral("no column is mapped to Name"));
    }

    void duplicatesOfTheRegistryBecomeUpdates()
    {
        Processor stripe;
        stripe.id = "p-stripe";
        stripe.name = "Stripe";
        stripe.service = "Payments";
        stripe.aliases = {"Stripe, Inc."};
        stripe.organizationIds = {"org-x"};
        const QString path = write(
            "update.json", "[{\"name\": \"stripe, inc.\", \"purpose\": \"Payments and payouts\", "
                           "\"location\": [\"IE\", \"US\"], \"url\": \"https://stripe.com\"}]");
        auto t = readImportFile(path);
        QVERIFY_OK(t);
        const ImportPlan p = plan(t.value(), {stripe});
        QCOMPARE(p.added.size(), 0);
        QCOMPARE(p.updated.size(), 1);
        QCOMPARE(p.updated[0].second.id, QStringLiteral("p-stripe"));
        QCOMPARE(p.updated[0].second.service, QStringLiteral("Payments and payouts"));
        QCOMPARE(p.updated[0].second.locations, QStringList({"IE", "US"}));
    }

    void brokenFilesSayWhatIsWrong_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << "empty.csv" << QByteArray("  \n") << "is empty";
        QTest::newRow("binary") << "blob.csv" << QByteArray("\x00\x01\x02\xff garbage", 12)
                                << "is not a text file";
        QTest::newRow("latin-1") << "latin.csv"
                                 << QByteArray("Name,Purpose\nZ\xfcrich AG,Hosting\n")
                                 << "is not UTF-8";
        QTest::newRow("bad json") << "bad.json" << QByteArray("[{\"name\": \"x\",]")
                                  << "the JSON is malformed";
        QTest::newRow("json object")
            << "obj.json" << QByteArray("{\"vendors\": []}") << "expected an array";
        QTest::newRow("bad xlsx") << "bad.xlsx" << QByteArray("PK\x03\x04 not really")
                                  << "not an XLSX workbook";
    }
    void brokenFilesSayWhatIsWrong()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        auto t = readImportFile(write(name, bytes));
        QVERIFY(!t);
        QVERIFY2(t.error().contains(message), qPrintable(t.error()));
        QVERIFY(t.error().contains(name));
    }

    void xlsxAsExportedReadsBack()
    {
        // An annex written as XLSX is a processor list the import reads.
        AnnexTable annex;
        annex.title = "t";
        annex.columns = {"Name", "Address", "Description of the processing", "Location"};
        annex.rows = {
            {"Hetzner", "Industriestr. 25, Gunzenhausen", "Hosting", "Germany (DE)"},
            {"Scaleway", "8 rue de la Ville l'Evêque, Paris", "Object storage", "France"}};
        const QString path = m_tmp.path("list.xlsx");
        QVERIFY_OK(writeAnnex(annex, AnnexFormat::Xlsx, path));
        auto t = readImportFile(path);
        QVERIFY_OK(t);
        // Title and subtitle rows come first in an annex; the header is row 1 here.
        QVERIFY(t->rows.size() >= 3);
        const QStringList header = t->rows[1];
        QCOMPARE(header, annex.columns);
        QCOMPARE(t->rows[2][0], QStringLiteral("Hetzner"));
        QCOMPARE(t->rows[3][1], QStringLiteral("8 rue de la Ville l'Evêque, Paris"));
    }

    void importIsOneTransaction()
    {
        auto ws = makeDemoWorkspace(m_tmp.path("import.sqlite"));
        QVERIFY(ws);
        const int before = int(ws->processors("org-labelsets")->size());
        ImportPlan p;
        Processor good;
        good.id = "p-good";
        good.name = "Good";
        good.service = "Hosting";
        good.organizationIds = {"org-labelsets"};
        Processor bad = good;
        bad.id = "p-bad";
        bad.name = "Bad";
        bad.organizationIds = {"org-nowhere"}; // refused by the database
        p.added = {good, bad};
        const Status s = applyImport(*ws, p, "test");
        QVERIFY(!s);
        QVERIFY(s.error().startsWith("Bad: "));
        QCOMPARE(int(ws->processors("org-labelsets")->size()), before);
        QVERIFY(!ws->processor("p-good").value());
        p.added = {good};
        QVERIFY_OK(applyImport(*ws, p, "test"));
        QCOMPARE(int(ws->processors("org-labelsets")->size()), before + 1);
        QCOMPARE(ws->auditEntries({"processors", "p-good"}).value().first().action,
                 QStringLiteral("import"));
    }

    void countryNames()
    {
        QCOMPARE(countryCode("Germany"), QStringLiteral("DE"));
        QCOMPARE(countryCode("united states"), QStringLiteral("US"));
        QCOMPARE(countryCode("USA"), QStringLiteral("US"));
        QCOMPARE(countryCode("br"), QStringLiteral("BR"));
        QCOMPARE(countryCode("Narnia"), QString());
    }
};

QTEST_MAIN(TestProcessorImport)
#include "tst_processorimport.moc"
