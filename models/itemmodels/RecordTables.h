#pragma once

#include "RecordListModel.h"
#include "domain/Records.h"

namespace workbench {

// The read-only tables of records the pages show before their own
// editing models exist.
using RetentionRuleTableModel = RecordListModel<RetentionRule>;
using PolicyVersionTableModel = RecordListModel<PolicyVersion>;

RetentionRuleTableModel* makeRetentionRuleTableModel(QObject* parent);
PolicyVersionTableModel* makePolicyVersionTableModel(QObject* parent);

} // namespace workbench
