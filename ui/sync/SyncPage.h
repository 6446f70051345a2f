#pragma once

#include "common/Page.h"
#include "sync/Conflicts.h"
#include "sync/SyncSource.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace workbench {

class Workspace;
class WaitingRecordsView;

// Sync: the sources (where records come from and where each token is kept),
// the log of runs with every rejected record, the conflicts to resolve
// field by field, and the records waiting for the next sync.
class SyncPage : public Page
{
    Q_OBJECT

public:
    explicit SyncPage(Workspace& workspace, QWidget* parent = nullptr);

    QString title() const override { return tr("Sync"); }
    QString pageName() const override { return QStringLiteral("sync"); }
    void showTab(const QString& name); // "sources", "log", "conflicts", "waiting"
    // Seconds a sync request may go without an answer (the Sync page's
    // setting, kept in the app's settings; 30 by default).
    static int requestTimeoutSeconds();

signals:
    void intervalChanged(int minutes);

protected:
    void refresh() override;
    void updateEditing() override;

private:
    QWidget* buildSources();
    QWidget* buildLog();
    QWidget* buildConflicts();
    void loadSources();
    void showSource(int row);
    void saveSource();
    void removeSource();
    void loadLog();
    void loadConflicts();
    void showConflict(int row);
    void resolve(int mode); // 0 keep mine, 1 take theirs, 2 merge as ticked

    Workspace& m_workspace;
    QTabWidget* m_tabs = nullptr;
    QList<sync::SyncSource> m_sources;
    QListWidget* m_sourceList = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_url = nullptr;
    QList<QCheckBox*> m_resources;
    QComboBox* m_tokenFrom = nullptr;
    QLineEdit* m_tokenEnv = nullptr;
    QLineEdit* m_token = nullptr;
    QLabel* m_sourceMessage = nullptr;
    QList<QPushButton*> m_editButtons; // new, save, remove source; resolve a conflict
    QSpinBox* m_interval = nullptr;
    QSpinBox* m_timeout = nullptr;
    QTreeWidget* m_log = nullptr;
    QList<sync::Conflict> m_conflicts;
    QListWidget* m_conflictList = nullptr;
    QTableWidget* m_fields = nullptr;
    QLabel* m_conflictMessage = nullptr;
    WaitingRecordsView* m_waiting = nullptr;
};

} // namespace workbench
