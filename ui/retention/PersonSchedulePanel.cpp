#include "PersonSchedulePanel.h"

#include "charts/RetentionTimeline.h"
#include "common/Style.h"
#include "dialogs/FileDialog.h"
#include "dialogs/MessageBox.h"
#include "export/Csv.h"
#include "export/ExportFile.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QPushButton>
#include <QSplitter>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace workbench {

namespace {

QString whenText(const ScheduledAction& a)
{
    if (!a.at.isValid())
        return QCoreApplication::translate("PersonSchedulePanel", "no date");
    return QLocale().toString(a.at.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) +
           (a.withinLimit ? QCoreApplication::translate("PersonSchedulePanel", " at the latest")
                          : QString());
}

} // namespace

PersonSchedulePanel::PersonSchedulePanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("personSchedule"));
    m_deletion = new QDateTimeEdit(QDateTime(QDate::currentDate(), QTime(12, 0), Qt::UTC));
    m_deletion->setObjectName(QStringLiteral("deletionDate"));
    m_deletion->setCalendarPopup(true);
    m_deletion->setTimeSpec(Qt::UTC);
    m_deletion->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m_hasTransaction = new QCheckBox(tr("Last transaction on"));
    m_hasTransaction->setObjectName(QStringLiteral("hasLastTransaction"));
    m_lastTransaction = new QDateEdit(QDate::currentDate());
    m_lastTransaction->setObjectName(QStringLiteral("lastTransactionDate"));
    m_lastTransaction->setCalendarPopup(true);
    m_lastTransaction->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_lastTransaction->setEnabled(false);
    auto csv = new QPushButton(tr("Export CSV…"));
    csv->setObjectName(QStringLiteral("scheduleCsvButton"));
    auto pdf = new QPushButton(tr("Export PDF…"));
    pdf->setObjectName(QStringLiteral("schedulePdfButton"));

    m_steps = new QTreeWidget;
    m_steps->setObjectName(QStringLiteral("scheduleSteps"));
    m_steps->setHeaderLabels({tr("When"), tr("What"), tr("How the date follows")});
    m_steps->setRootIsDecorated(false);
    m_steps->setWordWrap(true);
    m_steps->header()->resizeSection(0, 245);
    m_steps->header()->resizeSection(1, 280);

    auto top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Account deleted on")));
    top->addWidget(m_deletion);
    top->addSpacing(12);
    top->addWidget(m_hasTransaction);
    top->addWidget(m_lastTransaction);
    top->addStretch();
    top->addWidget(csv);
    top->addWidget(pdf);
    auto layout = new QVBoxLayout(this);
    layout->addLayout(top);
    m_timeline = new RetentionTimeline;
    m_timeline->setObjectName(QStringLiteral("personTimeline"));
    m_timeline->setGrouped(false);
    m_timeline->setTitle(tr("After the account deletion: each bar ends when that step happens"));
    auto split = new QSplitter(Qt::Vertical);
    split->addWidget(m_steps);
    split->addWidget(m_timeline);
    split->setSizes({170, 260});
    layout->addWidget(split, 1);

    connect(m_deletion, &QDateTimeEdit::dateTimeChanged, this, &PersonSchedulePanel::recompute);
    connect(m_lastTransaction, &QDateEdit::dateChanged, this, &PersonSchedulePanel::recompute);
    connect(m_hasTransaction, &QCheckBox::toggled, this, [this](bool on) {
        m_lastTransaction->setEnabled(on);
        recompute();
    });
    auto exportWith = [this](const QString& filter, const QString& suffix,
                             bool (PersonSchedulePanel::*write)(const QString&, QString*) const) {
        const QString path =
            FileDialog::saveFile(this, tr("Export the schedule"),
                                 QStringLiteral("retention-schedule.") + suffix, filter);
        if (path.isEmpty())
            return;
        QString error;
        if (!(this->*write)(path, &error))
            MessageBox::critical(this, tr("Export failed"), error);
    };
    connect(csv, &QPushButton::clicked, this, [=] {
        exportWith(tr("CSV files (*.csv)"), QStringLiteral("csv"), &PersonSchedulePanel::exportCsv);
    });
    connect(pdf, &QPushButton::clicked, this, [=] {
        exportWith(tr("PDF files (*.pdf)"), QStringLiteral("pdf"), &PersonSchedulePanel::exportPdf);
    });
}

void PersonSchedulePanel::setRules(const QString& organizationName,
                                   const QList<RetentionRule>& rules)
{
    m_organizationName = organizationName;
    m_rules = rules;
    recompute();
}

