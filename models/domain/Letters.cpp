#include "Letters.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace workbench {

const std::array<EnumEntry<LetterKind>, 6> EnumTraits<LetterKind>::entries{{
    {LetterKind::Acknowledgement, "acknowledgement",
     QT_TRANSLATE_NOOP("Vocabulary", "Acknowledgement of receipt")},
    {LetterKind::Identity, "identity", QT_TRANSLATE_NOOP("Vocabulary", "Request for identity")},
    {LetterKind::Extension, "extension", QT_TRANSLATE_NOOP("Vocabulary", "Extension notice")},
    {LetterKind::Refusal, "refusal", QT_TRANSLATE_NOOP("Vocabulary", "Refusal")},
    {LetterKind::Completion, "completion", QT_TRANSLATE_NOOP("Vocabulary", "Completion")},
    {LetterKind::ProcessorNotice, "processor-notice",
     QT_TRANSLATE_NOOP("Vocabulary", "Notice to a processor (Art. 19)")},
}};

namespace {

// {{name}}: lower-case letters, digits and underscores.
const QRegularExpression& placeholderPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(\{\{([a-z0-9_]+)\}\})"));
    return re;
}

// "%1" … "%99": QString::arg() markers nothing here fills.
const QRegularExpression& argPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(%\d{1,2})"));
    return re;
}

int lineOf(const QString& text, qsizetype offset)
{
    return int(QStringView(text).left(offset).count(u'\n')) + 1;
}

} // namespace

const QStringList& letterLanguages()
{
    static const QStringList languages{QStringLiteral("en"), QStringLiteral("de"),
                                       QStringLiteral("fr")};
    return languages;
}

QLocale letterLocale(const QString& language)
{
    if (language == u"de")
        return QLocale(QLocale::German, QLocale::Germany);
    if (language == u"fr")
        return QLocale(QLocale::French, QLocale::France);
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

QString letterDate(QDate date, const QString& language)
{
    if (!date.isValid())
        return {};
    const QLocale locale = letterLocale(language);
    if (language == u"de")
        return locale.toString(date, QStringLiteral("d. MMMM yyyy"));
    if (language == u"fr" && date.day() == 1)
        return locale.toString(date, QStringLiteral("'1er' MMMM yyyy"));
    return locale.toString(date, QStringLiteral("d MMMM yyyy"));
}

QString letterPeriod(const LegalPeriod& period, const QString& language)
{
    const int n = period.amount;
    const bool one = n == 1;
    QString unit;
    switch (period.unit) {
    case LegalPeriod::Unit::CalendarMonths:
        unit = language == u"de"   ? (one ? QStringLiteral("Monat") : QStringLiteral("Monate"))
               : language == u"fr" ? QStringLiteral("mois")
                                   : (one ? QStringLiteral("month") : QStringLiteral("months"));
        break;
    case LegalPeriod::Unit::CalendarDays:
        unit = language == u"de"   ? (one ? QStringLiteral("Tag") : QStringLiteral("Tage"))
               : language == u"fr" ? (one ? QStringLiteral("jour") : QStringLiteral("jours"))
                                   : (one ? QStringLiteral("day") : QStringLiteral("days"));
        break;
    case LegalPeriod::Unit::BusinessDays:
        unit = language == u"de"
                   ? (one ? QStringLiteral("Arbeitstag") : QStringLiteral("Arbeitstage"))
               : language == u"fr"
                   ? (one ? QStringLiteral("jour ouvrable") : QStringLiteral("jours ouvrables"))
                   : (one ? QStringLiteral("business day") : QStringLiteral("business days"));
        break;
    }
    return QStringLiteral("%1 %2").arg(n).arg(unit);
}

const QStringList& letterPlaceholders()
{
    static const QStringList names{QStringLiteral("requester_name"),
                                   QStringLiteral("requester_email"),
                                   QStringLiteral("request_id"),
                                   QStringLiteral("received_date"),
                                   QStringLiteral("due_date"),
                                   QStringLiteral("original_due_date"),
                                   QStringLiteral("extended_due_date"),
                                   QStringLiteral("extension_period"),
                                   QStringLiteral("extension_reasons"),
                                   QStringLiteral("refusal_reasons"),
                                   QStringLiteral("today"),
                                   QStringLiteral("organization_name"),
                                   QStringLiteral("controller_contact"),
                                   QStringLiteral("dpo_contact"),
                                   QStringLiteral("controller_term"),
                                   QStringLiteral("processor_term"),
                                   QStringLiteral("law_name"),
                                   QStringLiteral("citation"),
                                   QStringLiteral("right"),
                                   QStringLiteral("remedies"),
                                   QStringLiteral("authority_name"),
                                   QStringLiteral("processor_name"),
                                   QStringLiteral("processor_action")};
    return names;
}

// --- LetterTemplates ---------------------------------------------------------

Result<LetterText> LetterTemplates::parse(const QString& text, const QString& source)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (normalized.startsWith(QChar(0xFEFF)))
        normalized.remove(0, 1);
    const qsizetype blank = normalized.indexOf(QStringLiteral("\n\n"));
    if (blank < 0)
        return Error{tr("%1: a letter template starts with a \"Subject:\" line, then a blank "
                        "line, then the body.")
                         .arg(source)};
    LetterText letter;
    const QStringList header = normalized.left(blank).split(u'\n');
    for (int i = 0; i < header.size(); ++i) {
        const QString& line = header[i];
        const qsizetype colon = line.indexOf(u':');
        const QString key = colon > 0 ? line.left(colon).trimmed() : QString();
        if (key.compare(u"Subject", Qt::CaseInsensitive) == 0)
            letter.subject = line.mid(colon + 1).trimmed();
        else
            return Error{tr("%1, line %2: the header knows only \"Subject:\", not \"%3\".")
                             .arg(source)
                             .arg(i + 1)
                             .arg(line.left(40))};
    }
    letter.body = normalized.mid(blank + 2);
    while (letter.body.endsWith(u'\n'))
        letter.body.chop(1);
    if (auto ok = check(letter, source); !ok)
        return Error{ok.error()};
    return letter;
}

