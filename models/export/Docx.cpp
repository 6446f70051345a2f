#include "Docx.h"

#include "Zip.h"

namespace workbench {

namespace {

const char* const kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

QString xmlEscaped(const QString& s)
{
    QString out = s.toHtmlEscaped();
    out.replace(u'\'', QStringLiteral("&apos;"));
    return out;
}

} // namespace

QString docxParagraph(const QString& text, bool bold, int halfPoints)
{
    QString rPr;
    if (bold || halfPoints)
        rPr = QStringLiteral("<w:rPr>%1%2</w:rPr>")
                  .arg(bold ? QStringLiteral("<w:b/>") : QString(),
                       halfPoints ? QStringLiteral("<w:sz w:val=\"%1\"/>").arg(halfPoints)
                                  : QString());
    return QStringLiteral("<w:p><w:r>%1<w:t xml:space=\"preserve\">%2</w:t></w:r></w:p>")
        .arg(rPr, xmlEscaped(text));
}

Status writeDocxFile(const QString& path, const QString& bodyXml, const QString& footer,
                     const DocxPage& page)
{
    const bool hasFooter = !footer.isEmpty();
    QString body = bodyXml + QStringLiteral("<w:sectPr>");
    if (hasFooter)
        body += QStringLiteral("<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>");
    // A4.
    body += page.landscape
                ? QStringLiteral("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>")
                : QStringLiteral("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>");
    body += QStringLiteral("<w:pgMar w:top=\"%1\" w:right=\"%1\" w:bottom=\"%1\" w:left=\"%1\"/>"
                           "</w:sectPr>")
                .arg(page.marginTwips);
    const QByteArray document =
        QStringLiteral(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<w:document xmlns:w=\"%1\" "
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            "<w:body>%2</w:body></w:document>")
            .arg(QLatin1String(kWordNamespace), body)
            .toUtf8();
    QByteArray types =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/word/document.xml\" "
        "ContentType=\"application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>";
    if (hasFooter)
        types += "<Override PartName=\"/word/footer1.xml\" "
                 "ContentType=\"application/"
                 "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>";
    types += "</Types>";
    const QByteArray rels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        "officeDocument\" "
        "Target=\"word/document.xml\"/></Relationships>";
    QList<QPair<QByteArray, QByteArray>> entries{
        {"[Content_Types].xml", types}, {"_rels/.rels", rels}, {"word/document.xml", document}};
    if (hasFooter) {
        const QByteArray documentRels =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Relationships "
            "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rIdFooter\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
            "Target=\"footer1.xml\"/></Relationships>";
        const QByteArray footerXml =
            QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                           "<w:ftr xmlns:w=\"%1\">%2</w:ftr>")
                .arg(QLatin1String(kWordNamespace), docxParagraph(footer, false, 14))
                .toUtf8();
        entries.append({"word/_rels/document.xml.rels", documentRels});
        entries.append({"word/footer1.xml", footerXml});
    }
    return writeZip(path, entries);
}

Status writeDocxParagraphs(const QString& title, const QStringList& paragraphs, const QString& path)
{
    QString body = docxParagraph(title, true, 28);
    for (const QString& p : paragraphs) {
        QString runs;
        const QStringList lines = p.split(u'\n');
        for (int i = 0; i < lines.size(); ++i)
            runs +=
                (i ? QStringLiteral("<w:br/>") : QString()) +
                QStringLiteral("<w:t xml:space=\"preserve\">%1</w:t>").arg(xmlEscaped(lines[i]));
        body += QStringLiteral("<w:p><w:r>%1</w:r></w:p>").arg(runs);
    }
    return writeDocxFile(path, body, {}, DocxPage{false, 1134});
}

} // namespace workbench
