#include "Commands.h"
#include "services/Session.h"
#include "services/SyncDesk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <csignal>

namespace workbench::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

constexpr int kMaxTimeoutSeconds = 3600;

// --waiting: the records kept for the next sync, and why.
int listWaiting(Workspace& ws, const QString& format, QTextStream& out, QTextStream& err)
{
    auto waiting = sync::SyncDesk(ws).waiting();
    if (!waiting) {
        err << "privacy-workbench sync: " << waiting.error() << '\n';
        return Problem;
    }
    if (format == u"json") {
        QJsonArray rows;
        for (const sync::RefusedRecord& r : waiting.value())
            rows.append(QJsonObject{
                {QStringLiteral("resource"), r.resource},
                {QStringLiteral("id"), r.id},
                {QStringLiteral("source"), r.source},
                {QStringLiteral("version"), r.version},
                {QStringLiteral("field"), r.refusal.field},
                {QStringLiteral("cause"), r.refusal.cause},
                {QStringLiteral("reason"), r.refusal.reason},
                {QStringLiteral("first_refused_at"), r.firstRefusedAt.toString(Qt::ISODate)},
                {QStringLiteral("tries"), r.tries}});
        out << QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented));
        return Success;
    }
    for (const sync::RefusedRecord& r : waiting.value())
        out << r.resource << '/' << r.id << " (from " << r.source << ", " << r.tries
            << (r.tries == 1 ? " try" : " tries") << "): " << r.refusal.cause << ": "
            << r.refusal.reason << '\n';
    out << waiting->size() << (waiting->size() == 1 ? " record waits" : " records wait")
        << " for the next sync.\n";
    return Success;
}

// --dismiss RESOURCE/ID...: stop trying kept records (audited).
int dismiss(Workspace& ws, const QStringList& which, QTextStream& out, QTextStream& err)
{
    for (const QString& item : which) {
        const QString resource = item.section(u'/', 0, 0);
        const QString id = item.section(u'/', 1);
        if (!sync::allResources().contains(resource) || id.isEmpty())
            return usageError(err, QStringLiteral("--dismiss '%1' is not RESOURCE/ID (resources: "
                                                  "%2)")
                                       .arg(item, sync::allResources().join(u',')));
    }
    for (const QString& item : which) {
        const QString resource = item.section(u'/', 0, 0);
        const QString id = item.section(u'/', 1);
        if (auto s = sync::SyncDesk(ws).dismiss(resource, id); !s) {
            err << "privacy-workbench sync: " << s.error() << '\n';
            return Problem;
        }
        out << "Dismissed " << resource << '/' << id << ": it is no longer tried.\n";
    }
    return Success;
}

} // namespace

