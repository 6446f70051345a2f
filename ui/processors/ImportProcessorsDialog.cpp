#include "ImportProcessorsDialog.h"

#include "common/Style.h"
#include "dialogs/MessageBox.h"
#include "storage/Workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace workbench {

namespace {
const QList<ImportField> kFields{
    ImportField::Ignore,   ImportField::Name,        ImportField::Service,
    ImportField::Location, ImportField::LegalEntity, ImportField::Address,
    ImportField::Website,  ImportField::Contact,     ImportField::DataCategories};
}

ImportProcessorsDialog::ImportProcessorsDialog(Workspace& workspace, const QString& organizationId,
                                               ImportTable table, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_organizationId(organizationId)
    , m_table(std::move(table))
{
    setObjectName(QStringLiteral("importProcessorsDialog"));
    setWindowTitle(tr("Import processors from %1").arg(m_table.source));
    resize(1000, 640);
    const int columns = int(m_table.header.size());
    m_preview = new QTableWidget(std::min<int>(int(m_table.rows.size()), 50) + 1, columns);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setHorizontalHeaderLabels(m_table.header);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    const QList<ImportField> guessed = guessMapping(m_table.header);
    for (int c = 0; c < columns; ++c) {
        auto combo = new QComboBox;
        combo->setObjectName(QStringLiteral("importMapping%1").arg(c));
        for (ImportField f : kFields)
            combo->addItem(importFieldLabel(f), int(f));
        combo->setCurrentIndex(int(kFields.indexOf(guessed.value(c))));
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportProcessorsDialog::replan);
        m_mapping << combo;
        m_preview->setCellWidget(0, c, combo);
    }
    m_preview->setVerticalHeaderLabels(QStringList{tr("Meaning")} + [&] {
        QStringList rows;
        for (int r = 0; r < m_preview->rowCount() - 1; ++r)
            rows << QString::number(r + 2);
        return rows;
    }());
    for (int r = 0; r < m_preview->rowCount() - 1; ++r)
        for (int c = 0; c < columns; ++c)
            m_preview->setItem(r + 1, c, new QTableWidgetItem(m_table.rows[r].value(c)));
    m_preview->horizontalHeader()->setDefaultSectionSize(170);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("importSummary"));
    Style::bold(m_summary);
    m_report = new QListWidget;
    m_report->setObjectName(QStringLiteral("importReport"));
    auto split = new QSplitter(Qt::Vertical);
    split->addWidget(m_preview);
    auto reportPart = new QWidget;
    auto reportLayout = new QVBoxLayout(reportPart);
    reportLayout->setContentsMargins(0, 0, 0, 0);
    reportLayout->addWidget(m_summary);
    reportLayout->addWidget(m_report);
    split->addWidget(reportPart);
    auto buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    import->setObjectName(QStringLiteral("importButton"));
    auto layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Check what each column means; rows the import cannot take are listed with "
                      "the reason. Nothing is imported half-way.")));
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(import, &QPushButton::clicked, this, [this] {
        if (auto s = apply(); !s) {
            MessageBox::critical(this, tr("Nothing was imported"), s.error());
            return;
        }
        accept();
    });
    replan();
}

void ImportProcessorsDialog::setMapping(int column, ImportField field)
{
    if (column >= 0 && column < m_mapping.size())
        m_mapping[column]->setCurrentIndex(int(kFields.indexOf(field)));
}

void ImportProcessorsDialog::replan()
{
    QList<ImportField> mapping;
    for (QComboBox* c : std::as_const(m_mapping))
        mapping << ImportField(c->currentData().toInt());
    auto existing = m_workspace.processors();
    m_plan = planImport(m_table, mapping, existing ? existing.value() : QList<Processor>(),
                        m_organizationId);
    m_summary->setText(m_plan.summary());
    m_report->clear();
    for (const Processor& p : std::as_const(m_plan.added))
        new QListWidgetItem(tr("Add %1").arg(p.name), m_report);
    for (const auto& [before, after] : std::as_const(m_plan.updated))
        new QListWidgetItem(tr("Update %1 (already in the registry)").arg(after.name), m_report);
    for (const ImportIssue& issue : std::as_const(m_plan.rejected)) {
        auto item = new QListWidgetItem(tr("Row %1 rejected: %2").arg(issue.row).arg(issue.reason),
                                        m_report);
        item->setForeground(toneColour(Tone::Error, m_report->palette()));
    }
}

Status ImportProcessorsDialog::apply()
{
    return applyImport(m_workspace, m_plan, m_table.source);
}

} // namespace workbench
