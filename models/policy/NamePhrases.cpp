#include "ExtractParts.h"

#include <QRegularExpression>

namespace workbench::policy::detail {

namespace {

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == u'’';
}

// Characters that may sit inside a name's word when a letter or digit
// follows: "Amazon.com", "Wi-Fi", "O’Neil", "AT&T".
bool isInnerChar(QChar c)
{
    return c == u'.' || c == u'-' || c == u'&' || c == u'+' || isApostrophe(c);
}

// The end of the word at `from` (letters, digits and inner characters), or
// `from` when no word starts there. A possessive "’s" is not part of it.
qsizetype wordEnd(QStringView text, qsizetype from)
{
    const qsizetype n = text.size();
    qsizetype i = from;
    while (i < n) {
        if (text[i].isLetterOrNumber()) {
            ++i;
            continue;
        }
        if (isInnerChar(text[i]) && i + 1 < n && text[i + 1].isLetterOrNumber() && i > from) {
            if (isApostrophe(text[i]) && (text[i + 1] == u's' || text[i + 1] == u'S') &&
                (i + 2 >= n || !text[i + 2].isLetterOrNumber()))
                break; // possessive
            ++i;
            continue;
        }
        break;
    }
    return i;
}

bool isCapitalised(QStringView word)
{
    if (word.isEmpty())
        return false;
    if (word.front().isUpper() || word.front().isDigit())
        return word.front().isUpper() ||
               std::any_of(word.begin(), word.end(), [](QChar c) { return c.isLetter(); });
    // "comScore", "iOS", "eBay": a capital inside a word that starts small.
    return std::any_of(word.begin() + 1, word.end(), [](QChar c) { return c.isUpper(); });
}

const QSet<QString>& connectors()
{
    static const QSet<QString> words = {
        QStringLiteral("&"),   QStringLiteral("of"),  QStringLiteral("de"),  QStringLiteral("du"),
        QStringLiteral("des"), QStringLiteral("der"), QStringLiteral("für"), QStringLiteral("la")};
    return words;
}

// Capitalised words that begin a sentence or a clause but never a name.
const QSet<QString>& leadingFunctionWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char* w : {"this",
                              "that",
                              "these",
                              "those",
                              "our",
                              "your",
                              "we",
                              "you",
                              "they",
                              "their",
                              "it",
                              "its",
                              "if",
                              "when",
                              "where",
                              "for",
                              "in",
                              "on",
                              "at",
                              "to",
                              "by",
                              "with",
                              "as",
                              "any",
                              "all",
                              "some",
                              "each",
                              "such",
                              "other",
                              "certain",
                              "most",
                              "many",
                              "a",
                              "an",
                              "please",
                              "note",
                              "see",
                              "learn",
                              "click",
                              "visit",
                              "and",
                              "or",
                              "but",
                              "how",
                              "what",
                              "why",
                              "who",
                              "which",
                              "however",
                              "also",
                              "there",
                              "here",
                              "under",
                              "from",
                              "about",
                              "after",
                              "before",
                              "while",
                              "unless",
                              "no",
                              "not",
                              "yes",
                              "otherwise",
                              "i",
                              "my",
                              "he",
                              "she",
                              "his",
                              "her",
                              "them",
                              "these",
                              "wir",
                              "sie",
                              "nous",
                              "vous",
                              "le",
                              "les",
                              "die",
                              "das",
                              "ein",
                              "eine",
                              "un",
                              "une",
                              "using",
                              "use",
                              "go",
                              "if",
                              "once",
                              "either",
                              "both",
                              "every",
                              "only",
                              "even",
                              "so",
                              "then",
                              "because",
                              "additionally",
                              "furthermore",
                              "moreover",
                              "finally",
                              "therefore",
                              "thus",
                              "similarly",
                              "likewise",
                              "accordingly",
                              "generally",
                              "typically",
                              "currently",
                              "specifically",
                              "alternatively",
                              "instead",
                              "again",
                              "today",
                              "now",
                              "sometimes",
                              "usually",
                              "occasionally",
                              "where",
                              "whether",
                              "although",
                              "though",
                              "upon"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words;
}

// Little words that title-cased headings capitalise.
const QSet<QString>& titleCaseLittleWords()
{
    static const QSet<QString> words = {
        QStringLiteral("Through"), QStringLiteral("With"), QStringLiteral("To"),
        QStringLiteral("From"),    QStringLiteral("For"),  QStringLiteral("And"),
        QStringLiteral("Or"),      QStringLiteral("Into"), QStringLiteral("About"),
        QStringLiteral("Your"),    QStringLiteral("Our"),  QStringLiteral("The"),
        QStringLiteral("In"),      QStringLiteral("On"),   QStringLiteral("By"),
        QStringLiteral("We"),      QStringLiteral("You"),  QStringLiteral("Is"),
        QStringLiteral("Are"),     QStringLiteral("How"),  QStringLiteral("What")};
    return words;
}

const QRegularExpression& legalSuffixPattern()
{
    // After the name: ", Inc.", " LLC", " GmbH", " B.V." ...
    static const QRegularExpression re(QStringLiteral(
        R"(^,?\s(GmbH & Co\. KG|Inc\.?|Incorporated|L\.?L\.?C\.?|Ltd\.?|Limited|GmbH|AG|SE|KG|UG|OHG|)"
        R"(B\.V\.|N\.V\.|S\.A\.S?\.?|SAS|SARL|S\.à r\.l\.|S\.L\.|S\.p\.A\.|)"
        R"(S\.r\.l\.|plc|PLC|Corp\.?|Corporation|Co\.|LLP|L\.P\.|Pty\.? Ltd\.?|)"
        R"(Pte\.? Ltd\.?|AB|Oy|ApS|A/S|AS|ASA|K\.K\.|KK|ULC|e\.V\.)(?![\w]))"));
    return re;
}

// Legal forms written with a final dot ("Inc.", "Corp.", "B.V.").
bool isAbbreviatedSuffix(QStringView word)
{
    static const QSet<QString> words = {
        QStringLiteral("inc"),   QStringLiteral("ltd"),   QStringLiteral("corp"),
        QStringLiteral("co"),    QStringLiteral("b.v"),   QStringLiteral("n.v"),
        QStringLiteral("s.a"),   QStringLiteral("s.a.s"), QStringLiteral("s.p.a"),
        QStringLiteral("s.r.l"), QStringLiteral("e.v"),   QStringLiteral("k.k"),
        QStringLiteral("pte"),   QStringLiteral("pty"),   QStringLiteral("l.l.c"),
        QStringLiteral("s.l"),   QStringLiteral("e.k")};
    return words.contains(word.toString().toLower());
}

} // namespace

