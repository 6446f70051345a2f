#include "ProcessorDetailPane.h"

#include "common/Style.h"

#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace workbench {

namespace {

QString joinList(const QStringList& values)
{
    return values.join(QStringLiteral(", "));
}

QStringList splitList(const QString& text)
{
    QStringList out;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString v = part.trimmed();
        if (!v.isEmpty())
            out << v;
    }
    return out;
}

template <typename E> void fillCombo(QComboBox* combo)
{
    for (const auto& e : EnumTraits<E>::entries)
        combo->addItem(displayLabel(e.value), QString::fromLatin1(e.wire));
}

template <typename E> void selectValue(QComboBox* combo, E value)
{
    combo->setCurrentIndex(combo->findData(toWire(value)));
}

} // namespace

ProcessorDetailPane::ProcessorDetailPane(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("processorDetail"));
    auto outer = new QVBoxLayout(this);
    m_empty = Style::emptyStateLabel(tr("Select a processor to see and edit its contract,\n"
                                        "or add one with Ctrl+N."));
    m_empty->setObjectName(QStringLiteral("processorEmptyState"));
    outer->addWidget(m_empty);

    m_form = new QWidget;
    auto formOuter = new QVBoxLayout(m_form);
    formOuter->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel;
    Style::heading(m_heading, 14);
    m_heading->setWordWrap(true);
    auto headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    formOuter->addLayout(headingRow);
    m_layout = new QFormLayout;
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    formOuter->addLayout(m_layout);

    m_name = addLine("nameEdit", tr("&Name"));
    m_aliases =
        addLine("aliasesEdit", tr("A&liases"), tr("other names policies use, comma-separated"));
    m_service = addLine("serviceEdit", tr("&Service"), tr("what it does for the organization"));
    m_legalEntity = addLine("legalEntityEdit", tr("Legal &entity"));
    m_address = new QPlainTextEdit;
    m_address->setObjectName(QStringLiteral("addressEdit"));
    m_address->setTabChangesFocus(true);
    m_address->setFixedHeight(m_address->fontMetrics().lineSpacing() * 3 + 12);
    m_layout->addRow(tr("&Address"), m_address);
    connect(m_address, &QPlainTextEdit::textChanged, this, &ProcessorDetailPane::updateState);
    m_contact = addLine("contactEdit", tr("&Contact"), tr("privacy / DPO contact"));
    m_website = addLine("websiteEdit", tr("&Website"));
    m_purposes = addLine("purposesEdit", tr("&Purposes"), tr("comma-separated"));
    m_dataCategories = addLine("dataCategoriesEdit", tr("&Data categories"),
                               tr("e.g. user.contact.email, user.financial"));
    m_dataSubjects =
        addLine("dataSubjectsEdit", tr("Data su&bjects"), tr("e.g. customer, employee"));
    m_locations = addLine("locationsEdit", tr("C&ountries"), tr("ISO codes, e.g. IE, US"));

    m_transfer = new QComboBox;
    m_transfer->setObjectName(QStringLiteral("transferCombo"));
    fillCombo<TransferMechanism>(m_transfer);
    m_layout->addRow(tr("&Transfer mechanism"), m_transfer);
    m_dpaStatus = new QComboBox;
    m_dpaStatus->setObjectName(QStringLiteral("dpaStatusCombo"));
    fillCombo<DpaStatus>(m_dpaStatus);
    m_layout->addRow(tr("D&PA"), m_dpaStatus);
    m_dpaSignedOn = addLine("dpaSignedOnEdit", tr("DPA signed on"), tr("YYYY-MM-DD"));
    m_dpaUrl = addLine("dpaUrlEdit", tr("DPA link"));
    m_certifications =
        addLine("certificationsEdit", tr("Certi&fications"), tr("e.g. SOC 2 Type II, ISO 27001"));
    m_status = new QComboBox;
    m_status->setObjectName(QStringLiteral("statusCombo"));
    fillCombo<ProcessorStatus>(m_status);
    m_layout->addRow(tr("Stat&us"), m_status);
    m_parent = new QComboBox;
    m_parent->setObjectName(QStringLiteral("parentCombo"));
    m_layout->addRow(tr("Sub-processor &of"), m_parent);
    m_reviewDue = addLine("reviewDueEdit", tr("Next &review"), tr("YYYY-MM-DD"));
    m_organizations = new QListWidget;
    m_organizations->setObjectName(QStringLiteral("organizationsList"));
    m_organizations->setMaximumHeight(90);
    m_layout->addRow(tr("Used by"), m_organizations);
    for (QComboBox* c : {m_transfer, m_dpaStatus, m_status, m_parent})
        connect(c, &QComboBox::currentIndexChanged, this, &ProcessorDetailPane::updateState);
    connect(m_organizations, &QListWidget::itemChanged, this, &ProcessorDetailPane::updateState);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("processorProblem"));
    m_problem->setWordWrap(true);
    Style::textColour(m_problem, Tone::Error);
    formOuter->addWidget(m_problem);

    m_revert = new QPushButton(tr("Re&vert"));
    m_revert->setObjectName(QStringLiteral("revertButton"));
    auto vendorList = new QPushButton(tr("Sub-processor &list…"));
    vendorList->setObjectName(QStringLiteral("subprocessorListButton"));
    vendorList->setToolTip(tr("The vendor's published sub-processor list, change notices and "
                              "objection deadlines"));
    auto reviews = new QPushButton(tr("Re&views…"));
    reviews->setObjectName(QStringLiteral("vendorReviewsButton"));
    headingRow->addWidget(vendorList);
    headingRow->addWidget(reviews);
    connect(vendorList, &QPushButton::clicked, this,
            &ProcessorDetailPane::subprocessorListRequested);
    connect(reviews, &QPushButton::clicked, this, &ProcessorDetailPane::reviewsRequested);
    m_apply = new QPushButton(tr("&Apply"));
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_apply->setDefault(true);
    m_apply->setToolTip(tr("Save the changes (Ctrl+S); undo with Ctrl+Z"));
    headingRow->addWidget(m_revert);
    headingRow->addWidget(m_apply);
    formOuter->addStretch();
    outer->addWidget(m_form);

    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (edited().ok())
            emit applyRequested();
    });
    connect(m_revert, &QPushButton::clicked, this, [this] {
        if (!m_original.id.isEmpty())
            setProcessor(&m_original, {}, {});
    });
    auto save =
        new QShortcut(QKeySequence::Save, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(save, &QShortcut::activated, m_apply, &QPushButton::click);
    auto enter = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this, nullptr, nullptr,
                               Qt::WidgetWithChildrenShortcut);
    connect(enter, &QShortcut::activated, m_apply, &QPushButton::click);

    setProcessor(nullptr, {}, {});
}

