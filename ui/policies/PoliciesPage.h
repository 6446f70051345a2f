#pragma once

#include "common/RecordListPage.h"
#include "itemmodels/RecordTables.h"
#include "policy/DiffFormat.h"
#include "policy/PolicyLint.h"

class QCheckBox;
class QComboBox;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace workbench {

class DiffView;

// The organization's policy versions. A draft is edited as Markdown with a
// live preview and saved as it is typed; the lint panel checks it against
// the registry and the retention rules. Any two versions (or a version and
// a file) compare side by side; the comparison exports as a redline.
class PoliciesPage : public RecordListPage<PolicyVersion>
{
    Q_OBJECT

public:
    explicit PoliciesPage(Workspace& workspace, QWidget* parent = nullptr);

    bool selectVersion(const QString& id);
    QString currentVersionId() const { return m_currentId; }
    // Compares two versions (ids, or "file:" + path for a file on disk) and
    // shows the comparison.
    void compare(const QString& oldSource, const QString& newSource);
    DiffView* diffView() const { return m_diffView; }
    QPlainTextEdit* editor() const { return m_editor; }
    QTreeWidget* lintPanel() const { return m_lint; }
    // Writes any unsaved draft text now.
    void saveNow();

signals:
    void openRecord(const QString& resource, const QString& id);

protected:
    void refresh() override;
    void hideEvent(QHideEvent* event) override;
    void updateEditing() override;

private:
    const PolicyVersion* current() const;
    const PolicyVersion* versionById(const QString& id) const;
    void showVersion(const PolicyVersion* version);
    void newDraft();
    void publish();
    void discardDraft();
    void runLint();
    void activateFinding(QTreeWidgetItem* item);
    void fillCompareSources();
    void compareSelected();
    void compareWithFile();
    void exportRedline();
    void printRedline();
    diff::VersionLabel labelOf(const QString& source) const;
    std::optional<QString> textOf(const QString& source) const;
    QString currentRedline() const;

    QString m_currentId;
    bool m_dirty = false;
    bool m_loading = false;
    QPushButton* m_newDraft = nullptr;
    QPushButton* m_publish = nullptr;
    QPushButton* m_discard = nullptr;
    QPushButton* m_exportRedline = nullptr;
    QPushButton* m_print = nullptr;
    QTabWidget* m_tabs = nullptr;
    QPlainTextEdit* m_editor = nullptr;
    QTextBrowser* m_preview = nullptr;
    QTreeWidget* m_lint = nullptr;
    QTimer* m_autosave = nullptr;
    QTimer* m_typing = nullptr;
    QComboBox* m_oldSource = nullptr;
    QComboBox* m_newSource = nullptr;
    QCheckBox* m_ignoreBlanks = nullptr;
    QCheckBox* m_ignoreCase = nullptr;
    DiffView* m_diffView = nullptr;
    QString m_filePath; // the file compared with, if any
};

} // namespace workbench
