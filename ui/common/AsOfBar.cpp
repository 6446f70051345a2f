#include "AsOfBar.h"

#include "Style.h"
#include "services/AsOfService.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

namespace workbench {

AsOfBar::AsOfBar(const QString& subject, QWidget* parent)
    : QWidget(parent)
    , m_subject(subject)
{
    setObjectName(QStringLiteral("asOfBar"));
    auto label = new QLabel(tr("Show as of the end of"));
    m_date = new QDateEdit(QDate::currentDate());
    m_date->setObjectName(QStringLiteral("asOfDate"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setMaximumDate(QDate::currentDate());
    m_date->setToolTip(tr("A past day shows the records as they stood then, read-only, rebuilt "
                          "from the audit log"));
    label->setBuddy(m_date);
    m_show = new QPushButton(tr("Show"));
    m_show->setObjectName(QStringLiteral("asOfShow"));

    m_banner = new QWidget;
    m_banner->setObjectName(QStringLiteral("asOfBanner"));
    Style::banner(m_banner);
    m_banner->setAutoFillBackground(true);
    m_bannerText = new QLabel;
    m_bannerText->setObjectName(QStringLiteral("asOfBannerText"));
    m_today = new QPushButton(tr("Back to today"));
    m_today->setObjectName(QStringLiteral("asOfBackToToday"));
    auto bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_today);

    auto layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_date);
    layout->addWidget(m_show);
    layout->addWidget(m_banner, 1);
    layout->addStretch();

    connect(m_show, &QPushButton::clicked, this, [this] { showDay(m_date->date()); });
    connect(m_date, &QDateEdit::editingFinished, this, [this] {
        if (m_date->date() != (m_day.isValid() ? m_day : QDate::currentDate()))
            showDay(m_date->date());
    });
    connect(m_today, &QPushButton::clicked, this, &AsOfBar::backToToday);
    update();
}

void AsOfBar::setEarliestDay(QDate day)
{
    m_date->setMinimumDate(day.isValid() ? day : QDate(1900, 1, 1));
    m_date->setToolTip(day.isValid()
                           ? tr("A past day shows the records as they stood then, read-only. "
                                "The audit log answers from %1 on.")
                                 .arg(day.toString(Qt::ISODate))
                           : tr("A past day shows the records as they stood then, read-only, "
                                "rebuilt from the audit log"));
}

void AsOfBar::showDay(QDate day)
{
    const QDate today = QDate::currentDate();
    const QDate shown = day.isValid() && day < today ? day : QDate();
    m_date->setMaximumDate(today);
    if (shown == m_day) {
        update();
        return;
    }
    m_day = shown;
    update();
    emit dayChanged(m_day);
}

void AsOfBar::update()
{
    {
        const QSignalBlocker block(m_date);
        m_date->setDate(m_day.isValid() ? m_day : QDate::currentDate());
    }
    m_banner->setVisible(m_day.isValid());
    if (m_day.isValid())
        m_bannerText->setText(
            tr("%1 %2 — read-only.").arg(m_subject, AsOfService::asOfText(m_day)));
}

} // namespace workbench
