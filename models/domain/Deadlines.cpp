#include "Deadlines.h"

#include "Text.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace workbench {

namespace {

// The translation context of this file's messages (the catalogues know it
// by this name).
struct DeadlinesText
{
    Q_DECLARE_TR_FUNCTIONS(Deadlines)
};

const char* unitWire(LegalPeriod::Unit u)
{
    switch (u) {
    case LegalPeriod::Unit::CalendarMonths:
        return "calendar_months";
    case LegalPeriod::Unit::CalendarDays:
        return "calendar_days";
    case LegalPeriod::Unit::BusinessDays:
        return "business_days";
    }
    return "";
}

Result<LegalPeriod> periodFromJson(const QJsonValue& v, const char* field)
{
    const QJsonObject o = v.toObject();
    LegalPeriod p;
    const QJsonValue amount = o.value(QStringLiteral("amount"));
    p.amount = amount.toInt(-1);
    if (!amount.isDouble() || p.amount < 1 || p.amount > 3650)
        return Error{QStringLiteral("%1.amount must be a whole number from 1 to 3650")
                         .arg(QLatin1String(field))};
    const QString unit = o.value(QStringLiteral("unit")).toString();
    if (unit == u"calendar_months")
        p.unit = LegalPeriod::Unit::CalendarMonths;
    else if (unit == u"calendar_days")
        p.unit = LegalPeriod::Unit::CalendarDays;
    else if (unit == u"business_days")
        p.unit = LegalPeriod::Unit::BusinessDays;
    else
        return Error{
            QStringLiteral("%1.unit '%2' is not calendar_months, calendar_days or business_days")
                .arg(QLatin1String(field), unit)};
    return p;
}

QJsonObject periodToJson(const LegalPeriod& p)
{
    return {{QStringLiteral("amount"), p.amount},
            {QStringLiteral("unit"), QLatin1String(unitWire(p.unit))}};
}

// Adds a period the way the law counts it, without any roll-over.
QDate addPeriod(QDate start, const LegalPeriod& p, const HolidayCalendar& calendar)
{
    switch (p.unit) {
    case LegalPeriod::Unit::CalendarMonths:
        // ICO method: the same date in the month after; QDate clamps to the
        // month's last day (31 January -> 28/29 February).
        return start.addMonths(p.amount);
    case LegalPeriod::Unit::CalendarDays:
        return start.addDays(p.amount);
    case LegalPeriod::Unit::BusinessDays:
        return calendar.addBusinessDays(start, p.amount);
    }
    return start;
}

} // namespace

Result<LegalPeriod> LegalPeriod::fromJson(const QJsonValue& value, const char* field)
{
    return periodFromJson(value, field);
}

QJsonObject LegalPeriod::toJson() const
{
    return periodToJson(*this);
}

QString LegalPeriod::describe() const
{
    switch (unit) {
    case Unit::CalendarMonths:
        return countText("LegalPeriod", QT_TRANSLATE_NOOP("LegalPeriod", "%n calendar month(s)"),
                         amount);
    case Unit::CalendarDays:
        return countText("LegalPeriod", QT_TRANSLATE_NOOP("LegalPeriod", "%n calendar day(s)"),
                         amount);
    case Unit::BusinessDays:
        return countText("LegalPeriod", QT_TRANSLATE_NOOP("LegalPeriod", "%n business day(s)"),
                         amount);
    }
    return {};
}

bool HolidayCalendar::isWorkingDay(QDate day) const
{
    return day.dayOfWeek() <= 5 && !m_holidays.contains(day);
}

QDate HolidayCalendar::nextWorkingDay(QDate day) const
{
    for (int guard = 0; guard < 366 && !isWorkingDay(day); ++guard)
        day = day.addDays(1);
    return day;
}

QDate HolidayCalendar::addBusinessDays(QDate start, int days) const
{
    QDate d = start;
    for (int counted = 0, guard = 0; counted < days && guard < 10000; ++guard) {
        d = d.addDays(1);
        if (isWorkingDay(d))
            ++counted;
    }
    return d;
}

Result<HolidayCalendar> HolidayCalendar::parse(const QString& text, const QString& source)
{
    QSet<QDate> days;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QString first = line.section(QRegularExpression(QStringLiteral("[\\s,;]+")), 0, 0);
        const QDate d = QDate::fromString(first, Qt::ISODate);
        if (!d.isValid() || first.size() != 10)
            return Error{QCoreApplication::translate("HolidayCalendar",
                                                     "%1, line %2: '%3' is not a date (YYYY-MM-DD)")
                             .arg(source)
                             .arg(i + 1)
                             .arg(first)};
        days.insert(d);
    }
    return HolidayCalendar(days);
}

