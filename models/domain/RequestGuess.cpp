#include "RequestGuess.h"

#include "RequestGuessCues.h"

#include <QCoreApplication>
#include <QList>
#include <algorithm>
#include <vector>

namespace workbench {

using namespace guess;

namespace {

constexpr qsizetype kMaxBody = 64 * 1024;
constexpr qsizetype kMaxSubject = 1024;
constexpr int kMaxGap = 4;        // words a "~" may skip
constexpr int kNegationReach = 5; // words a denial may stand before its cue
constexpr double kSubjectWeight = 1.5;
constexpr double kQuotedWeight = 0.5;
// The sender's country domain: below any cue of the text, even a quoted one.
constexpr double kDomainWeight = 0.4;

// ---- Words ------------------------------------------------------------------

struct Token
{
    QString text; // folded: lower case, no accents, "ß" as "ss"
    bool inSubject = false;
    bool quoted = false;          // on a "> " line of a reply
    bool hardBefore = false;      // a sentence ends before it
    bool softBefore = false;      // a comma stands before it
    bool paragraphBefore = false; // a blank line stands before it
    bool ignored = false;         // in a disclaimer (boilerplateCues())
    qsizetype begin = 0;          // in its source text
    qsizetype end = 0;
};

// Appends the folded form of `c` (a letter or digit) to `out`.
void foldChar(QChar c, QString& out)
{
    const char16_t u = c.unicode();
    if (u < 0x80) {
        out += QChar(u >= 'A' && u <= 'Z' ? u + ('a' - 'A') : u);
        return;
    }
    if (u == 0x00DF || u == 0x1E9E) { // ß, ẞ
        out += QLatin1String("ss");
        return;
    }
    const QString decomposed = QString(c).normalized(QString::NormalizationForm_KD);
    for (QChar d : decomposed) {
        if (d.isLetterOrNumber())
            out += d.toCaseFolded();
    }
}

bool isWordChar(QChar c)
{
    if (c.unicode() < 0x80)
        return c.isLetterOrNumber();
    return !c.isSurrogate() && c.isLetterOrNumber();
}

// Marks that belong to the letter before them, and invisible format
// characters (soft hyphen, zero-width joiner): inside a word, not between two.
bool isInsideWord(QChar c)
{
    return c.unicode() >= 0x80 && (c.isMark() || c.category() == QChar::Other_Format);
}

// Splits `text` into words, noting sentence ends, commas and quoted lines.
void tokenize(QStringView text, bool inSubject, QList<Token>& out)
{
    Token current;
    bool hard = true, soft = false, paragraph = true;
    bool lineStart = true, lineQuoted = false, lineBlank = true;
    int newlines = 0;
    auto flush = [&](qsizetype end) {
        if (current.text.isEmpty())
            return;
        current.end = end;
        out.append(std::move(current));
        current = Token{};
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (lineStart && (c == u' ' || c == u'\t'))
            continue;
        if (lineStart) {
            lineStart = false;
            const bool quoted = c == u'>';
            if (newlines >= 2 && lineBlank)
                paragraph = true;
            if (quoted != lineQuoted || paragraph)
                hard = true;
            lineQuoted = quoted;
        }
        if (isWordChar(c) || (isInsideWord(c) && !current.text.isEmpty())) {
            if (current.text.isEmpty()) {
                current.inSubject = inSubject;
                current.quoted = lineQuoted;
                current.hardBefore = hard;
                current.softBefore = soft;
                current.paragraphBefore = paragraph;
                current.begin = i;
                hard = soft = paragraph = false;
            }
            if (isWordChar(c))
                foldChar(c, current.text);
            lineBlank = false;
            newlines = 0;
            continue;
        }
        flush(i);
        if (c == u'\n') {
            lineStart = true;
            newlines = lineBlank ? newlines + 1 : 1;
            lineBlank = true;
        } else if (c == u'.' || c == u'!' || c == u'?' || c == u';' || c == u':') {
            hard = true;
        } else if (c == u',') {
            soft = true;
        }
        if (!c.isSpace())
            lineBlank = false;
    }
    flush(text.size());
}

QStringList foldWords(const char* utf8)
{
    QList<Token> tokens;
    tokenize(QString::fromUtf8(utf8), false, tokens);
    QStringList words;
    for (const Token& t : tokens)
        words << t.text;
    return words;
}

// ---- Patterns ---------------------------------------------------------------

struct Alternative
{
    QString text;
    bool prefix = false; // "word*"
    bool suffix = false; // "*word"

