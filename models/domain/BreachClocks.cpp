#include "BreachClocks.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace workbench {

#define L(text) QT_TRANSLATE_NOOP("Vocabulary", text)
const std::array<EnumEntry<BreachRisk>, 4> EnumTraits<BreachRisk>::entries{{
    {BreachRisk::Unassessed, "unassessed", L("Not assessed yet")},
    {BreachRisk::None, "none", L("No risk")},
    {BreachRisk::Risk, "risk", L("Risk")},
    {BreachRisk::High, "high", L("High risk")},
}};
#undef L

namespace {

// The translation context of this file's messages.
struct BreachText
{
    Q_DECLARE_TR_FUNCTIONS(BreachClocks)
};

const char* appliesWire(BreachClockRule::Applies a)
{
    switch (a) {
    case BreachClockRule::Applies::Always:
        return "always";
    case BreachClockRule::Applies::UnlessNoRisk:
        return "unless_no_risk";
    case BreachClockRule::Applies::HighRisk:
        return "high_risk";
    }
    return "";
}

Result<BreachPeriod> breachPeriodFromJson(const QJsonValue& v)
{
    const QJsonObject o = v.toObject();
    if (o.value(QStringLiteral("unit")).toString() == u"hours") {
        const QJsonValue amount = o.value(QStringLiteral("amount"));
        const int hours = amount.toInt(-1);
        if (!amount.isDouble() || hours < 1 || hours > 24 * 366)
            return Error{QStringLiteral("period.amount must be a whole number of hours from 1 to "
                                        "8784")};
        return BreachPeriod{hours, std::nullopt};
    }
    auto days = LegalPeriod::fromJson(v, "period");
    if (!days)
        return Error{days.error() + QStringLiteral(" (or hours)")};
    return BreachPeriod{0, days.value()};
}

QJsonObject breachPeriodToJson(const BreachPeriod& p)
{
    if (p.days)
        return p.days->toJson();
    return {{QStringLiteral("amount"), p.hours}, {QStringLiteral("unit"), QStringLiteral("hours")}};
}

Result<BreachClockRule> clockFromJson(const QJsonObject& o)
{
    BreachClockRule c;
    c.id = o.value(QStringLiteral("id")).toString();
    static const QRegularExpression idShape(QStringLiteral("^[a-z][a-z0-9_]*$"));
    if (!idShape.match(c.id).hasMatch())
        return Error{QStringLiteral("a clock needs an id of lower-case letters, digits and _")};
    auto fail = [&c](const QString& why) {
        return Error{QStringLiteral("clock %1: %2").arg(c.id, why)};
    };
    c.label = o.value(QStringLiteral("label")).toString(c.id);
    c.recipient = o.value(QStringLiteral("recipient")).toString();
    if (c.recipient != u"authority" && c.recipient != u"people" && c.recipient != u"csirt")
        return fail(QStringLiteral("recipient must be authority, people or csirt"));
    c.from = o.value(QStringLiteral("from")).toString(QStringLiteral("awareness"));
    if (c.from != u"awareness" && !c.from.startsWith(u"submission:"))
        return fail(QStringLiteral("from must be awareness or submission:<clock id>"));
    const QJsonValue period = o.value(QStringLiteral("period"));
    if (!period.isUndefined() && !period.isNull()) {
        auto p = breachPeriodFromJson(period);
        if (!p)
            return fail(p.error());
        c.period = p.value();
    }
    const QString applies = o.value(QStringLiteral("applies")).toString(QStringLiteral("always"));
    if (applies == u"always")
        c.applies = BreachClockRule::Applies::Always;
    else if (applies == u"unless_no_risk")
        c.applies = BreachClockRule::Applies::UnlessNoRisk;
    else if (applies == u"high_risk")
        c.applies = BreachClockRule::Applies::HighRisk;
    else
        return fail(QStringLiteral("applies must be always, unless_no_risk or high_risk"));
    c.lateNeedsReasons = o.value(QStringLiteral("late_needs_reasons")).toBool();
    c.words = o.value(QStringLiteral("words")).toString();
    c.citation = o.value(QStringLiteral("citation")).toString();
    if (c.citation.isEmpty())
        return fail(QStringLiteral("a clock needs its citation"));
    if (!c.period && c.words.isEmpty())
        return fail(QStringLiteral("a clock without a period needs its words"));
    return c;
}

QJsonObject clockToJson(const BreachClockRule& c)
{
    QJsonObject o{{QStringLiteral("id"), c.id},
                  {QStringLiteral("label"), c.label},
                  {QStringLiteral("recipient"), c.recipient},
                  {QStringLiteral("from"), c.from},
                  {QStringLiteral("applies"), QLatin1String(appliesWire(c.applies))},
                  {QStringLiteral("late_needs_reasons"), c.lateNeedsReasons},
                  {QStringLiteral("words"), c.words},
                  {QStringLiteral("citation"), c.citation}};
    if (c.period)
        o.insert(QStringLiteral("period"), breachPeriodToJson(*c.period));
    return o;
}

bool hasZone(const QDateTime& t)
{
    return t.timeSpec() != Qt::LocalTime;
}

// The instant `p` after `start`: real hours on the UTC line; days and
// months on the calendar of `zone`, a business period ending with its last
// day there.
QDateTime addBreachPeriod(const QDateTime& start, const BreachPeriod& p, const QTimeZone& zone,
                          const HolidayCalendar& calendar)
{
    if (!p.days)
        return start.toUTC().addSecs(qint64(p.hours) * 3600).toTimeZone(zone);
    const QDateTime local = start.toTimeZone(zone);
    switch (p.days->unit) {
    case LegalPeriod::Unit::CalendarMonths:
        return local.addMonths(p.days->amount);
    case LegalPeriod::Unit::CalendarDays:
        return local.addDays(p.days->amount);
    case LegalPeriod::Unit::BusinessDays:
        return QDateTime(calendar.addBusinessDays(local.date(), p.days->amount), QTime(23, 59, 59),
                         zone);
    }
    return local;
}

QString localText(const QDateTime& t, const QTimeZone& zone)
{
    return t.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

QString BreachPeriod::describe() const
{
    if (days)
        return days->describe();
    return BreachText::tr("%1 hours").arg(hours);
}

const BreachClockRule* BreachRule::clock(const QString& id) const
{
    for (const BreachClockRule& c : clocks) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

QJsonObject BreachRule::toJson() const
{
    QJsonArray list;
    for (const BreachClockRule& c : clocks)
        list.append(clockToJson(c));
    QJsonObject record{{QStringLiteral("words"), recordWords},
                       {QStringLiteral("citation"), recordCitation}};
    if (recordKeep)
        record.insert(QStringLiteral("keep"), recordKeep->toJson());
    QJsonObject o{{QStringLiteral("jurisdiction"), jurisdiction},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("clocks"), list},
                  {QStringLiteral("processor_duty"), processorDuty},
                  {QStringLiteral("record"), record}};
    if (inAddition)
        o.insert(QStringLiteral("in_addition"), true);
    return o;
}

Result<BreachRule> BreachRule::fromJson(const QJsonObject& o)
{
    BreachRule r;
    r.jurisdiction = o.value(QStringLiteral("jurisdiction")).toString();
    if (r.jurisdiction.isEmpty())
        return Error{QStringLiteral("a breach rule without a jurisdiction")};
    auto fail = [&r](const QString& why) {
        return Error{QStringLiteral("breach rule %1: %2").arg(r.jurisdiction, why)};
    };
    r.name = o.value(QStringLiteral("name")).toString(r.jurisdiction);
    r.inAddition = o.value(QStringLiteral("in_addition")).toBool();
    for (const QJsonValue& v : o.value(QStringLiteral("clocks")).toArray()) {
        auto c = clockFromJson(v.toObject());
        if (!c)
            return fail(c.error());
        if (r.clock(c->id))
            return fail(QStringLiteral("clock %1 appears twice").arg(c->id));
        r.clocks.append(c.value());
    }
    if (r.clocks.isEmpty())
        return fail(QStringLiteral("a rule needs at least one clock"));
    for (const BreachClockRule& c : r.clocks) {
        if (c.from.startsWith(u"submission:") && !r.clock(c.from.mid(11)))
            return fail(QStringLiteral("clock %1 starts with %2, which the rule does not have")
                            .arg(c.id, c.from.mid(11)));
    }
    r.processorDuty = o.value(QStringLiteral("processor_duty")).toString();
    const QJsonObject record = o.value(QStringLiteral("record")).toObject();
    r.recordWords = record.value(QStringLiteral("words")).toString();
    r.recordCitation = record.value(QStringLiteral("citation")).toString();
    const QJsonValue keep = record.value(QStringLiteral("keep"));
    if (!keep.isUndefined() && !keep.isNull()) {
        auto p = LegalPeriod::fromJson(keep, "record.keep");
        if (!p)
            return fail(p.error());
        r.recordKeep = p.value();
    }
    return r;
}

Result<BreachRuleSet> BreachRuleSet::fromJson(const QJsonObject& json)
{
    BreachRuleSet set;
    for (const QJsonValue& v : json.value(QStringLiteral("rules")).toArray()) {
        auto rule = BreachRule::fromJson(v.toObject());
        if (!rule)
            return Error{rule.error()};
        if (set.rule(rule->jurisdiction))
            return Error{QStringLiteral("breach rule %1 appears twice").arg(rule->jurisdiction)};
        set.m_rules.append(rule.value());
    }
    if (set.m_rules.isEmpty())
        return Error{QStringLiteral("no breach rules")};
    return set;
}

const BreachRuleSet& BreachRuleSet::defaults()
{
    static const BreachRuleSet shipped = [] {
        QFile f(QStringLiteral(":/rules/breach-clocks.json"));
        f.open(QIODevice::ReadOnly);
        auto set = fromJson(QJsonDocument::fromJson(f.readAll()).object());
        Q_ASSERT_X(set.ok(), "BreachRuleSet::defaults", qPrintable(set.error()));
        return set.ok() ? set.value() : BreachRuleSet();
    }();
    return shipped;
}

const BreachRule* BreachRuleSet::rule(const QString& jurisdiction) const
{
    for (const BreachRule& r : m_rules) {
        if (r.jurisdiction == jurisdiction)
            return &r;
    }
    return nullptr;
}

QStringList BreachRuleSet::jurisdictions() const
{
    QStringList out;
    for (const BreachRule& r : m_rules) {
        if (!r.inAddition)
            out << r.jurisdiction;
    }
    return out;
}

void BreachRuleSet::setRule(const BreachRule& rule)
{
    for (BreachRule& r : m_rules) {
        if (r.jurisdiction == rule.jurisdiction) {
            r = rule;
            return;
        }
    }
    m_rules.append(rule);
}

QJsonObject BreachRuleSet::toJson() const
{
    QJsonArray list;
    for (const BreachRule& r : m_rules)
        list.append(r.toJson());
    return {{QStringLiteral("rules"), list}};
}

Result<ZonedTime> parseZonedTime(const QString& input)
{
    const QString text = input.trimmed();
    static const QRegularExpression shape(QStringLiteral(
        R"(^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})?)"
        R"((?:\s*\[([A-Za-z0-9_+\-/]+)\]|\s+([A-Za-z][A-Za-z0-9_+\-]*/[A-Za-z0-9_+\-/]+))?$)"));
    const auto m = shape.match(text);
    if (!m.hasMatch())
        return Error{BreachText::tr("'%1' is not a date and time (YYYY-MM-DDThh:mm[:ss] with its "
                                    "UTC offset or [time zone])")
                         .arg(text)};
    const QDate date = QDate::fromString(m.captured(1), Qt::ISODate);
    QTime time = QTime::fromString(m.captured(2), QStringLiteral("HH:mm:ss"));
    if (!time.isValid())
        time = QTime::fromString(m.captured(2), QStringLiteral("HH:mm"));
    if (!date.isValid() || !time.isValid())
        return Error{BreachText::tr("'%1' is not a valid date and time").arg(text)};
    const QString offsetText = m.captured(3);
    const QString zoneName = m.captured(4).isEmpty() ? m.captured(5) : m.captured(4);
    if (offsetText.isEmpty() && zoneName.isEmpty())
        return Error{BreachText::tr("'%1' has no time zone: give its UTC offset "
                                    "(2026-03-27T18:00:00+01:00) or its zone "
                                    "(2026-03-27T18:00[Europe/Berlin])")
                         .arg(text)};
    std::optional<int> offset;
    if (offsetText == u"Z") {
        offset = 0;
    } else if (!offsetText.isEmpty()) {
        const int sign = offsetText.startsWith(u'-') ? -1 : 1;
        const int h = offsetText.mid(1, 2).toInt();
        const int mins = offsetText.mid(4, 2).toInt();
        if (h > 14 || mins > 59)
            return Error{
                BreachText::tr("'%1': the offset %2 is out of range").arg(text, offsetText)};
        offset = sign * (h * 3600 + mins * 60);
    }
    ZonedTime out;
    if (!zoneName.isEmpty()) {
        out.zone = QTimeZone(zoneName.toUtf8());
        if (!out.zone.isValid())
            return Error{BreachText::tr("'%1': unknown time zone '%2' (use an IANA name such as "
                                        "Europe/Berlin)")
                             .arg(text, zoneName)};
    }
    if (offset) {
        const QDateTime fixed(date, time, QTimeZone(*offset));
        if (!out.zone.isValid()) {
            out.zone = *offset == 0 ? QTimeZone::utc() : QTimeZone(*offset);
            out.instant = fixed;
            return out;
        }
        out.instant = fixed.toTimeZone(out.zone);
        if (out.zone.offsetFromUtc(out.instant) != *offset)
            return Error{BreachText::tr("'%1': %2 is not the offset of %3 at that time (it is %4)")
                             .arg(text, offsetText, zoneName, isoWithOffset(out.instant).right(6))};
        return out;
    }
    out.instant = QDateTime(date, time, out.zone);
    if (!out.instant.isValid() || out.instant.time() != time)
        return Error{BreachText::tr("'%1' does not exist in %2 (the clocks moved forward then)")
                         .arg(text, zoneName)};
    return out;
}

QString isoWithOffset(const QDateTime& instant)
{
    const int offset = instant.offsetFromUtc();
    const int a = std::abs(offset);
    return instant.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) +
           QStringLiteral("%1%2:%3")
               .arg(offset < 0 ? QStringLiteral("-") : QStringLiteral("+"))
               .arg(a / 3600, 2, 10, QLatin1Char('0'))
               .arg((a % 3600) / 60, 2, 10, QLatin1Char('0'));
}

Status checkBreachFacts(const BreachFacts& facts)
{
    if (!facts.aware.isValid())
        return Error{BreachText::tr("When the organization became aware of the breach is "
                                    "missing.")};
    if (!hasZone(facts.aware) || (facts.discovered.isValid() && !hasZone(facts.discovered)))
        return Error{BreachText::tr("A time without a time zone: the clocks run in real hours, "
                                    "give each time its zone.")};
    if (!facts.zone.isValid())
        return Error{BreachText::tr("The incident has no valid time zone.")};
    if (facts.discovered.isValid() && facts.aware < facts.discovered)
        return Error{BreachText::tr("The organization became aware (%1) before the breach was "
                                    "discovered (%2): awareness cannot come first.")
                         .arg(isoWithOffset(facts.aware.toTimeZone(facts.zone)),
                              isoWithOffset(facts.discovered.toTimeZone(facts.zone)))};
    return {};
}

bool BreachClock::isLate(const QDateTime& now) const
{
    if (!due || state == State::NotRequired || state == State::Waiting)
        return false;
    return state == State::Stopped ? stoppedAt > *due : now > *due;
}

std::optional<qint64> BreachClock::secondsLeft(const QDateTime& now) const
{
    if (state != State::Running || !due)
        return std::nullopt;
    return now.secsTo(*due);
}

QString BreachClock::status(const QDateTime& now) const
{
    switch (state) {
    case State::Stopped: {
        const QString when = localText(stoppedAt, due ? due->timeZone() : start.timeZone());
        return isLate(now) ? BreachText::tr("notified %1, %2 late")
                                 .arg(when, hoursText(due->secsTo(stoppedAt)))
                           : BreachText::tr("notified %1").arg(when);
    }
    case State::NotRequired:
        return BreachText::tr("not required by the risk assessment");
    case State::Waiting:
        return start.isValid() ? BreachText::tr("only if the risk is high")
                               : BreachText::tr("starts with the notification it follows");
    case State::Running:
        break;
    }
    if (!due)
        return BreachText::tr("as soon as feasible · %1 elapsed").arg(hoursText(start.secsTo(now)));
    const qint64 left = now.secsTo(*due);
    return left >= 0 ? BreachText::tr("%1 left").arg(hoursText(left))
                     : BreachText::tr("overdue by %1").arg(hoursText(-left));
}

Result<QList<BreachClock>> breachClocks(const BreachRule& rule, const BreachFacts& facts,
                                        const HolidayCalendar& calendar, const BreachRule* nis2)
{
    if (Status ok = checkBreachFacts(facts); !ok)
        return Error{ok.error()};
    QList<BreachClock> out;
    for (const BreachRule* r : {&rule, nis2}) {
        if (!r)
            continue;
        for (const BreachClockRule& c : r->clocks) {
            BreachClock clock;
            clock.jurisdiction = r->jurisdiction;
            clock.id = c.id;
            clock.label = c.label;
            clock.recipient = c.recipient;
            clock.words = c.words;
            clock.citation = c.citation;
            clock.lateNeedsReasons = c.lateNeedsReasons;
            clock.start = c.from == u"awareness" ? facts.aware.toTimeZone(facts.zone)
                                                 : facts.submitted.value(c.from.mid(11));
            if (clock.start.isValid())
                clock.start = clock.start.toTimeZone(facts.zone);
            if (clock.start.isValid() && c.period)
                clock.due = addBreachPeriod(clock.start, *c.period, facts.zone, calendar);
            const bool notOwed =
                (c.applies == BreachClockRule::Applies::UnlessNoRisk &&
                 facts.risk == BreachRisk::None) ||
                (c.applies == BreachClockRule::Applies::HighRisk &&
                 (facts.risk == BreachRisk::None || facts.risk == BreachRisk::Risk));
            if (facts.submitted.contains(c.id)) {
                clock.state = BreachClock::State::Stopped;
                clock.stoppedAt = facts.submitted.value(c.id).toTimeZone(facts.zone);
            } else if (notOwed) {
                clock.state = BreachClock::State::NotRequired;
            } else if (!clock.start.isValid() || (c.applies == BreachClockRule::Applies::HighRisk &&
                                                  facts.risk == BreachRisk::Unassessed)) {
                clock.state = BreachClock::State::Waiting;
            }
            out.append(clock);
        }
    }
    return out;
}

std::optional<QDate> recordKeptUntil(const BreachRule& rule, const BreachFacts& facts)
{
    if (!rule.recordKeep || !facts.aware.isValid() || !facts.zone.isValid())
        return std::nullopt;
    const QDate from = facts.aware.toTimeZone(facts.zone).date();
    switch (rule.recordKeep->unit) {
    case LegalPeriod::Unit::CalendarMonths:
        return from.addMonths(rule.recordKeep->amount);
    case LegalPeriod::Unit::CalendarDays:
        return from.addDays(rule.recordKeep->amount);
    case LegalPeriod::Unit::BusinessDays:
        return HolidayCalendar().addBusinessDays(from, rule.recordKeep->amount);
    }
    return std::nullopt;
}

Status checkSubmission(const BreachClock& clock, const QDateTime& at, const QString& delayReasons)
{
    if (!at.isValid() || !hasZone(at))
        return Error{BreachText::tr("The time of the notification needs its date, time and "
                                    "zone.")};
    if (clock.start.isValid() && at < clock.start)
        return Error{BreachText::tr("The notification (%1) cannot come before its clock started "
                                    "(%2).")
                         .arg(isoWithOffset(at), isoWithOffset(clock.start))};
    if (clock.lateNeedsReasons && clock.due && at > *clock.due && delayReasons.trimmed().isEmpty())
        return Error{BreachText::tr("This notification comes %1 after the deadline: %2 asks for "
                                    "the reasons for the delay. Give them.")
                         .arg(hoursText(clock.due->secsTo(at)), clock.citation)};
    return {};
}

QString hoursText(qint64 seconds)
{
    const qint64 s = std::abs(seconds);
    const qint64 h = s / 3600;
    const qint64 m = (s % 3600) / 60;
    if (h >= 24 || m == 0)
        return BreachText::tr("%1 h").arg(h);
    if (h == 0)
        return BreachText::tr("%1 min").arg(m);
    return BreachText::tr("%1 h %2 min").arg(h).arg(m);
}

} // namespace workbench
