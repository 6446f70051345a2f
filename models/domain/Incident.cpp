#include "Incident.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace workbench {

namespace {

struct IncidentText
{
    Q_DECLARE_TR_FUNCTIONS(Incident)
};

QJsonValue timeJson(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(isoWithOffset(t)) : QJsonValue();
}

// A stored time, or an error naming the field: a time the clocks count
// from must carry its offset.
Result<QDateTime> timeFromJson(const QJsonObject& o, const char* field)
{
    const QJsonValue v = o.value(QLatin1String(field));
    if (v.isNull() || v.isUndefined() || v.toString().isEmpty())
        return QDateTime();
    const QString text = v.toString();
    auto parsed = parseZonedTime(text);
    if (!parsed)
        return Error{QStringLiteral("%1: %2").arg(QLatin1String(field), parsed.error())};
    return parsed->instant;
}

QJsonValue countJson(const std::optional<qint64>& n)
{
    return n ? QJsonValue(double(*n)) : QJsonValue();
}

std::optional<qint64> countFromJson(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<qint64>(qint64(v.toDouble())) : std::nullopt;
}

QStringList stringList(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& item : v.toArray())
        out << item.toString();
    return out;
}

} // namespace

QString phaseWire(IncidentSubmission::Phase phase)
{
    switch (phase) {
    case IncidentSubmission::Phase::Initial:
        return QStringLiteral("initial");
    case IncidentSubmission::Phase::FollowUp:
        return QStringLiteral("follow_up");
    case IncidentSubmission::Phase::Final:
        return QStringLiteral("final");
    }
    return {};
}

std::optional<IncidentSubmission::Phase> phaseFromWire(QStringView wire)
{
    for (auto p : {IncidentSubmission::Phase::Initial, IncidentSubmission::Phase::FollowUp,
                   IncidentSubmission::Phase::Final}) {
        if (wire == phaseWire(p))
            return p;
    }
    return std::nullopt;
}

QString phaseLabel(IncidentSubmission::Phase phase)
{
    switch (phase) {
    case IncidentSubmission::Phase::Initial:
        return IncidentText::tr("initial");
    case IncidentSubmission::Phase::FollowUp:
        return IncidentText::tr("follow-up");
    case IncidentSubmission::Phase::Final:
        return IncidentText::tr("final");
    }
    return {};
}

bool Incident::hasSpecialCategories() const
{
    return std::any_of(dataCategories.begin(), dataCategories.end(),
                       [](const IncidentDataCategory& c) { return c.special; });
}

const IncidentSubmission* Incident::firstSubmission(const QString& clock) const
{
    const IncidentSubmission* first = nullptr;
    for (const IncidentSubmission& s : submissions) {
        if (s.clock == clock && (!first || s.at < first->at))
            first = &s;
    }
    return first;
}

const IncidentDecision* Incident::decision(const QString& clock) const
{
    const IncidentDecision* last = nullptr;
    for (const IncidentDecision& d : decisions) {
        if (d.clock == clock)
            last = &d;
    }
    return last;
}

BreachFacts Incident::facts() const
{
    BreachFacts f;
    f.discovered = discoveredAt;
    f.aware = awareAt;
    f.zone = zone();
    f.risk = risk;
    for (const IncidentSubmission& s : submissions) {
        if (const IncidentSubmission* first = firstSubmission(s.clock))
            f.submitted.insert(s.clock, first->at);
    }
    return f;
}

std::optional<bool> Incident::processorNoticeInTime() const
{
    if (reportedBy != u"processor" || !processorAwareAt.isValid() || !processorNoticeAt.isValid() ||
        !processorContractHours)
        return std::nullopt;
    return processorNoticeAt <= processorAwareAt.addSecs(qint64(*processorContractHours) * 3600);
}