    bool matches(const QString& word) const
    {
        if (prefix && suffix)
            return word.contains(text);
        if (prefix)
            return word.startsWith(text);
        if (suffix)
            return word.endsWith(text);
        return word == text;
    }
};

struct Element
{
    bool gap = false;
    std::vector<Alternative> alternatives;
};

using Pattern = std::vector<Element>;

Pattern compile(const char* pattern)
{
    Pattern p;
    const QStringList pieces =
        QString::fromUtf8(pattern).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& piece : pieces) {
        if (piece == QLatin1String("~")) {
            p.push_back({true, {}});
            continue;
        }
        const QStringList alts = piece.split(QLatin1Char('|'));
        if (alts.size() == 1 && !piece.contains(QLatin1Char('*'))) {
            // "l'oubli" is two words
            for (const QString& w : foldWords(piece.toUtf8().constData()))
                p.push_back({false, {{w}}});
            continue;
        }
        Element e;
        for (QString alt : alts) {
            Alternative a;
            a.suffix = alt.startsWith(QLatin1Char('*'));
            a.prefix = alt.endsWith(QLatin1Char('*'));
            alt.remove(QLatin1Char('*'));
            a.text = foldWords(alt.toUtf8().constData()).join(QString());
            e.alternatives.push_back(a);
        }
        p.push_back(std::move(e));
    }
    return p;
}

// The end (one past the last word) of a match of p[elem...] at `pos`, or -1.
qsizetype matchFrom(const Pattern& p, size_t elem, const QList<Token>& tokens, qsizetype pos)
{
    if (elem == p.size())
        return pos;
    const Element& e = p[elem];
    if (e.gap) {
        for (int skip = 0; skip <= kMaxGap && pos + skip < tokens.size(); ++skip) {
            if (tokens[pos + skip].hardBefore)
                break;
            const qsizetype end = matchFrom(p, elem + 1, tokens, pos + skip);
            if (end >= 0)
                return end;
        }
        return -1;
    }
    if (pos >= tokens.size())
        return -1;
    for (const Alternative& a : e.alternatives) {
        if (a.matches(tokens[pos].text))
            return matchFrom(p, elem + 1, tokens, pos + 1);
    }
    return -1;
}

// ---- Denials ----------------------------------------------------------------

bool isOneOf(const QString& word, std::span<const char* const> words)
{
    return std::any_of(words.begin(), words.end(),
                       [&](const char* w) { return word == QLatin1String(w); });
}

bool isDenial(const QList<Token>& tokens, qsizetype i)
{
    const QString& w = tokens[i].text;
    if (isOneOf(w, denialWords()))
        return true;
    // "don't", "won't", "can't": the "t" after a word ending in "n"
    return w == QLatin1String("t") && i > 0 && tokens[i - 1].text.endsWith(QLatin1Char('n'));
}

bool isGlue(const QString& w)
{
    return isOneOf(w, glueWords());
}

// Whether the words just before (or, for German "nicht", after) a match deny it.
bool denied(const QList<Token>& tokens, qsizetype begin, qsizetype end)
{
    for (qsizetype j = begin - 1, seen = 0; j >= 0 && seen < kNegationReach; --j, ++seen) {
        const Token& after = tokens[j + 1];
        if (after.hardBefore)
            break;
        if (isDenial(tokens, j))
            return true;
        // "nicht, dass", "pas, que": the only comma a denial reaches over
        if (after.softBefore || !isGlue(tokens[j].text))
            break;
    }
    for (qsizetype j = end; j < tokens.size() && j < end + 4; ++j) {
        if (tokens[j].hardBefore || tokens[j].softBefore)
            return false;
        if (tokens[j].text == QLatin1String("nicht"))
            return true;
        if (!isGlue(tokens[j].text))
            return false;
    }
    return false;
}

// ---- Matches ----------------------------------------------------------------

struct Match
{
    int kind; // a RequestType or Jurisdiction, as int
    int strength;
    double weight;        // strength, times where it stands
    qsizetype begin, end; // words
    bool negated = false;
    bool gdprArticle = false;
};

template <typename Cue> struct Compiled
{
    const Cue* cue;
    Pattern pattern;
};

template <typename Cue> std::vector<Compiled<Cue>> compileAll(std::span<const Cue> cues)
{
    std::vector<Compiled<Cue>> out;
    for (const Cue& c : cues)
        out.push_back({&c, compile(c.pattern)});
    return out;
}

const std::vector<Compiled<TypeCue>>& typeCues()
{
    static const std::vector<Compiled<TypeCue>> all = [] {
        std::vector<Compiled<TypeCue>> v;
        for (auto table : {englishCues(), germanCues(), frenchCues(), citationCues()}) {
            auto c = compileAll(table);
            v.insert(v.end(), c.begin(), c.end());
        }
        return v;
    }();
    return all;
}

const std::vector<Compiled<LawCue>>& lawCuesCompiled()
{
    static const std::vector<Compiled<LawCue>> all = compileAll(lawCues());
    return all;
}

// A disclaimer ("if you are not the intended recipient, please delete this
// e-mail") asks for nothing: from the sentence naming it to its paragraph's
// end, no cue counts.
void ignoreBoilerplate(QList<Token>& tokens)
{
    static const std::vector<Pattern> patterns = [] {
        std::vector<Pattern> v;
        for (const char* p : boilerplateCues())
            v.push_back(compile(p));
        return v;
    }();
    for (const Pattern& p : patterns) {
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            if (tokens[i].ignored || matchFrom(p, 0, tokens, i) < 0)
                continue;
            qsizetype from = i;
            while (from > 0 && !tokens[from].hardBefore)
                --from;
            for (qsizetype j = from; j < tokens.size(); ++j) {
                if (j > i &&
                    (tokens[j].paragraphBefore || tokens[j].inSubject != tokens[i].inSubject))
                    break;
                tokens[j].ignored = true;
            }
        }
    }
}

