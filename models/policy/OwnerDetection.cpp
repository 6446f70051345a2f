#include "ExtractParts.h"

#include <QHash>
#include <QRegularExpression>

namespace workbench::policy::detail {

namespace {

QString firstWord(const QString& normalised)
{
    QString w = normalised.section(u' ', 0, 0);
    // "twitch.tv" -> "twitch"
    const qsizetype dot = w.indexOf(u'.');
    if (dot > 0)
        w.truncate(dot);
    return w;
}

QString compact(QStringView s)
{
    QString out;
    for (QChar c : s)
        if (c.isLetterOrNumber())
            out += c.toLower();
    return out;
}

// The domain most of the policy's own links point to ("pinterest" for
// help.pinterest.com and www.pinterest.com).
QString ownDomain(QStringView text)
{
    static const QRegularExpression url(
        QStringLiteral(R"((?:https?://|www\.)([\w-]+(?:\.[\w-]+)+))"),
        QRegularExpression::CaseInsensitiveOption);
    QHash<QString, int> counts;
    int total = 0;
    for (auto it = url.globalMatch(text); it.hasNext();) {
        QStringList labels = it.next().captured(1).toLower().split(u'.');
        labels.removeLast(); // the top-level domain
        if (labels.size() > 1 && labels.last().size() <= 3 &&
            (labels.last() == u"co" || labels.last() == u"com" || labels.last() == u"org"))
            labels.removeLast(); // example.co.uk
        if (labels.isEmpty())
            continue;
        const QString label = labels.last();
        if (label.size() < 3 || label == u"www")
            continue;
        ++counts[label];
        ++total;
    }
    QString best;
    int bestCount = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > bestCount || (it.value() == bestCount && it.key() < best)) {
            best = it.key();
            bestCount = it.value();
        }
    if (bestCount >= 3 && bestCount * 3 >= total)
        return best;
    return {};
}

// The capitalised word the text uses most, when it clearly leads ("Pinterest"
// 300 times, the next 40): the brand of a policy that defines no "we".
QString leadingWord(QStringView masked)
{
    static const QRegularExpression word(QStringLiteral(R"((?<=[a-z,] )([A-Z][\w]{2,}))"));
    QHash<QString, int> counts;
    for (auto it = word.globalMatch(masked); it.hasNext();) {
        const QString w = it.next().captured(1);
        if (!isNotAnOrganisation(w))
            ++counts[w];
    }
    QString best;
    int first = 0;
    int second = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > first) {
            second = first;
            first = it.value();
            best = it.key();
        } else if (it.value() > second) {
            second = it.value();
        }
    }
    return first >= 10 && first >= 2 * second ? best : QString();
}

} // namespace

bool Owner::owns(QStringView name) const
{
    const QString n = normalisedName(name);
    if (n.isEmpty())
        return false;
    for (const QString& s : stems)
        if (n == s || n.startsWith(s + u' '))
            return true;
    if (brands.contains(firstWord(n)))
        return true;
    const QString c = compact(n);
    for (const QString& b : brands)
        if (b.size() >= 5 && c.startsWith(b))
            return true;
    return false;
}

Owner detectOwner(QStringView text, QStringView masked, const std::vector<TextRange>& sentences)
{
    Owner owner;
    auto add = [&owner](QStringView name) {
        if (name.isEmpty() || isNotAnOrganisation(name))
            return;
        const QString n = normalisedName(name);
        if (n.size() < 2 || owner.stems.contains(n))
            return;
        owner.names << name.toString();
        owner.stems << n;
        const QString first = firstWord(n);
        if (first.size() >= 3)
            owner.brands.insert(first);
    };

    // "Quora, Inc. and its affiliates (collectively “Quora,” “we” or “us”)",
    // "**Company** (referred to as “the Company,” “we” ...) refers to X and
    // its subsidiary Y (collectively, “Z”)": every company name in the
    // sentence that defines "we" is the owner's.
    static const QRegularExpression definesWe(
        QStringLiteral(R"(\([^()]{0,160}?["“”'‘*]\s*(?:we|us|our|wir|uns|nous)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression quoted(
        QStringLiteral(R"([“"‘']\**([A-Z][\w.&+-]*(?:\s[A-Z][\w.&+-]*){0,3})[,.]?\**[”"’'])"));
    static const QRegularExpression suffix(QStringLiteral(
        R"(,?\s(?:Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|GmbH|AG|B\.V\.|N\.V\.|)"
        R"(S\.A\.|SAS|SARL|plc|Corp\.?|Corporation|LLP|Pty Ltd|Pte\.? Ltd\.?|AB)(?!\w))"));
    int definitions = 0;
    for (const TextRange& r : sentences) {
        if (definitions >= 3)
            break;
        const QStringView s = masked.mid(r.pos, r.length);
        const QRegularExpressionMatch def = definesWe.match(s);
        if (!def.hasMatch())
            continue;
        ++definitions;
        const TextRange before = namePhraseBefore(s, def.capturedStart());
        if (before.length)
            add(s.mid(before.pos, before.length));
        for (auto it = quoted.globalMatch(s); it.hasNext();)
            add(it.next().capturedView(1));
        for (auto it = suffix.globalMatch(s); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const TextRange name = namePhraseBefore(s, m.capturedEnd());
            if (name.length)
                add(s.mid(name.pos, name.length));
        }
    }

    // "Spotify Privacy Policy", "This Quora Privacy Policy", "Twitch.tv
    // Privacy Notice", "Datenschutzerklärung der X GmbH".
    static const QRegularExpression title(
        QStringLiteral(R"(\b(?:Privacy (?:Policy|Notice|Statement)|Datenschutzerklärung|)"
                       R"(Datenschutzhinweise|Politique de confidentialité)\b)"));
    int titles = 0;
    for (auto it = title.globalMatch(masked); it.hasNext() && titles < 5;) {
        const QRegularExpressionMatch m = it.next();
        const TextRange name = namePhraseBefore(masked, m.capturedStart());
        if (name.length && name.end() >= m.capturedStart() - 1) {
            add(masked.mid(name.pos, name.length));
            ++titles;
        }
    }

    // "© 2024 Example Ltd", "Copyright (c) Example".
    static const QRegularExpression copyright(QStringLiteral(
        R"((?:©|\(c\)|Copyright)\s*(?:\(c\)\s*|©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?)"));
    for (auto it = copyright.globalMatch(masked); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const TextRange name = namePhraseAt(masked, m.capturedEnd());
        if (name.length)
            add(masked.mid(name.pos, name.length));
    }

    // The domain of the policy's own links.
    const QString domain = ownDomain(text);
    if (!domain.isEmpty()) {
        owner.brands.insert(compact(domain));
        owner.names << domain;
    }
    if (owner.brands.isEmpty())
        add(leadingWord(masked));
    return owner;
}

} // namespace workbench::policy::detail
