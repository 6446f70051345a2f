#include "PersonScheduleExport.h"

#include "Csv.h"
#include "ExportFile.h"
#include "storage/Workspace.h"

#include <QBuffer>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace workbench {

QStringList PersonScheduleExport::header()
{
    return {QStringLiteral("when"),          QStringLiteral("limit"),  QStringLiteral("action"),
            QStringLiteral("data_category"), QStringLiteral("period"), QStringLiteral("trigger"),
            QStringLiteral("how"),           QStringLiteral("rule")};
}

QStringList PersonScheduleExport::row(const ScheduledAction& step)
{
    return {step.at.isValid() ? step.at.toString(Qt::ISODate) : QString(),
            step.withinLimit ? QStringLiteral("at the latest") : QString(),
            toWire(step.rule.action),
            step.rule.dataCategory,
            step.rule.period ? step.rule.period->toIso() : QString(),
            toWire(step.rule.trigger),
            step.note,
            step.rule.id};
}

QList<QStringList> PersonScheduleExport::rows(const QList<ScheduledAction>& schedule)
{
    QList<QStringList> out;
    out.reserve(schedule.size());
    for (const ScheduledAction& step : schedule)
        out << row(step);
    return out;
}

QString PersonScheduleExport::csv(const QList<ScheduledAction>& schedule)
{
    return csvDocument(header(), rows(schedule));
}

Status PersonScheduleExport::writeCsv(const QString& path, const QList<ScheduledAction>& schedule)
{
    return writeExportFile(path, csv(schedule).toUtf8(), FileAccess::Shared);
}

QString PersonScheduleExport::whenText(const ScheduledAction& step)
{
    if (!step.at.isValid())
        return tr("no date");
    return QLocale().toString(step.at.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) +
           (step.withinLimit ? tr(" at the latest") : QString());
}

QString PersonScheduleExport::html(const Document& document)
{
    QString text =
        QStringLiteral(
            "<h2>%1</h2><p>%2</p><table border='1' cellspacing='0' cellpadding='4' width='100%'>"
            "<tr><th>%3</th><th>%4</th><th>%5</th></tr>")
            .arg(tr("What happens to one person's data — %1")
                     .arg(document.organizationName.toHtmlEscaped()),
                 tr("Account deleted on %1. Built from the organization's retention rules on %2.")
                     .arg(document.deletion.toUTC().toString(Qt::ISODate),
                          document.madeOn.toString(Qt::ISODate)),
                 tr("When"), tr("What"), tr("How the date follows"));
    for (const ScheduledAction& step : document.schedule)
        text += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(whenText(step).toHtmlEscaped(), step.what.toHtmlEscaped(),
                         step.note.toHtmlEscaped());
    text += QStringLiteral("</table>");
    if (document.auditHead)
        // A letter spacing keeps the PDF from joining "ff" in the hash into
        // a ligature (the anchor must copy out as typed).
        text += QStringLiteral("<p style='font-size:small;color:#555;letter-spacing:0.1px'>%1</p>")
                    .arg(auditFooter(*document.auditHead).toHtmlEscaped());
    return text;
}

Status PersonScheduleExport::writePdf(const QString& path, const Document& document)
{
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdf);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setTitle(tr("Retention schedule"));
        writer.setCreator(QStringLiteral("Privacy Workbench"));
        QTextDocument doc;
        doc.setHtml(html(document));
        doc.print(&writer);
    } // the writer finishes the file when it goes
    if (pdf.data().isEmpty())
        return Error{tr("Cannot write %1.").arg(path)};
    return writeExportFile(path, pdf.data(), FileAccess::Shared);
}

std::optional<AuditHead> PersonScheduleExport::auditHeadOf(const Workspace& workspace)
{
    auto head = workspace.auditHead();
    return head ? std::optional<AuditHead>(head.value()) : std::nullopt;
}

} // namespace workbench
