#pragma once

#include "sync/Conflicts.h"
#include "sync/RefusedRecords.h"
#include "sync/SyncEngine.h"

namespace workbench {
class Workspace;
}

namespace workbench::sync {

// The sync as the window's Sync page and the command line see it, on the
// open workspace: the sources, the log of runs, the conflicts to resolve,
// the records waiting, and a sync run on the calling thread (the command
// line's; the window syncs off its thread through SyncService). The one
// place above the sync layer that reaches the sync's data: callers never
// need the raw connection.
class SyncDesk
{
public:
    explicit SyncDesk(Workspace& workspace)
        : m_workspace(workspace)
    {}

    // Sources saved in the workspace (never a token), by name.
    Result<QList<SyncSource>> sources() const;
    // Checks the source (a name, a URL without credentials, resources of
    // the contract) and saves it, replacing one of the same name.
    Status saveSource(const SyncSource& source);
    Status removeSource(const QString& name);

    // The sync log, newest first, each run with the records it rejected.
    Result<QList<SyncRun>> runs(int limit = 50) const;

    Result<QList<Conflict>> conflicts() const;
    Status resolveConflict(const Conflict& conflict, const QSet<QString>& keepMine);

    // The records refused and kept for the next sync, oldest first.
    Result<QList<RefusedRecord>> waiting() const;
    // How many records wait, per cause.
    Result<QMap<QString, int>> waitingCauses() const;
    // The creates a server refused (400/422), with its reason: corrected
    // by editing the record, then sent again by the next sync.
    Result<QList<OutboxEntry>> refusedCreates() const;
    // Stops trying a kept record (audited).
    Status dismiss(const QString& resource, const QString& id);

    // Syncs `source` on the calling thread and on the workspace's own
    // connection, then gives pulled requests their due dates (an error
    // there is the report's when it has none). Blocks while it waits for
    // the network; `options.cancelled` stops it after the page being
    // written.
    SyncReport run(const SyncSource& source, const QByteArray& token,
                   const SyncOptions& options = {});

private:
    Workspace& m_workspace;
};

} // namespace workbench::sync
