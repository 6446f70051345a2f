#include "ExtractParts.h"

#include <QRegularExpression>
#include <algorithm>

namespace workbench::policy::detail {

namespace {

// A number as digits or words ("90", "ninety", "twenty-five", "three (3)").
#define WB_NUMBER                                                                                  \
    R"((?:\d{1,4}(?![.,]\d)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ])"     \
    R"((?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|)"     \
    R"(eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|)"        \
    R"(nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a|an|)"              \
    R"(zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|deux|trois|quatre|cinq|six|sept|)"  \
    R"(huit|neuf|dix|douze|trente)(?:\s*\(\d{1,4}\))?)"

// A length: "90 days", "three (3) years", "25-month", "30 to 90 days",
// "between 1 and 3 years", "30 Tage", "3 ans". Group 1 is the first number
// of a range in digits ("30-90"), 2 in words or digits ("30 to 90"), 3 the
// (last) number, 4 the unit.
const QRegularExpression& durationPattern()
{
    static const QRegularExpression re(
        QStringLiteral(
            R"((?<![\w.,])(?:(\d{1,4})\s*(?:-|–)\s*|()" WB_NUMBER
            R"()\s+(?:to|and|or|bis|à)\s+)?()" WB_NUMBER
            R"()(?:\s+|-)(?:(?:full|calendar|business|working|consecutive)\s+)?)"
            R"((hours?|days?|weeks?|months?|years?|Stunden?|Tagen?|Tage|Wochen?|)"
            R"(Monaten?|Monate|Jahren?|Jahre|heures?|jours?|semaines?|mois|ans|années?)\b)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

const QRegularExpression& agePattern()
{
    static const QRegularExpression re(
        QStringLiteral(
            R"(\b(?:under|below|over|younger than|older than|aged?)\s+)"
            R"((?:the\s+age\s+of\s+)?(\d{1,2})\b(?!\s*(?:-|\s)?(?:hour|day|week|month|year)))"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

int numberValue(QString word)
{
    word = word.toLower().trimmed();
    const qsizetype paren = word.indexOf(u'(');
    if (paren > 0) // "three (3)": the digits
        word = word.mid(paren + 1).chopped(1).trimmed();
    bool ok = false;
    const int n = word.toInt(&ok);
    if (ok)
        return n;
    static const QHash<QString, int> words = [] {
        QHash<QString, int> h;
        const char* small[] = {"one",     "two",       "three",    "four",     "five",
                               "six",     "seven",     "eight",    "nine",     "ten",
                               "eleven",  "twelve",    "thirteen", "fourteen", "fifteen",
                               "sixteen", "seventeen", "eighteen", "nineteen"};
        for (int i = 0; i < 19; ++i)
            h.insert(QString::fromLatin1(small[i]), i + 1);
        const char* tens[] = {"twenty", "thirty",  "forty",  "fifty",
                              "sixty",  "seventy", "eighty", "ninety"};
        for (int i = 0; i < 8; ++i)
            h.insert(QString::fromLatin1(tens[i]), (i + 2) * 10);
        h.insert(QStringLiteral("hundred"), 100);
        h.insert(QStringLiteral("a"), 1);
        h.insert(QStringLiteral("an"), 1);
        const char* de[] = {"zwei",   "drei", "vier", "fünf", "sechs",
                            "sieben", "acht", "neun", "zehn"};
        for (int i = 0; i < 9; ++i)
            h.insert(QString::fromUtf8(de[i]), i + 2);
        h.insert(QString::fromUtf8("zwölf"), 12);
        const char* fr[] = {"deux", "trois", "quatre", "cinq", "six",
                            "sept", "huit",  "neuf",   "dix"};
        for (int i = 0; i < 9; ++i)
            h.insert(QString::fromUtf8(fr[i]), i + 2);
        h.insert(QStringLiteral("douze"), 12);
        h.insert(QStringLiteral("trente"), 30);
        return h;
    }();
    const QStringList parts = word.split(QRegularExpression(QStringLiteral("[- ]")));
    int total = 0;
    for (const QString& p : parts)
        total += words.value(p, 0);
    return total;
}

IsoDuration durationOf(int n, QStringView unit)
{
    IsoDuration d;
    const QString u = unit.toString().toLower();
    if (u.startsWith(u'h') || u.startsWith(QLatin1String("stund")))
        d.hours = n;
    else if (u.startsWith(QLatin1String("day")) || u.startsWith(QLatin1String("tag")) ||
             u.startsWith(QLatin1String("jour")))
        d.days = n;
    else if (u.startsWith(QLatin1String("week")) || u.startsWith(QLatin1String("woche")) ||
             u.startsWith(QLatin1String("semaine")))
        d.weeks = n;
    else if (u.startsWith(QLatin1String("month")) || u.startsWith(QLatin1String("monat")) ||
             u == QLatin1String("mois"))
        d.months = n;
    else
        d.years = n;
    return d;
}

bool containsAny(const QString& lower, std::initializer_list<const char*> needles)
{
    for (const char* n : needles)
        if (lower.contains(QLatin1String(n)))
            return true;
    return false;
}

const QRegularExpression& retentionCue()
{
    static const QRegularExpression re(
        QStringLiteral(
            R"(\b(retain\w*|retention|keep|keeps|kept|store|stores|stored|storing|)"
            R"(save|saves|saved|archiv\w*|overwrit\w*|delet\w*|purg\w*|eras\w*|remov\w*|)"
            R"(anonymi[sz]\w*|de-identif\w*|aggregated|expir\w*|destroy\w*|)"
            R"(speicher\w*|aufbewahr\w*|lösch\w*|gelöscht|conserv\w*|supprim\w*|)"
            R"(effac\w*)\b)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// Words that make a sentence about storing also one about how long.
bool statesHowLong(const QString& lower)
{
    static const QRegularExpression strong(QStringLiteral(
        R"(\b(retain\w*|retention|delet\w*|purg\w*|eras\w*|expir\w*|anonymi[sz]\w*|overwrit\w*|)"
        R"(destroy\w*|removed)\b)"));
    static const QRegularExpression time(QStringLiteral(
        R"(\b(temporarily|permanently|as long as|while|lifetime|until|after|no longer than|)"
        R"(never|not|immediately|indefinitely)\b)"));
    return strong.match(lower).hasMatch() || time.match(lower).hasMatch();
}

// A heading ("Data retention") or a user's right ("you may ... delete your
// data") speaks of deletion without saying how long anything is kept.
bool isHeadingOrRight(const QString& lower)
{
    if (lower.count(u' ') < 3)
        return true;
    return containsAny(lower, {"right to", "you may", "you can", "request "});
}

DurationUse useOf(const QString& lower, qsizetype at, qsizetype length, bool years)
{
    const QString before = lower.mid(std::max<qsizetype>(0, at - 25), std::min<qsizetype>(at, 25));
    const QString after = lower.mid(at + length, 15);
    if (containsAny(before, {"past ", "last ", "previous ", "preceding ", "prior ", "vergangenen ",
                             "letzten ", "derniers "}) ||
        containsAny(after, {" preceding", " prior to", " period preceding", " before the request"}))
        return DurationUse::LookBack;
    if (years &&
        (after.startsWith(QLatin1String(" old")) || after.startsWith(QLatin1String(" of age")) ||
         after.startsWith(QLatin1String(" or older")) ||
         after.startsWith(QLatin1String(" and older")) ||
         after.startsWith(QLatin1String(" or over")) ||
         QRegularExpression(
             QStringLiteral(
                 R"((?:age of|aged|under|over|least|younger than|older than|ab|moins de|plus de)\s*$)"))
             .match(before)
             .hasMatch()))
        return DurationUse::AgeLimit;
    // "You have 14 days to cancel", "a 30-day free trial": a period the user
    // has, not a storage period.
    static const QRegularExpression userPeriod(QStringLiteral(
        R"(\b(?:you have|you will have|to cancel|to withdraw|withdrawal|cooling[- ]off|free trial|trial period|money-back|refund)\b)"));
    if (userPeriod.match(lower).hasMatch() && !retentionCue().match(lower).hasMatch())
        return DurationUse::Other;
    static const QRegularExpression notice(QStringLiteral(
        R"(\b(?:takes? effect|notice|notify|notif\w*|in advance|before the change)\b)"));
    if (notice.match(lower).hasMatch())
        return DurationUse::NoticePeriod;
    // Word starts: "correspondence" is no response.
    static const QRegularExpression response(QStringLiteral(
        R"(\b(?:respond\w*|response|repl(?:y|ies)|acknowledg\w*|answer\w*|fulfil\w*|)"
        R"(deliver the|provide the required|extend\w*|beantwort\w*|répond\w*))"));
    if (response.match(lower).hasMatch())
        return DurationUse::ResponseDeadline;
    // A row of figures in a table ("| Request to Delete | 8,260 | 12 days |")
    // reports a metric, not a period.
    if (lower.count(u'|') >= 3 &&
        QRegularExpression(QStringLiteral(R"(\|\s*[\d,.]+\s*\|)")).match(lower).hasMatch())
        return DurationUse::Other;
    if (retentionCue().match(lower).hasMatch())
        return DurationUse::Retention;
    return DurationUse::Other;
}

// "(The default setting is 14 days.)", "This period is ...": a sentence
// that goes on about the one before.
bool continuesPrevious(const QString& lower)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^\(|\bby default\b|\bthe default\b|^(?:this|that|the same|such) (?:period|time|setting))"));
    return re.match(lower).hasMatch();
}

Qualifier qualifierOf(const QString& lower, qsizetype at)
{
    const QString before = lower.mid(std::max<qsizetype>(0, at - 22), std::min<qsizetype>(at, 22));
    if (containsAny(before, {"within", "up to", "maximum", "no longer than", "at most",
                             "not more than", "no more than"}))
        return Qualifier::AtMost;
    if (containsAny(before, {"approximately", "about", "around", "roughly", "approx"}))
        return Qualifier::Approximately;
    return Qualifier::Exact;
}

RetentionKind kindWithoutPeriod(const QString& lower)
{
    static const QRegularExpression notKept(QStringLiteral(
        R"(\b(?:do not|don't|don’t|never|not|no longer)\s+(?:\w+\s+){0,2}?(?:store|stored|retain|retained|keep|kept|save|saved|log|logged)\b)"));
    if (notKept.match(lower).hasMatch() &&
        !containsAny(lower, {"longer than", "no longer necessary", "no longer needed"}))
        return RetentionKind::NotRetained;
    if (containsAny(lower, {"immediately", "right away", "promptly", "without undue delay"}) &&
        containsAny(lower, {"delete", "erase", "remove", "purge"}))
        return RetentionKind::Unspecified;
    if (containsAny(lower,
                    {"as long as your account", "while the account", "while your account",
                     "lifetime of your account", "account is active", "account remains active"}))
        return RetentionKind::AccountLifetime;
    if (containsAny(lower, {"until you delete", "until deleted by you", "until you remove"}))
        return RetentionKind::UntilUserDeletes;
    if (containsAny(lower, {"as long as you", "account is deleted", "close your account",
                            "delete your account", "account deletion", "until you close"}))
        return RetentionKind::AccountLifetime;
    if (containsAny(lower, {"legal", "accounting obligation", "required by law", "tax",
                            "law enforcement", "litigation", "comply with"}))
        return RetentionKind::LegalHold;
    if (containsAny(lower,
                    {"after training", "as long as necessary", "no longer than necessary",
                     "for the purpose", "after processing", "once processing", "as long as needed",
                     "as long as reasonably", "longer than necessary", "no longer needed",
                     "no longer necessary", "purposes described", "purposes outlined", "criteria"}))
        return RetentionKind::PurposeBound;
    return RetentionKind::Unspecified;
}

QString cleanSubject(QString s)
{
    s = s.trimmed();
    while (s.endsWith(u',') || s.endsWith(u'—') || s.endsWith(u'-'))
        s = s.chopped(1).trimmed();
    const qsizetype which = s.lastIndexOf(QLatin1String("after which "), -1, Qt::CaseInsensitive);
    if (which >= 0)
        s = s.mid(which + 12);
    const QStringList parts = s.split(QLatin1String(", "));
    if (parts.size() > 1) {
        int pick = int(parts.size()) - 1;
        while (pick > 0 && (parts[pick].startsWith(QLatin1String("including")) ||
                            parts[pick].startsWith(QLatin1String("incl")) ||
                            parts[pick].startsWith(QLatin1String("such as")) ||
                            parts[pick].startsWith(QLatin1String("e.g.")) ||
                            parts[pick].startsWith(QLatin1String("used "))))
            --pick;
        s = parts[pick];
    }
    for (const char* lead : {"which ", "then ", "and ", "the ", "your ", "our ", "all "})
        if (s.startsWith(QLatin1String(lead), Qt::CaseInsensitive))
            s = s.mid(qsizetype(qstrlen(lead)));
    return s.trimmed();
}

// What the statement keeps: the subject of "... is retained", or the object
// of "we retain ... for".
QString appliesTo(const QString& sentence, qsizetype durationAt)
{
    static const QRegularExpression passive(
        QStringLiteral(R"(\b(?:is|are|be|been|being|gets?)\s+(?:\w+ly\s+)?(?:retained|kept|)"
                       R"(stored|purged|deleted|erased|removed|anonymi[sz]ed|destroyed|held)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression active(
        QStringLiteral(R"(\b(?:retain|keep|store|delete|purge|hold)\s+(.{1,80}?)\s+)"
                       R"((?:for|until|while|as long|within)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    QRegularExpressionMatch chosen;
    for (auto it = passive.globalMatch(sentence); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!chosen.hasMatch() || m.capturedStart() < durationAt)
            chosen = m;
        if (m.capturedStart() >= durationAt)
            break;
    }
    if (chosen.hasMatch()) {
        const QString subject = cleanSubject(sentence.left(chosen.capturedStart()));
        if (!subject.isEmpty())
            return subject;
    }
    const QRegularExpressionMatch m = active.match(sentence);
    if (m.hasMatch())
        return cleanSubject(m.captured(1));
    QString s = sentence.trimmed();
    if (s.endsWith(u'.'))
        s.chop(1);
    return s;
}

} // namespace

void findRetention(QStringView text, const std::vector<TextRange>& sentences, Extraction& out)
{
    bool previousWasRetention = false;
    for (const TextRange& range : sentences) {
        const QString sentence = text.mid(range.pos, range.length).toString();
        const QString lower = sentence.toLower();
        bool anyRetention = false;
        const bool ownCue = retentionCue().match(lower).hasMatch();
        for (auto it = durationPattern().globalMatch(sentence); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const QString number = m.captured(3).toLower();
            if (number == u"a" || number == u"an") {
                // "for a year", never "once a year".
                static const QRegularExpression lengthBefore(QStringLiteral(
                    R"(\b(?:for|within|after|than|of|up to|to|least|most|over)\s*$)"));
                if (!lengthBefore.match(lower.left(m.capturedStart(3))).hasMatch())
                    continue;
            }
            const int n = numberValue(number);
            if (n <= 0)
                continue;
            const IsoDuration d = durationOf(n, m.capturedView(4));
            const TextRange at{range.pos + m.capturedStart(), m.capturedLength()};
            DurationUse use = useOf(lower, m.capturedStart(), m.capturedLength(), d.years > 0);
            // "(The default setting is 14 days.)" after a retention sentence:
            // a short sentence without a cue of its own continues it.
            if (use == DurationUse::Other && !ownCue && previousWasRetention &&
                sentence.size() < 80 && continuesPrevious(lower))
                use = DurationUse::Retention;
            if (use != DurationUse::Retention) {
                out.otherDurations.push_back({range, at, d, use});
                continue;
            }
            anyRetention = true;
            RetentionStatement s;
            s.sentence = range;
            s.durationRange = at;
            s.period = d;
            s.kind = RetentionKind::FixedPeriod;
            s.qualifier = m.capturedLength(1) > 0 || m.capturedLength(2) > 0
                              ? Qualifier::AtMost
                              : qualifierOf(lower, m.capturedStart());
            s.appliesTo = appliesTo(sentence, m.capturedStart());
            out.retention.push_back(s);
        }
        for (auto it = agePattern().globalMatch(sentence); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            IsoDuration d;
            d.years = m.captured(1).toInt();
            out.otherDurations.push_back({range,
                                          {range.pos + m.capturedStart(), m.capturedLength()},
                                          d,
                                          DurationUse::AgeLimit});
        }
        previousWasRetention = anyRetention || (ownCue && !isHeadingOrRight(lower));
        if (!anyRetention && ownCue && statesHowLong(lower) && !isHeadingOrRight(lower)) {
            RetentionStatement s;
            s.sentence = range;
            s.durationRange = {range.pos, 0};
            s.kind = kindWithoutPeriod(lower);
            s.appliesTo = appliesTo(sentence, sentence.size());
            out.retention.push_back(s);
        }
    }
    std::sort(
        out.otherDurations.begin(), out.otherDurations.end(),
        [](const OtherDuration& a, const OtherDuration& b) { return a.range.pos < b.range.pos; });
}

} // namespace workbench::policy::detail
