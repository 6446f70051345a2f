#pragma once

#include "policy/TextDiff.h"

#include <QAbstractTableModel>

namespace workbench {

// The rows of a side-by-side comparison: old line number and text on the
// left, new on the right. Views paint the word highlights from diff().
class DiffRowsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        OldNumber,
        OldText,
        NewNumber,
        NewText,
        ColumnCount
    };
    enum Role
    {
        KindRole = Qt::UserRole + 40, // QString: same, changed, deleted, inserted
        HighlightsRole,               // QStringList: the highlighted words of the cell
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setDiff(diff::Result diff);
    const diff::Result& diff() const { return m_diff; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The text of one side of a row without its line end (empty if the row
    // has no line on that side), and its highlights.
    QString cellText(int row, bool left) const;
    QList<diff::Span> highlights(int row, bool left) const;

    // The first row of the next / previous run of changes after / before
    // `row`, or -1.
    int nextChange(int row) const;
    int previousChange(int row) const;

private:
    diff::Result m_diff;
};

} // namespace workbench
