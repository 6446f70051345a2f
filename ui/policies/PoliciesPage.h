#pragma once

#include "common/FilteredTable.h"
#include "common/Page.h"

class QPlainTextEdit;
class QTabWidget;
class QTreeWidget;

namespace workbench {

class DiffView;
class PolicyComparePanel;
class PolicyEditorPanel;
struct PolicyVersion;
class PolicyVersionModel;
class Workspace;

// The organization's policy versions: the list, and below it the selected
// version's text and lint (PolicyEditorPanel) and the comparison of any two
// versions, or a version and a file, with its redline (PolicyComparePanel).
class PoliciesPage : public Page
{
    Q_OBJECT

public:
    explicit PoliciesPage(Workspace& workspace, QWidget* parent = nullptr);

    QString title() const override;
    QString pageName() const override { return QStringLiteral("policies"); }
    FilteredTable* table() const { return m_table; }

    bool selectVersion(const QString& id);
    QString currentVersionId() const;
    // Compares two versions (ids, or "file:" + path for a file on disk) and
    // shows the comparison.
    void compare(const QString& oldSource, const QString& newSource);
    DiffView* diffView() const;
    QPlainTextEdit* editor() const;
    QTreeWidget* lintPanel() const;
    // Writes any unsaved draft text now.
    void saveNow();

signals:
    void openRecord(const QString& resource, const QString& id);

protected:
    void refresh() override;
    void hideEvent(QHideEvent* event) override;
    void updateEditing() override;

private:
    // Reads the organization's versions again.
    void reload();
    void showVersion(const PolicyVersion* version);

    Workspace& m_workspace;
    PolicyVersionModel* m_model = nullptr;
    FilteredTable* m_table = nullptr;
    QTabWidget* m_tabs = nullptr;
    PolicyEditorPanel* m_editor = nullptr;
    PolicyComparePanel* m_compare = nullptr;
};

} // namespace workbench
