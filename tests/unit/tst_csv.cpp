#include "TestSupport.h"
#include "export/AnnexWriter.h"
#include "export/Csv.h"
#include "export/ExportFile.h"
#include "export/ProcessorImport.h"

#include <QDir>
#include <QFile>
#include <sys/stat.h>

using namespace workbench;
using namespace workbench::test;

namespace {

// What a hostile vendor list or requester can put in a cell.
const QStringList kHostile{
    "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)",      "+1+2",
    "-2+3+cmd|' /C calc'!A0",         "\tleading tab", "\rleading CR",
};

// Cells that must come back exactly too.
const QStringList kOrdinary{"Stripe",      "-12",     "-3.5", "'=already quoted", "'",
                            "a, \"b\"\nc", "O'Brien", "",     "2026-11-23",       "e-mail: a@b.c"};

QString readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Sets the umask for the life of the object.
class Umask
{
public:
    explicit Umask(mode_t mask)
        : m_old(::umask(mask))
    {}
    ~Umask() { ::umask(m_old); }

private:
    mode_t m_old;
};

} // namespace

class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void formulaCellsAreNeutralised_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("field");
        QTest::newRow("=") << kHostile[0] << "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
        QTest::newRow("@") << kHostile[1] << "'@SUM(A1)";
        QTest::newRow("+") << kHostile[2] << "'+1+2";
        QTest::newRow("- with a command") << kHostile[3] << "'-2+3+cmd|' /C calc'!A0";
        QTest::newRow("tab") << kHostile[4] << "'\tleading tab";
        QTest::newRow("CR") << kHostile[5] << "\"'\rleading CR\"";
        // A plain negative number is only ever a number (see Csv.h).
        QTest::newRow("negative integer") << "-12"
                                          << "-12";
        QTest::newRow("negative decimal") << "-3.5"
                                          << "-3.5";
        QTest::newRow("exponent") << "-1e5"
                                  << "'-1e5";
        QTest::newRow("minus alone") << "-"
                                     << "'-";
        QTest::newRow("minus and space") << "- 1"
                                         << "'- 1";
        // One apostrophe more, so the import gives back what was there.
        QTest::newRow("apostrophe then =") << "'=1"
                                           << "''=1";
        QTest::newRow("apostrophe alone") << "'x"
                                          << "'x";
        QTest::newRow("ordinary") << "Stripe"
                                  << "Stripe";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("= later") << "a=b"
                                 << "a=b";
    }

    void formulaCellsAreNeutralised()
    {
        QFETCH(QString, cell);
        QFETCH(QString, field);
        QCOMPARE(csvField(cell), field);
    }

    void tsvQuotesTabsNotCommas()
    {
        QCOMPARE(csvLine({"a,b", "c\td", "=1"}, u'\t'), QString("a,b\t\"c\td\"\t'=1"));
        QCOMPARE(csvDocument({"h1", "h2"}, {{"-12", "@x"}}), QString("h1,h2\r\n-12,'@x\r\n"));
    }

    void restoredIsTheInverse()
    {
        for (const QString& cell : kHostile + kOrdinary + QStringList{"''=x", "'''-1", "'-12"})
            QCOMPARE(csvRestored(csvNeutralised(cell)), cell);
    }

    // The annex CSV (and the same cells as TSV, what a copied selection
    // pastes) read back through the app's own import: the original text.
    void annexCsvAndTsvRoundTripThroughTheImport()
    {
        TempFolder tmp;
        AnnexTable t;
        t.columns = {"Name", "Service", "Contact"};
        for (const QString& cell : kHostile + kOrdinary)
            t.rows << QStringList{"Vendor " + QString::number(t.rows.size()), cell, cell};
        const QString csvPath = tmp.path("annex.csv");
        QVERIFY_OK(writeAnnex(t, AnnexFormat::Csv, csvPath));
        const QString written = readAll(csvPath);
        for (const QString& cell : kHostile)
            QVERIFY2(written.contains(",'" + cell.left(3)) ||
                         written.contains(",\"'" + cell.left(3).replace("\"", "\"\"")),
                     qPrintable(cell));
        QVERIFY(!written.contains(",=HYPERLINK"));
        QVERIFY(!written.contains(",@SUM"));
        QVERIFY(!written.contains(",+1+2"));
        QVERIFY(!written.contains(",-2+3"));
        QVERIFY(!written.contains(",\t"));

        const QString tsvPath = tmp.path("annex.tsv");
        QFile tsv(tsvPath);
        QVERIFY(tsv.open(QIODevice::WriteOnly));
        tsv.write(csvDocument(t.columns, t.rows, u'\t').toUtf8());
        tsv.close();

        for (const QString& path : {csvPath, tsvPath}) {
            auto read = readImportFile(path);
            QVERIFY_OK(read);
            QCOMPARE(read->header, t.columns);
            QCOMPARE(read->rows.size(), t.rows.size());
            for (int i = 0; i < t.rows.size(); ++i)
                QCOMPARE(read->rows[i], t.rows[i]);
        }
    }

    void aPrivateFileIsOwnerOnlyWhateverTheUmask()
    {
        const Umask mask(022);
        TempFolder tmp;
        const QString path = tmp.path("requests.csv");
        QVERIFY_OK(writeExportFile(path, "id,requester\r\nr1,Ana\r\n", FileAccess::OwnerOnly));
        QCOMPARE(statMode(path), mode_t(0600));
        QCOMPARE(readAll(path), QString("id,requester\r\nr1,Ana\r\n"));

        // A file already there, readable by everyone, is replaced, not
        // written into: the new content is never behind the old mode.
        const QString existing = tmp.path("old.csv");
        QVERIFY_OK(writeExportFile(existing, "old", FileAccess::Shared));
        QCOMPARE(statMode(existing), mode_t(0644)); // vendors' data: the umask decides
        QVERIFY_OK(writeExportFile(existing, "new", FileAccess::OwnerOnly));
        QCOMPARE(statMode(existing), mode_t(0600));
        QCOMPARE(readAll(existing), QString("new"));
        // No temporary file is left behind.
        QCOMPARE(QDir(tmp.path(".")).entryList(QDir::Files | QDir::Hidden).size(), 2);

        // A folder that does not exist: the reason, nothing written.
        const auto missing =
            writeExportFile(tmp.path("no/such/dir/x.csv"), "x", FileAccess::OwnerOnly);
        QVERIFY(!missing);
        QVERIFY(missing.error().contains("x.csv"));
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
