#include "PolicyExtract.h"

#include "ExtractParts.h"
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

// Is the word right before `pos` (one blank between) capitalised, and not the
// first word of its sentence?
bool capitalisedWordBefore(QStringView text, qsizetype pos)
{
    if (pos < 2 || text[pos - 1] != u' ' || !text[pos - 2].isLetter())
        return false;
    qsizetype start = pos - 2;
    while (start > 0 && text[start - 1].isLetter())
        --start;
    if (!text[start].isUpper())
        return false;
    qsizetype before = start;
    while (before > 0 && text[before - 1] == u' ')
        --before;
    return before > 0 && text[before - 1] != u'.' && text[before - 1] != u'\n' &&
           text[before - 1] != u'*' && text[before - 1] != u'-';
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
    case RetentionKind::NotRetained:
        return QStringLiteral("not_retained");
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
    // Names inside link targets and URLs are not named in the text.
    const QString masked = detail::maskLinks(text);
    const detail::Owner owner = detail::detectOwner(text, masked, out.sentences);
    out.owner = owner.names;
    auto roleOf = [&](const TextRange& sentence, const QString& fallback) {
        const QString role = detail::roleFromSentence(text.mid(sentence.pos, sentence.length));
        return role.isEmpty() ? fallback : role;
    };

    for (const NameMatcher::Hit& hit : names.find(masked)) {
        ProcessorMention m;
        m.range = hit.range;
        m.matched = text.mid(hit.range.pos, hit.range.length).toString();
        m.sentence = sentenceAt(hit.range.pos);
        m.known = true;
        if (hit.processor >= 0) {
            const Processor& p = registry[hit.processor];
            m.name = p.name;
            m.processorId = p.id;
            if (catalogue)
                m.category = catalogue->categoryOf(p);
        } else if (catalogue) {
            if (owner.owns(m.matched))
                continue; // the policy's own brand in the catalogue
            const CatalogueEntry& e = catalogue->entries()[hit.catalogueEntry];
            // A name that is also a word, inside a longer proper name
            // ("Fitzwilliam Square"), is not the vendor.
            if (e.matchCase && capitalisedWordBefore(masked, hit.range.pos))
                continue;
            const QStringView sentence = text.mid(m.sentence.pos, m.sentence.length);
            if (detail::isAdvice(sentence) || detail::isSelfHosted(sentence))
                continue;
            m.name = e.name;
            m.category = e.category;
        }
        const ProcessorCategory* category = catalogue ? catalogue->category(m.category) : nullptr;
        m.role = roleOf(m.sentence, category ? category->label : QStringLiteral("recipient"));
        out.processors.push_back(m);
    }

    // Organisations the catalogue and the registry do not know, from the
    // sentence around them.
    const std::vector<ProcessorMention> known = out.processors;
    for (const detail::FoundOrganisation& f :
         detail::findOrganisations(masked, out.sentences, owner)) {
        const bool overlaps =
            std::any_of(known.begin(), known.end(), [&](const ProcessorMention& k) {
                return k.range.pos < f.range.end() && f.range.pos < k.range.end();
            });
        if (overlaps)
            continue;
        ProcessorMention m;
        m.range = f.range;
        m.matched = text.mid(f.range.pos, f.range.length).toString().simplified();
        m.name = m.matched;
        m.sentence = f.sentence;
        m.affiliate = f.affiliate;
        m.role = f.affiliate ? QStringLiteral("parent or affiliate")
                             : roleOf(f.sentence, QStringLiteral("recipient"));
        out.processors.push_back(m);
    }
    std::sort(out.processors.begin(), out.processors.end(),
              [](const ProcessorMention& a, const ProcessorMention& b) {
                  return a.range.pos < b.range.pos;
              });

    detail::findRetention(text, out.sentences, out);
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
        json.field(u"role", m.role);
        json.key(u"known");
        json.value(m.known);
        json.key(u"affiliate");
        json.value(m.affiliate);
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
    json.key(u"owner");
    json.beginArray();
    for (const QString& name : owner)
        json.value(name);
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
