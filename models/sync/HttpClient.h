#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
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
    // A request that receives nothing for this long is abandoned ("timed
    // out"); it counts as a try, and at most maxTimeoutTries of a request
    // time out before it gives up: a server that never answers costs
    // maxTimeoutTries x timeoutMs (plus under a second of backoff).
    int timeoutMs = 30000;
    int maxTimeoutTries = 2;
    int maxRedirects = 5; // same-origin redirects followed for one request
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

// A URL as it may be shown or stored: no user name or password, and the
// value of every query parameter that looks like a credential replaced by
// "***".
QString redactedUrl(const QUrl& url);
// The same for every URL (and every name=value query pair) in a text: for
// messages and names stored before URLs were checked.
QString redactSecrets(const QString& text);
// Whether a query parameter's name looks like it carries a credential
// (apikey, access_token, key, auth, password, secret, signature...).
bool isCredentialParameter(const QString& name);
// "scheme://host:port" (the port always said): what redirects are checked on.
QString originOf(const QUrl& url);

// Blocking HTTP for the sync worker (it runs its own event loop while it
// waits). 429/503 wait for Retry-After; other 5xx and network errors back
// off with jitter and give up after maxTries; a request that receives
// nothing for timeoutMs is abandoned and tried again at most
// maxTimeoutTries times in all; a failed TLS handshake (certificate or
// protocol) is final. Refuses plain http except to a loopback host, and
// follows a redirect only within the same origin (scheme, host and port):
// the token is never sent anywhere else. Error messages name the method and
// path, never the headers, a user name or a query (the token stays out).
class HttpClient
{
    Q_DECLARE_TR_FUNCTIONS(HttpClient)

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit HttpClient(RetryPolicy policy = {});
    ~HttpClient();

    Result<HttpResponse> send(const QByteArray& method, const QUrl& url, const Headers& headers,
                              const QByteArray& body = {});
    // Checks a base URL: https, or http to a loopback host; no user name or
    // password in it and no query parameter that looks like a credential
    // (the message says where the token goes instead).
    static Status checkUrl(const QUrl& url);

    // Asked between tries; true stops the waiting.
    void setCancelled(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }
    // Seconds the client would wait for a Retry-After header value.
    static int retryAfterSeconds(const QByteArray& value, int maximum);

private:
    enum class Failure
    {
        Final,    // not worth another try
        Retry,    // a network error: back off and try again
        TimedOut, // nothing received for timeoutMs
    };
    Result<HttpResponse> once(const QByteArray& method, const QUrl& url, const Headers& headers,
                              const QByteArray& body, Failure* failure);
    Result<QUrl> redirectTarget(const QByteArray& method, const QUrl& from,
                                const HttpResponse& response) const;
    void wait(int ms);

    RetryPolicy m_policy;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::function<bool()> m_cancelled;
};

} // namespace workbench::sync
