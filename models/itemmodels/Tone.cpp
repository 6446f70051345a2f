#include "Tone.h"

#include <QGuiApplication>
#include <QPalette>
#include <algorithm>
#include <cmath>

namespace workbench {

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

QColor toneColour(Tone tone, const QPalette& palette)
{
    QColor c;
    switch (tone) {
    case Tone::Error:
        c = QColor(0xb0, 0x1c, 0x1c);
        break;
    case Tone::Warning:
        c = QColor(0xa0, 0x5a, 0x00);
        break;
    case Tone::Good:
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

QColor toneColour(Tone tone)
{
    return toneColour(tone, QGuiApplication::palette());
}

} // namespace workbench