QJsonObject Incident::toJson() const
{
    QJsonArray categories;
    for (const IncidentDataCategory& c : dataCategories)
        categories.append(
            QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("special"), c.special}});
    QJsonArray decisionList;
    for (const IncidentDecision& d : decisions)
        decisionList.append(QJsonObject{{QStringLiteral("clock"), d.clock},
                                        {QStringLiteral("notify"), d.notify},
                                        {QStringLiteral("reasons"), d.reasons},
                                        {QStringLiteral("decided_at"), timeJson(d.decidedAt)}});
    QJsonArray submissionList;
    for (const IncidentSubmission& s : submissions)
        submissionList.append(QJsonObject{{QStringLiteral("clock"), s.clock},
                                          {QStringLiteral("phase"), phaseWire(s.phase)},
                                          {QStringLiteral("at"), timeJson(s.at)},
                                          {QStringLiteral("reference"), s.reference},
                                          {QStringLiteral("delay_reasons"), s.delayReasons}});
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("organization_id"), organizationId},
        {QStringLiteral("title"), title},
        {QStringLiteral("what_happened"), whatHappened},
        {QStringLiteral("jurisdiction"), jurisdiction},
        {QStringLiteral("nis2"), nis2},
        {QStringLiteral("time_zone"), timeZone},
        {QStringLiteral("started_at"), timeJson(startedAt)},
        {QStringLiteral("discovered_at"), timeJson(discoveredAt)},
        {QStringLiteral("aware_at"), timeJson(awareAt)},
        {QStringLiteral("reported_by"), reportedBy},
        {QStringLiteral("reporter_name"), reporterName},
        {QStringLiteral("reporter_processor_id"), reporterProcessorId},
        {QStringLiteral("processor_aware_at"), timeJson(processorAwareAt)},
        {QStringLiteral("processor_notice_at"), timeJson(processorNoticeAt)},
        {QStringLiteral("processor_contract_hours"),
         processorContractHours ? QJsonValue(*processorContractHours) : QJsonValue()},
        {QStringLiteral("processor_ids"), QJsonArray::fromStringList(processorIds)},
        {QStringLiteral("systems"), QJsonArray::fromStringList(systems)},
        {QStringLiteral("activity_ids"), QJsonArray::fromStringList(activityIds)},
        {QStringLiteral("data_categories"), categories},
        {QStringLiteral("people_approx"), countJson(peopleApprox)},
        {QStringLiteral("records_approx"), countJson(recordsApprox)},
        {QStringLiteral("consequences"), consequences},
        {QStringLiteral("measures_taken"), measuresTaken},
        {QStringLiteral("measures_proposed"), measuresProposed},
        {QStringLiteral("contact"), contact},
        {QStringLiteral("risk"), toWire(risk)},
        {QStringLiteral("risk_reasoning"), riskReasoning},
        {QStringLiteral("decisions"), decisionList},
        {QStringLiteral("submissions"), submissionList},
        {QStringLiteral("closed_at"), timeJson(closedAt)},
    };
}

