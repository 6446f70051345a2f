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

void textColour(QWidget* w, const QColor& colour)
{
    QPalette p = w->palette();
    p.setColor(QPalette::WindowText, colour);
    p.setColor(QPalette::Text, colour);
    w->setPalette(p);
}

void bold(QWidget* w, bool on)
{
    QFont f = w->font();
    f.setBold(on);
    w->setFont(f);
}

} // namespace workbench::Style
