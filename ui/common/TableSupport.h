#pragma once

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

    // The rows the view shows, in its order, as RFC 4180 CSV (with a header).
    static QString visibleRowsAsCsv(const QAbstractItemView* view);
    static QString selectionAsText(const QAbstractItemView* view);
};

} // namespace workbench
