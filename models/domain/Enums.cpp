#include "Enums.h"

namespace workbench {

// The wire names are the sync contract's (docs/sync-api.md); labels are
// marked for translation in the "Vocabulary" context.
#define L(text) QT_TRANSLATE_NOOP("Vocabulary", text)

const std::array<EnumEntry<ProcessorStatus>, 3> EnumTraits<ProcessorStatus>::entries{{
    {ProcessorStatus::Onboarding, "onboarding", L("Onboarding")},
    {ProcessorStatus::Active, "active", L("Active")},
    {ProcessorStatus::Offboarded, "offboarded", L("Offboarded")},
}};

const std::array<EnumEntry<TransferMechanism>, 6> EnumTraits<TransferMechanism>::entries{{
    {TransferMechanism::None, "none", L("None (no transfer)")},
    {TransferMechanism::Adequacy, "adequacy", L("Adequacy decision")},
    {TransferMechanism::Scc, "scc", L("Standard contractual clauses")},
    {TransferMechanism::Dpf, "dpf", L("EU-US Data Privacy Framework")},
    {TransferMechanism::Bcr, "bcr", L("Binding corporate rules")},
    {TransferMechanism::Derogation, "derogation", L("Art. 49 derogation")},
}};

const std::array<EnumEntry<DpaStatus>, 4> EnumTraits<DpaStatus>::entries{{
    {DpaStatus::None, "none", L("No DPA")},
    {DpaStatus::Requested, "requested", L("Requested")},
    {DpaStatus::Signed, "signed", L("Signed")},
    {DpaStatus::Expired, "expired", L("Expired")},
}};

const std::array<EnumEntry<RetentionTrigger>, 6> EnumTraits<RetentionTrigger>::entries{{
    {RetentionTrigger::Collection, "collection", L("Collection")},
    {RetentionTrigger::AccountDeletion, "account_deletion", L("Account deletion")},
    {RetentionTrigger::AccountLifetime, "account_lifetime", L("While the account is active")},
    {RetentionTrigger::Transaction, "transaction", L("Transaction")},
    {RetentionTrigger::JobCompletion, "job_completion", L("Job completion")},
    {RetentionTrigger::ContractEnd, "contract_end", L("Contract end")},
}};

const std::array<EnumEntry<RetentionAction>, 3> EnumTraits<RetentionAction>::entries{{
    {RetentionAction::Delete, "delete", L("Delete")},
    {RetentionAction::Anonymize, "anonymize", L("Anonymize")},
    {RetentionAction::Aggregate, "aggregate", L("Aggregate")},
}};

const std::array<EnumEntry<RequestType>, 7> EnumTraits<RequestType>::entries{{
    {RequestType::Access, "access", L("Access")},
    {RequestType::Rectification, "rectification", L("Rectification")},
    {RequestType::Erasure, "erasure", L("Erasure")},
    {RequestType::Portability, "portability", L("Portability")},
    {RequestType::Restriction, "restriction", L("Restriction")},
    {RequestType::Objection, "objection", L("Objection")},
    {RequestType::OptOutSale, "opt_out_sale", L("Opt-out of sale/sharing")},
}};

const std::array<EnumEntry<Jurisdiction>, 7> EnumTraits<Jurisdiction>::entries{{
    {Jurisdiction::Gdpr, "GDPR", L("GDPR (EU)")},
    {Jurisdiction::UkGdpr, "UK_GDPR", L("UK GDPR")},
    {Jurisdiction::Ccpa, "CCPA", L("CCPA (California)")},
    {Jurisdiction::Lgpd, "LGPD", L("LGPD (Brazil)")},
    {Jurisdiction::Pipeda, "PIPEDA", L("PIPEDA (Canada)")},
    {Jurisdiction::VcdpaCpa, "VCDPA_CPA", L("VCDPA / CPA (Virginia, Colorado)")},
    {Jurisdiction::Other, "OTHER", L("Other")},
}};

const std::array<EnumEntry<RequestStatus>, 7> EnumTraits<RequestStatus>::entries{{
    {RequestStatus::New, "new", L("New")},
    {RequestStatus::Verifying, "verifying", L("Verifying identity")},
    {RequestStatus::InProgress, "in_progress", L("In progress")},
    {RequestStatus::WaitingOnProcessor, "waiting_on_processor", L("Waiting on processor")},
    {RequestStatus::Fulfilled, "fulfilled", L("Fulfilled")},
    {RequestStatus::Rejected, "rejected", L("Rejected")},
    {RequestStatus::Withdrawn, "withdrawn", L("Withdrawn")},
}};

const std::array<EnumEntry<RequestChannel>, 4> EnumTraits<RequestChannel>::entries{{
    {RequestChannel::Email, "email", L("E-mail")},
    {RequestChannel::InApp, "in_app", L("In app")},
    {RequestChannel::WebForm, "web_form", L("Web form")},
    {RequestChannel::Post, "post", L("Post")},
}};

const std::array<EnumEntry<PolicyStatus>, 3> EnumTraits<PolicyStatus>::entries{{
    {PolicyStatus::Draft, "draft", L("Draft")},
    {PolicyStatus::Published, "published", L("Published")},
    {PolicyStatus::Superseded, "superseded", L("Superseded")},
}};

#undef L

} // namespace workbench
