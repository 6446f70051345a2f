#pragma once

#include "domain/VendorWatch.h"
#include "storage/VendorWatchStore.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <optional>

namespace workbench {

// What recording a list did.
struct ListOutcome
{
    std::optional<SubprocessorNotice> notice; // made when the list changed
    bool unchanged = false;                   // the same as the last list: nothing stored
    bool notModified = false;                 // a fetch the server answered 304
    QString comparedWith;                     // "the list of 2026-05-01" or "the registry"
    int entries = 0;
};

// One registry change an accepted notice makes (before empty: created).
struct ProcessorChange
{
    std::optional<Processor> before;
    Processor after;
};

// The vendor watch: each processor's published sub-processor list, the
// change notices made from new versions of it, and the decisions on them.
// Every change writes its audit entry in the same transaction; a list that
// cannot be read changes nothing (the last good list stays).
class VendorWatchService
{
    Q_DECLARE_TR_FUNCTIONS(VendorWatchService)

public:
    explicit VendorWatchService(Workspace& workspace);

    // The processor's settings (defaults: no URL, 30 calendar days).
    VendorListSettings settings(const QString& processorId) const;
    Status saveSettings(const VendorListSettings& settings);
    Result<std::optional<ReceivedList>> lastList(const QString& processorId) const;

    // The holidays the objection window counts business days with: those
    // of the processor's first organization.
    HolidayCalendar calendarFor(const Processor& processor) const;

    // Records a version of the processor's list received on `receivedOn`
    // and compares it with the last one (or, the first time, with the
    // registry's sub-processors of the processor).
    Result<ListOutcome> recordList(const QString& processorId,
                                   const QList<SubprocessorEntry>& entries, QDate receivedOn,
                                   const QString& source);
    Result<ListOutcome> recordFile(const QString& processorId, const QString& path,
                                   QDate receivedOn);
    Result<ListOutcome> recordText(const QString& processorId, const QByteArray& text,
                                   QDate receivedOn, const QString& source = {});
    // Fetches the processor's list from its URL now (only when one is set).
    Result<ListOutcome> checkNow(const QString& processorId, QDate receivedOn);
    // The processors whose list is fetched on an interval and is due at `now`.
    QStringList dueForCheck(const QDateTime& now) const;

    Result<QList<SubprocessorNotice>> notices(const NoticeFilter& filter = {}) const;
    Result<SubprocessorNotice> notice(qint64 id) const;

    // Accepting: the registry changes the notice asks for (added
    // sub-processors created under the processor, removed ones offboarded,
    // changed ones updated), applied (and undone) in one transaction with
    // the notice's new status.
    Result<QList<ProcessorChange>> acceptPlan(const SubprocessorNotice& notice) const;
    Status applyAccept(const SubprocessorNotice& notice, const QList<ProcessorChange>& changes,
                       const QString& summary);
    Status undoAccept(const SubprocessorNotice& notice, const QList<ProcessorChange>& changes,
                      const QString& summary);
    // Objecting (the notice stays open until the vendor answers) and noting.
    Status object(qint64 noticeId, const QString& note = {});
    Status note(qint64 noticeId, const QString& note = {});

private:
    Status setStatus(const SubprocessorNotice& notice, NoticeStatus status, const QString& note,
                     const QString& summary);
    QList<SubprocessorEntry> registryEntries(const QString& processorId) const;

    Workspace& m_workspace;
};

} // namespace workbench
