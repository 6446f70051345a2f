#pragma once

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QTableView;

namespace workbench {

class RecordFilterProxy;

// A table with type-to-filter above it and an empty state in its place
// when there is nothing to show: the building block of the list pages.
class FilteredTable : public QWidget
{
    Q_OBJECT

public:
    FilteredTable(QAbstractItemModel* model, const QString& name, const QString& filterHint,
                  const QString& emptyText, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    RecordFilterProxy* proxy() const { return m_proxy; }
    // The source row of the current row, or -1.
    QModelIndex currentSourceIndex() const;

signals:
    void currentChanged(const QModelIndex& sourceIndex);

private:
    void updateEmptyState();

    RecordFilterProxy* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_empty = nullptr;
};

// A page heading in the app's style.
QLabel* makeHeading(const QString& text);

} // namespace workbench
