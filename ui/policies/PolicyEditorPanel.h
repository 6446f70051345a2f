#pragma once

#include "domain/Records.h"

#include <QWidget>

class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace workbench {

class PolicyVersionModel;
class Workspace;

// The Policies page's text tab: the selected version as Markdown with a live
// preview, saved as a draft is typed, and the lint findings against the
// registry and the retention rules. Its buttons (New draft, Publish…,
// Discard draft) sit in the page's row of actions. Its text belongs to the
// page's translation context.
class PolicyEditorPanel : public QWidget
{
    Q_OBJECT

public:
    PolicyEditorPanel(Workspace& workspace, const PolicyVersionModel& versions,
                      QWidget* parent = nullptr);

    // The actions on the shown version, for the page to lay out.
    QList<QPushButton*> actions() const { return {m_newDraft, m_publish, m_discard}; }
    QPlainTextEdit* editor() const { return m_editor; }
    QTreeWidget* lintPanel() const { return m_lint; }
    QString currentVersionId() const { return m_currentId; }
    // What is on screen, saved or not.
    QString text() const;

    // The organization a new draft belongs to.
    void setOrganization(const QString& organizationId) { m_organizationId = organizationId; }
    // Shows a version (nullptr: none) with its preview and findings; true
    // when it is another version than the one shown. The same version again
    // (after a save or a reload) keeps the editor, its cursor and undo
    // history, unless its text changed elsewhere.
    bool showVersion(const PolicyVersion* version);
    // Enables drafting and publishing when the workspace is `editable` and
    // the shown version allows it.
    void updateEditing(bool editable);
    // Writes any unsaved draft text now.
    void saveNow();

signals:
    void statusMessage(const QString& text);
    void openRecord(const QString& resource, const QString& id);
    // A draft was started, published or discarded: the page reads the
    // versions again and selects `selectId` (when given).
    void versionsChanged(const QString& selectId);
    // A new draft waits to be typed: the page brings this panel forward.
    void showRequested();

private:
    const PolicyVersion* current() const;
    void newDraft();
    void publish();
    void discardDraft();
    void runLint();
    void activateFinding(QTreeWidgetItem* item);

    Workspace& m_workspace;
    const PolicyVersionModel& m_versions;
    QString m_organizationId;
    QString m_currentId;
    bool m_dirty = false;
    bool m_loading = false;
    QPushButton* m_newDraft = nullptr;
    QPushButton* m_publish = nullptr;
    QPushButton* m_discard = nullptr;
    QPlainTextEdit* m_editor = nullptr;
    QTextBrowser* m_preview = nullptr;
    QTreeWidget* m_lint = nullptr;
    QTimer* m_autosave = nullptr;
    QTimer* m_typing = nullptr;
};

} // namespace workbench
