#pragma once

#include <QSortFilterProxyModel>

namespace workbench {

// Sort by SortRole, filter by words typed against FilterRole (every word
// must match, case-insensitive); in trees a parent stays when a child
// matches.
class RecordFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RecordFilterProxy(QObject* parent = nullptr);

    void setFilterWords(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace workbench
