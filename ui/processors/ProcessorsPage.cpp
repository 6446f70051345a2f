#include "ProcessorsPage.h"

#include "AnnexExportDialog.h"
#include "ImportProcessorsDialog.h"
#include "ProcessorDetailPane.h"
#include "common/AsOfBar.h"
#include "common/Style.h"
#include "common/TableSupport.h"
#include "dialogs/FileDialog.h"
#include "dialogs/InputDialog.h"
#include "dialogs/MessageBox.h"
#include "domain/Resources.h"
#include "itemmodels/ModelRoles.h"
#include "itemmodels/ProcessorCommands.h"
#include "itemmodels/ProcessorTreeModel.h"
#include "itemmodels/RecordFilterProxy.h"
#include "policy/ProcessorCatalogue.h"
#include "services/AsOfService.h"
#include "services/VendorWatchService.h"
#include "storage/Workspace.h"
#include "vendorwatch/SubprocessorListPanel.h"
#include "vendorwatch/VendorWatchDialog.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTreeView>
#include <QUndoStack>
#include <QUuid>
#include <QVBoxLayout>

namespace workbench {

ProcessorsPage::ProcessorsPage(Workspace& workspace, QUndoStack& undoStack, QWidget* parent)
    : Page(parent)
    , m_workspace(workspace)
    , m_undoStack(undoStack)
    , m_model(new ProcessorTreeModel(workspace, this))
    , m_proxy(new RecordFilterProxy(this))
{
    setObjectName(QStringLiteral("processorsPage"));
    m_proxy->setSourceModel(m_model);

    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("processorFilter"));
    m_filter->setPlaceholderText(
        tr("Filter by name, alias, service, country or data category (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_add = new QPushButton(tr("&Add processor"));
    m_add->setObjectName(QStringLiteral("addProcessorButton"));
    m_add->setToolTip(tr("Add a processor to this organization (Ctrl+N)"));
    m_offboard = new QPushButton(tr("&Offboard…"));
    m_offboard->setObjectName(QStringLiteral("offboardButton"));
    m_offboard->setToolTip(tr("Mark the selected processor as no longer used; its history stays"));

    auto exportAnnex = new QPushButton(tr("Export &annex…"));
    exportAnnex->setObjectName(QStringLiteral("exportAnnexButton"));
    exportAnnex->setToolTip(tr("The processor list as a DPA annex (XLSX, DOCX, ODT, PDF, CSV, …)"));
    auto top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_add);
    m_fromCatalogue = new QPushButton(tr("From &catalogue…"));
    m_fromCatalogue->setObjectName(QStringLiteral("addFromCatalogueButton"));
    m_fromCatalogue->setToolTip(tr("Add a common processor (Stripe, SendGrid, OpenAI…) by name"));
    top->addWidget(m_fromCatalogue);
    top->addWidget(m_offboard);
    m_importList = new QPushButton(tr("&Import list…"));
    m_importList->setObjectName(QStringLiteral("importListButton"));
    m_importList->setToolTip(
        tr("Add or update processors from a vendor's list (CSV, TSV, XLSX, JSON)"));
    top->addWidget(m_importList);
    top->addWidget(exportAnnex);
    connect(m_importList, &QPushButton::clicked, this, [this] {
        const QString path =
            FileDialog::openFile(this, tr("Import a processor list"),
                                 tr("Processor lists (*.csv *.tsv *.txt *.xlsx *.json)"));
        if (path.isEmpty())
            return;
        auto dialog = makeImportDialog(path);
        if (dialog)
            dialog->open();
    });
    connect(exportAnnex, &QPushButton::clicked, this, &ProcessorsPage::openAnnexExport);

    m_tree = new QTreeView;
    m_tree->setObjectName(QStringLiteral("processorTree"));
    m_tree->setModel(m_proxy);
    m_tree->sortByColumn(ProcessorTreeModel::NameColumn, Qt::AscendingOrder);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    TableSupport::install(m_tree, m_tree->header(), QStringLiteral("processors"));
    m_tree->header()->resizeSection(ProcessorTreeModel::NameColumn, 230);
    m_tree->header()->resizeSection(ProcessorTreeModel::ServiceColumn, 260);

    m_detail = new ProcessorDetailPane;
    auto scroll = new QScrollArea;
    scroll->setWidget(m_detail);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(380);

    auto splitter = new QSplitter;
    splitter->addWidget(m_tree);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({720, 460});

    auto layout = new QVBoxLayout(this);
    auto heading = new QLabel(tr("Processors"));
    Style::heading(heading);
    layout->addWidget(heading);
    layout->addLayout(top);
    // A past day: the registry as it stood then, read-only.
    m_asOf = new AsOfBar(tr("Registry"));
    connect(m_asOf, &AsOfBar::dayChanged, this, &ProcessorsPage::showAsOf);
    layout->addWidget(m_asOf);
    layout->addWidget(splitter, 1);
    // What the organization's policy mentions that is not a processor, and why.
    m_notes = new QLabel;
    m_notes->setObjectName(QStringLiteral("organizationNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_notes);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterWords(text);
        m_tree->expandAll();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                m_selectedId = current.data(RecordIdRole).toString();
                showSelected();
            });
    // After a reload (undo, another change), select the same processor again.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandAll();
        if (selectProcessor(m_selectedId))
            return;
        // Nothing (or a processor of another organization) was selected:
        // start on the first row, so the pane shows something useful.
        const QModelIndex first = m_proxy->index(0, 0);
        if (first.isValid())
            selectProcessor(first.data(RecordIdRole).toString());
        else
            showSelected();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from) {
        if (from.data(RecordIdRole).toString() == m_selectedId)
            showSelected();
    });
    connect(m_model, &ProcessorTreeModel::loadFailed, this, [this](const QString& message) {
        MessageBox::critical(this, tr("Cannot read the processors"), message);
    });
    connect(m_detail, &ProcessorDetailPane::applyRequested, this, &ProcessorsPage::applyEdit);
    connect(m_detail, &ProcessorDetailPane::subprocessorListRequested, this,
            [this] { makeVendorWatchDialog(m_detail->processorId())->open(); });
    connect(m_detail, &ProcessorDetailPane::reviewsRequested, this, [this] {
        auto dialog = makeVendorWatchDialog(m_detail->processorId());
        dialog->showReviews();
        dialog->open();
    });
    connect(m_add, &QPushButton::clicked, this, &ProcessorsPage::addProcessor);
    connect(m_fromCatalogue, &QPushButton::clicked, this, &ProcessorsPage::addFromCatalogue);
    connect(m_offboard, &QPushButton::clicked, this, &ProcessorsPage::offboardSelected);
    auto find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, m_filter, qOverload<>(&QWidget::setFocus));
    auto addShortcut = new QShortcut(QKeySequence::New, this);
    connect(addShortcut, &QShortcut::activated, m_add, &QPushButton::click);
    updateEditing();
}

