#pragma once

#include "Result.h"

#include <QDate>

namespace workbench {

// A policy change takes effect no sooner than the organization's notice
// period after users are told of it (the seeds promise 14 days). Refuses
// with the reason and the first date that would do.
Status checkNotice(QDate notifiedOn, QDate effectiveOn, int noticePeriodDays);

// The first effective date the notice period allows.
QDate earliestEffectiveDate(QDate notifiedOn, int noticePeriodDays);

} // namespace workbench