void PersonSchedulePanel::setDeletion(const QDateTime& when)
{
    m_deletion->setDateTime(when);
}

void PersonSchedulePanel::recompute()
{
    PersonDates person;
    person.accountDeletion = m_deletion->dateTime().toUTC();
    if (m_hasTransaction->isChecked())
        person.lastTransaction = m_lastTransaction->date();
    m_schedule = retentionSchedule(m_rules, person);
    // The same steps as bars from the deletion to each step's date.
    QList<RetentionRule> bars;
    for (const ScheduledAction& a : std::as_const(m_schedule)) {
        const qint64 seconds = a.at.isValid() ? person.accountDeletion.secsTo(a.at) : 0;
        if (seconds <= 0)
            continue; // no date, or at the deletion itself
        RetentionRule bar = a.rule;
        IsoDuration after;
        if (seconds % 86400 == 0)
            after.days = int(seconds / 86400);
        else
            after.hours = int(seconds / 3600);
        bar.period =
            after.isZero() ? std::optional<IsoDuration>() : std::optional<IsoDuration>(after);
        bar.dataCategory = a.what;
        bars.append(bar);
    }
    m_timeline->setRules(bars);
    m_steps->clear();
    for (const ScheduledAction& a : std::as_const(m_schedule)) {
        auto item = new QTreeWidgetItem(m_steps, {whenText(a), a.what, a.note});
        item->setToolTip(2, a.note);
        if (!a.at.isValid())
            item->setForeground(0, Style::colour(Style::kError, m_steps->palette()));
    }
}

QString PersonSchedulePanel::toCsv() const
{
    QList<QStringList> rows;
    for (const ScheduledAction& a : m_schedule)
        rows << QStringList{a.at.isValid() ? a.at.toUTC().toString(Qt::ISODate) : QString(),
                            a.withinLimit ? QStringLiteral("at the latest") : QString(),
                            toWire(a.rule.action),
                            a.rule.dataCategory,
                            a.rule.period ? a.rule.period->toIso() : QString(),
                            toWire(a.rule.trigger),
                            a.note};
    return csvDocument({QStringLiteral("when"), QStringLiteral("limit"), QStringLiteral("action"),
                        QStringLiteral("data_category"), QStringLiteral("period"),
                        QStringLiteral("trigger"), QStringLiteral("how")},
                       rows);
}

bool PersonSchedulePanel::exportCsv(const QString& path, QString* error) const
{
    // The organization's rules and a date, nobody's identity: the umask
    // decides, as for the annexes.
    if (auto s = writeExportFile(path, toCsv().toUtf8(), FileAccess::Shared); !s) {
        *error = s.error();
        return false;
    }
    return true;
}

void PersonSchedulePanel::setAuditHeadSource(std::function<std::optional<AuditHead>()> source)
{
    m_auditHead = std::move(source);
}

QString PersonSchedulePanel::toHtml() const
{
    QString html =
        QStringLiteral(
            "<h2>%1</h2><p>%2</p><table border='1' cellspacing='0' cellpadding='4' width='100%'>"
            "<tr><th>%3</th><th>%4</th><th>%5</th></tr>")
            .arg(tr("What happens to one person's data — %1")
                     .arg(m_organizationName.toHtmlEscaped()),
                 tr("Account deleted on %1. Built from the organization's retention rules on %2.")
                     .arg(m_deletion->dateTime().toUTC().toString(Qt::ISODate),
                          QDate::currentDate().toString(Qt::ISODate)),
                 tr("When"), tr("What"), tr("How the date follows"));
    for (const ScheduledAction& a : m_schedule)
        html +=
            QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                .arg(whenText(a).toHtmlEscaped(), a.what.toHtmlEscaped(), a.note.toHtmlEscaped());
    html += QStringLiteral("</table>");
    if (const auto head = m_auditHead ? m_auditHead() : std::nullopt)
        // A letter spacing keeps the PDF from joining "ff" in the hash into
        // a ligature (the anchor must copy out as typed).
        html += QStringLiteral("<p style='font-size:small;color:#555;letter-spacing:0.1px'>%1</p>")
                    .arg(auditFooter(*head).toHtmlEscaped());
    return html;
}

bool PersonSchedulePanel::exportPdf(const QString& path, QString* error) const
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setTitle(tr("Retention schedule"));
    writer.setCreator(QStringLiteral("Privacy Workbench"));
    QTextDocument doc;
    doc.setHtml(toHtml());
    doc.print(&writer);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    return true;
}

} // namespace workbench
