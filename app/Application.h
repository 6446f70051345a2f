#pragma once

#include "cli/Cli.h"

#include <QApplication>
#include <QTranslator>
#include <memory>

namespace workbench {

class Workspace;
class MainWindow;

// The windowed application: names, translations, the workspace it opens
// (the demo workspace in the user's app-data folder on first start), and
// the main window.
class Application : public QApplication
{
    Q_OBJECT

public:
    Application(int& argc, char** argv);
    ~Application() override;

    // Organization and application names, before any QSettings is made.
    static void setIdentity();
    // The workspace opened when none is named: created from the demo.
    static QString defaultWorkspacePath();

    int run(const cli::WindowOptions& options);

private:
    void installTranslations();

    QTranslator m_qtTranslator;
    QTranslator m_appTranslator;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace workbench
