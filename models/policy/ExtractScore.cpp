#include "ExtractScore.h"

#include "ExtractParts.h"
#include "ProcessorCatalogue.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace workbench::policy {

namespace {

double ratio(int part, int whole)
{
    return whole == 0 ? 1.0 : double(part) / double(whole);
}

// The text with every run of blanks made one space, and where each of its
// characters came from (the labels quote the text that way).
struct Normalised
{
    QString text;
    std::vector<qsizetype> origin;
};

Normalised normalise(QStringView text)
{
    Normalised n;
    n.text.reserve(text.size());
    bool blank = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isSpace()) {
            if (!blank) {
                n.text += u' ';
                n.origin.push_back(i);
            }
            blank = true;
            continue;
        }
        blank = false;
        n.text += text[i];
        n.origin.push_back(i);
    }
    n.origin.push_back(text.size());
    return n;
}

// Where the label's quote is in the text (empty when it is not).
TextRange locate(const Normalised& n, const QString& quote)
{
    const QString q = quote.simplified();
    const qsizetype at = q.isEmpty() ? -1 : n.text.indexOf(q);
    if (at < 0)
        return {0, 0};
    const qsizetype from = n.origin[size_t(at)];
    const qsizetype to = n.origin[size_t(at + q.size() - 1)] + 1;
    return {from, to - from};
}

bool overlaps(const TextRange& a, const TextRange& b)
{
    return a.length > 0 && b.length > 0 && a.pos < b.end() && b.pos < a.end();
}

struct Label
{
    QStringList names; // normalised name and aliases
    enum Kind
    {
        Clear,
        Neutral
    } kind;
    QString display;
};

QList<Label> labelledNames(const QJsonObject& labels)
{
    QList<Label> out;
    auto add = [&out](const QJsonValue& v, Label::Kind kind) {
        Label l;
        l.display = v[QLatin1String("name")].toString();
        l.names << detail::normalisedName(l.display);
        for (const QJsonValue& a : v[QLatin1String("aliases")].toArray())
            l.names << detail::normalisedName(a.toString());
        l.kind = kind;
        out << l;
    };
    for (const QJsonValue& v : labels[QLatin1String("third_parties")].toArray())
        add(v,
            v[QLatin1String("confidence")].toString() == u"clear" ? Label::Clear : Label::Neutral);
    for (const QJsonValue& v : labels[QLatin1String("affiliates")].toArray())
        add(v, Label::Neutral);
    return out;
}

} // namespace

double ExtractScore::processorRecall() const
{
    return ratio(clearFound, clearTotal);
}
double ExtractScore::processorPrecision() const
{
    return ratio(namesRight, namesRight + namesWrong);
}
double ExtractScore::retentionRecall() const
{
    return ratio(periodsFound, periodsLabelled);
}
double ExtractScore::retentionPrecision() const
{
    return ratio(periodsRight, periodsReported);
}

ExtractScore& ExtractScore::operator+=(const ExtractScore& o)
{
    clearTotal += o.clearTotal;
    clearFound += o.clearFound;
    namesReported += o.namesReported;
    namesRight += o.namesRight;
    namesNeutral += o.namesNeutral;
    namesWrong += o.namesWrong;
    periodsLabelled += o.periodsLabelled;
    periodsFound += o.periodsFound;
    periodsReported += o.periodsReported;
    periodsRight += o.periodsRight;
    notRetentionAsRetention += o.notRetentionAsRetention;
    for (const QString& s : o.missedNames)
        missedNames << o.service + u": " + s;
    for (const QString& s : o.wrongNames)
        wrongNames << o.service + u": " + s;
    for (const QString& s : o.missedPeriods)
        missedPeriods << o.service + u": " + s;
    for (const QString& s : o.wrongPeriods)
        wrongPeriods << o.service + u": " + s;
    return *this;
}

