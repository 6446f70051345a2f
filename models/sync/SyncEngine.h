#pragma once

#include "HttpClient.h"
#include "domain/Result.h"

#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <QUrl>
#include <functional>

namespace workbench {
class Database;
}

namespace workbench::sync {

enum class SourceKind
{
    Rest,
    Postgrest
};

// Where records come from. The token is not part of it: the caller reads
// it (keychain or the named environment variable) and hands it over.
struct SyncSource
{
    QString name;
    SourceKind kind = SourceKind::Rest;
    QUrl baseUrl;
    QStringList resources; // empty: all of them
    QString tokenEnv;      // the environment variable that holds the token
    bool useKeychain = false;
};

// The resources of the contract, in the order they are pulled (records
// refer to organizations first).
const QStringList& allResources();

// Sources saved in the workspace (never a token).
Result<QList<SyncSource>> loadSources(Database& db);
Status saveSource(Database& db, const SyncSource& source);
Status removeSource(Database& db, const QString& name);

struct ResourceCounts
{
    int added = 0;
    int updated = 0;
    int deleted = 0;
    int rejected = 0;
    int pages = 0;
};

struct Rejection
{
    QString resource;
    QString id;
    QString field;
    QString reason;
};

struct SyncProgress
{
    QString resource;
    int pages = 0;
    qint64 records = 0;
};

struct SyncReport
{
    QString source;
    QMap<QString, ResourceCounts> resources;
    QList<Rejection> rejections;
    int pushed = 0;
    int conflicts = 0;
    bool cancelled = false;
    QString error; // empty when the sync ran to the end

    bool ok() const { return error.isEmpty() && !cancelled; }
    QJsonObject toJson() const;
};

struct SyncOptions
{
    int pageSize = 500;
    RetryPolicy retry;
    std::function<bool()> cancelled;                   // checked between pages
    std::function<void(const SyncProgress&)> progress; // after each page
};

// Pushes the outbox, then pulls every resource page by page. Each page and
// its cursor commit in one transaction, so a crash never applies a page
// twice or skips one; a bad record is reported and the rest of its page
// applies. Runs on the calling thread (the app calls it on a worker thread
// with its own Database), blocking while it waits for the network.
class SyncEngine
{
public:
    SyncEngine(Database& db, SyncSource source, QByteArray token, SyncOptions options = {});

    SyncReport run();

private:
    Status push(SyncReport& report);
    Status pull(const QString& resource, SyncReport& report);
    Status applyPage(const QString& resource, const QJsonArray& items, const QString& cursor,
                     const QByteArray& etag, SyncReport& report);
    HttpClient::Headers authHeaders() const;
    QUrl url(const QString& path, const QList<QPair<QString, QString>>& query = {}) const;
    void logRun(const SyncReport& report, const QDateTime& started);

    Database& m_db;
    SyncSource m_source;
    QByteArray m_token;
    SyncOptions m_options;
    HttpClient m_http;
};

// Reads the token for a source from its environment variable; the error
// says which variable is missing, never a value.
Result<QByteArray> tokenFromEnvironment(const SyncSource& source);

} // namespace workbench::sync
