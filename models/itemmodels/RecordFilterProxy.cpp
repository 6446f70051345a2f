#include "RecordFilterProxy.h"

#include "ModelRoles.h"

namespace workbench {

RecordFilterProxy::RecordFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setRecursiveFilteringEnabled(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void RecordFilterProxy::setFilterWords(const QString& text)
{
    m_words = text.split(u' ', Qt::SkipEmptyParts);
    invalidateFilter();
}

bool RecordFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    QString haystack = idx.data(FilterRole).toString();
    if (haystack.isEmpty()) {
        for (int c = 0; c < sourceModel()->columnCount(sourceParent); ++c)
            haystack += u' ' + sourceModel()->index(sourceRow, c, sourceParent).data().toString();
    }
    for (const QString& w : m_words) {
        if (!haystack.contains(w, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace workbench
