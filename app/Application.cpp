#include "Application.h"

#include "cli/Cli.h"
#include "demo/DemoWorkspace.h"
#include "dialogs/MessageBox.h"
#include "mainwindow/MainWindow.h"
#include "storage/Workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>

namespace workbench {

namespace {

// Resident memory of this process in kB (Linux), for the benchmark.
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

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
    auto workspace = firstStart ? DemoWorkspace::create(path) : Workspace::open(path);
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
    m_window->show();
    if (qEnvironmentVariableIsSet("PRIVACY_WORKBENCH_BENCH_STARTUP"))
        reportStartupForBenchmark();
    return exec();
}

// For tools/bench: say when the window is first shown, then the resident
// memory once it has been idle for a moment, and quit.
void Application::reportStartupForBenchmark()
{
    QTimer::singleShot(0, this, [] {
        std::printf("shown\n");
        std::fflush(stdout);
    });
    QTimer::singleShot(1500, this, [this] {
        std::printf("idle_rss_kib %lld\n", static_cast<long long>(residentKiB()));
        std::fflush(stdout);
        quit();
    });
}

} // namespace workbench
