#pragma once

#include "common/Page.h"

class QPushButton;
class QUndoStack;

namespace workbench {

class ActivityDetailPane;
class ActivityModel;
class ActivityService;
class FilteredTable;
class OrganizationDialog;
class Workspace;

// The record of processing activities of one organization (GDPR Art. 30): a
// sortable, filterable list and a pane that edits every element of the
// selected activity. Add, edit and remove are undoable commands (Ctrl+Z),
// each audited; "Organization…" edits the controller, representative, DPO
// and supervisory authority.
class ActivitiesPage : public Page
{
    Q_OBJECT

public:
    ActivitiesPage(Workspace& workspace, QUndoStack& undoStack, QWidget* parent = nullptr);
    ~ActivitiesPage() override;

    QString title() const override { return tr("Activities"); }
    QString pageName() const override { return QStringLiteral("activities"); }

    ActivityModel* model() const { return m_model; }
    ActivityDetailPane* detail() const { return m_detail; }
    bool selectActivity(const QString& id);
    QString selectedActivityId() const { return m_selectedId; }
    // The organization dialog (deleted on close); OK saves, undoably.
    OrganizationDialog* makeOrganizationDialog();

protected:
    void refresh() override;
    void updateEditing() override;

private:
    void showSelected();
    void applyEdit();
    void addActivity();
    void removeSelected();

    Workspace& m_workspace;
    QUndoStack& m_undoStack;
    std::unique_ptr<ActivityService> m_service;
    ActivityModel* m_model = nullptr;
    FilteredTable* m_table = nullptr;
    ActivityDetailPane* m_detail = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_organization = nullptr;
    QString m_selectedId;
    QString m_pendingId; // added, to select once the model has read it
};

} // namespace workbench
