// The baseline of the start-up benchmark: the least a Qt Widgets app does
// to show a main window, probed exactly as the app is.
#include "common/StartupProbe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("bare")));
    window.resize(1280, 800);
    workbench::StartupProbe::attach(&window);
    window.show();
    return app.exec();
}
