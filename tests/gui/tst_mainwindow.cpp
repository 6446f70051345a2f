#include "ContractServer.h"
#include "ModalDriver.h"
#include "TestSupport.h"
#include "charts/RetentionTimeline.h"
#include "common/Page.h"
#include "common/TableSupport.h"
#include "dialogs/FileDialog.h"
#include "dialogs/InputDialog.h"
#include "dialogs/MessageBox.h"
#include "export/Zip.h"
#include "itemmodels/DiffRowsModel.h"
#include "itemmodels/ModelRoles.h"
#include "itemmodels/RecordFilterProxy.h"
#include "itemmodels/RetentionRuleModel.h"
#include "mainwindow/MainWindow.h"
#include "policies/DiffView.h"
#include "policies/PoliciesPage.h"
#include "policies/PublishDialog.h"
#include "processors/AnnexExportDialog.h"
#include "processors/ImportProcessorsDialog.h"
#include "processors/ProcessorsPage.h"
#include "requests/DeadlineRulesDialog.h"
#include "retention/PersonSchedulePanel.h"
#include "retention/RetentionPage.h"
#include "services/PolicyService.h"
#include "services/RequestService.h"
#include "storage/AuditSigning.h"

#include <QAction>
#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>
#include <sys/stat.h>

using namespace workbench;
using namespace workbench::test;

namespace {

QModelIndex findRow(const QAbstractItemModel* model, int column, const QString& text,
                    const QModelIndex& parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex idx = model->index(r, column, parent);
        if (idx.data().toString() == text)
            return idx;
        const QModelIndex inner = findRow(model, column, text, model->index(r, 0, parent));
        if (inner.isValid())
            return inner;
    }
    return {};
}

QString fileText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString pdfText(const QString& path)
{
    QProcess p;
    p.start("pdftotext", {path, "-"});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

// Triggers a table's "Export visible rows to CSV…", answering the file
// dialog with `path`.
void exportVisibleRows(QAbstractItemView* view, const QString& path)
{
    for (QAction* a : view->actions()) {
        if (a->text().startsWith("Export visible rows")) {
            FileDialog::queueAnswer(path);
            a->trigger();
            return;
        }
    }
    QFAIL("no export action on the table");
}

QStringList columnTexts(const QAbstractItemModel* model, int column)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->index(r, column).data().toString();
    return out;
}

