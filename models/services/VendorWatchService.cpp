#include "VendorWatchService.h"

#include "DeadlineRulesService.h"
#include "domain/Resources.h"
#include "export/SubprocessorListImport.h"
#include "sync/ListFetcher.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace workbench {

namespace {

QJsonObject settingsJson(const VendorListSettings& s)
{
    return {{QStringLiteral("url"), s.url},
            {QStringLiteral("window_days"), s.window.days},
            {QStringLiteral("business_days"), s.window.businessDays},
            {QStringLiteral("check_interval_hours"), s.checkIntervalHours}};
}

// A registry sub-processor as a list entry (what the first list is
// compared with).
SubprocessorEntry entryOf(const Processor& p)
{
    SubprocessorEntry e;
    e.name = p.name;
    e.entity = p.legalEntity;
    e.location = p.locations.join(QStringLiteral(", "));
    e.countries = p.locations;
    return e;
}

bool sameCompany(const Processor& p, const SubprocessorEntry& e)
{
    const NameMatcher& m = NameMatcher::standard();
    QStringList names{p.name};
    if (!p.legalEntity.isEmpty())
        names << p.legalEntity;
    names << p.aliases;
    for (const QString& n : std::as_const(names)) {
        if (m.matches(n, e.name) || (!e.entity.isEmpty() && m.matches(n, e.entity)))
            return true;
    }
    return false;
}

QStringList codesOf(const SubprocessorEntry& e)
{
    QStringList out;
    for (const QString& c : e.countries)
        if (c.size() == 2 && c.at(0).isUpper())
            out << c;
    return out;
}

QString slug(const QString& name)
{
    QString s = NameMatcher::key(name);
    s.replace(u' ', u'-');
    static const QRegularExpression bad(QStringLiteral("[^a-z0-9-]"));
    s.remove(bad);
    return s.left(40);
}

} // namespace

VendorWatchService::VendorWatchService(Workspace& workspace)
    : m_workspace(workspace)
{}

VendorListSettings VendorWatchService::settings(const QString& processorId) const
{
    auto stored = VendorWatchStore(m_workspace.database()).settings(processorId);
    if (stored && stored.value())
        return *stored.value();
    VendorListSettings s;
    s.processorId = processorId;
    return s;
}

Status VendorWatchService::saveSettings(const VendorListSettings& s)
{
    auto processor = m_workspace.processor(s.processorId);
    if (!processor)
        return Error{processor.error()};
    if (!processor.value())
        return Error{tr("There is no processor '%1'.").arg(s.processorId)};
    if (s.window.days < 1 || s.window.days > 366)
        return Error{tr("The objection window must be 1 to 366 days, not %1.").arg(s.window.days)};
    if (s.checkIntervalHours < 0)
        return Error{tr("The check interval cannot be negative.")};
    if (!s.url.isEmpty()) {
        if (auto ok = sync::HttpClient::checkUrl(QUrl(s.url)); !ok)
            return ok;
    } else if (s.checkIntervalHours > 0) {
        return Error{tr("A list is checked on an interval only from its URL: give one.")};
    }
    const VendorListSettings before = settings(s.processorId);
    return m_workspace.record(
        resource::subprocessorLists, s.processorId, settingsJson(before), settingsJson(s),
        tr("Set up the sub-processor list of %1").arg(processor.value()->name),
        QStringLiteral("update"),
        [&]() -> Status { return VendorWatchStore(m_workspace.database()).saveSettings(s); });
}

Result<std::optional<ReceivedList>> VendorWatchService::lastList(const QString& processorId) const
{
    return VendorWatchStore(m_workspace.database()).lastList(processorId);
}

HolidayCalendar VendorWatchService::calendarFor(const Processor& processor) const
{
    if (processor.organizationIds.isEmpty())
        return {};
    return DeadlineRulesService(m_workspace).holidays(processor.organizationIds.first());
}

QList<SubprocessorEntry> VendorWatchService::registryEntries(const QString& processorId) const
{
    QList<SubprocessorEntry> out;
    auto all = m_workspace.processors();
    if (!all)
        return out;
    for (const Processor& p : all.value())
        if (p.parentId == processorId && p.status != ProcessorStatus::Offboarded)
            out << entryOf(p);
    return out;
}

