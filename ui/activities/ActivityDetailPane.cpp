#include "ActivityDetailPane.h"

#include "common/Style.h"
#include "domain/Catalogues.h"
#include "domain/Retention.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace workbench {

namespace {

constexpr int kKeyRole = Qt::UserRole + 1;

QStringList splitList(const QString& text, QChar separator = u',')
{
    QStringList out;
    for (const QString& part : text.split(separator, Qt::SkipEmptyParts))
        if (const QString v = part.trimmed(); !v.isEmpty())
            out << v;
    return out;
}

template <typename E> void fillCombo(QComboBox* combo, const QString& unset = {})
{
    if (!unset.isNull())
        combo->addItem(unset, QString());
    for (const auto& e : EnumTraits<E>::entries)
        combo->addItem(displayLabel(e.value), QString::fromLatin1(e.wire));
}

template <typename E> void selectChoice(QComboBox* combo, std::optional<E> value)
{
    combo->setCurrentIndex(std::max(0, combo->findData(value ? toWire(*value) : QString())));
}

template <typename E> std::optional<E> selected(const QComboBox* combo)
{
    return fromWire<E>(combo->currentData().toString());
}

// Fills a checkable list with `items` (key, label), checks `checked`, and
// appends what is checked but not offered (a key the catalogue lacks).
void fillChecks(QListWidget* list, const QList<std::pair<QString, QString>>& items,
                const QStringList& checked)
{
    list->clear();
    QStringList offered;
    auto add = [&](const QString& key, const QString& label) {
        auto item = new QListWidgetItem(label, list);
        item->setData(kKeyRole, key);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(checked.contains(key) ? Qt::Checked : Qt::Unchecked);
        offered << key;
    };
    for (const auto& [key, label] : items)
        add(key, label);
    for (const QString& key : checked)
        if (!offered.contains(key))
            add(key, key);
}

QStringList checkedKeys(const QListWidget* list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            out << list->item(i)->data(kKeyRole).toString();
    return out;
}

QTableWidgetItem* textItem(const QString& text)
{
    return new QTableWidgetItem(text);
}

// A cell's combo box of an enumeration (the recipient type, the mechanism).
template <typename E> QComboBox* choiceCombo(E value)
{
    auto combo = new QComboBox;
    fillCombo<E>(combo);
    combo->setCurrentIndex(std::max(0, combo->findData(toWire(value))));
    return combo;
}

template <typename E> E choiceAt(const QTableWidget* table, int row, int column, E fallback)
{
    auto combo = qobject_cast<QComboBox*>(table->cellWidget(row, column));
    return combo ? fromWire<E>(combo->currentData().toString()).value_or(fallback) : fallback;
}

} // namespace

