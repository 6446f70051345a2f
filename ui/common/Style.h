#pragma once

#include <QColor>

class QLabel;
class QWidget;

namespace workbench {

// The few looks the app gives its widgets, set with fonts and palettes (a
// style sheet would switch those widgets to the slower style-sheet style).
namespace Style {

inline const QColor kError(0xb0, 0x1c, 0x1c);
inline const QColor kGood(0x1b, 0x6e, 0x2d);

void heading(QWidget* w, int pointSize = 16);      // a page or record title
void emptyState(QWidget* w);                       // "Select a … to …" hints
QLabel* emptyStateLabel(const QString& text);      // a centred hint, styled so
void textColour(QWidget* w, const QColor& colour); // errors, good news
void bold(QWidget* w, bool on = true);

} // namespace Style

} // namespace workbench