Result<ListOutcome> VendorWatchService::recordList(const QString& processorId,
                                                   const QList<SubprocessorEntry>& entries,
                                                   QDate receivedOn, const QString& source)
{
    auto processor = m_workspace.processor(processorId);
    if (!processor)
        return Error{processor.error()};
    if (!processor.value())
        return Error{tr("There is no processor '%1'.").arg(processorId)};
    if (entries.isEmpty())
        return Error{tr("%1: the list is empty; the last list stays.").arg(source)};
    if (!receivedOn.isValid())
        return Error{tr("The date the list was received is missing.")};
    const Processor& vendor = *processor.value();
    VendorWatchStore store(m_workspace.database());
    auto last = store.lastList(processorId);
    if (!last)
        return Error{last.error()};
    ListOutcome outcome;
    outcome.entries = int(entries.size());
    ReceivedList list;
    list.processorId = processorId;
    list.receivedOn = receivedOn;
    list.source = source;
    list.entries = entries;
    QList<SubprocessorEntry> before;
    const QLocale locale;
    if (last.value()) {
        if (last.value()->entries == entries) {
            outcome.unchanged = true;
            outcome.comparedWith =
                tr("the list of %1")
                    .arg(locale.toString(last.value()->receivedOn, QLocale::ShortFormat));
            return outcome;
        }
        before = last.value()->entries;
        outcome.comparedWith =
            tr("the list of %1")
                .arg(locale.toString(last.value()->receivedOn, QLocale::ShortFormat));
    } else {
        before = registryEntries(processorId);
        outcome.comparedWith = tr("the registry");
    }
    const SubprocessorDiff diff = compareLists(before, entries);
    SubprocessorNotice notice;
    notice.processorId = processorId;
    notice.processorName = vendor.name;
    notice.previousListId = last.value() ? last.value()->id : 0;
    notice.receivedOn = receivedOn;
    notice.objectionDeadline =
        objectionDeadline(receivedOn, settings(processorId).window, calendarFor(vendor));
    notice.diff = diff;
    const QJsonObject after{{QStringLiteral("received_on"), receivedOn.toString(Qt::ISODate)},
                            {QStringLiteral("source"), source},
                            {QStringLiteral("entries"), int(entries.size())},
                            {QStringLiteral("changes"), diff.summary()}};
    const QString summary = tr("Received the sub-processor list of %1 (%2): %3")
                                .arg(vendor.name, source, diff.summary());
    const Status s = m_workspace.record(resource::subprocessorLists, processorId, {}, after,
                                        summary, QStringLiteral("receive"), [&]() -> Status {
                                            if (auto w = store.insertList(list); !w)
                                                return w;
                                            if (diff.isEmpty())
                                                return {};
                                            notice.listId = list.id;
                                            if (auto w = store.insertNotice(notice); !w)
                                                return w;
                                            return {};
                                        });
    if (!s)
        return Error{s.error()};
    if (!diff.isEmpty()) {
        outcome.notice = notice;
        emit m_workspace.recordChanged(resource::subprocessorNotices, QString::number(notice.id));
    }
    return outcome;
}

Result<ListOutcome> VendorWatchService::recordFile(const QString& processorId, const QString& path,
                                                   QDate receivedOn)
{
    auto entries = readSubprocessorFile(path);
    if (!entries)
        return Error{tr("%1 The last list stays.").arg(entries.error())};
    return recordList(processorId, entries.value(), receivedOn, QFileInfo(path).fileName());
}

Result<ListOutcome> VendorWatchService::recordText(const QString& processorId,
                                                   const QByteArray& text, QDate receivedOn,
                                                   const QString& source)
{
    const QString name = source.isEmpty() ? tr("pasted text") : source;
    auto entries = readSubprocessorText(text, name);
    if (!entries)
        return Error{tr("%1 The last list stays.").arg(entries.error())};
    return recordList(processorId, entries.value(), receivedOn, name);
}

