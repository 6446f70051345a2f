#include "Application.h"

#include "cli/Cli.h"
#include "common/StartupProbe.h"
#include "demo/DemoWorkspace.h"
#include "dialogs/MessageBox.h"
#include "mainwindow/MainWindow.h"
#include "services/Session.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QStandardPaths>
#include <cstdio>

namespace workbench {

Application::Application(int& argc, char** argv)
    : QApplication(argc, argv)
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/privacy-workbench.svg")));
    installTranslations();
}

Application::~Application()
{
    m_window.reset();
    m_workspace.reset();
}

void Application::setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("PrivacyWorkbench"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("privacyworkbench.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("privacy-workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WORKBENCH_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Privacy Workbench"));
    QGuiApplication::setDesktopFileName(QStringLiteral("privacy-workbench"));
}

QString Application::defaultWorkspacePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/workspace.sqlite");
}

void Application::installTranslations()
{
    const QLocale locale;
    if (m_qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        installTranslator(&m_qtTranslator);
    if (m_appTranslator.load(locale, QStringLiteral("workbench"), QStringLiteral("_"),
                             QStringLiteral(":/i18n")))
        installTranslator(&m_appTranslator);
}

int Application::run(const cli::WindowOptions& options)
{
    QString path = options.workspace;
    const bool firstStart = path.isEmpty() && !QFileInfo::exists(defaultWorkspacePath());
    if (path.isEmpty())
        path = defaultWorkspacePath();
    if (firstStart) {
        // The folder holds personal data: private to this user.
        const QString dir = QFileInfo(path).absolutePath();
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                       QFileDevice::ExeOwner);
    }
    // Only the first start (the demo in the default place) and an explicit
    // --create make a workspace (a missing FILE was refused with the
    // options); a file this user may not change opens read-only, and the
    // window says so.
    Database::Options open;
    open.create = options.create;
    open.readOnlyFallback = true;
    auto workspace = firstStart ? DemoWorkspace::create(path) : openWorkspace(path, open);
    if (!workspace) {
        MessageBox::critical(nullptr, tr("Cannot open the workspace"), workspace.error());
        return 1;
    }
    m_workspace = std::move(workspace).value();
    m_window = std::make_unique<MainWindow>(*m_workspace);
    if (!options.organization.isEmpty() && !m_window->setOrganization(options.organization)) {
        std::fputs(
            qPrintable(
                tr("privacy-workbench: unknown organization '%1'\n").arg(options.organization)),
            stderr);
        return 2;
    }
    if (!options.page.isEmpty() && !m_window->showPage(options.page)) {
        std::fputs(
            qPrintable(
                tr("privacy-workbench: unknown page '%1'\n\n%2").arg(options.page, cli::usage())),
            stderr);
        return 2;
    }
    if (qEnvironmentVariableIsSet("PRIVACY_WORKBENCH_BENCH_STARTUP"))
        StartupProbe::attach(m_window.get());
    m_window->show();
    return exec();
}

} // namespace workbench
