#pragma once

#include <QColor>

class QPalette;

namespace workbench {

// What a coloured text says: an error (or something overdue), a warning
// (something open), good news. The item models colour their cells with it
// and the pages their labels (ui/common/Style), so each tone has one colour.
enum class Tone
{
    Error,
    Warning,
    Good,
};

// The colour of `tone` on `palette`: dark red, amber and green on a light
// palette, lightened on a dark one until it reads on both the window and
// the base colours (contrast ratio 4.5:1 at least).
QColor toneColour(Tone tone, const QPalette& palette);
// The same on the application's palette (for an item model's ForegroundRole).
QColor toneColour(Tone tone);
// The WCAG contrast ratio of two colours (1 to 21).
double contrast(const QColor& a, const QColor& b);

} // namespace workbench
