#include "SyncService.h"

#include "DeadlineRulesService.h"
#include "storage/Workspace.h"
#include "sync/TokenStore.h"

#include <QPointer>
#include <QThread>

namespace workbench::sync {

SyncService::SyncService(QString workspacePath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(workspacePath))
{}

SyncService::~SyncService()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
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
    m_thread = QThread::create([=, this]() mutable {
        QList<SyncReport> reports;
        auto ws = Workspace::open(m_path, {Database::Mode::Companion, std::nullopt});
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
            if (!self)
                return;
            self->m_thread->wait();
            delete self->m_thread;
            self->m_thread = nullptr;
            emit self->finished(reports);
        });
    });
    m_thread->setObjectName(QStringLiteral("sync"));
    m_thread->start(QThread::LowPriority);
    emit started();
    return true;
}

} // namespace workbench::sync