void ProcessorsPage::refresh()
{
    const QString notes = m_workspace.localNotes(resource::organizations, organizationId());
    m_notes->setText(notes);
    m_notes->setVisible(!notes.isEmpty());
    if (auto earliest = AsOfService(m_workspace).earliestDay(); earliest)
        m_asOf->setEarliestDay(earliest.value());
    if (m_model->organization() != organizationId()) {
        m_model->setOrganization(organizationId());
        if (m_asOf->isPast())
            showAsOf(m_asOf->day());
    }
}

void ProcessorsPage::showAsOf(QDate day)
{
    if (!day.isValid()) {
        m_model->showCurrent();
        emit statusMessage(tr("The registry as it is today."));
    } else {
        auto then = AsOfService(m_workspace).processors(day, organizationId());
        if (!then) {
            MessageBox::warning(this, tr("Cannot show the registry of that day"), then.error());
            m_asOf->backToToday();
            return;
        }
        m_model->showSnapshot(then.value());
        emit statusMessage(tr("The registry %1, rebuilt from the audit log; read-only.")
                               .arg(AsOfService::asOfText(day)));
    }
    updateEditing();
}

bool ProcessorsPage::selectProcessor(const QString& id)
{
    const QModelIndex source = m_model->indexOf(id);
    const QModelIndex at = m_proxy->mapFromSource(source);
    if (!at.isValid())
        return false;
    m_tree->setCurrentIndex(at);
    m_tree->scrollTo(at);
    m_selectedId = id;
    showSelected();
    return true;
}

QString ProcessorsPage::selectedProcessorId() const
{
    return m_selectedId;
}

void ProcessorsPage::showSelected()
{
    const Processor* p = m_model->processor(m_model->indexOf(m_selectedId));
    auto orgs = m_workspace.organizations();
    m_detail->setProcessor(p, m_model->processors(), orgs ? orgs.value() : QList<Organization>());
    updateEditing();
}

void ProcessorsPage::updateEditing()
{
    // Reading, filtering and the annex export stay; what changes the
    // registry goes when the workspace is read-only.
    // A past day's registry is only read.
    const bool editable = !isReadOnly() && !(m_asOf && m_asOf->isPast());
    const Processor* p = m_model->processor(m_model->indexOf(m_selectedId));
    for (QPushButton* b : {m_add, m_fromCatalogue, m_importList})
        b->setEnabled(editable);
    m_offboard->setEnabled(editable && p && p->status != ProcessorStatus::Offboarded);
    m_detail->setReadOnly(!editable);
}

void ProcessorsPage::applyEdit()
{
    if (m_asOf->isPast())
        return;
    const Processor* current = m_model->processor(m_model->indexOf(m_detail->processorId()));
    auto edited = m_detail->edited();
    if (!current || !edited)
        return;
    if (edited.value() == *current)
        return;
    m_undoStack.push(new SaveProcessorCommand(m_workspace, *current, edited.value(),
                                              describeProcessorEdit(*current, edited.value())));
    emit statusMessage(tr("Saved %1. Ctrl+Z undoes it.").arg(edited->name));
}

