#include "SyncDesk.h"

#include "DeadlineRulesService.h"
#include "storage/Workspace.h"

namespace workbench::sync {

Result<QList<SyncSource>> SyncDesk::sources() const
{
    return loadSources(m_workspace.database());
}

Status SyncDesk::saveSource(const SyncSource& source)
{
    return sync::saveSource(m_workspace.database(), source);
}

Status SyncDesk::removeSource(const QString& name)
{
    return sync::removeSource(m_workspace.database(), name);
}

Result<QList<SyncRun>> SyncDesk::runs(int limit) const
{
    return loadSyncRuns(m_workspace.database(), limit);
}

Result<QList<Conflict>> SyncDesk::conflicts() const
{
    return loadConflicts(m_workspace.database());
}

Status SyncDesk::resolveConflict(const Conflict& conflict, const QSet<QString>& keepMine)
{
    return sync::resolveConflict(m_workspace, conflict, keepMine);
}

Result<QList<RefusedRecord>> SyncDesk::waiting() const
{
    return loadRefused(m_workspace.database());
}

Result<QMap<QString, int>> SyncDesk::waitingCauses() const
{
    return refusedCauses(m_workspace.database());
}

Result<QList<OutboxEntry>> SyncDesk::refusedCreates() const
{
    return loadRefusedCreates(m_workspace.database());
}

Status SyncDesk::dismiss(const QString& resource, const QString& id)
{
    return dismissRefused(m_workspace, resource, id);
}

SyncReport SyncDesk::run(const SyncSource& source, const QByteArray& token,
                         const SyncOptions& options)
{
    SyncReport report = SyncEngine(m_workspace.database(), source, token, options).run();
    // Pulled requests get their due dates now, not at the next open.
    if (auto s = DeadlineRulesService(m_workspace).fillMissingDeadlines();
        !s && report.error.isEmpty())
        report.error = s.error();
    return report;
}

} // namespace workbench::sync
