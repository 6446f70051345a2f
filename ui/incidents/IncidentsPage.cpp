#include "IncidentsPage.h"

#include "IncidentForm.h"
#include "common/FilteredTable.h"
#include "common/Style.h"
#include "dialogs/FileDialog.h"
#include "dialogs/MessageBox.h"
#include "domain/Resources.h"
#include "itemmodels/IncidentModel.h"
#include "itemmodels/Tone.h"
#include "services/IncidentDrafts.h"
#include "services/IncidentService.h"
#include "storage/Workspace.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace workbench {

IncidentsPage::IncidentsPage(Workspace& workspace, QWidget* parent)
    : Page(parent)
    , m_workspace(workspace)
    , m_model(new IncidentModel(workspace, this))
{
    setObjectName(QStringLiteral("incidentsPage"));
    auto button = [this](const QString& text, const char* name, bool editing = true) {
        auto b = new QPushButton(text);
        b->setObjectName(QLatin1String(name));
        if (editing)
            m_editing << b;
        return b;
    };

    // The register, with its buttons.
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("incidentTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    auto newButton = button(tr("New incident"), "newIncident");
    auto exportButton = button(tr("Export register…"), "exportRegister", false);
    auto closeButton = button(tr("Close incident"), "closeIncident");
    auto registerButtons = new QHBoxLayout;
    registerButtons->addWidget(newButton);
    registerButtons->addWidget(closeButton);
    registerButtons->addStretch();
    registerButtons->addWidget(exportButton);
    auto left = new QWidget;
    auto leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(registerButtons);
    leftLayout->addWidget(m_table, 1);

    // The chosen incident.
    m_form = new IncidentForm;
    m_saveButton = button(tr("Save incident"), "saveIncident");
    m_saveButton->setDefault(true);
    auto facts = new QGroupBox(tr("What happened"));
    auto factsLayout = new QVBoxLayout(facts);
    factsLayout->addWidget(m_form);
    factsLayout->addWidget(m_saveButton, 0, Qt::AlignRight);

    m_clocks = new QTreeWidget;
    m_clocks->setObjectName(QStringLiteral("incidentClocks"));
    m_clocks->setHeaderLabels({tr("Clock"), tr("Due"), tr("Status"), tr("Citation")});
    m_clocks->setRootIsDecorated(false);
    m_clocks->setMinimumHeight(110);
    m_clocks->header()->resizeSection(0, 230);
    m_clocks->header()->resizeSection(1, 170);
    m_clocks->header()->resizeSection(2, 200);
    auto clocks = new QGroupBox(tr("Clocks"));
    (new QVBoxLayout(clocks))->addWidget(m_clocks);

    m_risk = new QComboBox;
    m_risk->setObjectName(QStringLiteral("riskLevel"));
    for (BreachRisk r :
         {BreachRisk::Unassessed, BreachRisk::None, BreachRisk::Risk, BreachRisk::High})
        m_risk->addItem(displayLabel(r), toWire(r));
    m_reasoning = new QPlainTextEdit;
    m_reasoning->setObjectName(QStringLiteral("riskReasoning"));
    m_reasoning->setMaximumHeight(60);
    m_reasoning->setTabChangesFocus(true);
    auto assess = button(tr("Save assessment"), "assessRisk");
    auto risk = new QGroupBox(tr("Risk to the people"));
    auto riskForm = new QFormLayout(risk);
    riskForm->addRow(tr("Risk"), m_risk);
    riskForm->addRow(tr("Reasoning"), m_reasoning);
    riskForm->addRow(QString(), assess);

    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("draftLanguage"));
    for (const QString& l : draftLanguages())
        m_language->addItem(l, l);
    auto phaseCombo = [](const char* name) {
        auto c = new QComboBox;
        c->setObjectName(QLatin1String(name));
        for (auto p : {IncidentSubmission::Phase::Initial, IncidentSubmission::Phase::FollowUp,
                       IncidentSubmission::Phase::Final})
            c->addItem(phaseLabel(p), phaseWire(p));
        return c;
    };
    m_draftPhase = phaseCombo("draftPhase");
    auto authorityDraft = button(tr("Draft to the authority"), "authorityDraft", false);
    auto peopleDraft = button(tr("Letter to the people"), "peopleDraft", false);
    m_saveDraftButton = button(tr("Save draft…"), "saveDraft", false);
    m_saveDraftButton->setEnabled(false);
    m_preview = new QPlainTextEdit;
    m_preview->setObjectName(QStringLiteral("draftPreview"));
    m_preview->setReadOnly(true);
    m_preview->setMinimumHeight(160);
    auto draftRow = new QHBoxLayout;
    draftRow->addWidget(m_language);
    draftRow->addWidget(m_draftPhase);
    draftRow->addWidget(authorityDraft);
    draftRow->addWidget(peopleDraft);
    draftRow->addStretch();
    draftRow->addWidget(m_saveDraftButton);
    auto drafts = new QGroupBox(tr("Notifications"));
    auto draftsLayout = new QVBoxLayout(drafts);
    draftsLayout->addLayout(draftRow);
    draftsLayout->addWidget(m_preview);

    m_submissionClock = new QComboBox;
    m_submissionClock->setObjectName(QStringLiteral("submissionClock"));
    m_submissionPhase = phaseCombo("submissionPhase");
    m_submissionTime = new QDateTimeEdit;
    m_submissionTime->setObjectName(QStringLiteral("submissionTime"));
    m_submissionTime->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_reference = new QLineEdit;
    m_reference->setObjectName(QStringLiteral("submissionReference"));
    m_delay = new QLineEdit;
    m_delay->setObjectName(QStringLiteral("submissionDelay"));
    m_delay->setPlaceholderText(tr("only when late: why (GDPR Art. 33(1))"));
    auto record = button(tr("Record submission"), "recordSubmission");
    auto sent = new QGroupBox(tr("Sent"));
    auto sentForm = new QFormLayout(sent);
    sentForm->addRow(tr("Clock"), m_submissionClock);
    sentForm->addRow(tr("Phase"), m_submissionPhase);
    sentForm->addRow(tr("Sent at (incident's zone)"), m_submissionTime);
    sentForm->addRow(tr("Reference"), m_reference);
    sentForm->addRow(tr("Reasons for a delay"), m_delay);
    sentForm->addRow(QString(), record);

    auto detail = new QWidget;
    auto detailLayout = new QVBoxLayout(detail);
    detailLayout->addWidget(clocks);
    detailLayout->addWidget(risk);
    detailLayout->addWidget(drafts);
    detailLayout->addWidget(sent);
    detailLayout->addWidget(facts);
    auto scroll = new QScrollArea;
    scroll->setWidget(detail);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("incidentMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    auto layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(tr("Incidents")));
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (const Incident* i = m_model->incident(current.row()))
                    showIncident(i->id);
            });
    connect(newButton, &QPushButton::clicked, this, &IncidentsPage::newIncident);
    connect(m_saveButton, &QPushButton::clicked, this, &IncidentsPage::saveIncident);
    connect(assess, &QPushButton::clicked, this, &IncidentsPage::assessRisk);
    connect(authorityDraft, &QPushButton::clicked, this,
            [this] { composeDraft(int(DraftKind::Authority)); });
    connect(peopleDraft, &QPushButton::clicked, this,
            [this] { composeDraft(int(DraftKind::People)); });
    connect(m_saveDraftButton, &QPushButton::clicked, this, &IncidentsPage::saveDraft);
    connect(record, &QPushButton::clicked, this, &IncidentsPage::recordSubmission);
    connect(exportButton, &QPushButton::clicked, this, &IncidentsPage::exportRegister);
    connect(closeButton, &QPushButton::clicked, this, &IncidentsPage::closeIncident);
    connect(&m_workspace, &Workspace::recordChanged, this, [this](const QString& resource) {
        if (resource == resource::incidents || resource == resource::breachRules ||
            resource == resource::holidays)
            requestRefresh();
    });
}

