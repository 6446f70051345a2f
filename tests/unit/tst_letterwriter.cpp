// GLib names struct members "signals", which Qt defines: GMime first.
#pragma push_macro("signals")
#undef signals
#include <gmime/gmime.h>
#pragma pop_macro("signals")

#include "TestSupport.h"
#include "export/LetterWriter.h"
#include "export/Zip.h"

#include <QProcess>
#include <QStandardPaths>

using namespace workbench;
using namespace workbench::test;

namespace {

LetterDocument germanLetter()
{
    LetterDocument l;
    l.subject = "Ihr Antrag LS-0042: Verlängerung der Antwortfrist";
    l.body = "Guten Tag Jürgen Groß,\n\nSie erhalten unsere Antwort spätestens bis zum "
             "3. Juni 2026.\n\nMit freundlichen Grüßen\n\nLabelSets";
    l.fromName = "LabelSets";
    l.fromAddress = "privacy@labelsets.ai";
    l.toName = "Jürgen Groß";
    l.toAddress = "juergen@example.de";
    l.organizationName = "LabelSets";
    l.reference = "LS-0042";
    l.language = "de";
    l.date = QDateTime(QDate(2026, 3, 4), QTime(10, 30), Qt::OffsetFromUTC, 3600);
    return l;
}

// A message parsed back with GMime, and what the tests read of it.
struct Parsed
{
    QString to, toName, from, subject, charset, encoding, unsent, messageId, mimeVersion, body;
};

QString header(GMimeObject* o, const char* name)
{
    const char* v = g_mime_object_get_header(o, name);
    return v ? QString::fromUtf8(v) : QString();
}

Parsed parse(const QByteArray& bytes)
{
    g_mime_init();
    Parsed p;
    GMimeStream* stream = g_mime_stream_mem_new_with_buffer(bytes.constData(), gsize(bytes.size()));
    GMimeParser* parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage* message = g_mime_parser_construct_message(parser, nullptr);
    g_object_unref(parser);
    g_object_unref(stream);
    if (!message)
        return p;
    GMimeObject* object = reinterpret_cast<GMimeObject*>(message);
    InternetAddressList* to = g_mime_message_get_to(message);
    if (internet_address_list_length(to) > 0) {
        InternetAddress* a = internet_address_list_get_address(to, 0);
        p.toName = QString::fromUtf8(internet_address_get_name(a));
        p.to = QString::fromUtf8(
            internet_address_mailbox_get_addr(reinterpret_cast<InternetAddressMailbox*>(a)));
    }
    InternetAddressList* from = g_mime_message_get_from(message);
    if (internet_address_list_length(from) > 0)
        p.from = QString::fromUtf8(internet_address_mailbox_get_addr(
            reinterpret_cast<InternetAddressMailbox*>(internet_address_list_get_address(from, 0))));
    p.subject = QString::fromUtf8(g_mime_message_get_subject(message));
    p.unsent = header(object, "X-Unsent");
    p.mimeVersion = header(object, "MIME-Version");
    p.messageId = QString::fromUtf8(g_mime_message_get_message_id(message));
    GMimeObject* body = g_mime_message_get_mime_part(message);
    if (body && GMIME_IS_TEXT_PART(body)) {
        GMimeTextPart* text = reinterpret_cast<GMimeTextPart*>(body);
        p.charset = QString::fromUtf8(g_mime_text_part_get_charset(text));
        p.encoding = header(body, "Content-Transfer-Encoding");
        char* decoded = g_mime_text_part_get_text(text);
        p.body = QString::fromUtf8(decoded);
        g_free(decoded);
    }
    g_object_unref(message);
    return p;
}

} // namespace

class TestLetterWriter : public QObject
{
    Q_OBJECT

    TempFolder m_tmp;

private slots:
    void emlParsesBackWithItsHeadersAndBody()
    {
        auto bytes = renderLetter(germanLetter(), LetterFormat::Eml);
        QVERIFY_OK(bytes);
        // RFC 5322 line ends, 7-bit on the wire.
        QVERIFY(bytes->contains("\r\n\r\n"));
        for (char c : bytes.value())
            QVERIFY(static_cast<unsigned char>(c) < 128);
        const Parsed p = parse(bytes.value());
        QCOMPARE(p.to, QStringLiteral("juergen@example.de"));
        QCOMPARE(p.toName, QStringLiteral("Jürgen Groß"));
        QCOMPARE(p.from, QStringLiteral("privacy@labelsets.ai"));
        QCOMPARE(p.subject, germanLetter().subject);
        QCOMPARE(p.charset.toLower(), QStringLiteral("utf-8"));
        QCOMPARE(p.encoding.toLower(), QStringLiteral("quoted-printable"));
        QCOMPARE(p.unsent, QStringLiteral("1"));
        QCOMPARE(p.mimeVersion, QStringLiteral("1.0"));
        QVERIFY(p.messageId.endsWith("@labelsets.ai"));
        QVERIFY2(p.body.contains("3. Juni 2026"), qPrintable(p.body));
        QVERIFY(p.body.contains("Mit freundlichen Grüßen"));
        QVERIFY(bytes->contains("Date: Wed, 04 Mar 2026 10:30:00 +0100"));
    }

