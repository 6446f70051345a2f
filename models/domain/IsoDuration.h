#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace workbench {

// An ISO 8601 duration as retention rules state them: P7Y, P90D, PT72H,
// P1Y6M, P2W. Calendar parts (years, months) stay calendar parts: adding
// P1M to 31 January gives the last day of February, not 30 days later.
class IsoDuration
{
public:
    int years = 0;
    int months = 0;
    int weeks = 0;
    int days = 0;
    int hours = 0;
    int minutes = 0;
    int seconds = 0;

    // "P90D" -> 90 days; nullopt for anything that is not a duration.
    static std::optional<IsoDuration> parse(QStringView text);
    // People's words: "90 days", "7 years", "72 hours", "72-hour", "1 month".
    static std::optional<IsoDuration> parseHuman(QStringView text);

    bool isZero() const;
    QString toIso() const;
    // "90 days", "7 years", "72 hours", "1 year 6 months".
    QString toHuman() const;
    QDateTime addTo(const QDateTime& start) const;
    QDate addTo(QDate start) const;
    // Rough length in seconds, for ordering and for drawing (a year is
    // 365.2425 days, a month a twelfth of that).
    double approximateSeconds() const;

    friend bool operator==(const IsoDuration&, const IsoDuration&) = default;
};

} // namespace workbench
