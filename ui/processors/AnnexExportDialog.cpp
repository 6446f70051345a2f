#include "AnnexExportDialog.h"

#include "common/Style.h"
#include "dialogs/FileDialog.h"
#include "dialogs/MessageBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace workbench {

AnnexExportDialog::AnnexExportDialog(const Organization& organization,
                                     const QList<Processor>& processors, QWidget* parent)
    : QDialog(parent)
    , m_organization(organization)
    , m_processors(processors)
{
    setObjectName(QStringLiteral("annexExportDialog"));
    setWindowTitle(tr("Export the DPA annex — %1").arg(organization.name));
    resize(1100, 700);
    m_layout = new QComboBox;
    m_layout->setObjectName(QStringLiteral("annexLayout"));
    m_layout->addItem(tr("Sub-processors, EU SCC controller-to-processor (2021/915 Annex IV)"),
                      QStringLiteral("scc-processor"));
    m_layout->addItem(tr("Sub-processors, EU SCC transfers (2021/914 Annex III)"),
                      QStringLiteral("scc-transfer"));
    m_layout->addItem(tr("Full registry / GDPR Art. 30 record"), QStringLiteral("ropa"));
    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("annexFormat"));
    for (const auto& [label, name] :
         {std::pair{"Excel workbook (XLSX)", "xlsx"}, std::pair{"Word document (DOCX)", "docx"},
          std::pair{"OpenDocument text (ODT)", "odt"}, std::pair{"PDF", "pdf"},
          std::pair{"CSV (RFC 4180, UTF-8)", "csv"}, std::pair{"Markdown", "md"},
          std::pair{"HTML", "html"}, std::pair{"JSON", "json"}})
        m_format->addItem(tr(label), QString::fromLatin1(name));
    m_preview = new QTextBrowser;
    m_preview->setObjectName(QStringLiteral("annexPreview"));
    m_gapsTitle = new QLabel;
    Style::bold(m_gapsTitle);
    m_gaps = new QListWidget;
    m_gaps->setObjectName(QStringLiteral("annexGaps"));
    m_gaps->setToolTip(tr("Double-click to fix the processor first"));

    // The registry as of a past day (rebuilt from the audit log).
    m_asOfCheck = new QCheckBox(tr("The registry at the end of"));
    m_asOfCheck->setObjectName(QStringLiteral("annexAsOfCheck"));
    m_asOfDate = new QDateEdit(QDate::currentDate().addDays(-1));
    m_asOfDate->setObjectName(QStringLiteral("annexAsOfDate"));
    m_asOfDate->setCalendarPopup(true);
    m_asOfDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_asOfDate->setMaximumDate(QDate::currentDate());
    m_asOfDate->setEnabled(false);
    auto asOfRow = new QWidget;
    asOfRow->setObjectName(QStringLiteral("annexAsOfRow"));
    auto asOfLayout = new QHBoxLayout(asOfRow);
    asOfLayout->setContentsMargins(0, 0, 0, 0);
    asOfLayout->addWidget(m_asOfCheck);
    asOfLayout->addWidget(m_asOfDate);
    asOfLayout->addStretch();
    asOfRow->setVisible(false);
    auto form = new QFormLayout;
    form->addRow(tr("&Layout"), m_layout);
    form->addRow(tr("&Format"), m_format);
    form->addRow(tr("&As of"), asOfRow);
    auto gapsPart = new QWidget;
    auto gapsLayout = new QVBoxLayout(gapsPart);
    gapsLayout->setContentsMargins(0, 0, 0, 0);
    gapsLayout->addWidget(m_gapsTitle);
    gapsLayout->addWidget(m_gaps);
    auto split = new QSplitter(Qt::Vertical);
    split->addWidget(m_preview);
    split->addWidget(gapsPart);
    split->setSizes({480, 160});
    auto buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    auto exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("annexExportButton"));
    m_exportButton = exportButton;
    auto layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);

    connect(m_layout, &QComboBox::currentIndexChanged, this, &AnnexExportDialog::rebuild);
    connect(m_asOfCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_asOfDate->setEnabled(on);
        rebuild();
    });
    connect(m_asOfDate, &QDateEdit::dateChanged, this, [this] {
        if (m_asOfCheck->isChecked())
            rebuild();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString suffix = annexFormatName(format());
        const QString path = FileDialog::saveFile(
            this, tr("Export the annex"),
            QStringLiteral("%1-%2.%3")
                .arg(m_organization.name, m_layout->currentData().toString(), suffix),
            tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
        if (path.isEmpty())
            return;
        if (auto s = exportTo(path); !s) {
            MessageBox::critical(this, tr("Export failed"), s.error());
            return;
        }
        accept();
    });
    connect(m_gaps, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit fixRequested(item->data(Qt::UserRole).toString());
        reject();
    });
    rebuild();
}

