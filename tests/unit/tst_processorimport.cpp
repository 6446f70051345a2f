#include "TestSupport.h"
#include "ZipCraft.h"
#include "export/AnnexWriter.h"
#include "export/DelimitedParser.h"
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
                                  << "cannot be read as an XLSX workbook";
        QTest::newRow("json numbers")
            << "numbers.json" << QByteArray("[1,2,3]") << "item 1 is a number, expected an object";
        QTest::newRow("json object without a list")
            << "a.json" << QByteArray("{\"a\":1}") << "expected an array of processors";
        QTest::newRow("json list field not a list")
            << "p.json" << QByteArray("{\"processors\": 5}")
            << "\"processors\" is a number, expected an array";
        QTest::newRow("json second item")
            << "mixed.json" << QByteArray("[{\"name\": \"A\"}, \"B\"]")
            << "item 2 is text, expected an object";
        QTest::newRow("json nested object")
            << "nested.json" << QByteArray("[{\"name\": \"A\", \"where\": {\"c\": \"DE\"}}]")
            << "item 1, field \"where\" is an object";
        QTest::newRow("json empty list") << "none.json" << QByteArray("[]") << "is empty";
        QTest::newRow("unclosed quote")
            << "open.csv" << QByteArray("Name,Purpose\nA,\"Hosting\nB,Mail\n")
            << "row 2 (from line 2) opens a quoted field that is not closed";
        QTest::newRow("not utf-8 on line 3")
            << "late.csv" << QByteArray("Name,Purpose\nA,Hosting\nZ\xfcrich AG,Mail\n")
            << "is not UTF-8 text (line 3)";
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

    void annexJsonAsExportedReadsBack()
    {
        // The annex JSON (docs/annex-json.md) lists its rows under "rows".
        const QString path =
            write("annex.json", R"({"layout": "scc-processor", "columns": ["Name", "Description"],
                "rows": [{"Name": "Hetzner", "Description": "Hosting"}], "missing": []})");
        auto t = readImportFile(path);
        QVERIFY_OK(t);
        QCOMPARE(t->header, QStringList({"Name", "Description"}));
        QCOMPARE(t->rows, QList<QStringList>({{"Hetzner", "Hosting"}}));
    }

    void xlsxZipBombIsRefusedBeforeInflating()
    {
        // 200 MB of zeros deflate to ~200 kB: the directory says so, and the
        // reader refuses without inflating anything.
        const QString path = m_tmp.path("bomb.xlsx");
        QVERIFY(
            writeCraftedZip(path, {{"[Content_Types].xml", "<Types/>"},
                                   {"xl/worksheets/sheet1.xml", QByteArray(1 << 20, '\0'), 200}}));
        QVERIFY(QFileInfo(path).size() < 1 << 20);
        const qint64 rssBefore = peakRssBytes();
        auto t = readImportFile(path);
        const qint64 rssAfter = peakRssBytes();
        QVERIFY(!t);
        QVERIFY2(t.error().startsWith("bomb.xlsx cannot be read as an XLSX workbook: "
                                      "xl/worksheets/sheet1.xml would inflate to 209.7 MB (ratio "),
                 qPrintable(t.error()));
        QVERIFY2(t.error().endsWith(":1); refused as a possible zip bomb."), qPrintable(t.error()));
        // Nothing near the inflated size was allocated.
        QVERIFY2(rssAfter - rssBefore < 32 << 20,
                 qPrintable(QString::number(rssAfter - rssBefore)));
    }

    void zipLimitsAreCheckedFromTheDirectory()
    {
        // A compressible entry over the ratio floor; an entry over the size
        // limit; too many entries; too much together.
        const QString ratio = m_tmp.path("ratio.zip");
        QVERIFY(writeCraftedZip(ratio, {{"a.xml", QByteArray(4096, 'x'), 1024}}));
        auto r = readZipEntry(ratio, "a.xml");
        QVERIFY(!r);
        QVERIFY2(r.error().startsWith("a.xml would inflate to 4.2 MB (ratio "),
                 qPrintable(r.error()));
        ZipLimits small;
        small.maxEntryBytes = 2000;
        small.maxEntries = 3;
        small.maxTotalBytes = 2500;
        const QString text = m_tmp.path("text.zip");
        QVERIFY(writeCraftedZip(text, {{"one", "0123456789", 80}, {"two", "abcdefghij", 120}}));
        QVERIFY_OK(readZipEntry(text, "one", small));
        QCOMPARE(readZipEntry(text, "one", small).value().value(),
                 QByteArray("0123456789").repeated(80));
        QVERIFY(!readZipEntry(text, "missing", small).value());
        auto big = readZipEntry(text, "one", ZipLimits{.maxEntryBytes = 500});
        QVERIFY(!big);
        QVERIFY2(big.error().startsWith("one would inflate to 800 bytes"), qPrintable(big.error()));
        QVERIFY2(big.error().contains("two would inflate") == false, qPrintable(big.error()));
        small.maxTotalBytes = 1500;
        auto total = readZipEntry(text, "one", small);
        QVERIFY(!total);
        QVERIFY2(total.error().contains("more than 1.5 kB together (at two)"),
                 qPrintable(total.error()));
        const QString many = m_tmp.path("many.zip");
        QVERIFY(writeCraftedZip(many, {{"1", "x"}, {"2", "x"}, {"3", "x"}, {"4", "x"}}));
        auto count = readZipEntry(many, "1", small);
        QVERIFY(!count);
        QVERIFY2(count.error().contains("more than 3 entries"), qPrintable(count.error()));
    }

    void zipHeadersThatLieAreCaughtWhileInflating()
    {
        // The directory claims 1 kB; the data inflates to 50 MB.
        const QString path = m_tmp.path("liar.xlsx");
        QVERIFY(writeCraftedZip(
            path, {{"xl/worksheets/sheet1.xml", QByteArray(1 << 20, 'a'), 50, 1024}}));
        const qint64 rssBefore = peakRssBytes();
        auto r = readZipEntry(path, "xl/worksheets/sheet1.xml");
        QVERIFY(peakRssBytes() - rssBefore < 32 << 20);
        QVERIFY(!r);
        QVERIFY2(r.error().startsWith("xl/worksheets/sheet1.xml"), qPrintable(r.error()));
        auto t = readImportFile(path);
        QVERIFY(!t);
        QVERIFY2(t.error().contains("xl/worksheets/sheet1.xml"), qPrintable(t.error()));
    }

    void xlsxSheetsThatWouldExplodeInMemoryAreRefused_data()
    {
        QTest::addColumn<QByteArray>("sheet");
        QTest::addColumn<QString>("message");
        QTest::newRow("far row") << QByteArray("<worksheet><sheetData><row r=\"2000000000\"><c "
                                               "r=\"A1\" t=\"str\"><v>x</v></c></row></sheetData>"
                                               "</worksheet>")
                                 << "has a row numbered '2000000000'";
        QTest::newRow("far column")
            << QByteArray("<worksheet><sheetData><row r=\"1\"><c r=\"ZZZZZZZZZZZZZ1\" "
                          "t=\"str\"><v>x</v></c></row></sheetData></worksheet>")
            << "cell ZZZZZZZZZZZZZ1 lies beyond column 1024";
    }
    void xlsxSheetsThatWouldExplodeInMemoryAreRefused()
    {
        QFETCH(QByteArray, sheet);
        QFETCH(QString, message);
        const QString path = m_tmp.path("sheet.xlsx");
        QVERIFY(writeCraftedZip(path, {{"xl/worksheets/sheet1.xml", sheet}}));
        auto t = readImportFile(path);
        QVERIFY(!t);
        QVERIFY2(t.error().contains(message), qPrintable(t.error()));
    }

    void largeCsvStreamsWithProgress()
    {
        // 200,000 rows (~14 MB); every 1000th has a quoted field over two lines.
        const QString path = m_tmp.path("large.csv");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Name,Purpose,Location\r\n");
            QByteArray block;
            for (int i = 0; i < 200000; ++i) {
                block += "Vendor " + QByteArray::number(i) + ",";
                block += i % 1000 == 0 ? "\"Hosting, \"\"managed\"\"\r\nand backups\""
                                       : "Hosting and backups";
                block += ",Germany\r\n";
                if (block.size() > 1 << 20) {
                    f.write(block);
                    block.clear();
                }
            }
            f.write(block);
        }
        const qint64 size = QFileInfo(path).size();
        QVERIFY(size > 6 << 20);
        qint64 calls = 0, last = -1;
        bool monotonic = true;
        ImportOptions options;
        options.progress = [&](qint64 done, qint64 total) {
            ++calls;
            monotonic = monotonic && done >= last && total == size;
            last = done;
            return true;
        };
        auto t = readImportFile(path, options);
        QVERIFY_OK(t);
        QCOMPARE(t->rows.size(), 200000);
        QCOMPARE(t->rows[0],
                 QStringList({"Vendor 0", "Hosting, \"managed\"\r\nand backups", "Germany"}));
        QCOMPARE(t->rows[199999][0], QStringLiteral("Vendor 199999"));
        QVERIFY(calls >= size / (64 * 1024));
        QVERIFY(monotonic);
        QCOMPARE(last, size);
        // The file was read in pieces: never more than a piece (and its
        // text) besides the rows already made.
        QVERIFY2(t->peakInputBytes < 512 * 1024, qPrintable(QString::number(t->peakInputBytes)));
        QVERIFY(t->peakInputBytes > 0);

        // Cancelling stops the read.
        int left = 3;
        options.progress = [&](qint64, qint64) {
            return --left > 0;
        };
        auto cancelled = readImportFile(path, options);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error(), QStringLiteral("large.csv: the import was cancelled."));
    }

    void piecesSplitAnywhereReadTheSame()
    {
        // CRLF, "" and a quoted line break split across pieces; a three-byte
        // character across the 64 kB boundary of the file reader.
        const QString text =
            "Name;Purpose\r\n\"A \"\"x\"\"\";\"line\r\nbreak\"\r\nB;€\r\n\r\nC;\"\"\n";
        DelimitedParser whole(u';', {});
        QVERIFY(whole.feed(text) && whole.finish());
        DelimitedParser bits(u';', {});
        for (QChar c : text)
            QVERIFY(bits.feed(QStringView(&c, 1)));
        QVERIFY(bits.finish());
        QCOMPARE(bits.rows(), whole.rows());
        QCOMPARE(whole.rows().size(), 5);
        QCOMPARE(whole.rows()[1], QStringList({"A \"x\"", "line\r\nbreak"}));
        QCOMPARE(whole.rows()[3], QStringList({""}));

        QByteArray bytes = "Name,Purpose\n";
        bytes += "A," + QByteArray(65536 - bytes.size() - 3, 'x') + "\xe2\x82\xac" + "\n";
        QCOMPARE(bytes.indexOf("\xe2\x82\xac"), 65536 - 1);
        auto t = readImportFile(write("boundary.csv", bytes));
        QVERIFY_OK(t);
        QVERIFY(t->rows[0][1].endsWith(u"x€"));
    }

    void delimitedLimitsSayWhere()
    {
        DelimitedParser columns(u',', {.maxColumns = 3});
        QVERIFY(!columns.feed(QStringLiteral("a,b,c\nd,e,f,g\n")));
        QCOMPARE(columns.error(), QStringLiteral("row 2 (line 2) has more than 3 columns."));
        DelimitedParser record(u',', {.maxRecordBytes = 64});
        QVERIFY(!record.feed(QString(QStringLiteral("a,b\n\"") + QString(40, u'x'))));
        QVERIFY2(record.error().startsWith("row 2 (from line 2) is longer than 64 bytes"),
                 qPrintable(record.error()));
        DelimitedParser rows(u',', {.maxRows = 2});
        QVERIFY(!rows.feed(QStringLiteral("a\nb\nc\n")));
        QCOMPARE(rows.error(), QStringLiteral("the file has more than 2 rows."));
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
