#include "RequestsPage.h"

#include "DeadlineRulesDialog.h"
#include "RequestDetailPane.h"
#include "charts/RequestCharts.h"
#include "common/FilteredTable.h"
#include "common/Settings.h"
#include "common/TableSupport.h"
#include "domain/Resources.h"
#include "itemmodels/ModelRoles.h"
#include "itemmodels/RequestQueueModel.h"
#include "services/RequestService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace workbench {

namespace {

template <typename E> QComboBox* enumCombo(const QString& name, const QString& anyText)
{
    auto combo = new QComboBox;
    combo->setObjectName(name);
    combo->addItem(anyText, QString());
    for (const auto& e : EnumTraits<E>::entries)
        combo->addItem(displayLabel(e.value), QString::fromLatin1(e.wire));
    return combo;
}

} // namespace

RequestsPage::RequestsPage(Workspace& workspace, QUndoStack& undoStack, QWidget* parent)
    : Page(parent)
    , m_workspace(workspace)
    , m_service(new RequestService(workspace, this))
    , m_model(new RequestQueueModel(workspace, this))
{
    setObjectName(QStringLiteral("requestsPage"));

    m_status = new QComboBox;
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("Open"), QStringLiteral("open"));
    m_status->addItem(tr("All statuses"), QStringLiteral("all"));
    for (const auto& e : EnumTraits<RequestStatus>::entries)
        m_status->addItem(displayLabel(e.value), QString::fromLatin1(e.wire));
    m_type = enumCombo<RequestType>(QStringLiteral("typeFilter"), tr("All types"));
    m_jurisdiction =
        enumCombo<Jurisdiction>(QStringLiteral("jurisdictionFilter"), tr("All jurisdictions"));
    m_assignee = new QComboBox;
    m_assignee->setObjectName(QStringLiteral("assigneeFilter"));
    m_overdue = new QCheckBox(tr("&Overdue"));
    m_overdue->setObjectName(QStringLiteral("overdueFilter"));
    m_dueThisWeek = new QCheckBox(tr("Due this &week"));
    m_dueThisWeek->setObjectName(QStringLiteral("dueThisWeekFilter"));
    m_allOrganizations = new QCheckBox(tr("All organizations"));
    m_allOrganizations->setObjectName(QStringLiteral("allOrganizationsFilter"));
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("requestSearch"));
    m_search->setPlaceholderText(tr("Search id, e-mail or name (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("requestCount"));
    fillAssignees();

    auto filters = new QHBoxLayout;
    for (QComboBox* c : {m_status, m_type, m_jurisdiction, m_assignee}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(9);
        filters->addWidget(c, 1);
    }
    auto rulesButton = new QPushButton(tr("Deadline &rules…"));
    rulesButton->setObjectName(QStringLiteral("deadlineRulesButton"));
    rulesButton->setToolTip(
        tr("The deadline rule of each jurisdiction, and this organization's holidays"));
    filters->addWidget(rulesButton);
    connect(rulesButton, &QPushButton::clicked, this, [this] {
        auto orgs = m_workspace.organizations();
        QString name = organizationId();
        if (orgs) {
            for (const Organization& o : orgs.value())
                if (o.id == organizationId())
                    name = o.name;
        }
        DeadlineRulesDialog dialog(m_service->deadlineRules(), organizationId(), name, this);
        if (isReadOnly())
            dialog.makeReadOnly();
        dialog.exec();
    });
    auto searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_overdue, m_dueThisWeek, m_allOrganizations, m_count})
        searchRow->addWidget(w);

    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("requestQueue"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    TableSupport::install(m_view, m_view->horizontalHeader(), QStringLiteral("requests"));
    TableSupport::setPersonalData(m_view); // the requester's name and e-mail
    m_view->horizontalHeader()->setSortIndicator(RequestQueueModel::DaysLeftColumn,
                                                 Qt::AscendingOrder);
    m_view->horizontalHeader()->setDefaultSectionSize(92);
    m_view->setColumnHidden(RequestQueueModel::OrganizationColumn, true);
    m_view->horizontalHeader()->resizeSection(RequestQueueModel::IdColumn, 80);
    m_view->horizontalHeader()->resizeSection(RequestQueueModel::JurisdictionColumn, 80);
    m_view->horizontalHeader()->resizeSection(RequestQueueModel::RequesterColumn, 120);

    m_detail = new RequestDetailPane(*m_service, undoStack);
    auto detailScroll = new QScrollArea;
    detailScroll->setWidget(m_detail);
    detailScroll->setWidgetResizable(true);
    auto tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("requestTabs"));
    tabs->addTab(detailScroll, tr("Request"));
    // The charts are built the first time their tab is opened.
    auto chartsHolder = new QWidget;
    chartsHolder->setLayout(new QVBoxLayout);
    chartsHolder->layout()->setContentsMargins(0, 0, 0, 0);
    tabs->addTab(chartsHolder, tr("Charts"));
    static const Setting<int> lastTab("requests/tab", 0);
    connect(tabs, &QTabWidget::currentChanged, this, [this, tabs, chartsHolder](int index) {
        lastTab.setValue(index);
        if (tabs->widget(index) != chartsHolder || m_charts)
            return;
        m_charts = new RequestCharts;
        chartsHolder->layout()->addWidget(m_charts);
        m_charts->setStats(m_model->stats());
    });
    tabs->setMinimumWidth(400);

    tabs->setCurrentIndex(std::clamp(lastTab.value(), 0, tabs->count() - 1));
    auto left = new QWidget;
    auto leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filters);
    leftLayout->addLayout(searchRow);
    leftLayout->addWidget(m_view, 1);
    auto splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({700, 440});

    auto layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(tr("Rights requests")));
    layout->addWidget(splitter, 1);

    for (QComboBox* c : {m_status, m_type, m_jurisdiction, m_assignee})
        connect(c, &QComboBox::currentIndexChanged, this, &RequestsPage::applyFilter);
    for (QCheckBox* c : {m_overdue, m_dueThisWeek, m_allOrganizations})
        connect(c, &QCheckBox::toggled, this, &RequestsPage::applyFilter);
    // Typing waits a moment, so a search runs once per pause, not per key.
    auto typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
    connect(typing, &QTimer::timeout, this, &RequestsPage::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, [this, typing] {
        typing->stop();
        applyFilter();
    });
    auto find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, m_search, qOverload<>(&QWidget::setFocus));

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const QString id = current.data(RecordIdRole).toString();
                if (id.isEmpty() || id == m_selectedId)
                    return;
                m_selectedId = id;
                m_detail->setRequest(id);
            });
    connect(m_model, &RequestQueueModel::firstPageLoaded, this, [this] {
        updateCount();
        const int row = m_model->rowOf(m_selectedId);
        if (row >= 0)
            m_view->selectRow(row);
        else if (m_selectedId.isEmpty() && m_model->rowCount() > 0)
            m_view->selectRow(0);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &RequestsPage::updateCount);
    connect(m_model, &RequestQueueModel::countLoaded, this, &RequestsPage::updateCount);
    connect(m_model, &RequestQueueModel::assigneesLoaded, this, &RequestsPage::fillAssignees);
    connect(m_model, &RequestQueueModel::statsLoaded, this, [this] {
        if (m_charts)
            m_charts->setStats(m_model->stats());
    });
    connect(m_model, &RequestQueueModel::loadFailed, this, &Page::statusMessage);
    connect(&m_workspace, &Workspace::recordChanged, this,
            [this](const QString& changed, const QString& id) {
                if ((changed == resource::rightsRequests && id == m_detail->requestId()) ||
                    changed == resource::deadlineRules || changed == resource::holidays ||
                    changed == resource::processors)
                    m_detail->reload();
            });
}

