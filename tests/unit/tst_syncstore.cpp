// The sync store: the one owner of the sync's tables. An edit of a synced
// record is queued in the outbox in the transaction that writes it, read
// back oldest first, and leaves the outbox only with the write that
// confirms it; the other tables read back as written.
#include "TestSupport.h"
#include "storage/RecordStore.h"
#include "storage/Repository.h"
#include "storage/SyncStore.h"
#include "storage/Workspace.h"

#include <QJsonDocument>

using namespace workbench;
using namespace workbench::sync;
using namespace workbench::test;

class TestSyncStore : public QObject
{
    Q_OBJECT

    TempFolder m_tmp;
    int m_n = 0;

    std::unique_ptr<Workspace> freshWorkspace()
    {
        auto ws = Workspace::open(m_tmp.path(QStringLiteral("st%1.sqlite").arg(++m_n)));
        return ws ? std::move(ws).value() : nullptr;
    }

    // An organization as a server sent it (version 3).
    static Status pullOrganization(Workspace& ws, const QString& name = "Acme")
    {
        return ws.database().transaction([&] {
            return RecordStore(ws.database(), RecordTable<Organization>::spec())
                .upsert({{"id", "o1"}, {"name", name}, {"version", 3}});
        });
    }

    static QJsonObject json(const QByteArray& text)
    {
        return QJsonDocument::fromJson(text).object();
    }

private slots:
    void anEditOfASyncedRecordIsQueuedInItsTransaction()
    {
        auto ws = freshWorkspace();
        QVERIFY(ws);
        QVERIFY_OK(pullOrganization(*ws));
        Organization o = ws->organizations().value().first();
        o.website = "https://acme.example";
        QVERIFY_OK(ws->save(o, "website"));

        SyncStore store(ws->database());
        auto outbox = store.outbox("company");
        QVERIFY_OK(outbox);
        QCOMPARE(outbox->size(), 1);
        const OutboxEntry e = outbox->first();
        QCOMPARE(e.resource, QString("organizations"));
        QCOMPARE(e.recordId, QString("o1"));
        QCOMPARE(e.baseVersion, 3);
        QCOMPARE(json(e.body),
                 QJsonObject({{"website", "https://acme.example"}})); // only the change
        QCOMPARE(json(e.base).value("name").toString(), QString("Acme"));
        QCOMPARE(json(e.base).value("version").toInt(), 3);
        QVERIFY(!e.id.isEmpty());

        // The server's copy and the confirmation commit together: a write
        // that fails takes the confirmation back with it.
        const QJsonObject server{
            {"id", "o1"}, {"name", "Acme"}, {"website", "https://acme.example"}, {"version", 4}};
        RecordStore records(ws->database(), RecordTable<Organization>::spec());
        const Status failed = ws->database().transaction([&]() -> Status {
            if (auto s = store.removeFromOutbox(e.id); !s)
                return s;
            if (auto s = records.upsert(server); !s)
                return s;
            return Error{"the network went away"};
        });
        QVERIFY(!failed);
        QCOMPARE(store.outbox("company")->size(), 1);
        QCOMPARE(ws->organizations().value().first().meta.version, 3);

        QVERIFY_OK(ws->database().transaction([&]() -> Status {
            if (auto s = records.upsert(server); !s)
                return s;
            return store.removeFromOutbox(e.id);
        }));
        QVERIFY(store.outbox("company")->isEmpty());
        QCOMPARE(ws->organizations().value().first().meta.version, 4);
    }

