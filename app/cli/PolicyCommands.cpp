#include "Commands.h"
#include "domain/Resources.h"
#include "policy/DiffFormat.h"
#include "policy/ProcessorCatalogue.h"
#include "services/PolicyService.h"
#include "services/Session.h"

#include <QFile>
#include <QFileInfo>

namespace workbench::cli {

int runDiff(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QString format = p.value(QStringLiteral("format"));
    if (format != u"unified" && format != u"json" && format != u"html")
        return usageError(err,
                          QStringLiteral("--format '%1' is not unified, json or html").arg(format));
    const QStringList files = p.positionalArguments();
    if (files.size() != 2)
        return usageError(err, QStringLiteral("diff needs two files: OLD NEW"));
    auto before = readPolicyFile(files[0]);
    auto after = readPolicyFile(files[1]);
    if (!before || !after) {
        err << "privacy-workbench diff: " << (before ? after.error() : before.error()) << '\n';
        return BadArguments;
    }
    diff::Options options;
    options.ignoreWhitespace = p.isSet(QStringLiteral("ignore-whitespace"));
    options.ignoreCase = p.isSet(QStringLiteral("ignore-case"));
    const diff::Result result = diff::compare(before.value(), after.value(), options);
    if (format == u"json") {
        diff::writeJson(result, out);
    } else if (format == u"html") {
        auto label = [](const QString& path) {
            diff::VersionLabel l;
            l.title = QFileInfo(path).fileName();
            l.source = QFileInfo(path).lastModified().toString(Qt::ISODate);
            return l;
        };
        out << diff::redlineHtml(result, label(files[0]), label(files[1]), QDate::currentDate());
    } else {
        out << diff::unified(result, files[0], files[1]);
    }
    return result.equal() ? Success : Problem;
}

int runLint(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QString format = p.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json")
        return usageError(err, QStringLiteral("--format '%1' is not text or json").arg(format));
    const QString org = p.value(QStringLiteral("org"));
    const QStringList files = p.positionalArguments();
    if (org.isEmpty() || !p.isSet(QStringLiteral("workspace")) || files.size() != 1)
        return usageError(err, QStringLiteral("lint needs --workspace FILE --org ID POLICY"));
    auto text = readPolicyFile(files[0]);
    if (!text) {
        err << "privacy-workbench lint: " << text.error() << '\n';
        return BadArguments;
    }
    auto ws = openWorkspace(p.value(QStringLiteral("workspace")), {Database::Mode::ReadOnly, {}});
    if (!ws) {
        err << "privacy-workbench lint: " << ws.error() << '\n';
        return BadArguments;
    }
    auto orgs = ws.value()->organizations();
    if (!orgs || std::none_of(orgs->begin(), orgs->end(),
                              [&](const Organization& o) { return o.id == org; }))
        return usageError(err, QStringLiteral("no organization '%1' in the workspace").arg(org));
    auto report = PolicyService(*ws.value()).lint(org, text.value());
    if (!report) {
        err << "privacy-workbench lint: " << report.error() << '\n';
        return BadArguments;
    }
    const policy::LintReport& r = report.value();
    if (format == u"json") {
        r.writeJson(out, text.value());
    } else {
        for (const policy::Finding& f : r.findings) {
            out << policy::findingKindName(f.kind) << ": " << f.message << '\n';
            if (f.sentence.length > 0) {
                const QString quote = text.value().mid(f.sentence.pos, f.sentence.length);
                out << "  at " << f.sentence.pos << ": \"" << quote << "\"\n";
            }
            if (!f.recordId.isEmpty())
                out << "  record: " << f.recordType << '/' << f.recordId << '\n';
            out << "  " << f.explanation << '\n';
        }
        out << r.findings.size() << (r.findings.size() == 1 ? " finding" : " findings") << '\n';
    }
    return r.findings.empty() ? Success : Problem;
}

int runExtract(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QString format = p.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json")
        return usageError(err, QStringLiteral("--format '%1' is not text or json").arg(format));
    const QStringList files = p.positionalArguments();
    if (files.size() != 1)
        return usageError(err, QStringLiteral("extract needs one POLICY file"));
    auto text = readPolicyFile(files[0]);
    if (!text) {
        err << "privacy-workbench extract: " << text.error() << '\n';
        return BadArguments;
    }
    QList<Processor> registry;
    QStringList ignored;
    if (p.isSet(QStringLiteral("workspace"))) {
        auto ws =
            openWorkspace(p.value(QStringLiteral("workspace")), {Database::Mode::ReadOnly, {}});
        if (!ws) {
            err << "privacy-workbench extract: " << ws.error() << '\n';
            return BadArguments;
        }
        auto processors = ws.value()->processors();
        if (!processors) {
            err << "privacy-workbench extract: " << processors.error() << '\n';
            return BadArguments;
        }
        registry = processors.value();
        if (p.isSet(QStringLiteral("org")))
            ignored = notProcessorNames(
                ws.value()->localNotes(resource::organizations, p.value(QStringLiteral("org"))));
    }
    const ProcessorCatalogue& catalogue = ProcessorCatalogue::builtIn();
    const policy::NameMatcher names(registry, &catalogue, ignored);
    const policy::Extraction ex = policy::extract(text.value(), names, registry, &catalogue);
    if (format == u"json") {
        ex.writeJson(out, text.value());
        return Success;
    }
    const QString& t = text.value();
    out << "Processors\n";
    for (const policy::ProcessorMention& m : ex.processors)
        out << "  " << m.range.pos << '+' << m.range.length << "  " << m.name
            << (m.processorId.isEmpty() ? QStringLiteral("  (not in the registry)")
                                        : QStringLiteral("  [%1]").arg(m.processorId))
            << '\n';
    out << "Retention\n";
    for (const policy::RetentionStatement& s : ex.retention)
        out << "  " << s.sentence.pos << '+' << s.sentence.length << "  "
            << (s.period ? s.period->toIso() : policy::retentionKindName(s.kind)) << "  "
            << s.appliesTo << "  \"" << t.mid(s.sentence.pos, s.sentence.length) << "\"\n";
    out << "Other durations\n";
    for (const policy::OtherDuration& d : ex.otherDurations)
        out << "  " << d.range.pos << '+' << d.range.length << "  "
            << (d.duration ? d.duration->toIso() : QString()) << "  "
            << policy::durationUseName(d.use) << "  \"" << t.mid(d.sentence.pos, d.sentence.length)
            << "\"\n";
    return Success;
}

} // namespace workbench::cli
