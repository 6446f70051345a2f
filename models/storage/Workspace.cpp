#include "Workspace.h"

#include "AuditLogInternal.h"
#include "AuditSigning.h"
#include "RecordStore.h"
#include "SyncStore.h"

#include <QSqlQuery>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace workbench {

namespace {

QString defaultActor()
{
    for (const char* var : {"PRIVACY_WORKBENCH_ACTOR", "USER", "USERNAME", "LOGNAME"}) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            return v;
    }
#ifdef Q_OS_UNIX
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
#endif
    return QStringLiteral("unknown");
}

// The fields that tell versions apart but are not the officer's change.
QJsonObject withoutBookkeeping(QJsonObject o)
{
    o.remove(QStringLiteral("updated_at"));
    return o;
}

} // namespace

Workspace::Workspace(std::unique_ptr<Database> db)
    : m_db(std::move(db))
    , m_actor(defaultActor())
{
    m_db->setAuditActor(m_actor);
}

Workspace::~Workspace() = default;

Result<std::unique_ptr<Workspace>> Workspace::open(const QString& path, Database::Options options,
                                                   const OpenStep& beforeBaseline)
{
    auto db = Database::open(path, options);
    if (!db)
        return Error{db.error()};
    std::unique_ptr<Workspace> ws(new Workspace(std::move(db).value()));
    // A workspace only read (asked so, or a file this user may not change)
    // needs neither the signing key nor anything filled in.
    if (options.mode == Database::Mode::ReadOnly || ws->m_db->isReadOnly())
        return ws;
    // The signing key is read once per process (a workspace without one gets
    // one when opened for writing); without it, writes work and stay unsigned.
    AuditSigning::unlock(*ws->m_db, options.mode == Database::Mode::ReadWrite);
    if (options.mode == Database::Mode::ReadWrite) {
        if (beforeBaseline) {
            if (auto s = beforeBaseline(*ws); !s)
                return Error{s.error()};
        }
        if (auto s = AuditLog::recordBaseline(*ws->m_db); !s)
            return Error{s.error()};
    }
    return ws;
}

Result<QList<Organization>> Workspace::organizations() const
{
    return Repository<Organization>(*m_db).list();
}

Result<QList<Processor>> Workspace::processors(const QString& organizationId) const
{
    if (organizationId.isEmpty())
        return Repository<Processor>(*m_db).list();
    return Repository<Processor>(*m_db).list(
        QStringLiteral(
            "t.id IN (SELECT processor_id FROM processor_organizations WHERE value = ?)"),
        {organizationId});
}

Result<std::optional<Processor>> Workspace::processor(const QString& id) const
{
    return Repository<Processor>(*m_db).find(id);
}

Result<QList<RetentionRule>> Workspace::retentionRules(const QString& organizationId) const
{
    return Repository<RetentionRule>(*m_db).list(QStringLiteral("t.organization_id = ?"),
                                                 {organizationId});
}

Result<QList<RightsRequest>> Workspace::rightsRequests(const QString& organizationId) const
{
    return Repository<RightsRequest>(*m_db).list(QStringLiteral("t.organization_id = ?"),
                                                 {organizationId});
}

Result<QList<PolicyVersion>> Workspace::policyVersions(const QString& organizationId) const
{
    return Repository<PolicyVersion>(*m_db).list(QStringLiteral("t.organization_id = ?"),
                                                 {organizationId});
}

Result<QList<ProcessingActivity>> Workspace::activities(const QString& organizationId) const
{
    if (organizationId.isEmpty())
        return Repository<ProcessingActivity>(*m_db).list();
    return Repository<ProcessingActivity>(*m_db).list(QStringLiteral("t.organization_id = ?"),
                                                      {organizationId});
}

Result<std::optional<ProcessingActivity>> Workspace::activity(const QString& id) const
{
    return Repository<ProcessingActivity>(*m_db).find(id);
}

QString Workspace::localNotes(const QString& recordType, const QString& recordId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(
        QStringLiteral("SELECT notes FROM local_notes WHERE record_type = ? AND record_id = ?"));
    q.addBindValue(recordType);
    q.addBindValue(recordId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

// A change to a record that came from a server (it has a server version)
// waits in the outbox to be pushed: only the fields that changed, and the
// version the edit was based on (If-Match).
Status Workspace::enqueueForSync(const QString& resource, const QString& id,
                                 const QJsonObject& before, const QJsonObject& after)
{
    const qint64 baseVersion = before.value(QLatin1String("version")).toInteger();
    if (baseVersion <= 0 && !before.isEmpty()) {
        // Made here: a waiting create sends the record as it is now.
        sync::SyncStore store(*m_db);
        auto waiting = store.hasCreate(resource, id);
        if (!waiting)
            return Error{waiting.error()};
        if (!waiting.value())
            return {};
        if (after.isEmpty())
            return store.dropCreate(resource, id);
        auto record = storedRecord(resource, id);
        if (!record)
            return Error{record.error()};
        return store.refreshCreate(resource, id, record.value());
    }
    if (baseVersion <= 0 || after.isEmpty())
        return {};
    QJsonObject changed;
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (it.key() == u"version" || it.key() == u"updated_at")
            continue;
        if (before.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    if (changed.isEmpty())
        return {};
    return sync::SyncStore(*m_db).enqueue(resource, id, baseVersion, changed, before);
}

Result<QJsonObject> Workspace::storedRecord(const QString& resource, const QString& id) const
{
    for (const TableSpec* spec : auditdetail::auditedTables()) {
        if (spec->resource != resource)
            continue;
        auto found = RecordStore(*m_db, *spec).find(id);
        if (!found)
            return Error{found.error()};
        if (!found.value())
            return Error{tr("%1 %2 is not in the workspace.").arg(resource, id)};
        return *found.value();
    }
    return Error{tr("Unknown resource %1.").arg(resource)};
}

Status Workspace::saveJson(const QString& resource, const QString& id, const QJsonObject& before,
                           const std::function<Status()>& write, const QJsonObject& after,
                           const QString& summary, const QString& action, SyncQueue queue,
                           bool evenIfUnchanged)
{
    if (m_db->isReadOnly())
        return m_db->readOnlyError();
    if (!evenIfUnchanged && !before.isEmpty() &&
        withoutBookkeeping(before) == withoutBookkeeping(after))
        return {};
    AuditEntry entry;
    entry.actor = m_actor;
    if (m_clock)
        entry.at = m_clock();
    entry.action = !action.isEmpty()
                       ? action
                       : (before.isEmpty() ? QStringLiteral("create") : QStringLiteral("update"));
    entry.recordType = resource;
    entry.recordId = id;
    entry.summary = summary;
    entry.before = before;
    entry.after = after;
    const Status s = m_db->transaction([&]() -> Status {
        if (auto w = write(); !w)
            return w;
        if (queue == SyncQueue::Edits) {
            if (auto o = enqueueForSync(resource, id, before, after); !o)
                return o;
        } else if (queue == SyncQueue::Create) {
            auto record = storedRecord(resource, id);
            if (!record)
                return Error{record.error()};
            if (auto o = sync::SyncStore(*m_db).enqueueCreate(resource, id, record.value()); !o)
                return o;
        }
        return AuditLog::append(*m_db, entry);
    });
    if (!s)
        return s;
    emit recordChanged(resource, id);
    emit auditAppended(entry.seq);
    return {};
}

} // namespace workbench
