#include "Style.h"

#include <QLabel>

namespace workbench::Style {

void heading(QWidget* w, int pointSize)
{
    QFont f = w->font();
    f.setPointSize(pointSize);
    f.setWeight(QFont::DemiBold);
    w->setFont(f);
}

void emptyState(QWidget* w)
{
    QFont f = w->font();
    f.setPointSize(11);
    w->setFont(f);
    QPalette p = w->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::Mid));
    w->setPalette(p);
}

QLabel* emptyStateLabel(const QString& text)
{
    auto label = new QLabel(text);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    emptyState(label);
    return label;
}

void textColour(QWidget* w, Tone tone)
{
    QPalette p = w->palette();
    const QColor c = toneColour(tone, p);
    p.setColor(QPalette::WindowText, c);
    p.setColor(QPalette::Text, c);
    w->setPalette(p);
}

void banner(QWidget* w)
{
    // Its own background, so the same dark text reads in light and dark
    // palettes alike.
    w->setAutoFillBackground(true);
    QPalette p = w->palette();
    p.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    p.setColor(QPalette::WindowText, QColor(0x5c, 0x40, 0x00));
    w->setPalette(p);
}

void bold(QWidget* w, bool on)
{
    QFont f = w->font();
    f.setBold(on);
    w->setFont(f);
}

} // namespace workbench::Style
