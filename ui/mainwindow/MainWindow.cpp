#include "MainWindow.h"

#include "activities/ActivitiesPage.h"
#include "audit/AuditPage.h"
#include "common/Page.h"
#include "common/Settings.h"
#include "common/Style.h"
#include "dialogs/MessageBox.h"
#include "domain/Resources.h"
#include "incidents/IncidentsPage.h"
#include "itemmodels/Tone.h"
#include "policies/PoliciesPage.h"
#include "processors/ProcessorsPage.h"
#include "requests/RequestsPage.h"
#include "retention/RetentionPage.h"
#include "services/IncidentService.h"
#include "services/SyncService.h"
#include "storage/Workspace.h"
#include "sync/SyncPage.h"
#include "today/TodayPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

namespace workbench {

namespace {
const Setting<QByteArray> kGeometry("mainwindow/geometry");
const Setting<QByteArray> kState("mainwindow/state");
const Setting<QString> kLastPage("mainwindow/page", QStringLiteral("today"));
const Setting<QString> kLastOrganization("mainwindow/organization");
} // namespace

MainWindow::MainWindow(Workspace& workspace, QWidget* parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_undoStack(new QUndoStack(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Privacy Workbench"));
    resize(1280, 800);

    m_sidebar = new QListWidget;
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFixedWidth(150);
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    QFont sidebarFont = m_sidebar->font();
    sidebarFont.setPointSize(11);
    m_sidebar->setFont(sidebarFont);
    QPalette sidebarPalette = m_sidebar->palette();
    sidebarPalette.setColor(QPalette::Base, sidebarPalette.color(QPalette::Window));
    m_sidebar->setPalette(sidebarPalette);
    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("pages"));

    auto central = new QWidget;
    auto outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    if (workspace.isReadOnly()) {
        // Said once, where it cannot be missed; every change is refused by
        // the workspace itself with the same reason.
        // The reason is a clause ("the file has no write permission for you
        // (mode 0400)"), so it follows "because" as it is.
        const QString reason = workspace.readOnlyReason();
        m_readOnlyBanner = new QLabel(
            (reason.isEmpty() ? tr("<b>Read-only:</b> this workspace was opened for reading only.")
                              : tr("<b>Read-only:</b> this workspace cannot be changed because %1.")
                                    .arg(reason.toHtmlEscaped())) +
            u' ' + tr("You can read, search, compare, export and print."));
        m_readOnlyBanner->setObjectName(QStringLiteral("readOnlyBanner"));
        m_readOnlyBanner->setWordWrap(true);
        m_readOnlyBanner->setContentsMargins(12, 6, 12, 6);
        Style::banner(m_readOnlyBanner);
        outer->addWidget(m_readOnlyBanner);
    }
    auto layout = new QHBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    outer->addLayout(layout, 1);
    layout->addWidget(m_sidebar);
    auto line = new QFrame;
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    addPage(QStringLiteral("today"), tr("Today"), QStringLiteral("go-home"),
            QKeySequence(Qt::CTRL | Qt::Key_1), [this] {
                auto page = new TodayPage(m_workspace);
                connect(page, &TodayPage::openRecord, this, &MainWindow::openRecord);
                return page;
            });
    addPage(QStringLiteral("processors"), tr("Processors"), QStringLiteral("network-server"),
            QKeySequence(Qt::CTRL | Qt::Key_2),
            [this] { return new ProcessorsPage(m_workspace, *m_undoStack); });
    addPage(QStringLiteral("retention"), tr("Retention"), QStringLiteral("appointment-soon"),
            QKeySequence(Qt::CTRL | Qt::Key_3),
            [this] { return new RetentionPage(m_workspace, *m_undoStack); });
    addPage(QStringLiteral("requests"), tr("Requests"), QStringLiteral("mail-message"),
            QKeySequence(Qt::CTRL | Qt::Key_4),
            [this] { return new RequestsPage(m_workspace, *m_undoStack); });
    addPage(QStringLiteral("policies"), tr("Policies"), QStringLiteral("text-x-generic"),
            QKeySequence(Qt::CTRL | Qt::Key_5), [this] {
                auto page = new PoliciesPage(m_workspace);
                connect(page, &PoliciesPage::openRecord, this, &MainWindow::openRecord);
                return page;
            });
    addPage(QStringLiteral("audit"), tr("Audit"), QStringLiteral("document-properties"),
            QKeySequence(Qt::CTRL | Qt::Key_6), [this] { return new AuditPage(m_workspace); });
    addPage(QStringLiteral("sync"), tr("Sync"), QStringLiteral("view-refresh"),
            QKeySequence(Qt::CTRL | Qt::Key_7), [this] {
                auto page = new SyncPage(m_workspace);
                connect(page, &SyncPage::intervalChanged, m_sync, &sync::SyncService::setInterval);
                return page;
            });
    addPage(QStringLiteral("activities"), tr("Activities"), QStringLiteral("view-list-details"),
            QKeySequence(Qt::CTRL | Qt::Key_8),
            [this] { return new ActivitiesPage(m_workspace, *m_undoStack); });
    addPage(QStringLiteral("incidents"), tr("Incidents"), QStringLiteral("dialog-warning"),
            QKeySequence(Qt::CTRL | Qt::Key_9), [this] { return new IncidentsPage(m_workspace); });
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        ensurePage(row);
        m_pages->setCurrentIndex(row);
        kLastPage.setValue(m_entries[row].name);
    });

