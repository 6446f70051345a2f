#include "RetentionPage.h"

namespace workbench {

RetentionPage::RetentionPage(Workspace& workspace, QWidget* parent)
    : RecordListPage(workspace, makeRetentionRuleTableModel(nullptr), &Workspace::retentionRules,
                     {tr("Retention"), QStringLiteral("retention"), tr("Retention rules"),
                      tr("Filter rules by category, system, period or basis (Ctrl+F)"),
                      tr("This organization has no retention rules yet."),
                      QStringLiteral("retention-rules")},
                     parent)
{}

} // namespace workbench
