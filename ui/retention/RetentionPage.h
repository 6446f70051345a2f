#pragma once

#include "common/Page.h"

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;
class QUndoStack;

namespace workbench {

class PersonSchedulePanel;
class RecordFilterProxy;
class RetentionRuleModel;
class RetentionTimeline;
class Workspace;

// The retention rules of the organization: an editable, sortable and
// filterable table (undoable, audited), the timeline of every rule, one
// person's schedule after account deletion, and the gaps between the rules
// and the processor registry.
class RetentionPage : public Page
{
    Q_OBJECT

public:
    RetentionPage(Workspace& workspace, QUndoStack& undoStack, QWidget* parent = nullptr);

    QString title() const override { return tr("Retention"); }
    QString pageName() const override { return QStringLiteral("retention"); }

    RetentionRuleModel* model() const { return m_model; }
    RetentionTimeline* timeline() const { return m_timeline; }
    void selectRule(const QString& ruleId);

protected:
    void refresh() override;
    void updateEditing() override;

private:
    void updateViews();

    Workspace& m_workspace;
    RetentionRuleModel* m_model = nullptr;
    RecordFilterProxy* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    RetentionTimeline* m_timeline = nullptr;
    PersonSchedulePanel* m_schedule = nullptr;
    QListWidget* m_gaps = nullptr;
    QLabel* m_problem = nullptr;
    QString m_editWhenShown;
};

} // namespace workbench
