// A rights request logged offline reaches the contract server once, with the
// id it was given here: whether the POST's answer arrives, is lost and the
// POST is tried again, or the process is killed between sending it and
// recording the answer. A refusal (422) keeps the record and says why; an id
// the server holds for another record is a conflict (docs/sync-api.md §9).
#include "ContractServer.h"
#include "TestSupport.h"
#include "cli/Cli.h"
#include "services/RequestIntake.h"
#include "services/RequestService.h"
#include "services/SyncDesk.h"
#include "storage/Repository.h"
#include "storage/SyncStore.h"
#include "storage/Workspace.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace workbench;
using namespace workbench::test;
using namespace workbench::sync;

namespace {

const QByteArray kToken = "tok-create-5e1d7a-secret";

SyncOptions fast()
{
    SyncOptions o;
    o.retry.baseBackoffMs = 5;
    o.retry.maxTries = 3;
    o.retry.maxRetryAfterSeconds = 1;
    return o;
}

} // namespace

class TestSyncCreate : public QObject
{
    Q_OBJECT

    TempFolder m_tmp;
    int m_n = 0;

    QString newPath() { return m_tmp.path(QStringLiteral("c%1.sqlite").arg(++m_n)); }

    static RequestIntakeInput input(const QString& email = "jane@example.org")
    {
        RequestIntakeInput in;
        in.organizationId = "org-labelsets";
        in.type = RequestType::Erasure;
        in.jurisdiction = Jurisdiction::Gdpr;
        in.receivedAt = QDateTime::fromString("2026-03-02T09:30:00+01:00", Qt::ISODate);
        in.channel = RequestChannel::Email;
        in.requesterName = "Jane Doe";
        in.email = email;
        in.words = "Please delete my account.";
        return in;
    }

    static QString logRequest(Workspace& ws, const QString& email = "jane@example.org")
    {
        auto made = RequestIntake(ws).create(input(email));
        return made ? made->request.id : QString();
    }

    static SyncSource rest(const ContractServer& server)
    {
        SyncSource s;
        s.name = "company";
        s.baseUrl = QUrl(server.baseUrl());
        return s;
    }

    static SyncReport sync(Workspace& ws, const SyncSource& source)
    {
        return SyncDesk(ws).run(source, kToken, fast());
    }

    static RightsRequest local(Workspace& ws, const QString& id)
    {
        auto found = Repository<RightsRequest>(ws.database()).find(id);
        return found && found.value() ? *found.value() : RightsRequest{};
    }

    static QList<OutboxEntry> outbox(Workspace& ws)
    {
        auto entries = SyncStore(ws.database()).outbox();
        return entries ? entries.value() : QList<OutboxEntry>{};
    }

