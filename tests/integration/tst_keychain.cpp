// Sync tokens in a real keychain: GNOME Keyring in a private D-Bus session
// (see with-keyring.sh), through the same calls the Settings page uses.
#include "TestSupport.h"
#include "storage/Workspace.h"
#include "sync/SyncSource.h"
#include "sync/TokenStore.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace workbench;
using namespace workbench::sync;

class TestKeychain : public QObject
{
    Q_OBJECT

    const QByteArray m_token = "tok-keyring-7d2e-do-not-leak";

private slots:
    void storesReadsAndRemovesAToken()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "run through with-keyring.sh");
        QVERIFY_OK(sync::keychain::write("company api", m_token));
        auto read = sync::keychain::read("company api");
        QVERIFY_OK(read);
        QCOMPARE(read.value(), m_token);

        // The source says where its token is; the workspace never holds it.
        test::TempFolder tmp;
        const QString path = tmp.path("ws.sqlite");
        {
            auto ws = Workspace::open(path);
            QVERIFY_OK(ws);
            SyncSource source;
            source.name = "company api";
            source.baseUrl = QUrl("https://compliance.example.com/api/v1");
            source.useKeychain = true;
            QVERIFY_OK(saveSource(ws.value()->database(), source));
            auto token = tokenFor(source);
            QVERIFY_OK(token);
            QCOMPARE(token.value(), m_token);
        }
        QDirIterator files(QFileInfo(path).absolutePath(), QDir::Files | QDir::Hidden,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(m_token), qPrintable(f.fileName()));
        }

        QVERIFY_OK(sync::keychain::remove("company api"));
        auto gone = sync::keychain::read("company api");
        QVERIFY(!gone);
        QVERIFY2(gone.error().contains("no token for company api"), qPrintable(gone.error()));
    }

    void withoutASecretServiceTheCallEndsWithAWayOut()
    {
        // On a bus with no secret service the call fails, in time, and names
        // the environment-variable way out. The bus is chosen at start-up,
        // so this runs in a child process of this test.
        if (qEnvironmentVariableIsSet("WB_KEYCHAIN_CHILD")) {
            auto read = sync::keychain::read("company api", 2000);
            QVERIFY(!read);
            QVERIFY2(read.error().contains("environment variable"), qPrintable(read.error()));
            QVERIFY(!read.error().contains(QString::fromLatin1(m_token)));
            return;
        }
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("WB_KEYCHAIN_CHILD", "1");
        env.insert("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(),
                    {"withoutASecretServiceTheCallEndsWithAWayOut"});
        QVERIFY(child.waitForFinished(60000));
        QVERIFY2(child.exitCode() == 0, child.readAllStandardOutput().constData());
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