    void aWriteThatFailsQueuesNothing()
    {
        auto ws = freshWorkspace();
        QVERIFY(ws);
        QVERIFY_OK(pullOrganization(*ws));
        const QJsonObject before = ws->organizations().value().first().toJson();
        QJsonObject after = before;
        after["name"] = "Acme Ltd";
        // The edit is queued, then the rest of the change fails: the queued
        // entry goes with it.
        const Status s = ws->recordResolved("organizations", "o1", before, after, "rename", [&] {
            if (auto q = ws->enqueueForSync("organizations", "o1", before, after); !q)
                return q;
            return Status{Error{"refused"}};
        });
        QVERIFY(!s);
        QVERIFY(SyncStore(ws->database()).outbox("company")->isEmpty());
        // A record never synced (no version) queues nothing.
        QJsonObject local = before;
        local.remove("version");
        QVERIFY_OK(ws->database().transaction(
            [&] { return ws->enqueueForSync("organizations", "o1", local, after); }));
        QVERIFY(SyncStore(ws->database()).outbox("company")->isEmpty());
        QVERIFY_OK(ws->database().transaction(
            [&] { return ws->enqueueForSync("organizations", "o1", before, after); }));
        QCOMPARE(SyncStore(ws->database()).outbox("company")->size(), 1);
    }

    void theOutboxIsReadOldestFirstAndCountsFailedTries()
    {
        auto ws = freshWorkspace();
        QVERIFY(ws);
        SyncStore store(ws->database());
        QVERIFY_OK(ws->database().transaction([&]() -> Status {
            for (const char* id : {"r1", "r2", "r3"})
                if (auto s = store.enqueue("rights-requests", id, 1, {{"status", "fulfilled"}}, {});
                    !s)
                    return s;
            return {};
        }));
        auto outbox = store.outbox("any source");
        QVERIFY_OK(outbox);
        QStringList ids;
        for (const OutboxEntry& e : outbox.value())
            ids << e.recordId;
        QCOMPARE(ids, QStringList({"r1", "r2", "r3"}));
        QVERIFY_OK(store.outboxTryFailed(outbox->first().id, "timed out"));
        QVERIFY_OK(store.outboxTryFailed(outbox->first().id, "timed out again"));
        QCOMPARE(count(*ws, "SELECT attempts FROM sync_outbox WHERE record_id = 'r1'"), 2);
        QCOMPARE(store.outbox("any source")->size(), 3); // a failed try stays
    }

    void aRefusedEditBecomesAConflictAndGoes()
    {
        auto ws = freshWorkspace();
        QVERIFY(ws);
        SyncStore store(ws->database());
        QVERIFY_OK(ws->database().transaction([&] {
            return store.enqueue("rights-requests", "r1", 2, {{"assignee", "Dana"}},
                                 {{"id", "r1"}, {"version", 2}});
        }));
        const OutboxEntry e = store.outbox("company")->first();
        QVERIFY_OK(ws->database().transaction([&]() -> Status {
            if (auto s = store.addConflict(e, "company", "changed", {{"id", "r1"}, {"version", 3}});
                !s)
                return s;
            return store.removeFromOutbox(e.id);
        }));
        QVERIFY(store.outbox("company")->isEmpty());
        QCOMPARE(store.idsInConflict("rights-requests").value(), QSet<QString>({"r1"}));
        QVERIFY(store.idsInConflict("organizations")->isEmpty());
        auto conflicts = store.conflicts();
        QVERIFY_OK(conflicts);
        QCOMPARE(conflicts->size(), 1);
        Conflict c = conflicts->first();
        QCOMPARE(c.id, e.id);
        QCOMPARE(c.source, QString("company"));
        QCOMPARE(c.reason, QString("changed"));
        QCOMPARE(c.baseVersion, 2);
        QCOMPARE(c.mine, QJsonObject({{"assignee", "Dana"}}));
        QCOMPARE(c.server.value("version").toInt(), 3);
        QVERIFY(!c.gone());
        // Deleted on the server meanwhile.
        QVERIFY_OK(store.updateConflict("rights-requests", "r1", "gone", {}));
        c = store.conflicts()->first();
        QVERIFY(c.gone());
        QCOMPARE(c.reason, QString("gone"));
        QVERIFY_OK(store.removeConflict(c.id));
        QVERIFY(store.conflicts()->isEmpty());
    }

