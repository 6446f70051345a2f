#include "Cli.h"

#include "Commands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace workbench::cli {

namespace {

struct Command
{
    const char* name;
    const char* synopsis;
    const char* description;
    int (*run)(QCommandLineParser&, QTextStream&, QTextStream&);
    QList<QCommandLineOption> options;
    int files = 0;                  // positional arguments it takes (at most)
    bool workspaceOptional = false; // --workspace may be left out
    // Makes the workspace: init-demo always, a command with --create
    // when asked; every other command refuses a missing file.
    enum class Creates
    {
        Never,
        Always,
        WithCreateOption
    } creates = Creates::Never;
};

const QList<Command>& commands()
{
    auto option = [](const char* name, const char* help, const char* value = nullptr) {
        return value ? QCommandLineOption(QLatin1String(name), QLatin1String(help),
                                          QLatin1String(value))
                     : QCommandLineOption(QLatin1String(name), QLatin1String(help));
    };
    static const QList<Command> all{
        {"init-demo",
         "init-demo --workspace FILE [--date YYYY-MM-DD]",
         "Write the demo workspace (built from the seed policies) to a new file.",
         &runInitDemo,
         {workspaceOption(),
          option("date", "Date the demo requests are generated around.", "DATE")},
         0,
         false,
         Command::Creates::Always},
        {"verify",
         "verify --workspace FILE [--expect-head N:HASH]",
         "Check SQLite integrity, the audit log's hash chain and signed head, and every record "
         "against its last audit entry; with --expect-head, that the log still holds an anchor "
         "printed earlier. Exit 1 on any problem.",
         &runVerify,
         {workspaceOption(),
          option("expect-head",
                 "An anchor printed by verify: entry number and at least 12 hex digits of its "
                 "hash.",
                 "N:HASH")}},
        {"due",
         "due --jurisdiction J --received DATE [--verified DATE] [--paused-days N]\n"
         "                        [--extended] [--type TYPE] [--holidays FILE] [--format "
         "text|json]",
         "Print a request's due date (ISO) and the rule's citation.",
         &runDue,
         {option("jurisdiction", "GDPR, UK_GDPR, CCPA, LGPD, PIPEDA, VCDPA_CPA or OTHER.", "J"),
          option("received", "Date the request was received.", "DATE"),
          option("verified", "Date the identity was verified.", "DATE"),
          option("paused-days", "Days the clock stood still.", "N"),
          option("extended", "The statutory extension was taken."),
          option("type", "Request type (opt_out_sale has its own deadline).", "TYPE"),
          option("holidays", "File of holidays, one YYYY-MM-DD per line.", "FILE"),
          formatOption(QStringLiteral("text|json"))}},
        {"requests",
         "requests --workspace FILE [--overdue] [--due-within DAYS] [--org ID]\n"
         "                        [--with-requester] [--format text|csv|json] [-o OUT]",
         "List requests with their due dates (requesters' names only when asked).",
         &runRequests,
         {workspaceOption(), option("overdue", "Only open requests past their due date."),
          option("due-within", "Only open requests due within DAYS days.", "DAYS"),
          option("org", "Only this organization.", "ID"),
          option("with-requester", "Include the requester's name and e-mail (personal data)."),
          formatOption(QStringLiteral("text|csv|json")),
          QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                             QStringLiteral("Write to OUT, readable by its owner only (0600), "
                                            "instead of the standard output."),
                             QStringLiteral("OUT"))}},
        {"request",
         "request add --workspace FILE --org ID --type TYPE --jurisdiction J\n"
         "                        --received DATETIME --email E [--name N] [--account ID]\n"
         "                        [--channel C] [--words TEXT] [--format text|json]",
         "Log a rights request received by e-mail or letter; prints its id and due dates.",
         &runRequest,
         {workspaceOption(), option("org", "The organization the request is addressed to.", "ID"),
          option("type",
                 "access, rectification, erasure, portability, restriction, objection or "
                 "opt_out_sale.",
                 "TYPE"),
          option("jurisdiction", "GDPR, UK_GDPR, CCPA, LGPD, PIPEDA, VCDPA_CPA or OTHER.", "J"),
          option("received", "When it arrived, with its UTC offset (2026-03-01T09:30:00+01:00).",
                 "DATETIME"),
          option("email", "The requester's e-mail address.", "E"),
          option("name", "The requester's name.", "N"),
          option("account", "The requester's account id in the product.", "ID"),
          option("channel", "email (default), in_app, web_form or post.", "C"),
          option("words", "What the requester wrote (kept in the request's history).", "TEXT"),
          formatOption(QStringLiteral("text|json"))},
         1},
        {"retention",
         "retention --workspace FILE --org ID [--deleted-on DATE] [--as-of DATE]\n"
         "                        [--format text|csv|json]",
         "Print the retention rules, or with --deleted-on one person's dated schedule; with "
         "--as-of, the rules as they stood at the end of that day.",
         &runRetention,
         {workspaceOption(), option("org", "The organization.", "ID"),
          option("deleted-on", "Date the person deleted their account.", "DATE"),
          option("as-of", "The rules at the end of this day (YYYY-MM-DD, local time).", "DATE"),
          formatOption(QStringLiteral("text|csv|json"))}},
        {"export-annex",
         "export-annex --workspace FILE --org ID --layout scc-processor|scc-transfer|ropa\n"
         "                        --format xlsx|docx|odt|pdf|csv|md|html|json -o OUT [--as-of "
         "DATE]",
         "Write the processor list as a DPA annex; lists what processors lack. With --as-of, the "
         "registry as it stood at the end of that day (rebuilt from the audit log).",
         &runExportAnnex,
         {workspaceOption(), option("org", "The organization.", "ID"),
          option("layout", "scc-processor, scc-transfer or ropa.", "LAYOUT"),
          formatOption(QStringLiteral("xlsx|docx|odt|pdf|csv|md|html|json")),
          QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                             QStringLiteral("The file to write."), QStringLiteral("OUT")),
          option("as-of", "The registry at the end of this day (YYYY-MM-DD, local time).",
                 "DATE")}},
        {"import-processors",
         "import-processors --workspace FILE --org ID IN [--dry-run] [--progress]",
         "Import a processor list (CSV, TSV, XLSX, JSON): what is added, updated, rejected.",
         &runImportProcessors,
         {workspaceOption(), option("org", "The organization.", "ID"),
          option("dry-run", "Only say what would happen."),
          option("progress", "Print how much of the file has been read (on stderr).")},
         1},
        {"diff",
         "diff OLD NEW [--format unified|json|html] [--ignore-whitespace] [--ignore-case]",
         "Compare two policy texts, words inside changed lines; exit 0 equal, 1 different.",
         &runDiff,
         {formatOption(QStringLiteral("unified|json|html")),
          option("ignore-whitespace", "Lines that differ only in blanks are equal."),
          option("ignore-case", "Lines that differ only in case are equal.")},
         2},
        {"lint",
         "lint --workspace FILE --org ID POLICY [--format text|json]",
         "Check a policy against the registry and the retention rules; exit 1 on findings.",
         &runLint,
         {workspaceOption(), option("org", "The organization.", "ID"),
          formatOption(QStringLiteral("text|json"))},
         1},
        {"extract",
         "extract POLICY [--workspace FILE [--org ID]] [--format text|json]",
         "The processors and retention statements a policy names, with their offsets.",
         &runExtract,
         {workspaceOption(), option("org", "The organization (its notes on non-processors).", "ID"),
          formatOption(QStringLiteral("text|json"))},
         1,
         true},
        {"sync",
         "sync --workspace FILE [--create] (--source NAME | --url URL [--kind rest|postgrest]\n"
         "                        --token-env VAR) [--resources LIST] [--timeout SECONDS]\n"
         "                        [--format text|json]\n"
         "  privacy-workbench sync --workspace FILE --waiting [--format text|json]\n"
         "  privacy-workbench sync --workspace FILE --dismiss RESOURCE/ID...",
         "Push local edits, then pull every resource page by page, parents first; exit 1 if "
         "it stopped, 3 if records it could not apply wait for the next sync (--waiting lists "
         "them, --dismiss gives one up).",
         &runSync,
         {workspaceOption(), option("source", "A source saved in the workspace.", "NAME"),
          option("url", "The base URL of the API.", "URL"),
          QCommandLineOption(QStringLiteral("kind"), QStringLiteral("rest or postgrest."),
                             QStringLiteral("KIND"), QStringLiteral("rest")),
          option("token-env", "The environment variable that holds the token.", "VAR"),
          option("resources", "Comma-separated resources (default: all).", "LIST"),
          QCommandLineOption(QStringLiteral("page-size"), QStringLiteral("Records per page."),
                             QStringLiteral("N"), QStringLiteral("500")),
          QCommandLineOption(QStringLiteral("timeout"),
                             QStringLiteral("Seconds a request may go without an answer "
                                            "(tried twice, then the sync stops)."),
                             QStringLiteral("SECONDS"), QStringLiteral("30")),
          option("waiting", "List the records refused and kept for the next sync."),
          option("dismiss", "Stop trying a kept record (audited); may be given more than once.",
                 "RESOURCE/ID"),
          formatOption(QStringLiteral("text|json")),
          option("create", "Make a new, empty workspace when FILE does not exist.")},
         0,
         false,
         Command::Creates::WithCreateOption},
        {"letter",
         "letter --workspace FILE --request ID --template TEMPLATE [--processor ID]\n"
         "                        [--language en|de|fr] [--reason TEXT] --format eml|pdf|docx|txt "
         "-o OUT",
         "Write a letter of a request (acknowledgement, identity, extension, refusal, completion, "
         "processor-notice) and record it in the request's history with its SHA-256.",
         &runLetter,
         {workspaceOption(), option("request", "The request the letter is about.", "ID"),
          option("template",
                 "acknowledgement, identity, extension, refusal, completion or processor-notice.",
                 "TEMPLATE"),
          option("processor", "processor-notice: the processor it goes to.", "ID"),
          QCommandLineOption(QStringLiteral("language"), QStringLiteral("en, de or fr."),
                             QStringLiteral("LANG"), QStringLiteral("en")),
          option("reason", "refusal: why (default: the reason the request was rejected with).",
                 "TEXT"),
          formatOption(QStringLiteral("eml|pdf|docx|txt")),
          QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                             QStringLiteral("The file to write (readable by its owner only)."),
                             QStringLiteral("OUT"))}},
        {"subprocessor-list",
         "subprocessor-list --workspace FILE --processor ID --file LIST [--received DATE]\n"
         "                        [--format text|json]",
         "Record a version of a processor's published sub-processor list (CSV, TSV, XLSX, "
         "JSON, Markdown, a saved web page) and print what changed and the objection deadline, "
         "or \"no change\"; exit 2 when the list cannot be read (the last list stays).",
         &runSubprocessorList,
         {workspaceOption(), option("processor", "The processor whose list it is.", "ID"),
          option("file", "The list.", "LIST"),
          option("received", "Date the list was received (default: today).", "DATE"),
          formatOption(QStringLiteral("text|json"))}},
        {"notices",
         "notices --workspace FILE [--open] [--format text|json|csv]",
         "List the sub-processor change notices by objection deadline.",
         &runNotices,
         {workspaceOption(), option("open", "Only notices not yet decided (objected included)."),
          formatOption(QStringLiteral("text|json|csv"))}},
        {"breach-clock",
         "breach-clock --aware DATETIME --jurisdiction J [--nis2] [--discovered DATETIME]\n"
         "                        [--holidays FILE] [--format text|json]",
         "Print a personal-data breach's deadlines (ISO date-times with offsets, or null with "
         "the rule's words when it has no fixed length) and their citations.",
         &runBreachClock,
         {option("aware",
                 "When the organization became aware, with its offset or zone "
                 "(2026-03-27T18:00:00+01:00, 2026-03-27T18:00[Europe/Berlin]).",
                 "DATETIME"),
          option("jurisdiction", "GDPR, UK_GDPR, LGPD or PIPEDA.", "J"),
          option("nis2", "The organization is in NIS2's scope: its clocks too."),
          option("discovered", "When the breach was discovered (not after --aware).", "DATETIME"),
          option("holidays", "File of holidays, one YYYY-MM-DD per line.", "FILE"),
          formatOption(QStringLiteral("text|json"))}},
        {"incidents",
         "incidents --workspace FILE [--open] [--org ID] [--format text|csv|json]",
         "List the register of personal-data breaches with their running clocks (csv and json: "
         "the full register).",
         &runIncidents,
         {workspaceOption(), option("open", "Only incidents not closed."),
          option("org", "Only this organization.", "ID"),
          formatOption(QStringLiteral("text|csv|json"))}},
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

