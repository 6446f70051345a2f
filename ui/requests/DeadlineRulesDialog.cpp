#include "DeadlineRulesDialog.h"

#include "common/Style.h"
#include "dialogs/MessageBox.h"
#include "services/DeadlineRulesService.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace workbench {

namespace {

enum Column
{
    JurisdictionColumn,
    Period,
    Unit,
    ClockStarts,
    Pause,
    Extension,
    ExtensionUnit,
    Roll,
    Citation,
    ColumnCount
};

const QStringList kUnits{QStringLiteral("calendar_months"), QStringLiteral("calendar_days"),
                         QStringLiteral("business_days")};

QString unitName(LegalPeriod::Unit u)
{
    return kUnits[int(u)];
}

QTableWidgetItem* checkItem(bool on)
{
    auto item = new QTableWidgetItem;
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    return item;
}

} // namespace

DeadlineRulesDialog::DeadlineRulesDialog(DeadlineRulesService& service,
                                         const QString& organizationId,
                                         const QString& organizationName, QWidget* parent)
    : QDialog(parent)
    , m_service(service)
    , m_organizationId(organizationId)
{
    setObjectName(QStringLiteral("deadlineRulesDialog"));
    setWindowTitle(tr("Deadline rules and holidays"));
    resize(1000, 560);
    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("deadlineRulesTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Jurisdiction"), tr("Period"), tr("Unit"), tr("Clock starts"), tr("Pause allowed"),
         tr("Extension"), tr("Extension unit"), tr("Roll to working day"), tr("Citation")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_holidays = new QPlainTextEdit;
    m_holidays->setObjectName(QStringLiteral("holidaysEdit"));
    m_holidays->setPlaceholderText(
        tr("One date per line, YYYY-MM-DD, then its name:\n2026-12-25 Christmas Day"));
    m_holidays->setMaximumHeight(130);
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("deadlineRulesProblem"));
    Style::textColour(m_problem, Tone::Error);
    m_problem->setWordWrap(true);

    auto buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    auto restore = buttons->addButton(tr("Restore shipped rules"), QDialogButtonBox::ResetRole);
    restore->setObjectName(QStringLiteral("restoreRulesButton"));
    m_buttons = buttons;
    m_restore = restore;
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(restore, &QPushButton::clicked, this, [this] {
        if (MessageBox::question(this, tr("Restore shipped rules"),
                                 tr("Replace every edited rule with the rule the app ships?")) !=
            QMessageBox::Yes)
            return;
        if (auto s = m_service.restoreDefaultRules(); !s)
            m_problem->setText(s.error());
        load();
    });

    auto layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("The app ships these defaults; it does not pretend to be a lawyer. A "
                      "changed rule moves the due dates of every request under it, and is "
                      "recorded in the audit log.")));
    layout->addWidget(m_table, 1);
    layout->addWidget(
        new QLabel(tr("Holidays of %1 (deadlines that roll over skip them; so do business days):")
                       .arg(organizationName)));
    layout->addWidget(m_holidays);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    load();
}

void DeadlineRulesDialog::makeReadOnly()
{
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int r = 0; r < m_table->rowCount(); ++r) {
        for (int c = 0; c < m_table->columnCount(); ++c) {
            if (QTableWidgetItem* item = m_table->item(r, c))
                item->setFlags(item->flags() & ~(Qt::ItemIsUserCheckable | Qt::ItemIsEditable));
        }
    }
    m_holidays->setReadOnly(true);
    m_buttons->button(QDialogButtonBox::Save)->hide();
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    m_restore->hide();
}