QString LetterTemplates::format(const LetterText& text)
{
    return QStringLiteral("Subject: %1\n\n%2\n").arg(text.subject, text.body);
}

QStringList LetterTemplates::placeholdersIn(const QString& text)
{
    QStringList names;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names << name;
    }
    return names;
}

Status LetterTemplates::check(const LetterText& text, const QString& source)
{
    if (text.subject.trimmed().isEmpty())
        return Error{tr("%1: the subject is empty.").arg(source)};
    if (text.body.trimmed().isEmpty())
        return Error{tr("%1: the body is empty.").arg(source)};
    QStringList problems;
    for (const auto& [part, value] :
         {std::pair{tr("subject"), &text.subject}, std::pair{tr("body"), &text.body}}) {
        const QString& s = *value;
        for (const QString& name : placeholdersIn(s)) {
            if (!letterPlaceholders().contains(name))
                problems << tr("{{%1}} in the %2 is not a placeholder the workbench fills")
                                .arg(name, part);
        }
        // "{{" that does not start a placeholder (a typo such as "{{ name}}").
        QString rest = s;
        rest.remove(placeholderPattern());
        if (const qsizetype at = rest.indexOf(QStringLiteral("{{")); at >= 0)
            problems << tr("the %1 has \"{{\" that is not a placeholder (line %2 of what remains "
                           "once the placeholders are taken out)")
                            .arg(part)
                            .arg(lineOf(rest, at));
        if (const auto m = argPattern().match(s); m.hasMatch())
            problems << tr("\"%1\" in the %2 is not filled by anything (write {{name}})")
                            .arg(m.captured(0), part);
    }
    if (!problems.isEmpty())
        return Error{tr("%1: %2. Placeholders: %3.")
                         .arg(source, problems.join(QStringLiteral("; ")),
                              QStringLiteral("{{") +
                                  letterPlaceholders().join(QStringLiteral("}}, {{")) +
                                  QStringLiteral("}}"))};
    return {};
}

