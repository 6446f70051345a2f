#include "PageFetcher.h"

#include "PageParse.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>
#include <chrono>

namespace workbench::sync {

namespace {

// How many parsed pages may wait for the writer: enough to keep the network
// busy while a page commits, few enough to keep memory flat.
constexpr size_t kPagesAhead = 2;

// The PostgREST cursor: the (updated_at, id) of the last row applied. The
// next page asks for the rows strictly after it in the order updated_at,
// id. A cursor written by an earlier version ({"updated_at", "skip"}: an
// offset into the rows at that timestamp) has no id: it is read as "from
// updated_at, inclusive", which may fetch a row again but skips none.
struct KeysetCursor
{
    QString updatedAt;
    QString id;

    static KeysetCursor parse(const QString& text)
    {
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        return {o.value(QLatin1String("updated_at")).toString(),
                o.value(QLatin1String("id")).toString()};
    }
    QString toString() const
    {
        return QString::fromUtf8(
            QJsonDocument(
                QJsonObject{{QStringLiteral("updated_at"), updatedAt}, {QStringLiteral("id"), id}})
                .toJson(QJsonDocument::Compact));
    }
    // A value inside a PostgREST logical filter, quoted: timestamps hold
    // its reserved characters (. : ,), and ids may.
    static QString quoted(QString value)
    {
        value.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        return u'"' + value + u'"';
    }
    // The filter that selects the rows after this cursor (none for the
    // first page).
    std::optional<std::pair<QString, QString>> filter() const
    {
        if (updatedAt.isEmpty())
            return std::nullopt;
        if (id.isEmpty())
            return std::pair{QStringLiteral("updated_at"), QStringLiteral("gte.") + updatedAt};
        const QString at = quoted(updatedAt);
        return std::pair{QStringLiteral("or"),
                         QStringLiteral("(updated_at.gt.%1,and(updated_at.eq.%1,id.gt.%2))")
                             .arg(at, quoted(id))};
    }
};

} // namespace

PageFetcher::PageFetcher(Request request)
    : m_request(std::move(request))
    , m_type(resourceType(m_request.resource))
{
    if (m_type)
        m_layout.emplace(*m_type->spec);
    m_thread.reset(QThread::create([this] { fetchAll(); }));
    m_thread->setObjectName(QStringLiteral("sync-fetch"));
    m_thread->start();
}

PageFetcher::~PageFetcher()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread->wait();
}

Result<std::optional<FetchedPage>> PageFetcher::next()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty(); });
    auto item = std::move(m_ready.front());
    m_ready.pop_front();
    lock.unlock();
    m_changed.notify_all();
    return item;
}

void PageFetcher::hand(Result<std::optional<FetchedPage>> item)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stop || m_ready.size() < kPagesAhead; });
    m_ready.push_back(std::move(item));
    lock.unlock();
    m_changed.notify_all();
}

void PageFetcher::fetchAll()
{
    // The network client lives on this thread.
    HttpClient http(m_request.retry);
    http.setCancelled([this] {
        {
            std::lock_guard lock(m_mutex);
            if (m_stop)
                return true;
        }
        return m_request.cancelled && m_request.cancelled();
    });
    QString cursor = m_request.cursor;
    for (int number = 1;; ++number) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stop)
                return;
        }
        bool more = false;
        auto page = fetchPage(http, number, cursor, more);
        const bool gotPage = page && page.value();
        hand(std::move(page));
        if (!gotPage)
            return; // an error, or 304: that was the last word
        if (!more) {
            hand(std::optional<FetchedPage>());
            return;
        }
    }
}

bool PageFetcher::backOff(int attempt)
{
    // As HttpClient backs off for a failed request: doubled each try, with
    // jitter; a stop or a cancel ends the wait at once.
    const int base = m_request.retry.baseBackoffMs * (1 << std::min(attempt - 1, 10));
    const int ms = base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1));
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    std::unique_lock lock(m_mutex);
    while (!m_stop && std::chrono::steady_clock::now() < until) {
        m_changed.wait_until(lock, std::min(until, std::chrono::steady_clock::now() +
                                                       std::chrono::milliseconds(50)));
        if (m_request.cancelled && m_request.cancelled())
            return false;
    }
    return !m_stop;
}

