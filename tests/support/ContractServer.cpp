#include "ContractServer.h"

#include "storage/AuditSigning.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>

namespace workbench::test {

namespace {

QByteArray json(const QJsonValue& v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

QByteArray problem(int status, const QString& title, const QString& detail = {})
{
    return json(QJsonObject{
        {"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}});
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 201:
        return "Created";
    case 409:
        return "Conflict";
    case 412:
        return "Precondition Failed";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    default:
        return "Status";
    }
}

} // namespace

ContractServer::ContractServer(QByteArray token, QObject* parent)
    : QObject(parent)
    , m_token(std::move(token))
{
    // The server answers on a thread of its own, as a real one would: the
    // client under test may block its own thread while it waits.
    m_thread.setObjectName(QStringLiteral("contract-server"));
    m_thread.start();
    // Created here, then moved: its signals are handled on the server thread.
    m_server = new QTcpServer;
    m_server->listen(QHostAddress::LocalHost, 0);
    m_port = m_server->serverPort();
    m_server->moveToThread(&m_thread);
    connect(m_server, &QTcpServer::newConnection, m_server, [this] {
        while (QTcpSocket* socket = m_server->nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                buffer->append(socket->readAll());
                const int end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                qsizetype length = 0;
                for (const QByteArray& line : buffer->left(end).split('\n'))
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                if (buffer->size() < end + 4 + length)
                    return;
                socket->setProperty("request", *buffer);
                serve(socket);
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

ContractServer::~ContractServer()
{
    QMetaObject::invokeMethod(
        m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString ContractServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/api/v1").arg(m_port);
}

QString ContractServer::postgrestUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/rest/v1").arg(m_port);
}

void ContractServer::append(const QString& resource, QJsonObject record)
{
    QMutexLocker lock(&m_mutex);
    if (!record.contains("updated_at"))
        record["updated_at"] = QDateTime(QDate(2026, 11, 1), QTime(9, 0))
                                   .addSecs(++m_clock)
                                   .toUTC()
                                   .toString(Qt::ISODate);
    if (!record.contains("version"))
        record["version"] = 1;
    m_log[resource].append(record);
}

void ContractServer::remove(const QString& resource, const QString& id)
{
    QMutexLocker lock(&m_mutex);
    qint64 version = 1;
    for (const QJsonObject& r : m_log[resource])
        if (r["id"].toString() == id)
            version = r["version"].toInteger() + 1;
    append(resource, QJsonObject{{"id", id}, {"deleted", true}, {"version", version}});
}

QList<QJsonObject> ContractServer::current(const QString& resource) const
{
    QList<QJsonObject> out = rows(resource); // rows() holds the lock
    out.removeIf([](const QJsonObject& r) { return r["deleted"].toBool(); });
    return out;
}

void ContractServer::queueFault(Fault fault, const QString& pathPrefix, int after)
{
    QMutexLocker lock(&m_mutex);
    m_faults.append({fault, pathPrefix, after});
}

int ContractServer::requests(const QString& pathPrefix) const
{
    QMutexLocker lock(&m_mutex);
    return int(std::count_if(m_paths.begin(), m_paths.end(),
                             [&](const QString& p) { return p.startsWith(pathPrefix); }));
}

QStringList ContractServer::queries(const QString& pathPrefix) const
{
    QMutexLocker lock(&m_mutex);
    QStringList out;
    for (int i = 0; i < m_paths.size(); ++i)
        if (m_paths[i].startsWith(pathPrefix))
            out << m_queries[i];
    return out;
}

QList<QJsonObject> ContractServer::rows(const QString& resource) const
{
    QMutexLocker lock(&m_mutex);
    QMap<QString, QJsonObject> last;
    QStringList order;
    for (const QJsonObject& r : m_log.value(resource)) {
        const QString id = r["id"].toString();
        if (!last.contains(id))
            order << id;
        last[id] = r;
    }
    QList<QJsonObject> out;
    for (const QString& id : order)
        out << last[id];
    return out;
}

void ContractServer::serve(QTcpSocket* socket)
{
    const QByteArray raw = socket->property("request").toByteArray();
    const int end = raw.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = raw.left(end).split('\n');
    Request request;
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    const QUrl url(QString::fromLatin1(first.value(1)));
    request.path = url.path();
    for (const auto& [k, v] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        request.query.insert(k, v);
    request.rawQuery = url.query(QUrl::FullyDecoded);
    for (int i = 1; i < lines.size(); ++i) {
        const int colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
    }
    request.body = raw.mid(end + 4);
    QMutexLocker lock(&m_mutex);
    m_paths << request.path;
    m_queries << request.rawQuery;

    Response response;
    int delayMs = 0;
    std::optional<Fault> fault;
    bool waiting = false;
    for (int i = 0; i < m_faults.size(); ++i) {
        QueuedFault& f = m_faults[i];
        if (!request.path.contains(f.path))
            continue;
        if (f.after > 0) {
            --f.after;
            waiting = true;
        } else if (!fault && !waiting) {
            fault = m_faults.takeAt(i--).fault;
        }
    }
    if (request.headers.value("authorization") != "Bearer " + m_token) {
        response = {401, problem(401, "Unauthorized", "a bearer token is needed")};
    } else if (fault == Fault::Status500) {
        response = {500, problem(500, "Internal Server Error", "try again")};
    } else if (fault == Fault::TooManyRequests) {
        response = {429, problem(429, "Too Many Requests"), {{"Retry-After", "1"}}};
    } else if (fault == Fault::RedirectToHttp) {
        response = {302, {}, {{"Location", "http://compliance.example.com/api/v1/x"}}};
    } else if (request.method == "POST" && !request.path.contains("checkpoints")) {
        const QStringList parts = request.path.split('/', Qt::SkipEmptyParts);
        const bool postgrest = parts.value(0) == "rest";
        if (parts.size() != 3 || (parts[0] != "api" && !postgrest))
            response = {404, problem(404, "Not Found", request.path)};
        else if (postgrest && request.headers.value("apikey") != m_token)
            response = {401, problem(401, "Unauthorized", "apikey missing")};
        else
            response = create(QString(parts[2]).replace('_', '-'), request, postgrest,
                              fault == Fault::Unprocessable);
        if (fault == Fault::StoreThenClose) {
            lock.unlock();
            socket->abort(); // stored; not a byte of the answer
            return;
        }
        if (fault == Fault::StoreThenDelay)
            delayMs = m_answerDelayMs;
    } else {
        response = handle(request);
        if (fault == Fault::MalformedJson)
            response.body = response.body.left(response.body.size() / 2) + "}]";
        if (fault == Fault::WrongShape)
            response.body = R"({"unexpected": true})";
        if (fault == Fault::DropMidBody || fault == Fault::ApplyThenDrop)
            response.dropMidBody = true;
    }
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
    out += "Content-Type: " +
           QByteArray(response.status >= 400 ? "application/problem+json" : "application/json") +
           "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Connection: close\r\n";
    for (const auto& [k, v] : response.headers)
        out += k + ": " + v + "\r\n";
    out += "\r\n";
    lock.unlock();
    if (response.dropMidBody) {
        socket->write(out + response.body.left(response.body.size() / 2));
        socket->flush();
        socket->abort();
        return;
    }
    if (delayMs > 0) {
        // On the server thread, later; gone with the socket if the client is.
        QTimer::singleShot(delayMs, socket, [socket, bytes = out + response.body] {
            socket->write(bytes);
            socket->disconnectFromHost();
        });
        return;
    }
    socket->write(out + response.body);
    socket->disconnectFromHost();
}

ContractServer::Response ContractServer::handle(const Request& request)
{
    QStringList parts = request.path.split('/', Qt::SkipEmptyParts); // api v1 res [id]
    if (parts.size() == 3 &&
        parts[2] == (parts[0] == "api" ? "audit-checkpoints" : "audit_checkpoints")) {
        if (parts[0] == "rest" && request.headers.value("apikey") != m_token)
            return {401, problem(401, "Unauthorized", "apikey missing")};
        if (request.method == "POST")
            return checkpoint(request);
    }
    if (parts.size() >= 3 && parts[0] == "api") {
        if (request.method == "GET" && parts.size() == 3)
            return list(parts[2], request);
        if (request.method == "PATCH" && parts.size() == 4)
            return patch(parts[2], parts[3], request);
    }
    if (parts.size() == 3 && parts[0] == "rest") {
        const QString resource = QString(parts[2]).replace('_', '-');
        if (request.headers.value("apikey") != m_token)
            return {401, problem(401, "Unauthorized", "apikey missing")};
        if (request.method == "GET")
            return postgrestList(resource, request);
        if (request.method == "PATCH")
            return postgrestPatch(resource, request);
    }
    return {404, problem(404, "Not Found", request.path)};
}

QList<QJsonObject> ContractServer::checkpoints() const
{
    QMutexLocker lock(&m_mutex);
    return m_checkpoints;
}

ContractServer::Response ContractServer::checkpoint(const Request& request)
{
    const QJsonObject c = QJsonDocument::fromJson(request.body).object();
    const qint64 seq = c["seq"].toInteger();
    const QString hash = c["hash"].toString(), key = c["public_key"].toString();
    if (seq <= 0 || hash.isEmpty() || key.isEmpty() || c["signature"].toString().isEmpty())
        return {400, problem(400, "Bad Request", "seq, hash, signature and public_key are needed")};
    if (!AuditSigning::verify(key, seq, hash, c["signature"].toString()))
        return {422, problem(422, "Unprocessable Content", "the signature does not verify")};
    for (const QJsonObject& held : std::as_const(m_checkpoints)) {
        if (held["public_key"] != key || held["log"] != c["log"])
            continue; // another key, or another workspace's log under the same key
        if (held["seq"].toInteger() == seq && held["hash"] == hash)
            return {200, json(held)}; // sent again: nothing new
        if (held["seq"].toInteger() > seq ||
            (held["seq"].toInteger() == seq && held["hash"] != hash))
            return {409, problem(409, "Conflict",
                                 QString("a later checkpoint #%1 is held for this log")
                                     .arg(held["seq"].toInteger()))};
    }
    m_checkpoints.append(c);
    return {201, json(c)};
}

ContractServer::Response ContractServer::list(const QString& resource, const Request& request)
{
    const QList<QJsonObject>& log = m_log[resource];
    const int since = request.query.value("since", "0").toInt();
    const int limit = std::min(request.query.value("limit", "500").toInt(), 1000);
    const QByteArray etag = m_etags.value(resource);
    if (since == 0 && !etag.isEmpty() && request.headers.value("if-none-match") == etag)
        return {304, {}};
    QJsonArray items;
    for (int i = since; i < std::min<int>(int(log.size()), since + limit); ++i)
        items.append(log[i]);
    const int next = since + int(items.size());
    Response r{200, json(QJsonObject{{"items", items},
                                     {"next_cursor", QString::number(next)},
                                     {"has_more", next < log.size()}})};
    if (since == 0 && !etag.isEmpty())
        r.headers.append({"ETag", etag});
    return r;
}

QJsonObject ContractServer::applyPatch(const QString& resource, QJsonObject record,
                                       const QJsonObject& changes)
{
    for (auto it = changes.begin(); it != changes.end(); ++it)
        record[it.key()] = it.value();
    record["version"] = record["version"].toInteger() + 1;
    record.remove("updated_at");
    append(resource, record);
    ++m_patchesApplied;
    return m_log[resource].constLast();
}

ContractServer::Response ContractServer::patch(const QString& resource, const QString& id,
                                               const Request& request)
{
    const QString key = QString::fromUtf8(request.headers.value("idempotency-key"));
    if (!key.isEmpty() && m_idempotent.contains(key))
        return m_idempotent[key];
    QJsonObject found;
    for (const QJsonObject& r : current(resource))
        if (r["id"].toString() == id)
            found = r;
    Response response;
    if (found.isEmpty()) {
        response = {404, problem(404, "Not Found", id)};
    } else {
        QByteArray ifMatch = request.headers.value("if-match");
        ifMatch.replace('"', "");
        if (ifMatch.toLongLong() != found["version"].toInteger())
            response = {412, json(found)};
        else
            response = {200, json(applyPatch(resource, found,
                                             QJsonDocument::fromJson(request.body).object()))};
    }
    if (!key.isEmpty())
        m_idempotent.insert(key, response);
    return response;
}

namespace {

// A PostgREST filter: `column.op.value`, or and(...)/or(...) of filters.
struct Filter
{
    QString logic; // "and", "or", or empty for a condition
    QList<Filter> children;
    QString column, op, value;
};

// Reads a value: "quoted" (\ escapes the next character) or up to , or ).
QString readValue(const QString& text, int& pos)
{
    QString value;
    if (pos < text.size() && text[pos] == '"') {
        for (++pos; pos < text.size() && text[pos] != '"'; ++pos) {
            if (text[pos] == '\\' && pos + 1 < text.size())
                ++pos;
            value += text[pos];
        }
        ++pos; // the closing quote
        return value;
    }
    while (pos < text.size() && text[pos] != ',' && text[pos] != ')')
        value += text[pos++];
    return value;
}

std::optional<Filter> parseFilter(const QString& text, int& pos);

// "(f,f,...)" after and/or.
std::optional<QList<Filter>> parseList(const QString& text, int& pos)
{
    if (pos >= text.size() || text[pos] != '(')
        return std::nullopt;
    ++pos;
    QList<Filter> out;
    for (;;) {
        auto f = parseFilter(text, pos);
        if (!f)
            return std::nullopt;
        out << *f;
        if (pos < text.size() && text[pos] == ',') {
            ++pos;
            continue;
        }
        if (pos < text.size() && text[pos] == ')') {
            ++pos;
            return out;
        }
        return std::nullopt;
    }
}

std::optional<Filter> parseFilter(const QString& text, int& pos)
{
    Filter f;
    for (const char* logic : {"and(", "or("}) {
        if (QStringView(text).mid(pos).startsWith(QLatin1String(logic))) {
            f.logic = QString::fromLatin1(logic).chopped(1);
            pos += int(f.logic.size());
            auto children = parseList(text, pos);
            if (!children)
                return std::nullopt;
            f.children = *children;
            return f;
        }
    }
    const int dot = int(text.indexOf('.', pos));
    if (dot < 0)
        return std::nullopt;
    f.column = text.mid(pos, dot - pos);
    const int dot2 = int(text.indexOf('.', dot + 1));
    if (dot2 < 0)
        return std::nullopt;
    f.op = text.mid(dot + 1, dot2 - dot - 1);
    pos = dot2 + 1;
    f.value = readValue(text, pos);
    return f;
}

// Compares as PostgreSQL would: timestamps as instants, the rest as text.
int compare(const QJsonValue& field, const QString& column, const QString& value)
{
    const QString text = field.toString();
    if (column.endsWith("_at")) {
        const QDateTime a = QDateTime::fromString(text, Qt::ISODateWithMs);
        const QDateTime b = QDateTime::fromString(value, Qt::ISODateWithMs);
        if (a.isValid() && b.isValid())
            return a < b ? -1 : (a > b ? 1 : 0);
    }
    return text.compare(value);
}

std::optional<bool> matches(const Filter& f, const QJsonObject& row)
{
    if (!f.logic.isEmpty()) {
        const bool isAnd = f.logic == "and";
        for (const Filter& c : f.children) {
            const auto m = matches(c, row);
            if (!m)
                return std::nullopt;
            if (*m != isAnd)
                return !isAnd;
        }
        return isAnd;
    }
    const QJsonValue field = row.value(f.column);
    if (field.isNull() || field.isUndefined())
        return false; // SQL: a comparison with NULL is not true
    const int c = compare(field, f.column, f.value);
    if (f.op == "eq")
        return c == 0;
    if (f.op == "gt")
        return c > 0;
    if (f.op == "gte")
        return c >= 0;
    if (f.op == "lt")
        return c < 0;
    if (f.op == "lte")
        return c <= 0;
    return std::nullopt; // an operator this server does not know
}

} // namespace

ContractServer::Response ContractServer::postgrestList(const QString& resource,
                                                       const Request& request)
{
    // Every query parameter but order/limit/offset/select is a filter, all
    // of them ANDed: `col=op.value`, `or=(...)`, `and=(...)`.
    Filter all{"and", {}, {}, {}, {}};
    for (auto it = request.query.begin(); it != request.query.end(); ++it) {
        const QString& key = it.key();
        if (key == "order" || key == "limit" || key == "offset" || key == "select")
            continue;
        if (key != "or" && key != "and") {
            // col=op.value: the value is the rest, as it is.
            const int dot = int(it.value().indexOf('.'));
            if (dot < 0)
                return {400, problem(400, "Bad Request", "cannot parse the filter " + key)};
            all.children << Filter{{}, {}, key, it.value().left(dot), it.value().mid(dot + 1)};
            continue;
        }
        int pos = 0;
        const QString text = key + it.value();
        auto f = parseFilter(text, pos);
        if (!f || pos != text.size())
            return {400, problem(400, "Bad Request", "cannot parse the filter " + key)};
        all.children << *f;
    }
    if (request.query.value("order", "updated_at.asc,id.asc") != "updated_at.asc,id.asc")
        return {400, problem(400, "Bad Request", "this server orders by updated_at.asc,id.asc")};
    QList<QJsonObject> out;
    for (const QJsonObject& row : rows(resource)) {
        const auto m = matches(all, row);
        if (!m)
            return {400, problem(400, "Bad Request", "unknown filter operator")};
        if (*m)
            out << row;
    }
    std::sort(out.begin(), out.end(), [](const QJsonObject& a, const QJsonObject& b) {
        const int c = compare(a["updated_at"], "updated_at", b["updated_at"].toString());
        return c != 0 ? c < 0 : a["id"].toString() < b["id"].toString();
    });
    const int offset = request.query.value("offset", "0").toInt();
    const int limit = request.query.value("limit", "500").toInt();
    QJsonArray page;
    for (int i = offset; i < std::min<int>(int(out.size()), offset + limit); ++i)
        page.append(out[i]);
    return {200, json(page)};
}

ContractServer::Response ContractServer::postgrestPatch(const QString& resource,
                                                        const Request& request)
{
    const QString id = request.query.value("id").mid(3);
    const qint64 version = request.query.value("version").mid(3).toLongLong();
    for (const QJsonObject& r : current(resource))
        if (r["id"].toString() == id && r["version"].toInteger() == version)
            return {200, json(QJsonArray{applyPatch(
                             resource, r, QJsonDocument::fromJson(request.body).object())})};
    return {200, "[]"};
}

} // namespace workbench::test
