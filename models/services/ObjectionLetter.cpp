#include "ObjectionLetter.h"

#include "export/ExportFile.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUuid>

namespace workbench {

namespace {

// The few words the change lines need, per language.
struct Words
{
    const char* added;
    const char* changed;
    const char* name;
    const char* entity;
    const char* purpose;
    const char* location;
    const char* dpaSigned; // " signed on %1"
};

const Words& wordsFor(const QString& language)
{
    static const Words en{"new sub-processor", "changed",  "name",         "entity",
                          "purpose",           "location", " signed on %1"};
    static const Words de{"neuer Unterauftragsverarbeiter",
                          "geändert",
                          "Name",
                          "Rechtsträger",
                          "Zweck",
                          "Standort",
                          " vom %1"};
    static const Words fr{"nouveau sous-traitant ultérieur",
                          "modifié",
                          "nom",
                          "entité",
                          "finalité",
                          "localisation",
                          " signé le %1"};
    if (language == u"de")
        return de;
    if (language == u"fr")
        return fr;
    return en;
}

QString u8(const char* s)
{
    return QString::fromUtf8(s);
}

QString describe(const SubprocessorEntry& e)
{
    QStringList details;
    if (!e.entity.isEmpty() && e.entity != e.name)
        details << e.entity;
    if (!e.purpose.isEmpty())
        details << e.purpose;
    if (!e.location.isEmpty())
        details << e.location;
    return details.isEmpty()
               ? e.name
               : QStringLiteral("%1 (%2)").arg(e.name, details.join(QStringLiteral("; ")));
}

QString fieldValue(const SubprocessorEntry& e, const QString& field)
{
    if (field == u"name")
        return e.name;
    if (field == u"entity")
        return e.entity;
    if (field == u"purpose")
        return e.purpose;
    return e.location;
}

QByteArray quotedPrintable(const QByteArray& in)
{
    QByteArray out;
    int column = 0;
    auto put = [&](const QByteArray& piece) {
        if (column + piece.size() > 75) {
            out += "=\r\n";
            column = 0;
        }
        out += piece;
        column += int(piece.size());
    };
    for (qsizetype i = 0; i < in.size(); ++i) {
        const auto c = uchar(in[i]);
        if (c == '\n') {
            out += "\r\n";
            column = 0;
        } else if (c == '\r') {
            continue;
        } else if ((c >= 33 && c <= 126 && c != '=') ||
                   (c == ' ' && i + 1 < in.size() && in[i + 1] != '\n')) {
            put(QByteArray(1, char(c)));
        } else {
            put('=' + QByteArray::number(c, 16).toUpper().rightJustified(2, '0'));
        }
    }
    return out;
}

QByteArray encodedWord(const QString& text)
{
    return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

} // namespace

Result<ObjectionLetter> ObjectionLetters::compose(const ObjectionInput& in)
{
    if (!languages().contains(in.language))
        return Error{tr("There is no objection letter in '%1' (en, de, fr).").arg(in.language)};
    QFile f(QStringLiteral(":/vendorwatch/objection_%1.txt").arg(in.language));
    if (!f.open(QIODevice::ReadOnly))
        return Error{tr("The objection letter template of '%1' is missing.").arg(in.language)};
    QString text = QString::fromUtf8(f.readAll());
    const QLocale locale(in.language);
    const Words& w = wordsFor(in.language);
    // "23 November 2026", "23. November 2026", "23 novembre 2026".
    const QString dateFormat =
        in.language == u"de" ? QStringLiteral("d. MMMM yyyy") : QStringLiteral("d MMMM yyyy");
    auto date = [&](QDate d) {
        return locale.toString(d, dateFormat);
    };
    QStringList lines;
    for (const SubprocessorEntry& e : in.notice.diff.added)
        lines << QStringLiteral("- %1: %2").arg(u8(w.added), describe(e));
    for (const SubprocessorChange& c : in.notice.diff.changed) {
        QStringList what;
        for (const QString& field : c.fields) {
            const char* label = field == u"name"      ? w.name
                                : field == u"entity"  ? w.entity
                                : field == u"purpose" ? w.purpose
                                                      : w.location;
            what << QStringLiteral("%1 %2 → %3")
                        .arg(u8(label), fieldValue(c.before, field), fieldValue(c.after, field));
        }
        lines << QStringLiteral("- %1 (%2): %3")
                     .arg(c.after.name, u8(w.changed), what.join(QStringLiteral("; ")));
    }
    if (lines.isEmpty())
        return Error{tr("The notice adds or changes no sub-processor: there is nothing to "
                        "object to.")};
    const QString entity = in.vendor.legalEntity.isEmpty() ? in.vendor.name : in.vendor.legalEntity;
    const QHash<QString, QString> values{
        {QStringLiteral("vendor"), in.vendor.name},
        {QStringLiteral("vendor_entity"), entity},
        {QStringLiteral("vendor_contact"), in.vendor.contact},
        {QStringLiteral("organization"), in.organization},
        {QStringLiteral("received"), date(in.notice.receivedOn)},
        {QStringLiteral("deadline"), date(in.notice.objectionDeadline)},
        {QStringLiteral("date"), date(in.date.isValid() ? in.date : QDate::currentDate())},
        {QStringLiteral("changes"), lines.join(u'\n')},
        {QStringLiteral("reasons"), in.reasons.trimmed()},
        {QStringLiteral("signer"), in.signer},
        {QStringLiteral("dpa_date"), in.vendor.dpaSignedOn.isValid()
                                         ? u8(w.dpaSigned).arg(date(in.vendor.dpaSignedOn))
                                         : QString()}};
    for (auto it = values.begin(); it != values.end(); ++it)
        text.replace(QStringLiteral("{{%1}}").arg(it.key()), it.value());
    // An empty placeholder leaves no blank paragraph behind.
    while (text.contains(QStringLiteral("\n\n\n")))
        text.replace(QStringLiteral("\n\n\n"), QStringLiteral("\n\n"));
    ObjectionLetter letter;
    letter.language = in.language;
    letter.subject = text.section(u'\n', 0, 0).section(u':', 1).trimmed();
    letter.body = text.section(u'\n', 1).trimmed() + u'\n';
    letter.to = in.vendor.contact;
    return letter;
}

QByteArray ObjectionLetters::toEml(const ObjectionLetter& letter, const QString& from)
{
    QByteArray out;
    if (!from.isEmpty())
        out += "From: " + from.toUtf8() + "\r\n";
    if (!letter.to.isEmpty())
        out += "To: " + letter.to.toUtf8() + "\r\n";
    out += "Subject: " + encodedWord(letter.subject) + "\r\n";
    out += "Date: " +
           QLocale::c()
               .toString(QDateTime::currentDateTimeUtc(),
                         QStringLiteral("ddd, dd MMM yyyy HH:mm:ss +0000"))
               .toLatin1() +
           "\r\n";
    out += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() +
           "@privacy-workbench.invalid>\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Language: " + letter.language.toLatin1() + "\r\n";
    out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += quotedPrintable(letter.body.toUtf8());
    return out;
}

Status ObjectionLetters::write(const ObjectionLetter& letter, const QString& path,
                               const QString& from)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"txt")
        return writeExportFile(path, (letter.subject + u"\n\n" + letter.body).toUtf8(),
                               FileAccess::Shared);
    if (suffix == u"eml")
        return writeExportFile(path, toEml(letter, from), FileAccess::Shared);
    if (suffix != u"pdf")
        return Error{tr("%1: an objection letter is written as .txt, .eml or .pdf.")
                         .arg(QFileInfo(path).fileName())};
    QTextDocument doc;
    QFont font = doc.defaultFont();
    font.setPointSizeF(10.5);
    doc.setDefaultFont(font);
    doc.setPlainText(letter.body);
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(25, 20, 20, 20), QPageLayout::Millimeter);
    writer.setTitle(letter.subject);
    writer.setCreator(QStringLiteral("Privacy Workbench"));
    doc.print(&writer);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
        return Error{tr("Cannot write %1.").arg(path)};
    return {};
}

} // namespace workbench
