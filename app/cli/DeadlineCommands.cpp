#include "Commands.h"
#include "domain/Deadlines.h"
#include "export/ExportFile.h"
#include "services/RequestService.h"
#include "services/Session.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace workbench::cli {

namespace {

// A date option, or an error naming the option and the text.
std::optional<QDate> dateOption(const QCommandLineParser& p, const char* name, QString* error)
{
    const QString text = p.value(QLatin1String(name));
    if (text.isEmpty())
        return QDate();
    // Four-digit years only: a fifth digit (or a sign) is a year the output
    // could not write back.
    static const QRegularExpression longYear(QStringLiteral("^[+-]?\\d{5,}-\\d{2}-\\d{2}$"));
    if (longYear.match(text).hasMatch()) {
        *error = QStringLiteral("--%1 '%2': years past 9999 are not supported (YYYY-MM-DD)")
                     .arg(QLatin1String(name), text);
        return std::nullopt;
    }
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid() || text.size() != 10) {
        *error =
            QStringLiteral("--%1 '%2' is not a date (YYYY-MM-DD)").arg(QLatin1String(name), text);
        return std::nullopt;
    }
    return d;
}

QJsonValue jsonDate(const std::optional<QDate>& d)
{
    return d && d->isValid() ? QJsonValue(d->toString(Qt::ISODate)) : QJsonValue();
}

} // namespace

