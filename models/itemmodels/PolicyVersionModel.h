#pragma once

#include "domain/Records.h"

#include <QAbstractTableModel>

namespace workbench {

// An organization's policy versions, read-only, as the Policies page lists
// them: document, title, status and dates (a missing date sorts last).
class PolicyVersionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        DocumentColumn,
        TitleColumn,
        StatusColumn,
        PublishedColumn,
        EffectiveColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setVersions(QList<PolicyVersion> versions);
    const QList<PolicyVersion>& versions() const { return m_versions; }
    // The first column's index of the version with this id (invalid if none).
    QModelIndex indexOf(const QString& id) const;
    const PolicyVersion* version(const QModelIndex& index) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<PolicyVersion> m_versions;
};

} // namespace workbench