RequestsPage::~RequestsPage() = default;

void RequestsPage::updateEditing()
{
    // The queue, its filters, the charts and the deadline rules (read only)
    // stay; every action on a request goes when the workspace is read-only.
    m_detail->setReadOnly(isReadOnly());
}

void RequestsPage::refresh()
{
    applyFilter();
}

void RequestsPage::applyFilter()
{
    RequestQueueFilter f;
    f.organizationId = m_allOrganizations->isChecked() ? QString() : organizationId();
    m_view->setColumnHidden(RequestQueueModel::OrganizationColumn,
                            !m_allOrganizations->isChecked());
    const QString status = m_status->currentData().toString();
    if (status == u"all") {
        f.statusFilter = RequestQueueFilter::StatusFilter::All;
    } else if (status != u"open") {
        f.statusFilter = RequestQueueFilter::StatusFilter::Only;
        f.status = fromWire<RequestStatus>(status).value_or(RequestStatus::New);
    }
    if (!m_type->currentData().toString().isEmpty())
        f.type = fromWire<RequestType>(m_type->currentData().toString());
    if (!m_jurisdiction->currentData().toString().isEmpty())
        f.jurisdiction = fromWire<Jurisdiction>(m_jurisdiction->currentData().toString());
    if (m_assignee->currentIndex() > 0)
        f.assignee = m_assignee->currentData().toString();
    f.overdue = m_overdue->isChecked();
    f.dueThisWeek = m_dueThisWeek->isChecked();
    f.search = m_search->text();
    f.today = m_service->now().date();
    m_model->setFilter(f);
}

void RequestsPage::updateCount()
{
    m_count->setText(m_model->isLoading()
                         ? tr("Loading…")
                         : tr("%L1 request(s)")
                               .arg(m_model->rowCount())
                               .replace(QStringLiteral("(s)"), m_model->rowCount() == 1
                                                                   ? QString()
                                                                   : QStringLiteral("s")));
}

void RequestsPage::fillAssignees()
{
    const QString current = m_assignee->currentData().toString();
    const int currentIndex = m_assignee->currentIndex();
    QSignalBlocker block(m_assignee);
    m_assignee->clear();
    m_assignee->addItem(tr("Anyone"), QString());
    m_assignee->addItem(tr("Unassigned"), QString());
    for (const QString& name : m_model->assignees())
        m_assignee->addItem(name, name);
    m_assignee->setCurrentIndex(currentIndex <= 1 ? std::max(0, currentIndex)
                                                  : std::max(0, m_assignee->findData(current)));
}

void RequestsPage::openRequest(const QString& id)
{
    m_selectedId = id;
    m_detail->setRequest(id);
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->selectRow(row);
}

} // namespace workbench
