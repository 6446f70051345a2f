#include "PolicyExtract.h"

#include "JsonWriter.h"
#include "ProcessorCatalogue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>
#include <algorithm>

namespace workbench::policy {

// ------------------------------------------------------------------ names

namespace {

QString firstWordFolded(QStringView text, qsizetype from = 0)
{
    qsizetype end = from;
    while (end < text.size() && isWordChar(text[end]))
        ++end;
    return text.mid(from, end - from).toString().toCaseFolded();
}

} // namespace

NameMatcher::NameMatcher(const QList<Processor>& registry, const ProcessorCatalogue* catalogue,
                         const QStringList& ignoredNames)
{
    auto add = [this](const QString& text, bool matchCase, int processor, int entry) {
        const QString t = text.trimmed();
        if (t.isEmpty() || !isWordChar(t.front()))
            return;
        m_variants.push_back({t, matchCase, processor, entry});
        m_byFirstWord.insert(firstWordFolded(t), int(m_variants.size()) - 1);
    };
    for (int i = 0; i < registry.size(); ++i) {
        add(registry[i].name, false, i, -1);
        for (const QString& alias : registry[i].aliases)
            add(alias, false, i, -1);
    }
    if (!catalogue)
        return;
    const QList<CatalogueEntry>& entries = catalogue->entries();
    for (int i = 0; i < entries.size(); ++i) {
        const CatalogueEntry& e = entries[i];
        if (ignoredNames.contains(e.name, Qt::CaseInsensitive))
            continue;
        add(e.name, e.matchCase, -1, i);
        for (const QString& alias : e.aliases)
            if (!ignoredNames.contains(alias, Qt::CaseInsensitive))
                add(alias, e.matchCase, -1, i);
    }
}

std::vector<NameMatcher::Hit> NameMatcher::find(QStringView text) const
{
    struct Candidate
    {
        Hit hit;
        bool registry;
    };
    std::vector<Candidate> candidates;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (!isWordChar(text[i]) || (i > 0 && isWordChar(text[i - 1])))
            continue;
        const QString word = firstWordFolded(text, i);
        for (auto it = m_byFirstWord.constFind(word);
             it != m_byFirstWord.cend() && it.key() == word; ++it) {
            const Variant& v = m_variants[size_t(it.value())];
            const qsizetype end = i + v.text.size();
            if (end > n || text.mid(i, v.text.size())
                                   .compare(v.text, v.matchCase ? Qt::CaseSensitive
                                                                : Qt::CaseInsensitive) != 0)
                continue;
            if (end < n && isWordChar(text[end]) && isWordChar(v.text.back()))
                continue;
            candidates.push_back(
                {{{i, v.text.size()}, v.processor, v.catalogueEntry}, v.processor >= 0});
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.hit.range.pos != b.hit.range.pos)
            return a.hit.range.pos < b.hit.range.pos;
        if (a.hit.range.length != b.hit.range.length)
            return a.hit.range.length > b.hit.range.length;
        return a.registry > b.registry;
    });
    std::vector<Hit> hits;
    qsizetype covered = 0;
    for (const Candidate& c : candidates) {
        if (c.hit.range.pos < covered)
            continue;
        hits.push_back(c.hit);
        covered = c.hit.range.end();
    }
    return hits;
}

// ------------------------------------------------------------- durations

QString durationUseName(DurationUse use)
{
    switch (use) {
    case DurationUse::Retention:
        return QStringLiteral("retention");
    case DurationUse::ResponseDeadline:
        return QStringLiteral("response_deadline");
    case DurationUse::NoticePeriod:
        return QStringLiteral("notice_period");
    case DurationUse::AgeLimit:
        return QStringLiteral("age_limit");
    case DurationUse::LookBack:
        return QStringLiteral("look_back");
    case DurationUse::Other:
        break;
    }
    return QStringLiteral("other");
}

QString retentionKindName(RetentionKind kind)
{
    switch (kind) {
    case RetentionKind::FixedPeriod:
        return QStringLiteral("fixed_period");
    case RetentionKind::AccountLifetime:
        return QStringLiteral("account_lifetime");
    case RetentionKind::LegalHold:
        return QStringLiteral("legal_hold");
    case RetentionKind::PurposeBound:
        return QStringLiteral("purpose_bound");
    case RetentionKind::UntilUserDeletes:
        return QStringLiteral("until_user_deletes");
    case RetentionKind::Unspecified:
        break;
    }
    return QStringLiteral("unspecified");
}