void IncidentsPage::refresh()
{
    const IncidentService service(m_workspace);
    m_form->setJurisdictions(service.rules().jurisdictions());
    auto processors = m_workspace.processors(organizationId());
    m_form->setProcessors(processors ? processors.value() : QList<Processor>());
    if (const QString error = m_model->reload(organizationId()); !error.isEmpty())
        showError(error);
    const QString keep = m_currentId;
    if (!keep.isEmpty() && m_model->rowOf(keep) >= 0)
        selectIncident(keep);
    else if (m_model->rowCount() > 0)
        selectIncident(m_model->incident(0)->id);
    else
        newIncident();
}

void IncidentsPage::updateEditing()
{
    for (QPushButton* b : m_editing)
        b->setEnabled(!isReadOnly());
    m_form->setReadOnly(isReadOnly());
}

void IncidentsPage::selectIncident(const QString& id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    m_table->selectRow(row);
    showIncident(id);
}

void IncidentsPage::showError(const QString& message)
{
    m_message->setText(message);
    if (!message.isEmpty())
        Style::textColour(m_message, Tone::Error);
    m_message->setVisible(!message.isEmpty());
}

void IncidentsPage::showIncident(const QString& id)
{
    const IncidentService service(m_workspace);
    auto found = service.incident(id);
    if (!found || !found.value())
        return;
    const Incident& i = *found.value();
    m_currentId = id;
    m_form->setIncident(i);
    m_risk->setCurrentIndex(qMax(0, m_risk->findData(toWire(i.risk))));
    m_reasoning->setPlainText(i.riskReasoning);
    m_clocks->clear();
    m_submissionClock->clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto clocks = service.clocks(i);
    if (!clocks) {
        showError(clocks.error());
        return;
    }
    for (const BreachClock& c : clocks.value()) {
        auto item = new QTreeWidgetItem(
            m_clocks,
            {c.label,
             c.due ? isoWithOffset(*c.due).replace(u'T', u' ').remove(16, 3) : tr("no fixed time"),
             c.status(now), c.citation});
        item->setToolTip(0, c.words);
        item->setToolTip(3, c.citation);
        item->setData(0, Qt::UserRole, c.id);
        if (const auto left = c.secondsLeft(now))
            item->setForeground(2, toneColour(*left < 24 * 3600 ? Tone::Error : Tone::Warning,
                                              m_clocks->palette()));
        else if (c.state == BreachClock::State::Stopped)
            item->setForeground(
                2, toneColour(c.isLate(now) ? Tone::Warning : Tone::Good, m_clocks->palette()));
        m_submissionClock->addItem(c.label, c.id);
    }
    const QDateTime local = now.toTimeZone(i.zone());
    m_submissionTime->setDateTime(QDateTime(local.date(), local.time()));
    showError(QString());
    updateEditing();
}

