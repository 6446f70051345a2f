#include "TableSupport.h"

#include "Settings.h"
#include "dialogs/FileDialog.h"
#include "dialogs/MessageBox.h"
#include "export/Csv.h"
#include "export/ExportFile.h"
#include "itemmodels/ModelRoles.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <memory>

namespace workbench {

namespace {

// The view property setPersonalData() sets.
constexpr const char* kPersonalData = "workbenchExportsPersonalData";

bool isHidden(const QAbstractItemView* view, int column)
{
    if (auto t = qobject_cast<const QTableView*>(view))
        return t->isColumnHidden(column);
    if (auto t = qobject_cast<const QTreeView*>(view))
        return t->isColumnHidden(column);
    return false;
}

void collectRows(const QAbstractItemView* view, const QModelIndex& parent, QList<QModelIndex>* rows)
{
    const QAbstractItemModel* m = view->model();
    for (int r = 0; r < m->rowCount(parent); ++r) {
        const QModelIndex idx = m->index(r, 0, parent);
        rows->append(idx);
        auto tree = qobject_cast<const QTreeView*>(view);
        if (tree && m->hasChildren(idx))
            collectRows(view, idx, rows);
    }
}

} // namespace

QString TableSupport::visibleRowsAsCsv(const QAbstractItemView* view)
{
    const QAbstractItemModel* m = view->model();
    QStringList header;
    QList<int> columns;
    for (int c = 0; c < m->columnCount(); ++c) {
        if (isHidden(view, c))
            continue;
        columns << c;
        header << m->headerData(c, Qt::Horizontal).toString();
    }
    QList<QModelIndex> indexes;
    collectRows(view, {}, &indexes);
    QList<QStringList> rows;
    rows.reserve(indexes.size());
    for (const QModelIndex& row : std::as_const(indexes)) {
        QStringList cells;
        for (int c : std::as_const(columns))
            cells << row.siblingAtColumn(c).data().toString();
        rows << cells;
    }
    return csvDocument(header, rows);
}

QString TableSupport::selectionAsText(const QAbstractItemView* view)
{
    QModelIndexList selected = view->selectionModel()->selectedIndexes();
    std::sort(selected.begin(), selected.end(), [view](const QModelIndex& a, const QModelIndex& b) {
        const QRect ra = view->visualRect(a), rb = view->visualRect(b);
        return ra.y() != rb.y() ? ra.y() < rb.y() : a.column() < b.column();
    });
    // Pasted into a spreadsheet this is TSV: the same neutralising and
    // quoting as a CSV export.
    QStringList lines;
    QStringList row;
    int lastRowY = INT_MIN;
    for (const QModelIndex& idx : std::as_const(selected)) {
        if (isHidden(view, idx.column()))
            continue;
        const int y = view->visualRect(idx).y();
        if (lastRowY != INT_MIN && y != lastRowY) {
            lines << csvLine(row, u'\t');
            row.clear();
        }
        lastRowY = y;
        row << idx.data().toString();
    }
    if (lastRowY != INT_MIN)
        lines << csvLine(row, u'\t');
    return lines.join(u'\n');
}

void TableSupport::setPersonalData(QAbstractItemView* view)
{
    view->setProperty(kPersonalData, true);
}

Status TableSupport::exportVisibleRows(const QAbstractItemView* view, const QString& path)
{
    const FileAccess access =
        view->property(kPersonalData).toBool() ? FileAccess::OwnerOnly : FileAccess::Shared;
    return writeExportFile(path, visibleRowsAsCsv(view).toUtf8(), access);
}

void TableSupport::keepCurrentAcrossReloads(QAbstractItemView* view)
{
    QAbstractItemModel* model = view->model();
    if (!model)
        return;
    // Models that load lazily (the request queue) keep their place
    // themselves: a search of every row would defeat the laziness.
    constexpr int kLargest = 100000;
    auto saved = std::make_shared<QString>();
    QObject::connect(model, &QAbstractItemModel::modelAboutToBeReset, view, [view, saved] {
        *saved = view->currentIndex().data(RecordIdRole).toString();
    });
    QObject::connect(model, &QAbstractItemModel::modelReset, view, [view, saved] {
        QAbstractItemModel* m = view->model();
        if (saved->isEmpty() || m->rowCount() == 0 || m->rowCount() > kLargest)
            return;
        const QModelIndexList found = m->match(m->index(0, 0), RecordIdRole, *saved, 1,
                                               Qt::MatchExactly | Qt::MatchRecursive);
        if (found.isEmpty())
            return;
        view->selectionModel()->setCurrentIndex(found.first(), QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
        view->scrollTo(found.first());
    });
}

void TableSupport::install(QAbstractItemView* view, QHeaderView* header, const QString& settingsKey)
{
    keepCurrentAcrossReloads(view);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    if (auto t = qobject_cast<QTableView*>(view)) {
        t->setSortingEnabled(true);
        t->verticalHeader()->hide();
        t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
        t->setWordWrap(false);
    }
    if (auto t = qobject_cast<QTreeView*>(view)) {
        t->setSortingEnabled(true);
        t->setUniformRowHeights(true);
    }
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);

    auto copy = new QAction(QObject::tr("Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(copy, &QAction::triggered, view,
                     [view] { QApplication::clipboard()->setText(selectionAsText(view)); });
    auto exportCsv = new QAction(QObject::tr("Export visible rows to CSV…"), view);
    QObject::connect(exportCsv, &QAction::triggered, view, [view] {
        const QString path = FileDialog::saveFile(view, QObject::tr("Export visible rows"),
                                                  QString(), QObject::tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        if (auto s = exportVisibleRows(view, path); !s)
            MessageBox::critical(view, QObject::tr("Export failed"), s.error());
    });
    view->addAction(copy);
    view->addAction(exportCsv);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);

    // Column choice from the header's context menu.
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(header, &QHeaderView::customContextMenuRequested, header,
                     [header, view](const QPoint& pos) {
                         QMenu menu(header);
                         QAbstractItemModel* m = view->model();
                         for (int c = 0; c < m->columnCount(); ++c) {
                             QAction* a =
                                 menu.addAction(m->headerData(c, Qt::Horizontal).toString());
                             a->setCheckable(true);
                             a->setChecked(!header->isSectionHidden(c));
                             a->setEnabled(c != 0);
                             QObject::connect(a, &QAction::toggled, header, [header, c](bool on) {
                                 header->setSectionHidden(c, !on);
                             });
                         }
                         menu.exec(header->mapToGlobal(pos));
                     });

    // Remember the layout.
    const Setting<QByteArray> state(QStringLiteral("tables/%1/header").arg(settingsKey));
    const QByteArray saved = state.value();
    if (!saved.isEmpty())
        header->restoreState(saved);
    // Written a moment after the last change (a drag resizes a column many
    // times), and never in the middle of the officer's click.
    auto later = new QTimer(header);
    later->setSingleShot(true);
    later->setInterval(1500);
    QObject::connect(later, &QTimer::timeout, header,
                     [header, state] { state.setValue(header->saveState()); });
    QObject::connect(qApp, &QCoreApplication::aboutToQuit, later, [later, header, state] {
        if (later->isActive())
            state.setValue(header->saveState());
    });
    auto save = [later] {
        later->start();
    };
    QObject::connect(header, &QHeaderView::sectionResized, later, save);
    QObject::connect(header, &QHeaderView::sectionMoved, later, save);
    QObject::connect(header, &QHeaderView::sortIndicatorChanged, later, save);
}

} // namespace workbench
