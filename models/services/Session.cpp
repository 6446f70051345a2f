#include "Session.h"

#include "DeadlineRulesService.h"

namespace workbench {

Result<std::unique_ptr<Workspace>> openWorkspace(const QString& path, Database::Options options)
{
    return Workspace::open(path, options, [](Workspace& ws) {
        return DeadlineRulesService(ws).fillMissingDeadlines();
    });
}

} // namespace workbench