    void emlNeedsARecipientAddress()
    {
        LetterDocument l = germanLetter();
        l.toAddress.clear();
        auto none = renderLetter(l, LetterFormat::Eml);
        QVERIFY(!none);
        QVERIFY(none.error().contains("e-mail address"));
        l.toAddress = "not an address";
        QVERIFY(!renderLetter(l, LetterFormat::Eml));
        // Without the organization's address the draft has no From: the
        // mail client fills it.
        l = germanLetter();
        l.fromAddress.clear();
        auto noFrom = renderLetter(l, LetterFormat::Eml);
        QVERIFY_OK(noFrom);
        QVERIFY(parse(noFrom.value()).from.isEmpty());
    }

    void docxHoldsTheText()
    {
        auto bytes = renderLetter(germanLetter(), LetterFormat::Docx);
        QVERIFY_OK(bytes);
        const QString path = m_tmp.path("letter.docx");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes.value());
        f.close();
        auto xml = readZipEntry(path, "word/document.xml");
        QVERIFY_OK(xml);
        QVERIFY(xml->has_value());
        const QString text = QString::fromUtf8(*xml.value());
        QVERIFY(text.contains("Ihr Antrag LS-0042: Verlängerung der Antwortfrist"));
        QVERIFY(text.contains("Sie erhalten unsere Antwort spätestens bis zum 3. Juni 2026."));
        QVERIFY(text.contains("Aktenzeichen: LS-0042"));
        QVERIFY(text.contains("Datum: 4. März 2026"));
        QVERIFY(readZipEntry(path, "[Content_Types].xml")->has_value());
    }

    void pdfHoldsTheText()
    {
        auto bytes = renderLetter(germanLetter(), LetterFormat::Pdf);
        QVERIFY_OK(bytes);
        QVERIFY(bytes->startsWith("%PDF-"));
        QVERIFY(bytes->size() > 1000);
        const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString path = m_tmp.path("letter.pdf");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes.value());
        f.close();
        QProcess p;
        p.start(pdftotext, {"-enc", "UTF-8", path, "-"});
        QVERIFY(p.waitForFinished(30000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(text.contains("LS-0042"), qPrintable(text));
        QVERIFY(text.contains("3. Juni 2026"));
        QVERIFY(text.contains("Aktenzeichen"));
        QVERIFY(text.contains("LabelSets"));
    }

    void plainTextHasTheLetterhead()
    {
        LetterDocument l = germanLetter();
        l.language = "fr";
        auto bytes = renderLetter(l, LetterFormat::Txt);
        QVERIFY_OK(bytes);
        const QString text = QString::fromUtf8(bytes.value());
        QVERIFY(text.startsWith("LabelSets\nprivacy@labelsets.ai\n"));
        QVERIFY(text.contains("Référence : LS-0042"));
        QVERIFY(text.contains("Date : 4 mars 2026"));
        QVERIFY(text.contains(l.body));
    }

    void mailtoIsEncodedAndLimited()
    {
        auto url = mailtoUrl(germanLetter());
        QVERIFY_OK(url);
        QVERIFY(url->startsWith("mailto:juergen@example.de?subject=Ihr%20Antrag%20LS-0042"));
        QVERIFY(url->contains("Verl%C3%A4ngerung"));
        QVERIFY(url->contains("%0D%0A%0D%0A")); // CRLF line breaks
        QVERIFY(!url->contains(' '));
        QCOMPARE(QUrl(url.value()).scheme(), QStringLiteral("mailto"));
        LetterDocument longer = germanLetter();
        longer.body = QString(3000, u'x');
        auto tooLong = mailtoUrl(longer);
        QVERIFY(!tooLong);
        QVERIFY2(tooLong.error().contains("too long") && tooLong.error().contains(".eml"),
                 qPrintable(tooLong.error()));
    }

    void formatsByName()
    {
        QCOMPARE(letterFormatFromName(u"EML"), std::optional(LetterFormat::Eml));
        QCOMPARE(letterFormatFromName(u"odt"), std::nullopt);
        for (LetterFormat f :
             {LetterFormat::Eml, LetterFormat::Pdf, LetterFormat::Docx, LetterFormat::Txt})
            QCOMPARE(letterFormatFromName(letterFormatName(f)), std::optional(f));
    }
};

QTEST_MAIN(TestLetterWriter)
#include "tst_letterwriter.moc"
