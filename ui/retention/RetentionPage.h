#pragma once

#include "common/RecordListPage.h"
#include "itemmodels/RecordTables.h"

namespace workbench {

// The retention rules of the organization (read-only until the retention
// timelines land: editing, the chart and the one-person schedule).
class RetentionPage : public RecordListPage<RetentionRule>
{
public:
    explicit RetentionPage(Workspace& workspace, QWidget* parent = nullptr);
};

} // namespace workbench
