#include "Cli.h"

#include "demo/DemoWorkspace.h"
#include "storage/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

namespace workbench::cli {

namespace {

enum ExitCode
{
    Success = 0,
    Problem = 1,
    BadArguments = 2
};

struct Command
{
    const char* name;
    const char* synopsis;
    const char* description;
    int (*run)(QCommandLineParser&, QTextStream&, QTextStream&);
    QList<QCommandLineOption> options;
};

QCommandLineOption workspaceOption()
{
    return QCommandLineOption(QStringLiteral("workspace"), QStringLiteral("The workspace file."),
                              QStringLiteral("FILE"));
}

int usageError(QTextStream& err, const QString& message)
{
    err << "privacy-workbench: " << message << "\n\n" << usage();
    return BadArguments;
}

int initDemo(QCommandLineParser& p, QTextStream& out, QTextStream& err)
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

int verify(QCommandLineParser& p, QTextStream& out, QTextStream& err)
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

const QList<Command>& commands()
{
    static const QList<Command> all{
        {"init-demo",
         "init-demo --workspace FILE [--date YYYY-MM-DD]",
         "Write the demo workspace (built from the seed policies) to a new file.",
         &initDemo,
         {workspaceOption(),
          QCommandLineOption(QStringLiteral("date"),
                             QStringLiteral("Date the demo requests are generated around."),
                             QStringLiteral("DATE"))}},
        {"verify",
         "verify --workspace FILE",
         "Check the audit log's hash chain and SQLite integrity; exit 1 on any break.",
         &verify,
         {workspaceOption()}},
    };
    return all;
}

const Command* findCommand(const QString& name)
{
    for (const Command& c : commands()) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

} // namespace

QString usage()
{
    QString text =
        QStringLiteral("Usage:\n"
                       "  privacy-workbench [--workspace FILE] [--page PAGE] [--organization ID]\n"
                       "                                             open the window\n");
    for (const Command& c : commands())
        text += QStringLiteral("  privacy-workbench %1\n").arg(QLatin1String(c.synopsis));
    text += QStringLiteral("  privacy-workbench --version | --help\n\nCommands:\n");
    for (const Command& c : commands())
        text += QStringLiteral("  %1  %2\n")
                    .arg(QLatin1String(c.name), -10)
                    .arg(QLatin1String(c.description));
    text += QStringLiteral(
        "\nPages: today, processors, retention, requests, policies, audit.\n"
        "Exit codes: 0 ok, 1 the command found a problem or failed, 2 wrong arguments.\n");
    return text;
}

std::optional<WindowOptions> parseWindowOptions(const QStringList& arguments, QTextStream& err)
{
    QCommandLineParser parser;
    const QCommandLineOption workspace(QStringLiteral("workspace"), QString(),
                                       QStringLiteral("FILE"));
    const QCommandLineOption page(QStringLiteral("page"), QString(), QStringLiteral("PAGE"));
    const QCommandLineOption organization(QStringLiteral("organization"), QString(),
                                          QStringLiteral("ID"));
    parser.addOptions({workspace, page, organization});
    if (!parser.parse(arguments)) {
        usageError(err, parser.errorText());
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        usageError(
            err,
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
        return std::nullopt;
    }
    return WindowOptions{parser.value(workspace), parser.value(page), parser.value(organization)};
}

bool isCommand(const QStringList& arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString& first = arguments.at(1);
    if (first == u"--version" || first == u"-v" || first == u"--help" || first == u"-h")
        return true;
    return !first.startsWith(u'-');
}

int run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    const QString first = arguments.value(1);
    if (first == u"--version" || first == u"-v") {
        out << "privacy-workbench " << WORKBENCH_VERSION << '\n';
        return arguments.size() == 2
                   ? Success
                   : usageError(err, QStringLiteral("--version takes no arguments"));
    }
    if (first == u"--help" || first == u"-h") {
        out << usage();
        return Success;
    }
    const Command* command = findCommand(first);
    if (!command)
        return usageError(err, QStringLiteral("unknown command '%1'").arg(first));

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(command->options);
    QStringList args = arguments;
    args.removeAt(1); // the command's name
    if (!parser.parse(args))
        return usageError(err, QStringLiteral("%1: %2").arg(first, parser.errorText()));
    if (!parser.positionalArguments().isEmpty())
        return usageError(err, QStringLiteral("%1: unexpected argument '%2'")
                                   .arg(first, parser.positionalArguments().first()));
    for (const QCommandLineOption& o : command->options) {
        if (o.names().first() == u"workspace" && parser.value(o).isEmpty())
            return usageError(err, QStringLiteral("%1 needs --workspace FILE").arg(first));
    }
    return command->run(parser, out, err);
}

} // namespace workbench::cli
