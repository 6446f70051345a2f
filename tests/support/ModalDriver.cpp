#include "ModalDriver.h"

#include <QApplication>
#include <QDateTime>
#include <QDialog>
#include <QFileInfo>
#include <QTest>

namespace workbench::test {

ModalDriver::ModalDriver(Checks checks, int waitMs)
    : m_checks(std::move(checks))
    , m_waitMs(waitMs)
    , m_startedMs(QDateTime::currentMSecsSinceEpoch())
{
    m_timer.setInterval(10);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { poll(); });
    m_timer.start();
}

ModalDriver::~ModalDriver() = default;

void ModalDriver::verify(bool condition, const QString& what, std::source_location where)
{
    if (condition)
        return;
    fail(QStringLiteral("%1 (%2:%3, in the modal dialog's checks)")
             .arg(what, QFileInfo(QString::fromUtf8(where.file_name())).fileName())
             .arg(where.line()));
    throw Stop{}; // caught in poll(), before Qt's event loop sees it
}

void ModalDriver::fail(const QString& message)
{
    if (m_failure.isEmpty())
        m_failure = message;
}

void ModalDriver::poll()
{
    QWidget* found = QApplication::activeModalWidget();
    if (!found) {
        if (QDateTime::currentMSecsSinceEpoch() - m_startedMs > m_waitMs) {
            m_timer.stop();
            fail(QStringLiteral("no modal dialog opened within %1 ms").arg(m_waitMs));
            m_done = true;
        }
        return;
    }
    m_timer.stop();
    const QPointer<QWidget> dialog(found);
    const bool failedBefore = QTest::currentTestFailed();
    try {
        m_checks(dialog, *this);
    } catch (const Stop&) {
        // recorded by verify()
    } catch (const std::exception& e) {
        fail(QStringLiteral("an exception in the modal dialog's checks: %1")
                 .arg(QString::fromUtf8(e.what())));
    }
    if (!failedBefore && QTest::currentTestFailed())
        fail(QStringLiteral("a QVERIFY/QCOMPARE in the modal dialog's checks failed (above)"));
    // Never left open: exec() returns, and the test goes on to report.
    if (dialog && dialog->isVisible()) {
        if (auto d = qobject_cast<QDialog*>(dialog.data()))
            d->reject();
        else
            dialog->close();
    }
    m_done = true;
}

bool ModalDriver::finish()
{
    if (!QTest::qWaitFor([this] { return m_done; }, m_waitMs + 1000))
        fail(QStringLiteral("the modal dialog's checks never ran"));
    m_timer.stop();
    return m_failure.isEmpty();
}

} // namespace workbench::test
