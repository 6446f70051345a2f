#include "Commands.h"
#include "export/AnnexWriter.h"
#include "export/ProcessorImport.h"
#include "services/AsOfService.h"
#include "services/Session.h"

namespace workbench::cli {

int runExportAnnex(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const auto layout = annexLayoutFromName(p.value(QStringLiteral("layout")));
    if (!layout)
        return usageError(err,
                          QStringLiteral("--layout '%1' is not scc-processor, scc-transfer or ropa")
                              .arg(p.value(QStringLiteral("layout"))));
    const auto format = annexFormatFromName(p.value(QStringLiteral("format")));
    if (!format)
        return usageError(
            err, QStringLiteral("--format '%1' is not xlsx, docx, odt, pdf, csv, md, html or json")
                     .arg(p.value(QStringLiteral("format"))));
    const QString output = p.value(QStringLiteral("output"));
    if (output.isEmpty())
        return usageError(err, QStringLiteral("export-annex needs -o OUT"));
    const QString orgId = p.value(QStringLiteral("org"));
    if (orgId.isEmpty())
        return usageError(err, QStringLiteral("export-annex needs --org ID"));
    QDate asOf;
    if (p.isSet(QStringLiteral("as-of"))) {
        const QString text = p.value(QStringLiteral("as-of"));
        asOf = QDate::fromString(text, Qt::ISODate);
        if (!asOf.isValid() || text.size() != 10)
            return usageError(err,
                              QStringLiteral("--as-of '%1' is not a date (YYYY-MM-DD)").arg(text));
        if (asOf > QDate::currentDate())
            return usageError(err, QStringLiteral("--as-of %1 lies in the future").arg(text));
    }
    auto ws = openWorkspace(p.value(QStringLiteral("workspace")), {Database::Mode::ReadOnly, {}});
    if (!ws) {
        err << "privacy-workbench export-annex: " << ws.error() << '\n';
        return Problem;
    }
    // As of a day: the organizations and processors as they stood then.
    const AsOfService history(*ws.value());
    std::optional<AsOfPoint> point;
    if (asOf.isValid()) {
        auto at = history.point(asOf);
        if (!at) {
            err << "privacy-workbench export-annex: " << at.error() << '\n';
            return Problem;
        }
        point = at.value();
    }
    auto orgs = point ? history.organizations(*point) : ws.value()->organizations();
    const auto org = orgs ? std::find_if(orgs->begin(), orgs->end(),
                                         [&](const Organization& o) { return o.id == orgId; })
                          : orgs->end();
    if (!orgs || org == orgs->end())
        return usageError(err, QStringLiteral("no organization '%1' in the workspace").arg(orgId));
    auto processors = point ? history.processors(*point, orgId) : ws.value()->processors(orgId);
    if (!processors) {
        err << "privacy-workbench export-annex: " << processors.error() << '\n';
        return Problem;
    }
    AnnexTable table = buildAnnex(*layout, *org, processors.value(), QDate::currentDate());
    markAsOf(table, asOf);
    auto head = ws.value()->auditHead();
    if (!head) {
        err << "privacy-workbench export-annex: " << head.error() << '\n';
        return Problem;
    }
    table.audit = head.value();
    if (auto s = writeAnnex(table, *format, output); !s) {
        err << "privacy-workbench export-annex: " << s.error() << '\n';
        return Problem;
    }
    out << "Wrote " << table.rows.size() << " processor(s) to " << output
        << (asOf.isValid() ? QStringLiteral(" (the registry as of the end of %1)")
                                 .arg(asOf.toString(Qt::ISODate))
                           : QString())
        << '\n';
    if (!table.gaps.isEmpty()) {
        out << "Information missing (the annex says so too"
            << (*format == AnnexFormat::Csv ? QStringLiteral(", except in CSV") : QString())
            << "):\n";
        for (const QString& line : table.gapLines())
            out << "  " << line << '\n';
    }
    return Success;
}

} // namespace workbench::cli

namespace workbench::cli {

int runImportProcessors(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QStringList files = p.positionalArguments();
    if (files.size() != 1)
        return usageError(err, QStringLiteral("import-processors needs one file to read"));
    const QString orgId = p.value(QStringLiteral("org"));
    if (orgId.isEmpty())
        return usageError(err, QStringLiteral("import-processors needs --org ID"));
    ImportOptions options;
    int shown = -1;
    if (p.isSet(QStringLiteral("progress")))
        options.progress = [&](qint64 done, qint64 total) {
            const int percent = total > 0 ? int(done * 100 / total) : 100;
            if (percent / 10 != shown / 10 || (percent == 100 && shown != 100)) {
                err << "Reading " << files.first() << ": " << percent << "%\n";
                err.flush();
                shown = percent;
            }
            return true;
        };
    auto table = readImportFile(files.first(), options);
    if (!table) {
        err << "privacy-workbench import-processors: " << table.error() << '\n';
        return Problem;
    }
    const bool dryRun = p.isSet(QStringLiteral("dry-run"));
    auto ws = openWorkspace(p.value(QStringLiteral("workspace")),
                            {dryRun ? Database::Mode::ReadOnly : Database::Mode::ReadWrite, {}});
    if (!ws) {
        err << "privacy-workbench import-processors: " << ws.error() << '\n';
        return Problem;
    }
    auto orgs = ws.value()->organizations();
    if (!orgs || std::none_of(orgs->begin(), orgs->end(),
                              [&](const Organization& o) { return o.id == orgId; }))
        return usageError(err, QStringLiteral("no organization '%1' in the workspace").arg(orgId));
    const QList<ImportField> mapping = guessMapping(table->header);
    out << "Columns:\n";
    for (int i = 0; i < table->header.size(); ++i)
        out << "  " << table->header[i] << " -> " << importFieldLabel(mapping[i]) << '\n';
    auto existing = ws.value()->processors();
    const ImportPlan plan =
        planImport(table.value(), mapping, existing ? existing.value() : QList<Processor>(), orgId);
    for (const Processor& added : plan.added)
        out << "add     " << added.name << '\n';
    for (const auto& [before, after] : plan.updated)
        out << "update  " << after.name << '\n';
    for (const ImportIssue& issue : plan.rejected)
        out << "reject  row " << issue.row << ": " << issue.reason << '\n';
    out << plan.summary() << (dryRun ? " (dry run: nothing written)" : "") << '\n';
    if (dryRun || (plan.added.isEmpty() && plan.updated.isEmpty()))
        return Success;
    if (auto s = applyImport(*ws.value(), plan, table->source); !s) {
        err << "privacy-workbench import-processors: nothing was imported: " << s.error() << '\n';
        return Problem;
    }
    return Success;
}

} // namespace workbench::cli
