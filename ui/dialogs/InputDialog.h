#pragma once

#include <QDate>
#include <QStringList>
#include <QVariant>
#include <optional>

class QWidget;

namespace workbench {

// Every question the app asks for a value goes through here, so GUI tests
// can answer without a blocking dialog: queueAnswer() makes the next
// question return that value at once (a null QVariant answers "Cancel").
class InputDialog
{
public:
    static std::optional<QString> text(QWidget* parent, const QString& title, const QString& label,
                                       const QString& initial = {}, bool multiline = false);
    static std::optional<QString> item(QWidget* parent, const QString& title, const QString& label,
                                       const QStringList& items, int current = 0);
    static std::optional<QDate> date(QWidget* parent, const QString& title, const QString& label,
                                     QDate initial);

    // Test seam.
    static void queueAnswer(const QVariant& answer);
    static int pendingAnswers();
};

} // namespace workbench
