#pragma once

#include "SyncSource.h"
#include "storage/RecordStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

class QThread;

namespace workbench::sync {

// One page of a resource as fetched, parsed and checked.
struct FetchedPage
{
    int number = 0; // from 1
    QJsonArray items;
    QStringList problems;       // per item: empty when valid, else "field reason"
    QList<RowLayout::Row> rows; // per item: laid out for the table when valid
    QString cursor;             // to store with the page
    QByteArray etag;            // of the first page
};

// Fetches the pages of one resource on a thread of its own, one page ahead
// of the caller: while the caller writes page n, page n+1 is on its way,
// parsed and checked. Pages come out in order; a failure comes out after
// every page fetched before it, so the caller still commits those. A body
// that is not a page (bad JSON, the wrong shape) is asked again like one
// cut short, as many times as the retry policy allows.
class PageFetcher
{
    // Its messages are the engine's.
    Q_DECLARE_TR_FUNCTIONS(SyncEngine)

public:
    struct Request
    {
        Endpoint endpoint;
        QString resource;
        QString cursor; // where the last sync stopped
        QByteArray etag;
        int pageSize = 500;
        RetryPolicy retry;
        // Asked on the fetch thread too: must be safe to call from there.
        std::function<bool()> cancelled;
    };

    explicit PageFetcher(Request request);
    ~PageFetcher(); // stops fetching and waits for the thread

    // The next page; std::nullopt when the resource has no more (or the
    // server said 304); an error when fetching stopped.
    Result<std::optional<FetchedPage>> next();

private:
    void fetchAll();
    Result<std::optional<FetchedPage>> fetchPage(HttpClient& http, int number, QString& cursor,
                                                 bool& more);
    void hand(Result<std::optional<FetchedPage>> item);
    // Waits before asking a page again; false when stopped or cancelled.
    bool backOff(int attempt);

    Request m_request;
    std::optional<ResourceType> m_type;
    std::optional<RowLayout> m_layout;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Result<std::optional<FetchedPage>>> m_ready;
    bool m_stop = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace workbench::sync