int runSync(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QString format = p.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json")
        return usageError(err, QStringLiteral("--format '%1' is not text or json").arg(format));
    const bool bySource = p.isSet(QStringLiteral("source"));
    const bool byUrl = p.isSet(QStringLiteral("url"));
    const bool waiting = p.isSet(QStringLiteral("waiting"));
    const bool dismissing = p.isSet(QStringLiteral("dismiss"));
    if (waiting || dismissing) {
        if (bySource || byUrl || (waiting && dismissing))
            return usageError(err, QStringLiteral("--waiting and --dismiss do not sync: give "
                                                  "one of them alone, without --source or --url"));
        auto ws = openWorkspace(p.value(QStringLiteral("workspace")));
        if (!ws) {
            err << "privacy-workbench sync: " << ws.error() << '\n';
            return Problem;
        }
        return waiting ? listWaiting(*ws.value(), format, out, err)
                       : dismiss(*ws.value(), p.values(QStringLiteral("dismiss")), out, err);
    }
    if (bySource == byUrl)
        return usageError(err, QStringLiteral("sync needs --source NAME, or --url URL with "
                                              "--token-env VAR"));
    if (byUrl && !p.isSet(QStringLiteral("token-env")))
        return usageError(err, QStringLiteral("--url needs --token-env VAR (the variable that "
                                              "holds the token)"));
    const QString kind = p.value(QStringLiteral("kind"));
    if (kind != u"rest" && kind != u"postgrest")
        return usageError(err, QStringLiteral("--kind '%1' is not rest or postgrest").arg(kind));
    QStringList resources;
    if (p.isSet(QStringLiteral("resources"))) {
        resources = p.value(QStringLiteral("resources")).split(u',', Qt::SkipEmptyParts);
        for (const QString& r : resources)
            if (!sync::allResources().contains(r))
                return usageError(err, QStringLiteral("'%1' is not a resource (%2)")
                                           .arg(r, sync::allResources().join(u',')));
    }
    bool sizeOk = true;
    const int pageSize = p.value(QStringLiteral("page-size")).toInt(&sizeOk);
    if (!sizeOk || pageSize < 1 || pageSize > 10000)
        return usageError(err, QStringLiteral("--page-size must be 1 to 10000"));
    bool timeoutOk = true;
    const int timeout = p.value(QStringLiteral("timeout")).toInt(&timeoutOk);
    if (!timeoutOk || timeout < 1 || timeout > kMaxTimeoutSeconds)
        return usageError(err, QStringLiteral("--timeout must be 1 to %1 seconds, not '%2'")
                                   .arg(kMaxTimeoutSeconds)
                                   .arg(p.value(QStringLiteral("timeout"))));
    if (byUrl) {
        // Before anything else: a token in the URL is refused, and the URL
        // with it is not repeated anywhere.
        if (auto s = sync::HttpClient::checkUrl(QUrl(p.value(QStringLiteral("url")))); !s)
            return usageError(err, s.error());
    }

    auto ws = openWorkspace(p.value(QStringLiteral("workspace")));
    if (!ws) {
        err << "privacy-workbench sync: " << ws.error() << '\n';
        return Problem;
    }
    sync::SyncDesk desk(*ws.value());
    sync::SyncSource source;
    if (bySource) {
        auto sources = desk.sources();
        if (!sources) {
            err << "privacy-workbench sync: " << sources.error() << '\n';
            return Problem;
        }
        const QString name = p.value(QStringLiteral("source"));
        const auto it = std::find_if(sources->begin(), sources->end(),
                                     [&](const sync::SyncSource& s) { return s.name == name; });
        if (it == sources->end())
            return usageError(err, QStringLiteral("no source '%1' in the workspace").arg(name));
        source = *it;
        // Saved before URLs were checked: refused, and not shown.
        if (auto s = sync::HttpClient::checkUrl(source.baseUrl); !s) {
            err << "privacy-workbench sync: source " << sync::redactSecrets(name) << ": "
                << s.error() << '\n';
            return Problem;
        }
        if (p.isSet(QStringLiteral("token-env")))
            source.tokenEnv = p.value(QStringLiteral("token-env"));
    } else {
        source.name = p.value(QStringLiteral("url"));
        source.baseUrl = QUrl(p.value(QStringLiteral("url")));
        source.kind = kind == u"postgrest" ? sync::SourceKind::Postgrest : sync::SourceKind::Rest;
        source.tokenEnv = p.value(QStringLiteral("token-env"));
    }
    if (!resources.isEmpty())
        source.resources = resources;
    auto token = sync::tokenFromEnvironment(source);
    if (!token)
        return usageError(err, token.error());

    // Ctrl+C stops after the current page; what was committed stays.
    std::signal(SIGINT, [](int) { g_interrupted = 1; });
    std::signal(SIGTERM, [](int) { g_interrupted = 1; });
    sync::SyncOptions options;
    options.pageSize = pageSize;
    options.retry.timeoutMs = timeout * 1000;
    options.cancelled = [] {
        return g_interrupted != 0;
    };
    // Pulled requests get their due dates too, now, not at the next open.
    const sync::SyncReport report = desk.run(source, token.value(), options);

    if (format == u"json") {
        out << QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
    } else {
        out << "Source " << report.source << '\n';
        if (report.pushed || report.conflicts)
            out << "  pushed " << report.pushed << ", conflicts " << report.conflicts << '\n';
        for (auto it = report.resources.begin(); it != report.resources.end(); ++it)
            out << "  " << it.key() << ": " << it->added << " added, " << it->updated
                << " updated, " << it->deleted << " deleted, " << it->rejected << " rejected ("
                << it->pages << (it->pages == 1 ? " page" : " pages") << ")\n";
        for (const sync::Rejection& r : report.rejections)
            out << "  rejected " << r.resource << '/' << r.id << ": " << r.field << ' ' << r.reason
                << '\n';
        if (report.cancelled)
            out << "Cancelled; what was committed stays.\n";
        if (report.waitingTotal() > 0)
            out << report.waitingMessage()
                << "\n(list them: sync --workspace FILE --waiting; give one up: --dismiss "
                   "RESOURCE/ID)\n";
    }
    if (!report.error.isEmpty()) {
        err << "privacy-workbench sync: " << report.error
            << "\nWhat was committed before stays; the next sync resumes from there.\n";
        return Problem;
    }
    if (report.cancelled)
        return Problem;
    return report.waitingTotal() > 0 ? RecordsWaiting : Success;
}

} // namespace workbench::cli
