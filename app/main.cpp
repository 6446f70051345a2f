#include "Application.h"
#include "cli/Cli.h"

#include <QGuiApplication>
#include <QTextStream>
#include <cstdio>

int main(int argc, char* argv[])
{
    workbench::Application::setIdentity();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    // Commands run headless: no display is needed or touched.
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (workbench::cli::isCommand(arguments)) {
        // Some commands lay out text (PDF, ODT): they get fonts from the
        // offscreen platform, never a display.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // Qt's note about a missing runtime folder is not the officer's business.
        qInstallMessageHandler(
            [](QtMsgType type, const QMessageLogContext& context, const QString& message) {
                if (message.startsWith(QLatin1String("QStandardPaths:")))
                    return;
                std::fputs(qPrintable(qFormatLogMessage(type, context, message) + u'\n'), stderr);
            });
        QGuiApplication app(argc, argv);
        return workbench::cli::run(app.arguments(), out, err);
    }
    // Wrong window options are told before a display is needed.
    const auto options = workbench::cli::parseWindowOptions(arguments, err);
    if (!options)
        return 2;
    workbench::Application app(argc, argv);
    return app.run(*options);
}
