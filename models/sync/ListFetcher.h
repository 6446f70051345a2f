#pragma once

#include "HttpClient.h"

namespace workbench::sync {

// What fetching a vendor's published sub-processor list returned.
struct ListFetch
{
    bool notModified = false; // 304: the list is as last fetched
    QByteArray body;
    QString etag;
    QString lastModified;
    QString formatHint; // "html", "csv", "json", "md" from the Content-Type, or empty
};

// Fetches a published list with a conditional GET (If-None-Match,
// If-Modified-Since from the last fetch). https only, plain http only to
// this computer; a redirect to plain http (or any other origin's http) is
// refused, as HttpClient refuses it. A status other than 200 and 304 is an
// error naming it.
class ListFetcher
{
    Q_DECLARE_TR_FUNCTIONS(ListFetcher)

public:
    explicit ListFetcher(RetryPolicy policy = defaultPolicy());
    static RetryPolicy defaultPolicy();

    Result<ListFetch> fetch(const QUrl& url, const QString& etag, const QString& lastModified);

    // The largest list accepted.
    static constexpr qint64 kMaxBytes = qint64(16) << 20;

private:
    RetryPolicy m_policy;
};

} // namespace workbench::sync
