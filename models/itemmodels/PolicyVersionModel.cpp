#include "PolicyVersionModel.h"

#include "ModelRoles.h"

#include <QCoreApplication>
#include <QLocale>

namespace workbench {

namespace {

// The headers' translation context (the catalogues know it by this name).
struct RecordTables
{
    Q_DECLARE_TR_FUNCTIONS(RecordTables)
};

QString dateText(QDate d)
{
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : QString();
}

} // namespace

void PolicyVersionModel::setVersions(QList<PolicyVersion> versions)
{
    beginResetModel();
    m_versions = std::move(versions);
    endResetModel();
}

QModelIndex PolicyVersionModel::indexOf(const QString& id) const
{
    for (int row = 0; row < m_versions.size(); ++row)
        if (m_versions[row].id == id)
            return index(row, 0);
    return {};
}

const PolicyVersion* PolicyVersionModel::version(const QModelIndex& index) const
{
    return index.isValid() && index.row() < m_versions.size() ? &m_versions[index.row()] : nullptr;
}

int PolicyVersionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int PolicyVersionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PolicyVersionModel::data(const QModelIndex& index, int role) const
{
    const PolicyVersion* v = version(index);
    if (!v)
        return {};
    switch (role) {
    case RecordIdRole:
        return v->id;
    case SortRole:
        if (index.column() == PublishedColumn || index.column() == EffectiveColumn) {
            const QDate d = index.column() == PublishedColumn ? v->publishedOn : v->effectiveOn;
            return d.isValid() ? d : QDate(9999, 12, 31);
        }
        return data(index, Qt::DisplayRole).toString().toLower();
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case DocumentColumn:
            return v->document;
        case TitleColumn:
            return v->title;
        case StatusColumn:
            return displayLabel(v->status);
        case PublishedColumn:
            return dateText(v->publishedOn);
        case EffectiveColumn:
            return dateText(v->effectiveOn);
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant PolicyVersionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case DocumentColumn:
        return RecordTables::tr("Document");
    case TitleColumn:
        return RecordTables::tr("Title");
    case StatusColumn:
        return RecordTables::tr("Status");
    case PublishedColumn:
        return RecordTables::tr("Published");
    case EffectiveColumn:
        return RecordTables::tr("Effective");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace workbench
