#pragma once

#include "common/RecordListPage.h"
#include "itemmodels/RecordTables.h"

namespace workbench {

// The rights requests of the organization (read-only until the queue with
// legal deadlines lands).
class RequestsPage : public RecordListPage<RightsRequest>
{
public:
    explicit RequestsPage(Workspace& workspace, QWidget* parent = nullptr);
};

} // namespace workbench
