#include "Commands.h"
#include "domain/Retention.h"
#include "export/PersonScheduleExport.h"
#include "services/AsOfService.h"
#include "services/Session.h"

namespace workbench::cli {

int runRetention(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QString format = p.value(QStringLiteral("format"));
    if (format != u"text" && format != u"csv" && format != u"json")
        return usageError(err,
                          QStringLiteral("--format '%1' is not text, csv or json").arg(format));
    const QString org = p.value(QStringLiteral("org"));
    if (org.isEmpty())
        return usageError(err, QStringLiteral("retention needs --org ID"));
    QDateTime deletion;
    if (p.isSet(QStringLiteral("deleted-on"))) {
        const QString text = p.value(QStringLiteral("deleted-on"));
        deletion = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
        if (!deletion.date().isValid() || text.size() != 10) {
            deletion = QDateTime::fromString(text, Qt::ISODate);
            if (!deletion.isValid())
                return usageError(
                    err, QStringLiteral("--deleted-on '%1' is not a date (YYYY-MM-DD)").arg(text));
        }
    }
    QDate asOf;
    if (p.isSet(QStringLiteral("as-of"))) {
        const QString text = p.value(QStringLiteral("as-of"));
        asOf = QDate::fromString(text, Qt::ISODate);
        if (!asOf.isValid() || text.size() != 10 || asOf > QDate::currentDate())
            return usageError(
                err, QStringLiteral("--as-of '%1' is not a past date (YYYY-MM-DD)").arg(text));
    }
    auto ws = openWorkspace(p.value(QStringLiteral("workspace")), {Database::Mode::ReadOnly, {}});
    if (!ws) {
        err << "privacy-workbench retention: " << ws.error() << '\n';
        return Problem;
    }
    // As of a day: the rules (and the processors they name) as they stood then.
    const AsOfService history(*ws.value());
    std::optional<AsOfPoint> point;
    if (asOf.isValid()) {
        auto at = history.point(asOf);
        if (!at) {
            err << "privacy-workbench retention: " << at.error() << '\n';
            return Problem;
        }
        point = at.value();
    }
    auto orgs = ws.value()->organizations();
    if (!orgs || std::none_of(orgs->begin(), orgs->end(),
                              [&](const Organization& o) { return o.id == org; }))
        return usageError(err, QStringLiteral("no organization '%1' in the workspace").arg(org));
    auto rules = point ? history.retentionRules(*point, org) : ws.value()->retentionRules(org);
    auto processors = point ? history.processors(*point, org) : ws.value()->processors(org);
    if (!rules || !processors) {
        err << "privacy-workbench retention: " << (rules ? processors.error() : rules.error())
            << '\n';
        return Problem;
    }
    QHash<QString, QString> processorName;
    for (const Processor& pr : processors.value())
        processorName.insert(pr.id, pr.name);

    QList<QStringList> rows;
    if (!deletion.isValid()) {
        for (const RetentionRule& r : rules.value())
            rows << QStringList{r.id,
                                r.dataCategory,
                                r.system,
                                processorName.value(r.processorId),
                                r.period ? r.period->toIso() : QString(),
                                describePeriod(r),
                                toWire(r.trigger),
                                toWire(r.action),
                                r.legalBasis,
                                r.exception};
        printTable(out, format,
                   {QStringLiteral("id"), QStringLiteral("data_category"), QStringLiteral("system"),
                    QStringLiteral("processor"), QStringLiteral("period"),
                    QStringLiteral("period_text"), QStringLiteral("trigger"),
                    QStringLiteral("action"), QStringLiteral("legal_basis"),
                    QStringLiteral("exception")},
                   rows);
        return Success;
    }
    // The same columns as the window's export of the schedule.
    const QList<ScheduledAction> schedule = retentionSchedule(rules.value(), {deletion, {}, {}});
    printTable(out, format, PersonScheduleExport::header(), PersonScheduleExport::rows(schedule));
    return Success;
}

} // namespace workbench::cli
