// The contract server's creates: POST /{resource} with Idempotency-Key
// (REST) and POST /{table} with Prefer: return=representation (PostgREST),
// as docs/sync-api.md section 9 says a server answers them.
#include "ContractServer.h"

#include <QJsonDocument>

namespace workbench::test {

namespace {

QByteArray compact(const QJsonValue& v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

QByteArray problemOf(int status, const QString& title, const QString& detail,
                     const QJsonArray& errors = {})
{
    QJsonObject p{
        {"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}};
    if (!errors.isEmpty())
        p["errors"] = errors;
    return compact(p);
}

} // namespace

int ContractServer::postsReceived(const QString& pathPrefix) const
{
    QMutexLocker lock(&m_mutex);
    return int(std::count_if(m_postPaths.begin(), m_postPaths.end(),
                             [&](const QString& p) { return p.startsWith(pathPrefix); }));
}

int ContractServer::recordsCreated() const
{
    QMutexLocker lock(&m_mutex);
    return m_created;
}

QStringList ContractServer::idempotencyKeys() const
{
    QMutexLocker lock(&m_mutex);
    return m_postKeys;
}

QHash<QByteArray, QByteArray> ContractServer::lastPostHeaders() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastPostHeaders;
}

void ContractServer::setAnswerDelay(int ms)
{
    QMutexLocker lock(&m_mutex);
    m_answerDelayMs = ms;
}

void ContractServer::setRefusal(const QString& field, const QString& detail)
{
    QMutexLocker lock(&m_mutex);
    m_refusedField = field;
    m_refusedDetail = detail;
}

ContractServer::Response ContractServer::create(const QString& resource, const Request& request,
                                                bool postgrest, bool refuse)
{
    // PostgREST has no Idempotency-Key: a repeated insert meets the key.
    const QString key =
        postgrest ? QString() : QString::fromUtf8(request.headers.value("idempotency-key"));
    m_postPaths << request.path;
    m_postKeys << key;
    m_lastPostHeaders = request.headers;
    if (!key.isEmpty()) {
        if (const auto kept = m_createKeys.constFind(key); kept != m_createKeys.cend()) {
            if (kept->body == request.body)
                return kept->response; // the answer of the first try, again
            return {422, problemOf(422, "Unprocessable Content",
                                   "this Idempotency-Key was used with another body")};
        }
    }
    Response response;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    QJsonObject record = doc.object();
    const QString id = record["id"].toString();
    QJsonObject held;
    for (const QJsonObject& r : current(resource))
        if (r["id"].toString() == id)
            held = r;
    if (!doc.isObject() || id.isEmpty()) {
        response = {400, problemOf(400, "Bad Request", "id: a record needs its id")};
    } else if (refuse) {
        response = {422,
                    problemOf(422, "Unprocessable Content", m_refusedField + ": " + m_refusedDetail,
                              QJsonArray{QJsonObject{{"field", m_refusedField},
                                                     {"detail", m_refusedDetail}}})};
    } else if (!held.isEmpty()) {
        if (postgrest)
            response = {409, compact(QJsonObject{
                                 {"code", "23505"},
                                 {"details", QString("Key (id)=(%1) already exists.").arg(id)},
                                 {"hint", QJsonValue()},
                                 {"message", "duplicate key value violates unique constraint"}})};
        else
            response = {409, compact(held)};
    } else {
        record.remove("updated_at"); // the server's to set
        record["version"] = 1;
        append(resource, record);
        ++m_created;
        const QJsonObject stored = m_log[resource].constLast();
        const bool represent = request.headers.value("prefer").contains("return=representation");
        if (postgrest)
            response = {201, represent ? compact(QJsonArray{stored}) : QByteArray()};
        else
            response = {201, compact(stored)};
    }
    if (!key.isEmpty())
        m_createKeys.insert(key, {request.body, response});
    return response;
}

} // namespace workbench::test