Result<LetterText> LetterTemplates::fill(const LetterText& text, const LetterFields& fields)
{
    QStringList unknown, empty;
    auto fillOne = [&](const QString& s) {
        QString out;
        qsizetype from = 0;
        auto it = placeholderPattern().globalMatch(s);
        while (it.hasNext()) {
            const auto m = it.next();
            out += QStringView(s).mid(from, m.capturedStart() - from);
            const QString name = m.captured(1);
            const QString value = fields.value(name);
            if (!letterPlaceholders().contains(name)) {
                if (!unknown.contains(name))
                    unknown << name;
            } else if (value.trimmed().isEmpty()) {
                if (!empty.contains(name))
                    empty << name;
            }
            out += value;
            from = m.capturedEnd();
        }
        out += QStringView(s).mid(from);
        return out;
    };
    LetterText filled{fillOne(text.subject), fillOne(text.body)};
    QStringList problems;
    for (const QString& name : std::as_const(unknown))
        problems << tr("{{%1}} is not a placeholder the workbench fills").arg(name);
    for (const QString& name : std::as_const(empty))
        problems << tr("{{%1}} has no value").arg(name);
    if (!problems.isEmpty())
        return Error{
            tr("The letter cannot be written: %1.").arg(problems.join(QStringLiteral("; ")))};
    return filled;
}

QStringList LetterTemplates::leftovers(const QString& text)
{
    QStringList found;
    for (const QRegularExpression* re : {&placeholderPattern(), &argPattern()}) {
        auto it = re->globalMatch(text);
        while (it.hasNext()) {
            const QString m = it.next().captured(0);
            if (!found.contains(m))
                found << m;
        }
    }
    QString rest = text;
    rest.remove(placeholderPattern());
    if (rest.contains(QStringLiteral("{{")))
        found << QStringLiteral("{{");
    return found;
}

// --- LetterLaw ---------------------------------------------------------------

Result<LetterLaw> LetterLaw::fromJson(const QJsonObject& json)
{
    QStringList problems;
    // A text: a string (every language), or an object naming each language.
    auto checkText = [&](const QJsonValue& v, const QString& where) {
        if (v.isString() && !v.toString().trimmed().isEmpty())
            return;
        if (v.isObject()) {
            for (const QString& lang : letterLanguages()) {
                if (v.toObject().value(lang).toString().trimmed().isEmpty())
                    problems << tr("%1 has no %2 text").arg(where, lang);
            }
            return;
        }
        problems << tr("%1 is missing").arg(where);
    };
    const QJsonObject rights = json.value(QLatin1String("rights")).toObject();
    for (const QString& type : wireNames<RequestType>())
        checkText(rights.value(type), QStringLiteral("rights.") + type);
    const QJsonObject jurisdictions = json.value(QLatin1String("jurisdictions")).toObject();
    for (const QString& code : wireNames<Jurisdiction>()) {
        const QJsonObject j = jurisdictions.value(code).toObject();
        const QString at = QStringLiteral("jurisdictions.") + code;
        if (j.isEmpty()) {
            problems << tr("%1 is missing").arg(at);
            continue;
        }
        for (const char* key : {"law", "controller", "processor", "remedies"})
            checkText(j.value(QLatin1String(key)), at + u'.' + QLatin1String(key));
        const QJsonValue remedies = j.value(QLatin1String("remedies"));
        for (const QString& lang : letterLanguages()) {
            const QString r = remedies.isObject() ? remedies.toObject().value(lang).toString()
                                                  : remedies.toString();
            if (!r.contains(QLatin1String("{{authority_name}}")))
                problems << tr("%1.remedies (%2) does not name {{authority_name}}").arg(at, lang);
        }
        const QJsonObject citations = j.value(QLatin1String("citations")).toObject();
        for (const QString& kind : wireNames<LetterKind>())
            checkText(citations.value(kind), at + QStringLiteral(".citations.") + kind);
        const QJsonObject rightCitations = j.value(QLatin1String("right_citations")).toObject();
        for (const QString& type : wireNames<RequestType>())
            checkText(rightCitations.value(type), at + QStringLiteral(".right_citations.") + type);
        const QJsonObject names = j.value(QLatin1String("right_names")).toObject();
        for (auto it = names.begin(); it != names.end(); ++it)
            checkText(it.value(), at + QStringLiteral(".right_names.") + it.key());
        const QJsonObject authorities = j.value(QLatin1String("authorities")).toObject();
        checkText(authorities.value(QLatin1String("default")),
                  at + QStringLiteral(".authorities.default"));
        for (auto it = authorities.begin(); it != authorities.end(); ++it)
            checkText(it.value(), at + QStringLiteral(".authorities.") + it.key());
    }
    const QJsonObject actions = json.value(QLatin1String("processor_actions")).toObject();
    for (const char* type : {"erasure", "rectification", "restriction"})
        checkText(actions.value(QLatin1String(type)),
                  QStringLiteral("processor_actions.") + QLatin1String(type));
    if (!problems.isEmpty())
        return Error{tr("The letter wording table is incomplete: %1.")
                         .arg(problems.join(QStringLiteral("; ")))};
    LetterLaw law;
    law.m_json = json;
    return law;
}

