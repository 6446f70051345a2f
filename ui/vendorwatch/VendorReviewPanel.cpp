#include "VendorReviewPanel.h"

#include "common/Style.h"
#include "dialogs/FileDialog.h"
#include "dialogs/InputDialog.h"
#include "dialogs/MessageBox.h"
#include "services/VendorReviewService.h"
#include "storage/Workspace.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace workbench {

VendorReviewPanel::VendorReviewPanel(Workspace& workspace, const QString& processorId,
                                     QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_processorId(processorId)
{
    setObjectName(QStringLiteral("vendorReviewPanel"));
    m_reviews = new QTreeWidget;
    m_reviews->setObjectName(QStringLiteral("reviewList"));
    m_reviews->setRootIsDecorated(false);
    m_reviews->setHeaderLabels(
        {tr("Reviewed"), tr("Reviewer"), tr("Outcome"), tr("Risk tier"), tr("Next review")});
    m_reviewDetail = new QLabel;
    m_reviewDetail->setObjectName(QStringLiteral("reviewDetail"));
    m_reviewDetail->setWordWrap(true);
    m_reviewDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reviewDetail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto past = new QWidget;
    auto pastLayout = new QVBoxLayout(past);
    pastLayout->setContentsMargins(0, 0, 0, 0);
    pastLayout->addWidget(m_reviews, 1);
    pastLayout->addWidget(m_reviewDetail);

    auto form = new QGroupBox(tr("New review"));
    m_date = new QDateEdit(QDate::currentDate());
    m_date->setObjectName(QStringLiteral("reviewDateEdit"));
    m_date->setCalendarPopup(true);
    m_reviewer = new QLineEdit(m_workspace.actor());
    m_reviewer->setObjectName(QStringLiteral("reviewerEdit"));
    m_template = new QComboBox;
    m_template->setObjectName(QStringLiteral("questionnaireCombo"));
    auto editTemplate = new QPushButton(tr("Edit…"));
    editTemplate->setObjectName(QStringLiteral("editQuestionnaireButton"));
    auto templateRow = new QHBoxLayout;
    templateRow->addWidget(m_template, 1);
    templateRow->addWidget(editTemplate);
    m_answers = new QTableWidget(0, 2);
    m_answers->setObjectName(QStringLiteral("answersTable"));
    m_answers->setHorizontalHeaderLabels({tr("Question"), tr("Answer")});
    m_answers->horizontalHeader()->setStretchLastSection(true);
    m_answers->horizontalHeader()->resizeSection(0, 320);
    m_answers->setWordWrap(true);
    m_answers->verticalHeader()->hide();
    m_findings = new QPlainTextEdit;
    m_findings->setObjectName(QStringLiteral("findingsEdit"));
    m_findings->setFixedHeight(m_findings->fontMetrics().lineSpacing() * 3 + 12);
    m_outcome = new QComboBox;
    m_outcome->setObjectName(QStringLiteral("outcomeCombo"));
    for (ReviewOutcome o :
         {ReviewOutcome::Approved, ReviewOutcome::ApprovedWithConditions, ReviewOutcome::Rejected})
        m_outcome->addItem(displayLabel(o), toWire(o));
    m_tier = new QComboBox;
    m_tier->setObjectName(QStringLiteral("riskTierCombo"));
    for (RiskTier t : {RiskTier::High, RiskTier::Medium, RiskTier::Low})
        m_tier->addItem(displayLabel(t), toWire(t));
    m_tier->setCurrentIndex(1);
    m_evidence = new QListWidget;
    m_evidence->setObjectName(QStringLiteral("evidenceList"));
    m_evidence->setFixedHeight(m_evidence->fontMetrics().lineSpacing() * 3 + 12);
    auto addEvidenceButton = new QPushButton(tr("Add evidence…"));
    addEvidenceButton->setObjectName(QStringLiteral("addEvidenceButton"));
    auto record = new QPushButton(tr("&Record review"));
    record->setObjectName(QStringLiteral("recordReviewButton"));
    auto outcomeRow = new QHBoxLayout;
    outcomeRow->addWidget(m_outcome);
    outcomeRow->addWidget(m_tier);
    outcomeRow->addStretch();
    auto evidenceRow = new QHBoxLayout;
    evidenceRow->addWidget(m_evidence, 1);
    evidenceRow->addWidget(addEvidenceButton, 0, Qt::AlignTop);
    auto formLayout = new QFormLayout(form);
    auto dateRow = new QHBoxLayout;
    dateRow->addWidget(m_date);
    dateRow->addWidget(new QLabel(tr("by")));
    dateRow->addWidget(m_reviewer, 1);
    formLayout->addRow(tr("Date"), dateRow);
    formLayout->addRow(tr("Questionnaire"), templateRow);
    formLayout->addRow(m_answers);
    formLayout->addRow(tr("&Findings"), m_findings);
    formLayout->addRow(tr("Outcome"), outcomeRow);
    formLayout->addRow(tr("Evidence"), evidenceRow);

    auto cadence = new QGroupBox(tr("Months between reviews"));
    m_high = new QSpinBox;
    m_medium = new QSpinBox;
    m_low = new QSpinBox;
    m_high->setObjectName(QStringLiteral("cadenceHighSpin"));
    m_medium->setObjectName(QStringLiteral("cadenceMediumSpin"));
    m_low->setObjectName(QStringLiteral("cadenceLowSpin"));
    auto cadenceRow = new QHBoxLayout(cadence);
    for (auto [label, spin] : {std::pair{tr("high"), m_high}, std::pair{tr("medium"), m_medium},
                               std::pair{tr("low"), m_low}}) {
        spin->setRange(1, 120);
        cadenceRow->addWidget(new QLabel(label));
        cadenceRow->addWidget(spin);
    }
    auto saveCadenceButton = new QPushButton(tr("Save cadence"));
    saveCadenceButton->setObjectName(QStringLiteral("saveCadenceButton"));
    cadenceRow->addWidget(saveCadenceButton);
    cadenceRow->addStretch();

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->setWordWrap(true);
    auto bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(record);

    auto split = new QSplitter(Qt::Horizontal);
    split->addWidget(past);
    split->addWidget(form);
    split->setStretchFactor(1, 3);
    auto layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(cadence);
    layout->addLayout(bottom);

    connect(m_template, &QComboBox::currentIndexChanged, this, &VendorReviewPanel::loadTemplate);
    connect(editTemplate, &QPushButton::clicked, this, &VendorReviewPanel::editQuestionnaire);
    connect(addEvidenceButton, &QPushButton::clicked, this, [this] {
        const QString path = FileDialog::openFile(this, tr("Add evidence"));
        if (!path.isEmpty())
            addEvidence(path);
    });
    connect(record, &QPushButton::clicked, this, &VendorReviewPanel::recordReview);
    connect(saveCadenceButton, &QPushButton::clicked, this, &VendorReviewPanel::saveCadence);
    connect(m_reviews, &QTreeWidget::currentItemChanged, this, &VendorReviewPanel::showReview);
    reload();
}

void VendorReviewPanel::reload()
{
    VendorReviewService service(m_workspace);
    const ReviewCadence c = service.cadence();
    m_high->setValue(c.highMonths);
    m_medium->setValue(c.mediumMonths);
    m_low->setValue(c.lowMonths);
    const QString current = m_template->currentData().toString();
    {
        const QSignalBlocker block(m_template);
        m_template->clear();
        for (const QuestionnaireTemplate& t : service.templates())
            m_template->addItem(t.name, t.id);
        const int i = m_template->findData(current);
        m_template->setCurrentIndex(i >= 0 ? i : 0);
    }
    loadTemplate();
    m_reviews->clear();
    const QLocale locale;
    const QDate today = QDate::currentDate();
    auto reviews = service.reviews(m_processorId);
    for (const VendorReview& r : reviews ? reviews.value() : QList<VendorReview>()) {
        auto item = new QTreeWidgetItem(m_reviews,
                                        {locale.toString(r.reviewedOn, QLocale::ShortFormat),
                                         r.reviewer, displayLabel(r.outcome), displayLabel(r.tier),
                                         locale.toString(r.nextReviewOn, QLocale::ShortFormat)});
        item->setData(0, Qt::UserRole, r.id);
        QStringList lines;
        lines << QStringLiteral("<b>%1</b>").arg(tr("Findings")) << r.findings.toHtmlEscaped();
        lines << QStringLiteral("<b>%1</b>").arg(tr("Evidence"));
        for (const EvidenceFile& f : r.evidence)
            lines << QStringLiteral("%1 · %2 bytes · SHA-256 %3")
                         .arg(f.fileName.toHtmlEscaped())
                         .arg(f.size)
                         .arg(f.sha256);
        for (const ReviewAnswer& a : r.answers)
            lines << QStringLiteral("<i>%1</i><br>%2")
                         .arg(a.question.toHtmlEscaped(), a.answer.toHtmlEscaped());
        item->setData(0, Qt::UserRole + 1, lines.join(QStringLiteral("<br>")));
        if (r.nextReviewOn < today)
            item->setForeground(4, toneColour(Tone::Error, m_reviews->palette()));
    }
    if (m_reviews->topLevelItemCount() > 0)
        m_reviews->setCurrentItem(m_reviews->topLevelItem(0));
    showReview();
}

void VendorReviewPanel::showReview()
{
    const QTreeWidgetItem* item = m_reviews->currentItem();
    m_reviewDetail->setText(item ? item->data(0, Qt::UserRole + 1).toString()
                                 : tr("No review recorded yet."));
}

void VendorReviewPanel::loadTemplate()
{
    const QString id = m_template->currentData().toString();
    m_answers->setRowCount(0);
    for (const QuestionnaireTemplate& t : VendorReviewService(m_workspace).templates()) {
        if (t.id != id)
            continue;
        for (const QString& q : t.questions) {
            const int row = m_answers->rowCount();
            m_answers->insertRow(row);
            auto question = new QTableWidgetItem(q);
            question->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            m_answers->setItem(row, 0, question);
            m_answers->setItem(row, 1, new QTableWidgetItem);
        }
    }
    m_answers->resizeRowsToContents();
}

void VendorReviewPanel::addEvidence(const QString& path)
{
    auto item = new QListWidgetItem(QFileInfo(path).fileName(), m_evidence);
    item->setData(Qt::UserRole, path);
    item->setToolTip(path);
}

bool VendorReviewPanel::recordReview()
{
    VendorReview r;
    r.processorId = m_processorId;
    r.reviewedOn = m_date->date();
    r.reviewer = m_reviewer->text();
    r.templateName = m_template->currentText();
    for (int row = 0; row < m_answers->rowCount(); ++row)
        r.answers << ReviewAnswer{m_answers->item(row, 0)->text(),
                                  m_answers->item(row, 1) ? m_answers->item(row, 1)->text()
                                                          : QString()};
    r.findings = m_findings->toPlainText().trimmed();
    r.outcome = fromWire<ReviewOutcome>(m_outcome->currentData().toString())
                    .value_or(ReviewOutcome::Approved);
    r.tier = fromWire<RiskTier>(m_tier->currentData().toString()).value_or(RiskTier::Medium);
    QStringList files;
    for (int i = 0; i < m_evidence->count(); ++i)
        files << m_evidence->item(i)->data(Qt::UserRole).toString();
    auto stored = VendorReviewService(m_workspace).record(r, files);
    if (!stored) {
        Style::textColour(m_status, Tone::Error);
        m_status->setText(stored.error());
        return false;
    }
    Style::textColour(m_status, Tone::Good);
    m_status->setText(
        tr("Review recorded; the next review is due on %1.")
            .arg(QLocale().toString(stored.value().nextReviewOn, QLocale::LongFormat)));
    m_findings->clear();
    m_evidence->clear();
    reload();
    return true;
}

void VendorReviewPanel::saveCadence()
{
    ReviewCadence c;
    c.highMonths = m_high->value();
    c.mediumMonths = m_medium->value();
    c.lowMonths = m_low->value();
    if (auto s = VendorReviewService(m_workspace).saveCadence(c); !s)
        MessageBox::warning(this, tr("Cannot save the cadence"), s.error());
    else
        m_status->setText(tr("Cadence saved; it sets the next date of reviews recorded from now."));
}

void VendorReviewPanel::editQuestionnaire()
{
    VendorReviewService service(m_workspace);
    const QString id = m_template->currentData().toString();
    for (QuestionnaireTemplate t : service.templates()) {
        if (t.id != id)
            continue;
        const auto text =
            InputDialog::text(this, tr("Edit the questionnaire"), tr("One question per line:"),
                              t.questions.join(u'\n'), true);
        if (!text)
            return;
        t.questions = text->split(u'\n', Qt::SkipEmptyParts);
        if (auto s = service.saveTemplate(t); !s)
            MessageBox::warning(this, tr("Cannot save the questionnaire"), s.error());
        reload();
        return;
    }
}

} // namespace workbench
