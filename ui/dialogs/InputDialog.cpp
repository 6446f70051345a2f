#include "InputDialog.h"

#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QQueue>
#include <QVBoxLayout>

namespace workbench {

namespace {

QQueue<QVariant>& answers()
{
    static QQueue<QVariant> queue;
    return queue;
}

bool takeAnswer(QVariant* answer)
{
    if (answers().isEmpty())
        return false;
    *answer = answers().dequeue();
    return true;
}

} // namespace

void InputDialog::queueAnswer(const QVariant& answer)
{
    answers().enqueue(answer);
}

int InputDialog::pendingAnswers()
{
    return int(answers().size());
}

std::optional<QString> InputDialog::text(QWidget* parent, const QString& title,
                                         const QString& label, const QString& initial,
                                         bool multiline)
{
    QVariant answer;
    if (takeAnswer(&answer))
        return answer.isNull() ? std::nullopt : std::optional<QString>(answer.toString());
    bool ok = false;
    const QString value =
        multiline ? QInputDialog::getMultiLineText(parent, title, label, initial, &ok)
                  : QInputDialog::getText(parent, title, label, QLineEdit::Normal, initial, &ok);
    return ok ? std::optional<QString>(value) : std::nullopt;
}

std::optional<QString> InputDialog::item(QWidget* parent, const QString& title,
                                         const QString& label, const QStringList& items,
                                         int current)
{
    QVariant answer;
    if (takeAnswer(&answer))
        return answer.isNull() ? std::nullopt : std::optional<QString>(answer.toString());
    bool ok = false;
    const QString value = QInputDialog::getItem(parent, title, label, items, current, false, &ok);
    return ok ? std::optional<QString>(value) : std::nullopt;
}

std::optional<QDate> InputDialog::date(QWidget* parent, const QString& title, const QString& label,
                                       QDate initial)
{
    QVariant answer;
    if (takeAnswer(&answer))
        return answer.isNull() ? std::nullopt : std::optional<QDate>(answer.toDate());
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(label));
    auto edit = new QDateEdit(initial);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    layout->addWidget(edit);
    auto buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return edit->date();
}

} // namespace workbench
