#include "DemoWorkspace.h"

#include "domain/Resources.h"
#include "services/DeadlineRulesService.h"
#include "services/Session.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace workbench {

namespace {

Result<QJsonObject> demoData()
{
    QFile file(QStringLiteral(":/demo/demo.json"));
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("the demo data is missing from the application")};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return Error{QStringLiteral("demo.json at offset %1: %2")
                         .arg(parseError.offset)
                         .arg(parseError.errorString())};
    return doc.object();
}

// A small, portable pseudo-random sequence: the same numbers on every
// machine and compiler, so the demo requests are always the same.
class Sequence
{
public:
    explicit Sequence(quint64 seed)
        : m_state(seed)
    {}
    quint32 next()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return quint32(m_state >> 33);
    }
    int below(int n) { return int(next() % quint32(n)); }
    template <typename T, size_t N> const T& pick(const T (&items)[N])
    {
        return items[below(int(N))];
    }

private:
    quint64 m_state;
};

template <typename T> Status saveAll(Database& db, const QJsonArray& items, int* count)
{
    Repository<T> repo(db);
    for (const QJsonValue& v : items) {
        auto record = T::fromJson(v.toObject());
        if (!record)
            return Error{QStringLiteral("demo %1 %2: %3")
                             .arg(Repository<T>::resource(),
                                  v.toObject().value(QStringLiteral("id")).toString(),
                                  record.error())};
        if (auto s = repo.save(record.value()); !s)
            return s;
        ++*count;
    }
    return {};
}

struct Event
{
    QDateTime at;
    QString kind;
    QString text;
};

const char* const kFirstNames[] = {"Amelia", "Noah", "Sofia", "Lucas", "Mia",   "Mateo",
                                   "Hannah", "Liam", "Chloe", "Yusuf", "Aiko",  "Ines",
                                   "Jonas",  "Zoe",  "Omar",  "Lena",  "Diego", "Priya",
                                   "Emil",   "Sara", "Tomás", "Nora",  "Björn", "Wei"};
const char* const kLastNames[] = {"Schmidt", "García", "Rossi",  "Dubois",  "Kowalski",
                                  "Novak",   "Silva",  "Tanaka", "Nguyen",  "Okafor",
                                  "Müller",  "Larsen", "Moreau", "Haddad",  "Costa",
                                  "Fischer", "Yilmaz", "Chen",   "O'Brien", "Petrov"};
const char* const kAssignees[] = {"Dana Whitfield", "Alex Moreau", "Sam Okafor", ""};

RequestType pickType(Sequence& rnd)
{
    const int r = rnd.below(100);
    if (r < 30)
        return RequestType::Access;
    if (r < 60)
        return RequestType::Erasure;
    if (r < 70)
        return RequestType::Portability;
    if (r < 80)
        return RequestType::Rectification;
    if (r < 88)
        return RequestType::Objection;
    if (r < 93)
        return RequestType::Restriction;
    return RequestType::OptOutSale;
}

Jurisdiction pickJurisdiction(Sequence& rnd)
{
    const int r = rnd.below(100);
    if (r < 40)
        return Jurisdiction::Gdpr;
    if (r < 55)
        return Jurisdiction::UkGdpr;
    if (r < 75)
        return Jurisdiction::Ccpa;
    if (r < 85)
        return Jurisdiction::Lgpd;
    if (r < 95)
        return Jurisdiction::Pipeda;
    return Jurisdiction::Other;
}

RequestStatus pickStatus(Sequence& rnd, int daysAgo)
{
    // Most requests older than a month are closed; a few are not (the queue
    // shows them red), and recent ones are in every state.
    const int r = rnd.below(100);
    if (daysAgo > 30) {
        if (r < 3)
            return RequestStatus::InProgress;
        if (r < 5)
            return RequestStatus::WaitingOnProcessor;
        if (r < 84)
            return RequestStatus::Fulfilled;
        return r < 93 ? RequestStatus::Rejected : RequestStatus::Withdrawn;
    }
    if (daysAgo > 15) {
        if (r < 45)
            return RequestStatus::Fulfilled;
        if (r < 75)
            return RequestStatus::InProgress;
        return r < 90 ? RequestStatus::WaitingOnProcessor : RequestStatus::Verifying;
    }
    if (r < 30)
        return RequestStatus::New;
    if (r < 60)
        return RequestStatus::Verifying;
    return r < 90 ? RequestStatus::InProgress : RequestStatus::Fulfilled;
}

