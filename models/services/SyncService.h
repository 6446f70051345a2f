#pragma once

#include "sync/SyncEngine.h"

#include <QHash>
#include <QObject>
#include <atomic>
#include <functional>

class QThread;
class QTimer;

namespace workbench {
class Workspace;
}

namespace workbench::sync {

// What a finished sync (every source in turn) did, for the window: the
// reports, the counts, the records waiting now, the resources whose records
// changed (the service has told the workspace), and one sentence for the
// status bar.
struct SyncOutcome
{
    QList<SyncReport> reports;
    int changed = 0;   // records added, updated or deleted, every source
    int conflicts = 0; // edits the servers refused, to resolve
    int unkept = 0;    // records rejected without an id (only the log has them)
    QStringList errors;
    QMap<QString, int> waiting; // records waiting now (the workspace's, not one run's), per cause
    QStringList resources;      // the resources whose records changed, sorted
    // "Synced: 3 record(s) changed; 2 waiting for the next sync (missing
    // organization) — see Sync › Waiting", or "Sync stopped: ..."
    QString summary;
};

// Runs syncs off the window's thread: each run opens its own connection to
// the workspace (Database::Mode::Companion), syncs the sources in turn,
// fills the due dates of pulled requests, and reports back on the thread
// that owns the service: the workspace is told which resources changed
// (and "sync"), then finished() carries the outcome. One run at a time;
// syncs may also start by themselves every few minutes (setInterval()).
class SyncService : public QObject
{
    Q_OBJECT

public:
    // What syncNow() did.
    enum class Start
    {
        Started,
        Running,    // one is running already: nothing new
        ReadOnly,   // the workspace cannot be changed
        NoSources,  // no source saved yet
        Unreadable, // the sources could not be read
    };
    Q_ENUM(Start)

    explicit SyncService(Workspace& workspace, QObject* parent = nullptr);
    ~SyncService() override; // cancels a run and waits for it

    bool isRunning() const { return m_thread != nullptr; }
    // Syncs every saved source now: refused (with why, and notStarted())
    // when one runs already, the workspace is read-only or has no source.
    // The options come from setOptions().
    Start syncNow();
    // How each run started by syncNow() is set up, asked at each start (the
    // window's request timeout, a setting the officer may change meanwhile).
    void setOptions(std::function<SyncOptions()> options) { m_options = std::move(options); }
    // Syncs every `minutes` by itself (while none runs); 0: only when asked.
    void setInterval(int minutes);
    int interval() const;

    // Syncs `sources` now. Each source's token is read on the worker
    // (keychain or environment variable: a keychain that does not answer
    // never holds up the window); `tokens` (source name -> token) overrides
    // that. A source whose token cannot be read is reported with the
    // reason, not synced.
    bool start(const QList<SyncSource>& sources, const QHash<QString, QByteArray>& tokens = {},
               SyncOptions options = {});
    // Stops after the page being written.
    void cancel() { m_cancel = true; }

    // The outcome of `reports` with the records waiting now (`waiting`).
    static SyncOutcome outcomeOf(const QList<SyncReport>& reports,
                                 const QMap<QString, int>& waiting);

signals:
    void started();
    void progress(const QString& source, const workbench::sync::SyncProgress& progress);
    // syncNow() did not start: why, in words for the officer (empty for
    // Running and NoSources, which the caller words).
    void notStarted(workbench::sync::SyncService::Start why, const QString& message);
    void finished(const workbench::sync::SyncOutcome& outcome);

private:
    void done(const QList<SyncReport>& reports);

    Workspace& m_workspace;
    std::function<SyncOptions()> m_options;
    std::atomic<bool> m_cancel = false;
    QThread* m_thread = nullptr;
    QTimer* m_timer = nullptr;
};

} // namespace workbench::sync
