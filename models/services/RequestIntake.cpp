#include "RequestIntake.h"

#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace workbench {

RequestIntake::RequestIntake(Workspace& workspace)
    : m_workspace(workspace)
    , m_requests(workspace)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

void RequestIntake::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock;
    m_requests.setClock(std::move(clock));
}

bool RequestIntake::isWellFormedEmail(const QString& email)
{
    // One @, something before it, a dotted domain after it, no spaces.
    static const QRegularExpression re(QStringLiteral(R"(^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$)"));
    return re.match(email).hasMatch();
}

Status RequestIntake::validate(const RequestIntakeInput& input) const
{
    if (input.organizationId.isEmpty())
        return Error{tr("Organization: give the organization the request is addressed to.")};
    auto orgs = m_workspace.organizations();
    if (!orgs)
        return Error{orgs.error()};
    const bool known = std::any_of(orgs->cbegin(), orgs->cend(), [&](const Organization& o) {
        return o.id == input.organizationId;
    });
    if (!known)
        return Error{tr("Organization: there is no organization %1 in this workspace.")
                         .arg(input.organizationId)};
    // The sync contract and the schema require subject_email: a request
    // with a name alone could be neither stored nor synced.
    if (input.email.trimmed().isEmpty())
        return Error{tr("E-mail: the requester's e-mail address is required.")};
    if (!isWellFormedEmail(input.email.trimmed()))
        return Error{tr("E-mail: not a well-formed address (expected name@domain.example).")};
    if (!input.receivedAt.isValid())
        return Error{tr("Received: give the date and time the request arrived.")};
    if (input.receivedAt.timeSpec() == Qt::LocalTime)
        return Error{tr("Received: give the time with its UTC offset (Z or +hh:mm).")};
    const QDateTime now = m_clock();
    if (input.receivedAt > now.addSecs(futureToleranceSeconds))
        return Error{
            tr("Received: %1 is in the future (now is %2).")
                .arg(input.receivedAt.toString(Qt::ISODate), now.toUTC().toString(Qt::ISODate))};
    if (auto rule = m_requests.deadlineRules().rule(input.jurisdiction); !rule)
        return Error{tr("Jurisdiction: %1").arg(rule.error())};
    return {};
}

Result<RequestIntakeResult> RequestIntake::create(const RequestIntakeInput& input)
{
    if (auto ok = validate(input); !ok)
        return Error{ok.error()};
    RightsRequest q;
    q.id = newUuidV7();
    q.organizationId = input.organizationId;
    q.type = input.type;
    q.jurisdiction = input.jurisdiction;
    q.subjectName = input.requesterName.trimmed();
    q.subjectEmail = input.email.trimmed();
    q.accountId = input.accountId.trimmed();
    q.channel = input.channel;
    q.receivedAt = input.receivedAt;
    q.status = RequestStatus::New;
    q.meta.updatedAt = m_clock();

    // The domain's checks of new facts (a date past 9999, ...).
    {
        auto rule = m_requests.deadlineRules().rule(q.jurisdiction);
        if (!rule)
            return Error{tr("Jurisdiction: %1").arg(rule.error())};
        if (auto ok = checkDeadlineInput(rule.value(), m_requests.deadlineRules().inputOf(q, 0));
            !ok)
            return Error{tr("Received: %1").arg(ok.error())};
    }

    const QString how = displayLabel(q.channel);
    const QString text = input.words.trimmed().isEmpty()
                             ? tr("Received (%1)").arg(how)
                             : tr("Received (%1): %2").arg(how, input.words.trimmed());
    if (auto s = m_requests.create(q, tr("Log request %1").arg(q.id), text); !s)
        return Error{s.error()};
    auto stored = m_requests.snapshot(q.id);
    if (!stored)
        return Error{stored.error()};
    return RequestIntakeResult{stored->request, m_requests.deadlinesOf(stored.value())};
}

Result<QList<RightsRequest>>
RequestIntake::possibleDuplicates(const RequestIntakeInput& input) const
{
    const QString email = input.email.trimmed();
    if (email.isEmpty())
        return QList<RightsRequest>{};
    auto all = m_workspace.rightsRequests(input.organizationId);
    if (!all)
        return Error{all.error()};
    const QDateTime since = m_clock().addDays(-duplicateWindowDays);
    QList<RightsRequest> out;
    for (const RightsRequest& q : all.value()) {
        if (q.subjectEmail.trimmed().compare(email, Qt::CaseInsensitive) != 0)
            continue;
        if (q.isOpen() || !q.closedAt.isValid() || q.closedAt >= since)
            out.append(q);
    }
    return out;
}

QString RequestIntake::uuidV7(qint64 unixMs, quint16 randA, quint64 randB)
{
    QByteArray b(16, '\0');
    for (int i = 0; i < 6; ++i)
        b[i] = char((quint64(unixMs) >> (8 * (5 - i))) & 0xff);
    b[6] = char(0x70 | ((randA >> 8) & 0x0f)); // version 7
    b[7] = char(randA & 0xff);
    b[8] = char(0x80 | ((randB >> 56) & 0x3f)); // variant 10
    for (int i = 9; i < 16; ++i)
        b[i] = char((randB >> (8 * (15 - i))) & 0xff);
    return QUuid::fromRfc4122(b).toString(QUuid::WithoutBraces).toLower();
}

QString RequestIntake::newUuidV7()
{
    static QMutex mutex;
    static qint64 lastMs = 0;
    static quint16 lastA = 0;
    QRandomGenerator* rnd = QRandomGenerator::system();
    const QMutexLocker lock(&mutex);
    qint64 ms = QDateTime::currentMSecsSinceEpoch();
    quint16 a = 0;
    if (ms > lastMs) {
        a = quint16(rnd->bounded(0x800)); // top bit clear: room to count up
    } else if (lastA < 0xfff) {
        ms = lastMs; // the clock stood still or went back: count on
        a = quint16(lastA + 1);
    } else {
        ms = lastMs + 1;
        a = quint16(rnd->bounded(0x800));
    }
    lastMs = ms;
    lastA = a;
    return uuidV7(ms, a, rnd->generate64());
}

} // namespace workbench