// One request and its history, all from the sequence.
RightsRequest makeRequest(Sequence& rnd, const QString& orgId, const QString& id, QDate today,
                          QList<Event>* events)
{
    RightsRequest q;
    q.id = id;
    q.organizationId = orgId;
    const int daysAgo = rnd.below(150);
    q.receivedAt =
        QDateTime(today.addDays(-daysAgo), QTime(8 + rnd.below(10), rnd.below(60)), Qt::UTC);
    q.type = pickType(rnd);
    q.jurisdiction = q.type == RequestType::OptOutSale ? Jurisdiction::Ccpa : pickJurisdiction(rnd);
    const QString first = QString::fromUtf8(rnd.pick(kFirstNames));
    const QString last = QString::fromUtf8(rnd.pick(kLastNames));
    q.subjectName = first + u' ' + last;
    const QString local = (first + u'.' + last).toLower().remove(u'\'');
    q.subjectEmail = QString::fromLatin1(local.normalized(QString::NormalizationForm_KD).toLatin1())
                         .remove(u'?') +
                     QString::number(rnd.below(90) + 10) + QStringLiteral("@example.com");
    q.accountId = QStringLiteral("acct_%1").arg(rnd.next(), 8, 16, QLatin1Char('0'));
    q.channel = static_cast<RequestChannel>(rnd.below(4));
    q.assignee = QString::fromUtf8(rnd.pick(kAssignees));
    q.status = pickStatus(rnd, daysAgo);

    events->append({q.receivedAt, QStringLiteral("received"),
                    QStringLiteral("Received via %1").arg(displayLabel(q.channel))});
    const bool pastVerification =
        q.status != RequestStatus::New && q.status != RequestStatus::Verifying;
    if (q.status != RequestStatus::New)
        events->append({q.receivedAt.addSecs(3600), QStringLiteral("identity_requested"),
                        QStringLiteral("Asked the requester to confirm their identity")});
    if (pastVerification) {
        q.verifiedAt = q.receivedAt.addDays(1 + rnd.below(std::min(5, daysAgo + 1)));
        if (q.verifiedAt.date() > today)
            q.verifiedAt = q.receivedAt.addSecs(7200);
        events->append({q.verifiedAt, QStringLiteral("identity_verified"),
                        QStringLiteral("Identity verified")});
    }
    if (!q.isOpen()) {
        const int span = std::max(1, std::min(40, daysAgo));
        q.closedAt = q.receivedAt.addDays(1 + rnd.below(span));
        if (q.closedAt.date() > today)
            q.closedAt = QDateTime(today, QTime(9, 0), Qt::UTC);
        if (q.verifiedAt.isValid() && q.closedAt < q.verifiedAt)
            q.closedAt = q.verifiedAt.addSecs(3600);
        events->append({q.closedAt, QStringLiteral("closed"),
                        QStringLiteral("Closed: %1").arg(displayLabel(q.status))});
    } else if (q.status == RequestStatus::InProgress && daysAgo > 25 &&
               q.jurisdiction == Jurisdiction::Gdpr && rnd.below(3) == 0) {
        q.extendedUntil = q.receivedAt.date().addMonths(3);
        q.extensionReason = QStringLiteral("Complex request: data held across several systems");
        events->append({q.receivedAt.addDays(20), QStringLiteral("extension"), q.extensionReason});
    }
    q.meta.updatedAt = events->last().at;
    return q;
}

Status insertEvents(Database& db, const QString& requestId, const QList<Event>& events)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO request_events (request_id, at, kind, text, actor) VALUES (?,?,?,?,?)"));
    for (const Event& e : events) {
        q.addBindValue(requestId);
        q.addBindValue(e.at.toString(Qt::ISODateWithMs));
        q.addBindValue(e.kind);
        q.addBindValue(e.text);
        q.addBindValue(QStringLiteral("demo"));
        if (!q.exec())
            return sqlError(QStringLiteral("Writing the history of %1").arg(requestId), q);
    }
    return {};
}

Status saveLocalNote(Database& db, const QString& type, const QString& id, const QString& text)
{
    QSqlQuery q(db.connection());
    q.prepare(
        QStringLiteral("INSERT INTO local_notes (record_type, record_id, notes) VALUES (?,?,?)"));
    q.addBindValue(type);
    q.addBindValue(id);
    q.addBindValue(text);
    if (!q.exec())
        return sqlError(QStringLiteral("Writing notes"), q);
    return {};
}

Result<QString> policyText(const QString& file)
{
    QFile f(QStringLiteral(":/demo/policies/") + file);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("the seed policy %1 is missing").arg(file)};
    return QString::fromUtf8(f.readAll());
}

} // namespace

Result<std::unique_ptr<Workspace>> DemoWorkspace::create(const QString& path, QDate today)
{
    if (QFileInfo::exists(path))
        return Error{QObject::tr("%1 already exists; the demo workspace is only written to a new "
                                 "file.")
                         .arg(path)};
    auto ws = openWorkspace(path);
    if (!ws)
        return ws;
    if (auto s = populate(*ws.value(), today); !s)
        return Error{s.error()};
    return ws;
}

