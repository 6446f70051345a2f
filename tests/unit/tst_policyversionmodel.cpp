#include "TestSupport.h"
#include "itemmodels/ModelRoles.h"
#include "itemmodels/PolicyVersionModel.h"

#include <QLocale>
#include <QSignalSpy>

using namespace workbench;

// The Policies page's list of versions: its columns, what they sort by, and
// finding a version by id.
class TestPolicyVersionModel : public QObject
{
    Q_OBJECT

private:
    static PolicyVersion version(const QString& id, PolicyStatus status, QDate published)
    {
        PolicyVersion v;
        v.id = id;
        v.organizationId = "o";
        v.document = "privacy-policy";
        v.title = "Privacy Policy " + id;
        v.status = status;
        v.publishedOn = published;
        v.effectiveOn = published.isValid() ? published.addDays(14) : QDate();
        return v;
    }

private slots:
    void showsOneRowPerVersion()
    {
        PolicyVersionModel model;
        QCOMPARE(model.columnCount(), int(PolicyVersionModel::ColumnCount));
        const QStringList headers{"Document", "Title", "Status", "Published", "Effective"};
        for (int c = 0; c < headers.size(); ++c)
            QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), headers[c]);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const QDate may(2026, 5, 1);
        model.setVersions({version("v1", PolicyStatus::Published, may),
                           version("v2", PolicyStatus::Draft, QDate())});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex published = model.index(0, PolicyVersionModel::PublishedColumn);
        QCOMPARE(published.data().toString(), QLocale().toString(may, QLocale::ShortFormat));
        QCOMPARE(model.index(0, PolicyVersionModel::StatusColumn).data().toString(),
                 displayLabel(PolicyStatus::Published));
        QCOMPARE(model.index(1, PolicyVersionModel::TitleColumn).data().toString(),
                 QString("Privacy Policy v2"));
        QCOMPARE(model.index(1, PolicyVersionModel::DocumentColumn).data(RecordIdRole).toString(),
                 QString("v2"));
        // A draft has no dates: they show empty.
        QVERIFY(model.index(1, PolicyVersionModel::EffectiveColumn).data().toString().isEmpty());
    }

    void datesSortAsDatesAndAMissingOneLast()
    {
        PolicyVersionModel model;
        model.setVersions({version("v1", PolicyStatus::Published, QDate(2026, 5, 1)),
                           version("v2", PolicyStatus::Draft, QDate())});
        const QVariant dated = model.index(0, PolicyVersionModel::PublishedColumn).data(SortRole);
        const QVariant missing = model.index(1, PolicyVersionModel::PublishedColumn).data(SortRole);
        QCOMPARE(dated.toDate(), QDate(2026, 5, 1));
        QVERIFY(missing.toDate() > dated.toDate());
        // Text sorts without case.
        QCOMPARE(model.index(0, PolicyVersionModel::TitleColumn).data(SortRole).toString(),
                 QString("privacy policy v1"));
    }

    void findsAVersionById()
    {
        PolicyVersionModel model;
        model.setVersions({version("v1", PolicyStatus::Published, QDate(2026, 5, 1)),
                           version("v2", PolicyStatus::Draft, QDate())});
        const QModelIndex at = model.indexOf("v2");
        QVERIFY(at.isValid());
        QCOMPARE(at.row(), 1);
        QCOMPARE(at.column(), 0);
        QCOMPARE(model.version(at)->id, QString("v2"));
        QVERIFY(!model.indexOf("nope").isValid());
        QCOMPARE(model.version(QModelIndex()), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestPolicyVersionModel)
#include "tst_policyversionmodel.moc"