ActivityDetailPane::ActivityDetailPane(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("activityDetail"));
    auto outer = new QVBoxLayout(this);
    m_empty = Style::emptyStateLabel(tr("Select an activity to see and edit its record,\n"
                                        "or add one with Ctrl+N."));
    m_empty->setObjectName(QStringLiteral("activityEmptyState"));
    outer->addWidget(m_empty);

    m_form = new QWidget;
    auto formOuter = new QVBoxLayout(m_form);
    formOuter->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel;
    Style::heading(m_heading, 14);
    m_heading->setWordWrap(true);
    formOuter->addWidget(m_heading);
    m_layout = new QFormLayout;
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    formOuter->addLayout(m_layout);

    m_name = addLine("activityNameEdit", tr("&Name"));
    m_description = addLine("activityDescriptionEdit", tr("Descri&ption"));
    m_role = new QComboBox;
    m_role->setObjectName(QStringLiteral("roleCombo"));
    fillCombo<ActivityRole>(m_role);
    m_layout->addRow(tr("Our &role"), m_role);
    m_jointController =
        addLine("jointControllerEdit", tr("Joint controller"), tr("name and contact (Art. 26)"));
    m_controllers = addLine("controllersEdit", tr("On behalf of"),
                            tr("controllers we process for, comma-separated (Art. 30(2))"));
    m_purposes = new QPlainTextEdit;
    m_purposes->setObjectName(QStringLiteral("purposesEdit"));
    m_purposes->setTabChangesFocus(true);
    m_purposes->setPlaceholderText(tr("one purpose per line"));
    m_purposes->setFixedHeight(m_purposes->fontMetrics().lineSpacing() * 3 + 12);
    m_layout->addRow(tr("P&urposes"), m_purposes);
    m_editors << m_purposes;
    m_legalBasis = new QComboBox;
    m_legalBasis->setObjectName(QStringLiteral("legalBasisCombo"));
    fillCombo<LegalBasis>(m_legalBasis, tr("— not chosen —"));
    m_layout->addRow(tr("&Legal basis"), m_legalBasis);
    m_legalBasisNote =
        addLine("legalBasisNoteEdit", tr("Basis note"), tr("e.g. the legitimate interest"));
    m_art9 = new QComboBox;
    m_art9->setObjectName(QStringLiteral("art9Combo"));
    fillCombo<SpecialCategoryCondition>(m_art9, tr("— none —"));
    m_art9->setToolTip(tr("Needed when a special category of data (Art. 9(1)) is processed"));
    m_layout->addRow(tr("Art. &9 condition"), m_art9);
    m_subjects = addChecks("subjectsList", tr("Data &subjects"), 90);
    m_categories = addChecks("categoriesList", tr("Personal &data"), 140);
    m_processors = addChecks("processorsList", tr("Processors"), 110);

    m_recipients = new QTableWidget(0, 4);
    m_recipients->setObjectName(QStringLiteral("otherRecipientsTable"));
    m_recipients->setHorizontalHeaderLabels(
        {tr("Recipient"), tr("Type"), tr("Country"), tr("Mechanism")});
    m_recipients->horizontalHeader()->setStretchLastSection(true);
    m_recipients->verticalHeader()->hide();
    m_recipients->setFixedHeight(100);
    auto addRecipient = new QPushButton(tr("Add recipient"));
    addRecipient->setObjectName(QStringLiteral("addRecipientButton"));
    auto removeRecipient = new QPushButton(tr("Remove"));
    removeRecipient->setObjectName(QStringLiteral("removeRecipientButton"));
    auto recipientBox = new QVBoxLayout;
    recipientBox->addWidget(m_recipients);
    auto recipientButtons = new QHBoxLayout;
    recipientButtons->addWidget(addRecipient);
    recipientButtons->addWidget(removeRecipient);
    recipientButtons->addStretch(1);
    recipientBox->addLayout(recipientButtons);
    m_layout->addRow(tr("Other recipients"), recipientBox);
    m_editors << m_recipients << addRecipient << removeRecipient;
    connect(addRecipient, &QPushButton::clicked, this, [this] {
        addRecipientRow({tr("New recipient"), RecipientType::Other, {}, TransferMechanism::None});
        updateState();
    });
    connect(removeRecipient, &QPushButton::clicked, this, [this] {
        if (m_recipients->currentRow() >= 0)
            m_recipients->removeRow(m_recipients->currentRow());
        updateState();
    });

    m_derived = new QLabel;
    m_derived->setObjectName(QStringLiteral("derivedTransfersLabel"));
    m_derived->setWordWrap(true);
    m_derived->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_overrideTransfers = new QCheckBox(tr("Set the transfers by hand"));
    m_overrideTransfers->setObjectName(QStringLiteral("overrideTransfersCheck"));
    m_transfers = new QTableWidget(0, 3);
    m_transfers->setObjectName(QStringLiteral("transfersTable"));
    m_transfers->setHorizontalHeaderLabels({tr("Country"), tr("Mechanism"), tr("Recipient")});
    m_transfers->horizontalHeader()->setStretchLastSection(true);
    m_transfers->verticalHeader()->hide();
    m_transfers->setFixedHeight(100);
    auto addTransfer = new QPushButton(tr("Add transfer"));
    addTransfer->setObjectName(QStringLiteral("addTransferButton"));
    auto transferBox = new QVBoxLayout;
    transferBox->addWidget(m_derived);
    transferBox->addWidget(m_overrideTransfers);
    transferBox->addWidget(m_transfers);
    transferBox->addWidget(addTransfer, 0, Qt::AlignLeft);
    m_layout->addRow(tr("&Transfers"), transferBox);
    m_editors << m_overrideTransfers << addTransfer;
    connect(m_overrideTransfers, &QCheckBox::toggled, this, [this](bool on) {
        if (m_filling)
            return;
        // Starting an override from what is derived: the officer edits it.
        if (on && m_transfers->rowCount() == 0)
            fillTransfers(derivedTransfers(edited(), m_registry));
        updateState();
    });
    connect(addTransfer, &QPushButton::clicked, this, [this] {
        const int row = m_transfers->rowCount();
        m_transfers->insertRow(row);
        m_transfers->setItem(row, 0, textItem(QStringLiteral("US")));
        m_transfers->setCellWidget(row, 1, watched(choiceCombo(TransferMechanism::Scc)));
        m_transfers->setItem(row, 2, textItem(QString()));
        m_overrideTransfers->setChecked(true);
        updateState();
    });

    m_rules = addChecks("retentionRulesList", tr("&Retention"), 100);
    m_retentionNote =
        addLine("retentionNoteEdit", tr("Retention note"), tr("time limits no rule covers"));
    m_measures = addChecks("measuresList", tr("Security &measures"), 140);
    m_measuresNote =
        addLine("measuresNoteEdit", tr("Measures in words"), tr("what the catalogue does not say"));
    m_systems = addLine("systemsEdit", tr("S&ystems"), tr("comma-separated"));
    m_dpiaStatus = new QComboBox;
    m_dpiaStatus->setObjectName(QStringLiteral("dpiaStatusCombo"));
    fillCombo<DpiaStatus>(m_dpiaStatus, tr("— not assessed —"));
    m_layout->addRow(tr("DP&IA"), m_dpiaStatus);
    m_dpiaReference = addLine("dpiaReferenceEdit", tr("DPIA reference"));

    for (QComboBox* c : {m_role, m_legalBasis, m_art9, m_dpiaStatus}) {
        m_editors << c;
        connect(c, &QComboBox::currentIndexChanged, this, &ActivityDetailPane::updateState);
    }
    connect(m_purposes, &QPlainTextEdit::textChanged, this, &ActivityDetailPane::updateState);
    for (QTableWidget* t : {m_recipients, m_transfers})
        connect(t, &QTableWidget::itemChanged, this, [this] {
            if (!m_filling)
                updateState();
        });

    m_problems = new QLabel;
    m_problems->setObjectName(QStringLiteral("activityProblems"));
    m_problems->setWordWrap(true);
    formOuter->addWidget(m_problems);
    m_apply = new QPushButton(tr("&Apply"));
    m_apply->setObjectName(QStringLiteral("applyActivityButton"));
    m_apply->setToolTip(tr("Save the changes (Ctrl+Return); Ctrl+Z undoes them"));
    formOuter->addWidget(m_apply, 0, Qt::AlignRight);
    formOuter->addStretch(1);
    outer->addWidget(m_form, 1);
    connect(m_apply, &QPushButton::clicked, this, &ActivityDetailPane::applyRequested);
    auto enter = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this, nullptr, nullptr,
                               Qt::WidgetWithChildrenShortcut);
    connect(enter, &QShortcut::activated, m_apply, &QPushButton::click);
    setActivity(nullptr, {}, {}, {});
}