QString qualifierName(Qualifier q)
{
    switch (q) {
    case Qualifier::Exact:
        return QStringLiteral("exact");
    case Qualifier::AtMost:
        return QStringLiteral("max");
    case Qualifier::Approximately:
        break;
    }
    return QStringLiteral("approx");
}

namespace {

const QRegularExpression& durationPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"((?<![\w.])(\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|)"
                       R"(eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|)"
                       R"(twenty-four|thirty|forty-five|sixty|ninety)(?:\s+|-)(?:(?:calendar|)"
                       R"(business|working)\s+)?(hour|day|week|month|year)s?\b)"),
        QRegularExpression::CaseInsensitiveOption);
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

int numberValue(const QString& word)
{
    bool ok = false;
    const int n = word.toInt(&ok);
    if (ok)
        return n;
    static const QHash<QString, int> words = {
        {QStringLiteral("one"), 1},          {QStringLiteral("two"), 2},
        {QStringLiteral("three"), 3},        {QStringLiteral("four"), 4},
        {QStringLiteral("five"), 5},         {QStringLiteral("six"), 6},
        {QStringLiteral("seven"), 7},        {QStringLiteral("eight"), 8},
        {QStringLiteral("nine"), 9},         {QStringLiteral("ten"), 10},
        {QStringLiteral("eleven"), 11},      {QStringLiteral("twelve"), 12},
        {QStringLiteral("thirteen"), 13},    {QStringLiteral("fourteen"), 14},
        {QStringLiteral("fifteen"), 15},     {QStringLiteral("sixteen"), 16},
        {QStringLiteral("eighteen"), 18},    {QStringLiteral("twenty"), 20},
        {QStringLiteral("twenty-four"), 24}, {QStringLiteral("thirty"), 30},
        {QStringLiteral("forty-five"), 45},  {QStringLiteral("sixty"), 60},
        {QStringLiteral("ninety"), 90}};
    return words.value(word.toLower(), 0);
}