void DeadlineRulesDialog::load()
{
    m_rules = m_service.rules();
    const QList<DeadlineRule> rules = m_rules.rules();
    m_table->setRowCount(int(rules.size()));
    for (int r = 0; r < rules.size(); ++r) {
        const DeadlineRule& rule = rules[r];
        auto fixed = new QTableWidgetItem(rule.jurisdiction);
        fixed->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        fixed->setToolTip(rule.otherDeadlines);
        m_table->setItem(r, JurisdictionColumn, fixed);
        m_table->setItem(r, Period, new QTableWidgetItem(QString::number(rule.period.amount)));
        m_table->setItem(r, Unit, new QTableWidgetItem(unitName(rule.period.unit)));
        m_table->setItem(r, ClockStarts,
                         new QTableWidgetItem(rule.clockStarts == DeadlineRule::ClockStart::Receipt
                                                  ? QStringLiteral("receipt")
                                                  : QStringLiteral("verification")));
        m_table->setItem(r, Pause, checkItem(rule.pauseAllowed));
        m_table->setItem(r, Extension,
                         new QTableWidgetItem(
                             rule.extension ? QString::number(rule.extension->amount) : QString()));
        m_table->setItem(
            r, ExtensionUnit,
            new QTableWidgetItem(rule.extension ? unitName(rule.extension->unit) : QString()));
        m_table->setItem(r, Roll, checkItem(rule.rollToWorkingDay));
        m_table->setItem(r, Citation, new QTableWidgetItem(rule.citation));
    }
    m_table->resizeColumnsToContents();
    QStringList days;
    for (const QDate& d : m_service.holidays(m_organizationId).holidays())
        days << d.toString(Qt::ISODate);
    days.sort();
    m_holidays->setPlainText(days.join(u'\n'));
}

Result<QList<DeadlineRule>> DeadlineRulesDialog::editedRules() const
{
    QList<DeadlineRule> out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QString jurisdiction = m_table->item(r, JurisdictionColumn)->text();
        QJsonObject json = m_rules.rule(jurisdiction)->toJson();
        auto text = [this, r](int c) {
            return m_table->item(r, c) ? m_table->item(r, c)->text().trimmed() : QString();
        };
        json.insert(QStringLiteral("period"),
                    QJsonObject{{QStringLiteral("amount"), text(Period).toInt()},
                                {QStringLiteral("unit"), text(Unit)}});
        json.insert(QStringLiteral("clock_starts"), text(ClockStarts));
        json.insert(QStringLiteral("pause_allowed"),
                    m_table->item(r, Pause)->checkState() == Qt::Checked);
        json.insert(QStringLiteral("roll_to_working_day"),
                    m_table->item(r, Roll)->checkState() == Qt::Checked);
        if (text(Extension).isEmpty())
            json.remove(QStringLiteral("extension"));
        else
            json.insert(QStringLiteral("extension"),
                        QJsonObject{{QStringLiteral("amount"), text(Extension).toInt()},
                                    {QStringLiteral("unit"), text(ExtensionUnit)}});
        json.insert(QStringLiteral("citation"), text(Citation));
        auto rule = DeadlineRule::fromJson(json);
        if (!rule)
            return Error{tr("Row %1: %2").arg(r + 1).arg(rule.error())};
        out.append(rule.value());
    }
    return out;
}

bool DeadlineRulesDialog::save()
{
    auto rules = editedRules();
    if (!rules) {
        m_problem->setText(rules.error());
        return false;
    }
    auto calendar = HolidayCalendar::parse(m_holidays->toPlainText(), tr("Holidays"));
    if (!calendar) {
        m_problem->setText(calendar.error());
        return false;
    }
    for (const DeadlineRule& rule : rules.value()) {
        if (rule == *m_rules.rule(rule.jurisdiction))
            continue;
        if (auto s = m_service.saveRule(rule); !s) {
            m_problem->setText(s.error());
            return false;
        }
    }
    if (calendar->holidays() != m_service.holidays(m_organizationId).holidays()) {
        if (auto s = m_service.setHolidays(m_organizationId, calendar.value()); !s) {
            m_problem->setText(s.error());
            return false;
        }
    }
    m_problem->clear();
    return true;
}

} // namespace workbench