QLineEdit* ActivityDetailPane::addLine(const char* name, const QString& label,
                                       const QString& placeholder)
{
    auto edit = new QLineEdit;
    edit->setObjectName(QString::fromLatin1(name));
    edit->setPlaceholderText(placeholder);
    m_layout->addRow(label, edit);
    m_editors << edit;
    connect(edit, &QLineEdit::textChanged, this, &ActivityDetailPane::updateState);
    return edit;
}

QListWidget* ActivityDetailPane::addChecks(const char* name, const QString& label, int height)
{
    auto list = new QListWidget;
    list->setObjectName(QString::fromLatin1(name));
    list->setFixedHeight(height);
    m_layout->addRow(label, list);
    m_editors << list;
    connect(list, &QListWidget::itemChanged, this, [this] {
        if (!m_filling)
            updateState();
    });
    return list;
}

QComboBox* ActivityDetailPane::watched(QComboBox* combo)
{
    combo->setEnabled(!m_readOnly);
    connect(combo, &QComboBox::currentIndexChanged, this, &ActivityDetailPane::updateState);
    return combo;
}

void ActivityDetailPane::addRecipientRow(const OtherRecipient& r)
{
    const bool filling = m_filling;
    m_filling = true;
    const int row = m_recipients->rowCount();
    m_recipients->insertRow(row);
    m_recipients->setItem(row, 0, textItem(r.name));
    m_recipients->setCellWidget(row, 1, watched(choiceCombo(r.type)));
    m_recipients->setItem(row, 2, textItem(r.country));
    m_recipients->setCellWidget(row, 3, watched(choiceCombo(r.mechanism)));
    m_filling = filling;
}

