#pragma once

#include <QKeySequence>
#include <QMainWindow>
#include <functional>

class QComboBox;
class QLabel;
class QProgressBar;
class QToolButton;
class QListWidget;
class QStackedWidget;
class QUndoStack;

namespace workbench {

class Page;
class Workspace;
namespace sync {
class SyncService;
} // namespace sync

// The window: a sidebar of pages, a toolbar with the organization picker
// and undo/redo, and a status bar. It wires pages to the workspace; the
// pages do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Workspace& workspace, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Switches to a page by name (today, processors, ...); false if unknown.
    bool showPage(const QString& name);
    Page* currentPage() const;
    QUndoStack* undoStack() const { return m_undoStack; }
    QString organization() const;
    // Chooses the organization by id; false if there is none such.
    bool setOrganization(const QString& id);
    // Pushes local edits and pulls every saved source now, on a worker
    // (F5); false when a sync is already running.
    bool syncNow();
    bool isSyncing() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    // A sidebar entry; its page is built the first time it is shown, so
    // start-up builds only the page the officer lands on.
    struct PageEntry
    {
        QString name;
        QString title;
        QString iconName;
        QKeySequence shortcut;
        std::function<Page*()> create;
        Page* page = nullptr;
    };

    void addPage(const QString& name, const QString& title, const QString& iconName,
                 const QKeySequence& shortcut, std::function<Page*()> create);
    Page* ensurePage(int index);
    void openRecord(const QString& resource, const QString& id);
    // Builds the pages not shown yet, one per turn of the event loop, once
    // the window is up: switching pages is then instant. They read their
    // data when first shown.
    void buildNextPageWhenIdle();
    void setupActions();
    void loadOrganizations();
    void onOrganizationChanged();
    void showStatus(const QString& text);
    void setupSync();
    void setupBreachClock();
    void updateBreachClock();

    Workspace& m_workspace;
    QUndoStack* m_undoStack = nullptr;
    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_pages = nullptr;
    QComboBox* m_organizationPicker = nullptr;
    QLabel* m_workspaceLabel = nullptr;
    QLabel* m_readOnlyBanner = nullptr;
    sync::SyncService* m_sync = nullptr;
    QLabel* m_syncLabel = nullptr;
    QProgressBar* m_syncBusy = nullptr;
    QToolButton* m_syncCancel = nullptr;
    QLabel* m_breachClock = nullptr;
    QList<PageEntry> m_entries;
    bool m_warmingStarted = false;
};

} // namespace workbench
