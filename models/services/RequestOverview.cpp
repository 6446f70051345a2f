#include "RequestOverview.h"

#include "storage/Workspace.h"

namespace workbench {

Result<RequestAttentionLists> RequestOverview::attention(const QString& organizationId, QDate today,
                                                         int limit) const
{
    return RequestAttentionLists::read(m_workspace.database(), organizationId, today, limit);
}

} // namespace workbench
