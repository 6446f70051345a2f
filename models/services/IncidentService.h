#pragma once

#include "domain/BreachClocks.h"
#include "domain/Incident.h"
#include "export/Annex.h"
#include "storage/Workspace.h"

#include <QCoreApplication>

namespace workbench {

// One running clock of one incident (Today, the status bar).
struct IncidentClock
{
    QString incidentId;
    QString title;
    BreachClock clock;
};

// The formats the register is written in.
enum class RegisterFormat
{
    Xlsx,
    Pdf,
    Csv,
    Json
};
std::optional<RegisterFormat> registerFormatFromName(QStringView name); // xlsx, pdf, csv, json

// The register of personal-data breaches (GDPR Art. 33(5); PIPEDA s. 10.3)
// and their clocks: the breach rules (shipped defaults overlaid with the
// officer's audited edits), the incidents, their risk assessment, decisions
// and submissions. Every change is checked, then written with its audit
// entry (the whole incident before and after) in one transaction.
class IncidentService
{
    Q_DECLARE_TR_FUNCTIONS(IncidentService)

public:
    explicit IncidentService(Workspace& workspace);

    BreachRuleSet rules() const;
    Result<BreachRule> rule(const QString& jurisdiction) const;
    Status saveRule(const BreachRule& rule);
    Status restoreDefaultRules();

    // Incidents of one organization (every one when empty), latest
    // awareness first; only the open ones when asked.
    Result<QList<Incident>> incidents(const QString& organizationId = {},
                                      bool openOnly = false) const;
    Result<std::optional<Incident>> incident(const QString& id) const;

    // Records a new incident (an id is given when it has none); returns it.
    Result<Incident> create(Incident incident);
    // Saves an edited incident (checked; audited with before and after).
    Status save(const Incident& incident, const QString& summary = {});
    Status assessRisk(const QString& id, BreachRisk risk, const QString& reasoning);
    Status decide(const QString& id, const IncidentDecision& decision);
    // Records a notification that went in. The first of a clock stops it; a
    // late one where the rule asks for reasons is refused without them.
    Status recordSubmission(const QString& id, const IncidentSubmission& submission);
    Status close(const QString& id, const QDateTime& at);

    // The clocks of an incident (its organization's holidays count).
    Result<QList<BreachClock>> clocks(const Incident& incident) const;
    // Every running clock of the open incidents, the soonest due first (the
    // clocks without a fixed length after them).
    Result<QList<IncidentClock>> runningClocks(const QString& organizationId) const;

    // The register as a table (decisions, notifications, record keeping).
    Result<AnnexTable> registerTable(const QString& organizationId, bool openOnly,
                                     const QDateTime& now) const;
    // The register with every field and clock, as JSON.
    Result<QByteArray> registerJson(const QString& organizationId, bool openOnly,
                                    const QDateTime& now) const;
    Status exportRegister(const QString& organizationId, RegisterFormat format, const QString& path,
                          const QDateTime& now) const;

private:
    Status write(const Incident& before, const Incident& after, const QString& summary);

    Workspace& m_workspace;
};

} // namespace workbench
