#include "RequestWorkflow.h"

#include <QCoreApplication>

namespace workbench {

const std::array<EnumEntry<TaskState>, 4> EnumTraits<TaskState>::entries{{
    {TaskState::ToSend, "to_send", QT_TRANSLATE_NOOP("Vocabulary", "To send")},
    {TaskState::Sent, "sent", QT_TRANSLATE_NOOP("Vocabulary", "Sent")},
    {TaskState::Confirmed, "confirmed", QT_TRANSLATE_NOOP("Vocabulary", "Confirmed")},
    {TaskState::NotNeeded, "not_needed", QT_TRANSLATE_NOOP("Vocabulary", "Not needed")},
}};

bool RequestWorkflow::isClosed(RequestStatus s)
{
    return s == RequestStatus::Fulfilled || s == RequestStatus::Rejected ||
           s == RequestStatus::Withdrawn;
}

bool RequestWorkflow::needsProcessorTasks(RequestType type)
{
    return type == RequestType::Erasure || type == RequestType::Rectification ||
           type == RequestType::Restriction;
}

QList<RequestStatus> RequestWorkflow::nextStatuses(RequestStatus from)
{
    using S = RequestStatus;
    switch (from) {
    case S::New:
        return {S::Verifying, S::InProgress, S::Rejected, S::Withdrawn};
    case S::Verifying:
        return {S::InProgress, S::New, S::Rejected, S::Withdrawn};
    case S::InProgress:
        return {S::WaitingOnProcessor, S::Fulfilled, S::Verifying, S::Rejected, S::Withdrawn};
    case S::WaitingOnProcessor:
        return {S::InProgress, S::Fulfilled, S::Rejected, S::Withdrawn};
    case S::Fulfilled:
    case S::Rejected:
    case S::Withdrawn:
        return {S::InProgress};
    }
    return {};
}

Status RequestWorkflow::checkTransition(RequestStatus from, RequestStatus to)
{
    if (from == to)
        return Error{tr("The request is already %1.").arg(displayLabel(to).toLower())};
    if (nextStatuses(from).contains(to))
        return {};
    if (to == RequestStatus::Fulfilled &&
        (from == RequestStatus::New || from == RequestStatus::Verifying))
        return Error{tr("A request cannot be fulfilled before work on it has started: verify the "
                        "requester's identity and move it to In progress first.")};
    if (to == RequestStatus::WaitingOnProcessor)
        return Error{tr("Only a request in progress can wait on a processor.")};
    if (isClosed(from))
        return Error{tr("A closed request can only be reopened (to In progress).")};
    return Error{
        tr("A request cannot go from %1 to %2.").arg(displayLabel(from), displayLabel(to))};
}

QString eventKindLabel(const QString& kind)
{
    static const QHash<QString, const char*> labels{
        {QStringLiteral("received"), QT_TRANSLATE_NOOP("RequestEvent", "Received")},
        {QStringLiteral("identity_requested"),
         QT_TRANSLATE_NOOP("RequestEvent", "Identity requested")},
        {QStringLiteral("identity_verified"),
         QT_TRANSLATE_NOOP("RequestEvent", "Identity verified")},
        {QStringLiteral("paused"), QT_TRANSLATE_NOOP("RequestEvent", "Paused")},
        {QStringLiteral("resumed"), QT_TRANSLATE_NOOP("RequestEvent", "Resumed")},
        {QStringLiteral("extension"), QT_TRANSLATE_NOOP("RequestEvent", "Extended")},
        {QStringLiteral("assigned"), QT_TRANSLATE_NOOP("RequestEvent", "Assigned")},
        {QStringLiteral("processor_notified"),
         QT_TRANSLATE_NOOP("RequestEvent", "Processor notified")},
        {QStringLiteral("note"), QT_TRANSLATE_NOOP("RequestEvent", "Note")},
        {QStringLiteral("status_change"), QT_TRANSLATE_NOOP("RequestEvent", "Status changed")},
        {QStringLiteral("closed"), QT_TRANSLATE_NOOP("RequestEvent", "Closed")},
        {QStringLiteral("undo"), QT_TRANSLATE_NOOP("RequestEvent", "Undone")},
        {QStringLiteral("redo"), QT_TRANSLATE_NOOP("RequestEvent", "Redone")},
        {QStringLiteral("acknowledged"), QT_TRANSLATE_NOOP("RequestEvent", "Receipt confirmed")},
    };
    const char* label = labels.value(kind, nullptr);
    return label ? QCoreApplication::translate("RequestEvent", label) : kind;
}

} // namespace workbench
