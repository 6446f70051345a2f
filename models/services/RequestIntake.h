#pragma once

#include "RequestService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <functional>

namespace workbench {

// A rights request as the officer logs it from an e-mail or a letter.
struct RequestIntakeInput
{
    QString organizationId;
    RequestType type = RequestType::Access;
    Jurisdiction jurisdiction = Jurisdiction::Gdpr;
    QDateTime receivedAt; // with its UTC offset (not the local clock's guess)
    RequestChannel channel = RequestChannel::Email;
    QString requesterName;
    QString email;
    QString accountId;
    QString words; // what the requester wrote; kept in the request's history
};

// The request the intake wrote, with the due dates stored with it.
struct RequestIntakeResult
{
    RightsRequest request;
    Deadlines deadlines;
};

// Logs new rights requests: checks the input, gives the request its id
// (a UUID version 7), computes its due dates as for any stored request
// (DeadlineRulesService) and writes it with its history line "received" and
// its audit entry "create" in one transaction (RequestService::create).
// The request has no server version yet (0); the same transaction queues it
// in the outbox as a create, sent by the next sync (docs/sync-api.md §9).
class RequestIntake
{
    Q_DECLARE_TR_FUNCTIONS(RequestIntake)

public:
    explicit RequestIntake(Workspace& workspace);

    // "Now" for the check of the received time; tests set a fixed clock.
    void setClock(std::function<QDateTime()> clock);

    // How far in the future a received time may lie (clocks differ).
    static constexpr int futureToleranceSeconds = 5 * 60;
    // How long a closed request still counts as a possible duplicate.
    static constexpr int duplicateWindowDays = 90;

    // Ok, or the first problem, naming the field.
    Status validate(const RequestIntakeInput& input) const;
    Result<RequestIntakeResult> create(const RequestIntakeInput& input);
    // Requests of the same organization with the same e-mail address (case
    // ignored), open or closed in the last 90 days (or with no close date).
    Result<QList<RightsRequest>> possibleDuplicates(const RequestIntakeInput& input) const;

    static bool isWellFormedEmail(const QString& email);

    // A UUID version 7 (RFC 9562) for the Unix time `unixMs`: 48 bits of
    // milliseconds, the version, 12 bits `randA`, the variant, 62 bits
    // `randB`; lower-case, hyphens, no braces.
    static QString uuidV7(qint64 unixMs, quint16 randA, quint64 randB);
    // A new UUID version 7 for now, later than every id this process made
    // before (within one millisecond the 12 bits after the version count up).
    static QString newUuidV7();

private:
    Workspace& m_workspace;
    RequestService m_requests;
    std::function<QDateTime()> m_clock;
};

} // namespace workbench
