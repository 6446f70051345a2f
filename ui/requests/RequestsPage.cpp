#include "RequestsPage.h"

#include <QTableView>

namespace workbench {

RequestsPage::RequestsPage(Workspace& workspace, QWidget* parent)
    : RecordListPage(workspace, makeRightsRequestTableModel(nullptr), &Workspace::rightsRequests,
                     {tr("Requests"), QStringLiteral("requests"), tr("Rights requests"),
                      tr("Search by id, name, e-mail, type or status (Ctrl+F)"),
                      tr("No rights requests for this organization."),
                      QStringLiteral("rights-requests")},
                     parent)
{
    table()->view()->sortByColumn(5, Qt::DescendingOrder);
}

} // namespace workbench