AnnexFormat AnnexExportDialog::format() const
{
    return annexFormatFromName(m_format->currentData().toString()).value_or(AnnexFormat::Xlsx);
}

void AnnexExportDialog::rebuild()
{
    const auto layout =
        annexLayoutFromName(m_layout->currentData().toString()).value_or(AnnexLayout::SccProcessor);
    QList<Processor> processors = m_processors;
    const QDate day = asOf();
    if (day.isValid() && m_asOfSource) {
        auto then = m_asOfSource(day);
        if (!then) {
            // Nothing to export for that day: say why, where the preview was.
            m_table = AnnexTable{};
            m_preview->setPlainText(then.error());
            m_gaps->clear();
            m_gapsTitle->clear();
            m_exportButton->setEnabled(false);
            return;
        }
        processors = then.value();
    }
    m_exportButton->setEnabled(true);
    m_table = buildAnnex(layout, m_organization, processors, QDate::currentDate());
    markAsOf(m_table, day);
    m_preview->setHtml(annexToHtml(m_table));
    m_gaps->clear();
    for (const AnnexGap& g : m_table.gaps) {
        auto item = new QListWidgetItem(
            tr("%1 lacks: %2").arg(g.processorName, g.missing.join(QStringLiteral(", "))), m_gaps);
        item->setData(Qt::UserRole, g.processorId);
    }
    m_gapsTitle->setText(
        m_table.gaps.isEmpty()
            ? tr("Every processor has what this layout needs.")
            : tr("%1 processor(s) lack what this layout needs. Fix them (double-click), or export "
                 "anyway: the annex lists what is missing.")
                  .arg(m_table.gaps.size()));
}

void AnnexExportDialog::setAsOfSource(std::function<Result<QList<Processor>>(QDate)> source)
{
    m_asOfSource = std::move(source);
    m_asOfCheck->parentWidget()->setVisible(bool(m_asOfSource));
}

void AnnexExportDialog::setAsOf(QDate day)
{
    const bool past = day.isValid() && day < QDate::currentDate();
    {
        const QSignalBlocker blockDate(m_asOfDate);
        const QSignalBlocker blockCheck(m_asOfCheck);
        if (past)
            m_asOfDate->setDate(day);
        m_asOfCheck->setChecked(past);
        m_asOfDate->setEnabled(past);
    }
    rebuild();
}

QDate AnnexExportDialog::asOf() const
{
    return m_asOfCheck->isChecked() && m_asOfDate->date() < QDate::currentDate()
               ? m_asOfDate->date()
               : QDate();
}

void AnnexExportDialog::setAuditHeadSource(std::function<Result<AuditHead>()> source)
{
    m_auditHead = std::move(source);
}

Status AnnexExportDialog::exportTo(const QString& path)
{
    if (m_table.columns.isEmpty())
        return Error{m_preview->toPlainText()}; // the day the log cannot show
    AnnexTable table = m_table;
    if (m_auditHead) {
        auto head = m_auditHead();
        if (!head)
            return Error{head.error()};
        table.audit = head.value();
    }
    return writeAnnex(table, format(), path);
}

} // namespace workbench
