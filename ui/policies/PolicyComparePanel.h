#pragma once

#include "policy/DiffFormat.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QPushButton;

namespace workbench {

class DiffView;
class PolicyEditorPanel;
class PolicyVersionModel;
class Workspace;

// The Policies page's compare tab: two versions (or a version and a file on
// disk) side by side, and the comparison as a redline to export or print.
// The version being edited compares as the editor shows it, saved or not.
// Its buttons (Export redline…, Print redline…) sit in the page's row of
// actions. Its text belongs to the page's translation context.
class PolicyComparePanel : public QWidget
{
    Q_OBJECT

public:
    PolicyComparePanel(Workspace& workspace, const PolicyVersionModel& versions,
                       const PolicyEditorPanel& editor, QWidget* parent = nullptr);

    // The redline's actions, for the page to lay out.
    QList<QPushButton*> actions() const { return {m_exportRedline, m_print}; }
    DiffView* diffView() const { return m_diffView; }

    // Lists the versions (and the file compared with) to choose from.
    void fillSources();
    // Chooses `versionId` as the new side and the version before it as the
    // old one.
    void chooseVersion(const QString& versionId);
    // Compares two sources (version ids, or "file:" + path) and shows the
    // comparison.
    void compare(const QString& oldSource, const QString& newSource);
    // Compares the chosen sources (an empty comparison when there are none).
    void compareSelected();
    // Compares the chosen sources unless a comparison is shown.
    void ensureCompared();
    void clear();
    // Export and print need two sources to compare.
    void updateActions();

signals:
    void statusMessage(const QString& text);
    // A comparison was made: the page brings this panel forward.
    void showRequested();

private:
    void compareWithFile();
    void exportRedline();
    void printRedline();
    diff::VersionLabel labelOf(const QString& source) const;
    std::optional<QString> textOf(const QString& source) const;
    QString currentRedline() const;

    Workspace& m_workspace;
    const PolicyVersionModel& m_versions;
    const PolicyEditorPanel& m_editor;
    QPushButton* m_exportRedline = nullptr;
    QPushButton* m_print = nullptr;
    QComboBox* m_oldSource = nullptr;
    QComboBox* m_newSource = nullptr;
    QCheckBox* m_ignoreBlanks = nullptr;
    QCheckBox* m_ignoreCase = nullptr;
    DiffView* m_diffView = nullptr;
    QString m_filePath; // the file compared with, if any
};

} // namespace workbench
