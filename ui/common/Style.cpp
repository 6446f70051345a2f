#include "Style.h"

#include <QLabel>
#include <algorithm>
#include <cmath>

namespace workbench::Style {

namespace {

double luminance(const QColor& c)
{
    auto channel = [](float v) {
        return v <= 0.04045f ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor colour(Tone tone, const QPalette& palette)
{
    QColor c;
    switch (tone) {
    case kError:
        c = QColor(0xb0, 0x1c, 0x1c);
        break;
    case kWarning:
        c = QColor(0xa0, 0x5a, 0x00);
        break;
    case kGood:
        c = QColor(0x1b, 0x6e, 0x2d);
        break;
    }
    const QColor window = palette.color(QPalette::Window);
    const QColor base = palette.color(QPalette::Base);
    // Towards white on a dark palette, towards black on a light one, in
    // steps, until the text reads on both backgrounds.
    const QColor towards = luminance(window) < 0.18 ? QColor(Qt::white) : QColor(Qt::black);
    const QColor start = c;
    for (int step = 1; step <= 20 && std::min(contrast(c, window), contrast(c, base)) < 4.5;
         ++step) {
        const float t = float(step) / 20.0f;
        c = QColor::fromRgbF(start.redF() + (towards.redF() - start.redF()) * t,
                             start.greenF() + (towards.greenF() - start.greenF()) * t,
                             start.blueF() + (towards.blueF() - start.blueF()) * t);
    }
    return c;
}

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
    const QColor c = colour(tone, p);
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
