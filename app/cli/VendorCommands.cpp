#include "Commands.h"
#include "export/SubprocessorListImport.h"
#include "services/Session.h"
#include "services/VendorWatchService.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace workbench::cli {

namespace {

QString entryText(const SubprocessorEntry& e)
{
    QStringList details;
    if (!e.entity.isEmpty() && e.entity != e.name)
        details << e.entity;
    if (!e.purpose.isEmpty())
        details << e.purpose;
    if (!e.location.isEmpty())
        details << e.location;
    return details.isEmpty()
               ? e.name
               : QStringLiteral("%1 (%2)").arg(e.name, details.join(QStringLiteral("; ")));
}

QString changeText(const SubprocessorChange& c)
{
    QStringList parts;
    for (const QString& field : c.fields) {
        const auto value = [&](const SubprocessorEntry& e) {
            return field == u"name"      ? e.name
                   : field == u"entity"  ? e.entity
                   : field == u"purpose" ? e.purpose
                                         : e.location;
        };
        parts << QStringLiteral("%1 %2 -> %3").arg(field, value(c.before), value(c.after));
    }
    return QStringLiteral("%1: %2").arg(c.after.name, parts.join(QStringLiteral("; ")));
}

} // namespace

int runSubprocessorList(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QString processorId = p.value(QStringLiteral("processor"));
    if (processorId.isEmpty())
        return usageError(err, QStringLiteral("subprocessor-list needs --processor ID"));
    const QString file = p.value(QStringLiteral("file"));
    if (file.isEmpty())
        return usageError(err, QStringLiteral("subprocessor-list needs --file LIST"));
    const QString format = p.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json")
        return usageError(err, QStringLiteral("--format '%1' is not text or json").arg(format));
    QDate received = QDate::currentDate();
    if (p.isSet(QStringLiteral("received"))) {
        received = QDate::fromString(p.value(QStringLiteral("received")), Qt::ISODate);
        if (!received.isValid())
            return usageError(err, QStringLiteral("--received '%1' is not a date (YYYY-MM-DD)")
                                       .arg(p.value(QStringLiteral("received"))));
    }
    auto ws = openWorkspace(p.value(QStringLiteral("workspace")), {});
    if (!ws) {
        err << "privacy-workbench subprocessor-list: " << ws.error() << '\n';
        return Problem;
    }
    auto processor = ws.value()->processor(processorId);
    if (!processor || !processor.value())
        return usageError(err,
                          QStringLiteral("no processor '%1' in the workspace").arg(processorId));
    VendorWatchService service(*ws.value());
    auto entries = readSubprocessorFile(file);
    if (!entries) {
        err << "privacy-workbench subprocessor-list: " << entries.error()
            << " The last list stays.\n";
        return BadArguments;
    }
    auto outcome =
        service.recordList(processorId, entries.value(), received, QFileInfo(file).fileName());
    if (!outcome) {
        err << "privacy-workbench subprocessor-list: " << outcome.error() << '\n';
        return Problem;
    }
    const ListOutcome& o = outcome.value();
    if (format == u"json") {
        QJsonObject json{{QStringLiteral("processor_id"), processorId},
                         {QStringLiteral("received_on"), received.toString(Qt::ISODate)},
                         {QStringLiteral("entries"), o.entries},
                         {QStringLiteral("changed"), o.notice.has_value()}};
        if (o.notice) {
            const QJsonObject n = o.notice->toJson();
            for (auto it = n.begin(); it != n.end(); ++it)
                json.insert(it.key() == u"changed" ? QStringLiteral("changes") : it.key(),
                            it.value());
            json.insert(QStringLiteral("changed"), true);
            json.insert(QStringLiteral("notice_id"), o.notice->id);
        }
        out << QJsonDocument(json).toJson(QJsonDocument::Indented);
        return Success;
    }
    out << processor.value()->name << ": " << o.entries << " sub-processors, compared with "
        << o.comparedWith << '\n';
    if (!o.notice) {
        out << "no change\n";
        return Success;
    }
    const SubprocessorDiff& d = o.notice->diff;
    for (const SubprocessorEntry& e : d.added)
        out << "added    " << entryText(e) << '\n';
    for (const SubprocessorEntry& e : d.removed)
        out << "removed  " << entryText(e) << '\n';
    for (const SubprocessorChange& c : d.changed)
        out << "changed  " << changeText(c) << '\n';
    out << "objection_deadline " << o.notice->objectionDeadline.toString(Qt::ISODate) << '\n';
    out << "notice " << o.notice->id << '\n';
    return Success;
}

int runNotices(QCommandLineParser& p, QTextStream& out, QTextStream& err)
{
    const QString format = p.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json" && format != u"csv")
        return usageError(err,
                          QStringLiteral("--format '%1' is not text, json or csv").arg(format));
    auto ws = openWorkspace(p.value(QStringLiteral("workspace")), {Database::Mode::ReadOnly, {}});
    if (!ws) {
        err << "privacy-workbench notices: " << ws.error() << '\n';
        return Problem;
    }
    NoticeFilter filter;
    filter.openOnly = p.isSet(QStringLiteral("open"));
    auto notices = VendorWatchService(*ws.value()).notices(filter);
    if (!notices) {
        err << "privacy-workbench notices: " << notices.error() << '\n';
        return Problem;
    }
    const QDate today = QDate::currentDate();
    if (format == u"json") {
        QJsonArray array;
        for (const SubprocessorNotice& n : notices.value()) {
            QJsonObject o = n.toJson();
            o.insert(QStringLiteral("processor_name"), n.processorName);
            o.insert(QStringLiteral("overdue"), n.isOverdue(today));
            array.append(o);
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    const QStringList header{QStringLiteral("id"),          QStringLiteral("processor"),
                             QStringLiteral("received_on"), QStringLiteral("objection_deadline"),
                             QStringLiteral("status"),      QStringLiteral("added"),
                             QStringLiteral("removed"),     QStringLiteral("changed"),
                             QStringLiteral("overdue")};
    QList<QStringList> rows;
    for (const SubprocessorNotice& n : notices.value())
        rows << QStringList{QString::number(n.id),
                            n.processorName,
                            n.receivedOn.toString(Qt::ISODate),
                            n.objectionDeadline.toString(Qt::ISODate),
                            toWire(n.status),
                            QString::number(n.diff.added.size()),
                            QString::number(n.diff.removed.size()),
                            QString::number(n.diff.changed.size()),
                            n.isOverdue(today) ? QStringLiteral("yes") : QStringLiteral("no")};
    printTable(out, format, header, rows);
    return Success;
}

} // namespace workbench::cli
