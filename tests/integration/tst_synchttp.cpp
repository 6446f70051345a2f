// Credentials stay with their origin: redirects, tokens in URLs, timeouts
// and TLS failures, against small raw servers on 127.0.0.1.
#include "ContractServer.h"
#include "TestSupport.h"
#include "cli/Cli.h"
#include "services/SyncDesk.h"
#include "services/SyncService.h"
#include "storage/Workspace.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

using namespace workbench;
using namespace workbench::test;
using namespace workbench::sync;

namespace {

const QByteArray kToken = "tok-7c2e9d-origin-secret";
const QByteArray kUrlSecret = "urlsecret-91f3b7";

// A bare HTTP/1.1 server on 127.0.0.1, on a thread of its own (the sync
// blocks the test's thread while it waits). It counts connections, records
// every request with its headers, and answers as its mode says.
class RawServer
{
public:
    enum class Mode
    {
        Answer,  // the handler's bytes, then close
        Hang,    // accept, read, never answer
        Garbage, // answer anything with bytes that are not TLS, then close
    };
    struct Request
    {
        QByteArray method;
        QByteArray target;                     // path and query
        QHash<QByteArray, QByteArray> headers; // names in lower case
    };
    using Handler = std::function<QByteArray(const Request&)>;

    explicit RawServer(Mode mode, Handler handler = {})
        : m_mode(mode)
        , m_handler(std::move(handler))
    {
        m_thread.start();
        m_server = new QTcpServer;
        m_server->listen(QHostAddress::LocalHost, 0);
        m_port = m_server->serverPort();
        m_server->moveToThread(&m_thread);
        QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
            while (QTcpSocket* socket = m_server->nextPendingConnection())
                accept(socket);
        });
    }
    ~RawServer()
    {
        QMetaObject::invokeMethod(
            m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    quint16 port() const { return m_port; }
    QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString url(const QString& path = "/api/v1") const { return origin() + path; }
    int connections() const
    {
        QMutexLocker lock(&m_mutex);
        return m_connections;
    }
    QList<Request> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }

private:
    void accept(QTcpSocket* socket)
    {
        {
            QMutexLocker lock(&m_mutex);
            ++m_connections;
        }
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            if (m_mode == Mode::Hang)
                return;
            if (m_mode == Mode::Garbage) {
                socket->write("HTTP/1.1 400 This is not TLS\r\n\r\n");
                socket->disconnectFromHost();
                return;
            }
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            Request request;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.target = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                           lines[i].mid(colon + 1).trimmed());
            }
            buffer->clear();
            {
                QMutexLocker lock(&m_mutex);
                m_requests.append(request);
            }
            socket->write(m_handler ? m_handler(request) : QByteArray());
            socket->disconnectFromHost();
        });
    }

    Mode m_mode;
    Handler m_handler;
    QThread m_thread;
    QTcpServer* m_server = nullptr; // lives on m_thread
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    int m_connections = 0;
    QList<Request> m_requests;
};

