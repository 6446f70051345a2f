#pragma once

#include "domain/Retention.h"
#include "storage/AuditLog.h"

#include <QWidget>
#include <functional>

class QCheckBox;
class QDateEdit;
class QDateTimeEdit;
class QLabel;
class QTreeWidget;

namespace workbench {
class RetentionTimeline;
}

namespace workbench {

// "What happens to one person's data": pick the account-deletion date (and
// optionally the last transaction); the dated steps the organization's
// rules lead to, exportable as CSV and PDF for legal review.
class PersonSchedulePanel : public QWidget
{
    Q_OBJECT

public:
    explicit PersonSchedulePanel(QWidget* parent = nullptr);

    void setRules(const QString& organizationName, const QList<RetentionRule>& rules);
    void setDeletion(const QDateTime& when);
    QList<ScheduledAction> schedule() const { return m_schedule; }

    // The files PersonScheduleExport writes; false with the reason.
    bool exportCsv(const QString& path, QString* error) const;
    bool exportPdf(const QString& path, QString* error) const;
    // Where the PDF's closing line (the audit head) comes from, read when
    // the PDF is written.
    void setAuditHeadSource(std::function<std::optional<AuditHead>()> source);

private:
    void recompute();

    QString m_organizationName;
    QList<RetentionRule> m_rules;
    QList<ScheduledAction> m_schedule;
    QDateTimeEdit* m_deletion = nullptr;
    QCheckBox* m_hasTransaction = nullptr;
    QDateEdit* m_lastTransaction = nullptr;
    QTreeWidget* m_steps = nullptr;
    RetentionTimeline* m_timeline = nullptr;
    std::function<std::optional<AuditHead>()> m_auditHead;
};

} // namespace workbench
