#pragma once

#include <Qt>

namespace workbench {

// Roles every item model of the workbench answers.
enum ModelRole
{
    RecordIdRole = Qt::UserRole + 1, // QString: the record's id
    SortRole,                        // QVariant: the value to sort by (dates as QDate, ...)
    FilterRole,                      // QString: the text type-to-filter matches against
};

} // namespace workbench