    static QList<QJsonObject> held(const ContractServer& server, const QString& id)
    {
        QList<QJsonObject> out;
        for (const QJsonObject& r : server.current("rights-requests"))
            if (r["id"].toString() == id)
                out << r;
        return out;
    }

private slots:
    void aRequestLoggedOfflineReachesTheServerOnceWithItsId()
    {
        ContractServer server(kToken);
        auto ws = makeDemoWorkspace(newPath());
        QVERIFY(ws);
        const QString id = logRequest(*ws);
        QVERIFY(!id.isEmpty());
        QCOMPARE(local(*ws, id).meta.version, 0);
        const QString key = outbox(*ws).last().idempotencyKey;

        const SyncReport report = sync(*ws, rest(server));
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(report.outcome(), QString("ok"));
        QCOMPARE(report.pushed, 1);
        QCOMPARE(server.postsReceived("/api/v1/rights-requests"), 1);
        QCOMPARE(server.idempotencyKeys(), QStringList{key});
        QCOMPARE(server.lastPostHeaders().value("content-type"), QByteArray("application/json"));
        const QList<QJsonObject> there = held(server, id);
        QCOMPARE(there.size(), 1);
        QCOMPARE(there[0]["subject_email"].toString(), QString("jane@example.org"));
        QCOMPARE(there[0]["organization_id"].toString(), QString("org-labelsets"));
        QCOMPARE(there[0]["type"].toString(), QString("erasure"));
        QCOMPARE(QDateTime::fromString(there[0]["received_at"].toString(), Qt::ISODateWithMs),
                 QDateTime::fromString("2026-03-02T08:30:00Z", Qt::ISODate));

        // The local record is the server's now: its version and time, the
        // create gone, the due dates still there.
        const RightsRequest q = local(*ws, id);
        QCOMPARE(q.meta.version, 1);
        QCOMPARE(q.meta.updatedAt,
                 QDateTime::fromString(there[0]["updated_at"].toString(), Qt::ISODate));
        QVERIFY(outbox(*ws).isEmpty());
        QCOMPARE(count(*ws, "SELECT count(*) FROM rights_requests WHERE id = '" + id +
                                "' AND due_effective IS NOT NULL"),
                 1);

        // Nothing is sent again; a later edit goes as a PATCH of version 1.
        QVERIFY(sync(*ws, rest(server)).ok());
        QCOMPARE(server.postsReceived(), 1);
        QVERIFY_OK(RequestService(*ws).assign(id, "dana"));
        const SyncReport edit = sync(*ws, rest(server));
        QVERIFY2(edit.ok(), qPrintable(edit.error));
        QCOMPARE(server.patchesApplied(), 1);
        QCOMPARE(held(server, id).first()["assignee"].toString(), QString("dana"));
        QCOMPARE(server.recordsCreated(), 1);
    }

    void aLostAnswerIsTriedAgainWithTheSameKey()
    {
        ContractServer server(kToken);
        auto ws = makeDemoWorkspace(newPath());
        QVERIFY(ws);
        const QString id = logRequest(*ws);
        server.queueFault(ContractServer::Fault::StoreThenClose, "/api/v1/rights-requests");
        const SyncReport report = sync(*ws, rest(server));
        QVERIFY2(report.ok(), qPrintable(report.error));
        // Two tries, one key, one record; the second got the first's answer.
        QCOMPARE(server.postsReceived("/api/v1/rights-requests"), 2);
        const QStringList keys = server.idempotencyKeys();
        QCOMPARE(keys.size(), 2);
        QCOMPARE(keys[0], keys[1]);
        QCOMPARE(server.recordsCreated(), 1);
        QCOMPARE(held(server, id).size(), 1);
        QCOMPARE(local(*ws, id).meta.version, 1);
        QVERIFY(outbox(*ws).isEmpty());
    }

    void anEditMadeWhileTheAnswerWasLostFollowsAsAnEdit()
    {
        ContractServer server(kToken);
        auto ws = makeDemoWorkspace(newPath());
        QVERIFY(ws);
        const QString id = logRequest(*ws);
        // Stored, the answer lost, and the retries fail: the sync stops.
        server.queueFault(ContractServer::Fault::StoreThenClose, "/api/v1/rights-requests");
        // Three tries in all (fast()); Qt itself may send a request once
        // more on a connection closed before the answer: one 500 spare.
        for (int i = 0; i < 3; ++i)
            server.queueFault(ContractServer::Fault::Status500, "/api/v1/rights-requests");
        const SyncReport failed = sync(*ws, rest(server));
        QVERIFY(!failed.ok());
        QCOMPARE(local(*ws, id).meta.version, 0);
        const OutboxEntry waiting = outbox(*ws).last();
        QVERIFY(waiting.sent);
        QCOMPARE(waiting.attempts, 1);
        QVERIFY(!waiting.lastError.isEmpty());

        // The officer assigns it meanwhile: the create still sends what went out.
        QVERIFY_OK(RequestService(*ws).assign(id, "dana"));
        QCOMPARE(outbox(*ws).last().body, waiting.body);
        const SyncReport again = sync(*ws, rest(server));
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(server.recordsCreated(), 1);
        // The try that stored it and the one that got its answer (the 500s
        // never reach the store), with one key.
        const QStringList keys = server.idempotencyKeys();
        QCOMPARE(keys.size(), 2);
        QCOMPARE(keys[0], keys[1]);
        // The edit stays here, and follows the confirmed create in the same
        // run as an edit of version 1 (the pull after it takes nothing over it).
        QCOMPARE(server.patchesApplied(), 1);
        const QJsonObject there = held(server, id).first();
        QCOMPARE(there["assignee"].toString(), QString("dana"));
        QCOMPARE(there["version"].toInt(), 2);
        const RightsRequest q = local(*ws, id);
        QCOMPARE(q.meta.version, 2);
        QCOMPARE(q.assignee, QString("dana"));
        QVERIFY(outbox(*ws).isEmpty());
        QCOMPARE(server.recordsCreated(), 1);
    }

