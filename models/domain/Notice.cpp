#include "Notice.h"

#include "Text.h"

#include <QCoreApplication>
#include <QLocale>

namespace workbench {

namespace {

// The translation context of this file's messages (the catalogues know it
// by this name).
struct Notice
{
    Q_DECLARE_TR_FUNCTIONS(Notice)
};

} // namespace

QDate earliestEffectiveDate(QDate notifiedOn, int noticePeriodDays)
{
    return notifiedOn.addDays(std::max(0, noticePeriodDays));
}

Status checkNotice(QDate notifiedOn, QDate effectiveOn, int noticePeriodDays)
{
    if (!notifiedOn.isValid())
        return Error{Notice::tr("The date users are notified is missing or not a date.")};
    if (!effectiveOn.isValid())
        return Error{Notice::tr("The effective date is missing or not a date.")};
    if (effectiveOn < notifiedOn)
        return Error{Notice::tr("The effective date (%1) is before users are notified (%2).")
                         .arg(effectiveOn.toString(Qt::ISODate), notifiedOn.toString(Qt::ISODate))};
    const QDate earliest = earliestEffectiveDate(notifiedOn, noticePeriodDays);
    if (effectiveOn < earliest)
        return Error{
            Notice::tr("The notice period is %1: users notified on %2 may not be bound before %3 "
                       "(the effective date given is %4, %5 after notification).")
                .arg(countText("Notice", "%n day(s)", noticePeriodDays),
                     notifiedOn.toString(Qt::ISODate), earliest.toString(Qt::ISODate),
                     effectiveOn.toString(Qt::ISODate),
                     countText("Notice", "%n day(s)", int(notifiedOn.daysTo(effectiveOn))))};
    return {};
}

} // namespace workbench
