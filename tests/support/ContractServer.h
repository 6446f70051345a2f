#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QQueue>
#include <QTcpServer>
#include <QThread>

namespace workbench::test {

// A server on 127.0.0.1 that follows docs/sync-api.md: the REST contract
// (pages with cursors, tombstones, ETag/304, PATCH with If-Match and
// Idempotency-Key) and the PostgREST dialect (filters, including the
// or=(...)/and(...) trees of keyset paging, order, limit and offset; PATCH
// with a version filter; soft-deleted rows). Faults are queued and consumed by the next request
// whose path starts with their prefix.
class ContractServer : public QObject
{
    Q_OBJECT

public:
    enum class Fault
    {
        Status500,
        TooManyRequests, // 429 with Retry-After: 1
        DropMidBody,     // headers and half the body, then the connection drops
        MalformedJson,
        WrongShape,     // valid JSON, but not a page: {"unexpected": true}
        RedirectToHttp, // 302 to a plain-http address that is not loopback
        ApplyThenDrop,  // PATCH applied, the answer never arrives
        // For a POST (a create): the record is stored, then the connection
        // closes without a byte of the answer (a lost answer).
        StoreThenClose,
        // The record is stored and the answer waits answerDelay() ms (long
        // enough and the client is killed while it waits).
        StoreThenDelay,
        // The create is refused: 422 naming `subject_email` (field and
        // detail as set by setRefusal()).
        Unprocessable,
    };

    explicit ContractServer(QByteArray token, QObject* parent = nullptr);
    ~ContractServer() override;

    QString baseUrl() const;
    QString postgrestUrl() const;

    // The change log of a resource: every version of every record in the
    // order they changed (a record may appear again; a tombstone is
    // {"id", "deleted": true, ...}).
    void append(const QString& resource, QJsonObject record);
    void remove(const QString& resource, const QString& id); // appends a tombstone
    // The current records (the last copy of each id), tombstones left out.
    QList<QJsonObject> current(const QString& resource) const;
    void setEtag(const QString& resource, const QByteArray& etag) { m_etags[resource] = etag; }

    // `after`: the fault waits for that many matching requests to pass
    // first (the client fetches ahead, so "the second page" is said here).
    void queueFault(Fault fault, const QString& pathPrefix = {}, int after = 0);
    int requests(const QString& pathPrefix = {}) const;
    // The query strings (decoded) of the requests whose path starts so.
    QStringList queries(const QString& pathPrefix = {}) const;
    int patchesApplied() const { return m_patchesApplied; }
    // POST /{resource} (REST) and POST /{table} (PostgREST): creates. With
    // an Idempotency-Key (REST) the first answer is kept: the same key and
    // the same body get it again (never a second record), the same key with
    // another body gets 422. An id already held gets 409 with the record
    // held (REST) or PostgREST's duplicate-key error.
    int postsReceived(const QString& pathPrefix = {}) const;
    int recordsCreated() const;
    // The Idempotency-Key of every POST received, in order ("" when none).
    QStringList idempotencyKeys() const;
    // The headers of the last POST received (names in lower case).
    QHash<QByteArray, QByteArray> lastPostHeaders() const;
    void setAnswerDelay(int ms);
    void setRefusal(const QString& field, const QString& detail);
    // Audit checkpoints received (POST /audit-checkpoints), in order, as
    // sent; one whose signature does not verify is refused (422), one older
    // than a checkpoint already held for its key gets 409.
    QList<QJsonObject> checkpoints() const;

private:
    struct Response
    {
        Response() = default;
        Response(int s, QByteArray b, QList<QPair<QByteArray, QByteArray>> h = {})
            : status(s)
            , body(std::move(b))
            , headers(std::move(h))
        {}
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool dropMidBody = false;
    };
    struct Request
    {
        QByteArray method;
        QString path;
        QHash<QString, QString> query;
        QString rawQuery; // decoded, in order
        QHash<QByteArray, QByteArray> headers;
        QByteArray body;
    };

    void serve(QTcpSocket* socket);
    Response handle(const Request& request);
    Response list(const QString& resource, const Request& request);
    Response patch(const QString& resource, const QString& id, const Request& request);
    Response postgrestList(const QString& resource, const Request& request);
    Response postgrestPatch(const QString& resource, const Request& request);
    // The last copy of every id, soft-deleted rows (tombstones) too.
    QList<QJsonObject> rows(const QString& resource) const;
    Response checkpoint(const Request& request);
    // ContractServerCreate.cpp
    Response create(const QString& resource, const Request& request, bool postgrest, bool refuse);
    QJsonObject applyPatch(const QString& resource, QJsonObject record, const QJsonObject& changes);

    QThread m_thread;
    QTcpServer* m_server = nullptr; // lives on m_thread
    quint16 m_port = 0;
    mutable QRecursiveMutex m_mutex; // the state below: test thread and server thread
    QByteArray m_token;
    QMap<QString, QList<QJsonObject>> m_log;
    QHash<QString, QByteArray> m_etags;
    QHash<QString, Response> m_idempotent;
    struct QueuedFault
    {
        Fault fault;
        QString path;
        int after;
    };
    QList<QueuedFault> m_faults;
    QStringList m_paths;
    QStringList m_queries; // beside m_paths
    int m_patchesApplied = 0;
    int m_clock = 0;
    QList<QJsonObject> m_checkpoints;
    struct Keyed // a create's first answer, kept under its Idempotency-Key
    {
        QByteArray body;
        Response response;
    };
    QHash<QString, Keyed> m_createKeys;
    QStringList m_postKeys;
    QStringList m_postPaths; // beside m_postKeys
    QHash<QByteArray, QByteArray> m_lastPostHeaders;
    int m_created = 0;
    int m_answerDelayMs = 60000;
    QString m_refusedField = QStringLiteral("subject_email");
    QString m_refusedDetail = QStringLiteral("not an e-mail address");
};

} // namespace workbench::test
