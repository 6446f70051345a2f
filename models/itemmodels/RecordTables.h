#pragma once

#include "RecordListModel.h"
#include "domain/Records.h"

namespace workbench {

// The read-only tables of records the pages show before their own
// editing models exist.
using PolicyVersionTableModel = RecordListModel<PolicyVersion>;

PolicyVersionTableModel* makePolicyVersionTableModel(QObject* parent);

} // namespace workbench