void IncidentsPage::newIncident()
{
    m_currentId.clear();
    m_table->clearSelection();
    Incident fresh;
    fresh.organizationId = organizationId();
    m_form->setIncident(fresh);
    m_clocks->clear();
    m_submissionClock->clear();
    m_preview->clear();
    m_saveDraftButton->setEnabled(false);
}

void IncidentsPage::saveIncident()
{
    IncidentService service(m_workspace);
    Incident i = m_form->incident();
    i.organizationId = organizationId();
    if (m_currentId.isEmpty()) {
        auto created = service.create(i);
        if (!created)
            return showError(created.error());
        m_currentId = created->id;
    } else if (Status s = service.save(i); !s) {
        return showError(s.error());
    }
    m_model->reload(organizationId());
    selectIncident(m_currentId);
    emit statusMessage(tr("Incident saved."));
}

void IncidentsPage::assessRisk()
{
    if (m_currentId.isEmpty())
        return showError(tr("Save the incident first."));
    const auto risk = fromWire<BreachRisk>(m_risk->currentData().toString());
    if (Status s = IncidentService(m_workspace)
                       .assessRisk(m_currentId, *risk, m_reasoning->toPlainText().trimmed());
        !s)
        return showError(s.error());
    m_model->reload(organizationId());
    selectIncident(m_currentId);
}

