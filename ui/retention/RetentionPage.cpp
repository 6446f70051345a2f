#include "RetentionPage.h"

#include "PersonSchedulePanel.h"
#include "charts/RetentionTimeline.h"
#include "common/ChoicesDelegate.h"
#include "common/FilteredTable.h"
#include "common/Settings.h"
#include "common/Style.h"
#include "common/TableSupport.h"
#include "domain/Resources.h"
#include "domain/Retention.h"
#include "export/PersonScheduleExport.h"
#include "itemmodels/ModelRoles.h"
#include "itemmodels/RecordFilterProxy.h"
#include "itemmodels/RetentionRuleModel.h"
#include "storage/Workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <utility>

namespace workbench {

RetentionPage::RetentionPage(Workspace& workspace, QUndoStack& undoStack, QWidget* parent)
    : Page(parent)
    , m_workspace(workspace)
    , m_model(new RetentionRuleModel(workspace, undoStack, this))
    , m_proxy(new RecordFilterProxy(this))
{
    setObjectName(QStringLiteral("retentionPage"));
    m_proxy->setSourceModel(m_model);

    auto filter = new QLineEdit;
    filter->setObjectName(QStringLiteral("retentionFilter"));
    filter->setPlaceholderText(
        tr("Filter rules by category, system, processor, period or basis (Ctrl+F)"));
    filter->setClearButtonEnabled(true);
    m_add = new QPushButton(tr("&Add rule"));
    m_add->setObjectName(QStringLiteral("addRuleButton"));
    m_remove = new QPushButton(tr("&Remove rule"));
    m_remove->setObjectName(QStringLiteral("removeRuleButton"));
    auto top = new QHBoxLayout;
    top->addWidget(filter, 1);
    top->addWidget(m_add);
    top->addWidget(m_remove);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("retentionView"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new ChoicesDelegate(RetentionRuleModel::ChoicesRole, m_table));
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    TableSupport::install(m_table, m_table->horizontalHeader(), QStringLiteral("retention"));
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->resizeSection(RetentionRuleModel::DataCategoryColumn, 230);
    m_table->horizontalHeader()->resizeSection(RetentionRuleModel::PeriodColumn, 170);
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("retentionProblem"));
    Style::textColour(m_problem, Tone::Error);
    m_problem->setWordWrap(true);

    m_timeline = new RetentionTimeline;
    m_schedule = new PersonSchedulePanel;
    m_schedule->setAuditHeadSource(
        [this] { return PersonScheduleExport::auditHeadOf(m_workspace); });
    m_gaps = new QListWidget;
    m_gaps->setObjectName(QStringLiteral("retentionGaps"));
    m_gaps->setWordWrap(true);
    auto tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("retentionTabs"));
    tabs->addTab(m_timeline, tr("Timeline"));
    tabs->addTab(m_schedule, tr("One person after deletion"));
    tabs->addTab(m_gaps, tr("Gaps"));
    static const Setting<int> lastTab("retention/tab", 0);
    tabs->setCurrentIndex(std::clamp(lastTab.value(), 0, tabs->count() - 1));
    connect(tabs, &QTabWidget::currentChanged, this, [](int index) { lastTab.setValue(index); });

    auto tablePart = new QWidget;
    auto tableLayout = new QVBoxLayout(tablePart);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(top);
    tableLayout->addWidget(m_table, 1);
    tableLayout->addWidget(m_problem);
    auto splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(tablePart);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 400});

    auto layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(tr("Retention rules")));
    layout->addWidget(splitter, 1);

    connect(filter, &QLineEdit::textChanged, m_proxy, &RecordFilterProxy::setFilterWords);
    auto find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, filter, qOverload<>(&QWidget::setFocus));
    connect(m_add, &QPushButton::clicked, this, [this] { m_editWhenShown = m_model->addRule(); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
        if (current.isValid())
            m_model->removeRule(current.row());
    });
    connect(m_model, &RetentionRuleModel::editRefused, this, [this](const QString& reason) {
        m_problem->setText(reason);
        emit statusMessage(reason);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &RetentionPage::updateViews);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                m_timeline->setSelectedRule(current.data(RecordIdRole).toString());
                updateEditing();
            });
    connect(m_timeline, &RetentionTimeline::ruleClicked, this, &RetentionPage::selectRule);
    connect(m_gaps, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (item->data(Qt::UserRole + 1).toString() == resource::retentionRules)
            selectRule(item->data(Qt::UserRole).toString());
    });
    updateEditing();
}

void RetentionPage::updateEditing()
{
    // The table, timeline, one person's schedule (and its export) and the
    // gaps stay; adding, removing and editing rules go when read-only.
    m_model->setReadOnly(isReadOnly());
    m_add->setEnabled(!isReadOnly());
    m_remove->setEnabled(!isReadOnly() && m_table->currentIndex().isValid());
}

void RetentionPage::refresh()
{
    if (m_model->organization() != organizationId())
        m_model->setOrganization(organizationId());
}

void RetentionPage::updateViews()
{
    m_problem->clear();
    updateEditing();
    if (!m_editWhenShown.isEmpty() && m_model->rowOf(m_editWhenShown) >= 0) {
        // A rule just added: select it and start typing its category.
        const QString id = std::exchange(m_editWhenShown, QString());
        QTimer::singleShot(0, this, [this, id] {
            selectRule(id);
            m_table->edit(
                m_table->currentIndex().siblingAtColumn(RetentionRuleModel::DataCategoryColumn));
        });
    }
    const QList<RetentionRule>& rules = m_model->rules();
    m_timeline->setRules(rules);
    QString name = organizationId();
    if (auto orgs = m_workspace.organizations()) {
        for (const Organization& o : orgs.value())
            if (o.id == organizationId())
                name = o.name;
    }
    m_schedule->setRules(name, rules);
    m_gaps->clear();
    for (const RetentionGap& g : retentionGaps(rules, m_model->processors())) {
        auto item = new QListWidgetItem(g.text, m_gaps);
        item->setData(Qt::UserRole, g.recordId);
        item->setData(Qt::UserRole + 1, g.recordType);
    }
    if (m_gaps->count() == 0)
        new QListWidgetItem(tr("No gaps: every processor holding personal data has a rule, and "
                               "every rule has a period."),
                            m_gaps);
}

void RetentionPage::selectRule(const QString& ruleId)
{
    const int row = m_model->rowOf(ruleId);
    if (row < 0)
        return;
    const QModelIndex at = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->setCurrentIndex(at);
    m_table->scrollTo(at);
}

} // namespace workbench