    setupActions();

    m_workspaceLabel = new QLabel(QDir::toNativeSeparators(workspace.path()));
    m_workspaceLabel->setObjectName(QStringLiteral("workspaceLabel"));
    m_workspaceLabel->setToolTip(tr("The workspace file (private to you)"));
    if (workspace.isReadOnly()) {
        m_workspaceLabel->setText(tr("%1 (read-only)").arg(m_workspaceLabel->text()));
        m_workspaceLabel->setToolTip(tr("The workspace file: read-only, nothing can be changed"));
    }
    setupSync();
    setupBreachClock();
    statusBar()->addPermanentWidget(m_workspaceLabel);
    connect(&workspace, &Workspace::changeFailed, this, [this](const QString& message) {
        MessageBox::critical(this, tr("The change was not saved"), message);
    });

    loadOrganizations();
    if (!showPage(kLastPage.value()))
        showPage(QStringLiteral("today"));
    restoreGeometry(kGeometry.value());
    restoreState(kState.value());
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(const QString& name, const QString& title, const QString& iconName,
                         const QKeySequence& shortcut, std::function<Page*()> create)
{
    m_entries.append({name, title, iconName, shortcut, std::move(create), nullptr});
    m_pages->addWidget(new QWidget); // stands in until the page is built
    // Text only: looking icons up in the desktop's theme costs start-up time
    // for little (and shows nothing where there is no theme).
    Q_UNUSED(iconName);
    auto item = new QListWidgetItem(title, m_sidebar);
    item->setSizeHint(QSize(0, 34));
    item->setToolTip(tr("%1 (%2)").arg(title, shortcut.toString(QKeySequence::NativeText)));
    item->setData(Qt::UserRole, name);
    auto action = new QAction(title, this);
    action->setObjectName(QStringLiteral("actionPage_") + name);
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, [this, name] { showPage(name); });
    addAction(action);
}

Page* MainWindow::ensurePage(int index)
{
    PageEntry& entry = m_entries[index];
    if (entry.page)
        return entry.page;
    entry.page = entry.create();
    QWidget* placeholder = m_pages->widget(index);
    m_pages->insertWidget(index, entry.page);
    m_pages->removeWidget(placeholder);
    placeholder->deleteLater();
    connect(entry.page, &Page::statusMessage, this, &MainWindow::showStatus);
    entry.page->setReadOnly(m_workspace.isReadOnly());
    entry.page->setOrganization(organization());
    return entry.page;
}

void MainWindow::openRecord(const QString& resource, const QString& id)
{
    if (resource == resource::retentionRules && showPage(QStringLiteral("retention"))) {
        if (auto page = qobject_cast<RetentionPage*>(currentPage()))
            page->selectRule(id);
    } else if (resource == resource::incidents && showPage(QStringLiteral("incidents"))) {
        if (auto page = qobject_cast<IncidentsPage*>(currentPage()))
            page->selectIncident(id);
    } else if (resource == resource::processors && showPage(QStringLiteral("processors"))) {
        if (auto page = qobject_cast<ProcessorsPage*>(currentPage()))
            page->selectProcessor(id);
    } else if (resource == resource::subprocessorNotices &&
               showPage(QStringLiteral("processors"))) {
        if (auto page = qobject_cast<ProcessorsPage*>(currentPage()))
            page->openNotice(id.toLongLong());
    } else if (resource == resource::policyVersions && showPage(QStringLiteral("policies"))) {
        if (auto page = qobject_cast<PoliciesPage*>(currentPage()))
            page->selectVersion(id);
    } else if (resource == resource::rightsRequests && showPage(QStringLiteral("requests"))) {
        if (auto page = qobject_cast<RequestsPage*>(currentPage()))
            page->openRequest(id);
    } else if (resource == resource::activities && showPage(QStringLiteral("activities"))) {
        if (auto page = qobject_cast<ActivitiesPage*>(currentPage()))
            page->selectActivity(id);
    }
}