// The rows of the Field / Before / After table the Audit page's detail
// shows, as the officer reads them: field -> {before, after}.
QMap<QString, QPair<QString, QString>> shownChanges(const QTextBrowser* detail)
{
    QMap<QString, QPair<QString, QString>> out;
    const QTextDocument* doc = detail->document();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        auto table = qobject_cast<QTextTable*>(QTextCursor(block).currentTable());
        if (!table || table->columns() != 3)
            continue;
        auto cell = [&](int row, int column) {
            const QTextTableCell c = table->cellAt(row, column);
            QTextCursor text = c.firstCursorPosition();
            text.setPosition(c.lastCursorPosition().position(), QTextCursor::KeepAnchor);
            return text.selectedText();
        };
        for (int row = 1; row < table->rows(); ++row) // row 0: the headings
            out.insert(cell(row, 0), {cell(row, 1), cell(row, 2)});
        break;
    }
    return out;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<MainWindow> m_window;
    int m_n = 0;

    template <typename T> T* find(const char* name) const
    {
        T* w = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qWarning("no widget named %s", name);
        return w;
    }

    // With PRIVACY_WORKBENCH_SCREENSHOT_DIR set (tools/screenshots), saves
    // a grab of the window for the README.
    void screenshot(const QString& name) const
    {
        if (const QString dir = qEnvironmentVariable("PRIVACY_WORKBENCH_SCREENSHOT_DIR");
            !dir.isEmpty()) {
            m_window->resize(1280, 800);
            QApplication::processEvents();
            m_window->grab().save(dir + '/' + name);
        }
    }

    void clickSidebar(const QString& title)
    {
        auto sidebar = find<QListWidget>("sidebar");
        const auto items = sidebar->findItems(title, Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {},
                          sidebar->visualItemRect(items.first()).center());
    }

    void clickRow(QAbstractItemView* view, const QModelIndex& index)
    {
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    }

    void replaceText(QLineEdit* edit, const QString& text)
    {
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    void selectProcessor(const QString& name)
    {
        auto tree = find<QTreeView>("processorTree");
        const QModelIndex stripe = findRow(tree->model(), 0, name);
        QVERIFY2(stripe.isValid(), qPrintable(name));
        clickRow(tree, stripe);
        QCOMPARE(find<QLineEdit>("nameEdit")->text(), name);
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
        m_window.reset();
        m_ws.reset();
        m_ws = makeDemoWorkspace(m_tmp.path(QStringLiteral("gui%1.sqlite").arg(++m_n)));
        QVERIFY(m_ws);
        m_ws->setActor("dana");
        m_window = std::make_unique<MainWindow>(*m_ws);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->setOrganization("org-labelsets"));
    }

    void cleanup()
    {
        m_window.reset();
        m_ws.reset();
    }

    void editUndoAndFindBothInTheAuditPage()
    {
        clickSidebar("Processors");
        QCOMPARE(m_window->currentPage()->pageName(), QStringLiteral("processors"));
        selectProcessor("Stripe");

        auto contact = find<QLineEdit>("contactEdit");
        QCOMPARE(contact->text(), QStringLiteral("dpo@stripe.com"));
        auto apply = find<QPushButton>("applyButton");
        QVERIFY(!apply->isEnabled());
        replaceText(contact, "privacy@stripe.example");
        QVERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(m_ws->processor("p-stripe").value()->contact,
                 QStringLiteral("privacy@stripe.example"));
        QVERIFY(!apply->isEnabled());

        // Ctrl+Z undoes it, in the store and in the pane.
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_ws->processor("p-stripe").value()->contact, QStringLiteral("dpo@stripe.com"));
        QCOMPARE(find<QLineEdit>("contactEdit")->text(), QStringLiteral("dpo@stripe.com"));
        // Ctrl+Shift+Z redoes, Ctrl+Z again undoes.
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_ws->processor("p-stripe").value()->contact,
                 QStringLiteral("privacy@stripe.example"));
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_ws->processor("p-stripe").value()->contact, QStringLiteral("dpo@stripe.com"));

        clickSidebar("Audit");
        QCOMPARE(m_window->currentPage()->pageName(), QStringLiteral("audit"));
        auto audit = find<QTableView>("auditView");
        const QStringList summaries = columnTexts(audit->model(), 5);
        QCOMPARE(summaries.count("Edit Stripe: contact"), 2); // the edit and its redo
        QCOMPARE(summaries.count("Undo: Edit Stripe: contact"), 2);
        QVERIFY(columnTexts(audit->model(), 2).contains("dana"));
        QVERIFY2(find<QLabel>("chainStatus")->text().contains("intact"),
                 qPrintable(find<QLabel>("chainStatus")->text()));

        // Filtering by record type keeps only processor changes.
        auto type = find<QComboBox>("auditRecordType");
        type->setCurrentIndex(type->findData("processors"));
        QCOMPARE(audit->model()->rowCount(), 5); // the demo's processors, 4 edits
        // The public key is shown for the officer to record.
        QVERIFY2(find<QLabel>("signingKey")
                     ->text()
                     .contains(AuditSigning::state(m_ws->database()).publicKey),
                 qPrintable(find<QLabel>("signingKey")->text()));
        QVERIFY(!AuditSigning::state(m_ws->database()).publicKey.isEmpty());
        // The detail shows the field before and after: the edit took the
        // old contact to the typed one, its undo took it back.
        auto detail = find<QTextBrowser>("auditDetail");
        QVERIFY(detail);
        const QList<std::tuple<QString, QString, QString>> expected{
            {"Edit Stripe: contact", "dpo@stripe.com", "privacy@stripe.example"},
            {"Undo: Edit Stripe: contact", "privacy@stripe.example", "dpo@stripe.com"}};
        for (const auto& [summary, before, after] : expected) {
            const QModelIndex entry = findRow(audit->model(), 5, summary);
            QVERIFY2(entry.isValid(), qPrintable(summary));
            clickRow(audit, entry);
            QVERIFY2(detail->toPlainText().contains(summary), qPrintable(detail->toPlainText()));
            const auto changes = shownChanges(detail);
            QVERIFY2(changes.contains("contact"), qPrintable(detail->toPlainText()));
            QCOMPARE(changes.value("contact").first, before);
            QCOMPARE(changes.value("contact").second, after);
            // Only the field that changed is listed.
            QCOMPARE(changes.keys(), QStringList{"contact"});
        }
    }

    void aProcessorUsedByTwoOrganizationsIsNotDirtyWhenShown()
    {
        clickSidebar("Processors");
        selectProcessor("Google Sign-In");
        QVERIFY(!find<QPushButton>("applyButton")->isEnabled());
        QVERIFY(!find<QPushButton>("revertButton")->isEnabled());
    }

    void badInputIsRefusedWithTheReason()
    {
        clickSidebar("Processors");
        selectProcessor("Resend");
        replaceText(find<QLineEdit>("locationsEdit"), "US, Germany");
        QVERIFY(!find<QPushButton>("applyButton")->isEnabled());
        QVERIFY2(
            find<QLabel>("processorProblem")->text().contains("'GERMANY' is not an ISO 3166-1"),
            qPrintable(find<QLabel>("processorProblem")->text()));
        replaceText(find<QLineEdit>("locationsEdit"), "US, DE");
        QVERIFY(find<QPushButton>("applyButton")->isEnabled());
        QVERIFY(find<QLabel>("processorProblem")->text().isEmpty());
    }

    void addFilterAndOffboard()
    {
        clickSidebar("Processors");
        auto tree = find<QTreeView>("processorTree");
        const int before = tree->model()->rowCount();
        QTest::mouseClick(find<QPushButton>("addProcessorButton"), Qt::LeftButton);
        QCOMPARE(tree->model()->rowCount(), before + 1);
        QCOMPARE(find<QLineEdit>("nameEdit")->text(), QStringLiteral("New processor"));
        replaceText(find<QLineEdit>("nameEdit"), "Plausible Analytics");
        QTest::mouseClick(find<QPushButton>("applyButton"), Qt::LeftButton);
        QVERIFY(findRow(tree->model(), 0, "Plausible Analytics").isValid());

        // Type-to-filter.
        QTest::keyClicks(find<QLineEdit>("processorFilter"), "plausible");
        QCOMPARE(tree->model()->rowCount(), 1);
        find<QLineEdit>("processorFilter")->clear();
        QCOMPARE(tree->model()->rowCount(), before + 1);

        // Offboard asks first; answered Yes it marks the processor.
        selectProcessor("Railway");
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("offboardButton"), Qt::LeftButton);
        QCOMPARE(m_ws->processor("p-railway").value()->status, ProcessorStatus::Offboarded);
        QVERIFY(!find<QPushButton>("offboardButton")->isEnabled());
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_ws->processor("p-railway").value()->status, ProcessorStatus::Active);
    }

    void todayJumpsToTheRecord()
    {
        clickSidebar("Today");
        auto items = find<QTreeWidget>("todayItems");
        const auto found = items->findItems("Vercel", Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(found.size(), 1); // its review is overdue (2026-09-01)
        QVERIFY(found.first()->text(1).contains("overdue"));
        items->setCurrentItem(found.first());
        QTest::keyClick(items, Qt::Key_Return);
        QCOMPARE(m_window->currentPage()->pageName(), QStringLiteral("processors"));
        QCOMPARE(find<QLineEdit>("nameEdit")->text(), QStringLiteral("Vercel"));

        // Retention gaps are listed too, and lead to the rule.
        clickSidebar("Today");
        m_window->setOrganization("org-trainrun");
        const auto gap = items->findItems(
            "payment records has no period and is not kept for the account's lifetime",
            Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(gap.size(), 1);
        items->setCurrentItem(gap.first());
        QTest::keyClick(items, Qt::Key_Return);
        QCOMPARE(m_window->currentPage()->pageName(), QStringLiteral("retention"));
        QTRY_COMPARE(find<QTableView>("retentionView")->currentIndex().data().toString(),
                     QStringLiteral("payment records"));
        m_window->setOrganization("org-labelsets");
        clickSidebar("Processors");

        // A page hidden during a change of organization shows the new one
        // when it comes back.
        m_window->setOrganization("org-trainrun");
        QCOMPARE(find<QTreeView>("processorTree")->model()->rowCount(), 2);
        // And says what the policy names that is not a processor.
        QVERIFY(find<QLabel>("organizationNotes")->text().contains("Not a processor: GeoLite2"));
        clickSidebar("Today");
        QVERIFY(find<QLabel>("todaySummary")->text().startsWith("2 processors"));
    }

    void workARequestFromReceiptToClosure()
    {
        // A fresh erasure request, received three days ago under the GDPR.
        RightsRequest q;
        q.id = "GUI-0001";
        q.organizationId = "org-labelsets";
        q.type = RequestType::Erasure;
        q.jurisdiction = Jurisdiction::Gdpr;
        q.subjectName = "Grace Hopper";
        q.subjectEmail = "grace@example.com";
        q.receivedAt = QDateTime(QDate::currentDate().addDays(-3), QTime(9, 0), Qt::UTC);
        QVERIFY_OK(m_ws->save(q, "Receive GUI-0001"));
        QVERIFY_OK(DeadlineRulesService(*m_ws).recomputeDeadlines());

        clickSidebar("Requests");
        auto queue = find<QTableView>("requestQueue");
        QTest::keyClicks(find<QLineEdit>("requestSearch"), "GUI-0001");
        QTest::keyClick(find<QLineEdit>("requestSearch"), Qt::Key_Return);
        QTRY_COMPARE(queue->model()->rowCount(), 1);
        QTRY_COMPARE(queue->model()->index(0, 0).data().toString(), QStringLiteral("GUI-0001"));
        clickRow(queue, queue->model()->index(0, 0));
        QTRY_VERIFY(find<QLabel>("requestHeading")->text().startsWith("GUI-0001"));
        QVERIFY(find<QLabel>("requestDeadlines")->text().contains("GDPR Art. 12(3)-(4)"));

        auto click = [this](const char* name) {
            QTest::mouseClick(find<QPushButton>(name), Qt::LeftButton);
        };
        auto stored = [this] {
            return RequestService(*m_ws).detail("GUI-0001").value();
        };

        click("verifyButton");
        QCOMPARE(stored().snapshot.request.status, RequestStatus::InProgress);

        InputDialog::queueAnswer("Data held across three systems");
        InputDialog::queueAnswer(QDate::currentDate());
        click("extendButton");
        QCOMPARE(InputDialog::pendingAnswers(), 0);
        QVERIFY(stored().snapshot.request.extendedUntil.isValid());
        QVERIFY(find<QLabel>("requestDeadlines")->text().contains("Extended"));
        QVERIFY(!find<QPushButton>("extendButton")->isEnabled());

        click("generateTasksButton");
        auto tasks = find<QTreeWidget>("requestTasks");
        QCOMPARE(tasks->topLevelItemCount(), 8);
        for (int i = 0; i < tasks->topLevelItemCount(); ++i) {
            tasks->setCurrentItem(tasks->topLevelItem(i));
            click("taskSentButton");
            tasks->setCurrentItem(tasks->topLevelItem(i));
            QCOMPARE(tasks->topLevelItem(i)->text(1), QStringLiteral("Sent"));
            click("taskConfirmedButton");
            QCOMPARE(tasks->topLevelItem(i)->text(1), QStringLiteral("Confirmed"));
        }

        InputDialog::queueAnswer("Fulfilled");
        InputDialog::queueAnswer("Account, content and payment profile erased");
        click("closeButton");
        QCOMPARE(stored().snapshot.request.status, RequestStatus::Fulfilled);

        QStringList history;
        auto historyTree = find<QTreeWidget>("requestHistory");
        for (int i = 0; i < historyTree->topLevelItemCount(); ++i)
            history << historyTree->topLevelItem(i)->text(1);
        for (const char* kind : {"Identity verified", "Extended", "Processor notified", "Closed"})
            QVERIFY2(history.contains(kind), kind);
        QCOMPARE(history.count("Processor notified"), 8);

        // Ctrl+Z reopens it; the history says so.
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stored().snapshot.request.status, RequestStatus::InProgress);
        QCOMPARE(stored().events.last().kind, QStringLiteral("undo"));

        clickSidebar("Audit");
        auto audit = find<QTableView>("auditView");
        const QStringList summaries = columnTexts(audit->model(), 5);
        for (const char* summary :
             {"Verify the identity of the requester of GUI-0001", "Extend GUI-0001",
              "Create the processor tasks of GUI-0001", "Close GUI-0001"})
            QVERIFY2(summaries.contains(summary), summary);
        QVERIFY(summaries.contains("Undo: Close GUI-0001 as fulfilled"));
        QVERIFY(find<QLabel>("chainStatus")->text().contains("intact"));
    }

    // A verification dated before the receipt (a request received "in the
    // future", as a wrong clock makes them) is refused by the domain's rule,
    // and the pane says why.
    void aVerificationBeforeTheReceiptIsRefused()
    {
        RightsRequest q;
        q.id = "GUI-0002";
        q.organizationId = "org-labelsets";
        q.type = RequestType::Access;
        q.jurisdiction = Jurisdiction::Ccpa;
        q.subjectName = "Ada Lovelace";
        q.subjectEmail = "ada@example.com";
        q.receivedAt = QDateTime(QDate::currentDate().addDays(3), QTime(9, 0), Qt::UTC);
        QVERIFY_OK(m_ws->save(q, "Receive GUI-0002"));
        QVERIFY_OK(DeadlineRulesService(*m_ws).recomputeDeadlines());

        clickSidebar("Requests");
        auto queue = find<QTableView>("requestQueue");
        QTest::keyClicks(find<QLineEdit>("requestSearch"), "GUI-0002");
        QTest::keyClick(find<QLineEdit>("requestSearch"), Qt::Key_Return);
        QTRY_COMPARE(queue->model()->rowCount(), 1);
        clickRow(queue, queue->model()->index(0, 0));
        QTRY_VERIFY(find<QLabel>("requestHeading")->text().startsWith("GUI-0002"));
        auto verify = find<QPushButton>("verifyButton");
        QVERIFY(verify->isEnabled());
        QTest::mouseClick(verify, Qt::LeftButton);
        QVERIFY2(MessageBox::lastMessage().contains(
                     "before the request was received on " +
                     QDate::currentDate().addDays(3).toString(Qt::ISODate)),
                 qPrintable(MessageBox::lastMessage()));
        QVERIFY(!RequestService(*m_ws)
                     .detail("GUI-0002")
                     .value()
                     .snapshot.request.verifiedAt.isValid());
        // A pause is not offered where the law has none.
        QVERIFY(!find<QPushButton>("pauseButton")->isEnabled());
    }

    // chmod 0400 used to be undone and the file written. The window opens
    // it read-only and says so; every page disables what would change it
    // (each change used to be refused only on Apply), while reading,
    // filtering, exporting, comparing and printing stay; the workspace
    // itself still refuses any write with the reason.
    void aReadOnlyWorkspaceSaysSoAndDisablesEditing()
    {
        // Something each page could act on: an open request and a draft.
        RightsRequest q;
        q.id = "GUI-0003";
        q.organizationId = "org-labelsets";
        q.type = RequestType::Access;
        q.jurisdiction = Jurisdiction::Gdpr;
        q.subjectName = "Ada Lovelace";
        q.subjectEmail = "ada@example.com";
        q.receivedAt = QDateTime(QDate::currentDate(), QTime(9, 0), Qt::UTC);
        QVERIFY_OK(m_ws->save(q, "Receive GUI-0003"));
        QVERIFY_OK(DeadlineRulesService(*m_ws).recomputeDeadlines());
        auto published = m_ws->policyVersions("org-labelsets");
        QVERIFY_OK(published);
        auto draft = PolicyService(*m_ws).newDraft("org-labelsets", "privacy-policy",
                                                   published.value().first().id);
        QVERIFY_OK(draft);

        const QString path = m_ws->path();
        m_window.reset();
        m_ws.reset(); // closed: the WAL is folded back into the file
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner));
        auto bytes = [&path] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray before = bytes();

        Database::Options options;
        options.create = false;
        options.readOnlyFallback = true; // as the app opens a workspace
        auto ws = Workspace::open(path, options);
        QVERIFY_OK(ws);
        m_ws = std::move(ws).value();
        m_window = std::make_unique<MainWindow>(*m_ws);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->setOrganization("org-labelsets"));

        auto banner = find<QLabel>("readOnlyBanner");
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text(),
                 QString("<b>Read-only:</b> this workspace cannot be changed because the file "
                         "has no write permission for you (mode 0400). You can read, search, "
                         "compare, export and print."));
        QVERIFY(find<QLabel>("workspaceLabel")->text().contains("(read-only)"));
        auto syncNow = m_window->findChild<QAction*>("actionSyncNow");
        QVERIFY(syncNow && !syncNow->isEnabled());
        QVERIFY(!m_window->syncNow());

        // Processors: nothing to add, import or offboard; the fields read
        // only; filtering and the annex export stay.
        clickSidebar("Processors");
        selectProcessor("Stripe");
        for (const char* name :
             {"addProcessorButton", "addFromCatalogueButton", "offboardButton", "importListButton"})
            QVERIFY2(!find<QPushButton>(name)->isEnabled(), name);
        auto contact = find<QLineEdit>("contactEdit");
        QVERIFY(contact->isReadOnly());
        QTest::keyClicks(contact, "x");
        QCOMPARE(contact->text(), QStringLiteral("dpo@stripe.com"));
        QVERIFY(!find<QComboBox>("statusCombo")->isEnabled());
        QVERIFY(!find<QPushButton>("applyButton")->isEnabled());
        QVERIFY(!find<QPushButton>("applyButton")->isVisible());
        QVERIFY(find<QPushButton>("exportAnnexButton")->isEnabled());
        auto filter = find<QLineEdit>("processorFilter");
        QVERIFY(filter->isEnabled() && !filter->isReadOnly());
        QTest::keyClicks(filter, "Stripe");
        QTRY_COMPARE(find<QTreeView>("processorTree")->model()->rowCount(), 1);
        QCOMPARE(m_ws->processor("p-stripe").value()->contact, QStringLiteral("dpo@stripe.com"));

        // Retention: no cell opens an editor, no rule is added or removed.
        clickSidebar("Retention");
        auto rules = find<QTableView>("retentionView");
        QTRY_VERIFY(rules->model()->rowCount() > 0);
        const QModelIndex cell = rules->model()->index(0, RetentionRuleModel::PeriodColumn);
        QVERIFY(!(rules->model()->flags(cell) & Qt::ItemIsEditable));
        QVERIFY(!rules->model()->setData(cell, "5 years"));
        rules->setCurrentIndex(cell);
        QTest::keyClick(rules, Qt::Key_F2);
        // No editor opened on the cell (an editor is a child of the viewport).
        QVERIFY(rules->viewport()->findChildren<QWidget*>(Qt::FindDirectChildrenOnly).isEmpty());
        QVERIFY(!find<QPushButton>("addRuleButton")->isEnabled());
        QVERIFY(!find<QPushButton>("removeRuleButton")->isEnabled());
        QVERIFY(find<QLineEdit>("retentionFilter")->isEnabled());

        // Requests: the queue filters and searches, the request reads, and
        // no action on it is offered; the deadline rules open to be read.
        clickSidebar("Requests");
        auto queue = find<QTableView>("requestQueue");
        auto search = find<QLineEdit>("requestSearch");
        QVERIFY(search->isEnabled());
        QTest::keyClicks(search, "GUI-0003");
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE(queue->model()->rowCount(), 1);
        clickRow(queue, queue->model()->index(0, 0));
        QTRY_VERIFY(find<QLabel>("requestHeading")->text().startsWith("GUI-0003"));
        for (const char* name : {"verifyButton", "pauseButton", "extendButton", "assignButton",
                                 "noteButton", "statusButton", "closeButton", "generateTasksButton",
                                 "taskSentButton", "taskConfirmedButton", "taskNotNeededButton"})
            QVERIFY2(!find<QPushButton>(name)->isEnabled(), name);
        QVERIFY(find<QComboBox>("statusFilter")->isEnabled());
        ModalDriver deadlineRules([](QWidget* shown, ModalDriver& d) {
            auto dialog = d.as<DeadlineRulesDialog>(shown);
            auto box = dialog->findChild<QDialogButtonBox*>();
            MODAL_VERIFY(d, box);
            MODAL_VERIFY(d, !box->button(QDialogButtonBox::Save)->isVisible());
            auto holidays = dialog->findChild<QPlainTextEdit*>("holidaysEdit");
            MODAL_VERIFY(d, holidays && holidays->isReadOnly());
            auto table = dialog->findChild<QTableWidget*>("deadlineRulesTable");
            MODAL_VERIFY(d, table && table->editTriggers() == QAbstractItemView::NoEditTriggers);
            dialog->reject();
        });
        QTest::mouseClick(find<QPushButton>("deadlineRulesButton"), Qt::LeftButton);
        QVERIFY_MODAL(deadlineRules);

        // Policies: the draft reads but is not edited, drafted or published;
        // comparing, exporting and printing the redline stay.
        clickSidebar("Policies");
        auto policies = m_window->findChild<PoliciesPage*>("policiesPage");
        QVERIFY(policies);
        QVERIFY(policies->selectVersion(draft.value().id));
        QVERIFY(policies->editor()->isReadOnly());
        QVERIFY(!policies->editor()->toPlainText().isEmpty());
        for (const char* name : {"newDraftButton", "publishButton", "discardDraftButton"})
            QVERIFY2(!find<QPushButton>(name)->isEnabled(), name);
        for (const char* name : {"exportRedlineButton", "printRedlineButton", "compareFileButton"})
            QVERIFY2(find<QPushButton>(name)->isEnabled(), name);

        // Sync: the sources and conflicts read, none is changed.
        clickSidebar("Sync");
        for (const char* name :
             {"newSource", "saveSource", "removeSource", "keepMine", "takeTheirs", "mergeTicked"})
            QVERIFY2(!find<QPushButton>(name)->isEnabled(), name);
        QVERIFY(find<QLineEdit>("sourceUrl")->isReadOnly());

        // A write that goes around the pages is refused with the reason.
        Processor stripe = *m_ws->processor("p-stripe").value();
        stripe.contact = "privacy@stripe.example";
        const Status refused = m_ws->save(stripe, "Edit Stripe");
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains("is read-only: the file has no write permission for "
                                          "you (mode 0400). The change was not saved."),
                 qPrintable(refused.error()));
        QVERIFY(!m_window->undoStack()->canUndo());

        m_window.reset();
        m_ws.reset();
        QCOMPARE(modeOf(path), QFileDevice::ReadOwner);
        QCOMPARE(bytes(), before);
    }

    void deadlineRulesAndHolidaysAreEditable()
    {
        DeadlineRulesService service(*m_ws);
        DeadlineRulesDialog dialog(service, "org-labelsets", "LabelSets");
        auto table = dialog.findChild<QTableWidget*>("deadlineRulesTable");
        int lgpd = -1;
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->text() == "LGPD")
                lgpd = r;
        QVERIFY(lgpd >= 0);
        table->item(lgpd, 2)->setText("fortnights");
        QVERIFY(!dialog.save());
        QVERIFY2(dialog.findChild<QLabel*>("deadlineRulesProblem")->text().contains("fortnights"),
                 qPrintable(dialog.findChild<QLabel*>("deadlineRulesProblem")->text()));
        table->item(lgpd, 2)->setText("calendar_days");
        table->item(lgpd, 1)->setText("10");
        auto holidays = dialog.findChild<QPlainTextEdit*>("holidaysEdit");
        holidays->setPlainText("2026-12-25 Christmas\n26/12/2026");
        QVERIFY(!dialog.save());
        QVERIFY(dialog.findChild<QLabel*>("deadlineRulesProblem")->text().contains("line 2"));
        QCOMPARE(service.rules().rule("LGPD")->period.amount, 15); // nothing saved
        holidays->setPlainText("2026-12-25 Christmas\n2026-12-26 St Stephen's Day");
        QVERIFY(dialog.save());
        QCOMPARE(service.rules().rule("LGPD")->period.amount, 10);
        QCOMPARE(service.holidays("org-labelsets").holidays().size(), 2);
        QCOMPARE(m_ws->auditEntries({"deadline-rules", "LGPD"}).value().size(), 1);
        QCOMPARE(m_ws->auditEntries({"holidays", "org-labelsets"}).value().size(), 1);
    }

    void editARetentionPeriodSeeTheBarChangeAndUndo()
    {
        QVERIFY(m_window->setOrganization("org-trainrun"));
        clickSidebar("Retention");
        auto table = find<QTableView>("retentionView");
        auto page = qobject_cast<RetentionPage*>(m_window->currentPage());
        QVERIFY(page);
        const QModelIndex analytics = findRow(table->model(), 0, "raw analytics events");
        QVERIFY(analytics.isValid());
        const QModelIndex period = analytics.siblingAtColumn(RetentionRuleModel::PeriodColumn);
        QCOMPARE(period.data().toString(), QStringLiteral("90 days"));
        const double before = page->timeline()->barEnd("r-trainrun-analytics");
        QCOMPARE(before, 90.0 * 86400);

        // Type a new period into the cell, as people write it.
        auto editCell = [table](const QModelIndex& cell, const QString& text) {
            table->setFocus();
            table->setCurrentIndex(cell);
            QTest::keyClick(table, Qt::Key_F2);
            auto editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
            QVERIFY(editor);
            editor->selectAll();
            QTest::keyClicks(editor, text);
            QTest::keyClick(editor, Qt::Key_Return);
        };
        editCell(period, "60 days");
        // The delegate commits on the next turn of the event loop.
        QTRY_COMPARE(m_ws->retentionRules("org-trainrun").value()[1].period->toIso(),
                     QStringLiteral("P60D"));
        QTRY_COMPARE(page->timeline()->barEnd("r-trainrun-analytics"), 60.0 * 86400);

        // Nonsense is refused with the reason, and changes nothing.
        const QModelIndex again = findRow(table->model(), 0, "raw analytics events")
                                      .siblingAtColumn(RetentionRuleModel::PeriodColumn);
        editCell(again, "a fortnight or so");
        QTRY_VERIFY2(find<QLabel>("retentionProblem")->text().contains("is not a period"),
                     qPrintable(find<QLabel>("retentionProblem")->text()));
        QCOMPARE(page->timeline()->barEnd("r-trainrun-analytics"), 60.0 * 86400);

        // Ctrl+Z: back to 90 days, in the store and on the timeline.
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(page->timeline()->barEnd("r-trainrun-analytics"), 90.0 * 86400);
        QCOMPARE(findRow(table->model(), 0, "raw analytics events")
                     .siblingAtColumn(RetentionRuleModel::PeriodColumn)
                     .data()
                     .toString(),
                 QStringLiteral("90 days"));
        const auto audit = m_ws->auditEntries({"retention-rules", "r-trainrun-analytics"}).value();
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit[0].after.value("period").toString(), QStringLiteral("P60D"));
        QCOMPARE(audit[1].after.value("period").toString(), QStringLiteral("P90D"));

        // The gaps tab lists the rules without a period.
        auto gaps = find<QListWidget>("retentionGaps");
        QCOMPARE(gaps->count(), 2);

        // Add a rule, then undo it.
        const int rows = table->model()->rowCount();
        QTest::mouseClick(find<QPushButton>("addRuleButton"), Qt::LeftButton);
        QTRY_COMPARE(table->model()->rowCount(), rows + 1);
        QTest::keyClick(m_window.get(), Qt::Key_Escape);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(table->model()->rowCount(), rows);
    }

    void aLongCategoryIsCutVisiblyOnTheTimeline()
    {
        QVERIFY(m_window->setOrganization("org-genmedia"));
        clickSidebar("Retention");
        auto page = qobject_cast<RetentionPage*>(m_window->currentPage());
        QVERIFY(page);
        const auto axes = page->timeline()->chart()->axes(Qt::Vertical);
        QCOMPARE(axes.size(), 1);
        auto y = qobject_cast<QCategoryAxis*>(axes.first());
        QVERIFY(y);
        QStringList shown;
        for (QString label : y->categoriesLabels())
            shown << label.remove(QChar(0x200B)); // the marks that keep labels unique
        // "account and Your Content (cancelled by the user …)" is too long.
        const auto cut = std::find_if(shown.cbegin(), shown.cend(), [](const QString& l) {
            return l.startsWith(QStringLiteral("account and Your Content (cancel"));
        });
        QVERIFY2(cut != shown.cend(), qPrintable(shown.join(u'|')));
        QVERIFY2(cut->endsWith(u'…') && cut->size() <= 34, qPrintable(*cut));
        QVERIFY(shown.contains(QStringLiteral("live data"))); // a short one stays whole
    }

    void onePersonsScheduleExports()
    {
        QVERIFY(m_window->setOrganization("org-genmedia"));
        clickSidebar("Retention");
        auto panel = m_window->findChild<PersonSchedulePanel*>("personSchedule");
        QVERIFY(panel);
        panel->setDeletion(QDateTime(QDate(2026, 1, 31), QTime(10, 0), Qt::UTC));
        auto steps = find<QTreeWidget>("scheduleSteps");
        QCOMPARE(steps->topLevelItemCount(), 7);
        QVERIFY(steps->topLevelItem(1)->text(0).startsWith("2026-02-03 10:00"));
        QString error;
        QVERIFY(panel->exportCsv(m_tmp.path("schedule.csv"), &error));
        QFile csv(m_tmp.path("schedule.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(csv.readAll());
        QVERIFY(text.contains("2026-02-03T10:00:00Z,at the latest,delete"));
        QVERIFY(text.contains("spend-ledger entries"));
        QVERIFY2(panel->exportPdf(m_tmp.path("schedule.pdf"), &error), qPrintable(error));
        QFile pdf(m_tmp.path("schedule.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        // The PDF ends with the audit head it was made at.
        auto head = AuditLog::head(m_ws->database());
        QVERIFY_OK(head);
        const QString pdfAnchor = pdfText(m_tmp.path("schedule.pdf"));
        QVERIFY2(pdfAnchor.contains(
                     QString("Audit head #%1 · %2").arg(head->seq).arg(head->hash.left(12))) &&
                     pdfAnchor.contains(head->anchor()),
                 qPrintable(pdfAnchor.right(200)));

        // A data category that reads as a formula is neutralised in the CSV.
        RetentionRule rule = m_ws->retentionRules("org-genmedia").value().first();
        rule.dataCategory = "=1+2";
        QVERIFY_OK(m_ws->save(rule, "Rename a category"));
        panel->setRules("GenMedia", m_ws->retentionRules("org-genmedia").value());
        QVERIFY(panel->exportCsv(m_tmp.path("schedule2.csv"), &error));
        const QString hostile = fileText(m_tmp.path("schedule2.csv"));
        QVERIFY2(hostile.contains(",'=1+2,"), qPrintable(hostile));
        QVERIFY(!hostile.contains(",=1+2"));
    }

    // A requester's name is whatever was typed into a web form: the
    // queue's CSV (and a copied selection) neutralise it, and the files of
    // the request queue and the audit log are the owner's alone, whatever the
    // umask; a table of vendors keeps the umask's mode.
    void requestExportsAreNeutralisedAndPrivate()
    {
        RightsRequest q;
        q.id = "GUI-HOSTILE";
        q.organizationId = "org-labelsets";
        q.subjectName = "=HYPERLINK(\"http://x\",\"y\")";
        q.subjectEmail = "x@example.com";
        q.assignee = "@SUM(A1)";
        q.receivedAt = QDateTime(QDate::currentDate().addDays(-3), QTime(9, 0), Qt::UTC);
        QVERIFY_OK(m_ws->save(q, "Receive GUI-HOSTILE"));
        QVERIFY_OK(DeadlineRulesService(*m_ws).recomputeDeadlines());
        clickSidebar("Requests");
        auto queue = find<QTableView>("requestQueue");
        QTest::keyClicks(find<QLineEdit>("requestSearch"), "GUI-HOSTILE");
        QTest::keyClick(find<QLineEdit>("requestSearch"), Qt::Key_Return);
        QTRY_COMPARE(queue->model()->rowCount(), 1);

        const mode_t oldMask = ::umask(022);
        exportVisibleRows(queue, m_tmp.path("queue.csv"));
        clickSidebar("Audit");
        exportVisibleRows(find<QTableView>("auditView"), m_tmp.path("audit.csv"));
        clickSidebar("Processors");
        exportVisibleRows(find<QTreeView>("processorTree"), m_tmp.path("processors.csv"));
        ::umask(oldMask);
        QCOMPARE(statMode(m_tmp.path("queue.csv")), mode_t(0600));
        QCOMPARE(statMode(m_tmp.path("audit.csv")), mode_t(0600));
        QCOMPARE(statMode(m_tmp.path("processors.csv")), mode_t(0644));

        const QString csv = fileText(m_tmp.path("queue.csv"));
        QVERIFY2(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), qPrintable(csv));
        QVERIFY(csv.contains(",'@SUM(A1)"));
        QVERIFY(!csv.contains(",\"=HYPERLINK") && !csv.contains(",@SUM"));
        QVERIFY(fileText(m_tmp.path("audit.csv")).contains("GUI-HOSTILE"));

        // The copied row, pasted into a spreadsheet, is TSV: neutralised too.
        clickSidebar("Requests");
        QTRY_COMPARE(queue->model()->rowCount(), 1);
        queue->selectRow(0);
        const QString copied = TableSupport::selectionAsText(queue);
        QVERIFY2(copied.contains("\t\"'=HYPERLINK("), qPrintable(copied));
        QVERIFY(copied.contains("\t'@SUM(A1)"));
    }

    void quickAddFromTheCatalogueAndUndo()
    {
        clickSidebar("Processors");
        const int before = m_ws->processors("org-labelsets").value().size();
        InputDialog::queueAnswer(QString("SendGrid — E-mail delivery"));
        QTest::mouseClick(find<QPushButton>("addFromCatalogueButton"), Qt::LeftButton);
        auto after = m_ws->processors("org-labelsets");
        QVERIFY_OK(after);
        QCOMPARE(after.value().size(), before + 1);
        const auto added = std::find_if(after.value().begin(), after.value().end(),
                                        [](const Processor& p) { return p.name == "SendGrid"; });
        QVERIFY(added != after.value().end());
        QCOMPARE(added->website, QString("https://sendgrid.com"));
        QCOMPARE(added->status, ProcessorStatus::Onboarding);
        QCOMPARE(find<QLineEdit>("nameEdit")->text(), QString("SendGrid"));
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_ws->processors("org-labelsets").value().size(), before);
    }

    // A draft that changes a period and adds a processor: the lint panel
    // names both, the comparison highlights the changed words, F7 steps.
    void draftLintCompareAndStep()
    {
        auto published = m_ws->policyVersions("org-labelsets");
        QVERIFY_OK(published);
        const PolicyVersion seed = published.value().first();
        clickSidebar("Policies");
        auto page = m_window->findChild<PoliciesPage*>("policiesPage");
        QVERIFY(page);
        QTRY_COMPARE(page->currentVersionId(), seed.id);
        QVERIFY(page->editor()->isReadOnly());
        QTRY_COMPARE(page->lintPanel()->topLevelItemCount(), 1); // "No findings"

        QTest::mouseClick(find<QPushButton>("newDraftButton"), Qt::LeftButton);
        QVERIFY(page->currentVersionId() != seed.id);
        const QString draftId = page->currentVersionId();
        QPlainTextEdit* editor = page->editor();
        QVERIFY(!editor->isReadOnly());
        // Type into the draft: the period, then a new processor line.
        QTextCursor at = editor->document()->find("7 years");
        QVERIFY(!at.isNull());
        editor->setTextCursor(at);
        QTest::keyClicks(editor, "5 years");
        at = editor->document()->find("- Upstash — job queue (Redis)");
        at.movePosition(QTextCursor::EndOfBlock);
        editor->setTextCursor(at);
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, "- Mixpanel: product analytics");
        // Autosaved, and linted.
        QTRY_VERIFY(m_ws->policyVersions("org-labelsets")
                        .value()
                        .constLast()
                        .body.contains("Mixpanel: product analytics"));
        QTRY_COMPARE(page->lintPanel()->topLevelItemCount(), 2);
        QStringList kinds;
        for (int i = 0; i < 2; ++i)
            kinds << page->lintPanel()->topLevelItem(i)->data(1, Qt::UserRole).toString();
        QCOMPARE(kinds, QStringList({"unknown_processor", "period_mismatch"}));
        // A finding shows its sentence in the editor.
        page->lintPanel()->setCurrentItem(page->lintPanel()->topLevelItem(1));
        QTest::keyClick(page->lintPanel(), Qt::Key_Return);
        QVERIFY(editor->textCursor().selectedText().contains("retained for 5 years"));
        screenshot("policy-lint.png");

        // Compare the published seed with the draft.
        find<QTabWidget>("policyTabs")->setCurrentIndex(1);
        auto oldBox = find<QComboBox>("compareOld");
        auto newBox = find<QComboBox>("compareNew");
        oldBox->setCurrentIndex(oldBox->findData(seed.id));
        newBox->setCurrentIndex(newBox->findData(draftId));
        emit oldBox->activated(oldBox->currentIndex());
        DiffView* diff = page->diffView();
        QCOMPARE(find<QLabel>("diffSummary")->text(),
                 QString("1 added, 0 removed, 1 changed · 2 places"));
        auto rows = find<QTreeView>("diffRows");
        rows->setFocus();
        // The view starts on the first change; F7 goes to the next one.
        const DiffRowsModel* model = diff->model();
        int row = diff->currentRow();
        QCOMPARE(model->index(row, 0).data(DiffRowsModel::KindRole).toString(),
                 QString("inserted"));
        QCOMPARE(model->index(row, DiffRowsModel::NewText).data().toString(),
                 QString("- Mixpanel: product analytics"));
        QTest::keyClick(rows, Qt::Key_F7);
        row = diff->currentRow();
        QCOMPARE(model->index(row, 0).data(DiffRowsModel::KindRole).toString(), QString("changed"));
        QCOMPARE(model->index(row, DiffRowsModel::OldText)
                     .data(DiffRowsModel::HighlightsRole)
                     .toStringList(),
                 QStringList{"7"});
        QCOMPARE(model->index(row, DiffRowsModel::NewText)
                     .data(DiffRowsModel::HighlightsRole)
                     .toStringList(),
                 QStringList{"5"});
        screenshot("policy-diff.png");
        QTest::keyClick(rows, Qt::Key_F7); // the last change: stays
        QCOMPARE(diff->currentRow(), row);
        QTest::keyClick(rows, Qt::Key_F7, Qt::ShiftModifier);
        QCOMPARE(model->index(diff->currentRow(), 0).data(DiffRowsModel::KindRole).toString(),
                 QString("inserted"));

        // The redline names both versions.
        FileDialog::queueAnswer(m_tmp.path("redline.html"));
        QTest::mouseClick(find<QPushButton>("exportRedlineButton"), Qt::LeftButton);
        QFile html(m_tmp.path("redline.html"));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString redline = QString::fromUtf8(html.readAll());
        QVERIFY(redline.contains("LabelSets Privacy Policy · Published · published 2026-03-01"));
        QVERIFY(redline.contains("LabelSets Privacy Policy · Draft"));
        QVERIFY(redline.contains(">7</span></del>") && redline.contains(">5</span></ins>"));
        auto head = AuditLog::head(m_ws->database());
        QVERIFY_OK(head);
        QVERIFY2(redline.contains(
                     QString("Audit head #%1 · %2").arg(head->seq).arg(head->hash.left(12))) &&
                     redline.contains(head->anchor()),
                 qPrintable(redline.right(300)));
        FileDialog::queueAnswer(m_tmp.path("redline.pdf"));
        QTest::mouseClick(find<QPushButton>("exportRedlineButton"), Qt::LeftButton);
        QFile pdf(m_tmp.path("redline.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QCOMPARE(pdf.read(5), QByteArray("%PDF-"));
    }

    // Publishing asks for the dates; too short a notice is refused with the
    // reason, a long enough one publishes and supersedes the old version.
    // A sync (or any change elsewhere) reloads a page's rows; the record the
    // officer had selected stays selected.
    void aReloadKeepsTheSelection()
    {
        auto versions = m_ws->policyVersions("org-labelsets");
        QVERIFY_OK(versions);
        PolicyService service(*m_ws);
        auto draft =
            service.newDraft("org-labelsets", "privacy-policy", versions.value().first().id);
        QVERIFY_OK(draft);
        clickSidebar("Policies");
        auto page = m_window->findChild<PoliciesPage*>("policiesPage");
        QVERIFY(page->selectVersion(draft.value().id));
        auto view = page->table()->view();
        QCOMPARE(view->currentIndex().data(RecordIdRole).toString(), draft.value().id);
        QSignalSpy reset(page->table()->proxy(), SIGNAL(modelReset()));
        m_ws->notifyChanged("policy-versions");
        QTRY_COMPARE(reset.count(), 1);
        QCOMPARE(view->currentIndex().data(RecordIdRole).toString(), draft.value().id);
        QVERIFY(view->selectionModel()->isRowSelected(view->currentIndex().row()));
    }

    // Requests whose organization is not there yet are kept: the status
    // bar and the log say how many and why, the Waiting tab lists them and
    // dismisses one; the other applies once its organization comes.
    void syncWaitingRecordsAreListedAndDismissed()
    {
        const QByteArray token = "tok-gui-waiting-91c2";
        ContractServer server(token);
        for (const char* id : {"q1", "q2"})
            server.append("rights-requests", {{"id", id},
                                              {"organization_id", "o-later"},
                                              {"type", "access"},
                                              {"jurisdiction", "GDPR"},
                                              {"subject_email", "q@example.com"},
                                              {"received_at", "2026-11-02T10:00:00Z"},
                                              {"status", "new"}});
        qputenv("WB_GUI_WAITING_TOKEN", token);
        clickSidebar("Sync");
        replaceText(find<QLineEdit>("sourceName"), "company");
        replaceText(find<QLineEdit>("sourceUrl"), server.baseUrl());
        replaceText(find<QLineEdit>("tokenEnv"), "WB_GUI_WAITING_TOKEN");
        QTest::mouseClick(find<QPushButton>("saveSource"), Qt::LeftButton);

        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isSyncing(), 30000);
        // One sentence, each record counted once (the catalogues give
        // "record(s)" its plural forms).
        QCOMPARE(find<QLabel>("syncProgress")->text(),
                 QString("Synced: 0 record(s) changed; 2 waiting for the next sync (missing "
                         "organization) — see Sync › Waiting"));
        auto tabs = find<QTabWidget>("syncTabs");
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
        auto log = find<QTreeWidget>("syncLog");
        QVERIFY2(log->topLevelItem(0)->text(3).contains("2 records refused and kept"),
                 qPrintable(log->topLevelItem(0)->text(3)));
        // A run that left records waiting is not "OK".
        QCOMPARE(log->topLevelItem(0)->text(2), QString("Done, records waiting"));

        QCOMPARE(tabs->tabText(3), QString("Waiting (2)"));
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(3).center());
        auto waiting = find<QTreeWidget>("waitingRecords");
        QCOMPARE(waiting->topLevelItemCount(), 2);
        // Records that wait are news, not the grey of an empty state.
        auto waitingMessage = find<QLabel>("waitingMessage");
        const QColor normalText = tabs->palette().color(QPalette::WindowText);
        QVERIFY(normalText != tabs->palette().color(QPalette::Mid));
        QCOMPARE(waitingMessage->palette().color(QPalette::WindowText), normalText);
        QCOMPARE(waiting->topLevelItem(1)->text(0), QString("rights-requests/q2"));
        QCOMPARE(waiting->topLevelItem(1)->text(1), QString("missing organization"));
        clickRow(waiting, waiting->model()->index(1, 0));
        QVERIFY(find<QPlainTextEdit>("waitingRecord")->toPlainText().contains("o-later"));
        screenshot("sync-waiting.png");
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("dismissWaiting"), Qt::LeftButton);
        QCOMPARE(waiting->topLevelItemCount(), 1);
        QCOMPARE(waiting->topLevelItem(0)->text(0), QString("rights-requests/q1"));
        QCOMPARE(tabs->tabText(3), QString("Waiting (1)"));
        auto audit = m_ws->auditEntries({"rights-requests", "q2"});
        QVERIFY_OK(audit);
        QCOMPARE(audit->size(), 1);
        QCOMPARE(audit->first().action, QString("dismiss"));
        QCOMPARE(audit->first().actor, QString("dana"));

        // The organization comes: q1 applies, q2 (dismissed) is not tried.
        server.append("organizations", {{"id", "o-later"}, {"name", "Later Org"}});
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isSyncing(), 30000);
        QVERIFY2(!find<QLabel>("syncProgress")->text().contains("refused"),
                 qPrintable(find<QLabel>("syncProgress")->text()));
        QCOMPARE(find<QLabel>("syncProgress")->text(),
                 QString("Synced: 2 record(s) changed")); // the organization, then q1
        QTRY_COMPARE(log->topLevelItem(0)->text(2), QString("OK"));
        QTRY_COMPARE(waiting->topLevelItemCount(), 0);
        QCOMPARE(tabs->tabText(3), QString("Waiting"));
        QCOMPARE(waitingMessage->palette().color(QPalette::WindowText),
                 tabs->palette().color(QPalette::Mid));
        QVERIFY(Repository<RightsRequest>(m_ws->database()).find("q1").value().has_value());
        QVERIFY(!Repository<RightsRequest>(m_ws->database()).find("q2").value().has_value());
    }

    void syncFromTheWindowAndResolveAConflict()
    {
        const QByteArray token = "tok-gui-5b1f-do-not-leak";
        ContractServer server(token);
        server.append("organizations", {{"id", "o1"}, {"name", "Synced Org"}});
        const QJsonObject r1{{"id", "r1"},
                             {"organization_id", "o1"},
                             {"type", "access"},
                             {"jurisdiction", "GDPR"},
                             {"subject_email", "r1@example.com"},
                             {"received_at", "2026-11-02T10:00:00Z"},
                             {"status", "new"}};
        server.append("rights-requests", r1);
        QJsonObject bad = r1;
        bad["id"] = "r2";
        bad["type"] = "telepathy";
        server.append("rights-requests", bad);
        qputenv("WB_GUI_SYNC_TOKEN", token);

        clickSidebar("Sync");
        replaceText(find<QLineEdit>("sourceName"), "company");
        replaceText(find<QLineEdit>("sourceUrl"), server.baseUrl());
        replaceText(find<QLineEdit>("tokenEnv"), "WB_GUI_SYNC_TOKEN");
        QTest::mouseClick(find<QPushButton>("saveSource"), Qt::LeftButton);
        QCOMPARE(find<QListWidget>("syncSources")->count(), 1);
        QVERIFY(find<QLabel>("sourceMessage")->text().contains("Saved company"));
        screenshot("sync-sources.png");

        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(m_window->isSyncing());
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isSyncing(), 30000);
        QVERIFY2(find<QLabel>("syncProgress")->text().contains("Synced"),
                 qPrintable(find<QLabel>("syncProgress")->text()));
        auto mine = Repository<RightsRequest>(m_ws->database()).find("r1");
        QVERIFY(mine && mine.value());

        // The officer assigns r1; meanwhile the server moves it on.
        RightsRequest edited = *mine.value();
        edited.assignee = "Dana";
        QVERIFY_OK(m_ws->save(edited, "assign"));
        QJsonObject theirs = r1;
        theirs["status"] = "in_progress";
        theirs["assignee"] = "Sam";
        theirs["version"] = 2;
        server.append("rights-requests", theirs);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isSyncing(), 30000);
        QVERIFY2(find<QLabel>("syncProgress")->text().contains("1 conflict"),
                 qPrintable(find<QLabel>("syncProgress")->text()));
        QCOMPARE(find<QTreeWidget>("syncLog")->topLevelItemCount(), 2);

        auto tabs = find<QTabWidget>("syncTabs");
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(2).center());
        QCOMPARE(tabs->tabText(2), QString("Conflicts (1)"));
        auto fields = find<QTableWidget>("conflictFields");
        QCOMPARE(fields->rowCount(), 2);
        QCOMPARE(fields->item(0, 0)->text(), QString("assignee"));
        QCOMPARE(fields->item(0, 2)->text(), QString("Dana"));
        QCOMPARE(fields->item(0, 3)->text(), QString("Sam"));
        QCOMPARE(fields->item(0, 4)->checkState(), Qt::Checked);
        QCOMPARE(fields->item(1, 0)->text(), QString("status"));
        QCOMPARE(fields->item(1, 3)->text(), QString("in_progress"));
        screenshot("sync-conflicts.png");

        // Mine for the assignee (ticked), theirs for the status.
        QTest::mouseClick(find<QPushButton>("mergeTicked"), Qt::LeftButton);
        QCOMPARE(find<QListWidget>("conflictList")->count(), 0);
        const RightsRequest merged =
            *Repository<RightsRequest>(m_ws->database()).find("r1").value();
        QCOMPARE(merged.assignee, QString("Dana"));
        QCOMPARE(merged.status, RequestStatus::InProgress);

        // The kept assignee goes back on the next sync, against version 2.
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isSyncing(), 30000);
        QCOMPARE(server.patchesApplied(), 1);
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
        QCOMPARE(find<QTreeWidget>("syncLog")->topLevelItemCount(), 3);
        auto log = find<QTreeWidget>("syncLog");
        QVERIFY2(log->topLevelItem(0)->text(3).contains("1 edit(s) sent"),
                 qPrintable(log->topLevelItem(0)->text(3)));
        // The first run rejected r2, and says which field and why.
        QTreeWidgetItem* first = log->topLevelItem(2);
        QVERIFY(first->text(3).contains("rights-requests: 1 added, 1 rejected"));
        QCOMPARE(first->childCount(), 1);
        QVERIFY(first->isExpanded());
        QCOMPARE(first->child(0)->text(1), QString("rights-requests/r2"));
        QVERIFY(first->child(0)->text(2).contains("type"));
        screenshot("sync-log.png");
        // The token and the audit signing key never reached the settings or
        // the workspace (its WAL included).
        QSettings().sync();
        const QByteArray keyText = qgetenv(AuditSigning::kEnvironmentVariable);
        const QByteArray seed = QByteArray::fromBase64(keyText);
        QCOMPARE(seed.size(), 32);
        for (const QString& file :
             QStringList{QSettings().fileName(), m_ws->path(), m_ws->path() + "-wal"}) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains(token), qPrintable(file));
            QVERIFY2(!bytes.contains(seed) && !bytes.contains(keyText) &&
                         !bytes.contains(seed.toHex()),
                     qPrintable(file));
        }
    }

    void syncTimeoutSettingAndTokensInStoredUrlsNeverShown()
    {
        const QString secret = "urlsecret-gui-4e1a9c";
        // A source and a run saved before URLs were checked.
        {
            QSqlQuery q(m_ws->database().connection());
            QVERIFY(q.exec(QString("INSERT INTO sync_sources (name, kind, base_url, resources, "
                                   "token_env) VALUES ('old', 'rest', "
                                   "'https://bob:%1@api.example.com/v1?apikey=%1', '', "
                                   "'WB_GUI_OLD_TOKEN')")
                               .arg(secret)));
            QVERIFY(q.exec(QString("INSERT INTO sync_runs (source, started_at, finished_at, "
                                   "outcome, message, summary_json) VALUES "
                                   "('https://api.example.com/v1?access_token=%1', "
                                   "'2026-11-01T09:00:00.000Z', '2026-11-01T09:00:01.000Z', "
                                   "'error', 'GET https://bob:%1@api.example.com/v1 failed', "
                                   "'{}')")
                               .arg(secret)));
        }
        clickSidebar("Sync");
        auto url = find<QLineEdit>("sourceUrl");
        QVERIFY2(url->text().startsWith("https://api.example.com/v1?apikey="),
                 qPrintable(url->text()));
        QVERIFY(!url->text().contains(secret));
        auto message = find<QLabel>("sourceMessage");
        QVERIFY2(message->text().contains("keychain"), qPrintable(message->text()));
        QVERIFY(!message->text().contains(secret));
        auto log = find<QTreeWidget>("syncLog");
        QCOMPARE(log->topLevelItemCount(), 1);
        for (int column = 0; column < 4; ++column) {
            QVERIFY(!log->topLevelItem(0)->text(column).contains(secret));
            QVERIFY(!log->topLevelItem(0)->toolTip(column).contains(secret));
        }
        QVERIFY(log->topLevelItem(0)->text(1).startsWith("https://api.example.com/v1"));
        // Saved as shown it is still refused: the officer moves the token out.
        QTest::mouseClick(find<QPushButton>("saveSource"), Qt::LeftButton);
        QVERIFY2(message->text().contains("looks like a credential"), qPrintable(message->text()));

        // The timeout is a setting the window's sync uses.
        auto timeout = find<QSpinBox>("syncTimeout");
        QCOMPARE(timeout->value(), 30);
        timeout->setValue(1);
        QCOMPARE(QSettings().value("sync/timeoutSeconds").toInt(), 1);
        QTcpServer hung; // listens, never accepts, never answers
        QVERIFY(hung.listen(QHostAddress::LocalHost, 0));
        qputenv("WB_GUI_HUNG_TOKEN", "tok-gui-hung");
        qputenv("WB_GUI_OLD_TOKEN", "tok-gui-old");
        QTest::mouseClick(find<QPushButton>("newSource"), Qt::LeftButton);
        replaceText(find<QLineEdit>("sourceName"), "hung");
        replaceText(url, QString("http://127.0.0.1:%1/api/v1").arg(hung.serverPort()));
        replaceText(find<QLineEdit>("tokenEnv"), "WB_GUI_HUNG_TOKEN");
        QTest::mouseClick(find<QPushButton>("saveSource"), Qt::LeftButton);
        QVERIFY2(message->text().contains("Saved hung"), qPrintable(message->text()));
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isSyncing(), 60000);
        const QString status = find<QLabel>("syncProgress")->text();
        QVERIFY2(status.contains("timed out after 1 s"), qPrintable(status));
        QVERIFY2(status.contains("Refused https://api.example.com/v1?apikey=***"),
                 qPrintable(status)); // the old source
        QVERIFY2(!status.contains(secret), qPrintable(status));
        QCOMPARE(log->topLevelItemCount(), 3);
        for (int row = 0; row < log->topLevelItemCount(); ++row)
            for (int column = 0; column < 4; ++column)
                QVERIFY(!log->topLevelItem(row)->text(column).contains(secret));
    }

    void publishRespectsTheNoticePeriod()
    {
        auto published = m_ws->policyVersions("org-labelsets");
        QVERIFY_OK(published);
        const QString seedId = published.value().first().id;
        PolicyService service(*m_ws);
        auto draft = service.newDraft("org-labelsets", "privacy-policy", seedId);
        QVERIFY_OK(draft);
        clickSidebar("Policies");
        auto page = m_window->findChild<PoliciesPage*>("policiesPage");
        QVERIFY(page->selectVersion(draft.value().id));

        const QDate today = QDate::currentDate();
        ModalDriver publish([&](QWidget* shown, ModalDriver& d) {
            auto dialog = d.as<PublishDialog>(shown);
            auto box = dialog->findChild<QDialogButtonBox*>();
            auto notified = dialog->findChild<QDateEdit*>("notifiedOn");
            auto effective = dialog->findChild<QDateEdit*>("effectiveOn");
            auto reason = dialog->findChild<QLabel*>("publishProblem");
            MODAL_VERIFY(d, box && notified && effective && reason);
            auto ok = box->button(QDialogButtonBox::Ok);
            notified->setDate(today);
            effective->setDate(today.addDays(5));
            // Inside the notice period: refused, with the reason.
            MODAL_VERIFY(d, !ok->isEnabled());
            MODAL_VERIFY(d, reason->isVisible());
            d.verify(reason->text().contains("The notice period is 14 days") &&
                         reason->text().contains(today.addDays(14).toString(Qt::ISODate)),
                     "the reason names the period and the first date: " + reason->text());
            effective->setDate(today.addDays(14));
            MODAL_VERIFY(d, ok->isEnabled());
            QTest::mouseClick(ok, Qt::LeftButton);
        });
        QTest::mouseClick(find<QPushButton>("publishButton"), Qt::LeftButton);
        QVERIFY_MODAL(publish);
        auto versions = m_ws->policyVersions("org-labelsets");
        QVERIFY_OK(versions);
        QHash<QString, PolicyVersion> byId;
        for (const PolicyVersion& v : versions.value())
            byId.insert(v.id, v);
        QCOMPARE(byId[seedId].status, PolicyStatus::Superseded);
        QCOMPARE(byId[draft.value().id].status, PolicyStatus::Published);
        QCOMPARE(byId[draft.value().id].effectiveOn, today.addDays(14));
        // The service refuses a short notice too.
        auto second = service.newDraft("org-labelsets", "privacy-policy", draft.value().id);
        QVERIFY_OK(second);
        const Status refused = service.publish(second.value().id, today, today.addDays(13));
        QVERIFY(!refused);
        QVERIFY(refused.error().contains("14 days"));
        // Today lists the version waiting for its effective date.
        clickSidebar("Today");
        auto items = find<QTreeWidget>("todayItems");
        QTreeWidgetItem* waiting = nullptr;
        QTRY_VERIFY(
            (waiting =
                 items->findItems("Policy changes waiting to take effect (1)", Qt::MatchExactly)
                     .value(0)));
        QCOMPARE(waiting->child(0)->text(2), today.addDays(14).toString(Qt::ISODate));
        QCOMPARE(items->findItems("Policy drafts not yet published (1)", Qt::MatchExactly).size(),
                 1);
    }

    void exportTheAnnexWithItsCompletenessList()
    {
        clickSidebar("Processors");
        auto page = qobject_cast<ProcessorsPage*>(m_window->currentPage());
        QVERIFY(page);
        AnnexExportDialog* dialog = page->makeAnnexExportDialog();
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto gaps = dialog->findChild<QListWidget*>("annexGaps");
        QCOMPARE(gaps->count(), 3);
        QVERIFY(gaps->item(0)->text().startsWith("Railway lacks: address"));
        QVERIFY(dialog->findChild<QTextBrowser*>("annexPreview")
                    ->toPlainText()
                    .contains("Stripe Payments Europe"));
        auto layout = dialog->findChild<QComboBox*>("annexLayout");
        layout->setCurrentIndex(layout->findData("ropa"));
        QCOMPARE(dialog->table().columns.size(), 19);
        layout->setCurrentIndex(layout->findData("scc-processor"));
        if (const QString dir = qEnvironmentVariable("PRIVACY_WORKBENCH_SCREENSHOT_DIR");
            !dir.isEmpty())
            dialog->grab().save(dir + "/annex-export.png");
        auto format = dialog->findChild<QComboBox*>("annexFormat");
        format->setCurrentIndex(format->findData("xlsx"));
        QVERIFY_OK(dialog->exportTo(m_tmp.path("annex.xlsx")));
        QVERIFY(QFileInfo(m_tmp.path("annex.xlsx")).size() > 1000);
        // The annex names the audit head of the moment it was written.
        auto head = AuditLog::head(m_ws->database());
        QVERIFY_OK(head);
        QVERIFY(unzipEntry(m_tmp.path("annex.xlsx"), "xl/worksheets/sheet1.xml")
                    .contains(head->anchor().toUtf8()));
        format->setCurrentIndex(format->findData("md"));
        QVERIFY_OK(dialog->exportTo(m_tmp.path("annex.md")));
        QVERIFY(fileText(m_tmp.path("annex.md")).contains(head->anchor()));
        // Fix first: a double-click opens the processor.
        gaps->setCurrentRow(0);
        QTest::keyClick(gaps, Qt::Key_Return);
        QTRY_COMPARE(find<QLineEdit>("nameEdit")->text(), QStringLiteral("Railway"));
    }

    void importAListCorrectingAColumn()
    {
        clickSidebar("Processors");
        auto page = qobject_cast<ProcessorsPage*>(m_window->currentPage());
        QFile csv(m_tmp.path("vendors.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        // "Notes" is not a purpose, but "What they do" is: the guess needs help.
        csv.write(
            "Vendor;What they do;Country\nHetzner;Hosting;Germany\nStripe;Payments and payouts;IE\n"
            "Acme;Analytics;Atlantis\n");
        csv.close();
        ImportProcessorsDialog* dialog = page->makeImportDialog(csv.fileName());
        QVERIFY(dialog);
        dialog->show();
        auto summary = dialog->findChild<QLabel*>("importSummary");
        QCOMPARE(summary->text(), QStringLiteral("0 to add, 1 to update, 2 rejected"));
        auto meaning = dialog->findChild<QComboBox*>("importMapping1");
        meaning->setCurrentIndex(meaning->findData(int(ImportField::Service)));
        QCOMPARE(summary->text(), QStringLiteral("1 to add, 1 to update, 1 rejected"));
        auto report = dialog->findChild<QListWidget*>("importReport");
        QVERIFY(report
                    ->findItems("Row 4 rejected: location 'Atlantis' is not a country",
                                Qt::MatchExactly)
                    .size() == 1);
        QTest::mouseClick(dialog->findChild<QPushButton*>("importButton"), Qt::LeftButton);
        QTRY_VERIFY(findRow(find<QTreeView>("processorTree")->model(), 0, "Hetzner").isValid());
        QCOMPARE(m_ws->processor("p-stripe").value()->service,
                 QStringLiteral("Payments and payouts"));
    }

    void windowStateIsRemembered()
    {
        m_window->resize(1011, 707);
        clickSidebar("Retention");
        m_window->setOrganization("org-genmedia");
        m_window->close();
        m_window = std::make_unique<MainWindow>(*m_ws);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(m_window->size(), QSize(1011, 707));
        QCOMPARE(m_window->currentPage()->pageName(), QStringLiteral("retention"));
        QCOMPARE(m_window->organization(), QStringLiteral("org-genmedia"));
        auto rules = find<QTableView>("retentionView");
        QCOMPARE(rules->model()->rowCount(), 7);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
