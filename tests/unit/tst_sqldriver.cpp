#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QTemporaryDir>

using namespace workbench;
using namespace workbench::test;

// Debian ships Qt's SQLite driver (libqt6sql6-sqlite) apart from the Qt SQL
// library, which only recommends it: without it, opening a workspace says
// which package to install, and makes no file.
class TestSqlDriver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Qt looks for plugins only here: as on a machine without the driver.
        QVERIFY(m_noPlugins.isValid());
        QCoreApplication::setLibraryPaths({m_noPlugins.path()});
        QVERIFY(!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")));
    }

    void missingDriverNamesThePackage()
    {
        TempFolder tmp;
        const QString path = tmp.path("new.sqlite");
        Database::Options options;
        options.create = true;
        auto ws = Workspace::open(path, options);
        QVERIFY(!ws);
        QVERIFY2(ws.error().contains("libqt6sql6-sqlite"), qPrintable(ws.error()));
        QVERIFY2(ws.error().contains(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())),
                 qPrintable(ws.error()));
        QVERIFY(!QFileInfo::exists(path));
    }

private:
    QTemporaryDir m_noPlugins;
};

QTEST_GUILESS_MAIN(TestSqlDriver)
#include "tst_sqldriver.moc"