Status DemoWorkspace::populate(Workspace& ws, QDate today)
{
    auto data = demoData();
    if (!data)
        return Error{data.error()};
    Database& db = ws.database();
    const QJsonObject& demo = data.value();
    QJsonObject counts;

    return db.transaction([&]() -> Status {
        int orgs = 0, processors = 0, rules = 0, requests = 0, policies = 0, activities = 0;
        const QJsonArray organizations = demo.value(QStringLiteral("organizations")).toArray();
        // The demo's own keys (policy file, notes, id prefix) are not
        // organization fields.
        QJsonArray records;
        for (const QJsonValue& v : organizations) {
            QJsonObject o = v.toObject();
            for (const char* key : {"policy", "not_processors", "request_prefix"})
                o.remove(QLatin1String(key));
            records.append(o);
        }
        if (auto s = saveAll<Organization>(db, records, &orgs); !s)
            return s;
        // Parents before their sub-processors.
        QJsonArray parents, children;
        for (const QJsonValue& v : demo.value(QStringLiteral("processors")).toArray())
            (v.toObject().value(QStringLiteral("parent_id")).toString().isEmpty() ? parents
                                                                                  : children)
                .append(v);
        if (auto s = saveAll<Processor>(db, parents, &processors); !s)
            return s;
        if (auto s = saveAll<Processor>(db, children, &processors); !s)
            return s;
        if (auto s = saveAll<RetentionRule>(
                db, demo.value(QStringLiteral("retention_rules")).toArray(), &rules);
            !s)
            return s;
        // The processing activities each policy describes, linked to their
        // processors and rules (which are there by now).
        if (auto s = saveAll<ProcessingActivity>(
                db, demo.value(QStringLiteral("activities")).toArray(), &activities);
            !s)
            return s;

        Repository<PolicyVersion> policyRepo(db);
        Repository<RightsRequest> requestRepo(db);
        for (int o = 0; o < organizations.size(); ++o) {
            const QJsonObject org = organizations.at(o).toObject();
            const QString orgId = org.value(QStringLiteral("id")).toString();
            const QJsonObject policy = org.value(QStringLiteral("policy")).toObject();
            auto text = policyText(policy.value(QStringLiteral("file")).toString());
            if (!text)
                return Error{text.error()};
            PolicyVersion v;
            v.id = orgId + QStringLiteral("-privacy-policy-v1");
            v.organizationId = orgId;
            v.document = QStringLiteral("privacy-policy");
            v.title = policy.value(QStringLiteral("title")).toString();
            v.status = PolicyStatus::Published;
            v.body = text.value();
            v.publishedOn = QDate::fromString(
                policy.value(QStringLiteral("published_on")).toString(), Qt::ISODate);
            v.effectiveOn =
                v.publishedOn.addDays(org.value(QStringLiteral("notice_period_days")).toInt());
            if (auto s = policyRepo.save(v); !s)
                return s;
            ++policies;

            QStringList notes;
            for (const QJsonValue& n : org.value(QStringLiteral("not_processors")).toArray())
                notes << QStringLiteral("Not a processor: %1 — %2")
                             .arg(n[QStringLiteral("name")].toString(),
                                  n[QStringLiteral("why")].toString());
            if (auto s = saveLocalNote(db, resource::organizations, orgId, notes.join(u'\n')); !s)
                return s;

            const QString prefix = org.value(QStringLiteral("request_prefix")).toString();
            Sequence rnd(0x5EEDULL * 7919 + quint64(o) * 104729);
            for (int i = 1; i <= kRequestsPerOrganization; ++i) {
                QList<Event> events;
                const RightsRequest q = makeRequest(
                    rnd, orgId, QStringLiteral("%1-%2").arg(prefix).arg(i, 4, 10, QLatin1Char('0')),
                    today, &events);
                if (auto s = requestRepo.save(q); !s)
                    return s;
                if (auto s = insertEvents(db, q.id, events); !s)
                    return s;
                ++requests;
            }
        }
        if (auto s = DeadlineRulesService(ws).recomputeDeadlines(); !s)
            return s;
        // CCPA requests past their first step had their receipt confirmed.
        QSqlQuery ack(db.connection());
        if (!ack.exec(QStringLiteral(
                "UPDATE rights_requests SET acknowledged_on = date(received_at, '+2 day') "
                "WHERE jurisdiction = 'CCPA' AND status <> 'new'")))
            return sqlError(QStringLiteral("Confirming demo receipts"), ack);
        // Rows written, per table.
        counts = QJsonObject{{table::organizations, orgs},
                             {table::processors, processors},
                             {table::retentionRules, rules},
                             {table::policyVersions, policies},
                             {table::rightsRequests, requests},
                             {table::activities, activities},
                             {QStringLiteral("reference_date"), today.toString(Qt::ISODate)}};
        AuditEntry entry;
        entry.actor = ws.actor();
        entry.action = QStringLiteral("create");
        entry.recordType = QStringLiteral("workspace");
        entry.recordId = QStringLiteral("demo");
        entry.summary = QObject::tr("Created the demo workspace from the three seed policies");
        entry.after = counts;
        return AuditLog::append(db, entry);
    });
}

QHash<QString, QStringList> DemoWorkspace::notProcessors()
{
    QHash<QString, QStringList> out;
    auto data = demoData();
    if (!data)
        return out;
    for (const QJsonValue& org : data->value(QStringLiteral("organizations")).toArray()) {
        QStringList names;
        for (const QJsonValue& n : org[QStringLiteral("not_processors")].toArray())
            names << n[QStringLiteral("name")].toString();
        out.insert(org[QStringLiteral("id")].toString(), names);
    }
    return out;
}

} // namespace workbench