QLineEdit* ProcessorDetailPane::addLine(const char* objectName, const QString& label,
                                        const QString& placeholder)
{
    auto edit = new QLineEdit;
    edit->setObjectName(QLatin1String(objectName));
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    m_layout->addRow(label, edit);
    connect(edit, &QLineEdit::textChanged, this, &ProcessorDetailPane::updateState);
    return edit;
}

void ProcessorDetailPane::setProcessor(const Processor* p, const QList<Processor>& parents,
                                       const QList<Organization>& organizations)
{
    m_loading = true;
    m_empty->setVisible(!p);
    m_form->setVisible(p);
    if (!p) {
        m_original = Processor{};
        m_loading = false;
        return;
    }
    // Keep the choice lists when re-showing the same record (Revert).
    if (!parents.isEmpty() || m_original.id != p->id || m_parent->count() == 0) {
        m_parent->clear();
        m_parent->addItem(tr("— none (direct processor) —"), QString());
        for (const Processor& candidate : parents) {
            if (candidate.id != p->id)
                m_parent->addItem(candidate.name, candidate.id);
        }
    }
    if (!organizations.isEmpty()) {
        m_organizations->clear();
        for (const Organization& o : organizations) {
            auto item = new QListWidgetItem(o.name, m_organizations);
            item->setData(Qt::UserRole, o.id);
            item->setFlags(m_readOnly ? Qt::ItemIsEnabled
                                      : Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        }
    }
    m_original = *p;
    m_heading->setText(p->name);
    m_name->setText(p->name);
    m_aliases->setText(joinList(p->aliases));
    m_service->setText(p->service);
    m_service->setCursorPosition(0);
    m_legalEntity->setText(p->legalEntity);
    m_address->setPlainText(p->address);
    m_contact->setText(p->contact);
    m_website->setText(p->website);
    m_purposes->setText(joinList(p->purposes));
    m_dataCategories->setText(joinList(p->dataCategories));
    m_dataSubjects->setText(joinList(p->dataSubjects));
    m_locations->setText(joinList(p->locations));
    selectValue(m_transfer, p->transferMechanism);
    selectValue(m_dpaStatus, p->dpaStatus);
    m_dpaSignedOn->setText(p->dpaSignedOn.toString(Qt::ISODate));
    m_dpaUrl->setText(p->dpaUrl);
    m_certifications->setText(joinList(p->certifications));
    selectValue(m_status, p->status);
    m_parent->setCurrentIndex(std::max(0, m_parent->findData(p->parentId)));
    m_reviewDue->setText(p->reviewDue.toString(Qt::ISODate));
    for (int i = 0; i < m_organizations->count(); ++i) {
        QListWidgetItem* item = m_organizations->item(i);
        item->setCheckState(p->organizationIds.contains(item->data(Qt::UserRole).toString())
                                ? Qt::Checked
                                : Qt::Unchecked);
    }
    m_loading = false;
    updateState();
}

Result<Processor> ProcessorDetailPane::edited() const
{
    // Built as the contract's JSON, so the same validation as a synced
    // record applies (dates, countries, required fields).
    QJsonObject json = m_original.toJson();
    auto set = [&json](const char* key, const QJsonValue& v) {
        json.insert(QLatin1String(key), v);
    };
    auto list = [](const QString& text) {
        return QJsonArray::fromStringList(splitList(text));
    };
    auto date = [](const QString& text) {
        return text.trimmed().isEmpty() ? QJsonValue() : QJsonValue(text.trimmed());
    };
    set("name", m_name->text().trimmed());
    set("aliases", list(m_aliases->text()));
    set("service", m_service->text().trimmed());
    set("legal_entity", m_legalEntity->text().trimmed());
    set("address", m_address->toPlainText().trimmed());
    set("contact", m_contact->text().trimmed());
    set("website", m_website->text().trimmed());
    set("purposes", list(m_purposes->text()));
    set("data_categories", list(m_dataCategories->text()));
    set("data_subjects", list(m_dataSubjects->text()));
    set("locations", QJsonArray::fromStringList(splitList(m_locations->text().toUpper())));
    set("transfer_mechanism", m_transfer->currentData().toString());
    set("dpa_status", m_dpaStatus->currentData().toString());
    set("dpa_signed_on", date(m_dpaSignedOn->text()));
    set("dpa_url", m_dpaUrl->text().trimmed());
    set("certifications", list(m_certifications->text()));
    set("status", m_status->currentData().toString());
    const QString parent = m_parent->currentData().toString();
    set("parent_id", parent.isEmpty() ? QJsonValue() : QJsonValue(parent));
    set("review_due", date(m_reviewDue->text()));
    // Keep the stored order of organizations; newly ticked ones go last.
    QStringList checked;
    for (int i = 0; i < m_organizations->count(); ++i) {
        if (m_organizations->item(i)->checkState() == Qt::Checked)
            checked << m_organizations->item(i)->data(Qt::UserRole).toString();
    }
    QStringList orgs;
    for (const QString& id : std::as_const(m_original.organizationIds)) {
        if (checked.removeAll(id) > 0)
            orgs << id;
    }
    orgs += checked;
    set("organization_ids", QJsonArray::fromStringList(orgs));
    auto result = Processor::fromJson(json);
    if (result && result->organizationIds.isEmpty())
        return Error{tr("Used by: choose at least one organization")};
    return result;
}

bool ProcessorDetailPane::isDirty() const
{
    if (m_original.id.isEmpty())
        return false;
    auto e = edited();
    return !e.ok() || !(e.value() == m_original);
}

void ProcessorDetailPane::updateState()
{
    if (m_loading)
        return;
    const auto e = edited();
    m_problem->setText(e.ok() ? QString() : tr("Cannot apply yet: %1").arg(e.error()));
    const bool dirty = isDirty();
    m_apply->setEnabled(!m_readOnly && dirty && e.ok());
    m_revert->setEnabled(!m_readOnly && dirty);
}

void ProcessorDetailPane::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    for (QLineEdit* edit : m_form->findChildren<QLineEdit*>()) {
        edit->setReadOnly(readOnly);
        edit->setClearButtonEnabled(!readOnly);
    }
    m_address->setReadOnly(readOnly);
    for (QComboBox* combo : {m_transfer, m_dpaStatus, m_status, m_parent})
        combo->setEnabled(!readOnly);
    for (int i = 0; i < m_organizations->count(); ++i)
        m_organizations->item(i)->setFlags(readOnly ? Qt::ItemIsEnabled
                                                    : Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    m_apply->setVisible(!readOnly);
    m_revert->setVisible(!readOnly);
    m_empty->setText(readOnly ? tr("Select a processor to see its contract.")
                              : tr("Select a processor to see and edit its contract,\n"
                                   "or add one with Ctrl+N."));
    updateState();
}

void ProcessorDetailPane::focusName()
{
    m_name->setFocus();
    m_name->selectAll();
}

} // namespace workbench