Result<Incident> Incident::fromJson(const QJsonObject& o)
{
    Incident i;
    i.id = o.value(QStringLiteral("id")).toString();
    if (i.id.isEmpty())
        return Error{QStringLiteral("an incident without an id")};
    auto fail = [&i](const QString& why) {
        return Error{QStringLiteral("incident %1: %2").arg(i.id, why)};
    };
    i.organizationId = o.value(QStringLiteral("organization_id")).toString();
    i.title = o.value(QStringLiteral("title")).toString();
    i.whatHappened = o.value(QStringLiteral("what_happened")).toString();
    i.jurisdiction = o.value(QStringLiteral("jurisdiction")).toString();
    i.nis2 = o.value(QStringLiteral("nis2")).toBool();
    i.timeZone = o.value(QStringLiteral("time_zone")).toString();
    for (auto [field, target] :
         {std::pair{"started_at", &i.startedAt}, std::pair{"discovered_at", &i.discoveredAt},
          std::pair{"aware_at", &i.awareAt}, std::pair{"processor_aware_at", &i.processorAwareAt},
          std::pair{"processor_notice_at", &i.processorNoticeAt},
          std::pair{"closed_at", &i.closedAt}}) {
        auto t = timeFromJson(o, field);
        if (!t)
            return fail(t.error());
        *target = t.value();
    }
    i.reportedBy = o.value(QStringLiteral("reported_by")).toString();
    i.reporterName = o.value(QStringLiteral("reporter_name")).toString();
    i.reporterProcessorId = o.value(QStringLiteral("reporter_processor_id")).toString();
    const QJsonValue hours = o.value(QStringLiteral("processor_contract_hours"));
    if (hours.isDouble())
        i.processorContractHours = hours.toInt();
    i.processorIds = stringList(o.value(QStringLiteral("processor_ids")));
    i.systems = stringList(o.value(QStringLiteral("systems")));
    i.activityIds = stringList(o.value(QStringLiteral("activity_ids")));
    for (const QJsonValue& v : o.value(QStringLiteral("data_categories")).toArray()) {
        const QJsonObject c = v.toObject();
        i.dataCategories.append({c.value(QStringLiteral("name")).toString(),
                                 c.value(QStringLiteral("special")).toBool()});
    }
    i.peopleApprox = countFromJson(o.value(QStringLiteral("people_approx")));
    i.recordsApprox = countFromJson(o.value(QStringLiteral("records_approx")));
    i.consequences = o.value(QStringLiteral("consequences")).toString();
    i.measuresTaken = o.value(QStringLiteral("measures_taken")).toString();
    i.measuresProposed = o.value(QStringLiteral("measures_proposed")).toString();
    i.contact = o.value(QStringLiteral("contact")).toString();
    const QString risk = o.value(QStringLiteral("risk")).toString(QStringLiteral("unassessed"));
    const auto level = fromWire<BreachRisk>(risk);
    if (!level)
        return fail(QStringLiteral("risk '%1' is not one of: %2")
                        .arg(risk, wireNames<BreachRisk>().join(QStringLiteral(", "))));
    i.risk = *level;
    i.riskReasoning = o.value(QStringLiteral("risk_reasoning")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("decisions")).toArray()) {
        const QJsonObject d = v.toObject();
        auto at = timeFromJson(d, "decided_at");
        if (!at)
            return fail(at.error());
        i.decisions.append({d.value(QStringLiteral("clock")).toString(),
                            d.value(QStringLiteral("notify")).toBool(true),
                            d.value(QStringLiteral("reasons")).toString(), at.value()});
    }
    for (const QJsonValue& v : o.value(QStringLiteral("submissions")).toArray()) {
        const QJsonObject s = v.toObject();
        auto at = timeFromJson(s, "at");
        if (!at)
            return fail(at.error());
        const auto phase =
            phaseFromWire(s.value(QStringLiteral("phase")).toString(QStringLiteral("initial")));
        if (!phase)
            return fail(QStringLiteral("a submission's phase is not initial, follow_up or final"));
        i.submissions.append({s.value(QStringLiteral("clock")).toString(), *phase, at.value(),
                              s.value(QStringLiteral("reference")).toString(),
                              s.value(QStringLiteral("delay_reasons")).toString()});
    }
    return i;
}

Status checkIncident(const Incident& incident, const BreachRuleSet& rules)
{
    if (incident.title.trimmed().isEmpty())
        return Error{
            IncidentText::tr("An incident needs a title (what happened, in a few words).")};
    const BreachRule* rule = rules.rule(incident.jurisdiction);
    if (!rule || rule->inAddition)
        return Error{
            IncidentText::tr("Unknown jurisdiction '%1' for a breach (known: %2).")
                .arg(incident.jurisdiction, rules.jurisdictions().join(QStringLiteral(", ")))};
    if (!incident.zone().isValid())
        return Error{IncidentText::tr("Unknown time zone '%1' (use an IANA name such as "
                                      "Europe/Berlin).")
                         .arg(incident.timeZone)};
    if (Status ok = checkBreachFacts(incident.facts()); !ok)
        return ok;
    if (incident.startedAt.isValid() && incident.discoveredAt.isValid() &&
        incident.discoveredAt < incident.startedAt)
        return Error{IncidentText::tr("The breach was discovered before it started.")};
    if (incident.processorAwareAt.isValid() && incident.processorNoticeAt.isValid() &&
        incident.processorNoticeAt < incident.processorAwareAt)
        return Error{IncidentText::tr("The processor gave notice before it became aware of the "
                                      "breach.")};
    if ((incident.peopleApprox && *incident.peopleApprox < 0) ||
        (incident.recordsApprox && *incident.recordsApprox < 0) ||
        (incident.processorContractHours && *incident.processorContractHours < 0))
        return Error{IncidentText::tr("Numbers of people, records and hours cannot be negative.")};
    for (const IncidentSubmission& s : incident.submissions) {
        if (!s.at.isValid())
            return Error{IncidentText::tr("A submission without its time.")};
    }
    return {};
}

} // namespace workbench