    void aProcessKilledBeforeRecordingTheAnswerSendsTheSameCreateAgain()
    {
        ContractServer server(kToken);
        const QString path = newPath();
        QString id;
        {
            auto ws = makeDemoWorkspace(path);
            QVERIFY(ws);
            id = logRequest(*ws);
            QVERIFY(!id.isEmpty());
        }
        // The server stores the record and holds its answer; the sync is
        // killed while it waits.
        server.setAnswerDelay(120000);
        server.queueFault(ContractServer::Fault::StoreThenDelay, "/api/v1/rights-requests");
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("WB_CREATE_TOKEN", QString::fromLatin1(kToken));
        child.setProcessEnvironment(env);
        const QStringList arguments{"sync",           "--workspace",    path,
                                    "--url",          server.baseUrl(), "--token-env",
                                    "WB_CREATE_TOKEN"};
        child.start(qEnvironmentVariable("PRIVACY_WORKBENCH_BIN"), arguments);
        QVERIFY(child.waitForStarted());
        while (child.state() != QProcess::NotRunning && server.recordsCreated() < 1)
            child.waitForFinished(5);
        QVERIFY2(child.state() == QProcess::Running,
                 qPrintable(QString::fromUtf8(child.readAllStandardError())));
        child.kill(); // SIGKILL: no chance to record anything
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QCOMPARE(server.recordsCreated(), 1);

        {
            // The workspace: the request still local, its create sent once
            // and waiting with its key.
            auto ws = Workspace::open(path);
            QVERIFY_OK(ws);
            QCOMPARE(local(*ws.value(), id).meta.version, 0);
            const QList<OutboxEntry> entries = outbox(*ws.value());
            QCOMPARE(entries.size(), 1);
            QVERIFY(entries[0].isCreate());
            QVERIFY(entries[0].sent);
            QCOMPARE(server.idempotencyKeys(), QStringList{entries[0].idempotencyKey});
        }

        // Synced again by the command line: the same key and body, the
        // first answer replayed, one record.
        QProcess again;
        again.setProcessEnvironment(env);
        again.start(qEnvironmentVariable("PRIVACY_WORKBENCH_BIN"), arguments);
        QVERIFY(again.waitForFinished(120000));
        QVERIFY2(again.exitStatus() == QProcess::NormalExit && again.exitCode() == 0,
                 qPrintable(QString::fromUtf8(again.readAllStandardError())));
        QCOMPARE(server.postsReceived("/api/v1/rights-requests"), 2);
        const QStringList keys = server.idempotencyKeys();
        QCOMPARE(keys[0], keys[1]);
        QCOMPARE(server.recordsCreated(), 1);
        QCOMPARE(held(server, id).size(), 1);
        auto ws = Workspace::open(path);
        QVERIFY_OK(ws);
        const RightsRequest q = local(*ws.value(), id);
        QCOMPARE(q.meta.version, 1);
        QCOMPARE(q.subjectEmail, QString("jane@example.org"));
        QVERIFY(outbox(*ws.value()).isEmpty());
        QCOMPARE(count(*ws.value(), "SELECT count(*) FROM request_events WHERE request_id = '" +
                                        id + "' AND kind = 'received'"),
                 1);
        QVERIFY2(ws.value()->verifyAudit().problems.isEmpty(),
                 qPrintable(ws.value()->verifyAudit().problems.join("; ")));
    }

