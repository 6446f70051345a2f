#include "ListFetcher.h"

namespace workbench::sync {

ListFetcher::ListFetcher(RetryPolicy policy)
    : m_policy(policy)
{}

RetryPolicy ListFetcher::defaultPolicy()
{
    RetryPolicy p;
    p.maxTries = 2;
    p.timeoutMs = 20000;
    p.maxTimeoutTries = 1;
    return p;
}

Result<ListFetch> ListFetcher::fetch(const QUrl& url, const QString& etag,
                                     const QString& lastModified)
{
    HttpClient::Headers headers{
        {QByteArrayLiteral("Accept"),
         QByteArrayLiteral("text/html, text/csv, application/json, text/markdown, */*;q=0.5")}};
    if (!etag.isEmpty())
        headers.append({QByteArrayLiteral("If-None-Match"), etag.toLatin1()});
    if (!lastModified.isEmpty())
        headers.append({QByteArrayLiteral("If-Modified-Since"), lastModified.toLatin1()});
    HttpClient client(m_policy);
    auto response = client.send(QByteArrayLiteral("GET"), url, headers);
    if (!response)
        return Error{response.error()};
    const HttpResponse& r = response.value();
    ListFetch out;
    out.etag = QString::fromLatin1(r.header("ETag"));
    out.lastModified = QString::fromLatin1(r.header("Last-Modified"));
    if (r.status == 304) {
        out.notModified = true;
        // A 304 may leave the validators out: the last ones still hold.
        if (out.etag.isEmpty())
            out.etag = etag;
        if (out.lastModified.isEmpty())
            out.lastModified = lastModified;
        return out;
    }
    if (r.status != 200)
        return Error{tr("%1 answered %2 instead of the list.").arg(redactedUrl(url)).arg(r.status)};
    if (r.body.size() > kMaxBytes)
        return Error{
            tr("%1 sent more than 16 MB; that is not a sub-processor list.").arg(redactedUrl(url))};
    out.body = r.body;
    const QByteArray type = r.header("Content-Type").toLower();
    if (type.contains("html"))
        out.formatHint = QStringLiteral("html");
    else if (type.contains("csv"))
        out.formatHint = QStringLiteral("csv");
    else if (type.contains("tab-separated"))
        out.formatHint = QStringLiteral("tsv");
    else if (type.contains("json"))
        out.formatHint = QStringLiteral("json");
    else if (type.contains("markdown"))
        out.formatHint = QStringLiteral("md");
    return out;
}

} // namespace workbench::sync
