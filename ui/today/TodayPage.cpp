#include "TodayPage.h"

#include "common/FilteredTable.h"
#include "common/Style.h"
#include "domain/Attention.h"
#include "domain/Resources.h"
#include "domain/Retention.h"
#include "domain/Text.h"
#include "services/IncidentService.h"
#include "services/RequestOverview.h"
#include "storage/Workspace.h"
#include "vendorwatch/VendorWatchToday.h"

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
    if (!processors) {
        m_summary->setText(processors.error());
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
            item->setData(0, Qt::UserRole, resource::processors);
            item->setData(0, Qt::UserRole + 1, a.processorId);
            if (a.overdue)
                item->setForeground(1, toneColour(Tone::Error, m_items->palette()));
        }
    };
    // Breach clocks first: the most urgent of all (red under 24 hours).
    if (auto clocks = IncidentService(m_workspace).runningClocks(organizationId()); clocks) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto parent = section(tr("Breach clocks running"), int(clocks->size()));
        for (const IncidentClock& c : clocks.value()) {
            auto item = new QTreeWidgetItem(
                parent, {QStringLiteral("%1 · %2").arg(c.title, c.clock.label), c.clock.status(now),
                         c.clock.due ? isoWithOffset(*c.clock.due).replace(u'T', u' ').remove(16, 3)
                                     : QString()});
            item->setData(0, Qt::UserRole, resource::incidents);
            item->setData(0, Qt::UserRole + 1, c.incidentId);
            const auto left = c.clock.secondsLeft(now);
            item->setForeground(1,
                                toneColour(left && *left < 24 * 3600 ? Tone::Error : Tone::Warning,
                                           m_items->palette()));
        }
    }
    const auto reviews = reviewsDue(processors.value(), today);
    addProcessorItems(section(tr("Vendor reviews due in the next 30 days"), int(reviews.size())),
                      reviews);
    const auto gaps = dpaGaps(processors.value());
    addProcessorItems(
        section(tr("Processors holding personal data without a signed DPA"), int(gaps.size())),
        gaps);

    auto attention = RequestOverview(m_workspace).attention(organizationId(), today);
    if (!attention) {
        m_summary->setText(attention.error());
        return;
    }
    auto addRequests = [&](const QString& title, int count, const QList<RequestAttention>& items,
                           bool red, const char* dueText) {
        auto parent = section(title, count);
        for (const RequestAttention& a : items) {
            const qint64 days = today.daysTo(a.due);
            auto item = new QTreeWidgetItem(
                parent,
                {QStringLiteral("%1 · %2 · %3")
                     .arg(a.id,
                          displayLabel(fromWire<RequestType>(a.type).value_or(RequestType::Access)),
                          a.jurisdiction),
                 countText("workbench::TodayPage",
                           days < 0
                               ? QT_TRANSLATE_NOOP("workbench::TodayPage", "overdue by %n day(s)")
                               : dueText,
                           int(std::abs(days))) +
                     QStringLiteral(" · ") +
                     displayLabel(fromWire<RequestStatus>(a.status).value_or(RequestStatus::New)),
                 locale.toString(a.due, QLocale::ShortFormat)});
            item->setData(0, Qt::UserRole, resource::rightsRequests);
            item->setData(0, Qt::UserRole + 1, a.id);
            if (red)
                item->setForeground(1, toneColour(Tone::Error, m_items->palette()));
        }
        if (count > items.size())
            new QTreeWidgetItem(
                parent, {tr("… and %1 more in the Requests page").arg(count - items.size())});
    };
    const RequestAttentionLists& lists = attention.value();
    addRequests(tr("Overdue rights requests"), lists.overdueCount, lists.overdue, true,
                QT_TRANSLATE_NOOP("workbench::TodayPage", "overdue by %n day(s)"));
    addRequests(tr("Rights requests due this week"), lists.dueThisWeekCount, lists.dueThisWeek,
                false, QT_TRANSLATE_NOOP("workbench::TodayPage", "due in %n day(s)"));
    addRequests(tr("Receipt to confirm (CCPA, 10 business days)"), lists.acknowledgementsDueCount,
                lists.acknowledgementsDue, false,
                QT_TRANSLATE_NOOP("workbench::TodayPage", "confirm within %n day(s)"));
    addVendorWatchToday(m_items, m_workspace, organizationId(), today);
    // Gaps between the retention rules and the registry (Retention page).
    auto rules = m_workspace.retentionRules(organizationId());
    const QList<RetentionGap> retention =
        rules ? retentionGaps(rules.value(), processors.value()) : QList<RetentionGap>();
    auto gapsItem = section(tr("Retention gaps"), int(retention.size()));
    for (const RetentionGap& g : retention) {
        auto item = new QTreeWidgetItem(gapsItem, {g.text});
        item->setFirstColumnSpanned(true);
        item->setData(0, Qt::UserRole, g.recordType);
        item->setData(0, Qt::UserRole + 1, g.recordId);
    }
    // Policy versions published but not yet binding, and drafts in progress.
    auto versions = m_workspace.policyVersions(organizationId());
    const QList<PolicyVersion> all = versions ? versions.value() : QList<PolicyVersion>();
    const QList<PolicyVersion> waiting = policiesAwaitingEffect(all, today);
    auto waitingItem = section(tr("Policy changes waiting to take effect"), int(waiting.size()));
    for (const PolicyVersion& v : waiting) {
        auto item = new QTreeWidgetItem(
            waitingItem, {v.title.isEmpty() ? v.document : v.title,
                          tr("users notified %1; takes effect in %2")
                              .arg(locale.toString(v.publishedOn, QLocale::ShortFormat),
                                   countText("workbench::TodayPage", "%n day(s)",
                                             int(today.daysTo(v.effectiveOn)))),
                          v.effectiveOn.toString(Qt::ISODate)});
        item->setData(0, Qt::UserRole, resource::policyVersions);
        item->setData(0, Qt::UserRole + 1, v.id);
    }
    const QList<PolicyVersion> drafts = policyDrafts(all);
    auto draftsItem = section(tr("Policy drafts not yet published"), int(drafts.size()));
    for (const PolicyVersion& v : drafts) {
        auto item = new QTreeWidgetItem(
            draftsItem, {v.title.isEmpty() ? v.document : v.title, tr("draft"), QString()});
        item->setData(0, Qt::UserRole, resource::policyVersions);
        item->setData(0, Qt::UserRole + 1, v.id);
    }
    m_summary->setText(
        tr("%1 processors · %2 overdue and %3 due this week · %4 reviews due · %5 DPA gaps")
            .arg(processors->size())
            .arg(lists.overdueCount)
            .arg(lists.dueThisWeekCount)
            .arg(reviews.size())
            .arg(gaps.size()));
}

} // namespace workbench