    void refusedRecordsCountTheirTriesAndCauses()
    {
        auto ws = freshWorkspace();
        QVERIFY(ws);
        SyncStore store(ws->database());
        const QJsonObject r1{{"id", "r1"}, {"organization_id", "o9"}, {"version", 5}};
        const Refusal missing{"organization_id", "missing organization", "organization o9 ..."};
        QVERIFY_OK(store.keepRefused("company", "rights-requests", r1, missing, true));
        QVERIFY_OK(store.keepRefused("company", "rights-requests", r1, missing, false)); // same run
        QVERIFY_OK(store.keepRefused("company", "rights-requests", r1, missing, true));
        QVERIFY_OK(store.keepRefused("company", "rights-requests", {{"id", "r2"}},
                                     {"type", "invalid type", "telepathy"}, true));
        auto kept = store.refused("rights-requests");
        QVERIFY_OK(kept);
        QCOMPARE(kept->size(), 2);
        const RefusedRecord first = kept->first();
        QCOMPARE(first.id, QString("r1"));
        QCOMPARE(first.tries, 2);
        QCOMPARE(first.version, 5);
        QCOMPARE(first.refusal.cause, QString("missing organization"));
        QCOMPARE(first.record, r1);
        QCOMPARE(store.refusedIds("rights-requests").value(), QSet<QString>({"r1", "r2"}));
        QCOMPARE(store.refusedCauses().value(),
                 (QMap<QString, int>{{"missing organization", 1}, {"invalid type", 1}}));
        QVERIFY(store.refused("organizations")->isEmpty());
        QVERIFY_OK(store.dropRefused("rights-requests", "r1"));
        QCOMPARE(store.refused()->size(), 1);
    }

    void pullStateKeepsTheEtagAnEmptyPageDoesNotSend()
    {
        auto ws = freshWorkspace();
        QVERIFY(ws);
        SyncStore store(ws->database());
        QVERIFY(store.pullState("company", "organizations")->cursor.isNull());
        QVERIFY_OK(store.savePullState("company", "organizations", "c1", "\"e1\""));
        QVERIFY_OK(store.savePullState("company", "organizations", "c2", {}));
        const PullState state = store.pullState("company", "organizations").value();
        QCOMPARE(state.cursor, QString("c2"));
        QCOMPARE(state.etag, QByteArray("\"e1\""));
        QVERIFY(store.pullState("other", "organizations")->cursor.isNull());
    }

    void sourcesAndTheLogReadBackAsWritten()
    {
        auto ws = freshWorkspace();
        QVERIFY(ws);
        SyncStore store(ws->database());
        SyncSource s;
        s.name = "  company ";
        s.kind = SourceKind::Postgrest;
        s.baseUrl = QUrl("https://db.example/rest/v1");
        s.tokenEnv = "COMPANY_TOKEN";
        QVERIFY_OK(store.saveSource(s));
        auto sources = store.sources();
        QVERIFY_OK(sources);
        QCOMPARE(sources->size(), 1);
        s.name = "company";
        QCOMPARE(sources->first(), s);
        QVERIFY_OK(store.removeSource("company"));
        QVERIFY(store.sources()->isEmpty());

        for (int i = 1; i <= 3; ++i) {
            SyncRun run;
            run.source = QStringLiteral("company");
            run.startedAt = QDateTime::currentDateTimeUtc();
            run.finishedAt = run.startedAt.addSecs(1);
            run.outcome = i == 3 ? "error" : "ok";
            run.message = i == 3 ? "it broke" : "";
            run.summary = {{"pushed", i}};
            if (i == 2)
                run.rejections = {{"rights-requests", "r2", "type", "telepathy"}};
            QVERIFY_OK(store.logRun(run));
        }
        auto runs = store.runs(2);
        QVERIFY_OK(runs);
        QCOMPARE(runs->size(), 2); // newest first
        QCOMPARE(runs->at(0).outcome, QString("error"));
        QCOMPARE(runs->at(0).message, QString("it broke"));
        QCOMPARE(runs->at(0).rejections.size(), 0);
        QCOMPARE(runs->at(1).summary.value("pushed").toInt(), 2);
        QCOMPARE(runs->at(1).rejections.size(), 1);
        QCOMPARE(runs->at(1).rejections.first().id, QString("r2"));
        QCOMPARE(runs->at(1).rejections.first().reason, QString("telepathy"));
    }
};

QTEST_GUILESS_MAIN(TestSyncStore)
#include "tst_syncstore.moc"
