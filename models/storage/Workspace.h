#pragma once

#include "AuditHistory.h"
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
    // table; a change whose before equals its after writes nothing, unless
    // `evenIfUnchanged` (an event that changes none of the record's fields,
    // such as a note in a request's history, is still written and audited).
    Status record(const QString& resource, const QString& id, const QJsonObject& before,
                  const QJsonObject& after, const QString& summary, const QString& action,
                  const std::function<Status()>& write, bool evenIfUnchanged = false)
    {
        return saveJson(resource, id, before, write, after, summary, action, SyncQueue::Edits,
                        evenIfUnchanged);
    }

    // As record(), for a new record made here that the servers are to hold
    // (a rights request logged by the intake): in the same transaction the
    // record, as `write` stored it, is queued in the outbox as a create
    // (POST /{resource}, docs/sync-api.md section 9). Its later edits change
    // the waiting create until a server confirms it.
    Status recordCreated(const QString& resource, const QString& id, const QJsonObject& after,
                         const QString& summary, const std::function<Status()>& write)
    {
        return saveJson(resource, id, {}, write, after, summary, QStringLiteral("create"),
                        SyncQueue::Create);
    }

    // As record(), for a change that takes the server's word into account
    // (a resolved sync conflict): nothing is queued for sync by itself;
    // `write` queues what must go back with enqueueForSync().
    Status recordResolved(const QString& resource, const QString& id, const QJsonObject& before,
                          const QJsonObject& after, const QString& summary,
                          const std::function<Status()>& write)
    {
        return saveJson(resource, id, before, write, after, summary, QStringLiteral("resolve"),
                        SyncQueue::None);
    }
    // Queues the fields of `after` that differ from `before` for the next
    // push, with before's version as the base. A record never synced (no
    // version) queues no edit; when its create waits in the outbox, the
    // create takes the record as now stored (an empty `after`: deleted, the
    // create goes). Part of the caller's transaction.
    Status enqueueForSync(const QString& resource, const QString& id, const QJsonObject& before,
                          const QJsonObject& after);

    // Records of `resource` changed through another connection (a sync on
    // its worker): listeners reload them (the id is empty: many records).
    void notifyChanged(const QString& resource) { emit recordChanged(resource, QString()); }

    // "As of" a day: the records as they stood at the end of a day in
    // `zone`, rebuilt from the audit log (see AuditHistory). asOfPoint()
    // refuses a day the log cannot answer for, saying from which day it can;
    // recordsAsOf() turns the current records of a kind (those `keep` keeps,
    // e.g. one organization's) into those of the point. A new audited kind
    // needs nothing more than its Repository.
    Result<AsOfPoint> asOfPoint(QDate day, const QTimeZone& zone,
                                const QStringList& resources) const
    {
        return AuditHistory(*m_db).point(day, zone, resources);
    }
    Result<QDate> asOfEarliestDay(const QStringList& resources, const QTimeZone& zone) const
    {
        return AuditHistory(*m_db).earliestDay(resources, zone);
    }
    template <typename T>
    Result<QList<T>> recordsAsOf(const AsOfPoint& point, QList<T> current,
                                 const std::function<bool(const T&)>& keep = {}) const;

    // "Now" for the audit entries of changes (tests set a fixed clock; the
    // log keeps its times in order whatever the clock says).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

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

    // What a change queues for the servers: its edits (enqueueForSync), a
    // create of the new record, or nothing.
    enum class SyncQueue
    {
        Edits,
        Create,
        None
    };
    Status saveJson(const QString& resource, const QString& id, const QJsonObject& before,
                    const std::function<Status()>& write, const QJsonObject& after,
                    const QString& summary, const QString& action,
                    SyncQueue queue = SyncQueue::Edits, bool evenIfUnchanged = false);
    // The record of `resource` as stored (every field, as a create sends it).
    Result<QJsonObject> storedRecord(const QString& resource, const QString& id) const;

    std::unique_ptr<Database> m_db;
    QString m_actor;
    std::function<QDateTime()> m_clock;
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

template <typename T>
Result<QList<T>> Workspace::recordsAsOf(const AsOfPoint& point, QList<T> current,
                                        const std::function<bool(const T&)>& keep) const
{
    auto states = AuditHistory(*m_db).states(point, Repository<T>::resource());
    if (!states)
        return Error{states.error()};
    const auto& changed = states->changed;
    if (changed.isEmpty())
        return current;
    current.removeIf([&](const T& record) { return changed.contains(record.id); });
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        if (!it.value())
            continue; // it did not exist yet
        auto record = T::fromJson(*it.value());
        if (!record)
            return Error{AuditHistory::tr("The audit log's state of %1 %2 cannot be read: %3")
                             .arg(Repository<T>::resource(), it.key(), record.error())};
        if (!keep || keep(record.value()))
            current.append(std::move(record).value());
    }
    // In the order the store lists them (by id).
    std::sort(current.begin(), current.end(), [](const T& a, const T& b) { return a.id < b.id; });
    return current;
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