void ActivityDetailPane::fillTransfers(const QList<Transfer>& transfers)
{
    const bool filling = m_filling;
    m_filling = true;
    m_transfers->setRowCount(0);
    for (const Transfer& t : transfers) {
        const int row = m_transfers->rowCount();
        m_transfers->insertRow(row);
        m_transfers->setItem(row, 0, textItem(t.country));
        m_transfers->setCellWidget(row, 1, watched(choiceCombo(t.mechanism)));
        auto recipient = textItem(t.recipient);
        recipient->setData(kKeyRole, t.processorId);
        m_transfers->setItem(row, 2, recipient);
    }
    m_filling = filling;
}

QList<Transfer> ActivityDetailPane::transfersFromTable() const
{
    QList<Transfer> out;
    for (int row = 0; row < m_transfers->rowCount(); ++row) {
        Transfer t;
        t.country =
            m_transfers->item(row, 0) ? m_transfers->item(row, 0)->text().trimmed() : QString();
        t.mechanism = choiceAt(m_transfers, row, 1, TransferMechanism::None);
        if (auto item = m_transfers->item(row, 2)) {
            t.recipient = item->text().trimmed();
            t.processorId = item->data(kKeyRole).toString();
        }
        if (!t.country.isEmpty())
            out << t;
    }
    return out;
}

void ActivityDetailPane::setActivity(const ProcessingActivity* activity,
                                     const QList<Processor>& organizationProcessors,
                                     const QList<Processor>& registry,
                                     const QList<RetentionRule>& rules)
{
    m_empty->setVisible(!activity);
    m_form->setVisible(activity != nullptr);
    m_problems->clear();
    if (!activity) {
        m_current = ProcessingActivity();
        return;
    }
    m_filling = true;
    m_current = *activity;
    m_registry = registry;
    const ProcessingActivity& a = *activity;
    m_heading->setText(a.name);
    m_name->setText(a.name);
    m_description->setText(a.description);
    m_role->setCurrentIndex(std::max(0, m_role->findData(toWire(a.role))));
    m_jointController->setText(a.jointController);
    m_controllers->setText(a.controllers.join(QStringLiteral(", ")));
    m_purposes->setPlainText(a.purposes.join(u'\n'));
    selectChoice(m_legalBasis, a.legalBasis);
    m_legalBasisNote->setText(a.legalBasisNote);
    selectChoice(m_art9, a.specialCategoryCondition);

    QList<std::pair<QString, QString>> items;
    for (const CatalogueItem& s : DataCategories::subjects())
        items.append({s.key, DataCategories::subjectLabel(s.key)});
    fillChecks(m_subjects, items, a.dataSubjects);
    items.clear();
    for (const CatalogueItem& c : DataCategories::categories())
        items.append(
            {c.key, c.special
                        ? tr("%1 (special category)").arg(DataCategories::categoryLabel(c.key))
                        : DataCategories::categoryLabel(c.key)});
    fillChecks(m_categories, items, a.dataCategories);
    items.clear();
    for (const Processor& p : organizationProcessors)
        items.append({p.id, p.parentId.isEmpty() ? p.name : tr("%1 (sub-processor)").arg(p.name)});
    fillChecks(m_processors, items, a.processorIds);
    items.clear();
    for (const RetentionRule& r : rules)
        items.append({r.id, QStringLiteral("%1: %2").arg(r.dataCategory, describePeriod(r))});
    fillChecks(m_rules, items, a.retentionRuleIds);
    items.clear();
    for (const CatalogueItem& m : SecurityMeasures::all())
        items.append({m.key, SecurityMeasures::label(m.key)});
    fillChecks(m_measures, items, a.securityMeasures);

    m_recipients->setRowCount(0);
    for (const OtherRecipient& r : a.otherRecipients)
        addRecipientRow(r);
    m_overrideTransfers->setChecked(a.transfersOverride.has_value());
    fillTransfers(a.transfersOverride.value_or(QList<Transfer>()));
    m_retentionNote->setText(a.retentionNote);
    m_measuresNote->setText(a.securityMeasuresNote);
    m_systems->setText(a.systems.join(QStringLiteral(", ")));
    selectChoice(m_dpiaStatus, a.dpiaStatus);
    m_dpiaReference->setText(a.dpiaReference);
    m_filling = false;
    updateState();
}

