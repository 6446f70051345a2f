#pragma once

#include <QString>

namespace workbench {

// A "%n day(s)" text translated for count `n`. Without a translation (the
// English source), it is made plain English: "1 day", "3 days".
QString countText(const char* context, const char* text, int n);

} // namespace workbench
