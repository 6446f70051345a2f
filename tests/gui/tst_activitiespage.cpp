#include "TestSupport.h"
#include "activities/ActivitiesPage.h"
#include "activities/ActivityDetailPane.h"
#include "activities/OrganizationDialog.h"
#include "dialogs/MessageBox.h"
#include "itemmodels/ActivityModel.h"
#include "itemmodels/ModelRoles.h"
#include "mainwindow/MainWindow.h"
#include "services/ActivityService.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QUndoStack>

using namespace workbench;
using namespace workbench::test;

// The Activities page driven through its real widgets in the real window:
// Ctrl+8 opens it, an activity is added, linked to a processor and a rule,
// saved, and undone; the Art. 9 condition opens only with a special
// category; the organization's controller details are edited.
class TestActivitiesPage : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<MainWindow> m_window;
    int m_n = 0;

    template <typename T> T* find(const char* name)
    {
        T* w = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qWarning("no widget %s", name);
        return w;
    }
    ActivitiesPage* page() { return qobject_cast<ActivitiesPage*>(m_window->currentPage()); }
    static void check(QListWidget* list, const QString& key)
    {
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(Qt::UserRole + 1).toString() == key)
                list->item(i)->setCheckState(Qt::Checked);
    }
    static bool isChecked(QListWidget* list, const QString& key)
    {
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(Qt::UserRole + 1).toString() == key)
                return list->item(i)->checkState() == Qt::Checked;
        return false;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        MessageBox::setAutoAnswer(QMessageBox::Yes);
    }

    void init()
    {
        QSettings().clear();
        m_ws = makeDemoWorkspace(m_tmp.path(QStringLiteral("gui%1.sqlite").arg(++m_n)));
        QVERIFY(m_ws);
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

    void ctrl8OpensThePageWithTheDemoActivities()
    {
        auto action = m_window->findChild<QAction*>("actionPage_activities");
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_8));
        QTest::keyClick(m_window.get(), Qt::Key_8, Qt::ControlModifier);
        QTRY_VERIFY(page());
        QCOMPARE(page()->pageName(), QString("activities"));
        auto view = find<QTableView>("activitiesView");
        QVERIFY(view);
        QTRY_VERIFY(view->model()->rowCount() >= 5);
        // The first row is selected and shown.
        QTRY_VERIFY(!page()->selectedActivityId().isEmpty());
        QVERIFY(find<QLineEdit>("activityNameEdit")->isVisible());
    }

    void addLinkSaveAndUndo()
    {
        QVERIFY(m_window->showPage("activities"));
        ActivitiesPage* p = page();
        QVERIFY(p);
        QTRY_VERIFY(p->model()->rowCount() >= 5);
        const int before = p->model()->rowCount();
        QUndoStack* undo = m_window->undoStack();

        QTest::mouseClick(find<QPushButton>("addActivityButton"), Qt::LeftButton);
        QTRY_COMPARE(p->model()->rowCount(), before + 1);
        const QString id = p->selectedActivityId();
        QVERIFY(p->model()->activity(id));
        QCOMPARE(p->model()->activity(id)->name, QString("New processing activity"));
        QTRY_VERIFY(find<QLineEdit>("activityNameEdit")->hasFocus());

        // Name it, pick a processor, a rule, a category, a measure.
        QLineEdit* name = find<QLineEdit>("activityNameEdit");
        name->selectAll();
        QTest::keyClicks(name, "Refunds");
        auto basis = find<QComboBox>("legalBasisCombo");
        basis->setCurrentIndex(basis->findData("contract"));
        check(find<QListWidget>("processorsList"), "p-stripe");
        check(find<QListWidget>("retentionRulesList"), "r-labelsets-transactions");
        check(find<QListWidget>("categoriesList"), "user.financial");
        check(find<QListWidget>("measuresList"), "protection_in_transmission");
        // The transfers follow the processor: Stripe is in the US.
        QVERIFY2(find<QLabel>("derivedTransfersLabel")->text().contains("US via Stripe"),
                 qPrintable(find<QLabel>("derivedTransfersLabel")->text()));
        auto apply = find<QPushButton>("applyActivityButton");
        QVERIFY(apply->isEnabled());
        QTest::keyClick(name, Qt::Key_Return, Qt::ControlModifier);

        QTRY_COMPARE(p->model()->activity(id) ? p->model()->activity(id)->name : QString(),
                     QString("Refunds"));
        const ProcessingActivity saved = *p->model()->activity(id);
        QCOMPARE(saved.processorIds, QStringList{"p-stripe"});
        QCOMPARE(saved.retentionRuleIds, QStringList{"r-labelsets-transactions"});
        QCOMPARE(saved.legalBasis, std::optional<LegalBasis>(LegalBasis::Contract));
        QCOMPARE(m_ws->activity(id).value()->name, QString("Refunds"));
        const QModelIndex row = p->model()->indexOf(id);
        QVERIFY(p->model()
                    ->index(row.row(), ActivityModel::RetentionColumn)
                    .data()
                    .toString()
                    .contains("7 years"));
        QVERIFY(p->model()
                    ->index(row.row(), ActivityModel::RecipientsColumn)
                    .data()
                    .toString()
                    .contains("Stripe"));
        // The pane shows what was saved.
        QTRY_VERIFY(isChecked(find<QListWidget>("processorsList"), "p-stripe"));

        // Ctrl+Z undoes the edit, then the addition.
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(m_ws->activity(id).value()->name, QString("New processing activity"));
        QVERIFY(m_ws->activity(id).value()->processorIds.isEmpty());
        QTRY_COMPARE(p->model()->activity(id)->name, QString("New processing activity"));
        undo->undo();
        QTRY_COMPARE(p->model()->rowCount(), before);
        QVERIFY(!m_ws->activity(id).value());
        undo->redo();
        QTRY_COMPARE(p->model()->rowCount(), before + 1);
    }

    void article9ConditionOnlyWithSpecialCategories()
    {
        QVERIFY(m_window->showPage("activities"));
        ActivitiesPage* p = page();
        QTRY_VERIFY(!p->selectedActivityId().isEmpty());
        auto art9 = find<QComboBox>("art9Combo");
        QVERIFY(!art9->isEnabled());
        check(find<QListWidget>("categoriesList"), "user.health_and_medical");
        QVERIFY(art9->isEnabled());
        QVERIFY(find<QLabel>("activityProblems")->text().contains("Art. 9 condition"));
        // Applying without a condition is refused, saying why; nothing saved.
        const QString id = p->selectedActivityId();
        const ProcessingActivity before = *m_ws->activity(id).value();
        QTest::mouseClick(find<QPushButton>("applyActivityButton"), Qt::LeftButton);
        QVERIFY(find<QLabel>("activityProblems")->text().contains("Art. 9 condition"));
        QCOMPARE(*m_ws->activity(id).value(), before);
        art9->setCurrentIndex(art9->findData("explicit_consent"));
        QTest::mouseClick(find<QPushButton>("applyActivityButton"), Qt::LeftButton);
        QTRY_COMPARE(
            m_ws->activity(id).value()->specialCategoryCondition,
            std::optional<SpecialCategoryCondition>(SpecialCategoryCondition::ExplicitConsent));
    }

    void organizationDialogSavesTheControllerDetails()
    {
        QVERIFY(m_window->showPage("activities"));
        OrganizationDialog* dialog = page()->makeOrganizationDialog();
        dialog->open();
        auto rep = dialog->findChild<QLineEdit*>("representativeNameEdit");
        QVERIFY(rep);
        rep->setText("EU Rep GmbH");
        dialog->findChild<QLineEdit*>("authorityCountryEdit")->setText("de");
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        Organization org;
        QTRY_VERIFY([&] {
            for (const Organization& o : m_ws->organizations().value())
                if (o.id == "org-labelsets")
                    org = o;
            return org.representative.name == "EU Rep GmbH";
        }());
        QCOMPARE(org.authority.country, QString("DE"));
        m_window->undoStack()->undo();
        for (const Organization& o : m_ws->organizations().value())
            if (o.id == "org-labelsets")
                org = o;
        QVERIFY(org.representative.name.isEmpty());
    }
};

QTEST_MAIN(TestActivitiesPage)
#include "tst_activitiespage.moc"
