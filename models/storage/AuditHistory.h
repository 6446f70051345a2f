#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QTimeZone>

namespace workbench {

class Database;

// The moment an "as of" view stands at: the end of a day in the officer's
// time zone, and the first audit entry after it.
struct AsOfPoint
{
    QDate day;
    QDateTime cutoff; // the first instant after `day` (UTC); entries from here on are undone
    qint64 firstSeqAfter = 0; // the first entry at or after the cutoff (head + 1: none)
    QStringList resources;    // the record kinds checked for it
    QTimeZone zone;           // the officer's, in which `day` is a day
};

// The states of one record kind at an AsOfPoint, from the audit log's
// before/after records: the records that changed after the point, each with
// the state it had then (nothing: it did not exist). Records not named did
// not change after the point; their current state is theirs then.
struct AsOfStates
{
    QHash<QString, std::optional<QJsonObject>> changed;
};

// Rebuilds records as they stood at the end of a day by walking back from
// the current state: for each record changed after the cut-off, the "before"
// of its first entry after it is its state then. That reads one entry per
// changed record (through the index on record type and id), however long
// the log after the point is. It relies on what the log guarantees: every
// change through the app writes its record's before and after, and entry
// times never go back (AuditLog::append), so the cut-off is found by
// bisecting the sequence.
//
// It refuses a day the log cannot answer for: before the log's first entry
// (or, for a workspace that kept no record states at first, before they
// were kept), or before a change recorded without states (a sync's batch
// write, records written by the demo or an import of old data).
class AuditHistory
{
    Q_DECLARE_TR_FUNCTIONS(AuditHistory)

public:
    explicit AuditHistory(const Database& db)
        : m_db(db)
    {}

    // The first day whose end the log can rebuild `resources` for (in `zone`),
    // or an invalid date when the log is empty (every day then shows today's
    // state: nothing ever changed through the app).
    Result<QDate> earliestDay(const QStringList& resources, const QTimeZone& zone) const;

    // The point at the end of `day`, or an error saying from which day on
    // the log can answer.
    Result<AsOfPoint> point(QDate day, const QTimeZone& zone, const QStringList& resources) const;

    // The records of `resource` changed after `point` and their states then.
    Result<AsOfStates> states(const AsOfPoint& point, const QString& resource) const;

    // "3 March 2026" (what banners and headings say).
    static QString dayText(QDate day);

private:
    Result<qint64> firstSeqAtOrAfter(const QDateTime& cutoff, qint64 head) const;

    const Database& m_db;
};

} // namespace workbench
