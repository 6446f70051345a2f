#include "Records.h"

#include "RecordFields.h"
#include "RequestWorkflow.h"

namespace workbench {

using namespace fields;

QJsonObject Organization::toJson() const
{
    FieldWriter w(id, meta);
    w.string("name", name);
    w.string("website", website);
    w.string("privacy_contact", privacyContact);
    w.integer("notice_period_days", noticePeriodDays);
    w.integer("response_commitment_days", responseCommitmentDays);
    w.string("controller_name", controller.name);
    w.string("controller_address", controller.address);
    w.string("controller_contact", controller.contact);
    w.string("representative_name", representative.name);
    w.string("representative_address", representative.address);
    w.string("representative_contact", representative.contact);
    w.string("dpo_name", dpo.name);
    w.string("dpo_contact", dpo.contact);
    w.string("authority_name", authority.name);
    w.string("authority_country", authority.country);
    return w.json();
}

Result<Organization> Organization::fromJson(const QJsonObject& json)
{
    FieldReader r(json);
    Organization o;
    o.id = readId(r);
    o.meta = r.meta();
    o.name = r.string("name", true);
    o.website = r.string("website");
    o.privacyContact = r.string("privacy_contact");
    o.noticePeriodDays = r.integer("notice_period_days").value_or(0);
    o.responseCommitmentDays = r.integer("response_commitment_days");
    o.controller.name = r.string("controller_name");
    o.controller.address = r.string("controller_address");
    o.controller.contact = r.string("controller_contact");
    o.representative.name = r.string("representative_name");
    o.representative.address = r.string("representative_address");
    o.representative.contact = r.string("representative_contact");
    o.dpo.name = r.string("dpo_name");
    o.dpo.contact = r.string("dpo_contact");
    o.authority.name = r.string("authority_name");
    o.authority.country = r.string("authority_country");
    if (const QString& c = o.authority.country; !c.isEmpty() && (c.size() != 2 || c != c.toUpper()))
        r.fail("authority_country",
               QStringLiteral("'%1' is not an ISO 3166-1 alpha-2 code").arg(c));
    return finish(o, r);
}

QJsonObject Processor::toJson() const
{
    FieldWriter w(id, meta);
    w.string("name", name);
    w.string("legal_entity", legalEntity);
    w.string("address", address);
    w.string("contact", contact);
    w.string("website", website);
    w.string("service", service);
    w.strings("purposes", purposes);
    w.strings("data_categories", dataCategories);
    w.strings("data_subjects", dataSubjects);
    w.strings("locations", locations);
    w.enumeration("transfer_mechanism", transferMechanism);
    w.enumeration("dpa_status", dpaStatus);
    w.date("dpa_signed_on", dpaSignedOn);
    w.string("dpa_url", dpaUrl);
    w.strings("certifications", certifications);
    w.enumeration("status", status);
    w.string("parent_id", parentId.isEmpty() ? QString() : parentId);
    w.strings("organization_ids", organizationIds);
    w.date("review_due", reviewDue);
    w.strings("aliases", aliases);
    w.strings("security_measures", securityMeasures);
    w.string("security_measures_note", securityMeasuresNote);
    return w.json();
}

Result<Processor> Processor::fromJson(const QJsonObject& json)
{
    FieldReader r(json);
    Processor p;
    p.id = readId(r);
    p.meta = r.meta();
    p.name = r.string("name", true);
    p.legalEntity = r.string("legal_entity");
    p.address = r.string("address");
    p.contact = r.string("contact");
    p.website = r.string("website");
    p.service = r.string("service", true);
    p.purposes = r.strings("purposes");
    p.dataCategories = r.strings("data_categories");
    p.dataSubjects = r.strings("data_subjects");
    p.locations = r.strings("locations");
    for (const QString& c : std::as_const(p.locations)) {
        if (c.size() != 2 || c != c.toUpper())
            r.fail("locations", QStringLiteral("'%1' is not an ISO 3166-1 alpha-2 code").arg(c));
    }
    p.transferMechanism = r.enumeration("transfer_mechanism", TransferMechanism::None);
    p.dpaStatus = r.enumeration("dpa_status", DpaStatus::None);
    p.dpaSignedOn = r.date("dpa_signed_on");
    p.dpaUrl = r.string("dpa_url");
    p.certifications = r.strings("certifications");
    p.status = r.enumeration("status", ProcessorStatus::Active, true);
    p.parentId = r.string("parent_id");
    p.organizationIds = r.strings("organization_ids", true);
    p.reviewDue = r.date("review_due");
    p.aliases = r.strings("aliases");
    p.securityMeasures = r.strings("security_measures");
    p.securityMeasuresNote = r.string("security_measures_note");
    return finish(p, r);
}

QJsonObject RetentionRule::toJson() const
{
    FieldWriter w(id, meta);
    w.string("organization_id", organizationId);
    w.string("data_category", dataCategory);
    w.string("system", system);
    w.string("processor_id", processorId.isEmpty() ? QString() : processorId);
    w.string("period", period ? period->toIso() : QString());
    w.enumeration("trigger", trigger);
    w.enumeration("action", action);
    w.string("legal_basis", legalBasis);
    w.string("exception", exception);
    return w.json();
}

Result<RetentionRule> RetentionRule::fromJson(const QJsonObject& json)
{
    FieldReader r(json);
    RetentionRule rule;
    rule.id = readId(r);
    rule.meta = r.meta();
    rule.organizationId = r.string("organization_id", true);
    rule.dataCategory = r.string("data_category", true);
    rule.system = r.string("system");
    rule.processorId = r.string("processor_id");
    rule.period = r.duration("period");
    rule.trigger = r.enumeration("trigger", RetentionTrigger::Collection);
    rule.action = r.enumeration("action", RetentionAction::Delete);
    rule.legalBasis = r.string("legal_basis");
    rule.exception = r.string("exception");
    return finish(rule, r);
}

bool RightsRequest::isOpen() const
{
    return !RequestWorkflow::isClosed(status);
}

QJsonObject RightsRequest::toJson() const
{
    FieldWriter w(id, meta);
    w.string("organization_id", organizationId);
    w.enumeration("type", type);
    w.enumeration("jurisdiction", jurisdiction);
    w.string("subject_name", subjectName);
    w.string("subject_email", subjectEmail);
    w.string("account_id", accountId);
    w.enumeration("channel", channel);
    w.timestamp("received_at", receivedAt);
    w.timestamp("verified_at", verifiedAt);
    w.enumeration("status", status);
    w.date("extended_until", extendedUntil);
    w.string("extension_reason", extensionReason);
    w.string("assignee", assignee);
    w.timestamp("closed_at", closedAt);
    return w.json();
}

Result<RightsRequest> RightsRequest::fromJson(const QJsonObject& json)
{
    FieldReader r(json);
    RightsRequest q;
    q.id = readId(r);
    q.meta = r.meta();
    q.organizationId = r.string("organization_id", true);
    q.type = r.enumeration("type", RequestType::Access, true);
    q.jurisdiction = r.enumeration("jurisdiction", Jurisdiction::Gdpr, true);
    q.subjectName = r.string("subject_name");
    q.subjectEmail = r.string("subject_email", true);
    q.accountId = r.string("account_id");
    q.channel = r.enumeration("channel", RequestChannel::Email);
    q.receivedAt = r.timestamp("received_at", true);
    q.verifiedAt = r.timestamp("verified_at");
    q.status = r.enumeration("status", RequestStatus::New, true);
    q.extendedUntil = r.date("extended_until");
    q.extensionReason = r.string("extension_reason");
    q.assignee = r.string("assignee");
    q.closedAt = r.timestamp("closed_at");
    return finish(q, r);
}

QJsonObject PolicyVersion::toJson() const
{
    FieldWriter w(id, meta);
    w.string("organization_id", organizationId);
    w.string("document", document);
    w.string("title", title);
    w.enumeration("status", status);
    w.string("body", body);
    w.date("published_on", publishedOn);
    w.date("effective_on", effectiveOn);
    return w.json();
}

Result<PolicyVersion> PolicyVersion::fromJson(const QJsonObject& json)
{
    FieldReader r(json);
    PolicyVersion v;
    v.id = readId(r);
    v.meta = r.meta();
    v.organizationId = r.string("organization_id", true);
    v.document = r.string("document", true);
    v.title = r.string("title");
    v.status = r.enumeration("status", PolicyStatus::Draft, true);
    v.body = r.string("body", true);
    v.publishedOn = r.date("published_on");
    v.effectiveOn = r.date("effective_on");
    return finish(v, r);
}

} // namespace workbench
