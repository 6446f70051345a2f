#pragma once

#include "common/RecordListPage.h"
#include "itemmodels/RecordTables.h"

class QTextBrowser;

namespace workbench {

// The policy versions of the organization and the text of the selected one
// (read-only until drafting, diff and lint land).
class PoliciesPage : public RecordListPage<PolicyVersion>
{
public:
    explicit PoliciesPage(Workspace& workspace, QWidget* parent = nullptr);

private:
    QTextBrowser* m_text = nullptr;
};

} // namespace workbench
