#pragma once

#include "HttpClient.h"
#include "domain/Result.h"
#include "storage/SyncRows.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <optional>

namespace workbench {
class Database;
struct TableSpec;
} // namespace workbench

namespace workbench::sync {

// SourceKind and SyncSource are rows of the sync store (storage/SyncRows.h).

QString kindName(SourceKind kind);

// The resources of the contract in the order they are pulled: every
// resource after the ones it refers to (derived from the references of
// their table layouts, TableSpec::references), so parents come first.
const QStringList& allResources();

// Sources saved in the workspace (never a token).
Result<QList<SyncSource>> loadSources(Database& db);
Status saveSource(Database& db, const SyncSource& source);
Status removeSource(Database& db, const QString& name);

// Reads the token for a source from its environment variable; the error
// says which variable is missing, never a value.
Result<QByteArray> tokenFromEnvironment(const SyncSource& source);

// How to reach one source: its URLs and the headers that carry the token.
struct Endpoint
{
    SyncSource source;
    QByteArray token;

    HttpClient::Headers headers() const;
    QUrl url(const QString& path, const QList<QPair<QString, QString>>& query = {}) const;
};

// One resource of the contract: where it is stored and how a record of it
// is checked (an empty answer: valid; else "field reason").
struct ResourceType
{
    const TableSpec* spec;
    std::function<QString(const QJsonObject&)> validate;
    // The record as this app writes it (timestamps, defaults), so two copies
    // compare field by field; an invalid record comes back as it was.
    std::function<QJsonObject(const QJsonObject&)> canonical;
};
std::optional<ResourceType> resourceType(const QString& resource);
// The PostgREST table of a resource ("retention-rules" -> "retention_rules").
QString tableName(const QString& resource);

} // namespace workbench::sync
