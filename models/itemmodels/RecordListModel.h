#pragma once

#include "ModelRoles.h"

#include <QAbstractTableModel>
#include <functional>

namespace workbench {

// A read-only table over a list of records, described by its columns: the
// header, what each cell shows, and (optionally) what it sorts by.
template <typename T> class RecordListModel : public QAbstractTableModel
{
public:
    struct Column
    {
        QString header;
        std::function<QVariant(const T&)> display;
        std::function<QVariant(const T&)> sortKey = {};
        std::function<QVariant(const T&)> foreground = {};
    };

    RecordListModel(QList<Column> columns, std::function<QString(const T&)> idOf,
                    QObject* parent = nullptr)
        : QAbstractTableModel(parent)
        , m_columns(std::move(columns))
        , m_idOf(std::move(idOf))
    {}

    void setRecords(QList<T> records)
    {
        beginResetModel();
        m_records = std::move(records);
        endResetModel();
    }
    const QList<T>& records() const { return m_records; }
    // The first column's index of the record with this id (invalid if none).
    QModelIndex indexOf(const QString& id) const
    {
        for (int row = 0; row < m_records.size(); ++row)
            if (m_idOf(m_records[row]) == id)
                return this->index(row, 0);
        return {};
    }
    const T* record(const QModelIndex& index) const
    {
        return index.isValid() && index.row() < m_records.size() ? &m_records[index.row()]
                                                                 : nullptr;
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_records.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_columns.size());
    }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override
    {
        const T* r = record(index);
        if (!r || index.column() >= m_columns.size())
            return {};
        const Column& c = m_columns[index.column()];
        switch (role) {
        case Qt::DisplayRole:
            return c.display(*r);
        case SortRole:
            return c.sortKey ? c.sortKey(*r) : QVariant(c.display(*r).toString().toLower());
        case Qt::ForegroundRole:
            return c.foreground ? c.foreground(*r) : QVariant();
        case RecordIdRole:
            return m_idOf(*r);
        default:
            return {};
        }
    }
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override
    {
        if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section < m_columns.size())
            return m_columns[section].header;
        return {};
    }

private:
    QList<Column> m_columns;
    std::function<QString(const T&)> m_idOf;
    QList<T> m_records;
};

} // namespace workbench
