#pragma once

#include "BreachClocks.h"
#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace workbench {

// A data category an incident touched; special categories (GDPR Art. 9,
// 10) are flagged.
struct IncidentDataCategory
{
    QString name;
    bool special = false;
    friend bool operator==(const IncidentDataCategory&, const IncidentDataCategory&) = default;
};

// A decision to notify someone or not, with its reasons (GDPR Art. 33(5)
// asks the reasons be kept when the authority is not told).
struct IncidentDecision
{
    QString clock; // the clock it answers: authority, people, early_warning, ...
    bool notify = true;
    QString reasons;
    QDateTime decidedAt;
    friend bool operator==(const IncidentDecision&, const IncidentDecision&) = default;
};

// A notification that went in. The first of a clock stops it; follow-ups
// add what was not known yet (GDPR Art. 33(4)).
struct IncidentSubmission
{
    enum class Phase
    {
        Initial,
        FollowUp,
        Final
    };
    QString clock; // authority, people, early_warning, incident_notification, final_report
    Phase phase = Phase::Initial;
    QDateTime at;
    QString reference;    // the authority's case number, the mailing's id
    QString delayReasons; // why it came late (where the rule asks)
    friend bool operator==(const IncidentSubmission&, const IncidentSubmission&) = default;
};

QString phaseWire(IncidentSubmission::Phase phase); // initial, follow_up, final
std::optional<IncidentSubmission::Phase> phaseFromWire(QStringView wire);
QString phaseLabel(IncidentSubmission::Phase phase);

// A personal-data breach, as the register keeps it.
//
// The activities it touched are kept as the ids of processing activities,
// as text: the register of activities is a resource of its own and the
// incident does not depend on it being there.
struct Incident
{
    QString id;
    QString organizationId;
    QString title;
    QString whatHappened;
    QString jurisdiction; // a breach rule's code (GDPR, UK_GDPR, LGPD, PIPEDA)
    bool nis2 = false;    // the organization is in NIS2's scope: its clocks too
    QString timeZone;     // IANA name: business days are counted and times shown there
    QDateTime startedAt;  // may be unknown
    QDateTime discoveredAt;
    QDateTime awareAt;

    // Who reported it. A processor owes the controller notice (GDPR Art.
    // 33(2)) within the hours its DPA sets.
    QString reportedBy; // staff, processor, third_party, authority, person
    QString reporterName;
    QString reporterProcessorId;
    QDateTime processorAwareAt;  // when the processor itself became aware
    QDateTime processorNoticeAt; // when it told the controller
    std::optional<int> processorContractHours;

    QStringList processorIds;
    QStringList systems;
    QStringList activityIds; // processing activity ids, as text
    QList<IncidentDataCategory> dataCategories;
    std::optional<qint64> peopleApprox;
    std::optional<qint64> recordsApprox;
    QString consequences;
    QString measuresTaken;
    QString measuresProposed;
    QString contact; // who the authority and the people can ask (the DPO)

    BreachRisk risk = BreachRisk::Unassessed;
    QString riskReasoning;
    QList<IncidentDecision> decisions;
    QList<IncidentSubmission> submissions;
    QDateTime closedAt;

    QTimeZone zone() const { return QTimeZone(timeZone.toUtf8()); }
    bool isOpen() const { return !closedAt.isValid(); }
    bool hasSpecialCategories() const;
    // The facts its clocks count from (the first submission of each clock
    // stops it).
    BreachFacts facts() const;
    // The first submission for `clock`, if any.
    const IncidentSubmission* firstSubmission(const QString& clock) const;
    const IncidentDecision* decision(const QString& clock) const;
    // Whether the processor told the controller within its contractual
    // hours: nullopt when the facts to tell are missing.
    std::optional<bool> processorNoticeInTime() const;

    QJsonObject toJson() const;
    static Result<Incident> fromJson(const QJsonObject& json);
    friend bool operator==(const Incident&, const Incident&) = default;
};

// Ok, or what is wrong with an incident before it is saved: no title, an
// unknown jurisdiction or zone, the clocks' facts (checkBreachFacts()), a
// processor's notice before it knew, negative numbers.
Status checkIncident(const Incident& incident, const BreachRuleSet& rules);

} // namespace workbench
