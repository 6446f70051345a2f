#include "SubprocessorList.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>
#include <array>
#include <functional>

namespace workbench {

namespace {

// Words at the end of a company name that say its legal form, its region or
// nothing at all: dropped from the end, as long as a word remains.
const QSet<QString>& trailingNoise()
{
    static const QSet<QString> words = [] {
        QSet<QString> w;
        for (const char* s :
             {// legal forms (dots are gone by now: "S.A.S." is "sas")
              "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "plc", "corp",
              "corporation", "co", "company", "gmbh", "mbh", "ag", "kg", "ug", "sa", "sas", "sarl",
              "srl", "spa", "bv", "nv", "oy", "ab", "as", "aps", "pte", "pty", "kk", "sl", "slu",
              "se", "sp", "z", "oo", "ulc", "pbc", "lda", "ltda", "sro", "holdings",
              // regions a vendor's entity carries ("Amazon Web Services EMEA SARL")
              "emea", "europe", "eu", "international", "intl", "global", "apac", "ireland", "uk",
              "us", "usa", "americas",
              // what is left of "GmbH & Co. KG"
              "and"})
            w.insert(QString::fromLatin1(s));
        return w;
    }();
    return words;
}

QString simplified(const QString& text)
{
    QString s = text.simplified().toLower();
    while (s.endsWith(u'.') || s.endsWith(u';'))
        s.chop(1);
    return s;
}

QStringList sortedUnique(QStringList list)
{
    list.removeDuplicates();
    list.sort();
    return list;
}

QString initialsOf(const QStringList& words)
{
    QString out;
    for (const QString& w : words)
        out += w.at(0);
    return out;
}

bool sameLocation(const SubprocessorEntry& a, const SubprocessorEntry& b)
{
    if (!a.countries.isEmpty() || !b.countries.isEmpty())
        return sortedUnique(a.countries) == sortedUnique(b.countries);
    return simplified(a.location) == simplified(b.location);
}

QString tr(const char* text)
{
    return QCoreApplication::translate("SubprocessorDiff", text);
}

} // namespace

QJsonObject SubprocessorEntry::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name}};
    if (!entity.isEmpty())
        o.insert(QStringLiteral("entity"), entity);
    if (!purpose.isEmpty())
        o.insert(QStringLiteral("purpose"), purpose);
    if (!location.isEmpty())
        o.insert(QStringLiteral("location"), location);
    if (!countries.isEmpty())
        o.insert(QStringLiteral("countries"), QJsonArray::fromStringList(countries));
    return o;
}

SubprocessorEntry SubprocessorEntry::fromJson(const QJsonObject& json)
{
    SubprocessorEntry e;
    e.name = json.value(QLatin1String("name")).toString();
    e.entity = json.value(QLatin1String("entity")).toString();
    e.purpose = json.value(QLatin1String("purpose")).toString();
    e.location = json.value(QLatin1String("location")).toString();
    for (const QJsonValue& c : json.value(QLatin1String("countries")).toArray())
        e.countries << c.toString();
    return e;
}

QJsonArray entriesToJson(const QList<SubprocessorEntry>& entries)
{
    QJsonArray a;
    for (const SubprocessorEntry& e : entries)
        a.append(e.toJson());
    return a;
}

QList<SubprocessorEntry> entriesFromJson(const QJsonArray& json)
{
    QList<SubprocessorEntry> out;
    for (const QJsonValue& v : json)
        out << SubprocessorEntry::fromJson(v.toObject());
    return out;
}

NameMatcher::NameMatcher(const QList<QStringList>& groups)
{
    for (int g = 0; g < groups.size(); ++g)
        for (const QString& name : groups[g])
            m_group.insert(key(name), g);
}

const NameMatcher& NameMatcher::standard()
{
    static const NameMatcher matcher = [] {
        QList<QStringList> groups;
        QFile f(QStringLiteral(":/vendorwatch/name-aliases.json"));
        if (f.open(QIODevice::ReadOnly)) {
            const QJsonArray all = QJsonDocument::fromJson(f.readAll())
                                       .object()
                                       .value(QLatin1String("groups"))
                                       .toArray();
            for (const QJsonValue& g : all) {
                QStringList names;
                for (const QJsonValue& n : g.toArray())
                    names << n.toString();
                groups << names;
            }
        }
        return NameMatcher(groups);
    }();
    return matcher;
}

QString NameMatcher::key(const QString& name)
{
    // Accents go (Sàrl, Société), then dots and apostrophes join what they
    // split (S.A.S., Macy's), "&" and "+" are "and", anything else not a
    // letter or digit separates words.
    QString text;
    for (const QChar ch : name.normalized(QString::NormalizationForm_KD)) {
        if (ch.isMark())
            continue;
        if (ch == u'.' || ch == u'\'' || ch == QChar(0x2019))
            continue;
        if (ch == u'&' || ch == u'+')
            text += QStringLiteral(" and ");
        else if (ch.isLetterOrNumber())
            text += ch.toLower();
        else
            text += u' ';
    }
    QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    if (words.size() > 1 && words.first() == u"the")
        words.removeFirst();
    while (words.size() > 1 && trailingNoise().contains(words.last()))
        words.removeLast();
    return words.join(u' ');
}