QJsonObject DeadlineRule::toJson() const
{
    QJsonObject o{{QStringLiteral("jurisdiction"), jurisdiction},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("period"), periodToJson(period)},
                  {QStringLiteral("clock_starts"), clockStarts == ClockStart::Receipt
                                                       ? QStringLiteral("receipt")
                                                       : QStringLiteral("verification")},
                  {QStringLiteral("pause_allowed"), pauseAllowed},
                  {QStringLiteral("roll_to_working_day"), rollToWorkingDay},
                  {QStringLiteral("extension_notice"), extensionNotice},
                  {QStringLiteral("other_deadlines"), otherDeadlines},
                  {QStringLiteral("citation"), citation}};
    if (extension)
        o.insert(QStringLiteral("extension"), periodToJson(*extension));
    if (acknowledge)
        o.insert(QStringLiteral("acknowledge"), periodToJson(*acknowledge));
    if (optOut)
        o.insert(QStringLiteral("opt_out"), periodToJson(*optOut));
    return o;
}

Result<DeadlineRule> DeadlineRule::fromJson(const QJsonObject& o)
{
    DeadlineRule r;
    r.jurisdiction = o.value(QStringLiteral("jurisdiction")).toString();
    if (r.jurisdiction.isEmpty())
        return Error{QStringLiteral("a rule without a jurisdiction")};
    auto fail = [&r](const QString& why) {
        return Error{QStringLiteral("rule %1: %2").arg(r.jurisdiction, why)};
    };
    r.name = o.value(QStringLiteral("name")).toString(r.jurisdiction);
    auto period = periodFromJson(o.value(QStringLiteral("period")), "period");
    if (!period)
        return fail(period.error());
    r.period = period.value();
    const QString clock =
        o.value(QStringLiteral("clock_starts")).toString(QStringLiteral("receipt"));
    if (clock != u"receipt" && clock != u"verification")
        return fail(QStringLiteral("clock_starts must be receipt or verification"));
    r.clockStarts = clock == u"receipt" ? ClockStart::Receipt : ClockStart::Verification;
    r.pauseAllowed = o.value(QStringLiteral("pause_allowed")).toBool();
    r.rollToWorkingDay = o.value(QStringLiteral("roll_to_working_day")).toBool();
    for (auto [key, target] :
         {std::pair{"extension", &r.extension}, std::pair{"acknowledge", &r.acknowledge},
          std::pair{"opt_out", &r.optOut}}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            continue;
        auto p = periodFromJson(v, key);
        if (!p)
            return fail(p.error());
        *target = p.value();
    }
    r.extensionNotice = o.value(QStringLiteral("extension_notice")).toString();
    r.otherDeadlines = o.value(QStringLiteral("other_deadlines")).toString();
    r.citation = o.value(QStringLiteral("citation")).toString();
    if (r.citation.isEmpty())
        return fail(QStringLiteral("a rule needs its citation"));
    return r;
}

Result<DeadlineRuleSet> DeadlineRuleSet::fromJson(const QJsonObject& json)
{
    DeadlineRuleSet set;
    for (const QJsonValue& v : json.value(QStringLiteral("rules")).toArray()) {
        auto rule = DeadlineRule::fromJson(v.toObject());
        if (!rule)
            return Error{rule.error()};
        if (set.rule(rule->jurisdiction))
            return Error{QStringLiteral("rule %1 appears twice").arg(rule->jurisdiction)};
        set.m_rules.append(rule.value());
    }
    if (set.m_rules.isEmpty())
        return Error{QStringLiteral("the rule table has no rules")};
    return set;
}

const DeadlineRuleSet& DeadlineRuleSet::defaults()
{
    static const DeadlineRuleSet shipped = [] {
        QFile f(QStringLiteral(":/rules/deadlines.json"));
        f.open(QIODevice::ReadOnly);
        auto set = fromJson(QJsonDocument::fromJson(f.readAll()).object());
        Q_ASSERT_X(set.ok(), "DeadlineRuleSet::defaults", qPrintable(set.error()));
        return set.ok() ? set.value() : DeadlineRuleSet();
    }();
    return shipped;
}

const DeadlineRule* DeadlineRuleSet::rule(const QString& jurisdiction) const
{
    for (const DeadlineRule& r : m_rules) {
        if (r.jurisdiction == jurisdiction)
            return &r;
    }
    return nullptr;
}

void DeadlineRuleSet::setRule(const DeadlineRule& rule)
{
    for (DeadlineRule& r : m_rules) {
        if (r.jurisdiction == rule.jurisdiction) {
            r = rule;
            return;
        }
    }
    m_rules.append(rule);
}

QJsonObject DeadlineRuleSet::toJson() const
{
    QJsonArray rules;
    for (const DeadlineRule& r : m_rules)
        rules.append(r.toJson());
    return {{QStringLiteral("rules"), rules}};
}

QDate Deadlines::effectiveDue() const
{
    if (promiseDue && promiseDue->isValid() && *promiseDue < responseDue)
        return *promiseDue;
    return responseDue;
}

