// Sync benchmark: N rights requests (default 1,000,000) from a local server
// on another thread, end to end through the engine (pages of 500, each with
// its cursor in one transaction), beside a bare loop that fetches the same
// pages, parses them with QJsonDocument and inserts them with one prepared
// statement per record into the same table (the baseline), and the same loop
// into a 3-column scratch table (what the table itself costs). Prints
// records per second of each, the ratios, and peak RSS.
#include "storage/Repository.h"
#include "storage/Workspace.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUrlQuery>
#include <cstdio>
#include <sys/resource.h>

using namespace workbench;

namespace {

// Serves GET /api/v1/{organizations,rights-requests}?since=&limit= from an
// index; nothing is stored.
class PageServer : public QTcpServer
{
public:
    explicit PageServer(qint64 total)
        : m_total(total)
    {}

protected:
    void incomingConnection(qintptr handle) override
    {
        auto socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            m_buffer[socket].append(socket->readAll());
            QByteArray& b = m_buffer[socket];
            const int end = b.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray line = b.left(b.indexOf("\r\n"));
            b.remove(0, end + 4);
            const QUrl url(QString::fromLatin1(line.split(' ').value(1)));
            const QUrlQuery q(url);
            const qint64 since = q.queryItemValue(QStringLiteral("since")).toLongLong();
            const int limit = q.queryItemValue(QStringLiteral("limit")).toInt();
            QByteArray body;
            if (url.path().endsWith(QLatin1String("organizations"))) {
                body =
                    R"({"items":[{"id":"o1","name":"Bench","version":1,"updated_at":"2026-11-01T00:00:00Z"}],"next_cursor":"1","has_more":false})";
            } else {
                const qint64 end2 = std::min(m_total, since + limit);
                body.reserve(limit * 260);
                body += R"({"items":[)";
                for (qint64 i = since; i < end2; ++i) {
                    if (i > since)
                        body += ',';
                    body +=
                        R"({"id":"R)" + QByteArray::number(i) +
                        R"(","organization_id":"o1","type":"access","jurisdiction":"GDPR","subject_email":"p)" +
                        QByteArray::number(i) +
                        R"(@example.com","received_at":"2026-10-01T10:00:00Z","status":"new","version":1,"updated_at":"2026-10-01T10:00:00Z"})";
                }
                body += R"(],"next_cursor":")" + QByteArray::number(end2) + R"(","has_more":)" +
                        (end2 < m_total ? "true" : "false") + "}";
            }
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\n\r\n" + body);
        });
        connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            m_buffer.remove(socket);
            socket->deleteLater();
        });
    }

private:
    qint64 m_total;
    QHash<QTcpSocket*, QByteArray> m_buffer;
};

double peakMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 total = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    QThread serverThread;
    PageServer* server = new PageServer(total);
    server->moveToThread(&serverThread);
    serverThread.start();
    quint16 port = 0;
    QMetaObject::invokeMethod(
        server,
        [&] {
            server->listen(QHostAddress::LocalHost, 0);
            port = server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    const QString base = QStringLiteral("http://127.0.0.1:%1/api/v1").arg(port);
    QTemporaryDir dir;

    // The bare loops: the same pages fetched, parsed with QJsonDocument and
    // inserted with one prepared QSqlQuery per record, one transaction per
    // page. The baseline writes the same records into the same table (its
    // indexes and checks included); a second loop writes three columns
    // into a scratch table, to show what the table itself costs.
    auto bareLoop = [&](const QString& file, bool sameTable) {
        auto ws = Workspace::open(dir.filePath(file));
        QSqlDatabase db = ws.value()->database().connection();
        QStringList columns{QStringLiteral("id"), QStringLiteral("version"),
                            QStringLiteral("updated_at")};
        columns += RecordTable<RightsRequest>::spec().columns;
        QSqlQuery insert(db);
        if (sameTable) {
            QSqlQuery(db).exec(QStringLiteral(
                "INSERT INTO organizations (id, name, version) VALUES ('o1', 'Bench', 1)"));
            insert.prepare(QStringLiteral("INSERT OR REPLACE INTO rights_requests (%1) VALUES (%2)")
                               .arg(columns.join(u','),
                                    QStringList(columns.size(), QStringLiteral("?")).join(u',')));
        } else {
            QSqlQuery(db).exec(QStringLiteral(
                "CREATE TABLE bare (id TEXT PRIMARY KEY, body TEXT, version INTEGER)"));
            insert.prepare(QStringLiteral("INSERT OR REPLACE INTO bare VALUES (?, ?, ?)"));
        }
        QNetworkAccessManager net;
        QElapsedTimer t;
        t.start();
        qint64 since = 0;
        bool more = true;
        while (more) {
            QNetworkRequest req(
                QUrl(base + QStringLiteral("/rights-requests?since=%1&limit=500").arg(since)));
            QNetworkReply* reply = net.get(req);
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            const QJsonObject page = QJsonDocument::fromJson(reply->readAll()).object();
            delete reply;
            db.transaction();
            for (const QJsonValue& v : page[QStringLiteral("items")].toArray()) {
                const QJsonObject o = v.toObject();
                if (sameTable) {
                    for (const QString& c : std::as_const(columns))
                        insert.addBindValue(o.value(c).toVariant());
                } else {
                    insert.addBindValue(o[QStringLiteral("id")].toString());
                    insert.addBindValue(o[QStringLiteral("subject_email")].toString());
                    insert.addBindValue(o[QStringLiteral("version")].toInteger());
                }
                if (!insert.exec())
                    std::printf("  bare loop: %s\n", qPrintable(insert.lastError().text()));
            }
            db.commit();
            since = page[QStringLiteral("next_cursor")].toString().toLongLong();
            more = page[QStringLiteral("has_more")].toBool();
        }
        return double(t.nsecsElapsed()) / 1e9;
    };
    const double bare = bareLoop(QStringLiteral("bare.sqlite"), true);
    const double scratch = bareLoop(QStringLiteral("scratch.sqlite"), false);
    const double bareMiB = peakMiB();

    // The engine.
    double engineSeconds = 0;
    sync::SyncReport report;
    {
        auto ws = Workspace::open(dir.filePath(QStringLiteral("engine.sqlite")));
        sync::SyncSource source;
        source.name = QStringLiteral("bench");
        source.baseUrl = QUrl(base);
        source.resources = {QStringLiteral("organizations"), QStringLiteral("rights-requests")};
        QElapsedTimer t;
        t.start();
        report = sync::SyncEngine(ws.value()->database(), source, "token").run();
        engineSeconds = double(t.nsecsElapsed()) / 1e9;
    }
    QMetaObject::invokeMethod(
        server,
        [&] {
            server->close();
            delete server;
        },
        Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();

    const double engineRate = double(total) / engineSeconds;
    const double bareRate = double(total) / bare;
    std::printf("sync: %lld rights requests from a local server (pages of 500)\n",
                static_cast<long long>(total));
    if (!report.ok())
        std::printf("  engine stopped: %s\n", qPrintable(report.error));
    const sync::ResourceCounts counts = report.resources.value(QStringLiteral("rights-requests"));
    std::printf("  engine: %d added, %d updated, %d rejected%s%s\n", counts.added, counts.updated,
                counts.rejected, report.rejections.isEmpty() ? "" : "; first: ",
                report.rejections.isEmpty() ? ""
                                            : qPrintable(report.rejections.first().field + u' ' +
                                                         report.rejections.first().reason));
    const double scratchRate = double(total) / scratch;
    std::printf("  bare loop (fetch, QJsonDocument, one prepared insert per record)\n"
                "    into rights_requests, the same table    %9.0f records/s\n"
                "    into a 3-column scratch table           %9.0f records/s\n",
                bareRate, scratchRate);
    std::printf("  engine end to end (validate, upsert, cursor per page) %9.0f records/s   "
                "engine/bare = %.2f (target >= 1.5); engine/scratch = %.2f\n",
                engineRate, engineRate / bareRate, engineRate / scratchRate);
    std::printf("  peak RSS %.0f MiB (bare loop alone %.0f MiB; target < 200)\n", peakMiB(),
                bareMiB);
    // A benchmark of a sync that did not apply everything measures nothing.
    return report.ok() && counts.added == total ? 0 : 1;
}
