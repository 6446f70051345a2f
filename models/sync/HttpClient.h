#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace workbench::sync {

struct RetryPolicy
{
    int maxTries = 5;              // for 5xx and network errors
    int baseBackoffMs = 250;       // doubled each try, with jitter
    int maxRetryAfterSeconds = 60; // a longer Retry-After is cut to this
    int timeoutMs = 30000;         // per request
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray& name) const;
};

// The title/detail of an application/problem+json body, or its start.
QString problemOf(const HttpResponse& response);

// Blocking HTTP for the sync worker (it runs its own event loop while it
// waits). 429/503 wait for Retry-After; other 5xx and network errors back
// off with jitter and give up after maxTries. Refuses plain http except to
// a loopback host, and any redirect to a less safe scheme. Error messages
// name the method and path, never the headers (the token stays out).
class HttpClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit HttpClient(RetryPolicy policy = {});
    ~HttpClient();

    Result<HttpResponse> send(const QByteArray& method, const QUrl& url, const Headers& headers,
                              const QByteArray& body = {});
    // Checks a base URL: https, or http to a loopback host.
    static Status checkUrl(const QUrl& url);

    // Asked between tries; true stops the waiting.
    void setCancelled(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }
    // Seconds the client would wait for a Retry-After header value.
    static int retryAfterSeconds(const QByteArray& value, int maximum);

private:
    Result<HttpResponse> once(const QByteArray& method, const QUrl& url, const Headers& headers,
                              const QByteArray& body, bool* retryable);
    void wait(int ms);

    RetryPolicy m_policy;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::function<bool()> m_cancelled;
};

} // namespace workbench::sync