const LetterLaw& LetterLaw::defaults()
{
    static const LetterLaw shipped = [] {
        QFile f(QStringLiteral(":/rules/letters.json"));
        f.open(QIODevice::ReadOnly);
        auto law = fromJson(QJsonDocument::fromJson(f.readAll()).object());
        Q_ASSERT_X(law.ok(), "LetterLaw::defaults", qPrintable(law.error()));
        return law.ok() ? law.value() : LetterLaw();
    }();
    return shipped;
}

QString LetterLaw::text(const QJsonValue& value, const QString& language) const
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        const QString s = o.value(language).toString();
        return s.isEmpty() ? o.value(QLatin1String("en")).toString() : s;
    }
    return value.toString();
}

namespace {

QJsonObject jurisdictionOf(const QJsonObject& json, Jurisdiction j)
{
    const QJsonObject all = json.value(QLatin1String("jurisdictions")).toObject();
    const QJsonObject found = all.value(toWire(j)).toObject();
    return found.isEmpty() ? all.value(QLatin1String("OTHER")).toObject() : found;
}

} // namespace

QString LetterLaw::lawName(Jurisdiction j, const QString& language) const
{
    return text(jurisdictionOf(m_json, j).value(QLatin1String("law")), language);
}

QString LetterLaw::citation(Jurisdiction j, LetterKind kind, const QString& language) const
{
    return text(
        jurisdictionOf(m_json, j).value(QLatin1String("citations")).toObject().value(toWire(kind)),
        language);
}

QString LetterLaw::right(Jurisdiction j, RequestType type, const QString& language) const
{
    const QJsonObject juris = jurisdictionOf(m_json, j);
    const QString key = toWire(type);
    QJsonValue name = juris.value(QLatin1String("right_names")).toObject().value(key);
    if (name.isUndefined())
        name = m_json.value(QLatin1String("rights")).toObject().value(key);
    const QString cite =
        text(juris.value(QLatin1String("right_citations")).toObject().value(key), language);
    return QStringLiteral("%1 (%2)").arg(text(name, language), cite);
}

QString LetterLaw::remedies(Jurisdiction j, const QString& language) const
{
    return text(jurisdictionOf(m_json, j).value(QLatin1String("remedies")), language);
}

QString LetterLaw::authority(Jurisdiction j, const QString& country, const QString& language) const
{
    const QJsonObject authorities =
        jurisdictionOf(m_json, j).value(QLatin1String("authorities")).toObject();
    const QString code = country.trimmed().toUpper();
    if (!code.isEmpty() && code != u"DEFAULT" && authorities.contains(code))
        return text(authorities.value(code), language);
    return text(authorities.value(QLatin1String("default")), language);
}

QString LetterLaw::controllerTerm(Jurisdiction j, const QString& language) const
{
    return text(jurisdictionOf(m_json, j).value(QLatin1String("controller")), language);
}

QString LetterLaw::processorTerm(Jurisdiction j, const QString& language) const
{
    return text(jurisdictionOf(m_json, j).value(QLatin1String("processor")), language);
}

QString LetterLaw::processorAction(RequestType type, const QString& language) const
{
    const QJsonValue v =
        m_json.value(QLatin1String("processor_actions")).toObject().value(toWire(type));
    return v.isUndefined() ? QString() : text(v, language);
}

} // namespace workbench
