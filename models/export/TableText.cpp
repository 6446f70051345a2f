#include "TableText.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace workbench {

namespace {

struct ProcessorImport
{
    Q_DECLARE_TR_FUNCTIONS(ProcessorImport)
};

// The text of an HTML fragment: tags dropped (<br> and block ends are
// blanks), entities decoded, blanks collapsed.
QString htmlText(QStringView html)
{
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    QString s = html.toString();
    s.replace(tag, QStringLiteral(" "));
    static const QRegularExpression entity(QStringLiteral("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);"));
    QString out;
    qsizetype last = 0;
    for (auto it = entity.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(s).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        char32_t code = 0;
        if (name.startsWith(u"#x"))
            code = name.mid(2).toUInt(nullptr, 16);
        else if (name.startsWith(u'#'))
            code = name.mid(1).toUInt();
        else if (name == u"amp")
            code = u'&';
        else if (name == u"lt")
            code = u'<';
        else if (name == u"gt")
            code = u'>';
        else if (name == u"quot")
            code = u'"';
        else if (name == u"apos")
            code = u'\'';
        else if (name == u"nbsp")
            code = u' ';
        if (code > 0 && code < 0x110000)
            out += QString::fromUcs4(&code, 1);
        else
            out += m.captured(0);
        last = m.capturedEnd();
    }
    out += QStringView(s).mid(last);
    return out.simplified();
}

// Splits a Markdown table line into cells ("| a | b |" -> a, b); "\|" is a
// bar inside a cell.
QStringList markdownCells(QStringView line)
{
    QString t = line.trimmed().toString();
    if (t.startsWith(u'|'))
        t.remove(0, 1);
    if (t.endsWith(u'|') && !t.endsWith(QStringLiteral("\\|")))
        t.chop(1);
    QStringList cells;
    QString cell;
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (t[i] == u'\\' && i + 1 < t.size() && t[i + 1] == u'|') {
            cell += u'|';
            ++i;
        } else if (t[i] == u'|') {
            cells << cell.trimmed();
            cell.clear();
        } else {
            cell += t[i];
        }
    }
    cells << cell.trimmed();
    // Emphasis and links keep their words: **AWS** -> AWS, [AWS](url) -> AWS.
    static const QRegularExpression link(QStringLiteral("\\[([^\\]]*)\\]\\([^)]*\\)"));
    for (QString& c : cells) {
        c.replace(link, QStringLiteral("\\1"));
        c.remove(QStringLiteral("**"));
        c.remove(u'`');
    }
    return cells;
}

bool isSeparatorLine(QStringView line)
{
    static const QRegularExpression separator(
        QStringLiteral("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$"));
    return separator.match(line.toString()).hasMatch();
}

} // namespace

bool looksLikeHtml(QStringView text)
{
    const QStringView t = text.trimmed();
    return t.startsWith(u'<') && (t.contains(QLatin1String("<html"), Qt::CaseInsensitive) ||
                                  t.contains(QLatin1String("<table"), Qt::CaseInsensitive) ||
                                  t.contains(QLatin1String("<body"), Qt::CaseInsensitive) ||
                                  t.startsWith(QLatin1String("<!doctype"), Qt::CaseInsensitive));
}

bool looksLikeMarkdownTable(QStringView text)
{
    const auto lines = text.split(u'\n');
    for (qsizetype i = 1; i < lines.size(); ++i)
        if (isSeparatorLine(lines[i]) && lines[i - 1].contains(u'|'))
            return true;
    return false;
}

Result<QList<QStringList>> readHtmlTable(const QString& html, const QString& source)
{
    static const QRegularExpression tableRe(QStringLiteral("<table\\b.*?</table\\s*>"),
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression rowRe(QStringLiteral("<tr\\b.*?(?=<tr\\b|</table|$)"),
                                          QRegularExpression::CaseInsensitiveOption |
                                              QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression cellRe(
        QStringLiteral("<t([hd])\\b[^>]*>(.*?)(?=<t[hd]\\b|</tr|$)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    // Scripts and styles are not text.
    static const QRegularExpression noise(QStringLiteral("<(script|style)\\b.*?</\\1\\s*>"),
                                          QRegularExpression::CaseInsensitiveOption |
                                              QRegularExpression::DotMatchesEverythingOption);
    QString page = html;
    page.remove(noise);
    QList<QStringList> best;
    for (auto tables = tableRe.globalMatch(page); tables.hasNext();) {
        const QString table = tables.next().captured(0);
        QList<QStringList> rows;
        // A table inside a cell of this one is read on its own.
        for (auto r = rowRe.globalMatch(QStringView(table).mid(6)); r.hasNext();) {
            const QString row = r.next().captured(0);
            QStringList cells;
            for (auto c = cellRe.globalMatch(row); c.hasNext();) {
                QString cell = c.next().captured(2);
                static const QRegularExpression end(
                    QStringLiteral("</t[hd]\\s*>.*$"),
                    QRegularExpression::CaseInsensitiveOption |
                        QRegularExpression::DotMatchesEverythingOption);
                cell.remove(end);
                cells << htmlText(cell);
            }
            if (!cells.isEmpty() && !cells.join(QString()).trimmed().isEmpty())
                rows << cells;
        }
        const auto wide = [](const QList<QStringList>& rs) {
            return std::count_if(rs.begin(), rs.end(),
                                 [](const QStringList& r) { return r.size() >= 2; });
        };
        if (wide(rows) >= 2 && wide(rows) > wide(best))
            best = rows;
    }
    if (best.isEmpty())
        return Error{ProcessorImport::tr("%1 is a web page without a table of at least two columns "
                                         "and two rows: it is not a list.")
                         .arg(source)};
    return best;
}

Result<QList<QStringList>> readMarkdownTable(const QString& text, const QString& source)
{
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!isSeparatorLine(lines[i]) || !lines[i - 1].contains(u'|'))
            continue;
        QList<QStringList> rows{markdownCells(lines[i - 1])};
        for (qsizetype j = i + 1; j < lines.size() && lines[j].contains(u'|'); ++j)
            rows << markdownCells(lines[j]);
        return rows;
    }
    return Error{ProcessorImport::tr("%1 has no Markdown table.").arg(source)};
}

} // namespace workbench