Result<std::optional<FetchedPage>> PageFetcher::fetchPage(HttpClient& http, int number,
                                                          QString& cursor, bool& more)
{
    const Endpoint& endpoint = m_request.endpoint;
    const QString& resource = m_request.resource;
    const QString& sourceName = endpoint.source.name;
    if (!m_type)
        return Error{tr("Unknown resource %1.").arg(resource)};
    HttpClient::Headers h = endpoint.headers();
    QUrl pageUrl;
    const KeysetCursor keyset = KeysetCursor::parse(cursor);
    const bool rest = endpoint.source.kind == SourceKind::Rest;
    if (rest) {
        QList<QPair<QString, QString>> query{
            {QStringLiteral("limit"), QString::number(m_request.pageSize)}};
        if (!cursor.isEmpty())
            query.prepend({QStringLiteral("since"), cursor});
        if (number == 1 && !m_request.etag.isEmpty())
            h.append({QByteArray("If-None-Match"), QByteArray(m_request.etag)});
        pageUrl = endpoint.url(u'/' + resource, query);
    } else {
        QList<QPair<QString, QString>> query{
            {QStringLiteral("order"), QStringLiteral("updated_at.asc,id.asc")},
            {QStringLiteral("limit"), QString::number(m_request.pageSize)}};
        if (const auto filter = keyset.filter())
            query.prepend(*filter);
        pageUrl = endpoint.url(u'/' + tableName(resource), query);
    }

    // A body that is not a page is asked again like one cut short: the
    // same bounded number of tries, with backoff.
    FetchedPage page;
    page.number = number;
    for (int attempt = 1;; ++attempt) {
        auto response = http.send("GET", pageUrl, h);
        if (!response)
            return Error{response.error()};
        const HttpResponse& r = response.value();
        if (r.status == 304)
            return std::optional<FetchedPage>();
        if (r.status != 200)
            return Error{
                tr("GET %1 (%2): %3 %4").arg(resource, sourceName).arg(r.status).arg(problemOf(r))};
        auto body = parsePage(endpoint.source.kind, r.body);
        if (body) {
            if (number == 1)
                page.etag = r.header("ETag");
            page.items = std::move(body->items);
            if (rest) {
                page.cursor = body->nextCursor.value_or(cursor);
                more = body->hasMore;
            } else {
                more = page.items.size() >= m_request.pageSize;
            }
            break;
        }
        if (attempt >= m_request.retry.maxTries)
            return Error{tr("%1 from %2, page %3: %4; gave up after %5 tries. Nothing of this "
                            "page was applied.")
                             .arg(resource, sourceName)
                             .arg(number)
                             .arg(body.error())
                             .arg(attempt)};
        if (!backOff(attempt))
            return Error{tr("Cancelled.")};
    }
    if (!rest) {
        // The keyset of the last row that has one (rows come in its order).
        KeysetCursor next = keyset;
        for (qsizetype i = page.items.size() - 1; i >= 0; --i) {
            const QJsonObject o = page.items.at(i).toObject();
            const QString at = o.value(QLatin1String("updated_at")).toString();
            const QString id = o.value(QLatin1String("id")).toString();
            if (!at.isEmpty() && !id.isEmpty()) {
                next = {at, id};
                break;
            }
        }
        page.cursor = next.updatedAt.isEmpty() ? cursor : next.toString();
    }
    more = more && !page.items.isEmpty();
    // Checked and laid out here, off the writer's thread.
    CheckedItems checked = checkItems(*m_type, *m_layout, page.items);
    page.problems = std::move(checked.problems);
    page.rows = std::move(checked.rows);
    cursor = page.cursor;
    return std::optional<FetchedPage>(std::move(page));
}

} // namespace workbench::sync
