#include "PublishDialog.h"

#include "common/Style.h"
#include "domain/Notice.h"
#include "domain/Text.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace workbench {

PublishDialog::PublishDialog(const QString& versionTitle, int noticePeriodDays, QDate today,
                             QWidget* parent)
    : QDialog(parent)
    , m_noticeDays(noticePeriodDays)
{
    setObjectName(QStringLiteral("publishDialog"));
    setWindowTitle(tr("Publish %1").arg(versionTitle));
    auto intro = new QLabel(
        tr("Users are told of the change first; the new version binds them once the notice "
           "period (%1) has run. The version published now is superseded.")
            .arg(countText("PublishDialog", "%n day(s)", noticePeriodDays)));
    intro->setWordWrap(true);
    m_notified = new QDateEdit(today);
    m_notified->setObjectName(QStringLiteral("notifiedOn"));
    m_notified->setCalendarPopup(true);
    m_notified->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_effective = new QDateEdit(earliestEffectiveDate(today, noticePeriodDays));
    m_effective->setObjectName(QStringLiteral("effectiveOn"));
    m_effective->setCalendarPopup(true);
    m_effective->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_reason = new QLabel;
    m_reason->setObjectName(QStringLiteral("publishProblem"));
    m_reason->setWordWrap(true);
    Style::textColour(m_reason, Tone::Error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Publish"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_notified, &QDateEdit::dateChanged, this, &PublishDialog::check);
    connect(m_effective, &QDateEdit::dateChanged, this, &PublishDialog::check);

    auto form = new QFormLayout;
    form->addRow(tr("Users &notified on:"), m_notified);
    form->addRow(tr("&Effective from:"), m_effective);
    auto layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_reason);
    layout->addWidget(m_buttons);
    check();
}

QDate PublishDialog::notifiedOn() const
{
    return m_notified->date();
}

QDate PublishDialog::effectiveOn() const
{
    return m_effective->date();
}

void PublishDialog::setDates(QDate notifiedOn, QDate effectiveOn)
{
    m_notified->setDate(notifiedOn);
    m_effective->setDate(effectiveOn);
}

QString PublishDialog::problem() const
{
    const Status s = checkNotice(notifiedOn(), effectiveOn(), m_noticeDays);
    return s ? QString() : s.error();
}

void PublishDialog::check()
{
    const QString reason = problem();
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(reason.isEmpty());
}

} // namespace workbench
