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
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>
#if QT_CONFIG(ssl)
#include <QSslError>
#endif

namespace workbench::sync {

namespace {

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

// "30", or "0.5" for a timeout under a second.
QString seconds(int ms)
{
    return ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(ms / 1000.0, 'g', 3);
}

// https, or http to a loopback host.
Status checkScheme(const QUrl& url)
{
    if (url.scheme() == u"https")
        return {};
    if (url.scheme() == u"http" && isLoopback(url.host()))
        return {};
    return Error{
        HttpClient::tr("Refused %1: only https is allowed (plain http only to this computer).")
            .arg(url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery))};
}

QString whereTheTokenGoes()
{
    return HttpClient::tr(
        "Keep the token out of the URL: name the environment variable that holds it "
        "(--token-env on the command line, Variable on the Sync page) or store it in the "
        "keychain (Sync page).");
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

bool isCredentialParameter(const QString& name)
{
    QString n;
    for (const QChar c : name)
        if (c.isLetterOrNumber())
            n += c.toLower();
    // Whole names that are too short to look for inside others ("keyset",
    // "author" and "monkey" are no credentials).
    static const QStringList whole = {QStringLiteral("key"),     QStringLiteral("auth"),
                                      QStringLiteral("sig"),     QStringLiteral("pwd"),
                                      QStringLiteral("pass"),    QStringLiteral("jwt"),
                                      QStringLiteral("code"),    QStringLiteral("oauth"),
                                      QStringLiteral("session"), QStringLiteral("sid")};
    static const QStringList parts = {
        QStringLiteral("token"),      QStringLiteral("secret"),        QStringLiteral("password"),
        QStringLiteral("passwd"),     QStringLiteral("apikey"),        QStringLiteral("signature"),
        QStringLiteral("credential"), QStringLiteral("authorization"), QStringLiteral("accesskey"),
        QStringLiteral("privatekey"), QStringLiteral("sessionid"),     QStringLiteral("authkey")};
    if (whole.contains(n))
        return true;
    return std::any_of(parts.begin(), parts.end(),
                       [&](const QString& part) { return n.contains(part); });
}

QString redactedUrl(const QUrl& url)
{
    QUrl shown = url.adjusted(QUrl::RemoveUserInfo);
    if (shown.hasQuery()) {
        QUrlQuery query(shown);
        QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyEncoded);
        for (auto& [name, value] : items)
            if (isCredentialParameter(QUrl::fromPercentEncoding(name.toUtf8())))
                value = QStringLiteral("***");
        query.setQueryItems(items);
        shown.setQuery(query);
    }
    return shown.toString();
}

QString redactSecrets(const QString& text)
{
    // The user information of every URL ("scheme://user:password@").
    static const QRegularExpression userInfo(
        QStringLiteral(R"(([A-Za-z][A-Za-z0-9+.\-]*://)[^/?#@\s"'<>]*@)"));
    // Every name=value after ?, & or ; whose name looks like a credential.
    static const QRegularExpression pair(
        QStringLiteral(R"(([?&;])([^=&?#;\s"'<>]+)=([^&#;\s"'<>]*))"));
    QString out = text;
    out.replace(userInfo, QStringLiteral("\\1"));
    QString result;
    qsizetype last = 0;
    for (auto it = pair.globalMatch(out); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!isCredentialParameter(QUrl::fromPercentEncoding(m.captured(2).toUtf8())))
            continue;
        result += QStringView(out).mid(last, m.capturedStart(3) - last);
        result += QStringLiteral("***");
        last = m.capturedEnd(3);
    }
    result += QStringView(out).mid(last);
    return result;
}

QString originOf(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    const int port = url.port(scheme == u"https" ? 443 : scheme == u"http" ? 80 : -1);
    QUrl origin;
    origin.setScheme(scheme);
    origin.setHost(url.host());
    origin.setPort(port);
    return origin.toString();
}

Status HttpClient::checkUrl(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty())
        return Error{tr("'%1' is not a URL.").arg(redactSecrets(url.toString()))};
    if (!url.userInfo().isEmpty())
        return Error{tr("Refused %1: the URL holds a user name or password (before the @). %2")
                         .arg(redactedUrl(url), whereTheTokenGoes())};
    for (const auto& [name, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        if (isCredentialParameter(name))
            return Error{tr("Refused %1: its query parameter '%2' looks like a credential. %3")
                             .arg(redactedUrl(url), name, whereTheTokenGoes())};
    return checkScheme(url);
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
                                      Failure* failure)
{
    *failure = Failure::Final;
    QNetworkRequest request(url);
    for (const auto& [key, value] : headers)
        request.setRawHeader(key, value);
    QNetworkReply* reply = m_network->sendCustomRequest(request, method, body);
    // Deleted here, not with deleteLater(): the worker may run no event
    // loop of its own between requests, and deferred deletes would pile up.
    const std::unique_ptr<QNetworkReply> guard(reply);
    QStringList tlsErrors;
#if QT_CONFIG(ssl)
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [&tlsErrors](const QList<QSslError>& errors) {
                         for (const QSslError& e : errors)
                             tlsErrors << e.errorString();
                     });
#endif
    // Our own timer rather than the request's transfer timeout: an abandoned
    // request then says it timed out (not "Operation canceled"), and a stop
    // ends the wait at once.
    bool timedOut = false;
    bool cancelled = false;
    QEventLoop loop;
    QTimer idle;
    idle.setSingleShot(true);
    QObject::connect(&idle, &QTimer::timeout, reply, [&] {
        timedOut = true;
        reply->abort();
    });
    // Anything received (or sent) starts the wait again.
    const auto again = [&idle] {
        idle.start();
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, &idle, again);
    QObject::connect(reply, &QIODevice::readyRead, &idle, again);
    QObject::connect(reply, &QNetworkReply::uploadProgress, &idle, again);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, reply, [&] {
        if (m_cancelled && m_cancelled()) {
            cancelled = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished()) {
        idle.start(m_policy.timeoutMs);
        poll.start(50);
        loop.exec();
    }
    idle.stop();
    poll.stop();

    if (cancelled)
        return Error{tr("Cancelled.")};
    if (timedOut) {
        *failure = Failure::TimedOut;
        return Error{
            tr("%1 timed out after %2 s").arg(where(method, url), seconds(m_policy.timeoutMs))};
    }
    HttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen()) // an aborted reply is closed; reading it would warn
        response.body = reply->readAll();
    for (const auto& pair : reply->rawHeaderPairs())
        response.headers.append(pair);
    const QNetworkReply::NetworkError error = reply->error();
    if (error == QNetworkReply::SslHandshakeFailedError) {
        // A certificate the system does not trust, or a server that does not
        // speak TLS there: trying again changes nothing.
        const QString host =
            url.port() < 0 ? url.host() : QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
        return Error{tr("TLS handshake with %1 failed: %2")
                         .arg(host, tlsErrors.isEmpty() ? reply->errorString()
                                                        : tlsErrors.join(QStringLiteral("; ")))};
    }
    if (response.status == 0) {
        *failure = Failure::Retry;
        return Error{tr("%1: %2").arg(where(method, url), reply->errorString())};
    }
    if (response.status >= 300 && response.status < 400 && response.status != 304)
        return response; // send() decides whether to follow
    // A body cut short (the connection dropped mid-transfer) is a network
    // error, however the status line began.
    if (error != QNetworkReply::NoError && response.status < 400) {
        *failure = Failure::Retry;
        return Error{tr("%1: %2").arg(where(method, url), reply->errorString())};
    }
    return response;
}

Result<QUrl> HttpClient::redirectTarget(const QByteArray& method, const QUrl& from,
                                        const HttpResponse& response) const
{
    QUrl next = from.resolved(QUrl::fromEncoded(response.header("Location")));
    if (from.scheme() == u"https" && next.scheme() != u"https")
        return Error{tr("%1: the server redirected to a less safe address (https to http); "
                        "refused.")
                         .arg(where(method, from))};
    if (auto s = checkScheme(next); !s)
        return Error{tr("%1: redirected, and %2").arg(where(method, from), s.error())};
    // The token is for the origin it was given for, and no other.
    if (originOf(next) != originOf(from))
        return Error{tr("%1: the server redirected from %2 to %3, another origin; refused, so "
                        "the token is not sent there.")
                         .arg(where(method, from), originOf(from), originOf(next))};
    next.setUserInfo(QString()); // credentials come from the headers only
    return next;
}

Result<HttpResponse> HttpClient::send(const QByteArray& method, const QUrl& url,
                                      const Headers& headers, const QByteArray& body)
{
    if (auto s = checkUrl(url); !s)
        return Error{s.error()};
    QString lastError;
    QUrl target = url;
    int redirects = 0;
    int timeouts = 0;
    for (int attempt = 1;; ++attempt) {
        if (m_cancelled && m_cancelled())
            return Error{tr("Cancelled.")};
        Failure failure = Failure::Final;
        auto response = once(method, target, headers, body, &failure);
        if (response && response.value().status >= 300 && response.value().status < 400 &&
            response.value().status != 304) {
            // Followed (with the same headers) only within the origin.
            auto next = redirectTarget(method, target, response.value());
            if (!next)
                return Error{next.error()};
            if (++redirects > m_policy.maxRedirects)
                return Error{tr("%1: too many redirects.").arg(where(method, url))};
            target = next.value();
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
        } else if (failure == Failure::Retry) {
            lastError = response.error();
            waitMs = -1;
        } else if (failure == Failure::TimedOut) {
            lastError = response.error();
            if (++timeouts >= m_policy.maxTimeoutTries)
                return Error{tr("%1 (gave up after %2 tries)").arg(lastError).arg(attempt)};
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
