#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>
#include <QWindow>
#include <cstdio>

namespace workbench {

// For tools/bench (header-only, so the bare-window baseline measures the
// same way): prints "shown" once `window` is exposed and painted, then
// "idle_rss_kib N" after it has been idle for `idleMs`, and quits.
class StartupProbe : public QObject
{
public:
    static void attach(QWidget* window, int idleMs = 1500)
    {
        window->winId(); // make sure there is a QWindow to watch
        window->windowHandle()->installEventFilter(new StartupProbe(window, idleMs));
    }

    static qint64 residentKiB()
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

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Expose && !m_done) {
            m_done = true;
            // Queued: runs after the expose has been painted.
            QTimer::singleShot(0, this, [] {
                std::printf("shown\n");
                std::fflush(stdout);
            });
            QTimer::singleShot(m_idleMs, this, [] {
                std::printf("idle_rss_kib %lld\n", static_cast<long long>(residentKiB()));
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    StartupProbe(QObject* parent, int idleMs)
        : QObject(parent)
        , m_idleMs(idleMs)
    {}

    int m_idleMs;
    bool m_done = false;
};

} // namespace workbench
