#include "PersonSchedulePanel.h"

#include "charts/RetentionTimeline.h"
#include "common/Style.h"
#include "dialogs/FileDialog.h"
#include "dialogs/MessageBox.h"
#include "export/PersonScheduleExport.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace workbench {

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
        auto item =
            new QTreeWidgetItem(m_steps, {PersonScheduleExport::whenText(a), a.what, a.note});
        item->setToolTip(2, a.note);
        if (!a.at.isValid())
            item->setForeground(0, toneColour(Tone::Error, m_steps->palette()));
    }
}

bool PersonSchedulePanel::exportCsv(const QString& path, QString* error) const
{
    if (auto s = PersonScheduleExport::writeCsv(path, m_schedule); !s) {
        *error = s.error();
        return false;
    }
    return true;
}

void PersonSchedulePanel::setAuditHeadSource(std::function<std::optional<AuditHead>()> source)
{
    m_auditHead = std::move(source);
}

bool PersonSchedulePanel::exportPdf(const QString& path, QString* error) const
{
    PersonScheduleExport::Document document;
    document.organizationName = m_organizationName;
    document.deletion = m_deletion->dateTime().toUTC();
    document.schedule = m_schedule;
    document.auditHead = m_auditHead ? m_auditHead() : std::nullopt;
    if (auto s = PersonScheduleExport::writePdf(path, document); !s) {
        *error = s.error();
        return false;
    }
    return true;
}

} // namespace workbench
