#include "TestSupport.h"
#include "itemmodels/ModelRoles.h"
#include "itemmodels/RequestQueueModel.h"
#include "services/RequestService.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace workbench;
using namespace workbench::test;

class TestRequestQueueModel : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;
    std::unique_ptr<Workspace> m_ws;
    const QDate m_today{kDemoYear, kDemoMonth, kDemoDay};

    int sqlCount(const QString& where)
    {
        QSqlQuery q(m_ws->database().connection());
        if (!q.exec("SELECT count(*) FROM rights_requests WHERE " + where) || !q.next())
            return -1;
        return q.value(0).toInt();
    }

    // Sets the filter and waits for its first page and its count.
    bool load(RequestQueueModel& model, RequestQueueFilter f)
    {
        QSignalSpy first(&model, &RequestQueueModel::firstPageLoaded);
        QSignalSpy counted(&model, &RequestQueueModel::countLoaded);
        f.today = m_today;
        model.setFilter(f);
        return counted.wait(10000) && first.size() == 1;
    }

    QStringList column(RequestQueueModel& model, int col)
    {
        QStringList out;
        for (int r = 0; r < std::min(model.rowCount(), RequestQueueModel::kPageSize); ++r)
            out << model.index(r, col).data().toString();
        return out;
    }

private slots:
    void initTestCase()
    {
        m_ws = makeDemoWorkspace(m_tmp.path("q.sqlite"));
        QVERIFY(m_ws);
    }

    void showsOpenRequestsMostUrgentFirst()
    {
        RequestQueueModel model(*m_ws);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        RequestQueueFilter f;
        f.organizationId = "org-labelsets";
        QVERIFY(load(model, f));
        QCOMPARE(model.rowCount(), sqlCount("organization_id = 'org-labelsets' AND is_open = 1"));
        QVERIFY(model.rowCount() > 0);
        QDate previous;
        for (int r = 0; r < model.rowCount(); ++r) {
            const RequestQueueRow* row = model.row(r);
            QVERIFY(row);
            QVERIFY(!previous.isValid() || previous <= row->dueEffective);
            previous = row->dueEffective;
        }
        // The most urgent is overdue and coloured.
        QVERIFY(model.index(0, RequestQueueModel::DaysLeftColumn)
                    .data()
                    .toString()
                    .contains("overdue"));
        QVERIFY(model.index(0, 0).data(Qt::BackgroundRole).isValid());
    }

    void filtersMatchTheirSql_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("where");
        QTest::newRow("all statuses") << 0 << "1";
        QTest::newRow("only fulfilled") << 1 << "status = 'fulfilled'";
        QTest::newRow("erasure") << 2 << "type = 'erasure' AND is_open = 1";
        QTest::newRow("CCPA") << 3 << "jurisdiction = 'CCPA' AND is_open = 1";
        QTest::newRow("overdue") << 4 << "is_open = 1 AND due_effective < '2026-11-23'";
        QTest::newRow("due this week")
            << 5 << "is_open = 1 AND due_effective BETWEEN '2026-11-23' AND '2026-11-30'";
        QTest::newRow("unassigned") << 6 << "is_open = 1 AND (assignee IS NULL OR assignee = '')";
        QTest::newRow("search by e-mail") << 7
                                          << "is_open = 1 AND (subject_email LIKE '%schmidt%' OR "
                                             "subject_name LIKE '%schmidt%' OR id LIKE 'schmidt%')";
    }
    void filtersMatchTheirSql()
    {
        QFETCH(int, kind);
        QFETCH(QString, where);
        RequestQueueModel model(*m_ws);
        RequestQueueFilter f; // every organization
        switch (kind) {
        case 0:
            f.statusFilter = RequestQueueFilter::StatusFilter::All;
            break;
        case 1:
            f.statusFilter = RequestQueueFilter::StatusFilter::Only;
            f.status = RequestStatus::Fulfilled;
            break;
        case 2:
            f.type = RequestType::Erasure;
            break;
        case 3:
            f.jurisdiction = Jurisdiction::Ccpa;
            break;
        case 4:
            f.overdue = true;
            break;
        case 5:
            f.dueThisWeek = true;
            break;
        case 6:
            f.assignee = QString();
            break;
        case 7:
            f.search = "SCHMIDT";
            break;
        }
        QVERIFY(load(model, f));
        QCOMPARE(model.rowCount(), sqlCount(where));
    }

    void sortsOnEveryColumn()
    {
        RequestQueueModel model(*m_ws);
        RequestQueueFilter f;
        f.statusFilter = RequestQueueFilter::StatusFilter::All;
        QVERIFY(load(model, f));
        QSignalSpy first(&model, &RequestQueueModel::countLoaded);
        model.sort(RequestQueueModel::IdColumn, Qt::DescendingOrder);
        QVERIFY(first.wait(10000));
        const QStringList ids = column(model, RequestQueueModel::IdColumn);
        QStringList sorted = ids;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        QCOMPARE(ids, sorted);
        for (int c = 0; c < RequestQueueModel::ColumnCount; ++c) {
            model.sort(c, Qt::AscendingOrder);
            QVERIFY(first.wait(10000));
            QCOMPARE(model.rowCount(), sqlCount("1"));
        }
    }

    void pagesAreReadWhenShown()
    {
        RequestQueueModel model(*m_ws);
        RequestQueueFilter f;
        f.statusFilter = RequestQueueFilter::StatusFilter::All;
        QVERIFY(load(model, f));
        QCOMPARE(model.rowCount(), 360);
        QCOMPARE(model.rowCount(), RequestQueueModel::kPageSize + 160);
        // Row 250 is on the second page, not read yet.
        QVERIFY(!model.row(250));
        QTRY_VERIFY(model.row(250) != nullptr);
        QCOMPARE(model.rowOf(model.row(250)->id), 250);
    }

    void showsTheFirstRowsBeforeTheCount()
    {
        RequestQueueModel model(*m_ws);
        int rowsWhenFirstShown = -1;
        connect(&model, &RequestQueueModel::firstPageLoaded, this,
                [&] { rowsWhenFirstShown = model.rowCount(); });
        QSignalSpy counted(&model, &RequestQueueModel::countLoaded);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        RequestQueueFilter f;
        f.statusFilter = RequestQueueFilter::StatusFilter::All;
        f.today = m_today;
        model.setFilter(f);
        QVERIFY(counted.wait(10000));
        QCOMPARE(rowsWhenFirstShown, RequestQueueModel::kPageSize);
        QCOMPARE(model.rowCount(), 360);
        QCOMPARE(inserted.size(), 1);
    }

    void followsChanges()
    {
        RequestQueueModel model(*m_ws);
        RequestQueueFilter f;
        f.organizationId = "org-labelsets";
        f.search = "LS-0001";
        f.statusFilter = RequestQueueFilter::StatusFilter::All;
        QVERIFY(load(model, f));
        QCOMPARE(model.rowCount(), 1);
        RequestService service(*m_ws);
        const QString before = model.index(0, RequestQueueModel::AssigneeColumn).data().toString();
        QVERIFY_OK(service.assign("LS-0001", "Zoë Queue"));
        QTRY_COMPARE(model.index(0, RequestQueueModel::AssigneeColumn).data().toString(),
                     QStringLiteral("Zoë Queue"));
        QTRY_VERIFY(model.assignees().contains("Zoë Queue"));
        QVERIFY_OK(service.assign("LS-0001", before));
    }
};

QTEST_GUILESS_MAIN(TestRequestQueueModel)
#include "tst_requestqueuemodel.moc"
