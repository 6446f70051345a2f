#include "PageParse.h"

#include "SyncEngine.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace workbench::sync {

Result<PageBody> parsePage(SourceKind kind, const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const bool parsed = parseError.error == QJsonParseError::NoError;
    PageBody page;
    if (kind == SourceKind::Rest) {
        const QJsonObject o = doc.object();
        if (!parsed || !doc.isObject() || !o.value(QLatin1String("items")).isArray())
            return Error{
                SyncEngine::tr("not a page of the contract (%1 at byte %2)")
                    .arg(parsed ? SyncEngine::tr("no items array") : parseError.errorString())
                    .arg(parsed ? 0 : parseError.offset)};
        page.items = o.value(QLatin1String("items")).toArray();
        if (o.value(QLatin1String("next_cursor")).isString())
            page.nextCursor = o.value(QLatin1String("next_cursor")).toString();
        page.hasMore = o.value(QLatin1String("has_more")).toBool();
    } else {
        if (!parsed || !doc.isArray())
            return Error{SyncEngine::tr("not a JSON array (%1)")
                             .arg(parsed ? SyncEngine::tr("an object") : parseError.errorString())};
        page.items = doc.array();
    }
    return page;
}

CheckedItems checkItems(const ResourceType& type, const RowLayout& layout, const QJsonArray& items)
{
    CheckedItems out;
    out.problems.reserve(items.size());
    out.rows.reserve(items.size());
    for (const QJsonValue& v : items) {
        const QJsonObject o = v.toObject();
        const bool tombstone = o.value(QLatin1String("deleted")).toBool();
        out.problems << (tombstone ? QString() : type.validate(o));
        out.rows << (tombstone || !out.problems.last().isEmpty() ? RowLayout::Row()
                                                                 : layout.layout(o));
    }
    return out;
}

} // namespace workbench::sync
