#pragma once

#include "sync/SyncEngine.h"

#include <QHash>
#include <QObject>
#include <atomic>
#include <memory>

class QThread;

namespace workbench::sync {

// Runs syncs off the window's thread: each run opens its own connection to
// the workspace (Database::Mode::Companion), syncs the sources in turn,
// fills the due dates of pulled requests, and reports back by signals on
// the thread that owns the service. One run at a time.
class SyncService : public QObject
{
    Q_OBJECT

public:
    explicit SyncService(QString workspacePath, QObject* parent = nullptr);
    ~SyncService() override; // cancels a run and waits for it

    bool isRunning() const { return m_thread != nullptr; }
    // Each source's token is read on the worker (keychain or environment
    // variable: a keychain that does not answer never holds up the window);
    // `tokens` (source name -> token) overrides that. A source whose token
    // cannot be read is reported with the reason, not synced.
    bool start(const QList<SyncSource>& sources, const QHash<QString, QByteArray>& tokens = {},
               SyncOptions options = {});
    // Stops after the page being written.
    void cancel() { m_cancel = true; }

signals:
    void started();
    void progress(const QString& source, const workbench::sync::SyncProgress& progress);
    void finished(const QList<workbench::sync::SyncReport>& reports);

private:
    QString m_path;
    std::atomic<bool> m_cancel = false;
    QThread* m_thread = nullptr;
};

} // namespace workbench::sync