Deadlines computeDeadlines(const DeadlineRule& rule, const DeadlineInput& in,
                           const HolidayCalendar& calendar)
{
    Deadlines d;
    d.citation = rule.citation;
    const QDate start =
        rule.clockStarts == DeadlineRule::ClockStart::Verification && in.verified.isValid()
            ? in.verified
            : in.received;
    // An opt-out of sale has its own, shorter deadline where the rule has one.
    const LegalPeriod base =
        in.type == RequestType::OptOutSale && rule.optOut ? *rule.optOut : rule.period;
    QDate due = addPeriod(start, base, calendar);
    if (rule.pauseAllowed && in.pausedDays > 0)
        due = due.addDays(in.pausedDays);
    auto roll = [&](QDate day) {
        return rule.rollToWorkingDay ? calendar.nextWorkingDay(day) : day;
    };
    d.originalDue = roll(due);
    // An extension counts from the original due date, the same way.
    d.responseDue = in.extended && rule.extension ? roll(addPeriod(due, *rule.extension, calendar))
                                                  : d.originalDue;
    if (rule.extension)
        d.extensionNoticeBy = d.originalDue;
    if (rule.acknowledge)
        d.acknowledgeBy = addPeriod(in.received, *rule.acknowledge, calendar);
    if (in.promiseDays)
        d.promiseDue = in.received.addDays(*in.promiseDays);
    return d;
}

QDate lastWritableDate()
{
    return QDate(9999, 12, 31);
}

Status checkDeadlineInput(const DeadlineRule& rule, const DeadlineInput& in)
{
    const QDate last = lastWritableDate();
    if (!in.received.isValid())
        return Error{DeadlinesText::tr("The date the request was received is missing.")};
    if (in.received > last)
        return Error{DeadlinesText::tr(
                         "The request cannot be received in the year %1: dates past %2 are not "
                         "supported.")
                         .arg(in.received.year())
                         .arg(last.toString(Qt::ISODate))};
    if (in.verified.isValid()) {
        if (in.verified > last)
            return Error{DeadlinesText::tr(
                             "The identity cannot be verified in the year %1: dates past %2 are "
                             "not supported.")
                             .arg(in.verified.year())
                             .arg(last.toString(Qt::ISODate))};
        if (in.verified < in.received)
            return Error{
                DeadlinesText::tr(
                    "The identity was verified on %1, before the request was received on "
                    "%2: a verification cannot come first.")
                    .arg(in.verified.toString(Qt::ISODate), in.received.toString(Qt::ISODate))};
    }
    if (in.pausedDays < 0)
        return Error{
            DeadlinesText::tr("The clock cannot stand still for %1 days.").arg(in.pausedDays)};
    if (in.pausedDays > 0 && !rule.pauseAllowed)
        return Error{
            DeadlinesText::tr("%1 does not stop the clock (%2): %3 cannot be counted; verification "
                              "and questions run within the period.")
                .arg(rule.name, rule.citation,
                     countText("Deadlines", QT_TRANSLATE_NOOP("Deadlines", "%n paused day(s)"),
                               in.pausedDays))};
    return {};
}

Result<Deadlines> deadlinesFor(const DeadlineRule& rule, const DeadlineInput& input,
                               const HolidayCalendar& calendar)
{
    if (auto ok = checkDeadlineInput(rule, input); !ok)
        return Error{ok.error()};
    const Deadlines d = computeDeadlines(rule, input, calendar);
    const QDate last = lastWritableDate();
    for (const QDate& day :
         {d.originalDue, d.responseDue, d.acknowledgeBy.value_or(QDate()),
          d.extensionNoticeBy.value_or(QDate()), d.promiseDue.value_or(QDate())}) {
        if (day.isValid() && day > last)
            return Error{DeadlinesText::tr("A request received on %1 would be due in the year %2, "
                                           "past %3, the last date that can be written.")
                             .arg(input.received.toString(Qt::ISODate))
                             .arg(day.year())
                             .arg(last.toString(Qt::ISODate))};
    }
    return d;
}

Status checkExtension(const DeadlineRule& rule, const DeadlineInput& in,
                      const HolidayCalendar& calendar, QDate requestedOn)
{
    if (!rule.extension)
        return Error{
            DeadlinesText::tr("%1 allows no extension (%2).").arg(rule.name, rule.citation)};
    if (in.extended)
        return Error{DeadlinesText::tr("The extension was already taken; it is allowed once.")};
    const Deadlines d = computeDeadlines(rule, in, calendar);
    if (!requestedOn.isValid() || requestedOn > d.originalDue)
        return Error{DeadlinesText::tr(
                         "Too late to extend: the original period ended on %1, and %2 allows an "
                         "extension only while it runs (%3).")
                         .arg(d.originalDue.toString(Qt::ISODate), rule.name, rule.citation)};
    if (requestedOn < in.received)
        return Error{
            DeadlinesText::tr("The extension cannot be dated before the request was received.")};
    return {};
}

Urgency urgencyOf(QDate due, QDate today)
{
    const qint64 left = today.daysTo(due);
    if (left < 0)
        return Urgency::Overdue;
    if (left <= 5)
        return Urgency::Within5Days;
    if (left <= 10)
        return Urgency::Within10Days;
    return Urgency::Later;
}

} // namespace workbench