IsoDuration durationOf(int n, QStringView unit)
{
    IsoDuration d;
    const QString u = unit.toString().toLower();
    if (u == QLatin1String("hour"))
        d.hours = n;
    else if (u == QLatin1String("day"))
        d.days = n;
    else if (u == QLatin1String("week"))
        d.weeks = n;
    else if (u == QLatin1String("month"))
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
        QStringLiteral(R"(\b(retain\w*|retention|keep|keeps|kept|store|stores|stored|storing|)"
                       R"(delet\w*|purg\w*|eras\w*|remov\w*|anonymi[sz]\w*|aggregated|expir\w*|)"
                       R"(destroy\w*)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Words that make a sentence about storing also one about how long.
bool statesHowLong(const QString& lower)
{
    static const QRegularExpression strong(
        QStringLiteral(R"(\b(retain\w*|retention|delet\w*|purg\w*|eras\w*|expir\w*|anonymi[sz]\w*|)"
                       R"(destroy\w*|removed)\b)"));
    static const QRegularExpression time(QStringLiteral(
        R"(\b(temporarily|permanently|as long as|while|lifetime|until|after|no longer than)\b)"));
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
    if (containsAny(before, {"past ", "last ", "previous ", "preceding ", "prior "}))
        return DurationUse::LookBack;
    if (years &&
        (after.startsWith(QLatin1String(" old")) || after.startsWith(QLatin1String(" of age")) ||
         containsAny(before, {"age of", "aged", "under ", "children", "minors"})))
        return DurationUse::AgeLimit;
    if (containsAny(lower, {"take effect", "takes effect", "notice", "notify", "notif",
                            "in advance", "before the change"}))
        return DurationUse::NoticePeriod;
    if (containsAny(lower, {"respond", "response", "reply", "acknowledg", "answer"}))
        return DurationUse::ResponseDeadline;
    if (retentionCue().match(lower).hasMatch())
        return DurationUse::Retention;
    return DurationUse::Other;
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
    if (containsAny(lower,
                    {"as long as your account", "while the account", "while your account",
                     "lifetime of your account", "account is active", "account remains active"}))
        return RetentionKind::AccountLifetime;
    if (containsAny(lower, {"until you delete", "until deleted by you", "until you remove"}))
        return RetentionKind::UntilUserDeletes;
    if (containsAny(lower, {"legal", "accounting obligation", "required by law", "tax"}))
        return RetentionKind::LegalHold;
    if (containsAny(lower, {"after training", "as long as necessary", "no longer than necessary",
                            "for the purpose", "after processing", "once processing"}))
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

Extraction extract(QStringView text, const NameMatcher& names, const QList<Processor>& registry,
                   const ProcessorCatalogue* catalogue)
{
    Extraction out;
    out.sentences = splitSentences(text);
    auto sentenceAt = [&out](qsizetype pos) {
        auto it = std::upper_bound(out.sentences.begin(), out.sentences.end(), pos,
                                   [](qsizetype p, const TextRange& s) { return p < s.pos; });
        if (it != out.sentences.begin() && std::prev(it)->contains(pos))
            return *std::prev(it);
        return TextRange{pos, 0};
    };

    for (const NameMatcher::Hit& hit : names.find(text)) {
        ProcessorMention m;
        m.range = hit.range;
        m.matched = text.mid(hit.range.pos, hit.range.length).toString();
        m.sentence = sentenceAt(hit.range.pos);
        if (hit.processor >= 0) {
            const Processor& p = registry[hit.processor];
            m.name = p.name;
            m.processorId = p.id;
            if (catalogue)
                m.category = catalogue->categoryOf(p);
        } else if (catalogue) {
            const CatalogueEntry& e = catalogue->entries()[hit.catalogueEntry];
            m.name = e.name;
            m.category = e.category;
        }
        out.processors.push_back(m);
    }

    for (const TextRange& range : out.sentences) {
        const QString sentence = text.mid(range.pos, range.length).toString();
        const QString lower = sentence.toLower();
        bool anyRetention = false;
        for (auto it = durationPattern().globalMatch(sentence); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const int n = numberValue(m.captured(1));
            if (n <= 0)
                continue;
            const IsoDuration d = durationOf(n, m.capturedView(2));
            const TextRange at{range.pos + m.capturedStart(), m.capturedLength()};
            const DurationUse use =
                useOf(lower, m.capturedStart(), m.capturedLength(), d.years > 0);
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
            s.qualifier = qualifierOf(lower, m.capturedStart());
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
        if (!anyRetention && retentionCue().match(lower).hasMatch() && statesHowLong(lower) &&
            !isHeadingOrRight(lower)) {
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
    return out;
}

void Extraction::writeJsonMembers(JsonWriter& json, QStringView text) const
{
    // A quote is written straight from the text, never copied into a tree.
    auto quote = [text](const TextRange& r) {
        return text.mid(r.pos, r.length);
    };
    json.key(u"processors");
    json.beginArray();
    for (const ProcessorMention& m : processors) {
        json.beginObject();
        json.field(u"name", m.name);
        json.field(u"matched", m.matched);
        json.field(u"offset", m.range.pos);
        json.field(u"length", m.range.length);
        json.key(u"processor_id");
        if (m.processorId.isEmpty())
            json.null();
        else
            json.value(m.processorId);
        json.field(u"category", m.category);
        json.field(u"sentence", quote(m.sentence));
        json.endObject();
    }
    json.endArray();
    json.key(u"retention");
    json.beginArray();
    for (const RetentionStatement& s : retention) {
        json.beginObject();
        json.field(u"quote", quote(s.sentence));
        json.field(u"offset", s.sentence.pos);
        json.field(u"length", s.sentence.length);
        if (s.period) {
            json.field(u"duration_iso8601", s.period->toIso());
            json.field(u"duration_text", quote(s.durationRange));
            json.field(u"duration_offset", s.durationRange.pos);
        } else {
            for (const char16_t* name :
                 {u"duration_iso8601", u"duration_text", u"duration_offset"}) {
                json.key(name);
                json.null();
            }
        }
        json.field(u"kind", retentionKindName(s.kind));
        json.key(u"qualifier");
        if (s.period)
            json.value(qualifierName(s.qualifier));
        else
            json.null();
        json.field(u"applies_to", s.appliesTo);
        json.endObject();
    }
    json.endArray();
    json.key(u"not_retention_durations");
    json.beginArray();
    for (const OtherDuration& d : otherDurations) {
        json.beginObject();
        json.field(u"quote", quote(d.sentence));
        json.field(u"text", quote(d.range));
        json.field(u"offset", d.range.pos);
        json.field(u"length", d.range.length);
        json.key(u"duration_iso8601");
        if (d.duration)
            json.value(d.duration->toIso());
        else
            json.null();
        json.field(u"what_it_is", durationUseName(d.use));
        json.endObject();
    }
    json.endArray();
    json.field(u"offsets", u"UTF-16 code units");
}

void Extraction::writeJson(QTextStream& out, QStringView text) const
{
    JsonWriter json(out);
    json.beginObject();
    writeJsonMembers(json, text);
    json.endObject();
}

QJsonObject Extraction::toJson(QStringView text) const
{
    return writtenObject([&](QTextStream& out) { writeJson(out, text); });
}

} // namespace workbench::policy
