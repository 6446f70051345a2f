#include "TestSupport.h"
#include "itemmodels/AuditLogModel.h"

#include <QAbstractItemModelTester>

using namespace workbench;
using namespace workbench::test;

class TestAuditLogModel : public QObject
{
    Q_OBJECT

private slots:
    void listsFiltersAndFollowsTheLog()
    {
        TempFolder tmp;
        auto ws = makeDemoWorkspace(tmp.path("a.sqlite"));
        QVERIFY(ws);
        AuditLogModel model(*ws);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The demo's creation, then the records of each of its six tables.
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.index(0, AuditLogModel::RecordColumn).data().toString(),
                 QStringLiteral("demo (workspace)"));

        Processor p = *ws->processor("p-vercel").value();
        p.reviewDue = QDate(2027, 9, 1);
        QVERIFY(ws->save(p, "Edit Vercel: review_due"));
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.index(7, AuditLogModel::RecordColumn).data().toString(),
                 QStringLiteral("Vercel (processors)"));
        QCOMPARE(model.index(7, AuditLogModel::SummaryColumn).data().toString(),
                 QStringLiteral("Edit Vercel: review_due"));

        model.setFilter({"processors"});
        QCOMPARE(model.rowCount(), 2);
        AuditFilter future;
        future.from = QDate::currentDate().addDays(1);
        model.setFilter(future);
        QCOMPARE(model.rowCount(), 0);
        AuditFilter today;
        today.from = QDate::currentDate().addDays(-1);
        today.to = QDate::currentDate().addDays(1);
        model.setFilter(today);
        QCOMPARE(model.rowCount(), 8);
    }
};

QTEST_GUILESS_MAIN(TestAuditLogModel)
#include "tst_auditlogmodel.moc"