void ProcessorsPage::addProcessor()
{
    if (m_model->organization().isEmpty() || m_asOf->isPast())
        return;
    Processor p;
    p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    p.name = tr("New processor");
    p.service = tr("Describe the service");
    p.status = ProcessorStatus::Onboarding;
    p.organizationIds = {m_model->organization()};
    m_filter->clear();
    m_undoStack.push(new SaveProcessorCommand(m_workspace, std::nullopt, p, tr("Add processor")));
    if (selectProcessor(p.id))
        m_detail->focusName();
}

void ProcessorsPage::addFromCatalogue()
{
    if (m_model->organization().isEmpty())
        return;
    const ProcessorCatalogue& catalogue = ProcessorCatalogue::builtIn();
    QStringList items;
    for (const CatalogueEntry& e : catalogue.entries()) {
        const ProcessorCategory* c = catalogue.category(e.category);
        items << QStringLiteral("%1 — %2").arg(e.name, c ? c->label : e.category);
    }
    items.sort(Qt::CaseInsensitive);
    const auto picked = InputDialog::item(this, tr("Add from the catalogue"),
                                          tr("Common processors (type to search):"), items);
    if (!picked)
        return;
    const CatalogueEntry* entry =
        catalogue.findByName(picked->section(QStringLiteral(" — "), 0, 0));
    if (!entry)
        return;
    Processor p = catalogue.newProcessor(*entry, m_model->organization());
    p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_filter->clear();
    m_undoStack.push(new SaveProcessorCommand(m_workspace, std::nullopt, p,
                                              tr("Add %1 from the catalogue").arg(p.name)));
    selectProcessor(p.id);
    emit statusMessage(tr("Added %1 (onboarding); fill in its DPA and locations.").arg(p.name));
}

AnnexExportDialog* ProcessorsPage::makeAnnexExportDialog()
{
    auto orgs = m_workspace.organizations();
    Organization org;
    if (orgs) {
        for (const Organization& o : orgs.value())
            if (o.id == m_model->organization())
                org = o;
    }
    auto dialog = new AnnexExportDialog(org, m_model->processors(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString orgId = m_model->organization();
    dialog->setAsOfSource(
        [this, orgId](QDate day) { return AsOfService(m_workspace).processors(day, orgId); });
    if (m_asOf->isPast())
        dialog->setAsOf(m_asOf->day());
    dialog->setAuditHeadSource([this] { return m_workspace.auditHead(); });
    connect(dialog, &AnnexExportDialog::fixRequested, this, [this](const QString& id) {
        if (selectProcessor(id))
            m_detail->focusName();
    });
    return dialog;
}

ImportProcessorsDialog* ProcessorsPage::makeImportDialog(const QString& path)
{
    // A long list takes a moment to read: the progress shows after half a
    // second, and Cancel stops the read (nothing is imported either way
    // until the officer confirms the plan).
    QProgressDialog progress(tr("Reading %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0,
                             1000, this);
    progress.setObjectName(QStringLiteral("importProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    ImportOptions options;
    options.progress = [&progress](qint64 done, qint64 total) {
        // A window-modal progress dialog handles the window's events here.
        progress.setValue(total > 0 ? int(std::min<qint64>(done * 999 / total, 999)) : 0);
        return !progress.wasCanceled();
    };
    auto table = readImportFile(path, options);
    progress.reset();
    if (!table) {
        if (!progress.wasCanceled())
            MessageBox::critical(this, tr("Cannot import"), table.error());
        return nullptr;
    }
    auto dialog =
        new ImportProcessorsDialog(m_workspace, m_model->organization(), table.value(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}

VendorWatchDialog* ProcessorsPage::makeVendorWatchDialog(const QString& processorId,
                                                         qint64 noticeId)
{
    auto dialog = new VendorWatchDialog(m_workspace, m_undoStack, processorId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (noticeId > 0)
        dialog->listPanel()->selectNotice(noticeId);
    return dialog;
}

void ProcessorsPage::openNotice(qint64 noticeId)
{
    auto notice = VendorWatchService(m_workspace).notice(noticeId);
    if (!notice)
        return;
    selectProcessor(notice.value().processorId);
    makeVendorWatchDialog(notice.value().processorId, noticeId)->open();
}

void ProcessorsPage::openAnnexExport()
{
    makeAnnexExportDialog()->open();
}

void ProcessorsPage::offboardSelected()
{
    const Processor* current = m_model->processor(m_model->indexOf(m_selectedId));
    if (!current || current->status == ProcessorStatus::Offboarded)
        return;
    const auto answer = MessageBox::question(
        this, tr("Offboard processor"),
        tr("Offboard %1? It stays in the registry and the audit log, marked as no longer used.")
            .arg(current->name));
    if (answer != QMessageBox::Yes)
        return;
    Processor after = *current;
    after.status = ProcessorStatus::Offboarded;
    m_undoStack.push(new SaveProcessorCommand(m_workspace, *current, after,
                                              describeProcessorEdit(*current, after)));
}

} // namespace workbench
