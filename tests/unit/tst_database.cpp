#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/Repository.h"
#include "storage/RowDigest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

using namespace workbench;
using namespace workbench::test;

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    static QStringList tables(const Database& db)
    {
        QSqlQuery q(db.connection());
        q.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        return out;
    }
    static QByteArray fileBytes(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void freshFileGetsTheWholeSchema()
    {
        TempFolder tmp;
        auto db = Database::open(tmp.path("w.sqlite"));
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 2);
        const QStringList t = tables(*db.value());
        for (const char* name :
             {"organizations", "processors", "processor_aliases", "processor_locations",
              "processor_data_categories", "processor_data_subjects", "processor_organizations",
              "retention_rules", "rights_requests", "request_events", "request_tasks",
              "policy_versions", "audit_log", "sync_outbox", "sync_state", "local_notes",
              "organization_holidays"})
            QVERIFY2(t.contains(QString::fromLatin1(name)), name);
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec("PRAGMA journal_mode") && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec("PRAGMA foreign_keys") && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void upgradesFromThePreviousSchemaKeepingData()
    {
        TempFolder tmp;
        const QString path = tmp.path("old.sqlite");
        {
            auto v1 = Database::open(path, {Database::Mode::ReadWrite, 1});
            QVERIFY2(v1, qPrintable(v1.error()));
            QCOMPARE(v1.value()->schemaVersion(), 1);
            QVERIFY(!tables(*v1.value()).contains("local_notes"));
            QSqlQuery q(v1.value()->connection());
            QVERIFY(q.exec("INSERT INTO organizations (id, name, notice_period_days) "
                           "VALUES ('o1', 'Acme', 14)"));
        }
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(tables(*db.value()).contains("local_notes"));
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec("SELECT name, notice_period_days FROM organizations WHERE id = 'o1'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Acme"));
        QCOMPARE(q.value(1).toInt(), 14);
    }

    // Schema 14 adds the vendor watch's tables: the registry stays as it
    // was, and the new tables take a list, a notice and a review of it.
    void vendorWatchTablesArriveKeepingData()
    {
        TempFolder tmp;
        const QString path = tmp.path("v13.sqlite");
        {
            auto old = Database::open(path, {Database::Mode::ReadWrite, 13});
            QVERIFY2(old, qPrintable(old.error()));
            QVERIFY(!tables(*old.value()).contains("subprocessor_notices"));
            QSqlQuery q(old.value()->connection());
            QVERIFY(q.exec("INSERT INTO processors (id, name, service, review_due) "
                           "VALUES ('p1', 'Supabase', 'Database', '2027-01-01')"));
        }
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db.error()));
        QVERIFY(db.value()->schemaVersion() >= 14);
        for (const char* name :
             {"vendor_list_settings", "vendor_lists", "subprocessor_notices", "vendor_reviews",
              "vendor_review_evidence", "review_cadence", "questionnaire_templates"})
            QVERIFY2(tables(*db.value()).contains(QString::fromLatin1(name)), name);
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec("SELECT name, review_due FROM processors WHERE id = 'p1'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QString("Supabase"));
        QCOMPARE(q.value(1).toString(), QString("2027-01-01"));
        QVERIFY(q.exec("SELECT months FROM review_cadence ORDER BY months"));
        QStringList months;
        while (q.next())
            months << q.value(0).toString();
        QCOMPARE(months, (QStringList{"6", "12", "24"}));
        QVERIFY(q.exec("INSERT INTO vendor_lists (processor_id, received_on, source, sha256, "
                       "entries_json, recorded_at) VALUES ('p1', '2026-11-23', 'list.csv', 'x', "
                       "'[]', '2026-11-23T10:00:00Z')"));
        QVERIFY(q.exec("INSERT INTO subprocessor_notices (processor_id, list_id, received_on, "
                       "objection_deadline, changes_json, created_at) VALUES ('p1', 1, "
                       "'2026-11-23', '2026-12-23', '{}', '2026-11-23T10:00:00Z')"));
        // The checks refuse what is not a status or a tier.
        QVERIFY(!q.exec("UPDATE subprocessor_notices SET status = 'maybe'"));
        QVERIFY(!q.exec("INSERT INTO vendor_reviews (processor_id, reviewed_on, reviewer, outcome, "
                        "risk_tier, next_review_on, created_at) VALUES ('p1', '2026-11-23', 'J', "
                        "'approved', 'extreme', '2027-11-23', 'now')"));
    }

    // Schema 5 rebuilds rights_requests: its rows, their history (which
    // refers to them with ON DELETE CASCADE) and derived columns survive,
    // and the checks still refuse what they refused.
    void rebuildingTheRequestTableKeepsRequestsAndTheirHistory()
    {
        TempFolder tmp;
        const QString path = tmp.path("v4.sqlite");
        {
            auto v4 = Database::open(path, {Database::Mode::ReadWrite, 4});
            QVERIFY2(v4, qPrintable(v4.error()));
            QSqlQuery q(v4.value()->connection());
            QVERIFY(q.exec("INSERT INTO organizations (id, name) VALUES ('o1', 'Acme')"));
            QVERIFY(q.exec("INSERT INTO rights_requests (id, organization_id, type, jurisdiction, "
                           "subject_email, received_at, status, due_effective, paused_days) "
                           "VALUES ('r1', 'o1', 'erasure', 'GDPR', 'a@example.com', "
                           "'2026-11-02T10:00:00Z', 'fulfilled', '2026-12-02', 3)"));
            QVERIFY(q.exec("INSERT INTO request_events (request_id, at, kind, text) "
                           "VALUES ('r1', '2026-11-02T10:00:00Z', 'received', 'by e-mail')"));
        }
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec("SELECT type, due_effective, paused_days, is_open FROM rights_requests"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QString("erasure"));
        QCOMPARE(q.value(1).toString(), QString("2026-12-02"));
        QCOMPARE(q.value(2).toInt(), 3);
        QCOMPARE(q.value(3).toInt(), 0); // fulfilled: not open
        QVERIFY(q.exec("SELECT count(*) FROM request_events WHERE request_id = 'r1'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(!q.exec("INSERT INTO rights_requests (id, organization_id, type, jurisdiction, "
                        "subject_email, received_at, status) VALUES ('r2', 'o1', 'telepathy', "
                        "'GDPR', 'b@example.com', '2026-11-02', 'new')"));
        QVERIFY(q.exec("PRAGMA foreign_keys"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1); // back on after the migration
    }

    // Schema 8 rebuilds rights_requests to accept every jurisdiction the
    // deadline rules know (VCDPA_CPA): the rows, their history, the
    // generated column and every index survive, and the other checks hold.
    void widenedJurisdictionCheckKeepsRequestsAndIndexes()
    {
        const auto shape = [](const Database& db) {
            QStringList out;
            QSqlQuery q(db.connection());
            q.exec("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'rights_requests' "
                   "AND type <> 'table' ORDER BY name");
            while (q.next())
                out << q.value(0).toString() + u'|' + q.value(1).toString();
            q.exec("PRAGMA table_xinfo(rights_requests)");
            while (q.next())
                out << q.value(1).toString() + u'|' + q.value(2).toString() + u'|' +
                           q.value(6).toString();
            return out;
        };
        TempFolder tmp;
        const QString path = tmp.path("v7.sqlite");
        QStringList before;
        {
            auto v7 = Database::open(path, {Database::Mode::ReadWrite, 7});
            QVERIFY2(v7, qPrintable(v7.error()));
            QCOMPARE(v7.value()->schemaVersion(), 7);
            QSqlQuery q(v7.value()->connection());
            QVERIFY(q.exec("INSERT INTO organizations (id, name) VALUES ('o1', 'Acme')"));
            QVERIFY(q.exec("INSERT INTO rights_requests (id, organization_id, type, jurisdiction, "
                           "subject_email, received_at, status, due_effective, paused_days) "
                           "VALUES ('r1', 'o1', 'access', 'CCPA', 'a@example.com', "
                           "'2026-11-02T10:00:00Z', 'new', '2026-12-17', 2)"));
            QVERIFY(q.exec("INSERT INTO request_events (request_id, at, kind, text) "
                           "VALUES ('r1', '2026-11-02T10:00:00Z', 'received', 'by e-mail')"));
            // Schema 7 refuses the jurisdiction.
            QVERIFY(!q.exec("INSERT INTO rights_requests (id, organization_id, type, "
                            "jurisdiction, subject_email, received_at, status) VALUES ('r0', "
                            "'o1', 'access', 'VCDPA_CPA', 'c@example.com', '2026-11-02', 'new')"));
            before = shape(*v7.value());
        }
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 8);
        QCOMPARE(shape(*db.value()), before);
        QVERIFY(before.size() > 30); // nine indexes and the columns
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec("SELECT jurisdiction, due_effective, paused_days, is_open "
                       "FROM rights_requests WHERE id = 'r1'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QString("CCPA"));
        QCOMPARE(q.value(1).toString(), QString("2026-12-17"));
        QCOMPARE(q.value(2).toInt(), 2);
        QCOMPARE(q.value(3).toInt(), 1);
        QVERIFY(q.exec("SELECT count(*) FROM request_events WHERE request_id = 'r1'"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY2(q.exec("INSERT INTO rights_requests (id, organization_id, type, jurisdiction, "
                        "subject_email, received_at, status) VALUES ('r2', 'o1', 'access', "
                        "'VCDPA_CPA', 'b@example.com', '2026-11-02', 'new')"),
                 qPrintable(q.lastError().text()));
        QVERIFY(!q.exec("INSERT INTO rights_requests (id, organization_id, type, jurisdiction, "
                        "subject_email, received_at, status) VALUES ('r3', 'o1', 'access', "
                        "'NOWHERE', 'b@example.com', '2026-11-02', 'new')"));
        QVERIFY(q.exec("PRAGMA foreign_key_check"));
        QVERIFY(!q.next());
    }

    // Schema 12 adds processing activities, the organization's Art. 30(1)(a)
    // parties and security measures: what was stored stays, the new tables
    // take activities linked to processors and rules, and the digests the
    // audit log recorded for records before schema 12 still match them.
    void processingActivitiesArriveKeepingDataAndDigests()
    {
        TempFolder tmp;
        const QString path = tmp.path("v8.sqlite");
        QHash<QString, QByteArray> oldDigests; // as a schema-8 build computed them
        {
            auto v8 = Database::open(path, {Database::Mode::ReadWrite, 8});
            QVERIFY2(v8, qPrintable(v8.error()));
            QCOMPARE(v8.value()->schemaVersion(), 8);
            QSqlQuery q(v8.value()->connection());
            QVERIFY(q.exec("INSERT INTO organizations (id, name, notice_period_days) "
                           "VALUES ('o1', 'Acme', 14)"));
            QVERIFY(q.exec("INSERT INTO processors (id, name, service, status) "
                           "VALUES ('p1', 'Mailer', 'e-mail', 'active')"));
            QVERIFY(q.exec("INSERT INTO processor_organizations VALUES ('p1', 0, 'o1')"));
            QVERIFY(q.exec("INSERT INTO processor_locations VALUES ('p1', 0, 'US')"));
            QVERIFY(q.exec("INSERT INTO retention_rules (id, organization_id, data_category, "
                           "trigger, action) VALUES ('r1', 'o1', 'mail logs', 'collection', "
                           "'delete')"));
            // The digest a schema-8 build recorded: the table layouts without
            // the fields schema 12 adds.
            for (const TableSpec* current :
                 {&RecordTable<Organization>::spec(), &RecordTable<Processor>::spec()}) {
                TableSpec old = *current;
                for (const QString& f : current->addedFields) {
                    old.columns.removeAll(f);
                    old.lists.remove(f);
                }
                old.addedFields.clear();
                auto defaults = RowDigest::readDefaults(*v8.value(), old.table);
                QVERIFY_OK(defaults);
                const RowDigest digest(old, defaults.value());
                auto rows = RecordStore(*v8.value(), old).select();
                QVERIFY_OK(rows);
                for (const QJsonObject& r : rows.value())
                    oldDigests.insert(old.resource + r.value("id").toString(),
                                      digest.of(digest.layout().layout(r)));
            }
        }
        QCOMPARE(oldDigests.size(), 2);
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 12);
        const QStringList t = tables(*db.value());
        for (const char* name :
             {"processing_activities", "activity_processors", "activity_retention_rules",
              "activity_security_measures", "activity_purposes", "activity_data_categories",
              "activity_data_subjects", "activity_systems", "activity_controllers",
              "processor_security_measures"})
            QVERIFY2(t.contains(QString::fromLatin1(name)), name);

        // Kept, and read through the new layouts.
        auto orgs = Repository<Organization>(*db.value()).list();
        QVERIFY_OK(orgs);
        QCOMPARE(orgs->size(), 1);
        QCOMPARE(orgs->first().name, QString("Acme"));
        QCOMPARE(orgs->first().noticePeriodDays, 14);
        QVERIFY(orgs->first().controller.isEmpty());
        auto processors = Repository<Processor>(*db.value()).list();
        QVERIFY_OK(processors);
        QCOMPARE(processors->first().locations, QStringList{"US"});
        QVERIFY(processors->first().securityMeasures.isEmpty());

        // Untouched records keep the digest the log recorded for them.
        for (const TableSpec* spec :
             {&RecordTable<Organization>::spec(), &RecordTable<Processor>::spec()}) {
            auto defaults = RowDigest::readDefaults(*db.value(), spec->table);
            QVERIFY_OK(defaults);
            const RowDigest digest(*spec, defaults.value());
            auto rows = RecordStore(*db.value(), *spec).select();
            QVERIFY_OK(rows);
            for (const QJsonObject& r : rows.value())
                QCOMPARE(digest.of(digest.layout().layout(r)),
                         oldDigests.value(spec->resource + r.value("id").toString()));
        }

        // An activity linked to the processor and the rule, with its JSON
        // fields, reads back as it was written.
        ProcessingActivity a;
        a.id = "a1";
        a.organizationId = "o1";
        a.name = "Newsletters";
        a.legalBasis = LegalBasis::Consent;
        a.processorIds = {"p1"};
        a.retentionRuleIds = {"r1"};
        a.otherRecipients = {
            {"Ad network", RecipientType::Controller, "US", TransferMechanism::Scc}};
        a.transfersOverride = QList<Transfer>();
        a.securityMeasures = {"events_logging"};
        Repository<ProcessingActivity> repo(*db.value());
        QVERIFY_OK(db.value()->transaction([&] { return repo.save(a); }));
        auto back = repo.find("a1");
        QVERIFY_OK(back);
        QVERIFY(back.value());
        QCOMPARE(*back.value(), a);
        // A linked processor or rule cannot disappear from under it.
        QSqlQuery q(db.value()->connection());
        QVERIFY(!q.exec("DELETE FROM processors WHERE id = 'p1'"));
        QVERIFY(!q.exec("DELETE FROM retention_rules WHERE id = 'r1'"));
        QVERIFY(q.exec("PRAGMA foreign_key_check"));
        QVERIFY(!q.next());
    }

    // Schema 15 adds the register of breaches and the breach clocks' edits:
    // new tables only, every row already stored is kept.
    void incidentTablesArriveKeepingData()
    {
        TempFolder tmp;
        const QString path = tmp.path("before-incidents.sqlite");
        const int previous = 14; // the vendor watch
        {
            auto old = Database::open(path, {Database::Mode::ReadWrite, previous});
            QVERIFY2(old, qPrintable(old.error()));
            QVERIFY(!tables(*old.value()).contains("incidents"));
            QSqlQuery q(old.value()->connection());
            QVERIFY(q.exec("INSERT INTO organizations (id, name) VALUES ('o1', 'Acme')"));
            QVERIFY(q.exec("INSERT INTO deadline_rules (jurisdiction, rule_json) "
                           "VALUES ('GDPR', '{}')"));
        }
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(tables(*db.value()).contains("incidents"));
        QVERIFY(tables(*db.value()).contains("breach_rules"));
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec("SELECT name FROM organizations WHERE id = 'o1'") && q.next());
        QCOMPARE(q.value(0).toString(), QString("Acme"));
        QVERIFY(q.exec("SELECT count(*) FROM deadline_rules") && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY2(q.exec("INSERT INTO incidents (id, organization_id, title, jurisdiction, "
                        "aware_at, risk, record_json) VALUES ('i1', 'o1', 'Lost laptop', 'GDPR', "
                        "'2026-05-12T07:30:00Z', 'high', '{}')"),
                 qPrintable(q.lastError().text()));
        QVERIFY(!q.exec("INSERT INTO incidents (id, organization_id, title, jurisdiction, "
                        "aware_at, risk, record_json) VALUES ('i2', 'o1', 'x', 'GDPR', "
                        "'2026-05-12T07:30:00Z', 'apocalyptic', '{}')"));
        QVERIFY(!q.exec("INSERT INTO incidents (id, organization_id, title, jurisdiction, "
                        "aware_at, risk, record_json) VALUES ('i3', 'nobody', 'x', 'GDPR', "
                        "'2026-05-12T07:30:00Z', 'risk', '{}')"));
    }

    // The sync worker's connection: no lock of its own beside the owner's,
    // writes through, and refuses a file the owner has not brought up to
    // date.
    // Schema 11 lets the outbox hold creates: an edit queued before keeps
    // everything it had and reads as an edit whose Idempotency-Key is its id.
    void outboxCreatesKeepTheEditsQueuedBefore()
    {
        TempFolder tmp;
        const QString path = tmp.path("v10.sqlite");
        const int previous = Database::latestSchemaVersion() - 1;
        {
            auto old = Database::open(path, {Database::Mode::ReadWrite, previous});
            QVERIFY2(old, qPrintable(old.error()));
            QSqlQuery q(old.value()->connection());
            QVERIFY2(q.exec("INSERT INTO sync_outbox (id, resource, record_id, base_version, "
                            "body_json, created_at, attempts, last_error, source, base_json) "
                            "VALUES ('e1', 'organizations', 'o1', 3, '{\"name\":\"B\"}', "
                            "'2026-11-02T10:00:00.000Z', 2, 'timed out', NULL, "
                            "'{\"name\":\"A\"}')"),
                     qPrintable(q.lastError().text()));
        }
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec("SELECT resource, record_id, base_version, body_json, attempts, "
                       "last_error, base_json, op, COALESCE(idempotency_key, id), sent_at, "
                       "refused_reason FROM sync_outbox"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QString("organizations"));
        QCOMPARE(q.value(1).toString(), QString("o1"));
        QCOMPARE(q.value(2).toInt(), 3);
        QCOMPARE(q.value(3).toString(), QString("{\"name\":\"B\"}"));
        QCOMPARE(q.value(4).toInt(), 2);
        QCOMPARE(q.value(5).toString(), QString("timed out"));
        QCOMPARE(q.value(6).toString(), QString("{\"name\":\"A\"}"));
        QCOMPARE(q.value(7).toString(), QString("update"));
        QCOMPARE(q.value(8).toString(), QString("e1"));
        QVERIFY(q.value(9).isNull());
        QVERIFY(q.value(10).isNull());
        QVERIFY(!q.next());
        // What an entry may be, and one create per record.
        QVERIFY(!q.exec("INSERT INTO sync_outbox (id, resource, record_id, base_version, "
                        "body_json, created_at, op) VALUES ('e2', 'organizations', 'o1', 0, "
                        "'{}', '2026-11-02T10:00:00.000Z', 'delete')"));
        QVERIFY(q.exec("INSERT INTO sync_outbox (id, resource, record_id, base_version, "
                       "body_json, created_at, op) VALUES ('e3', 'organizations', 'o9', 0, "
                       "'{}', '2026-11-02T10:00:00.000Z', 'create')"));
        QVERIFY(!q.exec("INSERT INTO sync_outbox (id, resource, record_id, base_version, "
                        "body_json, created_at, op) VALUES ('e4', 'organizations', 'o9', 0, "
                        "'{}', '2026-11-02T10:00:00.000Z', 'create')"));
    }

    void companionConnectionWritesBesideTheOwner()
    {
        TempFolder tmp;
        const QString path = tmp.path("shared.sqlite");
        auto owner = Database::open(path);
        QVERIFY(owner);
        auto companion = Database::open(path, {Database::Mode::Companion, std::nullopt});
        QVERIFY2(companion, qPrintable(companion.error()));
        QVERIFY_OK(companion.value()->transaction([&]() -> Status {
            QSqlQuery q(companion.value()->connection());
            return q.exec("INSERT INTO organizations (id, name) VALUES ('o1', 'Acme')")
                       ? Status{}
                       : Error{q.lastError().text()};
        }));
        QSqlQuery q(owner.value()->connection());
        QVERIFY(q.exec("SELECT name FROM organizations WHERE id = 'o1'"));
        QVERIFY(q.next());

        const QString oldPath = tmp.path("old.sqlite");
        {
            auto v1 = Database::open(oldPath, {Database::Mode::ReadWrite, 1});
            QVERIFY(v1);
        }
        auto stale = Database::open(oldPath, {Database::Mode::Companion, std::nullopt});
        QVERIFY(!stale);
        QVERIFY2(stale.error().contains("open it in the app first"), qPrintable(stale.error()));
        QCOMPARE(Database::open(oldPath, {Database::Mode::ReadOnly, std::nullopt})
                     .value()
                     ->schemaVersion(),
                 1); // left as it was
    }

    void newerFileIsRefusedAndLeftUntouched()
    {
        TempFolder tmp;
        const QString path = tmp.path("newer.sqlite");
        {
            auto db = Database::open(path);
            QVERIFY(db);
        }
        execOnFile(
            path,
            QStringLiteral("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() + 5));
        execOnFile(path, "PRAGMA wal_checkpoint(TRUNCATE)");
        const QByteArray before = fileBytes(path);
        const QDateTime modified = QFileInfo(path).lastModified();
        auto db = Database::open(path);
        QVERIFY(!db);
        QVERIFY2(db.error().contains("newer Privacy Workbench"), qPrintable(db.error()));
        QVERIFY2(db.error().contains("not changed"), qPrintable(db.error()));
        QCOMPARE(fileBytes(path), before);
        QCOMPARE(QFileInfo(path).lastModified(), modified);
    }

    void secondInstanceIsRefused()
    {
        TempFolder tmp;
        const QString path = tmp.path("locked.sqlite");
        auto first = Database::open(path);
        QVERIFY(first);
        auto second = Database::open(path);
        QVERIFY(!second);
        QVERIFY2(second.error().contains("already open"), qPrintable(second.error()));
        first.value().reset();
        auto third = Database::open(path);
        QVERIFY2(third, qPrintable(third.error()));
    }

    void fileIsPrivateToTheUser()
    {
        TempFolder tmp;
        const QString path = tmp.path("private.sqlite");
        auto db = Database::open(path);
        QVERIFY(db);
        const auto perms = QFileInfo(path).permissions();
        QVERIFY(perms.testFlag(QFileDevice::ReadOwner));
        QVERIFY(perms.testFlag(QFileDevice::WriteOwner));
        for (auto p : {QFileDevice::ReadGroup, QFileDevice::WriteGroup, QFileDevice::ReadOther,
                       QFileDevice::WriteOther, QFileDevice::ExeOther})
            QVERIFY(!perms.testFlag(p));
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec("INSERT INTO organizations (id, name) VALUES ('o', 'O')"));
        const auto walPerms = QFileInfo(path + "-wal").permissions();
        QVERIFY(!walPerms.testFlag(QFileDevice::ReadOther));
        QVERIFY(!walPerms.testFlag(QFileDevice::ReadGroup));
    }

    void existingLooseFileIsTightened()
    {
        TempFolder tmp;
        const QString path = tmp.path("loose.sqlite");
        {
            auto db = Database::open(path);
            QVERIFY(db);
        }
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                        QFileDevice::ReadOther | QFileDevice::ReadGroup);
        auto db = Database::open(path);
        QVERIFY(db);
        QVERIFY(!QFileInfo(path).permissions().testFlag(QFileDevice::ReadOther));
    }

    void garbageAndForeignFilesAreRefusedUnchanged_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << QByteArray("this is not a database, it is a note\n")
                              << "not a Privacy Workbench workspace";
        // A zero-length file used to be taken for a new workspace and filled.
        QTest::newRow("empty") << QByteArray()
                               << "not a Privacy Workbench workspace: it is an "
                                  "empty file";
    }
    void garbageAndForeignFilesAreRefusedUnchanged()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        TempFolder tmp;
        const QString path = tmp.path("garbage.sqlite");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const auto perms = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                           QFileDevice::ReadGroup | QFileDevice::ReadOther;
        QVERIFY(QFile::setPermissions(path, perms));
        auto db = Database::open(path);
        QVERIFY(!db);
        QVERIFY2(db.error().contains(expected), qPrintable(db.error()));
        QVERIFY2(db.error().contains("not changed"), qPrintable(db.error()));
        QCOMPARE(fileBytes(path), content);
        QCOMPARE(QFileInfo(path).size(), qint64(content.size()));
        QCOMPARE(modeOf(path), modeBits(perms)); // not even tightened
        QVERIFY(!QFileInfo::exists(path + "-wal"));
    }

    void aMissingFileIsMadeOnlyWhenAsked()
    {
        TempFolder tmp;
        const QString path = tmp.path("typo.sqlite");
        Database::Options options;
        options.create = false;
        auto refused = Database::open(path, options);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains("No workspace at"), qPrintable(refused.error()));
        QVERIFY(!QFileInfo::exists(path));
        options.create = true;
        QVERIFY_OK(Database::open(path, options));
        QVERIFY(QFileInfo::exists(path));
    }

    // chmod 0400 used to be undone (0600) and the file written. Root may
    // write any file, so the mode itself is the owner's word: no write bit
    // means read-only for everyone, root included.
    void aReadOnlyFileIsNeverMadeWritable()
    {
        TempFolder tmp;
        const QString path = tmp.path("ro.sqlite");
        {
            auto db = Database::open(path);
            QVERIFY_OK(db);
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec("INSERT INTO organizations (id, name) VALUES ('o', 'Org')"));
        }
        QVERIFY(!QFileInfo::exists(path + "-wal")); // checkpointed on close
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner));
        const QByteArray before = fileBytes(path);

        auto writing = Database::open(path);
        QVERIFY(!writing);
        QVERIFY2(writing.error().contains("is read-only") &&
                     writing.error().contains("no write permission") &&
                     writing.error().contains("0400") && writing.error().contains(path),
                 qPrintable(writing.error()));
        QCOMPARE(modeOf(path), QFileDevice::ReadOwner);
        QVERIFY(!Database::open(path, {Database::Mode::Companion, std::nullopt}));

        Database::Options fallback;
        fallback.readOnlyFallback = true;
        {
            auto db = Database::open(path, fallback);
            QVERIFY_OK(db);
            Database& d = *db.value();
            QVERIFY(d.isReadOnly());
            QVERIFY2(d.readOnlyReason().contains("no write permission"),
                     qPrintable(d.readOnlyReason()));
            QSqlQuery q(d.connection());
            QVERIFY(q.exec("SELECT name FROM organizations") && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("Org"));
            // One refusal for every write, with the file and the reason.
            bool ran = false;
            const Status s = d.transaction([&]() -> Status {
                ran = true;
                return {};
            });
            QVERIFY(!s);
            QVERIFY(!ran);
            QVERIFY2(s.error().contains(" is read-only: the file has no write permission for "
                                        "you (mode 0400). The change was not saved."),
                     qPrintable(s.error()));
            // SQLite itself refuses a write that went around it.
            QVERIFY(!q.exec("INSERT INTO organizations (id, name) VALUES ('x', 'X')"));
        }
        QCOMPARE(modeOf(path), QFileDevice::ReadOwner);
        QCOMPARE(fileBytes(path), before);
        QVERIFY(!QFileInfo::exists(path + "-wal"));
        QVERIFY(!QFileInfo::exists(path + "-shm"));
        QVERIFY(!QFileInfo::exists(path + ".lock"));
    }

    void aWorkspaceInAReadOnlyFolderIsReadOnly()
    {
        TempFolder tmp;
        const QString folder = tmp.path("locked");
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + "/w.sqlite";
        QVERIFY_OK(Database::open(path));
        const auto open = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const auto restore = qScopeGuard([&] { QFile::setPermissions(folder, open); });
        const QByteArray before = fileBytes(path);

        auto writing = Database::open(path);
        QVERIFY(!writing);
        QVERIFY2(writing.error().contains("-wal"), qPrintable(writing.error()));
        Database::Options fallback;
        fallback.readOnlyFallback = true;
        {
            auto db = Database::open(path, fallback);
            QVERIFY_OK(db);
            QVERIFY(db.value()->isReadOnly());
            QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
            QVERIFY(db.value()->integrityProblems().isEmpty());
        }
        QCOMPARE(fileBytes(path), before);
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{"w.sqlite"});
    }

    void foreignSqliteDatabaseIsRefused()
    {
        TempFolder tmp;
        const QString path = tmp.path("other.sqlite");
        execOnFile(path, "CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)");
        auto db = Database::open(path);
        QVERIFY(!db);
        QVERIFY2(db.error().contains("not a Privacy Workbench workspace"), qPrintable(db.error()));
    }

    void failedWorkRollsBack()
    {
        TempFolder tmp;
        auto db = Database::open(tmp.path("tx.sqlite"));
        QVERIFY(db);
        Database& d = *db.value();
        const Status s = d.transaction([&]() -> Status {
            QSqlQuery q(d.connection());
            q.exec("INSERT INTO organizations (id, name) VALUES ('o', 'O')");
            return Error{"something went wrong"};
        });
        QVERIFY(!s);
        QCOMPARE(s.error(), QStringLiteral("something went wrong"));
        QSqlQuery q(d.connection());
        QVERIFY(q.exec("SELECT count(*) FROM organizations") && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void readOnlyOpenWritesNothing()
    {
        TempFolder tmp;
        auto missing = Database::open(tmp.path("none.sqlite"), {Database::Mode::ReadOnly, {}});
        QVERIFY(!missing);
        QVERIFY2(missing.error().contains("does not exist"), qPrintable(missing.error()));
        QVERIFY(!QFileInfo::exists(tmp.path("none.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
