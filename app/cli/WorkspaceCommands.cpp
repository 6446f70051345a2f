#include "Commands.h"
#include "demo/DemoWorkspace.h"
#include "storage/Workspace.h"

#include <QDir>

namespace workbench::cli {

int runInitDemo(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QString path = p.value(QStringLiteral("workspace"));
    QDate today = QDate::currentDate();
    if (p.isSet(QStringLiteral("date"))) {
        today = QDate::fromString(p.value(QStringLiteral("date")), Qt::ISODate);
        if (!today.isValid())
            return usageError(err, QStringLiteral("--date '%1' is not a date (YYYY-MM-DD)")
                                       .arg(p.value(QStringLiteral("date"))));
    }
    auto ws = DemoWorkspace::create(path, today);
    if (!ws) {
        err << "privacy-workbench init-demo: " << ws.error() << '\n';
        return Problem;
    }
    const auto orgs = ws.value()->organizations();
    const auto processors = ws.value()->processors();
    out << "Wrote the demo workspace to " << QDir::toNativeSeparators(ws.value()->path()) << '\n'
        << "  organizations: " << (orgs ? orgs->size() : 0) << '\n'
        << "  processors:    " << (processors ? processors->size() : 0) << '\n'
        << "  requests:      "
        << DemoWorkspace::kRequestsPerOrganization * (orgs ? orgs->size() : 0) << '\n';
    return Success;
}

int runVerify(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QString path = p.value(QStringLiteral("workspace"));
    auto ws = Workspace::open(path, {Database::Mode::ReadOnly, {}});
    if (!ws) {
        err << "privacy-workbench verify: " << ws.error() << '\n';
        return Problem;
    }
    const Database& db = ws.value()->database();
    out << "Workspace:      " << QDir::toNativeSeparators(db.path()) << '\n'
        << "Schema version: " << db.schemaVersion() << " (this version writes "
        << Database::latestSchemaVersion() << ")\n";
    bool ok = true;
    const QStringList integrity = db.integrityProblems();
    if (integrity.isEmpty()) {
        out << "SQLite integrity: ok\n";
    } else {
        ok = false;
        out << "SQLite integrity: " << integrity.size() << " problem(s)\n";
        for (const QString& line : integrity)
            out << "  " << line << '\n';
    }
    const AuditVerification audit = ws.value()->verifyAudit();
    if (audit.ok()) {
        out << "Audit log: " << audit.entries << " entries, hash chain intact\n";
    } else {
        ok = false;
        out << "Audit log: BROKEN at entry #" << audit.firstBrokenSeq << " (" << audit.entries
            << " entries read)\n";
        for (const QString& line : audit.problems)
            out << "  " << line << '\n';
    }
    out << (ok ? "Result: OK\n" : "Result: FAILED\n");
    return ok ? Success : Problem;
}

} // namespace workbench::cli
