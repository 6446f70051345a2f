#include "IsoDuration.h"

#include "Text.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace workbench {

std::optional<IsoDuration> IsoDuration::parse(QStringView text)
{
    static const QRegularExpression re(
        QStringLiteral("^P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)"
                       "M)?(?:(\\d+)S)?)?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    // "P" alone and "PT" alone are not durations.
    bool any = false;
    for (int i = 1; i <= 7; ++i)
        any = any || m.capturedLength(i) > 0;
    if (!any || text.trimmed().endsWith(u'T'))
        return std::nullopt;
    IsoDuration d;
    int* fields[] = {&d.years, &d.months, &d.weeks, &d.days, &d.hours, &d.minutes, &d.seconds};
    for (int i = 0; i < 7; ++i) {
        if (m.capturedLength(i + 1) == 0)
            continue;
        bool ok = false;
        const int v = m.capturedView(i + 1).toInt(&ok);
        if (!ok)
            return std::nullopt;
        *fields[i] = v;
    }
    return d;
}

std::optional<IsoDuration> IsoDuration::parseHuman(QStringView text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*(\\d+)\\s*[- ]?\\s*(year|month|week|day|hour|minute)s?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return parse(text);
    const int n = m.capturedView(1).toInt();
    const QString unit = m.captured(2).toLower();
    IsoDuration d;
    if (unit == u"year")
        d.years = n;
    else if (unit == u"month")
        d.months = n;
    else if (unit == u"week")
        d.weeks = n;
    else if (unit == u"day")
        d.days = n;
    else if (unit == u"hour")
        d.hours = n;
    else
        d.minutes = n;
    return d;
}

bool IsoDuration::isZero() const
{
    return *this == IsoDuration{};
}

QString IsoDuration::toIso() const
{
    QString s = QStringLiteral("P");
    auto part = [&s](int v, QChar unit) {
        if (v != 0)
            s += QString::number(v) + unit;
    };
    part(years, u'Y');
    part(months, u'M');
    part(weeks, u'W');
    part(days, u'D');
    if (hours || minutes || seconds) {
        s += u'T';
        part(hours, u'H');
        part(minutes, u'M');
        part(seconds, u'S');
    }
    if (s.size() == 1)
        s += QStringLiteral("0D");
    return s;
}

QString IsoDuration::toHuman() const
{
    QStringList parts;
    auto part = [&parts](int v, const char* unit) {
        if (v != 0)
            parts << countText("IsoDuration", unit, v);
    };
    part(years, QT_TRANSLATE_NOOP("IsoDuration", "%n year(s)"));
    part(months, QT_TRANSLATE_NOOP("IsoDuration", "%n month(s)"));
    part(weeks, QT_TRANSLATE_NOOP("IsoDuration", "%n week(s)"));
    part(days, QT_TRANSLATE_NOOP("IsoDuration", "%n day(s)"));
    part(hours, QT_TRANSLATE_NOOP("IsoDuration", "%n hour(s)"));
    part(minutes, QT_TRANSLATE_NOOP("IsoDuration", "%n minute(s)"));
    part(seconds, QT_TRANSLATE_NOOP("IsoDuration", "%n second(s)"));
    if (parts.isEmpty())
        return QCoreApplication::translate("IsoDuration", "no time");
    return parts.join(u' ');
}

QDate IsoDuration::addTo(QDate start) const
{
    // QDate::addMonths clamps to the month's last day (31 Jan + 1 month =
    // 28/29 Feb), which is how periods in months and years are counted.
    return start.addYears(years).addMonths(months).addDays(qint64(weeks) * 7 + days);
}

QDateTime IsoDuration::addTo(const QDateTime& start) const
{
    QDateTime t = start;
    t.setDate(addTo(start.date()));
    return t.addSecs(qint64(hours) * 3600 + qint64(minutes) * 60 + seconds);
}

double IsoDuration::approximateSeconds() const
{
    constexpr double day = 86400.0;
    constexpr double year = 365.2425 * day;
    return years * year + months * (year / 12) + (weeks * 7 + days) * day + hours * 3600.0 +
           minutes * 60.0 + seconds;
}

} // namespace workbench