int runDue(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QString jurisdiction = p.value(QStringLiteral("jurisdiction")).toUpper();
    if (jurisdiction.isEmpty())
        return usageError(err, QStringLiteral("due needs --jurisdiction"));
    const DeadlineRule* rule = DeadlineRuleSet::defaults().rule(jurisdiction);
    if (!rule) {
        QStringList known;
        for (const DeadlineRule& r : DeadlineRuleSet::defaults().rules())
            known << r.jurisdiction;
        return usageError(err, QStringLiteral("unknown jurisdiction '%1' (known: %2)")
                                   .arg(p.value(QStringLiteral("jurisdiction")),
                                        known.join(QStringLiteral(", "))));
    }
    QString error;
    const auto received = dateOption(p, "received", &error);
    const auto verified = dateOption(p, "verified", &error);
    if (!received || !verified)
        return usageError(err, error);
    if (!received->isValid())
        return usageError(err, QStringLiteral("due needs --received DATE"));
    DeadlineInput in;
    in.received = *received;
    in.verified = *verified;
    in.extended = p.isSet(QStringLiteral("extended"));
    if (p.isSet(QStringLiteral("paused-days"))) {
        bool ok = false;
        in.pausedDays = p.value(QStringLiteral("paused-days")).toInt(&ok);
        if (!ok || in.pausedDays < 0)
            return usageError(err, QStringLiteral("--paused-days '%1' is not a number of days")
                                       .arg(p.value(QStringLiteral("paused-days"))));
    }
    if (p.isSet(QStringLiteral("type"))) {
        const auto type = fromWire<RequestType>(p.value(QStringLiteral("type")));
        if (!type)
            return usageError(err, QStringLiteral("--type '%1' is not one of: %2")
                                       .arg(p.value(QStringLiteral("type")),
                                            wireNames<RequestType>().join(QStringLiteral(", "))));
        in.type = *type;
    }
    HolidayCalendar calendar;
    if (p.isSet(QStringLiteral("holidays"))) {
        const QString path = p.value(QStringLiteral("holidays"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            err << "privacy-workbench due: cannot read " << path << ": " << file.errorString()
                << '\n';
            return BadArguments;
        }
        auto parsed = HolidayCalendar::parse(QString::fromUtf8(file.readAll()), path);
        if (!parsed)
            return usageError(err, parsed.error());
        calendar = parsed.value();
    }
    const QString format = p.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json")
        return usageError(err, QStringLiteral("--format '%1' is not text or json").arg(format));

    // The rules live in the domain (the window refuses the same): a date
    // past 9999, a verification before receipt, a pause the law has not.
    auto computed = deadlinesFor(*rule, in, calendar);
    if (!computed) {
        err << "privacy-workbench due: " << computed.error() << '\n';
        return BadArguments;
    }
    const Deadlines& d = computed.value();
    if (format == u"json") {
        const QJsonObject o{{QStringLiteral("jurisdiction"), rule->jurisdiction},
                            {QStringLiteral("response_due"), jsonDate(d.responseDue)},
                            {QStringLiteral("original_due"), jsonDate(d.originalDue)},
                            {QStringLiteral("acknowledge_by"), jsonDate(d.acknowledgeBy)},
                            {QStringLiteral("extension_notice_by"), jsonDate(d.extensionNoticeBy)},
                            {QStringLiteral("citation"), rule->citation},
                            {QStringLiteral("rule"), rule->toJson()}};
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Success;
    }
    out << d.responseDue.toString(Qt::ISODate) << "  " << rule->citation << '\n';
    if (d.acknowledgeBy)
        out << "acknowledge by " << d.acknowledgeBy->toString(Qt::ISODate) << '\n';
    if (d.extensionNoticeBy && !in.extended)
        out << "extension: +" << rule->extension->describe() << ", tell the requester by "
            << d.extensionNoticeBy->toString(Qt::ISODate) << '\n';
    return Success;
}

int runRequests(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QString format = p.value(QStringLiteral("format"));
    if (format != u"text" && format != u"csv" && format != u"json")
        return usageError(err,
                          QStringLiteral("--format '%1' is not text, csv or json").arg(format));
    RequestQueueFilter f;
    f.statusFilter = RequestQueueFilter::StatusFilter::All;
    f.organizationId = p.value(QStringLiteral("org"));
    f.overdue = p.isSet(QStringLiteral("overdue"));
    if (p.isSet(QStringLiteral("due-within"))) {
        bool ok = false;
        const int days = p.value(QStringLiteral("due-within")).toInt(&ok);
        if (!ok || days < 0)
            return usageError(err, QStringLiteral("--due-within '%1' is not a number of days")
                                       .arg(p.value(QStringLiteral("due-within"))));
        f.dueWithinDays = days;
    }
    auto ws = openWorkspace(p.value(QStringLiteral("workspace")), {Database::Mode::ReadOnly, {}});
    if (!ws) {
        err << "privacy-workbench requests: " << ws.error() << '\n';
        return Problem;
    }
    if (ws.value()->schemaVersion() < 3) {
        err << "privacy-workbench requests: this workspace uses an older format; open it once in "
               "Privacy Workbench to update it.\n";
        return Problem;
    }
    if (!f.organizationId.isEmpty()) {
        auto orgs = ws.value()->organizations();
        const bool known =
            orgs && std::any_of(orgs->begin(), orgs->end(),
                                [&](const Organization& o) { return o.id == f.organizationId; });
        if (!known)
            return usageError(
                err, QStringLiteral("no organization '%1' in the workspace").arg(f.organizationId));
    }
    auto rows =
        RequestService(*ws.value()).queue(f, RequestQueueKey::DueEffective, Qt::AscendingOrder);
    if (!rows) {
        err << "privacy-workbench requests: " << rows.error() << '\n';
        return Problem;
    }
    const bool withRequester = p.isSet(QStringLiteral("with-requester"));
    const QString output = p.value(QStringLiteral("output"));
    QString text; // what goes to the standard output or to --output
    QTextStream sink(&text);
    const QDate today = f.today;
    QStringList header{QStringLiteral("id"),        QStringLiteral("organization"),
                       QStringLiteral("type"),      QStringLiteral("jurisdiction"),
                       QStringLiteral("status"),    QStringLiteral("received"),
                       QStringLiteral("due_legal"), QStringLiteral("due_promise"),
                       QStringLiteral("days_left"), QStringLiteral("assignee")};
    if (withRequester)
        header << QStringLiteral("requester") << QStringLiteral("email");
    QList<QStringList> table;
    for (const RequestQueueRow& r : std::as_const(rows.value())) {
        const bool open = !RequestWorkflow::isClosed(r.status);
        QStringList cells{r.id,
                          r.organization,
                          toWire(r.type),
                          toWire(r.jurisdiction),
                          toWire(r.status),
                          r.received.toString(Qt::ISODate),
                          r.dueLegal.toString(Qt::ISODate),
                          r.duePromise.toString(Qt::ISODate),
                          open ? QString::number(today.daysTo(r.dueEffective)) : QString(),
                          r.assignee};
        if (withRequester)
            cells << r.requester << r.email;
        table << cells;
    }
    if (format == u"json") {
        // days_left as a number.
        QJsonArray json;
        for (const QStringList& cells : std::as_const(table)) {
            QJsonObject o;
            for (int i = 0; i < header.size(); ++i) {
                if (header[i] == u"days_left")
                    o.insert(header[i],
                             cells[i].isEmpty() ? QJsonValue() : QJsonValue(cells[i].toInt()));
                else
                    o.insert(header[i], cells[i].isEmpty() ? QJsonValue() : QJsonValue(cells[i]));
            }
            json.append(o);
        }
        sink << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        printTable(sink, format, header, table);
        if (format == u"text")
            sink << table.size() << " request(s)\n";
    }
    sink.flush();
    if (output.isEmpty()) {
        out << text;
        return Success;
    }
    // Requests are about people: the file is readable by its owner only.
    if (auto s = writeExportFile(output, text.toUtf8(), FileAccess::OwnerOnly); !s) {
        err << "privacy-workbench requests: " << s.error() << '\n';
        return Problem;
    }
    out << "Wrote " << table.size() << " request(s) to " << output << '\n';
    return Success;
}

} // namespace workbench::cli