    void aRefusedCreateKeepsTheRecordAndSaysWhy()
    {
        ContractServer server(kToken);
        auto ws = makeDemoWorkspace(newPath());
        QVERIFY(ws);
        const QString id = logRequest(*ws);
        server.setRefusal("subject_email", "this domain takes no mail");
        server.queueFault(ContractServer::Fault::Unprocessable, "/api/v1/rights-requests");
        const SyncReport report = sync(*ws, rest(server));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.outcome(), QString("waiting")); // ran to the end, something waits
        QCOMPARE(report.waitingTotal(), 1);
        QCOMPARE(report.rejections.size(), 1);
        QCOMPARE(report.rejections[0].id, id);
        QCOMPARE(report.rejections[0].field, QString("subject_email"));
        QVERIFY(report.rejections[0].reason.contains("this domain takes no mail"));
        QCOMPARE(server.recordsCreated(), 0);

        // The Sync desk shows it with the server's words; the record stays.
        auto refused = SyncDesk(*ws).refusedCreates();
        QVERIFY_OK(refused);
        QCOMPARE(refused->size(), 1);
        QCOMPARE(refused->first().recordId, id);
        QCOMPARE(refused->first().refusedField, QString("subject_email"));
        QVERIFY(refused->first().refusedReason.contains("this domain takes no mail"));
        QCOMPARE(local(*ws, id).subjectEmail, QString("jane@example.org"));
        QCOMPARE(local(*ws, id).meta.version, 0);