void IncidentsPage::composeDraft(int kind)
{
    const IncidentService service(m_workspace);
    auto found = service.incident(m_currentId);
    if (!found || !found.value())
        return showError(tr("Save the incident first."));
    const Incident& i = *found.value();
    Organization org;
    if (auto orgs = m_workspace.organizations(); orgs) {
        for (const Organization& o : orgs.value()) {
            if (o.id == i.organizationId)
                org = o;
        }
    }
    QStringList processors;
    if (auto all = m_workspace.processors(i.organizationId); all) {
        for (const Processor& p : all.value()) {
            if (i.processorIds.contains(p.id))
                processors << p.name;
        }
    }
    auto clocks = service.clocks(i);
    auto draft = workbench::composeDraft(
        i, org, processors, clocks ? clocks.value() : QList<BreachClock>(), DraftKind(kind),
        phaseFromWire(m_draftPhase->currentData().toString())
            .value_or(IncidentSubmission::Phase::Initial),
        m_language->currentData().toString(), QDateTime::currentDateTimeUtc());
    if (!draft)
        return showError(draft.error());
    m_draft = draft.value();
    m_preview->setPlainText(m_draft.title + QStringLiteral("\n\n") + m_draft.body);
    m_saveDraftButton->setEnabled(true);
}

void IncidentsPage::saveDraft()
{
    const QString path =
        FileDialog::saveFile(this, tr("Save the draft"), m_currentId + QStringLiteral(".pdf"),
                             tr("PDF (*.pdf);;Word (*.docx);;E-mail (*.eml)"));
    if (path.isEmpty())
        return;
    if (Status s = writeDraft(m_draft, path, QDateTime::currentDateTime()); !s)
        MessageBox::critical(this, tr("The draft was not saved"), s.error());
    else
        emit statusMessage(tr("Draft saved to %1.").arg(QFileInfo(path).fileName()));
}

void IncidentsPage::recordSubmission()
{
    const IncidentService service(m_workspace);
    auto found = service.incident(m_currentId);
    if (!found || !found.value())
        return showError(tr("Save the incident first."));
    IncidentSubmission s;
    s.clock = m_submissionClock->currentData().toString();
    s.phase = phaseFromWire(m_submissionPhase->currentData().toString())
                  .value_or(IncidentSubmission::Phase::Initial);
    s.at = QDateTime(m_submissionTime->date(), m_submissionTime->time(), found.value()->zone());
    s.reference = m_reference->text().trimmed();
    s.delayReasons = m_delay->text().trimmed();
    if (Status ok = IncidentService(m_workspace).recordSubmission(m_currentId, s); !ok)
        return showError(ok.error());
    m_reference->clear();
    m_delay->clear();
    m_model->reload(organizationId());
    selectIncident(m_currentId);
}

void IncidentsPage::closeIncident()
{
    if (m_currentId.isEmpty())
        return;
    if (Status s = IncidentService(m_workspace).close(m_currentId, QDateTime::currentDateTimeUtc());
        !s)
        return showError(s.error());
    m_model->reload(organizationId());
    selectIncident(m_currentId);
}

void IncidentsPage::exportRegister()
{
    const QString path = FileDialog::saveFile(
        this, tr("Export the register of breaches"), QStringLiteral("breach-register.xlsx"),
        tr("Excel (*.xlsx);;PDF (*.pdf);;CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    const auto format = registerFormatFromName(QFileInfo(path).suffix().toLower());
    if (!format)
        return MessageBox::critical(this, tr("The register was not exported"),
                                    tr("%1: the register is written as .xlsx, .pdf, .csv or .json.")
                                        .arg(QFileInfo(path).fileName()));
    if (Status s =
            IncidentService(m_workspace)
                .exportRegister(organizationId(), *format, path, QDateTime::currentDateTimeUtc());
        !s)
        MessageBox::critical(this, tr("The register was not exported"), s.error());
    else
        emit statusMessage(tr("Register exported to %1.").arg(QFileInfo(path).fileName()));
}

} // namespace workbench
