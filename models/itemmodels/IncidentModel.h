#pragma once

#include "services/IncidentService.h"

#include <QAbstractTableModel>

namespace workbench {

// The register of one organization's incidents, for the Incidents page:
// one row per incident with its soonest running clock (red under 24 hours
// or overdue, amber otherwise).
class IncidentModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Title,
        Jurisdiction,
        Aware,
        Risk,
        NextClock,
        Notified,
        Status,
        ColumnCount
    };

    explicit IncidentModel(Workspace& workspace, QObject* parent = nullptr);

    // Reads the incidents of `organizationId` again; the error when it fails.
    QString reload(const QString& organizationId);
    const Incident* incident(int row) const;
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Incident incident;
        std::optional<BreachClock> next; // the soonest running clock
        QString notified;                // when the authority was told
    };

    Workspace& m_workspace;
    QList<Row> m_rows;
};

} // namespace workbench