// A TLS server on 127.0.0.1 whose certificate nobody trusts
// (tests/data/tls: self-signed for 127.0.0.1, for tests only). It counts the
// handshakes begun.
class UntrustedTlsServer
{
public:
    UntrustedTlsServer()
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        QFile crt(QFINDTESTDATA("data/tls/untrusted-test.crt"));
        QFile key(QFINDTESTDATA("data/tls/untrusted-test.key"));
        if (crt.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly)) {
            tls.setLocalCertificate(QSslCertificate(&crt, QSsl::Pem));
            tls.setPrivateKey(QSslKey(&key, QSsl::Ec, QSsl::Pem));
        }
        m_thread.start();
        m_server = new QSslServer;
        m_server->setSslConfiguration(tls);
        m_server->listen(QHostAddress::LocalHost, 0);
        m_port = m_server->serverPort();
        m_server->moveToThread(&m_thread);
        QObject::connect(m_server, &QSslServer::startedEncryptionHandshake, m_server,
                         [this](QSslSocket*) {
                             QMutexLocker lock(&m_mutex);
                             ++m_handshakes;
                         });
        // A handshake the client gave up on is all there is to see here.
        QObject::connect(m_server, &QSslServer::errorOccurred, m_server,
                         [](QSslSocket*, QAbstractSocket::SocketError) {});
    }
    ~UntrustedTlsServer()
    {
        QMetaObject::invokeMethod(
            m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    bool ready() const
    {
        return m_port != 0 && !m_server->sslConfiguration().privateKey().isNull();
    }
    quint16 port() const { return m_port; }
    int handshakes() const
    {
        QMutexLocker lock(&m_mutex);
        return m_handshakes;
    }

private:
    QThread m_thread;
    QSslServer* m_server = nullptr; // lives on m_thread
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    int m_handshakes = 0;
};

QByteArray answer(int status, const QByteArray& body,
                  const QList<QPair<QByteArray, QByteArray>>& headers = {})
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " Status\r\n";
    for (const auto& [name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
    return out;
}

QByteArray redirect(const QByteArray& location)
{
    return answer(302, "{}", {{"Location", location}});
}

// One organization, as a REST page or a PostgREST array.
QByteArray onePage(bool postgrest)
{
    const QJsonObject o{
        {"id", "o1"}, {"name", "Org o1"}, {"updated_at", "2026-11-01T09:00:00Z"}, {"version", 1}};
    if (postgrest)
        return QJsonDocument(QJsonArray{o}).toJson(QJsonDocument::Compact);
    return QJsonDocument(
               QJsonObject{{"items", QJsonArray{o}}, {"next_cursor", "c1"}, {"has_more", false}})
        .toJson(QJsonDocument::Compact);
}

SyncOptions quick()
{
    SyncOptions o;
    o.retry.baseBackoffMs = 5;
    o.retry.maxRetryAfterSeconds = 1;
    return o;
}

QByteArray fileBytes(const QString& path)
{
    QByteArray all;
    for (const QString& file : QStringList{path, path + "-wal"}) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

struct CliRun
{
    int code = -1;
    QString out, err;
};

// The real binary, so what Qt itself prints on stderr is seen too.
CliRun runBinary(const QStringList& arguments)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("WB_HTTP_TOKEN", QString::fromLatin1(kToken));
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("PRIVACY_WORKBENCH_BIN"), arguments);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestSyncHttp : public QObject
{
    Q_OBJECT

    TempFolder m_tmp;
    int m_n = 0;

    QString freshPath()
    {
        const QString path = m_tmp.path(QStringLiteral("h%1.sqlite").arg(++m_n));
        if (auto ws = Workspace::open(path); !ws)
            qWarning("cannot create %s: %s", qPrintable(path), qPrintable(ws.error()));
        return path;
    }
    std::unique_ptr<Workspace> freshWorkspace()
    {
        auto ws = Workspace::open(freshPath());
        return ws ? std::move(ws).value() : nullptr;
    }

    SyncReport syncFrom(Workspace& ws, const QString& url, SourceKind kind = SourceKind::Rest,
                        SyncOptions options = quick())
    {
        SyncSource source;
        source.name = "company";
        source.kind = kind;
        source.baseUrl = QUrl(url);
        source.resources = {"organizations"};
        return SyncEngine(ws.database(), source, kToken, options).run();
    }

private slots:
    void redirectToAnotherOriginIsRefused_data()
    {
        QTest::addColumn<QString>("target"); // "other" names the second server
        QTest::addColumn<bool>("postgrest");
        QTest::newRow("another port") << "other" << false;
        QTest::newRow("another port, PostgREST apikey") << "other" << true;
        QTest::newRow("another host") << "http://localhost:%1" << false;
        QTest::newRow("another scheme") << "https://127.0.0.1:%1" << false;
    }
    void redirectToAnotherOriginIsRefused()
    {
        QFETCH(QString, target);
        QFETCH(bool, postgrest);
        // The second server records what it gets and would answer a page.
        RawServer other(RawServer::Mode::Answer,
                        [&](const RawServer::Request&) { return answer(200, onePage(postgrest)); });
        quint16 port = 0;
        RawServer first(RawServer::Mode::Answer, [&](const RawServer::Request& r) {
            const QString origin = target == "other" ? other.origin() : target.arg(port);
            return redirect(origin.toLatin1() + r.target + "&leak=query-" + kUrlSecret);
        });
        port = first.port();
        const QString to = target == "other" ? other.origin() : target.arg(port);

        auto ws = freshWorkspace();
        const SyncReport report = syncFrom(*ws, first.url(postgrest ? "/rest/v1" : "/api/v1"),
                                           postgrest ? SourceKind::Postgrest : SourceKind::Rest);
        QVERIFY(!report.ok());
        // The second server never heard of us; the first was asked once.
        QCOMPARE(other.connections(), 0);
        QCOMPARE(first.requests().size(), 1);
        QCOMPARE(first.requests().at(0).headers.value("authorization"), "Bearer " + kToken);
        // The reason names both origins, and nothing secret or queried.
        QVERIFY2(report.error.contains("redirect"), qPrintable(report.error));
        QVERIFY2(report.error.contains(first.origin()), qPrintable(report.error));
        QVERIFY2(report.error.contains(to), qPrintable(report.error));
        QVERIFY2(!report.error.contains(QString::fromLatin1(kToken)), qPrintable(report.error));
        QVERIFY2(!report.error.contains(QString::fromLatin1(kUrlSecret)), qPrintable(report.error));
        QVERIFY2(!report.error.contains("limit="), qPrintable(report.error));
        QCOMPARE(count(*ws, "SELECT count(*) FROM organizations"), 0);
        QVERIFY(!fileBytes(ws->path()).contains(kUrlSecret));
    }

    void sameOriginRedirectIsFollowedWithItsHeaders()
    {
        RawServer server(RawServer::Mode::Answer, [](const RawServer::Request& r) {
            if (r.target.startsWith("/moved/"))
                return answer(308, "{}", {{"Location", r.target.mid(6)}});
            if (r.headers.value("authorization") != "Bearer " + kToken)
                return answer(401, R"({"title":"no token"})");
            return answer(200, onePage(false));
        });
        auto ws = freshWorkspace();
        const SyncReport report = syncFrom(*ws, server.url("/moved/api/v1"));
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(count(*ws, "SELECT count(*) FROM organizations"), 1);
        // The page, asked at the old place and then at the new one (the
        // audit checkpoint after the sync goes the same way).
        auto requests = server.requests();
        requests.removeIf(
            [](const RawServer::Request& r) { return r.target.contains("audit-checkpoints"); });
        QCOMPARE(requests.size(), 2);
        QVERIFY(requests.at(1).target.startsWith("/api/v1/organizations?"));
        QCOMPARE(requests.at(1).headers.value("authorization"), "Bearer " + kToken);
    }

    void redirectsAreBounded()
    {
        RawServer server(RawServer::Mode::Answer,
                         [](const RawServer::Request& r) { return redirect(r.target); });
        auto ws = freshWorkspace();
        const SyncReport report = syncFrom(*ws, server.url());
        QVERIFY(!report.ok());
        QVERIFY2(report.error.contains("too many redirects"), qPrintable(report.error));
        QCOMPARE(server.requests().size(), 6); // the request and five redirects
    }

    void tokensInUrlsAreRefused_data()
    {
        QTest::addColumn<QString>("url"); // %1: the server's origin, %2: the secret
        QTest::newRow("user:token@") << "http://user:%2@%1/api/v1";
        QTest::newRow("token@") << "http://%2@%1/api/v1";
        QTest::newRow("?apikey=") << "%1/api/v1?apikey=%2";
        QTest::newRow("?Access_Token=") << "%1/api/v1?tenant=acme&Access_Token=%2";
        QTest::newRow("?X-Amz-Signature=") << "%1/api/v1?X-Amz-Signature=%2";
        QTest::newRow("?key=") << "%1/api/v1?key=%2";
        QTest::newRow("?AUTH=") << "%1/api/v1?AUTH=%2";
        QTest::newRow("?client_secret=") << "%1/api/v1?client_secret=%2";
        QTest::newRow("?password=") << "%1/api/v1?password=%2";
    }
    void tokensInUrlsAreRefused()
    {
        QFETCH(QString, url);
        RawServer server(RawServer::Mode::Answer,
                         [](const RawServer::Request&) { return answer(200, onePage(false)); });
        const QString withSecret = url.arg(server.origin().mid(7), QString::fromLatin1(kUrlSecret));
        const QString full = withSecret.startsWith("http") ? withSecret : "http://" + withSecret;
        const QString secret = QString::fromLatin1(kUrlSecret);

        // The check says why, and where the token goes instead.
        const Status checked = HttpClient::checkUrl(QUrl(full));
        QVERIFY(!checked);
        QVERIFY2(checked.error().contains("--token-env") && checked.error().contains("keychain"),
                 qPrintable(checked.error()));
        QVERIFY2(!checked.error().contains(secret), qPrintable(checked.error()));

        // A source with it is not saved.
        const QString path = freshPath();
        {
            auto ws = Workspace::open(path);
            QVERIFY_OK(ws);
            SyncSource source;
            source.name = "company";
            source.baseUrl = QUrl(full);
            source.tokenEnv = "WB_HTTP_TOKEN";
            const Status saved = saveSource(ws.value()->database(), source);
            QVERIFY(!saved);
            QVERIFY2(!saved.error().contains(secret), qPrintable(saved.error()));
            QCOMPARE(count(*ws.value(), "SELECT count(*) FROM sync_sources"), 0);
            // Nor synced.
            const SyncReport report = syncFrom(*ws.value(), full);
            QVERIFY(!report.ok());
            QVERIFY2(!report.error.contains(secret), qPrintable(report.error));
            QVERIFY2(!report.source.contains(secret), qPrintable(report.source));
        }
        // The command line refuses it and says nothing of it.
        const CliRun run = runBinary({"sync", "--workspace", path, "--url", full, "--token-env",
                                      "WB_HTTP_TOKEN", "--format", "json"});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains("--token-env"), qPrintable(run.err));
        QVERIFY2(!run.out.contains(secret) && !run.err.contains(secret), qPrintable(run.err));
        QCOMPARE(server.connections(), 0);
        QVERIFY(!fileBytes(path).contains(kUrlSecret));
    }

    void ordinaryQueriesAreNotMistakenForTokens()
    {
        for (const QString url :
             {"https://compliance.example.com/api/v1?tenant=acme",
              "https://compliance.example.com/api/v1?author=dana&monkey=1&keyset=on",
              "https://compliance.example.com/api/v1"})
            QVERIFY2(HttpClient::checkUrl(QUrl(url)), qPrintable(url));
    }

    void secretsAreRedactedFromText()
    {
        const QString secret = QString::fromLatin1(kUrlSecret);
        const QString text = "GET https://user:" + secret +
                             "@api.example.com/v1?limit=5&apikey=" + secret +
                             " failed; also http://" + secret +
                             "@127.0.0.1:9/x?Signature=" + secret + "#top and ?token=" + secret;
        const QString shown = redactSecrets(text);
        QVERIFY2(!shown.contains(secret), qPrintable(shown));
        QVERIFY2(shown.contains("api.example.com/v1?limit=5&apikey="), qPrintable(shown));
        QVERIFY2(shown.contains("127.0.0.1:9/x"), qPrintable(shown));
        QCOMPARE(redactSecrets("nothing to hide: limit=5"), QString("nothing to hide: limit=5"));
        const QString url =
            redactedUrl(QUrl("https://u:" + secret + "@h.example/api?a=1&key=" + secret));
        QVERIFY2(!url.contains(secret) && url.startsWith("https://h.example/api?a=1&key="),
                 qPrintable(url));
    }

    void aStoredSourceWithATokenInItsUrlIsRefused()
    {
        RawServer server(RawServer::Mode::Answer,
                         [](const RawServer::Request&) { return answer(200, onePage(false)); });
        const QString secret = QString::fromLatin1(kUrlSecret);
        const QString path = freshPath();
        // Written by an older version, before URLs were checked.
        execOnFile(path, QString("INSERT INTO sync_sources (name, kind, base_url, resources, "
                                 "token_env) VALUES ('old', 'rest', '%1?apikey=%2', '', "
                                 "'WB_HTTP_TOKEN')")
                             .arg(server.url(), secret));
        const CliRun run = runBinary({"sync", "--workspace", path, "--source", "old"});
        QVERIFY(run.code != 0);
        QVERIFY2(run.err.contains("--token-env"), qPrintable(run.err));
        QVERIFY2(!run.out.contains(secret) && !run.err.contains(secret), qPrintable(run.err));
        QCOMPARE(server.connections(), 0);
        auto ws = Workspace::open(path);
        QVERIFY_OK(ws);
        QSqlQuery q(ws.value()->database().connection());
        QVERIFY(q.exec("SELECT source || ' ' || coalesce(message, '') || ' ' || "
                       "coalesce(summary_json, '') FROM sync_runs"));
        while (q.next())
            QVERIFY2(!q.value(0).toString().contains(secret), qPrintable(q.value(0).toString()));
    }

    void aHungServerTimesOut()
    {
        RawServer hung(RawServer::Mode::Hang);
        const QString path = freshPath();
        const CliRun run =
            runBinary({"sync", "--workspace", path, "--url", hung.url(), "--token-env",
                       "WB_HTTP_TOKEN", "--resources", "organizations", "--timeout", "1"});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("GET ") && run.err.contains("/api/v1/organizations timed out "
                                                              "after 1 s"),
                 qPrintable(run.err));
        // Only our own two lines: no warning from Qt.
        const QStringList lines = run.err.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith("privacy-workbench sync: "), qPrintable(lines[0]));
        QVERIFY2(lines[1].startsWith("What was committed before stays"), qPrintable(lines[1]));
        // A request that times out is tried twice, no more.
        QCOMPARE(hung.connections(), 2);
    }

    void timeoutOptionIsChecked_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("zero") << "0";
        QTest::newRow("words") << "soon";
        QTest::newRow("negative") << "-5";
        QTest::newRow("too long") << "100000";
    }
    void timeoutOptionIsChecked()
    {
        QFETCH(QString, value);
        const QString path = freshPath();
        qputenv("WB_HTTP_TOKEN", kToken);
        QString out, err;
        QTextStream o(&out), e(&err);
        const int code = cli::run({"privacy-workbench", "sync", "--workspace", path, "--url",
                                   "http://127.0.0.1:9/api/v1", "--token-env", "WB_HTTP_TOKEN",
                                   "--timeout", value},
                                  o, e);
        e.flush();
        QCOMPARE(code, 2);
        QVERIFY2(err.contains("--timeout"), qPrintable(err));
    }

    void aStopEndsAWaitForAHungServer()
    {
        // The timeout is far away: only the stop can end this sync.
        RawServer hung(RawServer::Mode::Hang);
        auto ws = freshWorkspace();
        SyncService service(*ws);
        QSignalSpy finished(&service, &SyncService::finished);
        SyncSource source;
        source.name = "company";
        source.baseUrl = QUrl(hung.url());
        SyncOptions options = quick();
        options.retry.timeoutMs = 3600 * 1000;
        QVERIFY(service.start({source}, {{"company", kToken}}, options));
        QTRY_COMPARE_WITH_TIMEOUT(hung.connections(), 1, 30000);
        service.cancel();
        QVERIFY(finished.wait(60000));
        const auto reports = finished.at(0).at(0).value<SyncOutcome>().reports;
        QCOMPARE(reports.size(), 1);
        QVERIFY(reports.first().cancelled);
        QCOMPARE(hung.connections(), 1);
    }

    void aTlsHandshakeFailureIsTriedOnce()
    {
        RawServer garbage(RawServer::Mode::Garbage);
        auto ws = freshWorkspace();
        SyncOptions options = quick();
        options.retry.maxTries = 5;
        const SyncReport report =
            syncFrom(*ws, QString("https://127.0.0.1:%1/api/v1").arg(garbage.port()),
                     SourceKind::Rest, options);
        QVERIFY(!report.ok());
        QVERIFY2(report.error.contains("TLS handshake with 127.0.0.1"), qPrintable(report.error));
        QVERIFY2(!report.error.contains("gave up"), qPrintable(report.error));
        QCOMPARE(garbage.connections(), 1);
    }
    void anUntrustedCertificateIsRefusedOnce()
    {
        UntrustedTlsServer server;
        QVERIFY(server.ready());
        auto ws = freshWorkspace();
        SyncOptions options = quick();
        options.retry.maxTries = 5;
        const SyncReport report =
            syncFrom(*ws, QString("https://127.0.0.1:%1/api/v1").arg(server.port()),
                     SourceKind::Rest, options);
        QVERIFY(!report.ok());
        QVERIFY2(report.error.contains("TLS handshake with 127.0.0.1") &&
                     report.error.contains("self-signed"),
                 qPrintable(report.error));
        QCOMPARE(server.handshakes(), 1);
    }

    // The window's sync through the service: it refuses a read-only
    // workspace and one without a source, saying why; a sync it starts
    // tells the workspace which resources changed (and "sync"), and its
    // outcome names them with the sentence the status bar shows.
    void theServiceSaysWhatChanged()
    {
        ContractServer server(kToken);
        server.append("organizations", {{"id", "o1"}, {"name", "Org o1"}, {"version", 1}});
        QJsonObject request{{"id", "r1"},
                            {"organization_id", "o1"},
                            {"type", "access"},
                            {"jurisdiction", "GDPR"},
                            {"subject_email", "r1@example.com"},
                            {"received_at", "2026-11-02T10:00:00Z"},
                            {"status", "new"},
                            {"version", 1}};
        server.append("rights-requests", request);
        request["id"] = "r2";
        request["organization_id"] = "o-later";
        server.append("rights-requests", request);
        qputenv("WB_SERVICE_TOKEN", kToken);

        auto ws = freshWorkspace();
        {
            auto reader = Workspace::open(ws->path(), {Database::Mode::ReadOnly, std::nullopt});
            QVERIFY_OK(reader);
            SyncService readOnly(*reader.value());
            QSignalSpy refused(&readOnly, &SyncService::notStarted);
            QCOMPARE(readOnly.syncNow(), SyncService::Start::ReadOnly);
            QCOMPARE(refused.size(), 1);
            QVERIFY2(refused.at(0).at(1).toString().contains("read"),
                     qPrintable(refused.at(0).at(1).toString()));
        }
        SyncService service(*ws);
        service.setOptions(quick);
        QSignalSpy refused(&service, &SyncService::notStarted);
        QCOMPARE(service.syncNow(), SyncService::Start::NoSources);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.at(0).at(0).value<SyncService::Start>(), SyncService::Start::NoSources);

        SyncSource source;
        source.name = "company";
        source.baseUrl = QUrl(server.baseUrl());
        source.tokenEnv = "WB_SERVICE_TOKEN";
        QVERIFY_OK(SyncDesk(*ws).saveSource(source));
        QSignalSpy finished(&service, &SyncService::finished);
        QStringList changed;
        connect(ws.get(), &Workspace::recordChanged, this,
                [&](const QString& resource) { changed << resource; });
        QCOMPARE(service.syncNow(), SyncService::Start::Started);
        QVERIFY(service.isRunning());
        QCOMPARE(service.syncNow(), SyncService::Start::Running); // one at a time
        QVERIFY(finished.wait(30000));
        QVERIFY(!service.isRunning());
        const auto outcome = finished.at(0).at(0).value<SyncOutcome>();
        QVERIFY2(outcome.errors.isEmpty(), qPrintable(outcome.errors.join(' ')));
        QCOMPARE(outcome.resources, QStringList({"organizations", "rights-requests"}));
        QCOMPARE(outcome.changed, 2);
        QCOMPARE(outcome.waiting, (QMap<QString, int>{{"missing organization", 1}}));
        QCOMPARE(outcome.summary,
                 QString("Synced: 2 record(s) changed; 1 waiting for the next sync (missing "
                         "organization) — see Sync › Waiting"));
        QCOMPARE(changed, QStringList({"organizations", "rights-requests", "sync"}));

        // Nothing new: nothing changed but the sync's own page.
        changed.clear();
        QCOMPARE(service.syncNow(), SyncService::Start::Started);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(1).at(0).value<SyncOutcome>().resources, QStringList());
        QCOMPARE(changed, QStringList({"sync"}));

        // Syncs by itself every few minutes when asked to.
        service.setInterval(5);
        QCOMPARE(service.interval(), 5);
        service.setInterval(0);
        QCOMPARE(service.interval(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncHttp)
#include "tst_synchttp.moc"
