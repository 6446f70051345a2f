#include "SyncSource.h"

#include "SyncEngine.h"
#include "storage/Repository.h"
#include "storage/SyncStore.h"

#include <QUrlQuery>
#include <algorithm>

namespace workbench::sync {

QString kindName(SourceKind kind)
{
    return kind == SourceKind::Postgrest ? QStringLiteral("postgrest") : QStringLiteral("rest");
}

Result<QList<SyncSource>> loadSources(Database& db)
{
    return SyncStore(db).sources();
}

Status saveSource(Database& db, const SyncSource& source)
{
    if (source.name.trimmed().isEmpty())
        return Error{SyncEngine::tr("A source needs a name.")};
    if (auto s = HttpClient::checkUrl(source.baseUrl); !s)
        return s;
    for (const QString& r : source.resources)
        if (!allResources().contains(r))
            return Error{SyncEngine::tr("'%1' is not a resource of the contract.").arg(r)};
    return SyncStore(db).saveSource(source);
}

Status removeSource(Database& db, const QString& name)
{
    return SyncStore(db).removeSource(name);
}

Result<QByteArray> tokenFromEnvironment(const SyncSource& source)
{
    if (source.tokenEnv.isEmpty())
        return Error{SyncEngine::tr("Source %1 names no environment variable for its token.")
                         .arg(source.name)};
    const QByteArray token = qgetenv(source.tokenEnv.toLocal8Bit().constData());
    if (token.isEmpty())
        return Error{SyncEngine::tr("The environment variable %1 (the token of %2) is not set.")
                         .arg(source.tokenEnv, source.name)};
    return token;
}

HttpClient::Headers Endpoint::headers() const
{
    HttpClient::Headers h{{"Authorization", "Bearer " + token}, {"Accept", "application/json"}};
    if (source.kind == SourceKind::Postgrest)
        h.append({QByteArray("apikey"), QByteArray(token)});
    return h;
}

QUrl Endpoint::url(const QString& path, const QList<QPair<QString, QString>>& query) const
{
    QUrl u = source.baseUrl;
    QString base = u.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    u.setPath(base + path);
    QUrlQuery q;
    for (const auto& [key, value] : query)
        q.addQueryItem(key, QString(value).replace(u'+', QStringLiteral("%2B")));
    u.setQuery(q);
    return u;
}

namespace {

template <typename T> ResourceType typeOf()
{
    return {&RecordTable<T>::spec(),
            [](const QJsonObject& o) {
                auto r = T::fromJson(o);
                return r ? QString() : r.error();
            },
            [](const QJsonObject& o) {
                auto r = T::fromJson(o);
                return r ? r.value().toJson() : o;
            }};
}

// The resources of the contract, each with its table layout (its name,
// its references) and checks.
const QList<ResourceType>& registry()
{
    static const QList<ResourceType> all{typeOf<Organization>(), typeOf<Processor>(),
                                         typeOf<RetentionRule>(), typeOf<RightsRequest>(),
                                         typeOf<PolicyVersion>()};
    return all;
}

} // namespace

const QStringList& allResources()
{
    // Parents first, from the references of the table layouts: a resource
    // comes once every resource it refers to (itself aside) has come.
    static const QStringList ordered = [] {
        QStringList out;
        QList<ResourceType> left = registry();
        while (!left.isEmpty()) {
            const auto ready = std::find_if(left.begin(), left.end(), [&](const ResourceType& t) {
                const auto& refs = t.spec->references;
                return std::all_of(refs.begin(), refs.end(), [&](const TableSpec::Reference& r) {
                    return r.resource == t.spec->resource || out.contains(r.resource);
                });
            });
            // A cycle between resources would be a bug in the layouts:
            // keep the rest in the registry's order rather than loop.
            const auto next = ready != left.end() ? ready : left.begin();
            out << next->spec->resource;
            left.erase(next);
        }
        return out;
    }();
    return ordered;
}

std::optional<ResourceType> resourceType(const QString& resource)
{
    for (const ResourceType& type : registry())
        if (type.spec->resource == resource)
            return type;
    return std::nullopt;
}

QString tableName(const QString& resource)
{
    return QString(resource).replace(u'-', u'_');
}

} // namespace workbench::sync
