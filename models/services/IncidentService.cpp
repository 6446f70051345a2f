#include "IncidentService.h"

#include "DeadlineRulesService.h"
#include "domain/Resources.h"
#include "export/AnnexWriter.h"
#include "export/Csv.h"
#include "export/ExportFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>
#include <algorithm>

namespace workbench {

namespace {

QVariant utcText(const QDateTime& t)
{
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODate)) : QVariant();
}

QString localText(const QDateTime& t, const QTimeZone& zone)
{
    return t.isValid() ? isoWithOffset(t.toTimeZone(zone)) : QString();
}

} // namespace

std::optional<RegisterFormat> registerFormatFromName(QStringView name)
{
    if (name == u"xlsx")
        return RegisterFormat::Xlsx;
    if (name == u"pdf")
        return RegisterFormat::Pdf;
    if (name == u"csv")
        return RegisterFormat::Csv;
    if (name == u"json")
        return RegisterFormat::Json;
    return std::nullopt;
}

IncidentService::IncidentService(Workspace& workspace)
    : m_workspace(workspace)
{}

BreachRuleSet IncidentService::rules() const
{
    BreachRuleSet set = BreachRuleSet::defaults();
    QSqlQuery q(m_workspace.database().connection());
    if (q.exec(QStringLiteral("SELECT rule_json FROM breach_rules"))) {
        while (q.next()) {
            auto stored = BreachRule::fromJson(
                QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
            if (stored)
                set.setRule(stored.value());
        }
    }
    return set;
}

Result<BreachRule> IncidentService::rule(const QString& jurisdiction) const
{
    const BreachRuleSet set = rules();
    const BreachRule* found = set.rule(jurisdiction);
    if (!found)
        return Error{tr("There is no breach rule for %1 (known: %2).")
                         .arg(jurisdiction, set.jurisdictions().join(QStringLiteral(", ")))};
    return *found;
}

Status IncidentService::saveRule(const BreachRule& rule)
{
    // What is saved must read back: the same checks as the shipped table.
    auto checked = BreachRule::fromJson(rule.toJson());
    if (!checked)
        return Error{checked.error()};
    const BreachRule* before = rules().rule(rule.jurisdiction);
    const QJsonObject beforeJson = before ? before->toJson() : QJsonObject();
    return m_workspace.record(
        resource::breachRules, rule.jurisdiction, beforeJson, rule.toJson(),
        tr("Edit the breach clocks of %1").arg(rule.name), {}, [&]() -> Status {
            QSqlQuery q(m_workspace.database().connection());
            q.prepare(QStringLiteral(
                "INSERT INTO breach_rules (jurisdiction, rule_json) VALUES (?, ?) "
                "ON CONFLICT(jurisdiction) DO UPDATE SET rule_json = excluded.rule_json"));
            q.addBindValue(rule.jurisdiction);
            q.addBindValue(
                QString::fromUtf8(QJsonDocument(rule.toJson()).toJson(QJsonDocument::Compact)));
            if (!q.exec())
                return sqlError(tr("Saving the breach rule"), q);
            return {};
        });
}

Status IncidentService::restoreDefaultRules()
{
    return m_workspace.record(resource::breachRules, QStringLiteral("*"), rules().toJson(),
                              BreachRuleSet::defaults().toJson(),
                              tr("Restore the shipped breach clocks"), {}, [&]() -> Status {
                                  QSqlQuery q(m_workspace.database().connection());
                                  if (!q.exec(QStringLiteral("DELETE FROM breach_rules")))
                                      return sqlError(tr("Restoring the breach rules"), q);
                                  return {};
                              });
}

Result<QList<Incident>> IncidentService::incidents(const QString& organizationId,
                                                   bool openOnly) const
{
    QSqlQuery q(m_workspace.database().connection());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT record_json FROM incidents WHERE ") +
        (organizationId.isEmpty() ? QStringLiteral("1") : QStringLiteral("organization_id = ?")) +
        (openOnly ? QStringLiteral(" AND closed_at IS NULL") : QString()) +
        QStringLiteral(" ORDER BY aware_at DESC, id"));
    if (!organizationId.isEmpty())
        q.addBindValue(organizationId);
    if (!q.exec())
        return sqlError(tr("Reading the incidents"), q);
    QList<Incident> out;
    while (q.next()) {
        auto i =
            Incident::fromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
        if (!i)
            return Error{tr("A stored incident cannot be read: %1").arg(i.error())};
        out.append(i.value());
    }
    return out;
}

