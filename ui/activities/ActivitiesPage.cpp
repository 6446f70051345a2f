#include "ActivitiesPage.h"

#include "ActivityDetailPane.h"
#include "OrganizationDialog.h"
#include "common/FilteredTable.h"
#include "common/Style.h"
#include "dialogs/MessageBox.h"
#include "itemmodels/ActivityCommands.h"
#include "itemmodels/ActivityModel.h"
#include "itemmodels/ModelRoles.h"
#include "itemmodels/RecordFilterProxy.h"
#include "storage/Workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace workbench {

ActivitiesPage::ActivitiesPage(Workspace& workspace, QUndoStack& undoStack, QWidget* parent)
    : Page(parent)
    , m_workspace(workspace)
    , m_undoStack(undoStack)
    , m_service(std::make_unique<ActivityService>(workspace))
    , m_model(new ActivityModel(workspace, this))
{
    setObjectName(QStringLiteral("activitiesPage"));
    m_table = new FilteredTable(
        m_model, QStringLiteral("activities"),
        tr("Filter by name, purpose, data, recipient, country or system (Ctrl+F)"),
        tr("No processing activities recorded for this organization yet.\n"
           "Add one with Ctrl+N: what you do with personal data, why, and who receives it."));
    QTableView* view = m_table->view();
    view->sortByColumn(ActivityModel::NameColumn, Qt::AscendingOrder);
    view->horizontalHeader()->resizeSection(ActivityModel::NameColumn, 220);
    view->horizontalHeader()->resizeSection(ActivityModel::PurposesColumn, 240);

    m_add = new QPushButton(tr("&Add activity"));
    m_add->setObjectName(QStringLiteral("addActivityButton"));
    m_add->setToolTip(tr("Add a processing activity to this organization (Ctrl+N)"));
    m_remove = new QPushButton(tr("&Remove…"));
    m_remove->setObjectName(QStringLiteral("removeActivityButton"));
    m_remove->setToolTip(tr("Remove the selected activity from the record (Ctrl+Z undoes it)"));
    m_organization = new QPushButton(tr("&Organization…"));
    m_organization->setObjectName(QStringLiteral("organizationButton"));
    m_organization->setToolTip(
        tr("The controller, its representative, its DPO and the supervisory authority"));
    auto top = new QHBoxLayout;
    top->addStretch(1);
    top->addWidget(m_add);
    top->addWidget(m_remove);
    top->addWidget(m_organization);

    m_detail = new ActivityDetailPane;
    auto scroll = new QScrollArea;
    scroll->setWidget(m_detail);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(420);

    auto splitter = new QSplitter;
    splitter->addWidget(m_table);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({700, 500});

    auto layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(tr("Processing activities")));
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_table, &FilteredTable::currentChanged, this, [this](const QModelIndex& source) {
        if (!source.isValid())
            return;
        m_selectedId = source.data(RecordIdRole).toString();
        showSelected();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // A new activity is selected once it is read (the table would keep
        // the row that was current); else the one that was selected.
        if (!m_pendingId.isEmpty() && selectActivity(m_pendingId)) {
            m_pendingId.clear();
            m_detail->focusName();
            return;
        }
        if (selectActivity(m_selectedId))
            return;
        const QModelIndex first = m_table->proxy()->index(0, 0);
        if (first.isValid()) {
            selectActivity(first.data(RecordIdRole).toString());
        } else {
            m_selectedId.clear();
            showSelected();
        }
    });
    connect(m_model, &ActivityModel::loadFailed, this, [this](const QString& message) {
        MessageBox::critical(this, tr("Cannot read the activities"), message);
    });
    connect(m_detail, &ActivityDetailPane::applyRequested, this, &ActivitiesPage::applyEdit);
    connect(m_add, &QPushButton::clicked, this, &ActivitiesPage::addActivity);
    connect(m_remove, &QPushButton::clicked, this, &ActivitiesPage::removeSelected);
    connect(m_organization, &QPushButton::clicked, this,
            [this] { makeOrganizationDialog()->open(); });
    auto addShortcut =
        new QShortcut(QKeySequence::New, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(addShortcut, &QShortcut::activated, m_add, &QPushButton::click);
    updateEditing();
}

