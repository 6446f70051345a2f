// A rights request logged here is queued in the outbox as a create, in the
// transaction that writes it: the whole record, a stable Idempotency-Key,
// a body that follows the officer's edits until it is first sent and then
// stays as sent, and a refusal that a correction clears (docs/sync-api.md
// section 9.5).
#include "TestSupport.h"
#include "services/RequestIntake.h"
#include "services/RequestService.h"
#include "storage/SyncStore.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace workbench;
using namespace workbench::sync;
using namespace workbench::test;

class TestOutboxCreates : public QObject
{
    Q_OBJECT

    TempFolder m_tmp;
    int m_n = 0;
    QString m_path;
    std::unique_ptr<Workspace> m_ws;

    RequestIntakeInput input() const
    {
        RequestIntakeInput in;
        in.organizationId = "org-labelsets";
        in.type = RequestType::Erasure;
        in.jurisdiction = Jurisdiction::Gdpr;
        in.receivedAt = QDateTime::fromString("2026-03-02T09:30:00Z", Qt::ISODate);
        in.channel = RequestChannel::Email;
        in.requesterName = "Jane Doe";
        in.email = "jane@example.org";
        in.words = "Please delete my account.";
        return in;
    }

    QString logRequest()
    {
        RequestIntake intake(*m_ws);
        auto made = intake.create(input());
        return made ? made->request.id : QString();
    }

    QList<OutboxEntry> outbox()
    {
        auto entries = SyncStore(m_ws->database()).outbox();
        return entries ? entries.value() : QList<OutboxEntry>{};
    }

    static QJsonObject json(const QByteArray& text)
    {
        return QJsonDocument::fromJson(text).object();
    }

private slots:
    void init()
    {
        m_path = m_tmp.path(QStringLiteral("c%1.sqlite").arg(++m_n));
        m_ws = makeDemoWorkspace(m_path);
        QVERIFY(m_ws);
    }

    void aLoggedRequestIsQueuedAsACreateWithTheWholeRecord()
    {
        const int before = int(outbox().size());
        const QString id = logRequest();
        QVERIFY(!id.isEmpty());
        const QList<OutboxEntry> entries = outbox();
        QCOMPARE(entries.size(), before + 1);
        const OutboxEntry e = entries.last();
        QVERIFY(e.isCreate());
        QCOMPARE(e.resource, QString("rights-requests"));
        QCOMPARE(e.recordId, id);
        QCOMPARE(e.baseVersion, 0);
        QVERIFY(!e.sent);
        QVERIFY(!e.refused());
        QVERIFY(!e.idempotencyKey.isEmpty());
        QVERIFY(e.idempotencyKey != id); // the entry's key, not the record's id
        const QJsonObject body = json(e.body);
        QCOMPARE(body["id"].toString(), id);
        QCOMPARE(body["organization_id"].toString(), QString("org-labelsets"));
        QCOMPARE(body["type"].toString(), QString("erasure"));
        QCOMPARE(body["jurisdiction"].toString(), QString("GDPR"));
        QCOMPARE(body["subject_email"].toString(), QString("jane@example.org"));
        QCOMPARE(body["subject_name"].toString(), QString("Jane Doe"));
        QCOMPARE(body["channel"].toString(), QString("email"));
        QCOMPARE(body["status"].toString(), QString("new"));
        QVERIFY(body.contains("closed_at")); // every field, null when not set
        QVERIFY(body["closed_at"].isNull());
        QVERIFY(!body.contains("version")); // the server sets both
        QVERIFY(!body.contains("updated_at"));
        QVERIFY(!body.contains("due_legal")); // local columns stay local

        // The key is stored: a workspace opened again (after a crash) has it.
        const QString key = e.idempotencyKey;
        m_ws.reset();
        auto again = Workspace::open(m_path);
        QVERIFY_OK(again);
        m_ws = std::move(again).value();
        QCOMPARE(outbox().last().idempotencyKey, key);
    }

