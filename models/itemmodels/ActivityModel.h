#pragma once

#include "services/ActivityService.h"

#include <QAbstractTableModel>

namespace workbench {

// The processing activities of one organization, one row each, with what
// the record of processing shows of them (recipients by name, transfers by
// country, retention as periods). Read-only: the page edits through
// ActivityCommands. Reads again when activities, processors, rules or
// organizations change.
class ActivityModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        PurposesColumn,
        LegalBasisColumn,
        DataCategoriesColumn,
        RecipientsColumn,
        TransfersColumn,
        RetentionColumn,
        DpiaColumn,
        ColumnCount
    };

    ActivityModel(Workspace& workspace, QObject* parent = nullptr);

    void setOrganization(const QString& organizationId);
    QString organization() const { return m_organizationId; }

    const QList<ProcessingActivity>& activities() const { return m_activities; }
    // What the rows refer to, as read with them.
    const QList<Processor>& processors() const { return m_processors; }
    const QList<RetentionRule>& rules() const { return m_rules; }
    const ProcessingActivity* activity(const QString& id) const;
    QModelIndex indexOf(const QString& id) const;
    QString processorName(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    void reload();
    QString cellText(const ProcessingActivity& a, int column) const;

    Workspace& m_workspace;
    ActivityService m_service;
    QString m_organizationId;
    QList<ProcessingActivity> m_activities;
    QList<Processor> m_processors; // every processor (sub-processors may be another's)
    QList<RetentionRule> m_rules;
    bool m_reloadScheduled = false;
};

} // namespace workbench
