#pragma once

#include "domain/Result.h"
#include "domain/Retention.h"
#include "storage/AuditLog.h"

#include <QCoreApplication>
#include <optional>

namespace workbench {

class Workspace;

// One person's retention schedule (retentionSchedule()) as it leaves the
// app for legal review: one column set for the window's CSV and the command
// line's `retention --deleted-on` (text, CSV, JSON), and the window's PDF.
class PersonScheduleExport
{
    Q_DECLARE_TR_FUNCTIONS(PersonScheduleExport)

public:
    // What the PDF says besides the steps.
    struct Document
    {
        QString organizationName;
        QDateTime deletion;
        QList<ScheduledAction> schedule;
        QDate madeOn = QDate::currentDate();
        std::optional<AuditHead> auditHead; // the closing line, when known
    };

    // when, limit, action, data_category, period, trigger, how, rule
    static QStringList header();
    // A step's cells, in the header's order; a time in ISO 8601 as given
    // (the window gives UTC).
    static QStringList row(const ScheduledAction& step);
    static QList<QStringList> rows(const QList<ScheduledAction>& schedule);
    static QString csv(const QList<ScheduledAction>& schedule);
    // The organization's rules and a date, nobody's identity: the umask
    // decides the file's mode, as for the annexes.
    static Status writeCsv(const QString& path, const QList<ScheduledAction>& schedule);

    // "2026-02-03 10:00 UTC at the latest", "no date": a step's time as the
    // window and the PDF show it.
    static QString whenText(const ScheduledAction& step);
    static QString html(const Document& document);
    // Written atomically; the audit head (when given) closes it.
    static Status writePdf(const QString& path, const Document& document);

    // The audit head of `workspace` now, for the PDF's closing line.
    static std::optional<AuditHead> auditHeadOf(const Workspace& workspace);
};

} // namespace workbench