    void aFailedCreateQueuesNothing()
    {
        const int before = int(outbox().size());
        // The history line cannot be written: the request, its audit entry
        // and its create all roll back.
        QSqlQuery q(m_ws->database().connection());
        QVERIFY(q.exec("CREATE TEMP TRIGGER no_history BEFORE INSERT ON request_events "
                       "BEGIN SELECT RAISE(ABORT, 'history refused'); END"));
        const qint64 audit = m_ws->auditHead()->seq;
        QVERIFY(logRequest().isEmpty());
        QCOMPARE(outbox().size(), before);
        QCOMPARE(m_ws->auditHead()->seq, audit);
        QCOMPARE(count(*m_ws, "SELECT count(*) FROM rights_requests WHERE version = 0 AND "
                              "subject_email = 'jane@example.org'"),
                 0);
    }

    void anEditBeforeSendingChangesTheWaitingCreate()
    {
        const QString id = logRequest();
        RequestService requests(*m_ws);
        QVERIFY_OK(requests.assign(id, "dana"));
        const QList<OutboxEntry> entries = outbox();
        // No PATCH for a record the server does not hold: the create takes it.
        QCOMPARE(std::count_if(entries.begin(), entries.end(),
                               [&](const OutboxEntry& e) { return e.recordId == id; }),
                 1);
        QCOMPARE(json(entries.last().body)["assignee"].toString(), QString("dana"));
    }

    void aBodySentOnceStaysAsSent()
    {
        const QString id = logRequest();
        SyncStore store(m_ws->database());
        const OutboxEntry e = outbox().last();
        QVERIFY_OK(m_ws->database().transaction([&] { return store.createSent(e.id); }));
        RequestService requests(*m_ws);
        QVERIFY_OK(requests.assign(id, "dana"));
        const OutboxEntry after = outbox().last();
        QVERIFY(after.sent);
        QCOMPARE(after.body, e.body); // a retry sends exactly what went out
        QCOMPARE(after.idempotencyKey, e.idempotencyKey);
    }

    void aCorrectionClearsARefusalAndTakesANewKey()
    {
        const QString id = logRequest();
        SyncStore store(m_ws->database());
        const OutboxEntry e = outbox().last();
        QVERIFY_OK(m_ws->database().transaction([&]() -> Status {
            if (auto s = store.createSent(e.id); !s)
                return s;
            return store.createRefused(e.id, "subject_email", "not an e-mail address");
        }));
        OutboxEntry refused = outbox().last();
        QVERIFY(refused.refused());
        QCOMPARE(refused.refusedField, QString("subject_email"));
        QCOMPARE(refused.refusedReason, QString("not an e-mail address"));
        QCOMPARE(refused.attempts, 1);
        auto waiting = store.refusedCreates();
        QVERIFY_OK(waiting);
        QCOMPARE(waiting.value(), 1);

        RequestService requests(*m_ws);
        QVERIFY_OK(requests.assign(id, "dana"));
        const OutboxEntry corrected = outbox().last();
        QVERIFY(!corrected.refused());
        QVERIFY(!corrected.sent);
        QVERIFY(corrected.idempotencyKey != e.idempotencyKey);
        QCOMPARE(json(corrected.body)["assignee"].toString(), QString("dana"));
        QCOMPARE(store.refusedCreates().value(), 0);
    }

    void deletingTheRecordDropsItsCreate()
    {
        const QString id = logRequest();
        QVERIFY_OK(m_ws->remove<RightsRequest>(id, "undo"));
        const QList<OutboxEntry> entries = outbox();
        QVERIFY(std::none_of(entries.begin(), entries.end(),
                             [&](const OutboxEntry& e) { return e.recordId == id; }));
    }
};

QTEST_GUILESS_MAIN(TestOutboxCreates)
#include "tst_outboxcreates.moc"
