#include "Text.h"

#include <QCoreApplication>

namespace workbench {

QString countText(const char* context, const char* text, int n)
{
    QString s = QCoreApplication::translate(context, text, nullptr, n);
    if (s.contains(QLatin1String("(s)")))
        s.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    return s;
}

} // namespace workbench
