#include "Commands.h"
#include "domain/BreachClocks.h"
#include "services/IncidentService.h"
#include "services/Session.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace workbench::cli {

namespace {

// The context of this file's messages.
struct IncidentCommand
{
    Q_DECLARE_TR_FUNCTIONS(IncidentCommand)
};

QString appliesText(const BreachClockRule* rule)
{
    if (!rule)
        return {};
    switch (rule->applies) {
    case BreachClockRule::Applies::Always:
        return QStringLiteral("always");
    case BreachClockRule::Applies::UnlessNoRisk:
        return QStringLiteral("unless_no_risk");
    case BreachClockRule::Applies::HighRisk:
        return QStringLiteral("high_risk");
    }
    return {};
}

} // namespace

int runBreachClock(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QString format = p.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json")
        return usageError(err,
                          IncidentCommand::tr("--format '%1' is not text or json").arg(format));
    const QString jurisdiction = p.value(QStringLiteral("jurisdiction")).toUpper();
    if (jurisdiction.isEmpty())
        return usageError(err, IncidentCommand::tr("breach-clock needs --jurisdiction"));
    const BreachRuleSet& rules = BreachRuleSet::defaults();
    const BreachRule* rule = rules.rule(jurisdiction);
    if (!rule || rule->inAddition)
        return usageError(err, IncidentCommand::tr("unknown jurisdiction '%1' (known: %2; NIS2 "
                                                   "is added with --nis2)")
                                   .arg(p.value(QStringLiteral("jurisdiction")),
                                        rules.jurisdictions().join(QStringLiteral(", "))));
    if (!p.isSet(QStringLiteral("aware")))
        return usageError(err, IncidentCommand::tr("breach-clock needs --aware DATETIME"));
    auto aware = parseZonedTime(p.value(QStringLiteral("aware")));
    if (!aware)
        return usageError(err, QStringLiteral("--aware ") + aware.error());
    BreachFacts facts;
    facts.aware = aware->instant;
    facts.zone = aware->zone;
    // Every clock as the rule has it: counted as if the risk were high (the
    // clocks that need it say so in "applies").
    facts.risk = BreachRisk::High;
    if (p.isSet(QStringLiteral("discovered"))) {
        auto discovered = parseZonedTime(p.value(QStringLiteral("discovered")));
        if (!discovered)
            return usageError(err, QStringLiteral("--discovered ") + discovered.error());
        facts.discovered = discovered->instant;
    }
    HolidayCalendar calendar;
    if (p.isSet(QStringLiteral("holidays"))) {
        const QString path = p.value(QStringLiteral("holidays"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            err << "privacy-workbench breach-clock: cannot read " << path << ": "
                << file.errorString() << '\n';
            return BadArguments;
        }
        auto parsed = HolidayCalendar::parse(QString::fromUtf8(file.readAll()), path);
        if (!parsed)
            return usageError(err, parsed.error());
        calendar = parsed.value();
    }
    const bool nis2 = p.isSet(QStringLiteral("nis2"));
    auto clocks =
        breachClocks(*rule, facts, calendar, nis2 ? rules.rule(QStringLiteral("NIS2")) : nullptr);
    if (!clocks) {
        err << "privacy-workbench breach-clock: " << clocks.error() << '\n';
        return BadArguments;
    }
    const auto keep = recordKeptUntil(*rule, facts);
    if (format == u"json") {
        QJsonArray list;
        for (const BreachClock& c : clocks.value()) {
            const BreachRule* owner = rules.rule(c.jurisdiction);
            const BreachClockRule* clockRule = owner ? owner->clock(c.id) : nullptr;
            list.append(QJsonObject{
                {QStringLiteral("jurisdiction"), c.jurisdiction},
                {QStringLiteral("id"), c.id},
                {QStringLiteral("label"), c.label},
                {QStringLiteral("recipient"), c.recipient},
                {QStringLiteral("due"), c.due ? QJsonValue(isoWithOffset(*c.due)) : QJsonValue()},
                {QStringLiteral("period"), clockRule && clockRule->period
                                               ? QJsonValue(clockRule->period->describe())
                                               : QJsonValue()},
                {QStringLiteral("from"), clockRule ? clockRule->from : QString()},
                {QStringLiteral("applies"), appliesText(clockRule)},
                {QStringLiteral("words"), c.words},
                {QStringLiteral("late_needs_reasons"), c.lateNeedsReasons},
                {QStringLiteral("citation"), c.citation}});
        }
        QJsonObject o{{QStringLiteral("jurisdiction"), rule->jurisdiction},
                      {QStringLiteral("nis2"), nis2},
                      {QStringLiteral("aware"), isoWithOffset(aware->instant)},
                      {QStringLiteral("time_zone"), QString::fromUtf8(aware->zone.id())},
                      {QStringLiteral("clocks"), list},
                      {QStringLiteral("record"),
                       QJsonObject{{QStringLiteral("keep_until"),
                                    keep ? QJsonValue(keep->toString(Qt::ISODate)) : QJsonValue()},
                                   {QStringLiteral("words"), rule->recordWords},
                                   {QStringLiteral("citation"), rule->recordCitation}}}};
        if (!rule->processorDuty.isEmpty())
            o.insert(QStringLiteral("processor_duty"), rule->processorDuty);
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Success;
    }
    out << rule->name << (nis2 ? " + NIS2" : "") << " · aware " << isoWithOffset(aware->instant)
        << " (" << QString::fromUtf8(aware->zone.id()) << ")\n";
    QList<QStringList> rows;
    for (const BreachClock& c : clocks.value()) {
        const QString due = c.due ? isoWithOffset(*c.due) : QStringLiteral("null: ") + c.words;
        rows.append({c.jurisdiction + u'/' + c.id, c.label, due, c.citation});
    }
    if (keep)
        rows.append({rule->jurisdiction + QStringLiteral("/record"), rule->recordWords,
                     keep->toString(Qt::ISODate), rule->recordCitation});
    printTable(out, QStringLiteral("text"),
               {QStringLiteral("Clock"), QStringLiteral("What"), QStringLiteral("Due"),
                QStringLiteral("Citation")},
               rows);
    return Success;
}

int runIncidents(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QString format = p.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json" && format != u"csv")
        return usageError(
            err, IncidentCommand::tr("--format '%1' is not text, csv or json").arg(format));
    auto ws = openWorkspace(p.value(QStringLiteral("workspace")), {Database::Mode::ReadOnly, {}});
    if (!ws) {
        err << "privacy-workbench incidents: " << ws.error() << '\n';
        return Problem;
    }
    const IncidentService service(*ws.value());
    const QString org = p.value(QStringLiteral("org"));
    const bool openOnly = p.isSet(QStringLiteral("open"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (format == u"json") {
        auto json = service.registerJson(org, openOnly, now);
        if (!json) {
            err << "privacy-workbench incidents: " << json.error() << '\n';
            return Problem;
        }
        out << QString::fromUtf8(json.value());
        return Success;
    }
    if (format == u"csv") {
        auto table = service.registerTable(org, openOnly, now);
        if (!table) {
            err << "privacy-workbench incidents: " << table.error() << '\n';
            return Problem;
        }
        printTable(out, format, table->columns, table->rows);
        return Success;
    }
    auto all = service.incidents(org, openOnly);
    if (!all) {
        err << "privacy-workbench incidents: " << all.error() << '\n';
        return Problem;
    }
    QList<QStringList> rows;
    for (const Incident& i : all.value()) {
        QStringList running;
        if (auto clocks = service.clocks(i); clocks) {
            for (const BreachClock& c : clocks.value()) {
                if (c.isRunning())
                    running << c.id + QStringLiteral(": ") + c.status(now);
            }
        }
        rows.append({i.id, i.title, i.jurisdiction, isoWithOffset(i.awareAt.toTimeZone(i.zone())),
                     toWire(i.risk), i.isOpen() ? QStringLiteral("open") : QStringLiteral("closed"),
                     running.join(QStringLiteral("; "))});
    }
    printTable(out, format,
               {QStringLiteral("Id"), QStringLiteral("Title"), QStringLiteral("Jurisdiction"),
                QStringLiteral("Aware"), QStringLiteral("Risk"), QStringLiteral("Status"),
                QStringLiteral("Running clocks")},
               rows);
    return Success;
}

} // namespace workbench::cli
