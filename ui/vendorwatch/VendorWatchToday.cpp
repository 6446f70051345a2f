#include "VendorWatchToday.h"

#include "domain/Resources.h"
#include "domain/Text.h"
#include "itemmodels/Tone.h"
#include "services/VendorWatchService.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTreeWidget>

namespace workbench {

namespace {

struct VendorWatchToday
{
    Q_DECLARE_TR_FUNCTIONS(VendorWatchToday)
};

} // namespace

int addVendorWatchToday(QTreeWidget* items, Workspace& workspace, const QString& organizationId,
                        QDate today)
{
    NoticeFilter filter;
    filter.organizationId = organizationId;
    filter.openOnly = true;
    auto notices = VendorWatchService(workspace).notices(filter);
    const QList<SubprocessorNotice> open = notices ? notices.value() : QList<SubprocessorNotice>();
    auto section = new QTreeWidgetItem(
        items, {VendorWatchToday::tr("Sub-processor changes to decide (%1)").arg(open.size())});
    QFont f = section->font(0);
    f.setBold(true);
    section->setFont(0, f);
    section->setFirstColumnSpanned(true);
    section->setExpanded(true);
    section->setData(0, Qt::UserRole + 2, QStringLiteral("subprocessor-notices"));
    const QLocale locale;
    for (const SubprocessorNotice& n : open) {
        const qint64 days = today.daysTo(n.objectionDeadline);
        QString why =
            days < 0 ? countText("VendorWatchToday",
                                 QT_TRANSLATE_NOOP("VendorWatchToday",
                                                   "objection deadline passed %n day(s) ago"),
                                 int(-days))
                     : countText("VendorWatchToday",
                                 QT_TRANSLATE_NOOP("VendorWatchToday", "object within %n day(s)"),
                                 int(days));
        why += QStringLiteral(" · ") + n.diff.summary();
        if (n.status == NoticeStatus::Objected)
            why += QStringLiteral(" · ") + displayLabel(n.status);
        auto item = new QTreeWidgetItem(
            section, {VendorWatchToday::tr("%1: sub-processor list changed").arg(n.processorName),
                      why, locale.toString(n.objectionDeadline, QLocale::ShortFormat)});
        item->setData(0, Qt::UserRole, resource::subprocessorNotices);
        item->setData(0, Qt::UserRole + 1, QString::number(n.id));
        if (n.isOverdue(today)) {
            item->setForeground(1, toneColour(Tone::Error, items->palette()));
            item->setForeground(2, toneColour(Tone::Error, items->palette()));
        }
    }
    return int(open.size());
}

} // namespace workbench
