#pragma once

#include <QDate>
#include <QString>

class QTreeWidget;

namespace workbench {

class Workspace;

// The vendor watch's part of the Today page: open sub-processor change
// notices of the organization by objection deadline (an overdue one red).
// Each item names resource::subprocessorNotices and the notice's id.
// Returns how many notices are open.
int addVendorWatchToday(QTreeWidget* items, Workspace& workspace, const QString& organizationId,
                        QDate today);

} // namespace workbench
