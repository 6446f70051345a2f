// The vendor watch driven through the window: a new sub-processor list for
// Supabase in the demo makes a notice that Today lists by its objection
// deadline (red when overdue); objecting writes the letter and keeps the
// notice open; accepting a later list updates the registry, audited and
// undoable. Also a review with evidence.
#include "TestSupport.h"
#include "dialogs/FileDialog.h"
#include "dialogs/InputDialog.h"
#include "dialogs/MessageBox.h"
#include "itemmodels/Tone.h"
#include "mainwindow/MainWindow.h"
#include "processors/ProcessorsPage.h"
#include "services/VendorWatchService.h"
#include "vendorwatch/SubprocessorListPanel.h"
#include "vendorwatch/VendorReviewPanel.h"
#include "vendorwatch/VendorWatchDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

using namespace workbench;
using namespace workbench::test;

namespace {

QString data(const QString& name)
{
    return QStringLiteral(WORKBENCH_SUBPROCESSOR_DATA "/") + name;
}

QString pdfText(const QString& path)
{
    QProcess p;
    p.start("pdftotext", {path, "-"});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

QTreeWidgetItem* findItem(QTreeWidget* tree, const QString& text)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* top = tree->topLevelItem(i);
        for (int j = 0; j < top->childCount(); ++j)
            if (top->child(j)->text(0) == text)
                return top->child(j);
    }
    return nullptr;
}

} // namespace

