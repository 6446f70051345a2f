#include "Repository.h"

#include "domain/Resources.h"

namespace workbench {

const TableSpec& RecordTable<Organization>::spec()
{
    static const TableSpec s{
        resource::organizations,
        table::organizations,
        {QStringLiteral("name"), QStringLiteral("website"), QStringLiteral("privacy_contact"),
         QStringLiteral("notice_period_days"), QStringLiteral("response_commitment_days"),
         QStringLiteral("controller_name"), QStringLiteral("controller_address"),
         QStringLiteral("controller_contact"), QStringLiteral("representative_name"),
         QStringLiteral("representative_address"), QStringLiteral("representative_contact"),
         QStringLiteral("dpo_name"), QStringLiteral("dpo_contact"),
         QStringLiteral("authority_name"), QStringLiteral("authority_country")},
        {},
        {},
        QStringLiteral("t.name COLLATE NOCASE"),
        {},
        {},
        {},
        // Schema 12.
        {QStringLiteral("controller_name"), QStringLiteral("controller_address"),
         QStringLiteral("controller_contact"), QStringLiteral("representative_name"),
         QStringLiteral("representative_address"), QStringLiteral("representative_contact"),
         QStringLiteral("dpo_name"), QStringLiteral("dpo_contact"),
         QStringLiteral("authority_name"), QStringLiteral("authority_country")}};
    return s;
}

const TableSpec& RecordTable<Processor>::spec()
{
    static const TableSpec s{
        resource::processors,
        table::processors,
        {QStringLiteral("name"), QStringLiteral("legal_entity"), QStringLiteral("address"),
         QStringLiteral("contact"), QStringLiteral("website"), QStringLiteral("service"),
         QStringLiteral("transfer_mechanism"), QStringLiteral("dpa_status"),
         QStringLiteral("dpa_signed_on"), QStringLiteral("dpa_url"), QStringLiteral("status"),
         QStringLiteral("parent_id"), QStringLiteral("review_due"),
         QStringLiteral("security_measures_note")},
        {{QStringLiteral("aliases"), QStringLiteral("processor_aliases")},
         {QStringLiteral("locations"), QStringLiteral("processor_locations")},
         {QStringLiteral("data_categories"), QStringLiteral("processor_data_categories")},
         {QStringLiteral("data_subjects"), QStringLiteral("processor_data_subjects")},
         {QStringLiteral("purposes"), QStringLiteral("processor_purposes")},
         {QStringLiteral("certifications"), QStringLiteral("processor_certifications")},
         {QStringLiteral("organization_ids"), QStringLiteral("processor_organizations")},
         {QStringLiteral("security_measures"), QStringLiteral("processor_security_measures")}},
        QStringLiteral("processor_id"),
        QStringLiteral("t.name COLLATE NOCASE"),
        {},
        {{QStringLiteral("organization_ids"), resource::organizations},
         {QStringLiteral("parent_id"), resource::processors}},
        {},
        // Schema 12.
        {QStringLiteral("security_measures"), QStringLiteral("security_measures_note")}};
    return s;
}

const TableSpec& RecordTable<RetentionRule>::spec()
{
    static const TableSpec s{resource::retentionRules,
                             table::retentionRules,
                             {QStringLiteral("organization_id"), QStringLiteral("data_category"),
                              QStringLiteral("system"), QStringLiteral("processor_id"),
                              QStringLiteral("period"), QStringLiteral("trigger"),
                              QStringLiteral("action"), QStringLiteral("legal_basis"),
                              QStringLiteral("exception")},
                             {},
                             {},
                             QStringLiteral("t.organization_id, t.trigger, t.data_category"),
                             {},
                             {{QStringLiteral("organization_id"), resource::organizations},
                              {QStringLiteral("processor_id"), resource::processors}}};
    return s;
}

const TableSpec& RecordTable<RightsRequest>::spec()
{
    static const TableSpec s{
        resource::rightsRequests,
        table::rightsRequests,
        {QStringLiteral("organization_id"), QStringLiteral("type"), QStringLiteral("jurisdiction"),
         QStringLiteral("subject_name"), QStringLiteral("subject_email"),
         QStringLiteral("account_id"), QStringLiteral("channel"), QStringLiteral("received_at"),
         QStringLiteral("verified_at"), QStringLiteral("status"), QStringLiteral("extended_until"),
         QStringLiteral("extension_reason"), QStringLiteral("assignee"),
         QStringLiteral("closed_at")},
        {},
        {},
        QStringLiteral("t.received_at DESC, t.id"),
        {QStringLiteral("due_legal"), QStringLiteral("due_original"), QStringLiteral("due_promise"),
         QStringLiteral("due_effective"), QStringLiteral("acknowledge_by")},
        {{QStringLiteral("organization_id"), resource::organizations}}};
    return s;
}

const TableSpec& RecordTable<PolicyVersion>::spec()
{
    static const TableSpec s{resource::policyVersions,
                             table::policyVersions,
                             {QStringLiteral("organization_id"), QStringLiteral("document"),
                              QStringLiteral("title"), QStringLiteral("status"),
                              QStringLiteral("body"), QStringLiteral("published_on"),
                              QStringLiteral("effective_on")},
                             {},
                             {},
                             QStringLiteral("t.document, t.published_on DESC, t.id"),
                             {},
                             {{QStringLiteral("organization_id"), resource::organizations}}};
    return s;
}

const TableSpec& RecordTable<ProcessingActivity>::spec()
{
    static const TableSpec s{
        resource::activities,
        table::activities,
        {QStringLiteral("organization_id"), QStringLiteral("name"), QStringLiteral("description"),
         QStringLiteral("role"), QStringLiteral("joint_controller"), QStringLiteral("legal_basis"),
         QStringLiteral("legal_basis_note"), QStringLiteral("special_category_condition"),
         QStringLiteral("other_recipients"), QStringLiteral("transfers_override"),
         QStringLiteral("retention_note"), QStringLiteral("security_measures_note"),
         QStringLiteral("dpia_reference"), QStringLiteral("dpia_status")},
        {{QStringLiteral("controllers"), QStringLiteral("activity_controllers")},
         {QStringLiteral("purposes"), QStringLiteral("activity_purposes")},
         {QStringLiteral("data_subjects"), QStringLiteral("activity_data_subjects")},
         {QStringLiteral("data_categories"), QStringLiteral("activity_data_categories")},
         {QStringLiteral("processor_ids"), QStringLiteral("activity_processors")},
         {QStringLiteral("retention_rule_ids"), QStringLiteral("activity_retention_rules")},
         {QStringLiteral("security_measures"), QStringLiteral("activity_security_measures")},
         {QStringLiteral("systems"), QStringLiteral("activity_systems")}},
        QStringLiteral("activity_id"),
        QStringLiteral("t.name COLLATE NOCASE, t.id"),
        {},
        {{QStringLiteral("organization_id"), resource::organizations},
         {QStringLiteral("processor_ids"), resource::processors},
         {QStringLiteral("retention_rule_ids"), resource::retentionRules}},
        {QStringLiteral("other_recipients"), QStringLiteral("transfers_override")}};
    return s;
}

} // namespace workbench
