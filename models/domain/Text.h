#pragma once

#include <QString>

namespace workbench {

// A "%n day(s)" text translated for count `n`. Without a translation (the
// English source), it is made plain English: "1 day", "3 days".
QString countText(const char* context, const char* text, int n);

// One field of an RFC 4180 CSV line: quoted when it holds a comma, a quote or
// a line break (quotes doubled).
QString csvField(QString field);

} // namespace workbench