class TestVendorWatchGui : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<MainWindow> m_window;
    int m_n = 0;

    template <typename T> T* find(QObject* in, const char* name) const
    {
        T* w = in->findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qWarning("no widget named %s", name);
        return w;
    }

    // With PRIVACY_WORKBENCH_SCREENSHOT_DIR set, saves a grab of `w`.
    void screenshot(QWidget* w, const QString& name) const
    {
        if (const QString dir = qEnvironmentVariable("PRIVACY_WORKBENCH_SCREENSHOT_DIR");
            !dir.isEmpty()) {
            QApplication::processEvents();
            w->grab().save(dir + '/' + name);
        }
    }

    // Opens the vendor watch of Supabase from the processor's detail pane.
    VendorWatchDialog* openSupabase()
    {
        m_window->showPage("processors");
        auto page = qobject_cast<ProcessorsPage*>(m_window->currentPage());
        if (!page || !page->selectProcessor("p-supabase"))
            return nullptr;
        auto button = find<QPushButton>(m_window.get(), "subprocessorListButton");
        if (!button)
            return nullptr;
        button->click();
        auto dialog = m_window->findChild<VendorWatchDialog*>();
        if (dialog)
            dialog->resize(1000, 720);
        return dialog;
    }

    void importList(VendorWatchDialog* dialog, const QString& file, QDate received)
    {
        find<QDateEdit>(dialog, "receivedDateEdit")->setDate(received);
        FileDialog::queueAnswer(data(file));
        find<QPushButton>(dialog, "importListButton")->click();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        MessageBox::setAutoAnswer(QMessageBox::Ok);
    }

    void init()
    {
        QSettings().clear();
        m_ws = makeDemoWorkspace(m_tmp.path(QStringLiteral("gui%1.sqlite").arg(++m_n)));
        QVERIFY(m_ws);
        m_ws->setActor("dana");
        m_window = std::make_unique<MainWindow>(*m_ws);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->setOrganization("org-labelsets"));
    }

    void cleanup()
    {
        m_window.reset();
        m_ws.reset();
    }

    void noticeOnTodayObjectThenAcceptALaterList()
    {
        const QDate today = QDate::currentDate();
        VendorWatchDialog* dialog = openSupabase();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        // A list received 40 days ago: its 30-day window has passed.
        importList(dialog, "supabase-2026-10.csv", today.addDays(-40));
        auto status = find<QLabel>(dialog, "listStatus");
        QVERIFY2(status->text().contains("New notice: 19 added"), qPrintable(status->text()));
        QVERIFY(find<QTextBrowser>(dialog, "noticeDetail")->toPlainText().contains("OpenAI") ==
                false);
        QVERIFY(find<QTextBrowser>(dialog, "noticeDetail")->toPlainText().contains("Segment.io"));
        const qint64 first = dialog->listPanel()->selectedNoticeId();
        QVERIFY(first > 0);

        // Today lists it by its deadline, red: overdue.
        QPointer<VendorWatchDialog> closed = dialog;
        dialog->close();
        QTRY_VERIFY(!closed); // deleted on close
        m_window->showPage("today");
        auto items = find<QTreeWidget>(m_window.get(), "todayItems");
        QTRY_VERIFY(findItem(items, "Supabase: sub-processor list changed"));
        QTreeWidgetItem* item = findItem(items, "Supabase: sub-processor list changed");
        const QDate deadline = today.addDays(-10);
        QCOMPARE(item->text(2), QLocale().toString(deadline, QLocale::ShortFormat));
        QVERIFY2(item->text(1).startsWith("objection deadline passed 10 days ago"),
                 qPrintable(item->text(1)));
        QCOMPARE(item->foreground(1).color(), toneColour(Tone::Error, items->palette()));
        QCOMPARE(item->data(0, Qt::UserRole + 1).toString(), QString::number(first));

        // Activating it opens the vendor watch at the notice.
        emit items->itemActivated(item, 0);
        dialog = m_window->findChild<VendorWatchDialog*>();
        QVERIFY(dialog);
        QCOMPARE(dialog->listPanel()->selectedNoticeId(), first);

        // Object: the letter is written and the notice stays open.
        const QString letter = m_tmp.path("objection.pdf");
        InputDialog::queueAnswer("German");
        InputDialog::queueAnswer("Keine Übermittlung in Drittländer ohne unsere Zustimmung.");
        FileDialog::queueAnswer(letter);
        find<QPushButton>(dialog, "objectNoticeButton")->click();
        QVERIFY(QFileInfo::exists(letter));
        const QString text = pdfText(letter);
        QVERIFY2(text.contains("Widerspruch gegen die Beauftragung neuer Unterauftragsverarbeiter"),
                 qPrintable(text));
        QVERIFY(text.contains("Segment.io"));
        QVERIFY(text.contains("Supabase, Inc."));
        QVERIFY(text.contains("Keine Übermittlung in Drittländer"));
        VendorWatchService service(*m_ws);
        QCOMPARE(service.notice(first).value().status, NoticeStatus::Objected);
        QVERIFY(service.notice(first).value().isOpen());
        QVERIFY(!find<QPushButton>(dialog, "objectNoticeButton")->isEnabled());
        QVERIFY(find<QPushButton>(dialog, "acceptNoticeButton")->isEnabled());

        // A later list; accept it.
        importList(dialog, "supabase-2026-11.html", today);
        const qint64 second = dialog->listPanel()->selectedNoticeId();
        QVERIFY(second > first);
        QVERIFY(find<QTextBrowser>(dialog, "noticeDetail")->toPlainText().contains("OpenAI"));
        screenshot(dialog, "vendor-notice.png");
        const int undoBefore = m_window->undoStack()->count();
        MessageBox::setNextAnswer(QMessageBox::Yes);
        find<QPushButton>(dialog, "acceptNoticeButton")->click();
        QCOMPARE(m_window->undoStack()->count(), undoBefore + 1);
        QCOMPARE(service.notice(second).value().status, NoticeStatus::Accepted);
        auto isOpenAi = [](const Processor& p) {
            return p.name == "OpenAI, L.L.C." && p.parentId == "p-supabase";
        };
        auto processors = m_ws->processors("org-labelsets").value();
        QVERIFY(std::any_of(processors.begin(), processors.end(), isOpenAi));
        auto audit = m_ws->auditEntries().value();
        QVERIFY(std::any_of(audit.begin(), audit.end(), [](const AuditEntry& e) {
            return e.recordType == "processors" && e.action == "create" &&
                   e.summary.startsWith("Accept the sub-processor changes of Supabase");
        }));
        // Edit > Undo takes the whole step back.
        m_window->undoStack()->undo();
        processors = m_ws->processors("org-labelsets").value();
        QVERIFY(std::none_of(processors.begin(), processors.end(), isOpenAi));
        QCOMPARE(service.notice(second).value().status, NoticeStatus::Open);
        m_window->undoStack()->redo();
        processors = m_ws->processors("org-labelsets").value();
        QVERIFY(std::any_of(processors.begin(), processors.end(), isOpenAi));
        // The objected notice is still open on Today; the accepted one is not.
        dialog->close();
        m_window->showPage("today");
        QTRY_VERIFY(findItem(items, "Supabase: sub-processor list changed"));
        QVERIFY(
            findItem(items, "Supabase: sub-processor list changed")->text(1).contains("Objected"));
    }

    void reviewWithEvidenceSetsTheNextReview()
    {
        m_window->showPage("processors");
        auto page = qobject_cast<ProcessorsPage*>(m_window->currentPage());
        QVERIFY(page && page->selectProcessor("p-supabase"));
        find<QPushButton>(m_window.get(), "vendorReviewsButton")->click();
        auto dialog = m_window->findChild<VendorWatchDialog*>();
        QVERIFY(dialog);
        dialog->resize(1000, 720);
        VendorReviewPanel* panel = dialog->reviewPanel();
        QTRY_VERIFY(panel->isVisible());
        auto answers = find<QTableWidget>(panel, "answersTable");
        QCOMPARE(answers->rowCount(), 5);
        const QStringList replies{"ISO 27001 (until 2027-03), SOC 2 Type II (2026)",
                                  "None reported in the last 24 months",
                                  "Published at supabase.com/legal/subprocessors; current",
                                  "US (AWS us-east-1) under SCCs; EU region available",
                                  "Deleted within 30 days of termination; certificate on request"};
        for (int r = 0; r < 5; ++r)
            answers->item(r, 1)->setText(replies[r]);
        find<QDateEdit>(panel, "reviewDateEdit")->setDate(QDate(2026, 11, 20));
        find<QComboBox>(panel, "riskTierCombo")->setCurrentIndex(0); // high
        find<QComboBox>(panel, "outcomeCombo")->setCurrentIndex(1);  // with conditions
        find<QPlainTextEdit>(panel, "findingsEdit")
            ->setPlainText("EU data residency to be switched on before the next review.");
        const QString evidence = m_tmp.path("supabase-soc2-2026.pdf");
        {
            QFile f(evidence);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("%PDF-1.4 SOC 2 Type II bridge letter (test)");
        }
        FileDialog::queueAnswer(evidence);
        find<QPushButton>(panel, "addEvidenceButton")->click();
        QCOMPARE(find<QListWidget>(panel, "evidenceList")->count(), 1);
        find<QPushButton>(panel, "recordReviewButton")->click();
        auto reviews = find<QTreeWidget>(panel, "reviewList");
        QCOMPARE(reviews->topLevelItemCount(), 1);
        QVERIFY(find<QLabel>(panel, "reviewDetail")->text().contains("SHA-256"));
        QCOMPARE(m_ws->processor("p-supabase").value()->reviewDue, QDate(2027, 5, 20));
        screenshot(dialog, "vendor-review.png");
    }
};

QTEST_MAIN(TestVendorWatchGui)
#include "tst_vendorwatch.moc"
