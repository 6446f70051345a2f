#include "FilteredTable.h"

#include "TableSupport.h"
#include "common/Style.h"
#include "itemmodels/RecordFilterProxy.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace workbench {

QLabel* makeHeading(const QString& text)
{
    auto heading = new QLabel(text);
    Style::heading(heading);
    return heading;
}

FilteredTable::FilteredTable(QAbstractItemModel* model, const QString& name,
                             const QString& filterHint, const QString& emptyText, QWidget* parent)
    : QWidget(parent)
    , m_proxy(new RecordFilterProxy(this))
{
    setObjectName(name + QStringLiteral("Table"));
    m_proxy->setSourceModel(model);
    m_filter = new QLineEdit;
    m_filter->setObjectName(name + QStringLiteral("Filter"));
    m_filter->setPlaceholderText(filterHint);
    m_filter->setClearButtonEnabled(true);
    m_view = new QTableView;
    m_view->setObjectName(name + QStringLiteral("View"));
    m_view->setModel(m_proxy);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    TableSupport::install(m_view, m_view->horizontalHeader(), name);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    m_empty = Style::emptyStateLabel(emptyText);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &RecordFilterProxy::setFilterWords);
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) { emit currentChanged(m_proxy->mapToSource(current)); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &FilteredTable::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &FilteredTable::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &FilteredTable::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &FilteredTable::updateEmptyState);
    auto find =
        new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, m_filter, qOverload<>(&QWidget::setFocus));
    updateEmptyState();
}

QModelIndex FilteredTable::currentSourceIndex() const
{
    return m_proxy->mapToSource(m_view->currentIndex());
}

void FilteredTable::updateEmptyState()
{
    const bool empty = m_proxy->rowCount() == 0;
    const bool filtered = !m_filter->text().isEmpty();
    m_view->setVisible(!empty || filtered);
    m_empty->setVisible(empty && !filtered);
}

} // namespace workbench
