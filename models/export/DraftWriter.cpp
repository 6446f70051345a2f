#include "DraftWriter.h"

#include "AnnexWriter.h"
#include "Docx.h"
#include "ExportFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTextDocument>

namespace workbench {

namespace {

struct DraftWriterText
{
    Q_DECLARE_TR_FUNCTIONS(DraftWriter)
};

// A header value: as it is when ASCII, else an RFC 2047 encoded word.
QByteArray headerValue(const QString& text)
{
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() >= 0x20 && c.unicode() < 0x7f;
    if (ascii)
        return text.toLatin1();
    // Encoded words of at most 75 characters, one per folded line (RFC 2047
    // section 2); a character is never split between two of them.
    QList<QByteArray> words;
    QByteArray chunk;
    for (int i = 0; i < text.size(); ++i) {
        const int n = text[i].isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QByteArray c = text.mid(i, n).toUtf8();
        i += n - 1;
        if (chunk.size() + c.size() > 42) {
            words << "=?UTF-8?B?" + chunk.toBase64() + "?=";
            chunk.clear();
        }
        chunk += c;
    }
    if (!chunk.isEmpty())
        words << "=?UTF-8?B?" + chunk.toBase64() + "?=";
    return words.join("\r\n ");
}

// Lines of at most 76 characters, broken at spaces (RFC 5322 asks at most 78).
QStringList wrapped(const QString& paragraph)
{
    QStringList lines;
    QString line;
    for (const QString& word : paragraph.split(u' ')) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > 76) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    lines << line;
    return lines;
}

} // namespace

Status writeDraftPdf(const DraftText& draft, const QString& path)
{
    // Written beside, then moved into place readable by its owner alone.
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error{DraftWriterText::tr("Cannot write %1.").arg(path)};
    const QString scratch = dir.filePath(QStringLiteral("draft.pdf"));
    {
        QPdfWriter writer(scratch);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
        writer.setTitle(draft.title);
        writer.setCreator(QStringLiteral("Privacy Workbench"));
        QTextDocument doc;
        QString html = QStringLiteral("<h2>%1</h2>").arg(draft.title.toHtmlEscaped());
        for (const QString& p : draft.body.split(QStringLiteral("\n\n")))
            html += QStringLiteral("<p>%1</p>")
                        .arg(p.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")));
        doc.setHtml(html);
        doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
        doc.print(&writer);
    }
    QFile f(scratch);
    if (!f.open(QIODevice::ReadOnly) || f.size() == 0)
        return Error{DraftWriterText::tr("Cannot write %1.").arg(path)};
    return writeExportFile(path, f.readAll(), FileAccess::OwnerOnly);
}

Status writeDraftDocx(const DraftText& draft, const QString& path)
{
    if (Status s = writeDocxParagraphs(draft.title, draft.body.split(QStringLiteral("\n\n")), path);
        !s)
        return s;
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

QByteArray draftToEml(const DraftText& draft, const QDateTime& date)
{
    QByteArray out;
    auto header = [&out](const char* name, const QByteArray& value) {
        if (!value.isEmpty())
            out += QByteArray(name) + ": " + value + "\r\n";
    };
    header("From", draft.from.toLatin1());
    header("To", draft.to.toLatin1());
    header("Subject", headerValue(draft.title));
    const int offset = date.offsetFromUtc();
    header("Date",
           QLocale::c().toString(date, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss ")).toLatin1() +
               QStringLiteral("%1%2%3")
                   .arg(offset < 0 ? QStringLiteral("-") : QStringLiteral("+"))
                   .arg(std::abs(offset) / 3600, 2, 10, QLatin1Char('0'))
                   .arg((std::abs(offset) % 3600) / 60, 2, 10, QLatin1Char('0'))
                   .toLatin1());
    header("MIME-Version", "1.0");
    header("Content-Type", "text/plain; charset=UTF-8");
    header("Content-Transfer-Encoding", "8bit");
    out += "\r\n";
    QStringList lines;
    for (const QString& paragraph : draft.body.split(u'\n'))
        lines << wrapped(paragraph);
    out += lines.join(QStringLiteral("\r\n")).toUtf8() + "\r\n";
    return out;
}

Status writeDraftEml(const DraftText& draft, const QString& path, const QDateTime& date)
{
    return writeExportFile(path, draftToEml(draft, date), FileAccess::OwnerOnly);
}

Status writeDraft(const DraftText& draft, const QString& path, const QDateTime& date)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"pdf")
        return writeDraftPdf(draft, path);
    if (suffix == u"docx")
        return writeDraftDocx(draft, path);
    if (suffix == u"eml")
        return writeDraftEml(draft, path, date);
    return Error{DraftWriterText::tr("%1: a draft is written as .pdf, .docx or .eml.").arg(path)};
}

} // namespace workbench
