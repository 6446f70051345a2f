#include "CliRun.h"
#include "TestSupport.h"
#include "cli/Cli.h"
#include "services/RequestService.h"

#include <QCryptographicHash>

using namespace workbench;
using namespace workbench::test;

class TestCliLetter : public QObject
{
    Q_OBJECT

    TempFolder m_tmp;
    QString m_path;

private slots:
    void initTestCase()
    {
        m_path = m_tmp.path("ws.sqlite");
        auto ws = makeDemoWorkspace(m_path);
        QVERIFY(ws);
        RequestService requests(*ws);
        for (const auto& [id, type] :
             {std::pair{"C-1", RequestType::Access}, std::pair{"C-2", RequestType::Erasure}}) {
            QVERIFY_OK(requests.create(
                testRequest(id, "org-labelsets", type, Jurisdiction::Gdpr, QDate::currentDate()),
                "Receive", "Received"));
        }
        QVERIFY_OK(requests.generateTasks("C-2"));
    }

    void wrongArgumentsExit2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no template")
            << QStringList{"--request", "C-1", "--format", "txt", "-o", "x"}
            << "letter needs --template";
        QTest::newRow("unknown template")
            << QStringList{"--request", "C-1", "--template", "thanks", "--format", "txt", "-o", "x"}
            << "--template 'thanks' is not one of";
        QTest::newRow("no format")
            << QStringList{"--request", "C-1", "--template", "completion", "-o", "x"}
            << "letter needs --format";
        QTest::newRow("bad format") << QStringList{"--request", "C-1", "--template", "completion",
                                                   "--format",  "odt", "-o",         "x"}
                                    << "--format 'odt' is not eml, pdf, docx or txt";
        QTest::newRow("no output")
            << QStringList{"--request", "C-1", "--template", "completion", "--format", "txt"}
            << "letter needs -o OUT";
        QTest::newRow("bad language")
            << QStringList{"--request", "C-1",        "--template", "completion", "--format",
                           "txt",       "--language", "es",         "-o",         "x"}
            << "--language 'es' is not one of: en, de, fr";
        QTest::newRow("notice without processor")
            << QStringList{"--request", "C-2", "--template", "processor-notice",
                           "--format",  "txt", "-o",         "x"}
            << "needs --processor ID";
    }

    void wrongArgumentsExit2()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runCli(QStringList{"letter", "--workspace", m_path} + args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void refusedWithTheReasonExit1()
    {
        const QString out = m_tmp.path("ext.txt");
        const Run r = runCli({"letter", "--workspace", m_path, "--request", "C-1", "--template",
                              "extension", "--format", "txt", "-o", out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("extend the request first"), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
        const Run missing = runCli({"letter", "--workspace", m_path, "--request", "NOPE",
                                    "--template", "completion", "--format", "txt", "-o", out});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains("NOPE"));
    }

    void writesTheLetterAndRecordsIt()
    {
        const QString out = m_tmp.path("ack.eml");
        const Run r = runCli({"letter", "--workspace", m_path, "--request", "C-1", "--template",
                              "acknowledgement", "--language", "fr", "--format", "eml", "-o", out});
        QCOMPARE(r.code, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QVERIFY2(r.out.contains("SHA-256 " + hash), qPrintable(r.out));
        QVERIFY(bytes.contains("X-Unsent: 1"));
        auto ws = Workspace::open(m_path);
        QVERIFY_OK(ws);
        QCOMPARE(count(*ws.value(), "SELECT count(*) FROM request_events WHERE request_id = 'C-1' "
                                    "AND kind = 'letter' AND text LIKE '%" +
                                        hash + "%'"),
                 1);
        QCOMPARE(count(*ws.value(), "SELECT count(*) FROM request_letters WHERE request_id = 'C-1' "
                                    "AND sha256 = '" +
                                        hash + "' AND language = 'fr'"),
                 1);
    }

    void processorNoticeMarksTheTaskSent()
    {
        const QString out = m_tmp.path("notice.docx");
        const Run r = runCli({"letter", "--workspace", m_path, "--request", "C-2", "--template",
                              "processor-notice", "--processor", "p-supabase", "--format", "docx",
                              "-o", out});
        QCOMPARE(r.code, 0);
        QVERIFY(QFile::exists(out));
        auto ws = Workspace::open(m_path);
        QVERIFY_OK(ws);
        QCOMPARE(count(*ws.value(), "SELECT count(*) FROM request_tasks WHERE request_id = 'C-2' "
                                    "AND processor_id = 'p-supabase' AND state = 'sent'"),
                 1);
    }
};

QTEST_MAIN(TestCliLetter)
#include "tst_cli_letter.moc"
