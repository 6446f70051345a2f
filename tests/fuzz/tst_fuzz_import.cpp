// Fuzz tests of the import readers: seeded mutations of a committed corpus
// (tests/data/fuzz) and of generated workbooks. Every input must come back
// as a table or as an error that names the file, within the limits; under
// the sanitizer build (WORKBENCH_SANITIZE) any crash, overflow, undefined
// behaviour or leak fails the run too.
#include "Mutator.h"
#include "TestSupport.h"
#include "export/AnnexWriter.h"
#include "export/ProcessorImport.h"
#include "export/Zip.h"

using namespace workbench;
using namespace workbench::test;

namespace {

int iterations(int fallback)
{
    const int n = qEnvironmentVariableIntValue("WORKBENCH_FUZZ_ITERATIONS");
    return n > 0 ? n : fallback;
}

} // namespace

class TestFuzzImport : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    ImportLimits m_limits;

    // Empty when the answer is acceptable, else what is wrong with it.
    QString check(const QString& path)
    {
        const QString name = QFileInfo(path).fileName();
        ImportOptions options;
        options.limits = m_limits;
        qint64 lastDone = -1;
        bool progressOk = true;
        options.progress = [&](qint64 done, qint64 total) {
            progressOk = progressOk && done >= 0 && total >= 0;
            lastDone = done;
            return true;
        };
        const auto t = readImportFile(path, options);
        if (!progressOk)
            return QStringLiteral("progress went wrong");
        if (!t)
            return t.error().contains(name)
                       ? QString()
                       : QStringLiteral("error without the file: ") + t.error();
        if (t->header.isEmpty())
            return QStringLiteral("a table without a header");
        if (t->rows.size() > m_limits.maxRows)
            return QStringLiteral("more rows than the limit");
        qint64 cells = t->header.size();
        for (const QStringList& row : t->rows)
            cells += row.size();
        if (cells > m_limits.maxCells + t->header.size())
            return QStringLiteral("more cells than the limit");
        // What the officer would do next must not fall over either.
        const ImportPlan plan = planImport(t.value(), guessMapping(t->header), {}, "org-x");
        Q_UNUSED(plan.summary());
        return {};
    }

    void fuzzText(const QString& folder, const QString& suffix, quint32 seed, int count)
    {
        QStringList names;
        const QList<QByteArray> seeds = corpus(folder, &names);
        QVERIFY2(seeds.size() >= 2, qPrintable(folder));
        Mutator m(seed);
        for (const QByteArray& s : seeds) // the seeds as they are
            QCOMPARE(check(writeFile("seed." + suffix, s)), QString());
        for (int i = 0; i < count; ++i) {
            const int which = m.below(int(seeds.size()));
            const QByteArray input = m.mutate(seeds[which]);
            // Half of them without the suffix: the reader sniffs the content.
            const QString path =
                writeFile(m.below(2) ? QString("fuzz." + suffix) : QString("fuzz.dat"), input);
            const QString problem = check(path);
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1 iteration %2 (from %3): %4")
                                                       .arg(folder)
                                                       .arg(i)
                                                       .arg(names[which], problem)));
        }
    }

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        QFile f(m_tmp.path(name));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(bytes);
        return f.fileName();
    }

private slots:
    void initTestCase()
    {
        // Small enough that mutations reach them, so the limits are fuzzed too.
        m_limits.maxRows = 5000;
        m_limits.maxColumns = 200;
        m_limits.maxCells = 50000;
        m_limits.maxRecordBytes = 64 * 1024;
        m_limits.maxJsonBytes = 1 << 20;
        m_limits.zip.maxEntryBytes = 4 << 20;
        m_limits.zip.maxTotalBytes = 8 << 20;
        m_limits.zip.maxEntries = 64;
    }

    void csv() { fuzzText("csv", "csv", 0xC5F00D, iterations(1500)); }
    void tsv() { fuzzText("tsv", "tsv", 0x75F00D, iterations(800)); }
    void json() { fuzzText("json", "json", 0x15F00D, iterations(1500)); }

    void xlsx()
    {
        // Seeds: a workbook the app writes (libxlsxwriter), and a small
        // hand-made one (inline strings, shared strings, gaps).
        AnnexTable annex;
        annex.title = "Annex";
        annex.columns = {"Name", "Address", "Description of the processing", "Location"};
        annex.rows = {{"Hetzner", "Industriestr. 25", "Hosting", "Germany (DE)"},
                      {"Scaleway", "8 rue de la Ville l'Evêque", "Storage", "France"}};
        const QString written = m_tmp.path("annex.xlsx");
        QVERIFY_OK(writeAnnex(annex, AnnexFormat::Xlsx, written));
        const QByteArray sheet =
            "<?xml version=\"1.0\"?><worksheet><sheetData>"
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
            "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>Mailgun</t></is></c>"
            "<c r=\"C3\"><v>42</v></c><c r=\"B3\" t=\"s\"><v>7</v></c></row>"
            "<row><c r=\"AA4\" t=\"str\"><v>far</v></c></row></sheetData></worksheet>";
        const QByteArray strings = "<sst><si><t>Name</t></si><si><r><t>Pur</t></r><r><t>pose</t>"
                                   "</r></si></sst>";
        Mutator m(0x0A15F00D);
        QList<QByteArray> zips;
        QFile f(written);
        QVERIFY(f.open(QIODevice::ReadOnly));
        zips << f.readAll();
        const QString made = m_tmp.path("made.xlsx");
        QVERIFY_OK(writeZip(
            made, {{"xl/worksheets/sheet1.xml", sheet}, {"xl/sharedStrings.xml", strings}}));
        QCOMPARE(check(made), QString());
        QCOMPARE(check(written), QString());
        const int count = iterations(600);
        for (int i = 0; i < count; ++i) {
            QString path = m_tmp.path("fuzz.xlsx");
            if (i % 2 == 0) {
                // The XML inside mutated, the zip well-formed: reaches the
                // sheet reader.
                QVERIFY_OK(writeZip(path, {{"xl/worksheets/sheet1.xml", m.mutate(sheet)},
                                           {"xl/sharedStrings.xml", m.mutate(strings)}}));
            } else {
                // The zip itself mutated: reaches minizip and the limits.
                path = writeFile("fuzz.xlsx", m.mutate(zips[m.below(int(zips.size()))]));
            }
            const QString problem = check(path);
            QVERIFY2(problem.isEmpty(),
                     qPrintable(QStringLiteral("xlsx iteration %1: %2").arg(i).arg(problem)));
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzImport)
#include "tst_fuzz_import.moc"
