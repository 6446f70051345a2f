#include "LetterWriter.h"

#include "Docx.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QUrl>

namespace workbench {

// Written with GMime (LetterEml.cpp): GMime's types stay out of the headers.
Result<QByteArray> renderLetterEml(const LetterDocument& letter);

namespace {

// The translation context of this file's messages.
struct LetterWriter
{
    Q_DECLARE_TR_FUNCTIONS(LetterWriter)
};

// The letterhead's words are the letter's language, not the window's.
struct Letterhead
{
    const char* date;
    const char* reference;
    const char* to;
    const char* dateFormat;
};

Letterhead letterheadOf(const QString& language)
{
    if (language == u"de")
        return {"Datum", "Aktenzeichen", "An", "d. MMMM yyyy"};
    if (language == u"fr")
        return {"Date", "Référence", "À", "d MMMM yyyy"};
    return {"Date", "Reference", "To", "d MMMM yyyy"};
}

QLocale localeOf(const QString& language)
{
    if (language == u"de")
        return QLocale(QLocale::German, QLocale::Germany);
    if (language == u"fr")
        return QLocale(QLocale::French, QLocale::France);
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

QString recipientLine(const LetterDocument& l)
{
    if (l.toName.isEmpty())
        return l.toAddress;
    if (l.toAddress.isEmpty())
        return l.toName;
    return QStringLiteral("%1 <%2>").arg(l.toName, l.toAddress);
}

// The head of the letter, line by line: sender, recipient, date, reference.
QStringList headLines(const LetterDocument& l)
{
    const Letterhead h = letterheadOf(l.language);
    // French sets a space before the colon.
    const QString label =
        l.language == u"fr" ? QStringLiteral("%1 : %2") : QStringLiteral("%1: %2");
    QStringList lines;
    lines << l.organizationName;
    if (!l.fromAddress.isEmpty())
        lines << l.fromAddress;
    lines << QString();
    if (const QString to = recipientLine(l); !to.isEmpty())
        lines << label.arg(QString::fromUtf8(h.to), to);
    lines << label.arg(
        QString::fromUtf8(h.date),
        localeOf(l.language).toString(l.date.date(), QString::fromLatin1(h.dateFormat)));
    if (!l.reference.isEmpty())
        lines << label.arg(QString::fromUtf8(h.reference), l.reference);
    return lines;
}

QByteArray renderText(const LetterDocument& l)
{
    QString text = headLines(l).join(u'\n');
    text += QStringLiteral("\n\n%1\n\n%2\n").arg(l.subject, l.body);
    return text.toUtf8();
}

QString htmlLines(const QString& text)
{
    QString html;
    for (const QString& paragraph : text.split(QStringLiteral("\n\n"))) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(paragraph.toHtmlEscaped().replace(u'\n', QStringLiteral("<br/>")));
    }
    return html;
}

Result<QByteArray> renderPdf(const LetterDocument& l)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(20, 18, 20, 18), QPageLayout::Millimeter);
        writer.setTitle(l.subject);
        writer.setCreator(QStringLiteral("Privacy Workbench"));
        QTextDocument doc;
        doc.setDocumentMargin(0);
        QFont font = doc.defaultFont();
        font.setPointSizeF(10.5);
        doc.setDefaultFont(font);
        const QStringList head = headLines(l);
        QString html = QStringLiteral("<p style=\"font-size:14pt\"><b>%1</b></p>")
                           .arg(head.first().toHtmlEscaped());
        html += QStringLiteral("<p>");
        for (int i = 1; i < head.size(); ++i) {
            if (!head[i].isEmpty())
                html += head[i].toHtmlEscaped() + QStringLiteral("<br/>");
        }
        html += QStringLiteral("</p><hr/>");
        html += QStringLiteral("<p><b>%1</b></p>").arg(l.subject.toHtmlEscaped());
        html += htmlLines(l.body);
        doc.setHtml(html);
        doc.print(&writer);
    }
    if (bytes.isEmpty())
        return Error{LetterWriter::tr("The PDF could not be written.")};
    return bytes;
}

