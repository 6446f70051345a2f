#include "TestSupport.h"
#include "domain/DataTaxonomy.h"
#include "export/AnnexWriter.h"
#include "export/Zip.h"
#include "processors/AnnexExportDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QProcess>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QXmlStreamReader>

using namespace workbench;
using namespace workbench::test;

namespace {

// The text nodes of an XML document, one per line.
QString xmlText(const QByteArray& xml)
{
    QXmlStreamReader r(xml);
    QString out;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isCharacters())
            out += r.text() + u'\n';
    }
    return out;
}

// What a reader of the file sees, whatever its format.
QString readableText(const QString& path, AnnexFormat format)
{
    switch (format) {
    case AnnexFormat::Xlsx:
        return xmlText(unzipEntry(path, "xl/sharedStrings.xml")) +
               xmlText(unzipEntry(path, "xl/worksheets/sheet1.xml")) +
               xmlText(unzipEntry(path, "xl/worksheets/sheet2.xml"));
    case AnnexFormat::Docx:
        return xmlText(unzipEntry(path, "word/document.xml")) +
               xmlText(unzipEntry(path, "word/footer1.xml"));
    case AnnexFormat::Odt:
        return xmlText(unzipEntry(path, "content.xml")) + xmlText(unzipEntry(path, "styles.xml"));
    case AnnexFormat::Pdf: {
        QProcess p;
        p.start("pdftotext", {path, "-"});
        p.waitForFinished(30000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    case AnnexFormat::Csv:
    case AnnexFormat::Markdown:
    case AnnexFormat::Html:
    case AnnexFormat::Json: {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
    }
    return {};
}

// Unfilled placeholders (%1 .. %99) left in a text.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression re("%[1-9][0-9]?");
    QStringList found;
    for (const auto& m : re.globalMatch(text))
        found << m.captured();
    return found;
}

// Taxonomy keys ("user.contact.email") left in a text: what has the shape
// of a key and is one the registry uses or the taxonomy knows.
QStringList taxonomyKeys(const QString& text, const QSet<QString>& known)
{
    static const QRegularExpression re("\\b[a-z]+(\\.[a-z_]+)+\\b");
    QStringList found;
    for (const auto& m : re.globalMatch(text))
        if (known.contains(m.captured()))
            found << m.captured();
    return found;
}

const AnnexLayout kLayouts[] = {AnnexLayout::SccProcessor, AnnexLayout::SccTransfer,
                                AnnexLayout::Ropa};
const AnnexFormat kFormats[] = {AnnexFormat::Xlsx, AnnexFormat::Docx, AnnexFormat::Odt,
                                AnnexFormat::Pdf,  AnnexFormat::Csv,  AnnexFormat::Markdown,
                                AnnexFormat::Html, AnnexFormat::Json};

} // namespace

// Every export speaks a lawyer's words: no unfilled "%3", no taxonomy keys
// where labels belong (JSON keeps the keys, beside the labels).
class TestExportWords : public QObject
{
    Q_OBJECT

    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    Organization m_org;
    QList<Processor> m_processors;
    QSet<QString> m_keys; // every category key the workspace or the taxonomy knows

private slots:
    void initTestCase()
    {
        m_ws = makeDemoWorkspace(m_tmp.path("words.sqlite"));
        QVERIFY(m_ws);
        m_org = m_ws->organizations().value()[1];
        m_processors = m_ws->processors(m_org.id).value();
        // A key the taxonomy does not know, as an officer might type one.
        Processor p = m_processors.first();
        p.dataCategories << "user.pets.dog_name";
        QVERIFY_OK(m_ws->save(p, "Edit"));
        m_processors = m_ws->processors(m_org.id).value();
        const QStringList taxonomy = DataTaxonomy::categoryKeys();
        m_keys = QSet<QString>(taxonomy.begin(), taxonomy.end());
        for (const Processor& each : std::as_const(m_processors))
            for (const QString& k : each.dataCategories)
                m_keys.insert(k);
        QVERIFY(m_keys.contains("user.contact.email"));
        QVERIFY(m_keys.contains("user.pets.dog_name"));
    }

    void everyKeyTheAppUsesHasALabel()
    {
        for (const QString& key : DataTaxonomy::categoryKeys()) {
            const QString label = DataTaxonomy::categoryLabel(key);
            QVERIFY2(!label.isEmpty() && label != key && !label.contains('.'), qPrintable(key));
        }
        for (const QString& key : DataTaxonomy::subjectKeys())
            QVERIFY2(DataTaxonomy::subjectLabel(key) != key, qPrintable(key));
        // The demo's keys are all in the table (not the fallback).
        for (const Processor& p : std::as_const(m_processors)) {
            for (const QString& k : p.dataCategories)
                QVERIFY2(k == "user.pets.dog_name" || DataTaxonomy::categoryKeys().contains(k),
                         qPrintable(k));
            for (const QString& k : p.dataSubjects)
                QVERIFY2(DataTaxonomy::subjectKeys().contains(k), qPrintable(k));
        }
        QCOMPARE(DataTaxonomy::categoryLabel("user.contact.email"),
                 QString("contact e-mail address"));
        QCOMPARE(DataTaxonomy::categoryLabel("user.financial.credit_card"),
                 QString("payment card data"));
        QCOMPARE(DataTaxonomy::categoryLabel("user.pets.dog_name"), QString("dog name"));
        // Words the officer typed stay as they are.
        QCOMPARE(DataTaxonomy::categoryLabel("account data"), QString("account data"));
        QCOMPARE(DataTaxonomy::subjectLabel("customer"), QString("customers"));
    }

    void everyLayoutAndFormatHasNoPlaceholderAndNoKey_data()
    {
        QTest::addColumn<int>("layout");
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("asOf");
        for (AnnexLayout l : kLayouts)
            for (AnnexFormat f : kFormats)
                for (bool asOf : {false, true})
                    QTest::addRow("%s-%s%s", qPrintable(annexLayoutName(l)),
                                  qPrintable(annexFormatName(f)), asOf ? "-asof" : "")
                        << int(l) << int(f) << asOf;
    }

    void everyLayoutAndFormatHasNoPlaceholderAndNoKey()
    {
        QFETCH(int, layout);
        QFETCH(int, format);
        QFETCH(bool, asOf);
        AnnexTable table =
            buildAnnex(AnnexLayout(layout), m_org, m_processors, QDate(2026, 11, 23));
        table.audit = m_ws->auditHead().value();
        if (asOf)
            markAsOf(table, QDate(2026, 11, 22));
        // The data columns hold labels, never a subject's key.
        const int subjects = int(table.columns.indexOf("Data subjects"));
        QVERIFY(subjects >= 0);
        for (const QStringList& row : std::as_const(table.rows))
            for (const QString& s : row[subjects].split("; ", Qt::SkipEmptyParts))
                QVERIFY2(!DataTaxonomy::subjectKeys().contains(s), qPrintable(s));

        const AnnexFormat f = AnnexFormat(format);
        const QString path =
            m_tmp.path(QString("annex-%1-%2.%3").arg(layout).arg(asOf).arg(annexFormatName(f)));
        QVERIFY_OK(writeAnnex(table, f, path));
        const QString text = readableText(path, f);
        QVERIFY2(text.contains(f == AnnexFormat::Csv ? table.columns.first() : m_org.name),
                 qPrintable(text.left(400)));
        QVERIFY2(placeholders(text).isEmpty(), qPrintable(placeholders(text).join(", ")));
        if (f != AnnexFormat::Csv && table.layout != AnnexLayout::Ropa)
            QVERIFY2(text.contains("Delimitation of responsibilities"), qPrintable(path));
        if (asOf && f != AnnexFormat::Csv)
            QVERIFY2(text.contains("as of 22 November 2026") || text.contains("2026-11-22"),
                     qPrintable(text.left(400)));
        const QStringList keys = taxonomyKeys(text, m_keys);
        if (f == AnnexFormat::Json) {
            // JSON keeps the keys, beside the labels.
            QVERIFY(keys.contains("user.contact.email"));
            QVERIFY(text.contains("contact e-mail address"));
        } else {
            QVERIFY2(keys.isEmpty(), qPrintable(keys.join(", ")));
            // (The record of processing's PDF has columns too narrow for
            // pdftotext to give a label back in one piece.)
            if (!(f == AnnexFormat::Pdf && table.layout == AnnexLayout::Ropa))
                QVERIFY2(text.contains("contact e-mail address"), qPrintable(path));
        }
    }

    void thePreviewOfTheExportDialogToo()
    {
        AnnexExportDialog dialog(m_org, m_processors);
        auto layouts = dialog.findChild<QComboBox*>("annexLayout");
        auto preview = dialog.findChild<QTextBrowser*>("annexPreview");
        QVERIFY(layouts && preview);
        for (int i = 0; i < layouts->count(); ++i) {
            layouts->setCurrentIndex(i);
            for (const QString& text : {preview->toHtml(), preview->toPlainText()}) {
                QVERIFY2(placeholders(text).isEmpty(), qPrintable(placeholders(text).join(", ")));
                QVERIFY2(taxonomyKeys(text, m_keys).isEmpty(),
                         qPrintable(taxonomyKeys(text, m_keys).join(", ")));
            }
            QVERIFY(preview->toPlainText().contains("contact e-mail address"));
            if (i < 2)
                QVERIFY2(preview->toPlainText().contains("Delimitation of responsibilities"),
                         qPrintable(preview->toPlainText().left(600)));
        }
    }
};

QTEST_MAIN(TestExportWords)
#include "tst_exportwords.moc"
