#include "PageFetcher.h"

#include "PageParse.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QThread>

namespace workbench::sync {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SyncEngine", text);
}

// How many parsed pages may wait for the writer: enough to keep the network
// busy while a page commits, few enough to keep memory flat.
constexpr size_t kPagesAhead = 2;

// The PostgREST cursor: the last updated_at applied and how many rows with
// that timestamp were already taken.
struct KeysetCursor
{
    QString updatedAt;
    int skip = 0;
    static KeysetCursor parse(const QString& text)
    {
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        return {o.value(QLatin1String("updated_at")).toString(),
                o.value(QLatin1String("skip")).toInt()};
    }
    QString toString() const
    {
        return QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("updated_at"), updatedAt},
                                      {QStringLiteral("skip"), skip}})
                .toJson(QJsonDocument::Compact));
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
    KeysetCursor keyset;
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
        keyset = KeysetCursor::parse(cursor);
        QList<QPair<QString, QString>> query{
            {QStringLiteral("order"), QStringLiteral("updated_at.asc,id.asc")},
            {QStringLiteral("limit"), QString::number(m_request.pageSize)},
            {QStringLiteral("offset"), QString::number(keyset.skip)}};
        if (!keyset.updatedAt.isEmpty())
            query.prepend(
                {QStringLiteral("updated_at"), QStringLiteral("gte.") + keyset.updatedAt});
        pageUrl = endpoint.url(u'/' + tableName(resource), query);
    }
    auto response = http.send("GET", pageUrl, h);
    if (!response)
        return Error{response.error()};
    const HttpResponse& r = response.value();
    if (r.status == 304)
        return std::optional<FetchedPage>();
    if (r.status != 200)
        return Error{
            tr("GET %1 (%2): %3 %4").arg(resource, sourceName).arg(r.status).arg(problemOf(r))};

    FetchedPage page;
    page.number = number;
    if (number == 1)
        page.etag = r.header("ETag");
    auto body = parsePage(endpoint.source.kind, r.body);
    if (!body)
        return Error{tr("%1 from %2, page %3: %4. Nothing of this page was applied.")
                         .arg(resource, sourceName)
                         .arg(number)
                         .arg(body.error())};
    page.items = std::move(body->items);
    if (rest) {
        page.cursor = body->nextCursor.value_or(cursor);
        more = body->hasMore;
    } else {
        KeysetCursor next = keyset;
        for (const QJsonValue& v : std::as_const(page.items)) {
            const QString at = v.toObject().value(QLatin1String("updated_at")).toString();
            if (at == next.updatedAt) {
                ++next.skip;
            } else {
                next.updatedAt = at;
                next.skip = 1;
            }
        }
        page.cursor = next.toString();
        more = page.items.size() >= m_request.pageSize;
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
