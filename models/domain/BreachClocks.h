#pragma once

#include "Deadlines.h"
#include "Enums.h"
#include "Result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QTimeZone>
#include <optional>

namespace workbench {

// How likely a breach is to harm the people whose data it concerns, as the
// officer assessed it. Unassessed counts as "risk" for the clocks that run
// unless there is none: the clock does not wait for the assessment.
enum class BreachRisk
{
    Unassessed,
    None,
    Risk,
    High
};
template <> struct EnumTraits<BreachRisk>
{
    static const std::array<EnumEntry<BreachRisk>, 4> entries;
};

// The length of a breach clock: real hours, or a period the law counts in
// days or months (LegalPeriod, with the business days of domain/Deadlines).
struct BreachPeriod
{
    int hours = 0;                   // > 0: real hours on the UTC time line
    std::optional<LegalPeriod> days; // else a calendar or business period

    QString describe() const; // "72 hours", "3 business days"
    friend bool operator==(const BreachPeriod&, const BreachPeriod&) = default;
};

// One clock of a jurisdiction's breach rule (resources/rules/breach-clocks.json).
struct BreachClockRule
{
    enum class Applies
    {
        Always,
        UnlessNoRisk, // runs until the risk is assessed as none
        HighRisk      // runs once the risk is assessed as high
    };

    QString id;        // authority, people, early_warning, incident_notification, ...
    QString label;     // "Notify the supervisory authority"
    QString recipient; // authority, people, csirt
    QString from;      // "awareness" or "submission:<clock id>"
    std::optional<BreachPeriod> period; // none: no fixed length ("as soon as feasible")
    Applies applies = Applies::Always;
    bool lateNeedsReasons = false; // a late notification states the reasons for the delay
    QString words;                 // the rule's own words
    QString citation;

    friend bool operator==(const BreachClockRule&, const BreachClockRule&) = default;
};

// One jurisdiction's breach rule: its clocks, what a processor owes, and how
// long the record of a breach is kept.
struct BreachRule
{
    QString jurisdiction; // GDPR, UK_GDPR, LGPD, PIPEDA, NIS2
    QString name;
    bool inAddition = false; // NIS2: added to the personal-data rule for entities in scope
    QList<BreachClockRule> clocks;
    QString processorDuty;
    QString recordWords;
    std::optional<LegalPeriod> recordKeep; // keep the record this long after awareness
    QString recordCitation;

    const BreachClockRule* clock(const QString& id) const;
    QJsonObject toJson() const;
    static Result<BreachRule> fromJson(const QJsonObject& json);
    friend bool operator==(const BreachRule&, const BreachRule&) = default;
};

// The breach rule table: one rule per jurisdiction.
class BreachRuleSet
{
public:
    static Result<BreachRuleSet> fromJson(const QJsonObject& json);
    // The defaults the app ships.
    static const BreachRuleSet& defaults();

    const BreachRule* rule(const QString& jurisdiction) const;
    QList<BreachRule> rules() const { return m_rules; }
    // The jurisdictions an incident can name (rules not "in addition").
    QStringList jurisdictions() const;
    void setRule(const BreachRule& rule);
    QJsonObject toJson() const;

private:
    QList<BreachRule> m_rules;
};

// A date and time with its zone, as the officer or the command line gives
// it: "2026-03-27T18:00:00+01:00", "...Z", "2026-03-27T18:00[Europe/Berlin]"
// or "2026-03-27T18:00:00+01:00[Europe/Berlin]". A time without a zone is
// refused: the clocks cannot be counted from it.
struct ZonedTime
{
    QDateTime instant; // in `zone`
    QTimeZone zone;
};
Result<ZonedTime> parseZonedTime(const QString& text);
// "2026-03-27T18:00:00+01:00": ISO 8601 with the offset in force then.
QString isoWithOffset(const QDateTime& instant);

// What is known of a breach, for its clocks.
struct BreachFacts
{
    QDateTime discovered; // may be empty (not known separately)
    QDateTime aware;      // when the organization became aware
    QTimeZone zone;       // the incident's zone: business days and display
    BreachRisk risk = BreachRisk::Unassessed;
    // When each clock's notification went in (the first, initial, one):
    // clock id -> time. The clock stops there.
    QHash<QString, QDateTime> submitted;
};

// Ok, or why the clocks cannot be counted from these facts: no awareness
// time, a time without a zone, awareness before discovery.
Status checkBreachFacts(const BreachFacts& facts);

// One clock of one incident, counted.
struct BreachClock
{
    enum class State
    {
        Running,     // started, not yet met
        Stopped,     // the notification went in (stoppedAt)
        NotRequired, // the risk assessment says this notification is not owed
        Waiting      // it starts with another notification, not yet made
    };

    QString jurisdiction;
    QString id;
    QString label;
    QString recipient;
    State state = State::Running;
    QDateTime start;              // when it began to run
    std::optional<QDateTime> due; // none: no fixed length (words say how soon)
    QDateTime stoppedAt;          // when it stopped (Stopped)
    QString words;
    QString citation;
    bool lateNeedsReasons = false;

    bool isRunning() const { return state == State::Running; }
    // Met after its due time, or still running past it.
    bool isLate(const QDateTime& now) const;
    // Seconds until due (negative when past), for a running clock with a
    // fixed length; nullopt otherwise.
    std::optional<qint64> secondsLeft(const QDateTime& now) const;
    // "31 h left", "overdue by 5 h", "as soon as feasible · 30 h elapsed",
    // "met 2026-03-28 10:00", "not required (no risk)".
    QString status(const QDateTime& now) const;
};

// The clocks of a breach under `rule` (and NIS2 when given), in rule order.
// Refused when checkBreachFacts() refuses the facts.
Result<QList<BreachClock>> breachClocks(const BreachRule& rule, const BreachFacts& facts,
                                        const HolidayCalendar& calendar,
                                        const BreachRule* nis2 = nullptr);

// When the record of the breach may be discarded (PIPEDA: 24 months), if
// the rule says.
std::optional<QDate> recordKeptUntil(const BreachRule& rule, const BreachFacts& facts);

// Ok, or why a notification for `clock` at `at` cannot be recorded as it
// is: before awareness, or late where the rule asks for the reasons of the
// delay and none are given (GDPR Art. 33(1)).
Status checkSubmission(const BreachClock& clock, const QDateTime& at, const QString& delayReasons);

// "72 h", "31 h 20 min": a duration in whole hours (and minutes under a day).
QString hoursText(qint64 seconds);

} // namespace workbench
