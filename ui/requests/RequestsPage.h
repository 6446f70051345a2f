#pragma once

#include "common/Page.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QUndoStack;

namespace workbench {

class RequestCharts;
class RequestDetailPane;
class RequestQueueModel;
class RequestService;
class Workspace;

// The rights-request queue: every request with its legal and promised due
// dates, coloured by days left, filtered and sorted in SQL; the selected
// request's detail; and charts of the queue.
class RequestsPage : public Page
{
    Q_OBJECT

public:
    RequestsPage(Workspace& workspace, QUndoStack& undoStack, QWidget* parent = nullptr);
    ~RequestsPage() override;

    QString title() const override { return tr("Requests"); }
    QString pageName() const override { return QStringLiteral("requests"); }

    RequestQueueModel* model() const { return m_model; }
    RequestService* service() const { return m_service; }
    // Shows `id` in the detail pane and selects its row once read.
    void openRequest(const QString& id);

protected:
    void refresh() override;
    void updateEditing() override;

private:
    void applyFilter();
    void updateCount();
    void fillAssignees();

    Workspace& m_workspace;
    RequestService* m_service = nullptr;
    RequestQueueModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_type = nullptr;
    QComboBox* m_jurisdiction = nullptr;
    QComboBox* m_assignee = nullptr;
    QCheckBox* m_overdue = nullptr;
    QCheckBox* m_dueThisWeek = nullptr;
    QCheckBox* m_allOrganizations = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_count = nullptr;
    RequestDetailPane* m_detail = nullptr;
    RequestCharts* m_charts = nullptr;
    QString m_selectedId;
};

} // namespace workbench
