#include "TestSupport.h"
#include "itemmodels/ModelRoles.h"
#include "itemmodels/ProcessorCommands.h"
#include "itemmodels/ProcessorTreeModel.h"
#include "itemmodels/RecordFilterProxy.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>

using namespace workbench;
using namespace workbench::test;

class TestProcessorTreeModel : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    int m_n = 0;

private slots:
    void init()
    {
        m_ws.reset();
        m_ws = makeDemoWorkspace(m_tmp.path(QStringLiteral("w%1.sqlite").arg(++m_n)));
        QVERIFY(m_ws);
    }

    void showsTheOrganizationsProcessorsAsATree()
    {
        ProcessorTreeModel model(*m_ws);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrganization("org-labelsets");
        // Supabase, Stripe, Resend, Vercel, Railway, Upstash, Google at the top;
        // AWS under Supabase.
        QCOMPARE(model.rowCount(), 7);
        const QModelIndex supabase = model.indexOf("p-supabase");
        QVERIFY(supabase.isValid());
        QCOMPARE(model.rowCount(supabase), 1);
        const QModelIndex aws = model.index(0, 0, supabase);
        QCOMPARE(aws.data(RecordIdRole).toString(), QStringLiteral("p-aws-supabase"));
        QCOMPARE(aws.parent(), supabase);
        QCOMPARE(model.indexOf("p-aws-supabase"), aws);
        QCOMPARE(model.index(supabase.row(), ProcessorTreeModel::LocationsColumn).data().toString(),
                 QStringLiteral("US, DE"));

        model.setOrganization("org-trainrun");
        QCOMPARE(model.rowCount(), 2);
        model.setOrganization(QString());
        QCOMPARE(model.rowCount(), 0);
    }

    void followsChangesInPlaceAndStructurally()
    {
        ProcessorTreeModel model(*m_ws);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrganization("org-labelsets");
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        Processor stripe = *m_ws->processor("p-stripe").value();
        stripe.locations = {"IE", "US", "GB"};
        QVERIFY(m_ws->save(stripe, "Edit Stripe"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.indexOf("p-stripe", ProcessorTreeModel::LocationsColumn).data().toString(),
                 QStringLiteral("IE, US, GB"));

        // Becoming a sub-processor moves it in the tree.
        stripe.parentId = "p-supabase";
        QVERIFY(m_ws->save(stripe, "Move Stripe"));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.indexOf("p-stripe").parent(), model.indexOf("p-supabase"));
    }

    void sortsAndFiltersThroughTheProxy()
    {
        ProcessorTreeModel model(*m_ws);
        RecordFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrganization("org-labelsets");
        proxy.sort(ProcessorTreeModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Google Sign-In"));
        proxy.sort(ProcessorTreeModel::ReviewDueColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Vercel")); // 2026-09-01
        // Filtering finds sub-processors and keeps their parent.
        proxy.setFilterWords("aws");
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Supabase"));
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 1);
        // By country and by data category, every word must match.
        proxy.setFilterWords("IE financial");
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Stripe"));
        proxy.setFilterWords("nothing-matches-this");
        QCOMPARE(proxy.rowCount(), 0);
    }

    void commandsUndoAndRedoWithAudit()
    {
        ProcessorTreeModel model(*m_ws);
        model.setOrganization("org-labelsets");
        QUndoStack stack;
        const Processor before = *m_ws->processor("p-resend").value();
        Processor after = before;
        after.contact = "privacy@resend.com";
        after.dpaStatus = DpaStatus::Expired;
        const QString text = describeProcessorEdit(before, after);
        QVERIFY2(text.contains("contact") && text.contains("dpa_status"), qPrintable(text));
        stack.push(new SaveProcessorCommand(*m_ws, before, after, text));
        QCOMPARE(m_ws->processor("p-resend").value()->contact,
                 QStringLiteral("privacy@resend.com"));
        stack.undo();
        QCOMPARE(m_ws->processor("p-resend").value()->contact, QString());
        QCOMPARE(m_ws->processor("p-resend").value()->dpaStatus, DpaStatus::Signed);
        stack.redo();
        QCOMPARE(m_ws->processor("p-resend").value()->dpaStatus, DpaStatus::Expired);

        const auto entries = m_ws->auditEntries({"processors", "p-resend"}).value();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[1].action, QStringLiteral("undo"));
        QVERIFY(entries[1].summary.startsWith("Undo: "));
        QCOMPARE(entries[1].after.value("contact").toString(), QString());
        QVERIFY(m_ws->verifyAudit().ok());
    }

    void addingIsUndoneByRemoving()
    {
        ProcessorTreeModel model(*m_ws);
        model.setOrganization("org-trainrun");
        QUndoStack stack;
        Processor p;
        p.id = "p-new";
        p.name = "Paddle";
        p.service = "Payments";
        p.organizationIds = {"org-trainrun"};
        stack.push(new SaveProcessorCommand(*m_ws, std::nullopt, p, "Add processor"));
        QCOMPARE(model.rowCount(), 3);
        stack.undo();
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!m_ws->processor("p-new").value());
        const auto entries = m_ws->auditEntries({"processors", "p-new"}).value();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].action, QStringLiteral("create"));
        QCOMPARE(entries[1].action, QStringLiteral("delete"));
    }

    void aRefusedChangeLeavesTheStackAndSaysWhy()
    {
        QUndoStack stack;
        QSignalSpy failed(m_ws.get(), &Workspace::changeFailed);
        Processor p = *m_ws->processor("p-stripe").value();
        p.organizationIds = {"org-does-not-exist"}; // foreign key refuses it
        stack.push(
            new SaveProcessorCommand(*m_ws, *m_ws->processor("p-stripe").value(), p, "Edit"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(stack.count(), 0);
        QCOMPARE(m_ws->processor("p-stripe").value()->organizationIds,
                 QStringList{"org-labelsets"});
    }
};

QTEST_GUILESS_MAIN(TestProcessorTreeModel)
#include "tst_processortreemodel.moc"
