#include "TestSupport.h"
#include "export/AnnexWriter.h"
#include "export/Zip.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace workbench;
using namespace workbench::test;

namespace {

// Every text node of an XML document, and how many times `element` occurs.
QStringList xmlTexts(const QByteArray& xml, const QString& element, int* count)
{
    QXmlStreamReader r(xml);
    QStringList texts;
    *count = 0;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.qualifiedName() == element)
            ++*count;
        if (r.isCharacters() && !r.isWhitespace())
            texts << r.text().toString();
    }
    return texts;
}

// An RFC 4180 parser, to read back what we wrote.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

// The '|' of a Markdown table line that separate cells (not escaped ones).
int cellSeparators(const QString& line)
{
    int n = 0;
    for (int i = 0; i < line.size(); ++i) {
        if (line[i] == u'\\')
            ++i;
        else if (line[i] == u'|')
            ++n;
    }
    return n;
}

QString pdfText(const QString& path)
{
    QProcess p;
    p.start("pdftotext", {path, "-"});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

} // namespace

class TestAnnexExport : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    AnnexTable m_table;

private slots:
    void initTestCase()
    {
        m_ws = makeDemoWorkspace(m_tmp.path("annex.sqlite"));
        QVERIFY(m_ws);
        // Awkward values: commas, quotes, line breaks, non-ASCII.
        Processor stripe = *m_ws->processor("p-stripe").value();
        stripe.address = "Bahnhofstrasse 1, 8001 Zürich, \"Haus A\"\nSwitzerland";
        stripe.contact = "Tomás Pérez, São Paulo";
        QVERIFY_OK(m_ws->save(stripe, "Edit Stripe"));
        Processor resend = *m_ws->processor("p-resend").value();
        resend.address = "北京市朝阳区 1号";
        QVERIFY_OK(m_ws->save(resend, "Edit Resend"));
        const Organization org = m_ws->organizations().value()[1];
        QCOMPARE(org.id, QStringLiteral("org-labelsets"));
        m_table = buildAnnex(AnnexLayout::SccProcessor, org, m_ws->processors(org.id).value(),
                             QDate(2026, 11, 23));
        QCOMPARE(m_table.rows.size(), 8);
    }

    void completenessNamesWhatIsMissing()
    {
        const QStringList lines = m_table.gapLines();
        QVERIFY(lines.contains("Railway lacks: address, contact person, signed DPA"));
        QVERIFY(lines.contains("Upstash lacks: address, contact person, signed DPA"));
        QVERIFY(std::none_of(lines.begin(), lines.end(),
                             [](const QString& l) { return l.startsWith("Stripe"); }));
        // A processor outside the EEA with no mechanism is flagged.
        Processor p;
        p.id = "x";
        p.name = "Acme Analytics";
        p.service = "Analytics";
        p.locations = {"US"};
        p.organizationIds = {"org-labelsets"};
        const AnnexTable t =
            buildAnnex(AnnexLayout::SccTransfer, m_ws->organizations().value()[1], {p}, {});
        QVERIFY(t.gaps.first().missing.contains("transfer mechanism (processing outside the EEA)"));
    }

    void csvRoundTrips()
    {
        const QString path = m_tmp.path("annex.csv");
        QVERIFY_OK(writeAnnex(m_table, AnnexFormat::Csv, path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(f.readAll()));
        QCOMPARE(rows.size(), m_table.rows.size() + 1);
        QCOMPARE(rows.first(), m_table.columns);
        for (int i = 0; i < m_table.rows.size(); ++i)
            QCOMPARE(rows[i + 1], m_table.rows[i]);
    }

    void xlsxHoldsTheCells()
    {
        const QString path = m_tmp.path("annex.xlsx");
        QVERIFY_OK(writeAnnex(m_table, AnnexFormat::Xlsx, path));
        int count = 0;
        const QStringList strings =
            xmlTexts(unzipEntry(path, "xl/sharedStrings.xml"), "si", &count);
        QVERIFY(count > 0);
        for (const QStringList& row : m_table.rows)
            QVERIFY2(strings.contains(row[0]), qPrintable(row[0]));
        QVERIFY(strings.join('\n').contains("8001 Zürich"));
        QVERIFY(strings.contains("北京市朝阳区 1号"));
        const QByteArray sheet = unzipEntry(path, "xl/worksheets/sheet1.xml");
        QVERIFY(sheet.contains("<pane ")); // frozen header
        QVERIFY(sheet.contains("<autoFilter "));
        QVERIFY(!unzipEntry(path, "xl/worksheets/sheet2.xml").isEmpty()); // what is missing
    }

    void docxHasATableRowPerProcessor()
    {
        const QString path = m_tmp.path("annex.docx");
        QVERIFY_OK(writeAnnex(m_table, AnnexFormat::Docx, path));
        int rows = 0;
        const QStringList texts = xmlTexts(unzipEntry(path, "word/document.xml"), "w:tr", &rows);
        QCOMPARE(rows, m_table.rows.size() + 1);
        QVERIFY(texts.contains("北京市朝阳区 1号"));
        QVERIFY(texts.contains("Tomás Pérez, São Paulo"));
        QVERIFY(!unzipEntry(path, "[Content_Types].xml").isEmpty());
    }

    void odtHoldsTheNames()
    {
        const QString path = m_tmp.path("annex.odt");
        QVERIFY_OK(writeAnnex(m_table, AnnexFormat::Odt, path));
        const QString content = QString::fromUtf8(unzipEntry(path, "content.xml"));
        for (const QStringList& row : m_table.rows)
            QVERIFY2(content.contains(row[0].toHtmlEscaped()), qPrintable(row[0]));
    }

    void pdfTextHasEveryProcessor()
    {
        const QString path = m_tmp.path("annex.pdf");
        QVERIFY_OK(writeAnnex(m_table, AnnexFormat::Pdf, path));
        QProcess p;
        p.start("pdftotext", {path, "-"});
        QVERIFY(p.waitForFinished(30000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput()).simplified();
        QVERIFY2(text.contains("LabelSets · as of 2026-11-23"), qPrintable(text.left(300)));
        QVERIFY(text.contains("Page 1 of"));
        for (const char* name : {"Amazon Web Services", "Google Sign-In", "Railway", "Resend",
                                 "Stripe", "Supabase", "Upstash", "Vercel"})
            QVERIFY2(text.contains(QString::fromUtf8(name)), name);
    }

    void jsonHasTheDocumentedShape()
    {
        const QString path = m_tmp.path("annex.json");
        QVERIFY_OK(writeAnnex(m_table, AnnexFormat::Json, path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        for (const char* key :
             {"layout", "title", "organization", "date", "columns", "rows", "missing"})
            QVERIFY2(o.contains(key), key);
        QCOMPARE(o["layout"].toString(), QStringLiteral("scc-processor"));
        QCOMPARE(o["rows"].toArray().size(), 8);
        // The columns (labels), and the taxonomy keys behind them.
        const QJsonObject row = o["rows"].toArray()[0].toObject();
        QCOMPARE(row.keys().size(), m_table.columns.size() + 3);
        QVERIFY(row["data_categories"].isArray());
        QVERIFY(row["data_subjects"].isArray());
        QVERIFY(!row["processor_id"].toString().isEmpty());
        bool anyKey = false;
        for (const QJsonValue& r : o["rows"].toArray())
            for (const QJsonValue& k : r.toObject()["data_categories"].toArray())
                anyKey = anyKey || k.toString().startsWith("user.");
        QVERIFY(anyKey);
        QVERIFY(o["missing"].toArray()[0].toObject()["missing"].isArray());
    }

    void markdownAndHtmlEscape()
    {
        QVERIFY(annexToHtml(m_table).contains("&quot;Haus A&quot;"));
        const QString md = annexToMarkdown(m_table);
        QVERIFY(md.contains("| Name |"));
        QVERIFY(!md.contains("Zürich, \"Haus A\"\nSwitzerland")); // line breaks folded
    }

    // A vendor list is not trusted: HTML in a name stays text in every
    // Markdown renderer, and nothing in a cell breaks the table.
    void markdownEscapesHtmlAndTableBreakers()
    {
        AnnexTable t = m_table;
        t.organization = "<b>Org</b>";
        t.rows[0][0] = "<script>alert(1)</script> & Co";
        t.rows[1][1] = "a | b \\";
        t.rows[2][1] = "line\r\nbreak\rand\nmore";
        t.gaps = {{"x", "<img src=x onerror=alert(1)>", {"address"}}};
        const QString md = annexToMarkdown(t);
        QVERIFY2(!md.contains("<script>"), qPrintable(md));
        QVERIFY(md.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
        QVERIFY(!md.contains("<img") && md.contains("&lt;img src=x onerror=alert(1)&gt;"));
        QVERIFY(!md.contains("<b>") && md.contains("&lt;b&gt;Org&lt;/b&gt;"));
        QVERIFY(md.contains("| a \\| b \\\\ |"));
        QVERIFY(md.contains("line break and more"));
        const QStringList tableLines = md.split('\n').filter(QRegularExpression("^\\| "));
        QCOMPARE(tableLines.size(), t.rows.size() + 2); // with the header and its rule
        for (const QString& line : tableLines)
            QVERIFY2(cellSeparators(line) == t.columns.size() + 1, qPrintable(line));
        const QString html = annexToHtml(t);
        QVERIFY(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>Org"));
        QVERIFY(!html.contains("%3")); // the note's placeholder is filled
    }

    // Every format names the audit head it was made at, as `verify
    // --expect-head` takes it; CSV stays data only.
    void everyFormatNamesTheAuditHead()
    {
        auto head = AuditLog::head(m_ws->database());
        QVERIFY_OK(head);
        auto entries = m_ws->auditEntries();
        QVERIFY_OK(entries);
        const AuditEntry& last = *std::max_element(
            entries->begin(), entries->end(),
            [](const AuditEntry& a, const AuditEntry& b) { return a.seq < b.seq; });
        QCOMPARE(head->seq, last.seq);
        QCOMPARE(head->hash, last.hash);
        const QString anchor = QString::number(last.seq) + ':' + last.hash.left(12);
        QCOMPARE(head->anchor(), anchor);
        const QString line = QString("Audit head #%1 · %2").arg(last.seq).arg(last.hash.left(12));

        AnnexTable t = m_table;
        t.audit = head.value();
        auto write = [&](AnnexFormat f) {
            const QString path = m_tmp.path("audit." + annexFormatName(f));
            const Status s = writeAnnex(t, f, path);
            return s ? path : QString();
        };
        auto fileText = [](const QString& path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        const QString xlsx = write(AnnexFormat::Xlsx);
        QVERIFY(QString::fromUtf8(unzipEntry(xlsx, "xl/worksheets/sheet1.xml")).contains(anchor));
        const QString docx = write(AnnexFormat::Docx);
        const QString footer = QString::fromUtf8(unzipEntry(docx, "word/footer1.xml"));
        QVERIFY2(footer.contains(line) && footer.contains(anchor), qPrintable(footer));
        QVERIFY(unzipEntry(docx, "word/document.xml").contains("w:footerReference"));
        QVERIFY(unzipEntry(docx, "[Content_Types].xml").contains("/word/footer1.xml"));
        const QString odt = write(AnnexFormat::Odt);
        QVERIFY(QString::fromUtf8(unzipEntry(odt, "styles.xml")).contains(line));
        QVERIFY(unzipEntry(odt, "META-INF/manifest.xml").contains("styles.xml"));
        const QString pdf = pdfText(write(AnnexFormat::Pdf));
        QVERIFY2(pdf.contains(line) && pdf.contains(anchor), qPrintable(pdf.right(300)));
        QVERIFY(fileText(write(AnnexFormat::Markdown)).contains(line));
        QVERIFY(fileText(write(AnnexFormat::Html)).contains(line));
        const QJsonObject json =
            QJsonDocument::fromJson(fileText(write(AnnexFormat::Json)).toUtf8()).object();
        QCOMPARE(json["audit_head"]["anchor"].toString(), anchor);
        QCOMPARE(json["audit_head"]["seq"].toInteger(), last.seq);
        QVERIFY(!fileText(write(AnnexFormat::Csv)).contains("Audit"));
    }

    void ropaHasEveryField()
    {
        const Organization org = m_ws->organizations().value()[1];
        const AnnexTable t =
            buildAnnex(AnnexLayout::Ropa, org, m_ws->processors(org.id).value(), {});
        QCOMPARE(t.columns.size(), 19);
        QVERIFY(t.columns.contains("DPA signed on"));
    }
};

QTEST_MAIN(TestAnnexExport)
#include "tst_annexexport.moc"