Result<QByteArray> renderDocx(const LetterDocument& l)
{
    QString body;
    const QStringList head = headLines(l);
    body += docxParagraph(head.first(), true, 28);
    for (int i = 1; i < head.size(); ++i)
        body += docxParagraph(head[i]);
    body += docxParagraph(QString());
    body += docxParagraph(l.subject, true);
    for (const QString& line : l.body.split(u'\n'))
        body += docxParagraph(line);
    // The zip is written to a file (minizip), then read back as the bytes.
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error{
            LetterWriter::tr("No temporary folder for the DOCX: %1").arg(dir.errorString())};
    const QString path = dir.filePath(QStringLiteral("letter.docx"));
    DocxPage page;
    page.marginTwips = 1134; // 2 cm
    if (auto s = writeDocxFile(path, body, {}, page); !s)
        return Error{s.error()};
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{LetterWriter::tr("Cannot read the DOCX back: %1").arg(f.errorString())};
    return f.readAll();
}

} // namespace

std::optional<LetterFormat> letterFormatFromName(QStringView name)
{
    const QString n = name.toString().toLower();
    if (n == u"eml")
        return LetterFormat::Eml;
    if (n == u"pdf")
        return LetterFormat::Pdf;
    if (n == u"docx")
        return LetterFormat::Docx;
    if (n == u"txt")
        return LetterFormat::Txt;
    return std::nullopt;
}

QString letterFormatName(LetterFormat format)
{
    switch (format) {
    case LetterFormat::Eml:
        return QStringLiteral("eml");
    case LetterFormat::Pdf:
        return QStringLiteral("pdf");
    case LetterFormat::Docx:
        return QStringLiteral("docx");
    case LetterFormat::Txt:
        return QStringLiteral("txt");
    }
    return {};
}

bool isMailAddress(const QString& address)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^[^@\s<>(),;:"]+@[^@\s<>(),;:"]+\.[^@\s<>(),;:"]+$)"));
    return re.match(address.trimmed()).hasMatch();
}

Result<QByteArray> renderLetter(const LetterDocument& letter, LetterFormat format)
{
    if (letter.subject.trimmed().isEmpty())
        return Error{LetterWriter::tr("The letter has no subject.")};
    if (letter.body.trimmed().isEmpty())
        return Error{LetterWriter::tr("The letter has no text.")};
    switch (format) {
    case LetterFormat::Eml:
        return renderLetterEml(letter);
    case LetterFormat::Pdf:
        return renderPdf(letter);
    case LetterFormat::Docx:
        return renderDocx(letter);
    case LetterFormat::Txt:
        return renderText(letter);
    }
    return Error{LetterWriter::tr("Unknown letter format.")};
}

Result<QString> mailtoUrl(const LetterDocument& letter, int maxLength)
{
    if (!letter.toAddress.isEmpty() && !isMailAddress(letter.toAddress))
        return Error{LetterWriter::tr("\"%1\" is not an e-mail address.").arg(letter.toAddress)};
    QString body = letter.body;
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    body.replace(u'\n', QStringLiteral("\r\n"));
    const QString url =
        QStringLiteral("mailto:") +
        QString::fromLatin1(QUrl::toPercentEncoding(letter.toAddress.trimmed(), "@")) +
        QStringLiteral("?subject=") + QString::fromLatin1(QUrl::toPercentEncoding(letter.subject)) +
        QStringLiteral("&body=") + QString::fromLatin1(QUrl::toPercentEncoding(body));
    if (url.size() > maxLength)
        return Error{LetterWriter::tr("The letter is too long for a mailto: link (%1 characters "
                                      "encoded, at most %2): write it as an .eml file and open "
                                      "that in the mail client instead.")
                         .arg(url.size())
                         .arg(maxLength)};
    return url;
}

} // namespace workbench
