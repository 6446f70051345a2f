// Fetching a vendor's published sub-processor list, against a server on
// 127.0.0.1 started by the test: a 200 records the list, a conditional GET
// answered 304 keeps it, a redirect to plain http on another host and a page
// that is not a list are refused and the last list stays.
#include "TestSupport.h"
#include "services/VendorWatchService.h"
#include "sync/ListFetcher.h"

#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>

using namespace workbench;
using namespace workbench::test;

namespace {

QByteArray fileBytes(const QString& name)
{
    QFile f(QStringLiteral(WORKBENCH_SUBPROCESSOR_DATA "/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A tiny HTTP/1.1 server: one request per connection, answered from a
// table of paths, remembering the requests' headers.
class ListServer : public QObject
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray type = "text/csv";
        QByteArray body;
        QByteArray etag;
        QByteArray location;
    };

    ListServer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { serve(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QString url(const QString& path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }
    QHash<QByteArray, Answer> answers;
    QList<QByteArray> requests; // every request's head, as received

private:
    void serve(QTcpSocket* s)
    {
        QByteArray& buffer = m_buffers[s];
        buffer += s->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QByteArray head = buffer.left(buffer.indexOf("\r\n\r\n"));
        requests << head;
        const QByteArray path = head.split(' ').value(1);
        const Answer a = answers.value(path, Answer{404, "text/plain", "not found", {}, {}});
        QByteArray out;
        const QByteArray conditional = QByteArray("If-None-Match: ") + a.etag;
        if (!a.etag.isEmpty() && head.contains(conditional)) {
            out = "HTTP/1.1 304 Not Modified\r\nETag: " + a.etag +
                  "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        } else {
            out = "HTTP/1.1 " + QByteArray::number(a.status) + " X\r\nContent-Type: " + a.type +
                  "\r\nContent-Length: " + QByteArray::number(a.body.size()) +
                  "\r\nConnection: close\r\n";
            if (!a.etag.isEmpty())
                out += "ETag: " + a.etag + "\r\nLast-Modified: Mon, 02 Nov 2026 10:00:00 GMT\r\n";
            if (!a.location.isEmpty())
                out += "Location: " + a.location + "\r\n";
            out += "\r\n" + a.body;
        }
        s->write(out);
        s->disconnectFromHost();
        m_buffers.remove(s);
    }

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

const QString kSupabase = QStringLiteral("p-supabase");

} // namespace

class TestListFetch : public QObject
{
    Q_OBJECT

private:
    TempFolder m_tmp;

    std::unique_ptr<Workspace> workspaceFetching(ListServer& server, const QString& path,
                                                 const QString& file)
    {
        auto ws = makeDemoWorkspace(m_tmp.path(file));
        VendorWatchService service(*ws);
        VendorListSettings s = service.settings(kSupabase);
        s.url = server.url(path);
        if (!service.saveSettings(s))
            qFatal("settings refused");
        return ws;
    }

private slots:
    void okThenNotModifiedKeepsTheList()
    {
        ListServer server;
        server.answers["/list"] = {
            200, "text/csv", fileBytes("supabase-2026-10.csv"), "\"v1\"", {}};
        auto ws = workspaceFetching(server, "/list", "fetch.sqlite");
        QVERIFY(ws);
        VendorWatchService service(*ws);
        auto first = service.checkNow(kSupabase, QDate(2026, 10, 1));
        QVERIFY_OK(first);
        QVERIFY(first.value().notice);
        QCOMPARE(first.value().entries, 20);
        const auto last = service.lastList(kSupabase).value();
        QVERIFY(last);
        QCOMPARE(last->source, server.url("/list"));
        QCOMPARE(service.settings(kSupabase).etag, QString("\"v1\""));
        QVERIFY(service.settings(kSupabase).lastCheckedAt.isValid());

        // The second check is conditional; the server says 304.
        auto second = service.checkNow(kSupabase, QDate(2026, 10, 8));
        QVERIFY_OK(second);
        QVERIFY(second.value().notModified);
        QVERIFY(!second.value().notice);
        QVERIFY(server.requests.last().contains("If-None-Match: \"v1\""));
        QVERIFY(server.requests.last().contains("If-Modified-Since: Mon, 02 Nov 2026"));
        QCOMPARE(service.lastList(kSupabase).value()->id, last->id);
        QCOMPARE(count(*ws, "SELECT count(*) FROM vendor_lists"), 1);

        // A new version (new ETag) makes a notice.
        server.answers["/list"] = {
            200, "text/html", fileBytes("supabase-2026-11.html"), "\"v2\"", {}};
        auto third = service.checkNow(kSupabase, QDate(2026, 11, 23));
        QVERIFY_OK(third);
        QVERIFY(third.value().notice);
        QCOMPARE(third.value().notice->diff.summary(), QString("1 added, 1 removed, 2 changed"));
    }

    void redirectToPlainHttpElsewhereIsRefused()
    {
        ListServer server;
        server.answers["/list"] = {200, "text/csv", fileBytes("supabase-2026-10.csv"), {}, {}};
        server.answers["/moved"] = {
            302, "text/plain", {}, {}, "http://lists.example.com/subprocessors.csv"};
        auto ws = workspaceFetching(server, "/list", "redirect.sqlite");
        VendorWatchService service(*ws);
        QVERIFY_OK(service.checkNow(kSupabase, QDate(2026, 10, 1)));
        const qint64 lastId = service.lastList(kSupabase).value()->id;
        VendorListSettings s = service.settings(kSupabase);
        s.url = server.url("/moved");
        QVERIFY_OK(service.saveSettings(s));
        auto moved = service.checkNow(kSupabase, QDate(2026, 11, 1));
        QVERIFY(!moved);
        QVERIFY2(moved.error().contains("only https is allowed"), qPrintable(moved.error()));
        QVERIFY2(moved.error().contains("last list stays"), qPrintable(moved.error()));
        QCOMPARE(service.lastList(kSupabase).value()->id, lastId);
        QVERIFY(!service.settings(kSupabase).lastCheckError.isEmpty());
    }

    void pageThatIsNotAListOrAnErrorKeepsTheList()
    {
        ListServer server;
        server.answers["/list"] = {200, "text/csv", fileBytes("supabase-2026-10.csv"), {}, {}};
        auto ws = workspaceFetching(server, "/list", "notalist.sqlite");
        VendorWatchService service(*ws);
        QVERIFY_OK(service.checkNow(kSupabase, QDate(2026, 10, 1)));
        const qint64 lastId = service.lastList(kSupabase).value()->id;
        server.answers["/list"] = {200, "text/html", fileBytes("not-a-list.html"), {}, {}};
        auto page = service.checkNow(kSupabase, QDate(2026, 11, 1));
        QVERIFY(!page);
        QVERIFY2(page.error().contains("not a list"), qPrintable(page.error()));
        server.answers["/list"] = {404, "text/plain", "gone", {}, {}};
        auto gone = service.checkNow(kSupabase, QDate(2026, 11, 1));
        QVERIFY(!gone);
        QVERIFY2(gone.error().contains("answered 404"), qPrintable(gone.error()));
        QCOMPARE(service.lastList(kSupabase).value()->id, lastId);
    }

    void plainHttpToAnotherHostIsNeverFetched()
    {
        sync::ListFetcher fetcher;
        auto r = fetcher.fetch(QUrl("http://lists.example.com/subprocessors"), {}, {});
        QVERIFY(!r);
        QVERIFY2(r.error().contains("only https"), qPrintable(r.error()));
    }
};

QTEST_GUILESS_MAIN(TestListFetch)
#include "tst_listfetch.moc"