Result<ListOutcome> VendorWatchService::checkNow(const QString& processorId, QDate receivedOn)
{
    VendorListSettings s = settings(processorId);
    if (s.url.isEmpty())
        return Error{tr("No URL is set up for this processor's sub-processor list: nothing is "
                        "fetched.")};
    sync::ListFetcher fetcher;
    auto fetched = fetcher.fetch(QUrl(s.url), s.etag, s.lastModified);
    s.lastCheckedAt = QDateTime::currentDateTimeUtc();
    VendorWatchStore store(m_workspace.database());
    auto remember = [&](const QString& error) {
        s.lastCheckError = error;
        // Bookkeeping of the fetch only (validators, time): not the
        // officer's change, so no audit entry of its own.
        (void)m_workspace.database().transaction([&] { return store.saveFetchState(s); });
    };
    if (!fetched) {
        remember(fetched.error());
        return Error{tr("%1 The last list stays.").arg(fetched.error())};
    }
    if (fetched.value().notModified) {
        remember({});
        ListOutcome out;
        out.notModified = true;
        out.unchanged = true;
        return out;
    }
    auto entries = readSubprocessorText(fetched.value().body, sync::redactedUrl(QUrl(s.url)),
                                        fetched.value().formatHint);
    if (!entries) {
        remember(entries.error());
        return Error{tr("%1 The last list stays.").arg(entries.error())};
    }
    auto outcome =
        recordList(processorId, entries.value(), receivedOn, sync::redactedUrl(QUrl(s.url)));
    if (!outcome) {
        remember(outcome.error());
        return outcome;
    }
    s.etag = fetched.value().etag;
    s.lastModified = fetched.value().lastModified;
    remember({});
    return outcome;
}

QStringList VendorWatchService::dueForCheck(const QDateTime& now) const
{
    QStringList out;
    auto all = VendorWatchStore(m_workspace.database()).allSettings();
    if (!all)
        return out;
    for (const VendorListSettings& s : all.value()) {
        if (s.url.isEmpty() || s.checkIntervalHours <= 0)
            continue;
        if (!s.lastCheckedAt.isValid() ||
            s.lastCheckedAt.secsTo(now) >= qint64(s.checkIntervalHours) * 3600)
            out << s.processorId;
    }
    return out;
}

Result<QList<SubprocessorNotice>> VendorWatchService::notices(const NoticeFilter& filter) const
{
    return VendorWatchStore(m_workspace.database()).notices(filter);
}

Result<SubprocessorNotice> VendorWatchService::notice(qint64 id) const
{
    auto found = VendorWatchStore(m_workspace.database()).notice(id);
    if (!found)
        return Error{found.error()};
    if (!found.value())
        return Error{tr("There is no change notice %1.").arg(id)};
    return *found.value();
}

Result<QList<ProcessorChange>> VendorWatchService::acceptPlan(const SubprocessorNotice& n) const
{
    auto vendor = m_workspace.processor(n.processorId);
    if (!vendor)
        return Error{vendor.error()};
    if (!vendor.value())
        return Error{tr("There is no processor '%1'.").arg(n.processorId)};
    auto all = m_workspace.processors();
    if (!all)
        return Error{all.error()};
    QList<Processor> children;
    QSet<QString> ids;
    for (const Processor& p : all.value()) {
        ids.insert(p.id);
        if (p.parentId == n.processorId)
            children << p;
    }
    QList<ProcessorChange> plan;
    auto findChild = [&](const SubprocessorEntry& e) -> Processor* {
        for (Processor& p : children)
            if (sameCompany(p, e))
                return &p;
        return nullptr;
    };
    auto change = [&](const Processor& before, const Processor& after) {
        if (!(before == after))
            plan << ProcessorChange{before, after};
    };
    for (const SubprocessorEntry& e : n.diff.added) {
        if (Processor* existing = findChild(e)) {
            Processor after = *existing;
            after.status = ProcessorStatus::Active;
            if (!e.purpose.isEmpty())
                after.service = e.purpose;
            if (!codesOf(e).isEmpty())
                after.locations = codesOf(e);
            change(*existing, after);
            *existing = after;
            continue;
        }
        Processor p;
        QString id = QStringLiteral("p-%1-%2").arg(slug(e.name), slug(vendor.value()->name));
        for (int i = 2; ids.contains(id); ++i)
            id = QStringLiteral("p-%1-%2-%3").arg(slug(e.name), slug(vendor.value()->name)).arg(i);
        ids.insert(id);
        p.id = id;
        p.name = e.name;
        p.legalEntity = e.entity;
        p.service = e.purpose;
        p.locations = codesOf(e);
        p.parentId = n.processorId;
        p.organizationIds = vendor.value()->organizationIds;
        p.status = ProcessorStatus::Active;
        plan << ProcessorChange{std::nullopt, p};
        children << p;
    }
    for (const SubprocessorEntry& e : n.diff.removed) {
        if (Processor* existing = findChild(e);
            existing && existing->status != ProcessorStatus::Offboarded) {
            Processor after = *existing;
            after.status = ProcessorStatus::Offboarded;
            change(*existing, after);
            *existing = after;
        }
    }
    for (const SubprocessorChange& c : n.diff.changed) {
        Processor* existing = findChild(c.before);
        if (!existing)
            existing = findChild(c.after);
        if (!existing)
            continue;
        Processor after = *existing;
        // The list's new spelling becomes an alias (the policy lint finds it).
        if (c.fields.contains(u"name") &&
            after.name.compare(c.after.name, Qt::CaseInsensitive) != 0 &&
            !after.aliases.contains(c.after.name, Qt::CaseInsensitive))
            after.aliases << c.after.name;
        if (c.fields.contains(u"entity"))
            after.legalEntity = c.after.entity;
        if (c.fields.contains(u"purpose"))
            after.service = c.after.purpose;
        if (c.fields.contains(u"location") && !codesOf(c.after).isEmpty())
            after.locations = codesOf(c.after);
        change(*existing, after);
        *existing = after;
    }
    return plan;
}