ExtractScore scoreExtraction(const QJsonObject& labels, QStringView text, const Extraction& ex)
{
    ExtractScore score;
    score.service = labels[QLatin1String("service")].toString();
    score.owner = ex.owner;

    // Processors: each reported name once, by what the text wrote and by
    // the canonical name.
    const QList<Label> names = labelledNames(labels);
    std::vector<bool> found(size_t(names.size()), false);
    QSet<QString> seen;
    for (const ProcessorMention& m : ex.processors) {
        const QString key = detail::normalisedName(m.name);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        const QStringList forms{key, detail::normalisedName(m.matched)};
        // A name of a clear third party wins over a neutral one.
        int match = -1;
        for (int i = 0; i < names.size(); ++i)
            for (const QString& f : forms)
                if (names[i].names.contains(f)) {
                    found[size_t(i)] = true;
                    if (match < 0 || names[i].kind == Label::Clear)
                        match = i;
                }
        ++score.namesReported;
        if (match < 0) {
            ++score.namesWrong;
            score.wrongNames
                << m.name + u"  <- \"" +
                       text.mid(m.sentence.pos, m.sentence.length).left(110).toString() + u'"';
        } else if (names[match].kind == Label::Clear) {
            ++score.namesRight;
        } else {
            ++score.namesNeutral;
        }
    }
    for (int i = 0; i < names.size(); ++i) {
        if (names[i].kind != Label::Clear)
            continue;
        ++score.clearTotal;
        if (found[size_t(i)])
            ++score.clearFound;
        else
            score.missedNames << names[i].display;
    }

    // Retention periods.
    const Normalised n = normalise(text);
    std::vector<TextRange> labelledRetention;
    QStringList labelledQuotes;
    for (const QJsonValue& r : labels[QLatin1String("retention")].toArray()) {
        const TextRange at = locate(n, r[QLatin1String("quote")].toString());
        labelledQuotes << r[QLatin1String("quote")].toString().simplified();
        labelledRetention.push_back(at);
        const QString iso = r[QLatin1String("duration_iso8601")].toString();
        if (iso.isEmpty())
            continue;
        QStringList accepted{iso};
        for (const QJsonValue& a : r[QLatin1String("alternatives")].toArray())
            accepted << a.toString();
        ++score.periodsLabelled;
        bool hit = false;
        for (const RetentionStatement& s : ex.retention)
            hit = hit ||
                  (s.period && overlaps(s.sentence, at) && accepted.contains(s.period->toIso()));
        if (hit)
            ++score.periodsFound;
        else
            score.missedPeriods << iso + u" \"" + r[QLatin1String("quote")].toString().left(90) +
                                       u'"';
    }
    for (const RetentionStatement& s : ex.retention) {
        if (!s.period)
            continue;
        ++score.periodsReported;
        // A sentence the text repeats is labelled once.
        const QString sentence =
            text.mid(s.sentence.pos, s.sentence.length).toString().simplified();
        const bool right =
            std::any_of(labelledRetention.begin(), labelledRetention.end(),
                        [&](const TextRange& r) { return overlaps(r, s.sentence); }) ||
            std::any_of(labelledQuotes.begin(), labelledQuotes.end(), [&](const QString& q) {
                return sentence.contains(q) || q.contains(sentence);
            });
        if (right)
            ++score.periodsRight;
        else
            score.wrongPeriods
                << s.period->toIso() + u" \"" +
                       text.mid(s.sentence.pos, s.sentence.length).left(90).toString() + u'"';
    }
    for (const QJsonValue& d : labels[QLatin1String("not_retention_durations")].toArray()) {
        if (d[QLatin1String("duration_iso8601")].isNull())
            continue;
        const TextRange at = locate(n, d[QLatin1String("quote")].toString());
        for (const RetentionStatement& s : ex.retention)
            if (s.period && overlaps(s.durationRange, at)) {
                ++score.notRetentionAsRetention;
                score.wrongPeriods << u"not retention: " + s.period->toIso() + u" \"" +
                                          d[QLatin1String("quote")].toString().left(90) + u'"';
            }
    }
    return score;
}

Result<QList<ExtractScore>> scoreLabelledSet(const QString& dir,
                                             const ProcessorCatalogue* catalogue)
{
    const QDir root(dir);
    const QStringList files = QDir(root.filePath(QStringLiteral("labels")))
                                  .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return Error{QStringLiteral("%1: no label files in labels/").arg(dir)};
    const NameMatcher names({}, catalogue);
    QList<ExtractScore> out;
    for (const QString& f : files) {
        const QString path = root.filePath(QStringLiteral("labels/") + f);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("%1: %2").arg(path, file.errorString())};
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (!doc.isObject())
            return Error{QStringLiteral("%1: not a JSON object (%2 at byte %3)")
                             .arg(path, error.errorString())
                             .arg(error.offset)};
        const QJsonObject labels = doc.object();
        const QString document = labels[QLatin1String("document")].toString();
        if (document.isEmpty())
            return Error{QStringLiteral("%1: no \"document\"").arg(path)};
        auto text = readPolicyFile(root.filePath(document));
        if (!text)
            return Error{text.error()};
        const Extraction ex = extract(text.value(), names, {}, catalogue);
        out << scoreExtraction(labels, text.value(), ex);
    }
    return out;
}

void printScores(QTextStream& out, const QList<ExtractScore>& scores, bool details)
{
    auto row = [&out](const ExtractScore& s) {
        out << qSetFieldWidth(14) << Qt::left << s.service << qSetFieldWidth(0) << Qt::right
            << QStringLiteral("%1/%2").arg(s.clearFound).arg(s.clearTotal).rightJustified(7)
            << QString::number(s.processorRecall(), 'f', 2).rightJustified(7)
            << QStringLiteral("%1/%2")
                   .arg(s.namesRight)
                   .arg(s.namesRight + s.namesWrong)
                   .rightJustified(8)
            << QString::number(s.processorPrecision(), 'f', 2).rightJustified(7)
            << QString::number(s.namesNeutral).rightJustified(8)
            << QStringLiteral("%1/%2").arg(s.periodsFound).arg(s.periodsLabelled).rightJustified(8)
            << QString::number(s.retentionRecall(), 'f', 2).rightJustified(7)
            << QStringLiteral("%1/%2").arg(s.periodsRight).arg(s.periodsReported).rightJustified(8)
            << QString::number(s.retentionPrecision(), 'f', 2).rightJustified(7)
            << QString::number(s.notRetentionAsRetention).rightJustified(8) << '\n';
    };
    out << "                 processors: recall   precision   neutral    retention periods: recall"
           "   precision  not-ret\n";
    ExtractScore total;
    total.service = QStringLiteral("TOTAL");
    for (const ExtractScore& s : scores) {
        row(s);
        total += s;
    }
    row(total);
    if (!details)
        return;
    auto list = [&out](const char* title, const QStringList& items) {
        if (items.isEmpty())
            return;
        out << title << '\n';
        for (const QString& i : items)
            out << "  " << i << '\n';
    };
    for (const ExtractScore& s : scores)
        out << "Owner of " << s.service << ": " << s.owner.join(QStringLiteral(" | ")) << '\n';
    list("Missed names:", total.missedNames);
    list("Wrong names:", total.wrongNames);
    list("Missed periods:", total.missedPeriods);
    list("Wrong periods:", total.wrongPeriods);
}

} // namespace workbench::policy