QString maskLinks(QStringView text)
{
    QString out = text.toString();
    static const QRegularExpression links(
        QStringLiteral(R"(\]\([^)\s]*(?:\s+"[^"]*")?\)|\b(?:https?://|www\.|mailto:)[^\s)\]>]*|)"
                       R"([\w.+-]+@[\w-]+\.[\w.-]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|tv|)"
                       R"(co|de|fr|eu|uk|sg|ai|app|dev|me)(?:/[^\s)\]>]*)?\b)"));
    for (auto it = links.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        qsizetype from = m.capturedStart();
        qsizetype end = m.capturedEnd();
        // "Amazon.com, Inc." names a company: a bare domain right before a
        // legal suffix stays.
        if (text[from] != u']' && legalSuffixPattern().match(text.mid(end)).hasMatch())
            continue;
        if (text[from] == u']')
            ++from; // keep the bracket: it ends the link text
        for (qsizetype i = from; i < end; ++i)
            out[i] = u' ';
    }
    return out;
}

TextRange namePhraseAt(QStringView text, qsizetype from)
{
    const qsizetype n = text.size();
    qsizetype pos = from;
    while (pos < n && (text[pos] == u' ' || text[pos] == u'*' || text[pos] == u'_'))
        ++pos;
    if (text.mid(pos, 4).compare(u"the ", Qt::CaseInsensitive) == 0)
        pos += 4;
    const qsizetype start = pos;
    qsizetype end = start;
    int words = 0;
    bool first = true;
    while (pos < n && words < 7) {
        const qsizetype e = wordEnd(text, pos);
        const QStringView word = text.mid(pos, e - pos);
        if (e == pos) {
            if (text[pos] == u'&' && !first) { // "Trump Media & Technology"
                pos += 1;
                if (pos < n && text[pos] == u' ')
                    ++pos;
                continue;
            }
            break;
        }
        if (isCapitalised(word)) {
            if (first && leadingFunctionWords().contains(word.toString().toLower()))
                return {from, 0};
            // "the Public Through the Services": title case, not a name.
            if (!first && titleCaseLittleWords().contains(word.toString()))
                break;
            end = e;
            ++words;
            first = false;
        } else if (first || !connectors().contains(word.toString())) {
            break;
        } else {
            // A connector counts only when a capitalised word follows.
            const qsizetype next = e + 1;
            if (next >= n || text[e] != u' ' ||
                !isCapitalised(text.mid(next, wordEnd(text, next) - next)))
                break;
        }
        pos = e;
        if (pos < n && isApostrophe(text[pos]))
            break; // possessive
        if (pos + 1 < n && text[pos] == u' ' &&
            (text[pos + 1].isLetterOrNumber() || text[pos + 1] == u'&'))
            ++pos;
        else
            break;
    }
    if (words == 0)
        return {from, 0};
    // A legal suffix after a comma ("Amazon.com, Inc."), and the dot of an
    // abbreviated one.
    for (int round = 0; round < 3; ++round) { // "GmbH & Co. KG"
        const QRegularExpressionMatch suffix = legalSuffixPattern().match(text.mid(end));
        if (suffix.hasMatch()) {
            end += suffix.capturedLength();
            continue;
        }
        if (end < n && text[end] == u'.') {
            qsizetype w = end;
            while (w > start && !text[w - 1].isSpace())
                --w;
            if (isAbbreviatedSuffix(text.mid(w, end - w))) {
                ++end;
                continue;
            }
        }
        break;
    }
    return {start, end - start};
}

