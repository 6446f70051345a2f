#pragma once

#include "domain/Result.h"
#include "storage/RequestStats.h"

#include <QDate>

namespace workbench {

class Workspace;

// What needs the officer's attention among an organization's rights
// requests today (the Today page): the overdue, those due this week and the
// receipts to confirm, each list with its full count.
class RequestOverview
{
public:
    explicit RequestOverview(const Workspace& workspace)
        : m_workspace(workspace)
    {}

    // `organizationId` empty: every organization. Each list holds at most
    // `limit` requests; the counts hold them all.
    Result<RequestAttentionLists> attention(const QString& organizationId, QDate today,
                                            int limit = 25) const;

private:
    const Workspace& m_workspace;
};

} // namespace workbench
