#include "Session.h"

#include "RequestService.h"

namespace workbench {

Result<std::unique_ptr<Workspace>> openWorkspace(const QString& path, Database::Options options)
{
    return Workspace::open(path, options,
                           [](Workspace& ws) { return RequestService(ws).fillMissingDeadlines(); });
}

} // namespace workbench
