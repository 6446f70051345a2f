#pragma once

#include "domain/Result.h"

#include <QAbstractItemView>
#include <QString>

class QHeaderView;
class QTreeView;

namespace workbench {

// What every table of the app does: sorting, copy of the selection (Ctrl+C)
// as tab-separated text, "Export visible rows to CSV…", a header menu to
// choose columns, column layout remembered under `settingsKey`, and the
// current record kept across reloads.
class TableSupport
{
public:
    static void install(QAbstractItemView* view, QHeaderView* header, const QString& settingsKey);
    // When the model reloads (a sync, another page's change), the record
    // that was current (RecordIdRole) is current again. Part of install().
    static void keepCurrentAcrossReloads(QAbstractItemView* view);

    // The view shows requesters' personal data (the request queue, the audit
    // log): its CSV export is created readable by the owner only (0600).
    static void setPersonalData(QAbstractItemView* view);

    // The rows the view shows, in its order, as RFC 4180 CSV (with a header),
    // cells neutralised against formula injection (export/Csv.h).
    static QString visibleRowsAsCsv(const QAbstractItemView* view);
    // "Export visible rows to CSV…" without the file dialog.
    static Status exportVisibleRows(const QAbstractItemView* view, const QString& path);
    // The selection as tab-separated lines, neutralised and quoted like CSV.
    static QString selectionAsText(const QAbstractItemView* view);
};

} // namespace workbench