bool NameMatcher::matches(const QString& a, const QString& b) const
{
    const QString ka = key(a), kb = key(b);
    if (ka.isEmpty() || kb.isEmpty())
        return false;
    if (ka == kb)
        return true;
    // "Digital Ocean" and "DigitalOcean".
    QString ca = ka, cb = kb;
    if (ca.remove(u' ') == cb.remove(u' '))
        return true;
    const auto ga = m_group.constFind(ka), gb = m_group.constFind(kb);
    if (ga != m_group.cend() && gb != m_group.cend() && *ga == *gb)
        return true;
    // Initials: one word of 2 to 6 letters against a name of as many words.
    const QStringList wa = ka.split(u' '), wb = kb.split(u' ');
    auto initialsMatch = [](const QStringList& shortName, const QStringList& longName) {
        const QString& word = shortName.first();
        return shortName.size() == 1 && longName.size() >= 2 && word.size() >= 2 &&
               word.size() <= 6 && longName.size() == word.size() &&
               std::all_of(word.begin(), word.end(), [](QChar c) { return c.isLetter(); }) &&
               initialsOf(longName) == word;
    };
    return initialsMatch(wa, wb) || initialsMatch(wb, wa);
}

QString SubprocessorDiff::summary() const
{
    if (isEmpty())
        return tr("no change");
    return tr("%1 added, %2 removed, %3 changed")
        .arg(added.size())
        .arg(removed.size())
        .arg(changed.size());
}

QJsonObject SubprocessorDiff::toJson() const
{
    QJsonArray c;
    for (const SubprocessorChange& ch : changed)
        c.append(QJsonObject{{QStringLiteral("before"), ch.before.toJson()},
                             {QStringLiteral("after"), ch.after.toJson()},
                             {QStringLiteral("fields"), QJsonArray::fromStringList(ch.fields)}});
    return {{QStringLiteral("added"), entriesToJson(added)},
            {QStringLiteral("removed"), entriesToJson(removed)},
            {QStringLiteral("changed"), c}};
}

SubprocessorDiff SubprocessorDiff::fromJson(const QJsonObject& json)
{
    SubprocessorDiff d;
    d.added = entriesFromJson(json.value(QLatin1String("added")).toArray());
    d.removed = entriesFromJson(json.value(QLatin1String("removed")).toArray());
    for (const QJsonValue& v : json.value(QLatin1String("changed")).toArray()) {
        const QJsonObject o = v.toObject();
        SubprocessorChange ch;
        ch.before = SubprocessorEntry::fromJson(o.value(QLatin1String("before")).toObject());
        ch.after = SubprocessorEntry::fromJson(o.value(QLatin1String("after")).toObject());
        for (const QJsonValue& f : o.value(QLatin1String("fields")).toArray())
            ch.fields << f.toString();
        d.changed << ch;
    }
    return d;
}

SubprocessorDiff compareLists(const QList<SubprocessorEntry>& before,
                              const QList<SubprocessorEntry>& after, const NameMatcher& matcher)
{
    QList<int> partner(after.size(), -1); // after -> before
    QList<bool> taken(before.size(), false);
    // Closest first: the same name, then a name that matches (alias,
    // initials), then the entity of one against the name or entity of the
    // other; each entry is matched once.
    const std::array<std::function<bool(const SubprocessorEntry&, const SubprocessorEntry&)>, 3>
        passes{[](const SubprocessorEntry& o, const SubprocessorEntry& n) {
                   return NameMatcher::key(o.name) == NameMatcher::key(n.name);
               },
               [&](const SubprocessorEntry& o, const SubprocessorEntry& n) {
                   return matcher.matches(o.name, n.name);
               },
               [&](const SubprocessorEntry& o, const SubprocessorEntry& n) {
                   return (!o.entity.isEmpty() && (matcher.matches(o.entity, n.name) ||
                                                   matcher.matches(o.entity, n.entity))) ||
                          (!n.entity.isEmpty() && matcher.matches(o.name, n.entity));
               }};
    for (const auto& same : passes) {
        for (int n = 0; n < after.size(); ++n) {
            if (partner[n] >= 0)
                continue;
            for (int o = 0; o < before.size(); ++o) {
                if (!taken[o] && same(before[o], after[n])) {
                    partner[n] = o;
                    taken[o] = true;
                    break;
                }
            }
        }
    }
    SubprocessorDiff diff;
    for (int n = 0; n < after.size(); ++n) {
        if (partner[n] < 0) {
            diff.added << after[n];
            continue;
        }
        const SubprocessorEntry& o = before[partner[n]];
        const SubprocessorEntry& a = after[n];
        SubprocessorChange ch{o, a, {}};
        if (NameMatcher::key(o.name) != NameMatcher::key(a.name))
            ch.fields << QStringLiteral("name");
        // A detail one side does not give is not a change (a list without
        // an entity column, the registry that knows no purpose).
        if (!o.entity.isEmpty() && !a.entity.isEmpty() &&
            NameMatcher::key(o.entity) != NameMatcher::key(a.entity))
            ch.fields << QStringLiteral("entity");
        if (!o.purpose.isEmpty() && !a.purpose.isEmpty() &&
            simplified(o.purpose) != simplified(a.purpose))
            ch.fields << QStringLiteral("purpose");
        const bool bothPlaced = !(o.location.isEmpty() && o.countries.isEmpty()) &&
                                !(a.location.isEmpty() && a.countries.isEmpty());
        if (bothPlaced && !sameLocation(o, a))
            ch.fields << QStringLiteral("location");
        if (!ch.fields.isEmpty())
            diff.changed << ch;
    }
    for (int o = 0; o < before.size(); ++o)
        if (!taken[o])
            diff.removed << before[o];
    return diff;
}

} // namespace workbench
