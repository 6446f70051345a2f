#pragma once

#include <QPointer>
#include <QString>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <source_location>

namespace workbench::test {

// Answers the next modal dialog a test opens: a click whose slot blocks in
// QDialog::exec(). The checks run from a timer inside the dialog's event
// loop, where QVERIFY cannot end the test: a failed one only leaves the
// lambda, and the dialog stays open until ctest kills the test. Here the
// checks use verify() (or MODAL_VERIFY), which records the first failure and
// ends the checks; a QVERIFY/QCOMPARE that fails inside them is recorded too.
// Whatever happens, the driver then closes the dialog if the checks left it
// open (reject()), so exec() returns at once, and the test body fails cleanly
// with QVERIFY_MODAL(driver) after the click:
//
//     ModalDriver driver([&](QWidget* dialog, ModalDriver& d) {
//         auto publish = d.as<PublishDialog>(dialog);
//         MODAL_VERIFY(d, publish->isVisible());
//         ...
//     });
//     QTest::mouseClick(button, Qt::LeftButton); // opens the dialog
//     QVERIFY_MODAL(driver);
class ModalDriver
{
public:
    using Checks = std::function<void(QWidget* dialog, ModalDriver& driver)>;

    // Starts looking for the modal dialog at once; gives up (a failure) when
    // none opens within waitMs.
    explicit ModalDriver(Checks checks, int waitMs = 5000);
    ~ModalDriver();
    ModalDriver(const ModalDriver&) = delete;
    ModalDriver& operator=(const ModalDriver&) = delete;

    // Inside the checks: when `condition` is false, records `what` and where
    // it was said, and ends the checks (the rest of them does not run).
    void verify(bool condition, const QString& what,
                std::source_location where = std::source_location::current());
    // Inside the checks: the dialog as a T, or a failure that ends them.
    template <typename T>
    T* as(QWidget* dialog, std::source_location where = std::source_location::current())
    {
        T* typed = qobject_cast<T*>(dialog);
        verify(typed != nullptr,
               QStringLiteral("the modal dialog is a %1, not a %2")
                   .arg(QString::fromLatin1(dialog ? dialog->metaObject()->className() : "nothing"),
                        QString::fromLatin1(T::staticMetaObject.className())),
               where);
        return typed;
    }

    // In the test body, after the click that opened the dialog: waits (up to
    // waitMs) until the checks have run, and says whether they passed.
    bool finish();
    // The first failure, with where it was said; empty when none.
    QString failure() const { return m_failure; }

private:
    struct Stop
    {};
    void poll();
    void fail(const QString& message);

    Checks m_checks;
    int m_waitMs;
    QTimer m_timer;
    qint64 m_startedMs = 0;
    bool m_done = false;
    QString m_failure;
};

} // namespace workbench::test

// A check inside a ModalDriver's checks, saying the condition it tested.
#define MODAL_VERIFY(driver, condition) (driver).verify(bool(condition), QStringLiteral(#condition))

// In the test body: fails the test with the driver's first failure.
#define QVERIFY_MODAL(driver)                                                                      \
    do {                                                                                           \
        if (!(driver).finish())                                                                    \
            QFAIL(qPrintable((driver).failure()));                                                 \
    } while (false)
