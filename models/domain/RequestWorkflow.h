#pragma once

#include "Enums.h"
#include "Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace workbench {

// The life of a rights request: which status may follow which, and why not.
//
//   new -> verifying -> in_progress -> waiting_on_processor -> fulfilled
//   (any open status) -> rejected | withdrawn
//   back-edges: verifying -> new, in_progress -> verifying,
//               waiting_on_processor -> in_progress, closed -> in_progress (reopen)
class RequestWorkflow
{
    Q_DECLARE_TR_FUNCTIONS(RequestWorkflow)

public:
    static QList<RequestStatus> nextStatuses(RequestStatus from);
    // Ok, or the reason the change is refused.
    static Status checkTransition(RequestStatus from, RequestStatus to);
    // Fulfilled, rejected or withdrawn: the one definition of a closed
    // request (RightsRequest::isOpen(), the command line and the stored
    // is_open column of rights_requests follow it; a test ties them).
    static bool isClosed(RequestStatus s);
    // Erasure, rectification and restriction must reach every processor
    // (GDPR Art. 19): these requests get per-processor tasks.
    static bool needsProcessorTasks(RequestType type);
};

enum class TaskState
{
    ToSend,
    Sent,
    Confirmed,
    NotNeeded
};
template <> struct EnumTraits<TaskState>
{
    static const std::array<EnumEntry<TaskState>, 4> entries;
};

// One processor's part in a request.
struct RequestTask
{
    qint64 id = 0;
    QString requestId;
    QString processorId;
    QString processorName;
    TaskState state = TaskState::ToSend;
    QString reason;
    QDateTime updatedAt;

    bool isOpen() const { return state == TaskState::ToSend || state == TaskState::Sent; }
    friend bool operator==(const RequestTask&, const RequestTask&) = default;
};

// One line of a request's history.
struct RequestEvent
{
    qint64 id = 0;
    QDateTime at;
    QString kind; // received, identity_requested, identity_verified, paused, resumed,
                  // extension, assigned, processor_notified, note, status_change,
                  // closed, undo, redo
    QString text;
    QString actor;
};

QString eventKindLabel(const QString& kind);

} // namespace workbench