void MainWindow::setupActions()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction* redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    editMenu->addAction(undo);
    editMenu->addAction(redo);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    for (QAction* a : actions()) {
        if (a->objectName().startsWith(u"actionPage_"))
            viewMenu->addAction(a);
    }

    QMenu* syncMenu = menuBar()->addMenu(tr("&Sync"));
    QAction* syncAction = syncMenu->addAction(tr("Sync &now"), this, &MainWindow::syncNow);
    syncAction->setObjectName(QStringLiteral("actionSyncNow"));
    syncAction->setShortcut(QKeySequence(Qt::Key_F5));
    syncAction->setToolTip(tr("Send your edits and fetch what changed, from every source (F5)"));
    if (m_workspace.isReadOnly()) {
        syncAction->setEnabled(false);
        syncAction->setToolTip(tr("A read-only workspace cannot be synced"));
    }
    addAction(syncAction);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("About Privacy Workbench"), this, [this] {
        MessageBox::question(this, tr("About Privacy Workbench"),
                             tr("Privacy Workbench %1\nThe daily desk of a privacy officer: "
                                "processors, retention, rights requests and policies, offline.")
                                 .arg(QCoreApplication::applicationVersion()),
                             QMessageBox::Ok, QMessageBox::Ok);
    });

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr("Organization: ")));
    m_organizationPicker = new QComboBox;
    m_organizationPicker->setObjectName(QStringLiteral("organizationPicker"));
    m_organizationPicker->setMinimumWidth(260);
    m_organizationPicker->setToolTip(tr("The organization whose records the pages show"));
    toolbar->addWidget(m_organizationPicker);
    toolbar->addSeparator();
    toolbar->addAction(undo);
    toolbar->addAction(redo);
    toolbar->addSeparator();
    toolbar->addAction(syncAction);
    connect(m_organizationPicker, &QComboBox::currentIndexChanged, this,
            &MainWindow::onOrganizationChanged);
}

void MainWindow::loadOrganizations()
{
    auto orgs = m_workspace.organizations();
    if (!orgs) {
        MessageBox::critical(this, tr("Cannot read the organizations"), orgs.error());
        return;
    }
    const QString wanted = kLastOrganization.value();
    QSignalBlocker block(m_organizationPicker);
    m_organizationPicker->clear();
    for (const Organization& o : std::as_const(orgs.value()))
        m_organizationPicker->addItem(o.name, o.id);
    const int at = m_organizationPicker->findData(wanted);
    m_organizationPicker->setCurrentIndex(at >= 0 ? at : 0);
    block.unblock();
    onOrganizationChanged();
}

QString MainWindow::organization() const
{
    return m_organizationPicker->currentData().toString();
}

bool MainWindow::setOrganization(const QString& id)
{
    const int at = m_organizationPicker->findData(id);
    if (at < 0)
        return false;
    m_organizationPicker->setCurrentIndex(at);
    return true;
}

void MainWindow::onOrganizationChanged()
{
    const QString id = organization();
    kLastOrganization.setValue(id);
    for (const PageEntry& entry : std::as_const(m_entries)) {
        if (entry.page)
            entry.page->setOrganization(id);
    }
    updateBreachClock();
}