TextRange namePhraseBefore(QStringView text, qsizetype end)
{
    while (end > 0 && (text[end - 1] == u' ' || text[end - 1] == u'*'))
        --end;
    // Walk back over capitalised words and connectors, then read forward.
    qsizetype start = end;
    qsizetype candidate = -1;
    int words = 0;
    while (start > 0 && words < 8) {
        qsizetype w = start;
        while (w > 0 && (text[w - 1].isLetterOrNumber() || isInnerChar(text[w - 1])))
            --w;
        if (w == start) {
            if (text[start - 1] == u',' || text[start - 1] == u' ') {
                --start; // ", Inc." and the blanks between words
                continue;
            }
            break;
        }
        const QStringView word = text.mid(w, start - w);
        if (isCapitalised(word) && !leadingFunctionWords().contains(word.toString().toLower()))
            candidate = w;
        else if (!connectors().contains(word.toString()) && word != u"&")
            break;
        start = w;
        ++words;
    }
    for (qsizetype from = candidate; from >= 0 && from < end;) {
        const TextRange r = namePhraseAt(text, from);
        // The phrase may run on by a legal suffix the cue stopped before.
        if (r.length > 0 && r.end() >= end - 1 &&
            (r.end() <= end + 1 || hasLegalSuffix(text.mid(r.pos, r.length))))
            return r;
        // A longer phrase started earlier than the name: try the next word.
        qsizetype next = wordEnd(text, from);
        while (next < end && !text[next].isLetterOrNumber())
            ++next;
        if (next <= from)
            break;
        from = next;
    }
    return {end, 0};
}

std::vector<TextRange> nameListBefore(QStringView text, qsizetype end)
{
    static const QRegularExpression separator(
        QStringLiteral(R"((?:,?\s+(?:and|or|und|oder|et|ou)\s+|,\s+)$)"));
    std::vector<TextRange> items;
    qsizetype at = end;
    while (at > 0 && items.size() < 8) {
        const TextRange r = namePhraseBefore(text, at);
        if (r.length == 0)
            break;
        items.insert(items.begin(), r);
        const QRegularExpressionMatch m = separator.match(text.left(r.pos));
        if (!m.hasMatch())
            break;
        at = m.capturedStart();
    }
    return items;
}

std::vector<TextRange> nameListAt(QStringView text, qsizetype from)
{
    static const QRegularExpression separator(
        QStringLiteral(R"(^(?:,?\s+(?:and|or|und|oder|et|ou|as well as|and/or)\s+|,\s+|\s*/\s*))"));
    std::vector<TextRange> items;
    qsizetype pos = from;
    while (pos < text.size()) {
        const TextRange r = namePhraseAt(text, pos);
        if (r.length == 0)
            break;
        items.push_back(r);
        pos = r.end();
        // "Google’s reCAPTCHA": the item is the company; skip its product.
        if (pos + 2 < text.size() && isApostrophe(text[pos]) && text[pos + 1] == u's') {
            pos += 2;
            const TextRange product = namePhraseAt(text, pos);
            pos = product.length ? product.end() : pos;
        }
        const QRegularExpressionMatch m = separator.match(text.mid(pos));
        if (!m.hasMatch())
            break;
        pos += m.capturedLength();
    }
    return items;
}

QString normalisedName(QStringView name)
{
    QString s = name.toString();
    for (;;) {
        static const QRegularExpression tail(
            QStringLiteral(
                R"(,?\s+(GmbH & Co\. KG|Inc\.?|Incorporated|L\.?L\.?C\.?|Ltd\.?|Limited|)"
                R"(GmbH|AG|SE|KG|UG|OHG|B\.V\.|N\.V\.|S\.A\.S?\.?|SAS|SARL|plc|PLC|Corp\.?|)"
                R"(Corporation|Co\.|LLP|Pty\.? Ltd\.?|Pte\.? Ltd\.?|AB|Oy|ULC|e\.V\.)\.?$)"),
            QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch m = tail.match(s);
        if (!m.hasMatch())
            break;
        s.truncate(m.capturedStart());
    }
    s = s.toLower();
    s.replace(u'’', u'\'');
    if (s.startsWith(QLatin1String("the ")))
        s.remove(0, 4);
    QString out;
    for (QChar c : std::as_const(s))
        if (c.isLetterOrNumber() || c == u' ' || c == u'.' || c == u'&')
            out += c;
    out = out.simplified();
    while (out.endsWith(u'.'))
        out.chop(1);
    return out;
}

bool hasLegalSuffix(QStringView name)
{
    static const QRegularExpression re(QStringLiteral(
        R"(,?\s(Inc|Incorporated|L\.?L\.?C|Ltd|Limited|GmbH|AG|SE|KG|B\.V|N\.V|S\.A|)"
        R"(SAS|SARL|plc|PLC|Corp|Corporation|Co|LLP|Pty\.? Ltd|Pte\.? Ltd|AB|Oy|)"
        R"(ULC)\.?$)"));
    return re.match(name).hasMatch();
}

} // namespace workbench::policy::detail
