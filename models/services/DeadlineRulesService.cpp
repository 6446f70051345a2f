#include "DeadlineRulesService.h"

#include "domain/Resources.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace workbench {

namespace {

QVariant dateValue(QDate d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant();
}

} // namespace

DeadlineRulesService::DeadlineRulesService(Workspace& workspace)
    : m_workspace(workspace)
{}

DeadlineRuleSet DeadlineRulesService::rules() const
{
    DeadlineRuleSet set = DeadlineRuleSet::defaults();
    QSqlQuery q(m_workspace.database().connection());
    if (q.exec(QStringLiteral("SELECT rule_json FROM deadline_rules"))) {
        while (q.next()) {
            auto stored = DeadlineRule::fromJson(
                QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
            if (stored)
                set.setRule(stored.value());
        }
    }
    return set;
}

Result<DeadlineRule> DeadlineRulesService::rule(const QString& jurisdiction) const
{
    const DeadlineRuleSet set = rules();
    const DeadlineRule* found = set.rule(jurisdiction);
    if (!found)
        return Error{tr("There is no deadline rule for %1.").arg(jurisdiction)};
    return *found;
}

Status DeadlineRulesService::saveRule(const DeadlineRule& rule)
{
    const DeadlineRule* before = rules().rule(rule.jurisdiction);
    const QJsonObject beforeJson = before ? before->toJson() : QJsonObject();
    return m_workspace.record(
        resource::deadlineRules, rule.jurisdiction, beforeJson, rule.toJson(),
        tr("Edit the deadline rule of %1").arg(rule.name), {}, [&]() -> Status {
            QSqlQuery q(m_workspace.database().connection());
            q.prepare(QStringLiteral(
                "INSERT INTO deadline_rules (jurisdiction, rule_json) VALUES (?, ?) "
                "ON CONFLICT(jurisdiction) DO UPDATE SET rule_json = excluded.rule_json"));
            q.addBindValue(rule.jurisdiction);
            q.addBindValue(
                QString::fromUtf8(QJsonDocument(rule.toJson()).toJson(QJsonDocument::Compact)));
            if (!q.exec())
                return sqlError(tr("Saving the rule"), q);
            return recomputeDeadlines();
        });
}

Status DeadlineRulesService::restoreDefaultRules()
{
    const QJsonObject before = rules().toJson();
    const QJsonObject after = DeadlineRuleSet::defaults().toJson();
    return m_workspace.record(resource::deadlineRules, QStringLiteral("*"), before, after,
                              tr("Restore the shipped deadline rules"), {}, [&]() -> Status {
                                  QSqlQuery q(m_workspace.database().connection());
                                  if (!q.exec(QStringLiteral("DELETE FROM deadline_rules")))
                                      return sqlError(tr("Restoring the rules"), q);
                                  return recomputeDeadlines();
                              });
}

HolidayCalendar DeadlineRulesService::holidays(const QString& organizationId) const
{
    QSet<QDate> days;
    QSqlQuery q(m_workspace.database().connection());
    q.prepare(QStringLiteral("SELECT day FROM organization_holidays WHERE organization_id = ?"));
    q.addBindValue(organizationId);
    if (q.exec()) {
        while (q.next())
            days.insert(QDate::fromString(q.value(0).toString(), Qt::ISODate));
    }
    return HolidayCalendar(days);
}

Status DeadlineRulesService::setHolidays(const QString& organizationId,
                                         const HolidayCalendar& calendar)
{
    auto toJson = [](const HolidayCalendar& c) {
        QStringList days;
        for (const QDate& d : c.holidays())
            days << d.toString(Qt::ISODate);
        days.sort();
        return QJsonObject{{QStringLiteral("holidays"), QJsonArray::fromStringList(days)}};
    };
    return m_workspace.record(
        resource::holidays, organizationId, toJson(holidays(organizationId)), toJson(calendar),
        tr("Edit the holiday calendar"), {}, [&]() -> Status {
            QSqlQuery q(m_workspace.database().connection());
            q.prepare(
                QStringLiteral("DELETE FROM organization_holidays WHERE organization_id = ?"));
            q.addBindValue(organizationId);
            if (!q.exec())
                return sqlError(tr("Saving the holidays"), q);
            q.prepare(QStringLiteral(
                "INSERT INTO organization_holidays (organization_id, day) VALUES (?, ?)"));
            for (const QDate& d : calendar.holidays()) {
                q.addBindValue(organizationId);
                q.addBindValue(d.toString(Qt::ISODate));
                if (!q.exec())
                    return sqlError(tr("Saving the holidays"), q);
            }
            return recomputeDeadlines({organizationId});
        });
}

std::optional<int> DeadlineRulesService::promiseDays(const QString& organizationId) const
{
    QSqlQuery q(m_workspace.database().connection());
    q.prepare(QStringLiteral("SELECT response_commitment_days FROM organizations WHERE id = ?"));
    q.addBindValue(organizationId);
    if (q.exec() && q.next() && !q.isNull(0))
        return q.value(0).toInt();
    return std::nullopt;
}

DeadlineInput DeadlineRulesService::inputOf(const RightsRequest& request, int pausedDays) const
{
    DeadlineInput in;
    in.received = request.receivedAt.toUTC().date();
    in.verified = request.verifiedAt.toUTC().date();
    in.pausedDays = pausedDays;
    in.extended = request.extendedUntil.isValid();
    in.type = request.type;
    in.promiseDays = promiseDays(request.organizationId);
    return in;
}

Deadlines DeadlineRulesService::deadlinesOf(const RightsRequest& request, int pausedDays) const
{
    const DeadlineRuleSet set = rules();
    const DeadlineRule* found = set.rule(request.jurisdiction);
    if (!found)
        return {};
    return computeDeadlines(*found, inputOf(request, pausedDays), holidays(request.organizationId));
}

Status DeadlineRulesService::fillMissingDeadlines()
{
    QSqlQuery q(m_workspace.database().connection());
    if (!q.exec(
            QStringLiteral("SELECT 1 FROM rights_requests WHERE due_effective IS NULL LIMIT 1")))
        return sqlError(tr("Reading the requests"), q);
    DeadlineSelection missing;
    missing.onlyMissing = true;
    return q.next() ? recomputeDeadlines(missing) : Status{};
}

Status DeadlineRulesService::recomputeDeadlines(const DeadlineSelection& which)
{
    Database& db = m_workspace.database();
    const DeadlineRuleSet set = rules();
    QHash<QString, HolidayCalendar> calendars;
    QHash<QString, std::optional<int>> promises;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT id, organization_id, jurisdiction, type, received_at, verified_at, "
                       "paused_days, extended_until FROM rights_requests ") +
        // A condition on the due dates must not walk the index this loop
        // updates: the table is read in its own order then.
        (which.onlyMissing ? QStringLiteral("NOT INDEXED ") : QString()) +
        QStringLiteral("WHERE ") +
        (which.organizationId.isEmpty() ? QStringLiteral("1")
                                        : QStringLiteral("organization_id = ?")) +
        (which.onlyMissing ? QStringLiteral(" AND due_effective IS NULL") : QString()));
    if (!which.organizationId.isEmpty())
        q.addBindValue(which.organizationId);
    if (!q.exec())
        return sqlError(tr("Reading the requests"), q);
    QSqlQuery u(db.connection());
    u.prepare(QStringLiteral(
        "UPDATE rights_requests SET due_legal = ?, due_original = ?, due_promise = ?, "
        "due_effective = ?, acknowledge_by = ? WHERE id = ?"));
    return db.transaction([&]() -> Status {
        while (q.next()) {
            const QString org = q.value(1).toString();
            if (!calendars.contains(org)) {
                calendars.insert(org, holidays(org));
                promises.insert(org, promiseDays(org));
            }
            const DeadlineRule* found = set.rule(q.value(2).toString());
            if (!found)
                continue;
            DeadlineInput in;
            in.received =
                QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs).toUTC().date();
            in.verified =
                QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs).toUTC().date();
            in.pausedDays = q.value(6).toInt();
            in.extended = !q.isNull(7);
            in.type = fromWire<RequestType>(q.value(3).toString()).value_or(RequestType::Access);
            in.promiseDays = promises.value(org);
            const Deadlines d = computeDeadlines(*found, in, calendars.value(org));
            for (const QVariant& v :
                 {dateValue(d.responseDue), dateValue(d.originalDue),
                  dateValue(d.promiseDue.value_or(QDate())), dateValue(d.effectiveDue()),
                  dateValue(d.acknowledgeBy.value_or(QDate())), q.value(0)})
                u.addBindValue(v);
            if (!u.exec())
                return sqlError(tr("Saving due dates"), u);
        }
        return {};
    });
}

} // namespace workbench
