#pragma once

#include "AuditLog.h"
#include "AuditSigning.h"
#include "Database.h"
#include "Repository.h"

#include <QObject>
#include <functional>
#include <memory>

namespace workbench {

// The open workspace: the one door through which the app reads records and
// changes them. Every change writes the record and its audit entry in one
// transaction, then tells listeners (item models) what changed.
class Workspace : public QObject
{
    Q_OBJECT

public:
    // Runs on a workspace opened for writing, before the audit baseline is
    // taken: how the layers above bring stored data up to date on opening
    // (the services fill missing due dates) without storage knowing them.
    using OpenStep = std::function<Status(Workspace&)>;

    // Opens the file. The app opens through services' openWorkspace(), which
    // passes its open step; storage alone (tests, tools) needs none.
    static Result<std::unique_ptr<Workspace>>
    open(const QString& path, Database::Options options = {}, const OpenStep& beforeBaseline = {});
    ~Workspace() override;

    Database& database() { return *m_db; }
    const Database& database() const { return *m_db; }
    QString path() const { return m_db->path(); }

    // The workspace itself, for the window and the command line (which do
    // not reach the connection): whether it can be changed and why not, its
    // schema, its audit head and who can sign it.
    bool isReadOnly() const { return m_db->isReadOnly(); }
    // Why a workspace that fell back to read-only cannot be written (the
    // file's permissions); empty when it can be or read-only was asked for.
    QString readOnlyReason() const { return m_db->readOnlyReason(); }
    // The refusal a change of a read-only workspace gets, naming the file.
    Error readOnlyError() const { return m_db->readOnlyError(); }
    int schemaVersion() const { return m_db->schemaVersion(); }
    // The schema version this build writes.
    static int latestSchemaVersion() { return Database::latestSchemaVersion(); }
    // What SQLite's integrity check reports (empty: none).
    QStringList integrityProblems() const { return m_db->integrityProblems(); }
    // The last entry of the audit log (what exports print in their footer).
    Result<AuditHead> auditHead() const { return AuditLog::head(*m_db); }
    // The signing key of the audit log and whether this process holds it.
    AuditSigning::KeyState signingState() const { return AuditSigning::state(*m_db); }

    // Who the audit log names for changes (the signed-in OS user by default).
    QString actor() const { return m_actor; }
    void setActor(const QString& actor)
    {
        m_actor = actor;
        m_db->setAuditActor(actor);
    }

    Result<QList<Organization>> organizations() const;
    Result<QList<Processor>> processors(const QString& organizationId = {}) const;
    Result<std::optional<Processor>> processor(const QString& id) const;
    Result<QList<RetentionRule>> retentionRules(const QString& organizationId) const;
    Result<QList<RightsRequest>> rightsRequests(const QString& organizationId) const;
    Result<QList<PolicyVersion>> policyVersions(const QString& organizationId) const;
    // The organization's processing activities, by name (all when empty).
    Result<QList<ProcessingActivity>> activities(const QString& organizationId = {}) const;
    Result<std::optional<ProcessingActivity>> activity(const QString& id) const;
    // The officer's local notes on a record (never synced); empty if none.
    QString localNotes(const QString& recordType, const QString& recordId) const;

    // Saves (creates or updates) a record with an audit entry saying
    // `summary`; `action` defaults to create/update. A save that changes
    // nothing writes nothing.
    template <typename T>
    Status save(const T& record, const QString& summary, const QString& action = {});

    // Removes a record with an audit entry (e.g. undoing a creation).
    template <typename T> Status remove(const QString& id, const QString& summary);

    // Runs `write` and appends its audit entry in one transaction, then tells
    // listeners. For services whose changes touch more than one record
    // table; a change whose before equals its after writes nothing.
    Status record(const QString& resource, const QString& id, const QJsonObject& before,
                  const QJsonObject& after, const QString& summary, const QString& action,
                  const std::function<Status()>& write)
    {
        return saveJson(resource, id, before, write, after, summary, action);
    }

    // As record(), for a change that takes the server's word into account
    // (a resolved sync conflict): nothing is queued for sync by itself;
    // `write` queues what must go back with enqueueForSync().
    Status recordResolved(const QString& resource, const QString& id, const QJsonObject& before,
                          const QJsonObject& after, const QString& summary,
                          const std::function<Status()>& write)
    {
        return saveJson(resource, id, before, write, after, summary, QStringLiteral("resolve"),
                        false);
    }
    // Queues the fields of `after` that differ from `before` for the next
    // push, with before's version as the base (nothing when before has no
    // version: the record was never synced). Part of the caller's transaction.
    Status enqueueForSync(const QString& resource, const QString& id, const QJsonObject& before,
                          const QJsonObject& after);

    // Records of `resource` changed through another connection (a sync on
    // its worker): listeners reload them (the id is empty: many records).
    void notifyChanged(const QString& resource) { emit recordChanged(resource, QString()); }

    Result<QList<AuditEntry>> auditEntries(const AuditFilter& filter = {}) const
    {
        return AuditLog::entries(*m_db, filter);
    }
    AuditVerification verifyAudit(const AuditVerifyOptions& options = {}) const
    {
        return AuditLog::verify(*m_db, options);
    }

signals:
    // A change the officer asked for could not be saved (shown to them).
    void changeFailed(const QString& message);
    // A record of `resource` ("processors", ...) was created, changed or removed.
    void recordChanged(const QString& resource, const QString& id);
    void auditAppended(qint64 seq);

private:
    explicit Workspace(std::unique_ptr<Database> db);

    Status saveJson(const QString& resource, const QString& id, const QJsonObject& before,
                    const std::function<Status()>& write, const QJsonObject& after,
                    const QString& summary, const QString& action, bool queueForSync = true);

    std::unique_ptr<Database> m_db;
    QString m_actor;
};

template <typename T>
Status Workspace::save(const T& record, const QString& summary, const QString& action)
{
    Repository<T> repo(*m_db);
    QJsonObject before;
    if (auto existing = repo.find(record.id); !existing)
        return Error{existing.error()};
    else if (existing.value())
        before = existing.value()->toJson();
    return saveJson(
        Repository<T>::resource(), record.id, before, [&] { return repo.save(record); },
        record.toJson(), summary, action);
}

template <typename T> Status Workspace::remove(const QString& id, const QString& summary)
{
    Repository<T> repo(*m_db);
    auto existing = repo.find(id);
    if (!existing)
        return Error{existing.error()};
    if (!existing.value())
        return {};
    return saveJson(
        Repository<T>::resource(), id, existing.value()->toJson(), [&] { return repo.remove(id); },
        {}, summary, QStringLiteral("delete"));
}

} // namespace workbench
