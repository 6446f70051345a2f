#include "PoliciesPage.h"

#include "DiffView.h"
#include "PolicyComparePanel.h"
#include "PolicyEditorPanel.h"
#include "common/FilteredTable.h"
#include "domain/Resources.h"
#include "itemmodels/PolicyVersionModel.h"
#include "itemmodels/RecordFilterProxy.h"
#include "storage/Workspace.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace workbench {

PoliciesPage::PoliciesPage(Workspace& workspace, QWidget* parent)
    : Page(parent)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("policiesPage"));
    m_model = new PolicyVersionModel(this);
    m_table = new FilteredTable(
        m_model, pageName(), tr("Filter versions (Ctrl+F)"),
        tr("No policy versions for this organization yet: New draft starts one."));
    auto layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(tr("Policy versions")));
    connect(&m_workspace, &Workspace::recordChanged, this, [this](const QString& resource) {
        if (resource == resource::policyVersions)
            requestRefresh();
    });

    m_editor = new PolicyEditorPanel(m_workspace, *m_model);
    m_compare = new PolicyComparePanel(m_workspace, *m_model, *m_editor);
    connect(m_editor, &PolicyEditorPanel::statusMessage, this, &Page::statusMessage);
    connect(m_compare, &PolicyComparePanel::statusMessage, this, &Page::statusMessage);
    connect(m_editor, &PolicyEditorPanel::openRecord, this, &PoliciesPage::openRecord);
    connect(m_editor, &PolicyEditorPanel::versionsChanged, this, [this](const QString& selectId) {
        reload();
        if (!selectId.isEmpty())
            selectVersion(selectId);
    });
    connect(m_editor, &PolicyEditorPanel::showRequested, this,
            [this] { m_tabs->setCurrentWidget(m_editor); });
    connect(m_compare, &PolicyComparePanel::showRequested, this,
            [this] { m_tabs->setCurrentWidget(m_compare); });

    // Actions on the selected version, then on the comparison.
    auto actions = new QHBoxLayout;
    for (QPushButton* b : m_editor->actions())
        actions->addWidget(b);
    actions->addStretch(1);
    for (QPushButton* b : m_compare->actions())
        actions->addWidget(b);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("policyTabs"));
    m_tabs->addTab(m_editor, tr("&Text and lint"));
    m_tabs->addTab(m_compare, tr("&Compare"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == m_tabs->indexOf(m_compare))
            m_compare->ensureCompared();
    });

    m_table->view()->setMaximumHeight(200);
    auto splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    auto lower = new QWidget;
    auto lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addLayout(actions);
    lowerLayout->addWidget(m_tabs, 1);
    splitter->addWidget(lower);
    splitter->setStretchFactor(1, 4);
    layout->addWidget(splitter, 1);

    connect(m_table, &FilteredTable::currentChanged, this, [this](const QModelIndex& index) {
        saveNow();
        showVersion(m_model->version(index));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_compare->fillSources();
        updateEditing();
        if (!selectVersion(currentVersionId()) && m_model->rowCount() > 0)
            m_table->view()->selectRow(0);
        if (m_model->rowCount() == 0)
            showVersion(nullptr);
    });
    updateEditing();
}

QString PoliciesPage::title() const
{
    return tr("Policies");
}

QString PoliciesPage::currentVersionId() const
{
    return m_editor->currentVersionId();
}

DiffView* PoliciesPage::diffView() const
{
    return m_compare->diffView();
}

QPlainTextEdit* PoliciesPage::editor() const
{
    return m_editor->editor();
}

QTreeWidget* PoliciesPage::lintPanel() const
{
    return m_editor->lintPanel();
}

void PoliciesPage::saveNow()
{
    m_editor->saveNow();
}

void PoliciesPage::compare(const QString& oldSource, const QString& newSource)
{
    m_compare->compare(oldSource, newSource);
}

void PoliciesPage::refresh()
{
    saveNow();
    reload();
}

void PoliciesPage::reload()
{
    m_editor->setOrganization(organizationId());
    auto versions = m_workspace.policyVersions(organizationId());
    m_model->setVersions(versions ? versions.value() : QList<PolicyVersion>());
    if (!versions)
        emit statusMessage(versions.error());
}

void PoliciesPage::hideEvent(QHideEvent* event)
{
    saveNow();
    Page::hideEvent(event);
}

bool PoliciesPage::selectVersion(const QString& id)
{
    const QModelIndex source = m_model->indexOf(id);
    if (!source.isValid())
        return false;
    const QModelIndex at = m_table->proxy()->mapFromSource(source);
    if (!at.isValid())
        return false;
    m_table->view()->setCurrentIndex(at);
    m_table->view()->selectRow(at.row());
    showVersion(m_model->version(source));
    return true;
}

void PoliciesPage::showVersion(const PolicyVersion* version)
{
    if (m_editor->showVersion(version)) {
        // Another version: compare it with the one before it.
        m_compare->chooseVersion(m_editor->currentVersionId());
        if (m_tabs->currentWidget() == m_compare)
            m_compare->compareSelected();
        else
            m_compare->clear();
    }
    updateEditing();
}

void PoliciesPage::updateEditing()
{
    // Reading, linting, comparing, exporting and printing stay; drafting and
    // publishing go when the workspace is read-only.
    m_editor->updateEditing(!isReadOnly());
    m_compare->updateActions();
}

} // namespace workbench