QCommandLineOption workspaceOption()
{
    return QCommandLineOption(QStringLiteral("workspace"), QStringLiteral("The workspace file."),
                              QStringLiteral("FILE"));
}

QCommandLineOption formatOption(const QString& formats)
{
    return QCommandLineOption(QStringLiteral("format"), QStringLiteral("Output format: ") + formats,
                              QStringLiteral("FORMAT"), formats.section(u'|', 0, 0));
}

int usageError(QTextStream& err, const QString& message)
{
    err << "privacy-workbench: " << message << "\n\n" << usage();
    return BadArguments;
}

QString usage()
{
    QString text = QStringLiteral("Usage:\n"
                                  "  privacy-workbench [--workspace FILE [--create]] [--page PAGE] "
                                  "[--organization ID]\n"
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
        "Exit codes: 0 ok, 1 the command found a problem or failed, 2 wrong arguments\n"
        "(a workspace FILE that does not exist included), 3 (sync) records refused and kept\n"
        "for the next sync.\n");
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
    const QCommandLineOption create(QStringLiteral("create"));
    parser.addOptions({workspace, page, organization, create});
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
    const QString path = parser.value(workspace);
    if (parser.isSet(create) && path.isEmpty()) {
        usageError(err, QStringLiteral("--create needs --workspace FILE"));
        return std::nullopt;
    }
    // Told before a window (or a display) is needed.
    if (!path.isEmpty() && !parser.isSet(create) && !QFileInfo::exists(path)) {
        err << "privacy-workbench: no workspace at "
            << QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())
            << " (use --create to make a new one)\n";
        return std::nullopt;
    }
    return WindowOptions{parser.value(workspace), parser.value(page), parser.value(organization),
                         parser.isSet(create)};
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
    if (parser.positionalArguments().size() > command->files)
        return usageError(err, QStringLiteral("%1: unexpected argument '%2'")
                                   .arg(first, parser.positionalArguments().at(command->files)));
    for (const QCommandLineOption& o : command->options) {
        if (o.names().first() != u"workspace")
            continue;
        const QString path = parser.value(o);
        if (path.isEmpty() && !command->workspaceOptional)
            return usageError(err, QStringLiteral("%1 needs --workspace FILE").arg(first));
        // A mistyped path never becomes a new, blank workspace.
        const bool creates = command->creates == Command::Creates::Always ||
                             (command->creates == Command::Creates::WithCreateOption &&
                              parser.isSet(QStringLiteral("create")));
        if (!path.isEmpty() && !creates && !QFileInfo::exists(path)) {
            err << "privacy-workbench " << first << ": no workspace at "
                << QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())
                << (command->creates == Command::Creates::WithCreateOption
                        ? " (use --create to make a new one)"
                        : " (init-demo writes a new one)")
                << '\n';
            return BadArguments;
        }
    }
    return command->run(parser, out, err);
}

} // namespace workbench::cli
