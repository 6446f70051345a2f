#include "DiffRowsModel.h"

#include <algorithm>

namespace workbench {

void DiffRowsModel::setDiff(diff::Result diff)
{
    beginResetModel();
    m_diff = std::move(diff);
    endResetModel();
}

int DiffRowsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_diff.rows.size());
}

int DiffRowsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DiffRowsModel::cellText(int row, bool left) const
{
    const diff::Row& r = m_diff.rows[size_t(row)];
    const int line = left ? r.oldLine : r.newLine;
    if (line < 0)
        return {};
    QStringView text = left ? m_diff.oldLineText(line) : m_diff.newLineText(line);
    if (text.endsWith(u'\n'))
        text.chop(1);
    if (text.endsWith(u'\r'))
        text.chop(1);
    return text.toString();
}

QList<diff::Span> DiffRowsModel::highlights(int row, bool left) const
{
    const diff::Row& r = m_diff.rows[size_t(row)];
    const diff::Span* spans = left ? m_diff.oldSpansOf(r) : m_diff.newSpansOf(r);
    const quint32 n = left ? r.oldSpans : r.newSpans;
    return QList<diff::Span>(spans, spans + n);
}

QVariant DiffRowsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const diff::Row& r = m_diff.rows[size_t(index.row())];
    const bool left = index.column() <= OldText;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == OldNumber)
            return r.oldLine >= 0 ? QVariant(r.oldLine + 1) : QVariant();
        if (index.column() == NewNumber)
            return r.newLine >= 0 ? QVariant(r.newLine + 1) : QVariant();
        return cellText(index.row(), left);
    case Qt::TextAlignmentRole:
        if (index.column() == OldNumber || index.column() == NewNumber)
            return int(Qt::AlignRight | Qt::AlignTop);
        return int(Qt::AlignLeft | Qt::AlignTop);
    case KindRole: {
        static const char* names[] = {"same", "changed", "deleted", "inserted"};
        return QString::fromLatin1(names[int(r.kind)]);
    }
    case HighlightsRole: {
        QStringList words;
        const QString text = cellText(index.row(), left);
        for (const diff::Span& s : highlights(index.row(), left))
            words << text.mid(s.pos, s.length);
        return words;
    }
    default:
        return {};
    }
}

QVariant DiffRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OldText:
        return tr("Old");
    case NewText:
        return tr("New");
    default:
        return QString();
    }
}

int DiffRowsModel::nextChange(int row) const
{
    const auto it = std::upper_bound(m_diff.blocks.begin(), m_diff.blocks.end(), row);
    return it == m_diff.blocks.end() ? -1 : *it;
}

int DiffRowsModel::previousChange(int row) const
{
    auto it = std::lower_bound(m_diff.blocks.begin(), m_diff.blocks.end(), row);
    if (it == m_diff.blocks.begin())
        return -1;
    return *std::prev(it);
}

} // namespace workbench
