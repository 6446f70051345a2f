#pragma once

#include "RecordCommands.h"

namespace workbench {

using SaveProcessorCommand = SaveRecordCommand<Processor>;

// Describes an edit from what differs: "Edit Stripe: address, contact", or
// "Offboard Stripe".
QString describeProcessorEdit(const Processor& before, const Processor& after);

} // namespace workbench
