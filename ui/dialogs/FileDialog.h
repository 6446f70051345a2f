#pragma once

#include <QString>

class QWidget;

namespace workbench {

// Every file the app asks the officer for goes through here, so GUI tests
// can answer without a native dialog: queueAnswer() makes the next question
// return that path at once (an empty path answers "Cancel").
class FileDialog
{
public:
    static QString openFile(QWidget* parent, const QString& caption, const QString& filter = {});
    static QString saveFile(QWidget* parent, const QString& caption, const QString& suggestedName,
                            const QString& filter = {});

    // Test seam.
    static void queueAnswer(const QString& path);
};

} // namespace workbench
