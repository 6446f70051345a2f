#include "Commands.h"
#include "demo/DemoWorkspace.h"
#include "services/Session.h"
#include "storage/AuditSigning.h"

#include <QDir>
#include <QRegularExpression>

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
    const AuditSigning::KeyState key = ws.value()->signingState();
    if (key.canSign)
        out << "  audit signing key (public; record it): " << key.publicKey << '\n'
            << "    secret kept in: " << key.source << '\n';
    else
        out << "  audit log NOT signed: " << key.reason << '\n'
            << "    (a key for the variable: `head -c 32 /dev/urandom | base64`)\n";
    return Success;
}

int runVerify(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QString path = p.value(QStringLiteral("workspace"));
    AuditVerifyOptions options;
    if (p.isSet(QStringLiteral("expect-head"))) {
        static const QRegularExpression anchor(QStringLiteral("^([0-9]+):([0-9a-fA-F]{12,64})$"));
        const QString given = p.value(QStringLiteral("expect-head")).trimmed();
        const auto m = anchor.match(given);
        if (!m.hasMatch() || m.captured(1).toLongLong() < 1)
            return usageError(err, QStringLiteral("--expect-head '%1' is not an anchor: the entry "
                                                  "number, a colon and at least 12 hex digits of "
                                                  "its hash (e.g. 42:3fa9c0d1e2b4)")
                                       .arg(given));
        options.expectSeq = m.captured(1).toLongLong();
        options.expectHash = m.captured(2).toLower();
    }
    auto ws = openWorkspace(path, {Database::Mode::ReadOnly, {}});
    if (!ws) {
        err << "privacy-workbench verify: " << ws.error() << '\n';
        return Problem;
    }
    const Workspace& workspace = *ws.value();
    out << "Workspace:      " << QDir::toNativeSeparators(workspace.path()) << '\n'
        << "Schema version: " << workspace.schemaVersion() << " (this version writes "
        << Workspace::latestSchemaVersion() << ")\n";
    bool ok = true;
    const QStringList integrity = workspace.integrityProblems();
    if (integrity.isEmpty()) {
        out << "SQLite integrity: ok\n";
    } else {
        ok = false;
        out << "SQLite integrity: " << integrity.size() << " problem(s)\n";
        for (const QString& line : integrity)
            out << "  " << line << '\n';
    }
    const AuditVerification audit = workspace.verifyAudit(options);
    out << "Signing key:    "
        << (audit.publicKey.isEmpty() ? QStringLiteral("none recorded") : audit.publicKey)
        << " (public; compare it with the one you recorded)\n";
    if (audit.ok()) {
        out << "Audit log: " << audit.entries << " entries, hash chain intact, head #"
            << audit.signedSeq << " signed\n"
            << "Records: " << audit.recordsChecked << " checked, each as its last entry left it\n";
        if (options.expectSeq > 0)
            out << "Expected head #" << options.expectSeq << ": present, and the log runs on from "
                << "it to the signed head\n";
        out << "Anchor: " << audit.head.anchor()
            << " (keep it; check a copy later with --expect-head)\n";
    } else {
        ok = false;
        if (audit.firstBrokenSeq > 0)
            out << "Audit log: BROKEN at entry #" << audit.firstBrokenSeq << " (" << audit.entries
                << " entries read)\n";
        else
            out << "Audit log: FAILED (" << audit.entries << " entries read)\n";
        for (const QString& line : audit.problems)
            out << "  " << line << '\n';
    }
    out << (ok ? "Result: OK\n" : "Result: FAILED\n");
    return ok ? Success : Problem;
}

} // namespace workbench::cli
