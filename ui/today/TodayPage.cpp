#include "TodayPage.h"

#include "common/FilteredTable.h"
#include "domain/Attention.h"
#include "domain/Text.h"
#include "storage/Workspace.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace workbench {

TodayPage::TodayPage(Workspace& workspace, QWidget* parent)
    : Page(parent)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("todayPage"));
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("todaySummary"));
    m_summary->setWordWrap(true);
    m_items = new QTreeWidget;
    m_items->setObjectName(QStringLiteral("todayItems"));
    m_items->setHeaderLabels({tr("Item"), tr("Why"), tr("Date")});
    m_items->setRootIsDecorated(true);
    m_items->setAlternatingRowColors(true);
    m_items->header()->resizeSection(0, 320);
    m_items->header()->resizeSection(1, 320);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(tr("Today")));
    layout->addWidget(m_summary);
    layout->addWidget(m_items, 1);

    connect(m_items, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString resource = item->data(0, Qt::UserRole).toString();
        if (!resource.isEmpty())
            emit openRecord(resource, item->data(0, Qt::UserRole + 1).toString());
    });
    connect(&m_workspace, &Workspace::recordChanged, this, &TodayPage::requestRefresh);
}

void TodayPage::refresh()
{
    m_items->clear();
    const QDate today = QDate::currentDate();
    const QLocale locale;
    auto processors = m_workspace.processors(organizationId());
    auto requests = m_workspace.rightsRequests(organizationId());
    if (!processors || !requests) {
        m_summary->setText(processors ? requests.error() : processors.error());
        return;
    }
    auto section = [this](const QString& title, int count) {
        auto item = new QTreeWidgetItem(m_items, {QStringLiteral("%1 (%2)").arg(title).arg(count)});
        QFont f = item->font(0);
        f.setBold(true);
        item->setFont(0, f);
        item->setFirstColumnSpanned(true);
        item->setExpanded(true);
        return item;
    };
    auto addProcessorItems = [&](QTreeWidgetItem* parent, const QList<ProcessorAttention>& items) {
        for (const ProcessorAttention& a : items) {
            auto item = new QTreeWidgetItem(
                parent,
                {a.name, a.reason,
                 a.due.isValid() ? locale.toString(a.due, QLocale::ShortFormat) : QString()});
            item->setData(0, Qt::UserRole, QStringLiteral("processors"));
            item->setData(0, Qt::UserRole + 1, a.processorId);
            if (a.overdue)
                item->setForeground(1, QColor(0xb0, 0x1c, 0x1c));
        }
    };
    const auto reviews = reviewsDue(processors.value(), today);
    addProcessorItems(section(tr("Vendor reviews due in the next 30 days"), int(reviews.size())),
                      reviews);
    const auto gaps = dpaGaps(processors.value());
    addProcessorItems(
        section(tr("Processors holding personal data without a signed DPA"), int(gaps.size())),
        gaps);

    QList<RightsRequest> open;
    for (const RightsRequest& r : std::as_const(requests.value())) {
        if (r.isOpen())
            open.append(r);
    }
    std::sort(open.begin(), open.end(), [](const RightsRequest& a, const RightsRequest& b) {
        return a.receivedAt < b.receivedAt;
    });
    auto requestsItem = section(tr("Open rights requests, oldest first"), int(open.size()));
    for (const RightsRequest& r : std::as_const(open).mid(0, 25)) {
        const qint64 age = r.receivedAt.date().daysTo(today);
        auto item = new QTreeWidgetItem(
            requestsItem,
            {QStringLiteral("%1 · %2 · %3").arg(r.id, displayLabel(r.type), toWire(r.jurisdiction)),
             countText("workbench::TodayPage",
                       QT_TRANSLATE_NOOP("workbench::TodayPage", "received %n day(s) ago"),
                       int(age)) +
                 QStringLiteral(", ") + displayLabel(r.status),
             locale.toString(r.receivedAt.date(), QLocale::ShortFormat)});
        item->setData(0, Qt::UserRole, QStringLiteral("rights-requests"));
        item->setData(0, Qt::UserRole + 1, r.id);
        if (age > 30)
            item->setForeground(1, QColor(0xb0, 0x1c, 0x1c));
    }
    m_summary->setText(tr("%1 processors · %2 open rights requests · %3 reviews due · %4 DPA gaps")
                           .arg(processors->size())
                           .arg(open.size())
                           .arg(reviews.size())
                           .arg(gaps.size()));
}

} // namespace workbench
