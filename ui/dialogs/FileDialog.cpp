#include "FileDialog.h"

#include <QFileDialog>
#include <QQueue>

namespace workbench {

namespace {

QQueue<QString>& answers()
{
    static QQueue<QString> queue;
    return queue;
}

} // namespace

void FileDialog::queueAnswer(const QString& path)
{
    answers().enqueue(path);
}

QString FileDialog::openFile(QWidget* parent, const QString& caption, const QString& filter)
{
    if (!answers().isEmpty())
        return answers().dequeue();
    return QFileDialog::getOpenFileName(parent, caption, QString(), filter);
}

QString FileDialog::saveFile(QWidget* parent, const QString& caption, const QString& suggestedName,
                             const QString& filter)
{
    if (!answers().isEmpty())
        return answers().dequeue();
    return QFileDialog::getSaveFileName(parent, caption, suggestedName, filter);
}

} // namespace workbench
