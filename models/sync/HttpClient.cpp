#include "HttpClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

namespace workbench::sync {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("HttpClient", text);
}

bool isLoopback(const QString& host)
{
    if (host == u"localhost")
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString where(const QByteArray& method, const QUrl& url)
{
    return QStringLiteral("%1 %2").arg(QString::fromLatin1(method),
                                       url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
}

// The problem+json title/detail, or the start of the body.
QString problemText(const QByteArray& body)
{
    const int brace = body.indexOf('{');
    if (brace >= 0) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body.mid(brace), &error);
        if (doc.isObject()) {
            const QJsonObject o = doc.object();
            const QString title = o.value(QLatin1String("title")).toString();
            const QString detail = o.value(QLatin1String("detail")).toString();
            if (!title.isEmpty() || !detail.isEmpty())
                return detail.isEmpty() ? title : title + QStringLiteral(": ") + detail;
        }
    }
    return QString::fromUtf8(body.left(200)).simplified();
}

} // namespace

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

HttpClient::HttpClient(RetryPolicy policy)
    : m_policy(policy)
    , m_network(std::make_unique<QNetworkAccessManager>())
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpClient::~HttpClient() = default;

Status HttpClient::checkUrl(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty())
        return Error{tr("'%1' is not a URL.").arg(url.toString(QUrl::RemoveUserInfo))};
    if (url.scheme() == u"https")
        return {};
    if (url.scheme() == u"http" && isLoopback(url.host()))
        return {};
    return Error{tr("Refused %1: only https is allowed (plain http only to this computer).")
                     .arg(url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery))};
}

int HttpClient::retryAfterSeconds(const QByteArray& value, int maximum)
{
    bool ok = false;
    int seconds = value.trimmed().toInt(&ok);
    if (!ok) {
        const QDateTime at =
            QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
        seconds = at.isValid() ? int(QDateTime::currentDateTimeUtc().secsTo(at)) : 1;
    }
    return std::clamp(seconds, 0, maximum);
}

void HttpClient::wait(int ms)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (m_cancelled && m_cancelled())
            loop.quit();
    });
    timer.start(ms);
    poll.start(50);
    loop.exec();
}

Result<HttpResponse> HttpClient::once(const QByteArray& method, const QUrl& url,
                                      const Headers& headers, const QByteArray& body,
                                      bool* retryable)
{
    *retryable = false;
    QNetworkRequest request(url);
    request.setTransferTimeout(m_policy.timeoutMs);
    for (const auto& [key, value] : headers)
        request.setRawHeader(key, value);
    QNetworkReply* reply = m_network->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    // Deleted here, not with deleteLater(): the worker may run no event
    // loop of its own between requests, and deferred deletes would pile up.
    const std::unique_ptr<QNetworkReply> guard(reply);

    HttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    for (const auto& pair : reply->rawHeaderPairs())
        response.headers.append(pair);
    const QNetworkReply::NetworkError error = reply->error();
    if (error == QNetworkReply::InsecureRedirectError)
        return Error{tr("%1: the server redirected to a less safe address (https to http); "
                        "refused.")
                         .arg(where(method, url))};
    if (response.status == 0) {
        *retryable = true;
        return Error{tr("%1: %2").arg(where(method, url), reply->errorString())};
    }
    if (response.status >= 300 && response.status < 400 && response.status != 304)
        return response; // send() decides whether to follow
    // A body cut short (the connection dropped mid-transfer) is a network
    // error, however the status line began.
    if (error != QNetworkReply::NoError && response.status < 400) {
        *retryable = true;
        return Error{tr("%1: %2").arg(where(method, url), reply->errorString())};
    }
    return response;
}

Result<HttpResponse> HttpClient::send(const QByteArray& method, const QUrl& url,
                                      const Headers& headers, const QByteArray& body)
{
    if (auto s = checkUrl(url); !s)
        return Error{s.error()};
    QString lastError;
    QUrl target = url;
    int redirects = 0;
    for (int attempt = 1;; ++attempt) {
        if (m_cancelled && m_cancelled())
            return Error{tr("Cancelled.")};
        bool retryable = false;
        auto response = once(method, target, headers, body, &retryable);
        if (response && response.value().status >= 300 && response.value().status < 400 &&
            response.value().status != 304) {
            // Follow a redirect only to an address as safe as the one asked.
            const QUrl next =
                target.resolved(QUrl::fromEncoded(response.value().header("Location")));
            if (target.scheme() == u"https" && next.scheme() != u"https")
                return Error{tr("%1: the server redirected to a less safe address (https to "
                                "http); refused.")
                                 .arg(where(method, target))};
            if (auto s = checkUrl(next); !s)
                return Error{tr("%1: redirected, and %2").arg(where(method, target), s.error())};
            if (++redirects > 5)
                return Error{tr("%1: too many redirects.").arg(where(method, url))};
            target = next;
            --attempt;
            continue;
        }
        int waitMs = 0;
        if (response) {
            const int status = response.value().status;
            if (status == 429 || status == 503) {
                waitMs = 1000 * retryAfterSeconds(response.value().header("Retry-After"),
                                                  m_policy.maxRetryAfterSeconds);
                lastError = tr("%1: the server is busy (%2): %3")
                                .arg(where(method, url))
                                .arg(status)
                                .arg(problemText(response.value().body));
            } else if (status >= 500) {
                lastError = tr("%1: server error %2: %3")
                                .arg(where(method, url))
                                .arg(status)
                                .arg(problemText(response.value().body));
                waitMs = -1;
            } else {
                return response;
            }
        } else if (retryable) {
            lastError = response.error();
            waitMs = -1;
        } else {
            return response;
        }
        if (attempt >= m_policy.maxTries)
            return Error{tr("%1 (gave up after %2 tries)").arg(lastError).arg(attempt)};
        if (waitMs < 0) {
            const int backoff = m_policy.baseBackoffMs * (1 << std::min(attempt - 1, 10));
            waitMs = backoff / 2 + int(QRandomGenerator::global()->bounded(backoff / 2 + 1));
        }
        wait(waitMs);
    }
}

QString problemOf(const HttpResponse& response)
{
    return problemText(response.body);
}

} // namespace workbench::sync
