#pragma once

#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace workbench {

// The registry (processors with their sub-processors), the organizations and
// the retention rules as they stood at the end of a chosen day in the
// officer's time zone, rebuilt from the audit log (storage's AuditHistory).
// The values are the types the current registry uses, so exports and item
// models take them unchanged.
//
// A day the log cannot answer for is refused with a message saying from
// which day on it can. Another audited kind joins in two lines: its
// resource in resources() and a reader like processors() below, through
// Workspace::recordsAsOf<T>().
class AsOfService
{
    Q_DECLARE_TR_FUNCTIONS(AsOfService)

public:
    explicit AsOfService(const Workspace& workspace,
                         const QTimeZone& zone = QTimeZone::systemTimeZone());

    // The record kinds an "as of" view shows (and that the log must cover).
    static QStringList resources();

    // The first day the log can answer for (invalid: the log is empty and
    // every day shows the current state).
    Result<QDate> earliestDay() const;
    // The end of `day`, or the refusal.
    Result<AsOfPoint> point(QDate day) const;

    Result<QList<Organization>> organizations(const AsOfPoint& point) const;
    // The processors of one organization (all with an empty id).
    Result<QList<Processor>> processors(const AsOfPoint& point,
                                        const QString& organizationId = {}) const;
    Result<QList<RetentionRule>> retentionRules(const AsOfPoint& point,
                                                const QString& organizationId) const;

    // One organization's processors at the end of `day` (what an export needs).
    Result<QList<Processor>> processors(QDate day, const QString& organizationId) const;

    // "as of 3 March 2026", for headings and banners.
    static QString asOfText(QDate day);

private:
    const Workspace& m_workspace;
    QTimeZone m_zone;
};

} // namespace workbench