double placeWeight(const Token& t)
{
    return (t.inSubject ? kSubjectWeight : 1.0) * (t.quoted ? kQuotedWeight : 1.0);
}

// Every match, then the ones a stronger or tighter match overlaps dropped:
// "right to be forgotten" is not also "forgotten", "UK GDPR" not also "GDPR".
template <typename Cue, typename Fill>
std::vector<Match> findAll(const std::vector<Compiled<Cue>>& cues, const QList<Token>& tokens,
                           Fill fill)
{
    std::vector<Match> found;
    for (const auto& c : cues) {
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            if (tokens[i].ignored)
                continue;
            const qsizetype end = matchFrom(c.pattern, 0, tokens, i);
            if (end < 0)
                continue;
            Match m{0, c.cue->strength, 0, i, end};
            m.weight = c.cue->strength * placeWeight(tokens[i]);
            fill(*c.cue, m);
            found.push_back(m);
            i = end - 1;
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const Match& a, const Match& b) {
        if (a.strength != b.strength)
            return a.strength > b.strength;
        return a.end - a.begin < b.end - b.begin; // the tighter of two alike
    });
    std::vector<Match> kept;
    for (const Match& m : found) {
        const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Match& k) {
            return m.begin < k.end && k.begin < m.end;
        });
        if (!overlaps)
            kept.push_back(m);
    }
    return kept;
}

struct Decision
{
    int kind = -1;
    const Match* deciding = nullptr; // the strongest match of the kind
    double confidence = 0;
};

// Each kind scores its best match and a quarter of each other one (at most
// one more); the highest score wins, a tie going to the first mentioned.
// With `strongestFirst`, the strongest cue wins wherever it stands (a law's
// specific name over its family's: "UK GDPR" over "GDPR" in the subject).
// Confidence grows with the deciding cue's strength and falls with a rival.
Decision decide(const std::vector<Match>& matches, bool strongestFirst)
{
    struct Score
    {
        double best = 0, rest = 0;
        const Match* top = nullptr;
        qsizetype first = 0;
        double total() const { return best + std::min(rest * 0.25, 1.0); }
    };
    std::vector<std::pair<int, Score>> scores;
    for (const Match& m : matches) {
        if (m.negated)
            continue;
        auto it = std::find_if(scores.begin(), scores.end(),
                               [&](const auto& s) { return s.first == m.kind; });
        if (it == scores.end()) {
            scores.push_back({m.kind, Score{0, 0, nullptr, m.begin}});
            it = scores.end() - 1;
        }
        Score& s = it->second;
        s.first = std::min(s.first, m.begin);
        if (m.weight > s.best) {
            s.rest += s.best;
            s.best = m.weight;
            s.top = &m;
        } else {
            s.rest += m.weight;
        }
    }
    if (scores.empty())
        return {};
    std::stable_sort(scores.begin(), scores.end(), [&](const auto& a, const auto& b) {
        if (strongestFirst && a.second.top->strength != b.second.top->strength)
            return a.second.top->strength > b.second.top->strength;
        if (a.second.total() != b.second.total())
            return a.second.total() > b.second.total();
        return a.second.first < b.second.first;
    });
    const Score& win = scores.front().second;
    const double rival = scores.size() > 1 ? scores[1].second.total() : 0;
    static constexpr double base[] = {0, 0.45, 0.7, 0.9, 0.95};
    const double confidence =
        base[std::clamp(win.top->strength, 0, 4)] * win.total() / (win.total() + rival);
    return {scores.front().first, win.top, confidence};
}