ActivitiesPage::~ActivitiesPage() = default;

void ActivitiesPage::refresh()
{
    if (m_model->organization() != organizationId())
        m_model->setOrganization(organizationId());
}

bool ActivitiesPage::selectActivity(const QString& id)
{
    if (id.isEmpty())
        return false;
    const QModelIndex at = m_table->proxy()->mapFromSource(m_model->indexOf(id));
    if (!at.isValid())
        return false;
    m_selectedId = id;
    m_table->view()->setCurrentIndex(at);
    m_table->view()->scrollTo(at);
    showSelected();
    return true;
}

void ActivitiesPage::showSelected()
{
    QList<Processor> own;
    for (const Processor& p : m_model->processors())
        if (p.organizationIds.contains(m_model->organization()))
            own << p;
    m_detail->setActivity(m_model->activity(m_selectedId), own, m_model->processors(),
                          m_model->rules());
    updateEditing();
}

void ActivitiesPage::updateEditing()
{
    const bool editable = !isReadOnly();
    m_add->setEnabled(editable && !m_model->organization().isEmpty());
    m_remove->setEnabled(editable && m_model->activity(m_selectedId));
    m_organization->setEnabled(!m_model->organization().isEmpty());
    m_detail->setReadOnly(isReadOnly());
}

void ActivitiesPage::applyEdit()
{
    const ProcessingActivity* current = m_model->activity(m_detail->activityId());
    if (!current || isReadOnly())
        return;
    const ProcessingActivity edited = m_detail->edited();
    if (edited == *current)
        return;
    auto command = makeSaveActivityCommand(*m_service, *current, edited);
    if (!command) {
        m_detail->showProblem(command.error());
        return;
    }
    m_undoStack.push(command.value());
    emit statusMessage(tr("Saved %1. Ctrl+Z undoes it.").arg(edited.name));
}

void ActivitiesPage::addActivity()
{
    if (m_model->organization().isEmpty() || isReadOnly())
        return;
    const ProcessingActivity a =
        ActivityService::draft(m_model->organization(), tr("New processing activity"));
    auto command = makeSaveActivityCommand(*m_service, std::nullopt, a);
    if (!command) {
        MessageBox::critical(this, tr("Cannot add the activity"), command.error());
        return;
    }
    m_table->filterEdit()->clear();
    // The model reads the change on the next turn of the event loop; its
    // reset selects the new activity and puts the cursor in its name.
    m_pendingId = a.id;
    m_undoStack.push(command.value());
}

void ActivitiesPage::removeSelected()
{
    const ProcessingActivity* current = m_model->activity(m_selectedId);
    if (!current || isReadOnly())
        return;
    const auto answer = MessageBox::question(
        this, tr("Remove activity"),
        tr("Remove %1 from the record of processing? Ctrl+Z puts it back.").arg(current->name));
    if (answer != QMessageBox::Yes)
        return;
    auto command = makeRemoveActivityCommand(*m_service, current->id);
    if (!command) {
        MessageBox::critical(this, tr("Cannot remove the activity"), command.error());
        return;
    }
    m_undoStack.push(command.value());
}

OrganizationDialog* ActivitiesPage::makeOrganizationDialog()
{
    Organization org;
    if (auto orgs = m_workspace.organizations()) {
        for (const Organization& o : orgs.value())
            if (o.id == m_model->organization())
                org = o;
    }
    auto dialog = new OrganizationDialog(org, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (isReadOnly())
        dialog->setEnabled(false);
    connect(dialog, &QDialog::accepted, this, [this, dialog, org] {
        const Organization edited = dialog->edited();
        if (edited == org || isReadOnly())
            return;
        auto command = makeSaveOrganizationCommand(*m_service, org, edited);
        if (!command) {
            MessageBox::critical(this, tr("Cannot save the organization"), command.error());
            return;
        }
        m_undoStack.push(command.value());
        emit statusMessage(tr("Saved the controller details of %1.").arg(edited.name));
    });
    return dialog;
}

} // namespace workbench
