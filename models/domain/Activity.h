#pragma once

#include "Records.h"

#include <QList>
#include <optional>

namespace workbench {

// A recipient of an activity's data that is not a processor of the registry
// (Art. 30(1)(d)): a tax office, a group company, an independent controller.
struct OtherRecipient
{
    QString name;
    RecipientType type = RecipientType::Other;
    QString country; // ISO 3166-1 alpha-2; empty: not known or in the EEA
    TransferMechanism mechanism = TransferMechanism::None;

    QJsonObject toJson() const;
    friend bool operator==(const OtherRecipient&, const OtherRecipient&) = default;
};

// A transfer of personal data to a third country (Art. 30(1)(e), SCC
// Annex I.B): where to, under which safeguard, and to whom.
struct Transfer
{
    QString country; // ISO 3166-1 alpha-2
    TransferMechanism mechanism = TransferMechanism::None;
    QString recipient;   // the processor's (or recipient's) name
    QString processorId; // the processor of the registry, when derived from one

    QJsonObject toJson() const;
    friend bool operator==(const Transfer&, const Transfer&) = default;
};

// One processing activity of an organization: a row of its record of
// processing activities (GDPR Art. 30(1) as controller, 30(2) as processor).
// Where each element of Art. 30(1) lives:
//   (a) controller, joint controller, representative, DPO: the organization
//       (Organization::controller/representative/dpo) and jointController;
//   (b) purposes: purposes (and legalBasis, specialCategoryCondition);
//   (c) data subjects and personal data: dataSubjects, dataCategories;
//   (d) recipients: processorIds (the registry) and otherRecipients;
//   (e) third-country transfers: effectiveTransfers() (derived from the
//       processors unless transfersOverride is set);
//   (f) time limits for erasure: retentionRuleIds (and retentionNote);
//   (g) security measures: securityMeasures (SCC Annex II keys) and
//       securityMeasuresNote.
// As a contract record it reads and writes its JSON like those of Records.h.
struct ProcessingActivity
{
    QString id; // a UUID made by the workbench
    QString organizationId;
    QString name;
    QString description;
    ActivityRole role = ActivityRole::Controller;
    QString jointController; // Art. 26: who, and how to reach them
    QStringList controllers; // role Processor: on whose behalf (Art. 30(2)(a))
    QStringList purposes;
    std::optional<LegalBasis> legalBasis;
    QString legalBasisNote; // e.g. the legitimate interest pursued
    std::optional<SpecialCategoryCondition> specialCategoryCondition;
    QStringList dataSubjects;   // keys (DataCategories::subjects()) or words
    QStringList dataCategories; // keys (DataCategories::categories())
    QStringList processorIds;   // processors of the registry that receive the data
    QList<OtherRecipient> otherRecipients;
    // Not set: the transfers are derived from the processors and recipients.
    std::optional<QList<Transfer>> transfersOverride;
    QStringList retentionRuleIds;
    QString retentionNote;        // time limits the rules do not cover
    QStringList securityMeasures; // keys of SecurityMeasures
    QString securityMeasuresNote;
    QStringList systems;
    QString dpiaReference;
    std::optional<DpiaStatus> dpiaStatus; // not set: not assessed yet
    SyncMeta meta;

    // The data categories that are special categories (Art. 9(1)).
    QStringList specialCategories() const;
    bool hasSpecialCategories() const { return !specialCategories().isEmpty(); }

    QJsonObject toJson() const;
    static Result<ProcessingActivity> fromJson(const QJsonObject& json);
    friend bool operator==(const ProcessingActivity&, const ProcessingActivity&) = default;
};

// What is wrong with an activity, naming the field (its contract name, for
// the window to focus) in words. An error stops a save; a warning is shown.
struct ActivityProblem
{
    enum class Severity
    {
        Error,
        Warning
    };
    Severity severity = Severity::Error;
    QString field;
    QString message;

    friend bool operator==(const ActivityProblem&, const ActivityProblem&) = default;
};

// Checks an activity on its own (the references to processors and rules
// are the workspace's to check).
QList<ActivityProblem> validateActivity(const ProcessingActivity& activity);

// Whether a country (ISO alpha-2) is in the EEA: data going there is no
// third-country transfer.
bool isEeaCountry(QStringView country);

// The third-country transfers an activity makes through its processors
// (their locations and mechanism, and those of their sub-processors, which
// receive the data onward) and its other recipients; by country, then
// recipient. Offboarded processors transfer nothing.
QList<Transfer> derivedTransfers(const ProcessingActivity& activity,
                                 const QList<Processor>& registry);
// The override when set, else the derived transfers.
QList<Transfer> effectiveTransfers(const ProcessingActivity& activity,
                                   const QList<Processor>& registry);

// The activity's retention as periods a reader understands, one per linked
// rule found in `rules`: "account data: while the account is active".
QStringList retentionPeriods(const ProcessingActivity& activity, const QList<RetentionRule>& rules);

} // namespace workbench
