#include "TestSupport.h"
#include "domain/Resources.h"
#include "itemmodels/ActivityCommands.h"
#include "itemmodels/ActivityModel.h"
#include "services/ActivityService.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QUndoStack>
#include <QUuid>

using namespace workbench;
using namespace workbench::test;

// The activity workflow over a real workspace: each write audited with its
// before and after (what an "as of" rebuild replays), the references
// checked, undo through the command stack, the item model.
class TestActivityService : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;

    QList<AuditEntry> entriesFor(const QString& id)
    {
        AuditFilter f;
        f.recordType = resource::activities;
        f.recordId = id;
        auto entries = m_ws->auditEntries(f);
        return entries ? entries.value() : QList<AuditEntry>();
    }
    ProcessingActivity newActivity(const QString& name)
    {
        ProcessingActivity a = ActivityService::draft("org-labelsets", name);
        a.purposes = {"test purpose"};
        a.legalBasis = LegalBasis::LegitimateInterests;
        a.processorIds = {"p-stripe"};
        a.retentionRuleIds = {"r-labelsets-transactions"};
        a.securityMeasures = {"events_logging"};
        return a;
    }

private slots:
    void init()
    {
        m_ws = makeDemoWorkspace(m_tmp.path(QUuid::createUuid().toString() + ".sqlite"));
        QVERIFY(m_ws);
    }
    void cleanup() { m_ws.reset(); }

    void createUpdateDeleteAreAuditedWithBeforeAndAfter()
    {
        ActivityService service(*m_ws);
        ProcessingActivity a = newActivity("Fraud screening");
        QVERIFY(!QUuid::fromString(a.id).isNull());
        QVERIFY_OK(service.create(a));
        auto stored = service.get(a.id);
        QVERIFY_OK(stored);
        QVERIFY(stored.value());
        QCOMPARE(stored.value()->processorIds, QStringList{"p-stripe"});
        QCOMPARE(stored.value()->name, a.name);
        // The same id again is refused.
        QVERIFY(!service.create(a));

        ProcessingActivity changed = *stored.value();
        changed.purposes << "chargeback handling";
        changed.otherRecipients = {
            {"Card scheme", RecipientType::Controller, "US", TransferMechanism::Scc}};
        QVERIFY_OK(service.update(changed));
        QVERIFY_OK(service.remove(a.id));
        QVERIFY(!service.get(a.id).value());

        const QList<AuditEntry> entries = entriesFor(a.id);
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[0].action, QString("create"));
        QVERIFY(entries[0].before.isEmpty());
        QCOMPARE(entries[0].after.value("name").toString(), a.name);
        QCOMPARE(entries[1].action, QString("update"));
        QCOMPARE(entries[1].before.value("purposes").toArray().size(), 1);
        QCOMPARE(entries[1].after.value("purposes").toArray().size(), 2);
        QCOMPARE(entries[1].after.value("other_recipients").toArray().first()["name"].toString(),
                 QString("Card scheme"));
        QVERIFY2(entries[1].summary.contains("purposes"), qPrintable(entries[1].summary));
        QCOMPARE(entries[2].action, QString("delete"));
        QVERIFY(entries[2].after.isEmpty());
        // The after of each entry reads back as the activity it was.
        auto replayed = ProcessingActivity::fromJson(entries[1].after);
        QVERIFY_OK(replayed);
        QCOMPARE(replayed.value().toJson().value("purposes"), changed.toJson().value("purposes"));
        QVERIFY(m_ws->verifyAudit().ok());
    }

    void refusesWhatIsWrongNamingTheField()
    {
        ActivityService service(*m_ws);
        ProcessingActivity a = newActivity("Bad");
        a.processorIds = {"p-byteplus"}; // another organization's processor
        auto refused = service.create(a);
        QVERIFY(!refused);
        QVERIFY2(refused.error().startsWith("Recipients:"), qPrintable(refused.error()));
        a.processorIds.clear();
        a.retentionRuleIds = {"r-genmedia-logs"};
        refused = service.create(a);
        QVERIFY2(!refused && refused.error().startsWith("Retention:"), qPrintable(refused.error()));
        a.retentionRuleIds.clear();
        a.dataCategories = {"user.biometric"};
        refused = service.create(a);
        QVERIFY2(!refused && refused.error().startsWith("Art. 9 condition"),
                 qPrintable(refused.error()));
        a.specialCategoryCondition = SpecialCategoryCondition::ExplicitConsent;
        QVERIFY_OK(service.create(a));
        QVERIFY(!service.update(ActivityService::draft("org-labelsets", "never saved")));
    }

    void aLinkedProcessorCannotVanishFromUnderAnActivity()
    {
        ActivityService service(*m_ws);
        QVERIFY_OK(service.create(newActivity("Linked")));
        // Removing it would silently change the activity: refused.
        QVERIFY(!m_ws->remove<Processor>("p-stripe", "remove"));
        QVERIFY(m_ws->processor("p-stripe").value());
    }

    void derivesTransfersAndPeriodsFromTheWorkspace()
    {
        ActivityService service(*m_ws);
        ProcessingActivity a = newActivity("Payouts");
        a.processorIds = {"p-supabase"}; // US and DE; its sub-processor too
        auto transfers = service.transfers(a);
        QVERIFY_OK(transfers);
        QStringList seen;
        for (const Transfer& t : transfers.value())
            seen << t.country + "/" + t.processorId + "/" + toWire(t.mechanism);
        QCOMPARE(seen, (QStringList{"US/p-aws-supabase/dpf", "US/p-supabase/scc"}));
        a.transfersOverride = QList<Transfer>{{"US", TransferMechanism::Scc, "Supabase", {}}};
        QCOMPARE(service.transfers(a)->size(), 1);
        QCOMPARE(service.derivedTransfers(a)->size(), 2);
        auto periods = service.retentionPeriods(a);
        QVERIFY_OK(periods);
        QCOMPARE(periods->size(), 1);
        QVERIFY2(periods->first().contains("7 years"), qPrintable(periods->first()));
    }

    void organizationAndProcessorMeasuresAreAudited()
    {
        ActivityService service(*m_ws);
        Organization org;
        for (const Organization& o : m_ws->organizations().value())
            if (o.id == "org-labelsets")
                org = o;
        QVERIFY(!org.controller.name.isEmpty()); // the demo fills it
        org.representative = {"Rep Ltd", "1 Main St, Dublin", "rep@example.com"};
        org.authority.country = "Ireland";
        auto refused = service.saveOrganization(org);
        QVERIFY2(!refused && refused.error().startsWith("Supervisory authority"),
                 qPrintable(refused.error()));
        org.authority.country = "IE";
        QVERIFY_OK(service.saveOrganization(org));
        Organization stored;
        for (const Organization& o : m_ws->organizations().value())
            if (o.id == "org-labelsets")
                stored = o;
        QCOMPARE(stored.representative.name, QString("Rep Ltd"));

        QVERIFY(!service.setProcessorMeasures("p-stripe", {"magic"}, {}));
        QVERIFY_OK(service.setProcessorMeasures("p-stripe", {"regular_testing"}, "pen tests"));
        const Processor p = *m_ws->processor("p-stripe").value();
        QCOMPARE(p.securityMeasures, QStringList{"regular_testing"});
        QCOMPARE(p.securityMeasuresNote, QString("pen tests"));
        AuditFilter f;
        f.recordType = resource::processors;
        f.recordId = "p-stripe";
        const QList<AuditEntry> entries = m_ws->auditEntries(f).value();
        QCOMPARE(entries.last().after.value("security_measures").toArray().first().toString(),
                 QString("regular_testing"));
        QVERIFY(m_ws->verifyAudit().ok());
    }

    void undoAndRedoGoThroughTheAuditedWorkspace()
    {
        ActivityService service(*m_ws);
        QUndoStack stack;
        const ProcessingActivity a = newActivity("Undoable");
        auto add = makeSaveActivityCommand(service, std::nullopt, a);
        QVERIFY_OK(add);
        stack.push(add.value());
        QVERIFY(service.get(a.id).value());
        ProcessingActivity edited = a;
        edited.name = "Undoable, renamed";
        auto edit = makeSaveActivityCommand(service, a, edited);
        QVERIFY_OK(edit);
        stack.push(edit.value());
        QCOMPARE(service.get(a.id).value()->name, edited.name);
        stack.undo();
        QCOMPARE(service.get(a.id).value()->name, a.name);
        stack.undo();
        QVERIFY(!service.get(a.id).value());
        stack.redo();
        QCOMPARE(service.get(a.id).value()->name, a.name);

        // A refused change never reaches the stack.
        ProcessingActivity bad = a;
        bad.name.clear();
        QVERIFY(!makeSaveActivityCommand(service, a, bad));

        auto remove = makeRemoveActivityCommand(service, a.id);
        QVERIFY_OK(remove);
        stack.push(remove.value());
        QVERIFY(!service.get(a.id).value());
        stack.undo();
        QVERIFY(service.get(a.id).value());

        const QList<AuditEntry> entries = entriesFor(a.id);
        QStringList actions;
        for (const AuditEntry& e : entries)
            actions << e.action;
        QCOMPARE(actions,
                 (QStringList{"create", "update", "undo", "delete", "create", "delete", "undo"}));
        QVERIFY(m_ws->verifyAudit().ok());
    }

    void modelShowsTheOrganizationsActivities()
    {
        ActivityModel model(*m_ws);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrganization("org-labelsets");
        QVERIFY(model.rowCount() >= 5);
        const QModelIndex payments = [&] {
            for (int r = 0; r < model.rowCount(); ++r)
                if (model.index(r, 0).data().toString() == "Payments and seller payouts")
                    return model.index(r, 0);
            return QModelIndex();
        }();
        QVERIFY(payments.isValid());
        const int row = payments.row();
        QVERIFY(
            model.index(row, ActivityModel::RecipientsColumn).data().toString().contains("Stripe"));
        QVERIFY(model.index(row, ActivityModel::TransfersColumn).data().toString().contains("US"));
        QVERIFY(
            model.index(row, ActivityModel::RetentionColumn).data().toString().contains("7 years"));
        QVERIFY(model.index(row, ActivityModel::DataCategoriesColumn)
                    .data()
                    .toString()
                    .contains("payment card"));

        ActivityService service(*m_ws);
        QVERIFY_OK(service.create(newActivity("Zz new")));
        const int before = model.rowCount();
        QTRY_COMPARE(model.rowCount(), before + 1);
    }
};

QTEST_GUILESS_MAIN(TestActivityService)
#include "tst_activityservice.moc"
