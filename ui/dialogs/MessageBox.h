#pragma once

#include <QMessageBox>
#include <optional>

namespace workbench {

// Every modal message of the app goes through here, so GUI tests can answer
// them without a blocking dialog: setNextAnswer() makes the next question
// return at once, and every message shown is recorded in lastMessage().
class MessageBox
{
public:
    static QMessageBox::StandardButton
    question(QWidget* parent, const QString& title, const QString& text,
             QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
             QMessageBox::StandardButton defaultButton = QMessageBox::No);
    static void critical(QWidget* parent, const QString& title, const QString& text);
    static void warning(QWidget* parent, const QString& title, const QString& text);

    // Test seam.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    static void setAutoAnswer(std::optional<QMessageBox::StandardButton> answer);
    static QString lastMessage();

private:
    static QMessageBox::StandardButton ask(QMessageBox::Icon icon, QWidget* parent,
                                           const QString& title, const QString& text,
                                           QMessageBox::StandardButtons buttons,
                                           QMessageBox::StandardButton defaultButton);
};

} // namespace workbench