QString quote(const QList<Token>& tokens, const Match& m, QStringView subject, QStringView body)
{
    const Token& first = tokens[m.begin];
    const Token& last = tokens[m.end - 1];
    const QStringView source = first.inSubject ? subject : body;
    QString words = source.mid(first.begin, last.end - first.begin).toString().simplified();
    words.remove(QLatin1Char('>')); // a quoted reply's marks between lines
    words = words.simplified();
    if (words.size() > 80)
        words = words.left(77) + QLatin1String("...");
    const char* where =
        first.inSubject ? QT_TRANSLATE_NOOP("RequestGuess", "\"%1\" in the subject")
        : first.quoted  ? QT_TRANSLATE_NOOP("RequestGuess", "\"%1\" in a quoted earlier message")
                        : QT_TRANSLATE_NOOP("RequestGuess", "\"%1\" in the body");
    return QCoreApplication::translate("RequestGuess", where).arg(words);
}

// "Jane <jane@example.co.uk>" -> "uk".
QString countryDomain(const QString& sender)
{
    QStringView address = sender;
    const qsizetype open = address.lastIndexOf(u'<');
    if (open >= 0) {
        address = address.mid(open + 1);
        address = address.left(address.indexOf(u'>'));
    }
    address = address.mid(address.lastIndexOf(u'@') + 1).trimmed();
    while (address.endsWith(u'.'))
        address.chop(1);
    const QStringView tld = address.mid(address.lastIndexOf(u'.') + 1);
    if (tld.size() != 2 || !std::all_of(tld.begin(), tld.end(),
                                        [](QChar c) { return c.isLetter() && c.unicode() < 0x80; }))
        return {};
    return tld.toString().toLower();
}

} // namespace

RequestGuess guessRequest(const QString& subject, const QString& body, const QString& senderAddress)
{
    const QStringView subjectRead = QStringView(subject).left(kMaxSubject);
    const QStringView bodyRead = QStringView(body).left(kMaxBody);
    QList<Token> tokens;
    tokenize(subjectRead, true, tokens);
    const qsizetype subjectEnd = tokens.size();
    tokenize(bodyRead, false, tokens);
    if (subjectEnd < tokens.size())
        tokens[subjectEnd].hardBefore = tokens[subjectEnd].paragraphBefore = true;
    ignoreBoilerplate(tokens);

    RequestGuess guess;

    // The law first: an article number means a GDPR right only under it.
    const std::vector<Match> laws = findAll(
        lawCuesCompiled(), tokens, [](const LawCue& c, Match& m) { m.kind = int(c.jurisdiction); });
    const Decision law = decide(laws, true);
    if (law.kind >= 0) {
        guess.jurisdiction = Jurisdiction(law.kind);
        guess.jurisdictionConfidence = law.confidence;
        guess.jurisdictionEvidence = quote(tokens, *law.deciding, subjectRead, bodyRead);
    } else if (const QString tld = countryDomain(senderAddress); !tld.isEmpty()) {
        if (const auto j = jurisdictionOfCountryDomain(tld)) {
            guess.jurisdiction = *j;
            guess.jurisdictionConfidence = kDomainWeight * 0.75;
            guess.jurisdictionEvidence =
                QCoreApplication::translate("RequestGuess", "the sender's domain \".%1\"").arg(tld);
        }
    }
    // A law named in the text, not a domain, sets the articles aside.
    const bool gdprArticles = law.kind < 0 || law.kind == int(Jurisdiction::Gdpr) ||
                              law.kind == int(Jurisdiction::UkGdpr);

    std::vector<Match> types = findAll(typeCues(), tokens, [&](const TypeCue& c, Match& m) {
        m.kind = int(c.type);
        m.gdprArticle = c.gdprArticle;
        m.negated = c.negatable && denied(tokens, m.begin, m.end);
    });
    if (!gdprArticles)
        std::erase_if(types, [](const Match& m) { return m.gdprArticle; });
    const Decision type = decide(types, false);
    if (type.kind >= 0) {
        const bool anyDenied =
            std::any_of(types.begin(), types.end(), [](const Match& m) { return m.negated; });
        guess.type = RequestType(type.kind);
        guess.typeConfidence = type.confidence * (anyDenied ? 0.75 : 1.0);
        guess.typeEvidence = quote(tokens, *type.deciding, subjectRead, bodyRead);
    }
    return guess;
}

} // namespace workbench
