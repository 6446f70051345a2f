#pragma once

#include "Enums.h"
#include "Result.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <optional>

namespace workbench {

// A length of time as the law counts it.
struct LegalPeriod
{
    enum class Unit
    {
        CalendarMonths,
        CalendarDays,
        BusinessDays
    };
    int amount = 0;
    Unit unit = Unit::CalendarDays;

    QString describe() const; // "1 calendar month", "10 business days"
    // {"amount": 1, "unit": "calendar_months"}; errors name `field`.
    static Result<LegalPeriod> fromJson(const QJsonValue& value, const char* field);
    QJsonObject toJson() const;
    friend bool operator==(const LegalPeriod&, const LegalPeriod&) = default;
};

// Working days of one organization: Monday to Friday except its holidays.
class HolidayCalendar
{
public:
    HolidayCalendar() = default;
    explicit HolidayCalendar(QSet<QDate> holidays)
        : m_holidays(std::move(holidays))
    {}

    bool isWorkingDay(QDate day) const;
    // `day` itself if it is a working day, else the next one.
    QDate nextWorkingDay(QDate day) const;
    // Day 1 is the first working day after `start`.
    QDate addBusinessDays(QDate start, int days) const;
    const QSet<QDate>& holidays() const { return m_holidays; }

    // One date per line (YYYY-MM-DD, text after it is its name; # comments).
    static Result<HolidayCalendar> parse(const QString& text, const QString& source);

private:
    QSet<QDate> m_holidays;
};

// One jurisdiction's deadline rule (resources/rules/deadlines.json).
struct DeadlineRule
{
    enum class ClockStart
    {
        Receipt,
        Verification
    };

    QString jurisdiction; // the contract's code: GDPR, UK_GDPR, CCPA, ...
    QString name;
    LegalPeriod period;
    ClockStart clockStarts = ClockStart::Receipt;
    bool pauseAllowed = false;
    std::optional<LegalPeriod> extension;
    QString extensionNotice;
    bool rollToWorkingDay = false;
    std::optional<LegalPeriod> acknowledge; // confirm receipt (CCPA)
    std::optional<LegalPeriod> optOut;      // act on an opt-out of sale (CCPA)
    QString otherDeadlines;
    QString citation;

    QJsonObject toJson() const;
    static Result<DeadlineRule> fromJson(const QJsonObject& json);
    friend bool operator==(const DeadlineRule&, const DeadlineRule&) = default;
};

// The rule table: one rule per jurisdiction.
class DeadlineRuleSet
{
public:
    static Result<DeadlineRuleSet> fromJson(const QJsonObject& json);
    // The defaults the app ships.
    static const DeadlineRuleSet& defaults();

    const DeadlineRule* rule(const QString& jurisdiction) const;
    const DeadlineRule* rule(Jurisdiction jurisdiction) const { return rule(toWire(jurisdiction)); }
    QList<DeadlineRule> rules() const { return m_rules; }
    void setRule(const DeadlineRule& rule);
    QJsonObject toJson() const;

private:
    QList<DeadlineRule> m_rules;
};

// What is known of one request, for its deadlines.
struct DeadlineInput
{
    QDate received;
    QDate verified;        // identity verified (matters where the clock starts there)
    int pausedDays = 0;    // days the clock stood still (where the rule allows)
    bool extended = false; // the statutory extension was taken
    RequestType type = RequestType::Access;
    std::optional<int> promiseDays; // the organization's own commitment
};

struct Deadlines
{
    QDate originalDue;                      // before any extension
    QDate responseDue;                      // the legal due date, extension included
    std::optional<QDate> acknowledgeBy;     // confirm receipt (CCPA)
    std::optional<QDate> extensionNoticeBy; // last day to tell of an extension
    std::optional<QDate> promiseDue;        // the organization's commitment
    QString citation;

    // The date that drives the colour: the earlier of law and promise.
    QDate effectiveDue() const;
};

// The due dates of a request under `rule`, as they are: stored requests
// (synced, imported) are shown whatever they hold. New facts go through
// checkDeadlineInput() / deadlinesFor() first.
Deadlines computeDeadlines(const DeadlineRule& rule, const DeadlineInput& input,
                           const HolidayCalendar& calendar);

// The last day the workbench can write (ISO 8601 has four-digit years).
QDate lastWritableDate();

// Ok, or why these facts cannot be counted under `rule`: a date missing or
// past 9999-12-31, the identity verified before the request was received,
// paused days where the rule stops no clock (its citation said), or a
// negative pause.
Status checkDeadlineInput(const DeadlineRule& rule, const DeadlineInput& input);

// checkDeadlineInput(), then the due dates; refused when one would fall
// after lastWritableDate() (it could not be written or shown).
Result<Deadlines> deadlinesFor(const DeadlineRule& rule, const DeadlineInput& input,
                               const HolidayCalendar& calendar);

// Whether an extension asked for on `requestedOn` is allowed: only where the
// rule has one, once, and only while the original period runs.
Status checkExtension(const DeadlineRule& rule, const DeadlineInput& input,
                      const HolidayCalendar& calendar, QDate requestedOn);

// How urgent a due date is, as of `today`.
enum class Urgency
{
    Overdue,
    Within5Days,
    Within10Days,
    Later,
    Closed
};
Urgency urgencyOf(QDate due, QDate today);

} // namespace workbench
