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

const std::array<EnumEntry<LegalBasis>, 6> EnumTraits<LegalBasis>::entries{{
    {LegalBasis::Consent, "consent", L("Consent (Art. 6(1)(a))")},
    {LegalBasis::Contract, "contract", L("Contract (Art. 6(1)(b))")},
    {LegalBasis::LegalObligation, "legal_obligation", L("Legal obligation (Art. 6(1)(c))")},
    {LegalBasis::VitalInterests, "vital_interests", L("Vital interests (Art. 6(1)(d))")},
    {LegalBasis::PublicTask, "public_task", L("Public task (Art. 6(1)(e))")},
    {LegalBasis::LegitimateInterests, "legitimate_interests",
     L("Legitimate interests (Art. 6(1)(f))")},
}};

const std::array<EnumEntry<SpecialCategoryCondition>, 10>
    EnumTraits<SpecialCategoryCondition>::entries{{
        {SpecialCategoryCondition::ExplicitConsent, "explicit_consent",
         L("Explicit consent (Art. 9(2)(a))")},
        {SpecialCategoryCondition::EmploymentSocialSecurity, "employment_social_security",
         L("Employment and social security law (Art. 9(2)(b))")},
        {SpecialCategoryCondition::VitalInterests, "vital_interests",
         L("Vital interests (Art. 9(2)(c))")},
        {SpecialCategoryCondition::NotForProfitBody, "not_for_profit_body",
         L("Not-for-profit body, its members (Art. 9(2)(d))")},
        {SpecialCategoryCondition::MadePublic, "made_public",
         L("Made public by the data subject (Art. 9(2)(e))")},
        {SpecialCategoryCondition::LegalClaims, "legal_claims",
         L("Legal claims or courts (Art. 9(2)(f))")},
        {SpecialCategoryCondition::SubstantialPublicInterest, "substantial_public_interest",
         L("Substantial public interest (Art. 9(2)(g))")},
        {SpecialCategoryCondition::HealthOrSocialCare, "health_or_social_care",
         L("Health or social care (Art. 9(2)(h))")},
        {SpecialCategoryCondition::PublicHealth, "public_health",
         L("Public health (Art. 9(2)(i))")},
        {SpecialCategoryCondition::ArchivingResearchStatistics, "archiving_research_statistics",
         L("Archiving, research or statistics (Art. 9(2)(j))")},
    }};

const std::array<EnumEntry<DpiaStatus>, 4> EnumTraits<DpiaStatus>::entries{{
    {DpiaStatus::NotNeeded, "not_needed", L("Not needed")},
    {DpiaStatus::Required, "required", L("Required")},
    {DpiaStatus::InProgress, "in_progress", L("In progress")},
    {DpiaStatus::Done, "done", L("Done")},
}};

const std::array<EnumEntry<ActivityRole>, 3> EnumTraits<ActivityRole>::entries{{
    {ActivityRole::Controller, "controller", L("Controller")},
    {ActivityRole::JointController, "joint_controller", L("Joint controller")},
    {ActivityRole::Processor, "processor", L("Processor for another controller")},
}};

const std::array<EnumEntry<RecipientType>, 6> EnumTraits<RecipientType>::entries{{
    {RecipientType::Controller, "controller", L("Independent controller")},
    {RecipientType::JointController, "joint_controller", L("Joint controller")},
    {RecipientType::PublicAuthority, "public_authority", L("Public authority")},
    {RecipientType::GroupCompany, "group_company", L("Group company")},
    {RecipientType::Processor, "processor", L("Processor outside the registry")},
    {RecipientType::Other, "other", L("Other recipient")},
}};

#undef L

} // namespace workbench
