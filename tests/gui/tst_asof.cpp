#include "TestSupport.h"
#include "common/AsOfBar.h"
#include "dialogs/MessageBox.h"
#include "itemmodels/ProcessorTreeModel.h"
#include "mainwindow/MainWindow.h"
#include "processors/AnnexExportDialog.h"
#include "processors/ProcessorsPage.h"
#include "storage/AuditHistory.h"

#include <QApplication>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTextBrowser>

using namespace workbench;
using namespace workbench::test;

// The Processors page switched to a past day: the registry as it stood then,
// read-only under a banner, and back to today.
class TestAsOfPage : public QObject
{
    Q_OBJECT

    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<MainWindow> m_window;

    template <typename T> T* find(const QString& name)
    {
        T* w = m_window->findChild<T*>(name);
        if (!w)
            qWarning("no widget %s", qPrintable(name));
        return w;
    }

    void clickSidebar(const QString& title)
    {
        auto sidebar = find<QListWidget>("sidebar");
        const auto items = sidebar->findItems(title, Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {},
                          sidebar->visualItemRect(items.first()).center());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        MessageBox::setAutoAnswer(QMessageBox::Ok);
        QSettings().clear();
        // Five days ago: the organization and Acme with its old contact;
        // today: the contact changed.
        auto opened = Workspace::open(m_tmp.path("asof.sqlite"));
        QVERIFY_OK(opened);
        m_ws = std::move(opened).value();
        const QDateTime created = QDateTime::currentDateTimeUtc().addDays(-5);
        m_ws->setClock([created] { return created; });
        Organization org;
        org.id = "org";
        org.name = "LabelSets";
        Processor acme;
        acme.id = "acme";
        acme.name = "Acme Hosting";
        acme.service = "Hosting";
        acme.contact = "old@acme.test";
        acme.organizationIds = {"org"};
        QVERIFY_OK(m_ws->save(org, "org"));
        QVERIFY_OK(m_ws->save(acme, "add"));
        m_ws->setClock({});
        acme.contact = "new@acme.test";
        QVERIFY_OK(m_ws->save(acme, "edit"));

        m_window = std::make_unique<MainWindow>(*m_ws);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->setOrganization("org"));
    }

    void aPastDayIsShownReadOnlyUnderABanner()
    {
        clickSidebar("Processors");
        auto page = qobject_cast<ProcessorsPage*>(m_window->currentPage());
        QVERIFY(page);
        QVERIFY(page->selectProcessor("acme"));
        auto contact = find<QLineEdit>("contactEdit");
        auto banner = find<QWidget>("asOfBanner");
        auto add = find<QPushButton>("addProcessorButton");
        QCOMPARE(contact->text(), QString("new@acme.test"));
        QVERIFY(!banner->isVisible());
        QVERIFY(add->isEnabled());
        QVERIFY(!contact->isReadOnly());

        // Yesterday.
        const QDate yesterday = QDate::currentDate().addDays(-1);
        find<QDateEdit>("asOfDate")->setDate(yesterday);
        QTest::mouseClick(find<QPushButton>("asOfShow"), Qt::LeftButton);
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(find<QLabel>("asOfBannerText")->text(),
                 QString("Registry as of %1 — read-only.").arg(AuditHistory::dayText(yesterday)));
        QVERIFY(page->model()->isSnapshot());
        QVERIFY(page->selectProcessor("acme"));
        QCOMPARE(contact->text(), QString("old@acme.test"));
        QVERIFY(contact->isReadOnly());
        QVERIFY(!add->isEnabled());
        QVERIFY(!find<QPushButton>("offboardButton")->isEnabled());
        QVERIFY(!find<QPushButton>("importListButton")->isEnabled());

        // A change made elsewhere meanwhile does not move the past day.
        Processor now = *m_ws->processor("acme").value();
        now.contact = "newer@acme.test";
        QVERIFY_OK(m_ws->save(now, "edit again"));
        QCOMPARE(page->model()->processors().first().contact, QString("old@acme.test"));

        // The annex export takes the day over.
        AnnexExportDialog* dialog = page->makeAnnexExportDialog();
        QCOMPARE(dialog->asOf(), yesterday);
        const QString preview = dialog->findChild<QTextBrowser*>("annexPreview")->toPlainText();
        QVERIFY2(preview.contains("old@acme.test") && preview.contains("as of"),
                 qPrintable(preview));
        dialog->close();

        // Back to today.
        QTest::mouseClick(find<QPushButton>("asOfBackToToday"), Qt::LeftButton);
        QTRY_VERIFY(!banner->isVisible());
        QVERIFY(!page->model()->isSnapshot());
        QVERIFY(page->selectProcessor("acme"));
        QCOMPARE(contact->text(), QString("newer@acme.test"));
        QVERIFY(!contact->isReadOnly());
        QVERIFY(add->isEnabled());
    }

    void theExportDialogRefusesADayBeforeTheLog()
    {
        auto page = qobject_cast<ProcessorsPage*>(m_window->currentPage());
        QVERIFY(page);
        AnnexExportDialog* dialog = page->makeAnnexExportDialog();
        const QDate before = QDate::currentDate().addDays(-30);
        dialog->setAsOf(before);
        const QString preview = dialog->findChild<QTextBrowser*>("annexPreview")->toPlainText();
        QVERIFY2(preview.contains(before.toString(Qt::ISODate)) && preview.contains("answers from"),
                 qPrintable(preview));
        QVERIFY(!dialog->exportTo(m_tmp.path("before.html")));
        QVERIFY(!QFile::exists(m_tmp.path("before.html")));
        dialog->close();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_ws.reset();
    }
};

QTEST_MAIN(TestAsOfPage)
#include "tst_asof.moc"