Status VendorWatchService::applyAccept(const SubprocessorNotice& n,
                                       const QList<ProcessorChange>& changes,
                                       const QString& summary)
{
    return m_workspace.database().transaction([&]() -> Status {
        for (const ProcessorChange& c : changes) {
            if (auto s = m_workspace.save(c.after, summary,
                                          c.before ? QString() : QStringLiteral("create"));
                !s)
                return s;
        }
        return setStatus(n, NoticeStatus::Accepted, n.decisionNote, summary);
    });
}

Status VendorWatchService::undoAccept(const SubprocessorNotice& n,
                                      const QList<ProcessorChange>& changes, const QString& summary)
{
    return m_workspace.database().transaction([&]() -> Status {
        for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
            const Status s = it->before
                                 ? m_workspace.save(*it->before, summary, QStringLiteral("undo"))
                                 : m_workspace.remove<Processor>(it->after.id, summary);
            if (!s)
                return s;
        }
        return setStatus(n, n.status, n.decisionNote, summary);
    });
}

Status VendorWatchService::object(qint64 noticeId, const QString& text)
{
    auto n = notice(noticeId);
    if (!n)
        return Error{n.error()};
    if (!n.value().isOpen())
        return Error{tr("The notice is already decided (%1).").arg(displayLabel(n.value().status))};
    return setStatus(
        n.value(), NoticeStatus::Objected, text,
        tr("Objected to the sub-processor changes of %1").arg(n.value().processorName));
}

Status VendorWatchService::note(qint64 noticeId, const QString& text)
{
    auto n = notice(noticeId);
    if (!n)
        return Error{n.error()};
    if (!n.value().isOpen())
        return Error{tr("The notice is already decided (%1).").arg(displayLabel(n.value().status))};
    return setStatus(
        n.value(), NoticeStatus::Noted, text,
        tr("Noted the sub-processor changes of %1 without action").arg(n.value().processorName));
}

Status VendorWatchService::setStatus(const SubprocessorNotice& n, NoticeStatus status,
                                     const QString& text, const QString& summary)
{
    auto current = notice(n.id);
    if (!current)
        return Error{current.error()};
    const SubprocessorNotice& before = current.value();
    const QDateTime decidedAt =
        status == NoticeStatus::Open ? QDateTime() : QDateTime::currentDateTimeUtc();
    auto json = [](NoticeStatus st, const QString& note) {
        QJsonObject o{{QStringLiteral("status"), toWire(st)}};
        if (!note.isEmpty())
            o.insert(QStringLiteral("decision_note"), note);
        return o;
    };
    return m_workspace.record(resource::subprocessorNotices, QString::number(n.id),
                              json(before.status, before.decisionNote), json(status, text), summary,
                              QStringLiteral("update"), [&]() -> Status {
                                  return VendorWatchStore(m_workspace.database())
                                      .setNoticeStatus(n.id, status, text, decidedAt);
                              });
}

} // namespace workbench
