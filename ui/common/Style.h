#pragma once

#include <QColor>

class QLabel;
class QPalette;
class QWidget;

namespace workbench {

// The few looks the app gives its widgets, set with fonts and palettes (a
// style sheet would switch those widgets to the slower style-sheet style).
namespace Style {

// What a coloured text says: an error (or something overdue), a warning
// (something open), good news.
enum Tone
{
    kError,
    kWarning,
    kGood,
};

// The colour of `tone` on `palette`: dark red, amber and green on a light
// palette, lightened on a dark one until it reads on both the window and
// the base colours (contrast ratio 4.5:1 at least).
QColor colour(Tone tone, const QPalette& palette);
// The WCAG contrast ratio of two colours (1 to 21).
double contrast(const QColor& a, const QColor& b);

void heading(QWidget* w, int pointSize = 16); // a page or record title
void emptyState(QWidget* w);                  // "Select a … to …" hints
QLabel* emptyStateLabel(const QString& text); // a centred hint, styled so
void textColour(QWidget* w, Tone tone);       // errors, warnings, good news
void banner(QWidget* w);                      // a warning across the window
void bold(QWidget* w, bool on = true);

} // namespace Style

} // namespace workbench