        // Not sent again until the officer corrects the record.
        QCOMPARE(sync(*ws, rest(server)).outcome(), QString("waiting"));
        QCOMPARE(server.postsReceived("/api/v1/rights-requests"), 1);
        QVERIFY_OK(RequestService(*ws).assign(id, "dana"));
        const SyncReport fixed = sync(*ws, rest(server));
        QVERIFY2(fixed.ok(), qPrintable(fixed.error));
        QCOMPARE(fixed.outcome(), QString("ok"));
        QCOMPARE(server.postsReceived("/api/v1/rights-requests"), 2);
        const QStringList keys = server.idempotencyKeys();
        QVERIFY(keys[0] != keys[1]); // a new request: the server keeps its 422 for the old key
        QCOMPARE(held(server, id).size(), 1);
        QCOMPARE(held(server, id).first()["assignee"].toString(), QString("dana"));
        QCOMPARE(local(*ws, id).meta.version, 1);
        QVERIFY(SyncDesk(*ws).refusedCreates()->isEmpty());
    }

    void aChildWaitsBehindItsParentsCreate()
    {
        ContractServer server(kToken);
        auto ws = makeDemoWorkspace(newPath());
        QVERIFY(ws);
        // An organization made here, and a request to it.
        Organization o;
        o.id = "org-made-here";
        o.name = "Made Here Ltd";
        QVERIFY_OK(ws->recordCreated("organizations", o.id, o.toJson(), "add", [&] {
            return Repository<Organization>(ws->database()).save(o);
        }));
        RequestIntakeInput in = input();
        in.organizationId = o.id;
        auto made = RequestIntake(*ws).create(in);
        QVERIFY_OK(made);
        server.queueFault(ContractServer::Fault::Unprocessable, "/api/v1/organizations");
        const SyncReport report = sync(*ws, rest(server));
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(server.postsReceived("/api/v1/organizations"), 1);
        QCOMPARE(server.postsReceived("/api/v1/rights-requests"), 0); // held back
        QCOMPARE(outbox(*ws).size(), 2);
        // The parent corrected: parent, then child, in one sync.
        o.website = "https://made-here.example";
        QVERIFY_OK(ws->save(o, "website"));
        const SyncReport fixed = sync(*ws, rest(server));
        QVERIFY2(fixed.ok(), qPrintable(fixed.error));
        QCOMPARE(server.current("organizations").size(), 1);
        QCOMPARE(held(server, made->request.id).size(), 1);
        QVERIFY(outbox(*ws).isEmpty());
    }

    void anIdHeldForAnotherRecordIsAConflict()
    {
        ContractServer server(kToken);
        auto ws = makeDemoWorkspace(newPath());
        QVERIFY(ws);
        const QString id = logRequest(*ws);
        const QString same = logRequest(*ws, "joe@example.org");
        // The server holds another record under the first id, and this very
        // record under the second (made by a try whose answer was lost).
        server.append("rights-requests", {{"id", id},
                                          {"organization_id", "org-labelsets"},
                                          {"type", "access"},
                                          {"jurisdiction", "GDPR"},
                                          {"subject_email", "someone.else@example.org"},
                                          {"received_at", "2026-02-01T08:00:00Z"},
                                          {"status", "in_progress"},
                                          {"version", 4}});
        QJsonObject copy = QJsonDocument::fromJson(outbox(*ws).last().body).object();
        copy["received_at"] = "2026-03-02T08:30:00Z"; // the same instant, written otherwise
        copy["version"] = 2;
        server.append("rights-requests", copy);

        const SyncReport report = sync(*ws, rest(server));
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(report.conflicts, 1);
        QCOMPARE(report.pushed, 1);
        QCOMPARE(server.recordsCreated(), 0); // nothing overwritten there
        QCOMPARE(held(server, id).first()["subject_email"].toString(),
                 QString("someone.else@example.org"));
        auto conflicts = SyncDesk(*ws).conflicts();
        QVERIFY_OK(conflicts);
        QCOMPARE(conflicts->size(), 1);
        const Conflict c = conflicts->first();
        QCOMPARE(c.recordId, id);
        QCOMPARE(c.reason, QString("exists"));
        QCOMPARE(c.mine["subject_email"].toString(), QString("jane@example.org"));
        QCOMPARE(c.server["subject_email"].toString(), QString("someone.else@example.org"));
        QVERIFY(c.fields().contains("subject_email"));
        // Nothing overwritten here either.
        QCOMPARE(local(*ws, id).subjectEmail, QString("jane@example.org"));
        // The same record: taken as created, with the server's version.
        QCOMPARE(local(*ws, same).meta.version, 2);
        QVERIFY(outbox(*ws).isEmpty());
    }

    void postgrestCreatesWithRepresentationAndReadsBackADuplicate()
    {
        ContractServer server(kToken);
        auto ws = makeDemoWorkspace(newPath());
        QVERIFY(ws);
        const QString id = logRequest(*ws);
        SyncSource source;
        source.name = "supabase";
        source.kind = SourceKind::Postgrest;
        source.baseUrl = QUrl(server.postgrestUrl());
        // The first answer is lost: the insert is tried again, meets the
        // key (409), and the row read back is this record.
        server.queueFault(ContractServer::Fault::StoreThenClose, "/rest/v1/rights_requests");
        const SyncReport report = sync(*ws, source);
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(report.conflicts, 0);
        QCOMPARE(server.postsReceived("/rest/v1/rights_requests"), 2);
        const auto headers = server.lastPostHeaders();
        QCOMPARE(headers.value("prefer"), QByteArray("return=representation"));
        QCOMPARE(headers.value("apikey"), kToken);
        QVERIFY(!headers.contains("idempotency-key")); // the dialect has none
        QCOMPARE(server.recordsCreated(), 1);
        QCOMPARE(held(server, id).size(), 1);
        QVERIFY(server.queries("/rest/v1/rights_requests").contains("id=eq." + id));
        QCOMPARE(local(*ws, id).meta.version, 1);
        QVERIFY(outbox(*ws).isEmpty());

        // Without a lost answer: one POST, the row in the answer.
        const QString second = logRequest(*ws, "joe@example.org");
        QVERIFY(sync(*ws, source).ok());
        QCOMPARE(server.postsReceived("/rest/v1/rights_requests"), 3);
        QCOMPARE(local(*ws, second).meta.version, 1);
        QCOMPARE(server.recordsCreated(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSyncCreate)
#include "tst_synccreate.moc"