ProcessingActivity ActivityDetailPane::edited() const
{
    ProcessingActivity a = m_current;
    a.name = m_name->text().trimmed();
    a.description = m_description->text().trimmed();
    a.role = selected<ActivityRole>(m_role).value_or(ActivityRole::Controller);
    a.jointController = m_jointController->text().trimmed();
    a.controllers = splitList(m_controllers->text());
    a.purposes = splitList(m_purposes->toPlainText(), u'\n');
    a.legalBasis = selected<LegalBasis>(m_legalBasis);
    a.legalBasisNote = m_legalBasisNote->text().trimmed();
    a.dataSubjects = checkedKeys(m_subjects);
    a.dataCategories = checkedKeys(m_categories);
    // The Art. 9 condition only counts with a special category.
    a.specialCategoryCondition =
        a.hasSpecialCategories() ? selected<SpecialCategoryCondition>(m_art9) : std::nullopt;
    a.processorIds = checkedKeys(m_processors);
    a.otherRecipients.clear();
    for (int row = 0; row < m_recipients->rowCount(); ++row) {
        OtherRecipient r;
        r.name =
            m_recipients->item(row, 0) ? m_recipients->item(row, 0)->text().trimmed() : QString();
        r.type = choiceAt(m_recipients, row, 1, RecipientType::Other);
        r.country =
            m_recipients->item(row, 2) ? m_recipients->item(row, 2)->text().trimmed() : QString();
        r.mechanism = choiceAt(m_recipients, row, 3, TransferMechanism::None);
        a.otherRecipients << r;
    }
    if (m_overrideTransfers->isChecked())
        a.transfersOverride = transfersFromTable();
    else
        a.transfersOverride.reset();
    a.retentionRuleIds = checkedKeys(m_rules);
    a.retentionNote = m_retentionNote->text().trimmed();
    a.securityMeasures = checkedKeys(m_measures);
    a.securityMeasuresNote = m_measuresNote->text().trimmed();
    a.systems = splitList(m_systems->text());
    a.dpiaStatus = selected<DpiaStatus>(m_dpiaStatus);
    a.dpiaReference = m_dpiaReference->text().trimmed();
    return a;
}

void ActivityDetailPane::updateState()
{
    if (m_filling || m_current.id.isEmpty())
        return;
    const ProcessingActivity a = edited();
    const bool special = a.hasSpecialCategories();
    m_art9->setEnabled(!m_readOnly && special);
    m_jointController->setEnabled(!m_readOnly && a.role == ActivityRole::JointController);
    m_controllers->setEnabled(!m_readOnly && a.role == ActivityRole::Processor);
    m_transfers->setEnabled(!m_readOnly && m_overrideTransfers->isChecked());

    QStringList derived;
    for (const Transfer& t : derivedTransfers(a, m_registry))
        derived << tr("%1 via %2 (%3)").arg(t.country, t.recipient, displayLabel(t.mechanism));
    m_derived->setText(derived.isEmpty()
                           ? tr("Derived: no transfer outside the EEA.")
                           : tr("Derived: %1").arg(derived.join(QStringLiteral("; "))));

    QStringList lines;
    bool error = false;
    for (const ActivityProblem& p : validateActivity(a)) {
        lines << p.message;
        error = error || p.severity == ActivityProblem::Severity::Error;
    }
    m_problems->setText(lines.join(u'\n'));
    Style::textColour(m_problems, error ? Tone::Error : Tone::Warning);
    m_apply->setEnabled(!m_readOnly && a != m_current);
}

void ActivityDetailPane::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QWidget* w : std::as_const(m_editors))
        w->setEnabled(!readOnly);
    if (readOnly)
        m_apply->setEnabled(false);
    updateState();
}

void ActivityDetailPane::focusName()
{
    m_name->setFocus();
    m_name->selectAll();
}

void ActivityDetailPane::showProblem(const QString& text)
{
    m_problems->setText(text);
    Style::textColour(m_problems, Tone::Error);
}

} // namespace workbench
