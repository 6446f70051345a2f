#pragma once

#include "itemmodels/Tone.h"

#include <QColor>

class QLabel;
class QPalette;
class QWidget;

namespace workbench {

// The few looks the app gives its widgets, set with fonts and palettes (a
// style sheet would switch those widgets to the slower style-sheet style).
namespace Style {

void heading(QWidget* w, int pointSize = 16); // a page or record title
void emptyState(QWidget* w);                  // "Select a … to …" hints
QLabel* emptyStateLabel(const QString& text); // a centred hint, styled so
void textColour(QWidget* w, Tone tone);       // errors, warnings, good news
void banner(QWidget* w);                      // a warning across the window
void bold(QWidget* w, bool on = true);

} // namespace Style

} // namespace workbench
