#include "TestSupport.h"
#include "common/Page.h"
#include "dialogs/FileDialog.h"
#include "dialogs/MessageBox.h"
#include "incidents/IncidentsPage.h"
#include "itemmodels/IncidentModel.h"
#include "itemmodels/Tone.h"
#include "mainwindow/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTimeZone>
#include <QTreeWidget>

using namespace workbench;
using namespace workbench::test;

// The Incidents page driven through its widgets: a breach reported by a
// processor, its clock on Today and in the status bar, the risk assessed
// high, the drafts to the authority and to the people, the notification
// recorded, the clock stopped and the register's row.
class TestIncidents : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<MainWindow> m_window;

    template <typename T> T* find(const char* name) const
    {
        T* w = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qWarning("no widget named %s", name);
        return w;
    }

    void click(const char* button) const
    {
        auto b = find<QPushButton>(button);
        QVERIFY(b && b->isEnabled());
        QTest::mouseClick(b, Qt::LeftButton);
    }

    void setTime(const char* name, const QDateTime& t) const
    {
        const QDateTime local = t.toTimeZone(QTimeZone("Europe/Berlin"));
        find<QDateTimeEdit>(name)->setDateTime(QDateTime(local.date(), local.time()));
    }

    void choose(const char* combo, const QString& data) const
    {
        auto c = find<QComboBox>(combo);
        const int i = c->findData(data);
        QVERIFY2(i >= 0, qPrintable(data));
        c->setCurrentIndex(i);
    }

    // The breach clocks Today lists: item text -> status column.
    QList<QTreeWidgetItem*> todayClocks() const
    {
        auto items = find<QTreeWidget>("todayItems");
        for (int i = 0; i < items->topLevelItemCount(); ++i) {
            QTreeWidgetItem* section = items->topLevelItem(i);
            if (section->text(0).startsWith("Breach clocks running")) {
                QList<QTreeWidgetItem*> out;
                for (int c = 0; c < section->childCount(); ++c)
                    out << section->child(c);
                return out;
            }
        }
        return {};
    }

    void screenshot(const QString& name) const
    {
        if (const QString dir = qEnvironmentVariable("PRIVACY_WORKBENCH_SCREENSHOT_DIR");
            !dir.isEmpty()) {
            m_window->resize(1280, 800);
            QApplication::processEvents();
            m_window->grab().save(dir + '/' + name);
        }
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
        m_ws = makeDemoWorkspace(m_tmp.path("gui.sqlite"));
        QVERIFY(m_ws);
        m_window = std::make_unique<MainWindow>(*m_ws);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->setOrganization("org-labelsets"));
    }

    void cleanup()
    {
        m_window.reset();
        m_ws.reset();
    }

    void aProcessorsBreachFromReportToNotification()
    {
        QVERIFY(m_window->showPage("incidents"));
        auto page = qobject_cast<IncidentsPage*>(m_window->currentPage());
        QVERIFY(page);
        QCOMPARE(page->model()->rowCount(), 0);

        // Reported by a processor; we became aware 50 hours ago: 22 left.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        click("newIncident");
        find<QLineEdit>("incidentTitle")->setText("Ticket attachments readable by others");
        find<QPlainTextEdit>("incidentWhat")
            ->setPlainText("A misconfigured storage bucket at the ticketing processor.");
        find<QComboBox>("incidentJurisdiction")->setCurrentText("GDPR");
        find<QLineEdit>("incidentZone")->setText("Europe/Berlin");
        setTime("incidentDiscovered", now.addSecs(-51 * 3600));
        setTime("incidentAware", now.addSecs(-50 * 3600));
        choose("incidentReportedBy", "processor");
        auto reporter = find<QComboBox>("incidentReporterProcessor");
        QVERIFY(reporter->isEnabled() && reporter->count() > 0);
        reporter->setCurrentIndex(0);
        const QString processorName = reporter->currentText();
        setTime("incidentProcessorAware", now.addSecs(-60 * 3600));
        setTime("incidentProcessorNotice", now.addSecs(-51 * 3600));
        find<QSpinBox>("incidentContractHours")->setValue(24);
        find<QLineEdit>("incidentCategories")->setText("contact details, ticket contents");
        find<QLineEdit>("incidentSpecialCategories")->setText("health");
        find<QSpinBox>("incidentPeople")->setValue(340);
        find<QSpinBox>("incidentRecords")->setValue(1200);
        find<QPlainTextEdit>("incidentConsequences")
            ->setPlainText("Strangers could read medical certificates.");
        find<QPlainTextEdit>("incidentMeasuresTaken")->setPlainText("Bucket closed.");
        find<QPlainTextEdit>("incidentMeasuresProposed")
            ->setPlainText("Be wary of mails quoting your ticket.");
        click("saveIncident");
        QVERIFY2(!find<QLabel>("incidentMessage")->isVisible(),
                 qPrintable(find<QLabel>("incidentMessage")->text()));
        QCOMPARE(page->model()->rowCount(), 1);
        const QString id = page->currentId();
        QVERIFY(id.startsWith("inc-"));

        auto clocks = find<QTreeWidget>("incidentClocks");
        QCOMPARE(clocks->topLevelItem(0)->text(0), QString("Notify the supervisory authority"));
        QVERIFY(clocks->topLevelItem(0)->text(2).endsWith(" left"));
        QCOMPARE(clocks->topLevelItem(0)->foreground(2).color(),
                 toneColour(Tone::Error, clocks->palette()));
        screenshot("incident-clocks.png");

        // Today and the status bar show the clock, red under 24 hours.
        QVERIFY(m_window->showPage("today"));
        QList<QTreeWidgetItem*> onToday = todayClocks();
        QCOMPARE(onToday.size(), 1);
        QVERIFY(onToday[0]->text(0).contains("Notify the supervisory authority"));
        QVERIFY(onToday[0]->text(1).contains(" h") && onToday[0]->text(1).endsWith("left"));
        QCOMPARE(onToday[0]->foreground(1).color(),
                 toneColour(Tone::Error, find<QTreeWidget>("todayItems")->palette()));
        auto statusClock = find<QLabel>("breachClockLabel");
        QVERIFY(statusClock->isVisible());
        QVERIFY(statusClock->text().contains(id));
        QVERIFY(statusClock->text().contains("supervisory authority"));

        // Back on the incident: the risk is high (health data).
        QVERIFY(m_window->showPage("incidents"));
        choose("riskLevel", "high");
        find<QPlainTextEdit>("riskReasoning")->setPlainText("Health data, readable by strangers.");
        click("assessRisk");
        QCOMPARE(clocks->topLevelItemCount(), 2);
        QCOMPARE(clocks->topLevelItem(1)->text(2).left(19), QString("as soon as feasible"));

        // The authority's draft, saved as PDF; the letter, as an e-mail.
        choose("draftLanguage", "en");
        click("authorityDraft");
        const QString draft = find<QPlainTextEdit>("draftPreview")->toPlainText();
        for (const char* part : {"Notification of a personal data breach (initial notification)",
                                 "(a) Nature of the breach", "health (special category)", "340",
                                 "(c) Likely consequences", "(d) Measures taken or proposed"})
            QVERIFY2(draft.contains(part), part);
        QVERIFY(draft.contains(processorName));
        screenshot("incident-draft.png");
        FileDialog::queueAnswer(m_tmp.path("authority.pdf"));
        click("saveDraft");
        QFile pdf(m_tmp.path("authority.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        click("peopleDraft");
        QVERIFY(find<QPlainTextEdit>("draftPreview")
                    ->toPlainText()
                    .contains("What you can do\nBe wary of mails quoting your ticket."));
        FileDialog::queueAnswer(m_tmp.path("people.eml"));
        click("saveDraft");
        QFile eml(m_tmp.path("people.eml"));
        QVERIFY(eml.open(QIODevice::ReadOnly));
        QVERIFY(eml.readAll().contains("Content-Type: text/plain; charset=UTF-8"));

        // The notification goes in: the authority's clock stops.
        choose("submissionClock", "authority");
        choose("submissionPhase", "initial");
        setTime("submissionTime", now.addSecs(-60));
        find<QLineEdit>("submissionReference")->setText("BfDI-2026-0042");
        click("recordSubmission");
        QVERIFY2(!find<QLabel>("incidentMessage")->isVisible(),
                 qPrintable(find<QLabel>("incidentMessage")->text()));
        QVERIFY2(clocks->topLevelItem(0)->text(2).startsWith("notified "),
                 qPrintable(clocks->topLevelItem(0)->text(2)));

        // The register's row says so, and Today lists only the people's clock.
        const int row = page->model()->rowOf(id);
        QVERIFY(!page->model()->index(row, IncidentModel::Notified).data().toString().isEmpty());
        QVERIFY(page->model()
                    ->index(row, IncidentModel::NextClock)
                    .data()
                    .toString()
                    .startsWith("Tell the people affected"));
        FileDialog::queueAnswer(m_tmp.path("register.csv"));
        click("exportRegister");
        QFile csv(m_tmp.path("register.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString register_ = QString::fromUtf8(csv.readAll());
        QVERIFY(register_.contains("Ticket attachments readable by others"));
        QVERIFY(register_.contains("authority (initial)"));
        QVERIFY(register_.contains("High risk: Health data"));

        QVERIFY(m_window->showPage("today"));
        onToday = todayClocks();
        QCOMPARE(onToday.size(), 1);
        QVERIFY(onToday[0]->text(0).contains("Tell the people affected"));
        QVERIFY(statusClock->text().contains("Tell the people affected"));
    }
};

QTEST_MAIN(TestIncidents)
#include "tst_incidents.moc"
