#pragma once

#include "SyncSource.h"
#include "storage/RecordStore.h"

#include <QJsonArray>
#include <optional>

namespace workbench::sync {

// A page body as a server sent it. Pure functions, no network: the fetcher
// calls them, and so do the tests that feed them hostile bodies.
struct PageBody
{
    QJsonArray items;
    std::optional<QString> nextCursor; // REST: "next_cursor", when the page gives one
    bool hasMore = false;              // REST: "has_more"
};

// REST: {"items": [...], "next_cursor": "...", "has_more": true};
// PostgREST: a JSON array. The error says what is wrong with the body (the
// caller says which resource and page).
Result<PageBody> parsePage(SourceKind kind, const QByteArray& body);

// Each item of a page checked against its resource (an empty problem:
// valid) and, when valid, laid out for its table; tombstones need neither.
struct CheckedItems
{
    QStringList problems;
    QList<RowLayout::Row> rows;
};
CheckedItems checkItems(const ResourceType& type, const RowLayout& layout, const QJsonArray& items);

} // namespace workbench::sync