void MainWindow::setupSync()
{
    // The service does the work; the window shows it in the status bar.
    m_sync = new sync::SyncService(m_workspace, this);
    m_sync->setOptions([] {
        sync::SyncOptions options;
        options.retry.timeoutMs = SyncPage::requestTimeoutSeconds() * 1000;
        return options;
    });
    m_syncLabel = new QLabel;
    m_syncLabel->setObjectName(QStringLiteral("syncProgress"));
    m_syncBusy = new QProgressBar;
    m_syncBusy->setRange(0, 0); // pages have no known end
    m_syncBusy->setMaximumWidth(120);
    m_syncBusy->hide();
    m_syncCancel = new QToolButton;
    m_syncCancel->setObjectName(QStringLiteral("syncCancel"));
    m_syncCancel->setText(tr("Stop"));
    m_syncCancel->setToolTip(tr("Stop the sync after the page being saved"));
    m_syncCancel->hide();
    statusBar()->addPermanentWidget(m_syncLabel);
    statusBar()->addPermanentWidget(m_syncBusy);
    statusBar()->addPermanentWidget(m_syncCancel);
    connect(m_syncCancel, &QToolButton::clicked, m_sync, &sync::SyncService::cancel);
    connect(m_sync, &sync::SyncService::started, this, [this] {
        m_syncLabel->setText(tr("Syncing…"));
        m_syncBusy->show();
        m_syncCancel->show();
    });
    connect(m_sync, &sync::SyncService::progress, this,
            [this](const QString& source, const sync::SyncProgress& p) {
                m_syncLabel->setText(tr("Syncing %1: %2, page %3, %4 records")
                                         .arg(source, p.resource)
                                         .arg(p.pages)
                                         .arg(QLocale().toString(p.records)));
            });
    connect(m_sync, &sync::SyncService::notStarted, this,
            [this](sync::SyncService::Start why, const QString& message) {
                if (why != sync::SyncService::Start::NoSources) {
                    showStatus(message);
                    return;
                }
                showStatus(tr("No sync source yet: add one on the Sync page."));
                showPage(QStringLiteral("sync"));
            });
    connect(m_sync, &sync::SyncService::finished, this, [this](const sync::SyncOutcome& outcome) {
        m_syncBusy->hide();
        m_syncCancel->hide();
        m_syncLabel->setText(outcome.summary);
        m_syncLabel->setToolTip(outcome.summary);
    });
    m_sync->setInterval(settings::syncIntervalMinutes.value());
}

// The nearest running breach clock of the organization, in the status bar
// (red under 24 hours); read again when an incident changes, the
// organization does, and every minute.
void MainWindow::setupBreachClock()
{
    m_breachClock = new QLabel;
    m_breachClock->setObjectName(QStringLiteral("breachClockLabel"));
    m_breachClock->hide();
    statusBar()->addPermanentWidget(m_breachClock);
    auto timer = new QTimer(this);
    timer->setInterval(60 * 1000);
    connect(timer, &QTimer::timeout, this, &MainWindow::updateBreachClock);
    timer->start();
    connect(&m_workspace, &Workspace::recordChanged, this, [this](const QString& resource) {
        if (resource == resource::incidents || resource == resource::breachRules)
            updateBreachClock();
    });
}

void MainWindow::updateBreachClock()
{
    if (!m_breachClock)
        return;
    auto running = IncidentService(m_workspace).runningClocks(organization());
    if (!running || running->isEmpty()) {
        m_breachClock->hide();
        return;
    }
    const IncidentClock& next = running->first();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_breachClock->setText(
        tr("Breach %1: %2 · %3").arg(next.incidentId, next.clock.label, next.clock.status(now)));
    m_breachClock->setToolTip(next.title + QStringLiteral(" — ") + next.clock.citation);
    const auto left = next.clock.secondsLeft(now);
    QPalette palette = m_breachClock->palette();
    palette.setColor(QPalette::WindowText,
                     toneColour(left && *left < 24 * 3600 ? Tone::Error : Tone::Warning, palette));
    m_breachClock->setPalette(palette);
    m_breachClock->show();
}

bool MainWindow::isSyncing() const
{
    return m_sync->isRunning();
}

bool MainWindow::syncNow()
{
    return m_sync->syncNow() == sync::SyncService::Start::Started;
}

bool MainWindow::showPage(const QString& name)
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].name == name) {
            m_sidebar->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

Page* MainWindow::currentPage() const
{
    return qobject_cast<Page*>(m_pages->currentWidget());
}

void MainWindow::showStatus(const QString& text)
{
    statusBar()->showMessage(text, 8000);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_warmingStarted) {
        m_warmingStarted = true;
        QTimer::singleShot(250, this, &MainWindow::buildNextPageWhenIdle);
    }
}

void MainWindow::buildNextPageWhenIdle()
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (!m_entries[i].page) {
            // Built, polished and laid out while hidden.
            Page* page = ensurePage(i);
            page->ensurePolished();
            if (page->layout())
                page->layout()->activate();
            QTimer::singleShot(0, this, &MainWindow::buildNextPageWhenIdle);
            return;
        }
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    kGeometry.setValue(saveGeometry());
    kState.setValue(saveState());
    if (Page* page = currentPage())
        kLastPage.setValue(page->pageName());
    event->accept();
}

} // namespace workbench