Result<std::optional<Incident>> IncidentService::incident(const QString& id) const
{
    QSqlQuery q(m_workspace.database().connection());
    q.prepare(QStringLiteral("SELECT record_json FROM incidents WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(tr("Reading the incident"), q);
    if (!q.next())
        return std::optional<Incident>();
    auto i = Incident::fromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
    if (!i)
        return Error{tr("A stored incident cannot be read: %1").arg(i.error())};
    return std::optional<Incident>(i.value());
}

Status IncidentService::write(const Incident& before, const Incident& after, const QString& summary)
{
    if (Status ok = checkIncident(after, rules()); !ok)
        return ok;
    const IncidentSubmission* notified = after.firstSubmission(QStringLiteral("authority"));
    return m_workspace.record(
        resource::incidents, after.id, before.id.isEmpty() ? QJsonObject() : before.toJson(),
        after.toJson(), summary, {}, [&]() -> Status {
            QSqlQuery q(m_workspace.database().connection());
            q.prepare(QStringLiteral(
                "INSERT INTO incidents (id, organization_id, title, jurisdiction, aware_at, risk, "
                "authority_notified_at, closed_at, record_json, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "organization_id = excluded.organization_id, title = excluded.title, "
                "jurisdiction = excluded.jurisdiction, aware_at = excluded.aware_at, "
                "risk = excluded.risk, authority_notified_at = excluded.authority_notified_at, "
                "closed_at = excluded.closed_at, record_json = excluded.record_json, "
                "updated_at = excluded.updated_at"));
            for (const QVariant& v :
                 {QVariant(after.id), QVariant(after.organizationId), QVariant(after.title),
                  QVariant(after.jurisdiction), utcText(after.awareAt),
                  QVariant(toWire(after.risk)), utcText(notified ? notified->at : QDateTime()),
                  utcText(after.closedAt),
                  QVariant(QString::fromUtf8(
                      QJsonDocument(after.toJson()).toJson(QJsonDocument::Compact))),
                  utcText(QDateTime::currentDateTimeUtc())})
                q.addBindValue(v);
            if (!q.exec())
                return sqlError(tr("Saving the incident"), q);
            return {};
        });
}

Result<Incident> IncidentService::create(Incident incident)
{
    if (incident.id.isEmpty())
        incident.id =
            QStringLiteral("inc-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    auto existing = this->incident(incident.id);
    if (!existing)
        return Error{existing.error()};
    if (existing.value())
        return Error{tr("There is already an incident %1.").arg(incident.id)};
    if (Status ok = write({}, incident, tr("Record the incident \"%1\"").arg(incident.title)); !ok)
        return Error{ok.error()};
    return incident;
}

Status IncidentService::save(const Incident& incident, const QString& summary)
{
    auto existing = this->incident(incident.id);
    if (!existing)
        return Error{existing.error()};
    if (!existing.value())
        return Error{tr("There is no incident %1.").arg(incident.id)};
    return write(*existing.value(), incident,
                 summary.isEmpty() ? tr("Edit the incident \"%1\"").arg(incident.title) : summary);
}

Status IncidentService::assessRisk(const QString& id, BreachRisk risk, const QString& reasoning)
{
    auto existing = incident(id);
    if (!existing)
        return Error{existing.error()};
    if (!existing.value())
        return Error{tr("There is no incident %1.").arg(id)};
    if (risk != BreachRisk::Unassessed && reasoning.trimmed().isEmpty())
        return Error{tr("Say why the risk is assessed as %1: the register keeps the reasoning.")
                         .arg(displayLabel(risk).toLower())};
    Incident after = *existing.value();
    after.risk = risk;
    after.riskReasoning = reasoning;
    return write(*existing.value(), after, tr("Assess the risk: %1").arg(displayLabel(risk)));
}

Status IncidentService::decide(const QString& id, const IncidentDecision& decision)
{
    auto existing = incident(id);
    if (!existing)
        return Error{existing.error()};
    if (!existing.value())
        return Error{tr("There is no incident %1.").arg(id)};
    if (decision.reasons.trimmed().isEmpty())
        return Error{tr("A decision to notify or not needs its reasons.")};
    Incident after = *existing.value();
    after.decisions.append(decision);
    return write(*existing.value(), after,
                 decision.notify ? tr("Decide to notify (%1)").arg(decision.clock)
                                 : tr("Decide not to notify (%1)").arg(decision.clock));
}

Status IncidentService::recordSubmission(const QString& id, const IncidentSubmission& submission)
{
    auto existing = incident(id);
    if (!existing)
        return Error{existing.error()};
    if (!existing.value())
        return Error{tr("There is no incident %1.").arg(id)};
    const Incident& before = *existing.value();
    auto all = clocks(before);
    if (!all)
        return Error{all.error()};
    const auto it = std::find_if(all->begin(), all->end(),
                                 [&](const BreachClock& c) { return c.id == submission.clock; });
    if (it == all->end())
        return Error{
            tr("The rules of %1 have no clock '%2'.").arg(before.jurisdiction, submission.clock)};
    // Only the first submission of a clock can be late; follow-ups add to it.
    if (!before.firstSubmission(submission.clock) || submission.at < it->stoppedAt) {
        if (Status ok = checkSubmission(*it, submission.at, submission.delayReasons); !ok)
            return ok;
    }
    if (submission.phase != IncidentSubmission::Phase::Initial &&
        !before.firstSubmission(submission.clock))
        return Error{tr("A %1 notification follows an initial one: record that first.")
                         .arg(phaseLabel(submission.phase))};
    Incident after = before;
    after.submissions.append(submission);
    return write(before, after,
                 tr("Record the %1 notification: %2").arg(phaseLabel(submission.phase), it->label));
}

Status IncidentService::close(const QString& id, const QDateTime& at)
{
    auto existing = incident(id);
    if (!existing)
        return Error{existing.error()};
    if (!existing.value())
        return Error{tr("There is no incident %1.").arg(id)};
    Incident after = *existing.value();
    after.closedAt = at;
    return write(*existing.value(), after, tr("Close the incident"));
}

Result<QList<BreachClock>> IncidentService::clocks(const Incident& incident) const
{
    const BreachRuleSet set = rules();
    const BreachRule* rule = set.rule(incident.jurisdiction);
    if (!rule)
        return Error{tr("There is no breach rule for %1.").arg(incident.jurisdiction)};
    const HolidayCalendar calendar =
        DeadlineRulesService(m_workspace).holidays(incident.organizationId);
    return breachClocks(*rule, incident.facts(), calendar,
                        incident.nis2 ? set.rule(QStringLiteral("NIS2")) : nullptr);
}

Result<QList<IncidentClock>> IncidentService::runningClocks(const QString& organizationId) const
{
    auto open = incidents(organizationId, true);
    if (!open)
        return Error{open.error()};
    QList<IncidentClock> out;
    for (const Incident& i : open.value()) {
        auto all = clocks(i);
        if (!all)
            continue; // a stored incident the rules no longer know: shown on its page
        for (const BreachClock& c : all.value()) {
            if (c.isRunning())
                out.append({i.id, i.title, c});
        }
    }
    std::stable_sort(out.begin(), out.end(), [&](const IncidentClock& a, const IncidentClock& b) {
        if (a.clock.due.has_value() != b.clock.due.has_value())
            return a.clock.due.has_value();
        return a.clock.due && *a.clock.due < *b.clock.due;
    });
    return out;
}

Result<AnnexTable> IncidentService::registerTable(const QString& organizationId, bool openOnly,
                                                  const QDateTime& now) const
{
    auto all = incidents(organizationId, openOnly);
    if (!all)
        return Error{all.error()};
    AnnexTable t;
    t.layout = AnnexLayout::Ropa;
    t.title = tr("Register of personal-data breaches");
    for (const Organization& o : m_workspace.organizations().value()) {
        if (o.id == organizationId)
            t.organization = o.name;
    }
    t.date = now.date();
    t.note = tr("Every breach, notified or not, with its facts, effects, decisions and "
                "notifications (GDPR Art. 33(5); PIPEDA s. 10.3).");
    t.columns = {
        tr("Id"),   tr("Title"),     tr("Jurisdiction"),  tr("Aware"),        tr("Reported by"),
        tr("Data"), tr("People"),    tr("Records"),       tr("Consequences"), tr("Measures"),
        tr("Risk"), tr("Decisions"), tr("Notifications"), tr("Status"),       tr("Keep until")};
    t.widths = {10, 22, 8, 16, 14, 18, 7, 7, 20, 20, 12, 24, 24, 10, 10};
    const BreachRuleSet set = rules();
    for (const Incident& i : all.value()) {
        const QTimeZone zone = i.zone();
        QStringList data;
        for (const IncidentDataCategory& c : i.dataCategories)
            data << (c.special ? tr("%1 (special)").arg(c.name) : c.name);
        QStringList decisions;
        for (const IncidentDecision& d : i.decisions)
            decisions << (d.notify ? tr("%1: notify — %2") : tr("%1: do not notify — %2"))
                             .arg(d.clock, d.reasons);
        QStringList sent;
        for (const IncidentSubmission& s : i.submissions)
            sent << QStringLiteral("%1 (%2) %3%4")
                        .arg(s.clock, phaseLabel(s.phase), localText(s.at, zone),
                             s.delayReasons.isEmpty()
                                 ? QString()
                                 : tr("; late because: %1").arg(s.delayReasons));
        QString reporter = i.reportedBy;
        if (!i.reporterName.isEmpty())
            reporter += QStringLiteral(": ") + i.reporterName;
        const BreachRule* rule = set.rule(i.jurisdiction);
        const auto keep = rule ? recordKeptUntil(*rule, i.facts()) : std::nullopt;
        t.rows.append(
            {i.id, i.title, i.jurisdiction + (i.nis2 ? QStringLiteral(" + NIS2") : QString()),
             localText(i.awareAt, zone), reporter, data.join(QStringLiteral("; ")),
             i.peopleApprox ? QString::number(*i.peopleApprox) : QString(),
             i.recordsApprox ? QString::number(*i.recordsApprox) : QString(), i.consequences,
             QStringList{i.measuresTaken, i.measuresProposed}.join(QStringLiteral(" / ")),
             displayLabel(i.risk) +
                 (i.riskReasoning.isEmpty() ? QString() : QStringLiteral(": ") + i.riskReasoning),
             decisions.join(QStringLiteral("; ")), sent.join(QStringLiteral("; ")),
             i.isOpen() ? tr("open") : tr("closed %1").arg(localText(i.closedAt, zone)),
             keep ? keep->toString(Qt::ISODate) : QString()});
    }
    if (auto head = m_workspace.auditHead(); head)
        t.audit = head.value();
    return t;
}

Result<QByteArray> IncidentService::registerJson(const QString& organizationId, bool openOnly,
                                                 const QDateTime& now) const
{
    auto all = incidents(organizationId, openOnly);
    if (!all)
        return Error{all.error()};
    QJsonArray list;
    for (const Incident& i : all.value()) {
        QJsonObject o = i.toJson();
        QJsonArray clockList;
        if (auto c = clocks(i); c) {
            for (const BreachClock& k : c.value())
                clockList.append(
                    QJsonObject{{QStringLiteral("jurisdiction"), k.jurisdiction},
                                {QStringLiteral("id"), k.id},
                                {QStringLiteral("label"), k.label},
                                {QStringLiteral("due"),
                                 k.due ? QJsonValue(isoWithOffset(*k.due)) : QJsonValue()},
                                {QStringLiteral("words"), k.words},
                                {QStringLiteral("citation"), k.citation},
                                {QStringLiteral("status"), k.status(now)},
                                {QStringLiteral("running"), k.isRunning()},
                                {QStringLiteral("late"), k.isLate(now)}});
        }
        o.insert(QStringLiteral("clocks"), clockList);
        list.append(o);
    }
    QJsonObject doc{{QStringLiteral("incidents"), list},
                    {QStringLiteral("as_of"), isoWithOffset(now.toUTC())}};
    if (auto head = m_workspace.auditHead(); head)
        doc.insert(QStringLiteral("audit_head"), auditFooter(head.value()));
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

Status IncidentService::exportRegister(const QString& organizationId, RegisterFormat format,
                                       const QString& path, const QDateTime& now) const
{
    if (format == RegisterFormat::Json) {
        auto json = registerJson(organizationId, false, now);
        if (!json)
            return Error{json.error()};
        return writeExportFile(path, json.value(), FileAccess::OwnerOnly);
    }
    auto table = registerTable(organizationId, false, now);
    if (!table)
        return Error{table.error()};
    switch (format) {
    case RegisterFormat::Csv:
        return writeExportFile(path, csvDocument(table->columns, table->rows).toUtf8(),
                               FileAccess::OwnerOnly);
    case RegisterFormat::Xlsx:
        return writeAnnex(table.value(), AnnexFormat::Xlsx, path);
    case RegisterFormat::Pdf:
        return writeAnnex(table.value(), AnnexFormat::Pdf, path);
    case RegisterFormat::Json:
        break;
    }
    return {};
}

} // namespace workbench
