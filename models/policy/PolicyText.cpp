#include "PolicyText.h"

#include <QFile>
#include <QStringDecoder>

namespace workbench::policy {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

namespace {

bool isAbbreviationBefore(QStringView text, qsizetype dot)
{
    static const char* abbreviations[] = {
        "e.g", "i.e", "etc", "inc",  "ltd", "vs",  "co",  "no",    "approx", "incl", "cf",  "st",
        "dr",  "mr",  "ms",  "corp", "b.v", "n.v", "s.a", "s.p.a", "k.k",    "e.v",  "pte", "pty"};
    qsizetype start = dot;
    while (start > 0 && (isWordChar(text[start - 1]) || text[start - 1] == u'.'))
        --start;
    const QStringView word = text.mid(start, dot - start);
    if (word.size() == 1)
        return true; // an initial: "J. Smith"
    for (const char* a : abbreviations)
        if (word.compare(QLatin1String(a), Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

void pushTrimmed(QStringView text, qsizetype start, qsizetype end, std::vector<TextRange>& out)
{
    // List markers: "-", "*", "•", "1.", "2)" at the start.
    while (start < end && (text[start].isSpace() || text[start] == u'-' || text[start] == u'*' ||
                           text[start] == u'•' || text[start] == u'#' || text[start] == u'>'))
        ++start;
    qsizetype digits = start;
    while (digits < end && text[digits].isDigit())
        ++digits;
    if (digits > start && digits + 1 < end && (text[digits] == u'.' || text[digits] == u')') &&
        text[digits + 1].isSpace())
        start = digits + 2;
    while (start < end && text[start].isSpace())
        ++start;
    while (end > start && text[end - 1].isSpace())
        --end;
    if (end > start)
        out.push_back({start, end - start});
}

} // namespace

std::vector<TextRange> splitSentences(QStringView text)
{
    std::vector<TextRange> out;
    qsizetype start = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (c == u'\n') {
            pushTrimmed(text, start, i, out);
            start = i + 1;
            continue;
        }
        if ((c == u'.' || c == u'!' || c == u'?' || c == u';') &&
            (i + 1 == n || text[i + 1].isSpace())) {
            if (c == u'.' && isAbbreviationBefore(text, i))
                continue;
            pushTrimmed(text, start, i + 1, out);
            start = i + 1;
        }
    }
    pushTrimmed(text, start, n, out);
    return out;
}

QSet<QString> contentWords(QStringView text)
{
    static const QSet<QString> stop = {
        QStringLiteral("the"),       QStringLiteral("and"),   QStringLiteral("of"),
        QStringLiteral("a"),         QStringLiteral("an"),    QStringLiteral("in"),
        QStringLiteral("for"),       QStringLiteral("with"),  QStringLiteral("your"),
        QStringLiteral("our"),       QStringLiteral("we"),    QStringLiteral("incl"),
        QStringLiteral("including"), QStringLiteral("to"),    QStringLiteral("by"),
        QStringLiteral("from"),      QStringLiteral("all"),   QStringLiteral("any"),
        QStringLiteral("on"),        QStringLiteral("or"),    QStringLiteral("is"),
        QStringLiteral("are"),       QStringLiteral("be"),    QStringLiteral("it"),
        QStringLiteral("its"),       QStringLiteral("their"), QStringLiteral("etc"),
        QStringLiteral("e"),         QStringLiteral("g"),     QStringLiteral("you"),
        QStringLiteral("us"),        QStringLiteral("at"),    QStringLiteral("as")};
    QSet<QString> words;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (!text[i].isLetterOrNumber()) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n && text[j].isLetterOrNumber())
            ++j;
        QString w = text.mid(i, j - i).toString().toLower();
        i = j;
        if (w.size() < 2 || stop.contains(w))
            continue;
        if (w.size() > 3 && w.endsWith(u's') && !w.endsWith(QLatin1String("ss")))
            w.chop(1);
        words.insert(w);
    }
    return words;
}

double coverage(const QSet<QString>& wanted, const QSet<QString>& have)
{
    if (wanted.isEmpty())
        return 1.0;
    int found = 0;
    for (const QString& w : wanted)
        found += have.contains(w) ? 1 : 0;
    return double(found) / double(wanted.size());
}

} // namespace workbench::policy

namespace workbench {

Result<QString> readPolicyFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: %2").arg(path, f.errorString())};
    QStringDecoder decode(QStringDecoder::Utf8);
    QString text = decode(f.readAll());
    if (decode.hasError())
        return Error{QStringLiteral("%1: not UTF-8 text").arg(path)};
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    return text;
}

qsizetype findWholeWord(QStringView text, QStringView word, Qt::CaseSensitivity cs, qsizetype from)
{
    if (word.isEmpty())
        return -1;
    for (qsizetype at = text.indexOf(word, from, cs); at >= 0;
         at = text.indexOf(word, at + 1, cs)) {
        const bool startOk =
            at == 0 || !policy::isWordChar(text[at - 1]) || !policy::isWordChar(word.front());
        const qsizetype end = at + word.size();
        const bool endOk = end == text.size() || !policy::isWordChar(text[end]) ||
                           !policy::isWordChar(word.back());
        if (startOk && endOk)
            return at;
    }
    return -1;
}

} // namespace workbench
