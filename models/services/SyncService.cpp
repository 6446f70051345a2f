#include "SyncService.h"

#include "DeadlineRulesService.h"
#include "SyncDesk.h"
#include "domain/Resources.h"
#include "storage/Workspace.h"
#include "sync/TokenStore.h"

#include <QPointer>
#include <QSet>
#include <QThread>
#include <QTimer>

namespace workbench::sync {

SyncService::SyncService(Workspace& workspace, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!isRunning())
            syncNow();
    });
}

SyncService::~SyncService()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

void SyncService::setInterval(int minutes)
{
    if (minutes > 0)
        m_timer->start(minutes * 60 * 1000);
    else
        m_timer->stop();
}

int SyncService::interval() const
{
    return m_timer->isActive() ? m_timer->interval() / (60 * 1000) : 0;
}

SyncService::Start SyncService::syncNow()
{
    if (isRunning())
        return Start::Running;
    auto refuse = [this](Start why, const QString& message) {
        emit notStarted(why, message);
        return why;
    };
    const Database& db = m_workspace.database();
    if (db.isReadOnly())
        return refuse(Start::ReadOnly, db.readOnlyError().message);
    auto sources = SyncDesk(m_workspace).sources();
    if (!sources)
        return refuse(Start::Unreadable, sources.error());
    if (sources.value().isEmpty())
        return refuse(Start::NoSources, QString());
    // The worker reads the tokens (keychain or environment variable); they
    // are never stored or shown.
    return start(sources.value(), {}, m_options ? m_options() : SyncOptions{}) ? Start::Started
                                                                               : Start::Running;
}

bool SyncService::start(const QList<SyncSource>& sources, const QHash<QString, QByteArray>& tokens,
                        SyncOptions options)
{
    if (m_thread)
        return false;
    m_cancel = false;
    QPointer<SyncService> self(this);
    options.cancelled = [this] {
        return m_cancel.load();
    };
    m_thread = QThread::create([=, this, path = m_workspace.path()]() mutable {
        QList<SyncReport> reports;
        auto ws = Workspace::open(path, {Database::Mode::Companion, std::nullopt});
        for (const SyncSource& source : sources) {
            SyncReport report;
            report.source = source.name;
            const Result<QByteArray> token = tokens.contains(source.name)
                                                 ? Result<QByteArray>(tokens.value(source.name))
                                                 : tokenFor(source);
            if (!ws) {
                report.error = ws.error();
            } else if (!token) {
                report.error = token.error();
            } else {
                SyncOptions o = options;
                o.progress = [&](const SyncProgress& p) {
                    QMetaObject::invokeMethod(self, [self, name = source.name, p] {
                        if (self)
                            emit self->progress(name, p);
                    });
                };
                report = SyncEngine(ws.value()->database(), source, token.value(), o).run();
            }
            reports << report;
            if (m_cancel)
                break;
        }
        // Pulled requests get their due dates before anyone looks.
        if (ws) {
            if (auto s = DeadlineRulesService(*ws.value()).fillMissingDeadlines();
                !s && !reports.isEmpty())
                reports.last().error = s.error();
        }
        QMetaObject::invokeMethod(self, [self, reports] {
            if (self)
                self->done(reports);
        });
    });
    m_thread->setObjectName(QStringLiteral("sync"));
    m_thread->start(QThread::LowPriority);
    emit started();
    return true;
}

void SyncService::done(const QList<SyncReport>& reports)
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    // Records waiting are the workspace's, not one source's: as they are now.
    auto causes = SyncDesk(m_workspace).waitingCauses();
    const SyncOutcome outcome = outcomeOf(reports, causes ? causes.value() : QMap<QString, int>());
    // The pages reload what changed; each keeps its selection.
    for (const QString& resource : outcome.resources)
        m_workspace.notifyChanged(resource);
    m_workspace.notifyChanged(QStringLiteral("sync"));
    emit finished(outcome);
}

SyncOutcome SyncService::outcomeOf(const QList<SyncReport>& reports,
                                   const QMap<QString, int>& waiting)
{
    SyncOutcome o;
    o.reports = reports;
    o.waiting = waiting;
    QSet<QString> resources;
    for (const SyncReport& r : reports) {
        o.conflicts += r.conflicts;
        if (!r.error.isEmpty())
            o.errors << r.error;
        // A record refused with an id is kept and counted with those
        // waiting; one without an id cannot be kept: the log lists it.
        for (const Rejection& rejection : r.rejections)
            o.unkept += rejection.id.isEmpty() ? 1 : 0;
        for (auto it = r.resources.begin(); it != r.resources.end(); ++it) {
            o.changed += it->added + it->updated + it->deleted;
            if (it->added || it->updated || it->deleted)
                resources.insert(it.key());
        }
        if (r.pushed || r.conflicts)
            resources.insert(resource::rightsRequests);
    }
    o.resources = QStringList(resources.begin(), resources.end());
    o.resources.sort();
    // One sentence, each record counted once: "Synced: 3 records changed;
    // 2 waiting for the next sync (missing organization) — see Sync ›
    // Waiting".
    SyncReport now;
    now.waiting = waiting;
    o.summary = o.errors.isEmpty() ? tr("Synced: %n record(s) changed", nullptr, o.changed)
                                   : tr("Sync stopped: %1").arg(o.errors.join(u' '));
    if (o.conflicts)
        o.summary += tr("; %n conflict(s) to resolve", nullptr, o.conflicts);
    if (const int total = now.waitingTotal())
        o.summary += tr("; %n waiting for the next sync (%1) — see Sync › Waiting", nullptr, total)
                         .arg(now.waitingCauses());
    if (o.unkept)
        o.summary += tr("; %n rejected without an id — see Sync › Log", nullptr, o.unkept);
    return o;
}

} // namespace workbench::sync
