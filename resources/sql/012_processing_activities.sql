-- Schema 12: processing activities (the record of processing, GDPR Art. 30),
-- the organization's controller identity, representative, DPO and
-- supervisory authority, and the security measures (SCC Annex II) of
-- processors and activities. Only new columns and tables: every row
-- already stored stays as it was. The new columns start NULL, which the
-- audit log's record digests leave out (TableSpec::addedFields), so the
-- states recorded before this schema still verify.

ALTER TABLE organizations ADD COLUMN controller_name TEXT;
ALTER TABLE organizations ADD COLUMN controller_address TEXT;
ALTER TABLE organizations ADD COLUMN controller_contact TEXT;
ALTER TABLE organizations ADD COLUMN representative_name TEXT;
ALTER TABLE organizations ADD COLUMN representative_address TEXT;
ALTER TABLE organizations ADD COLUMN representative_contact TEXT;
ALTER TABLE organizations ADD COLUMN dpo_name TEXT;
ALTER TABLE organizations ADD COLUMN dpo_contact TEXT;
ALTER TABLE organizations ADD COLUMN authority_name TEXT;
ALTER TABLE organizations ADD COLUMN authority_country TEXT
    CHECK (authority_country IS NULL OR authority_country = '' OR length(authority_country) = 2);

-- The measures a processor applies: keys of the Annex II catalogue, and
-- what the keys do not say.
ALTER TABLE processors ADD COLUMN security_measures_note TEXT;
CREATE TABLE processor_security_measures (
    processor_id TEXT NOT NULL REFERENCES processors(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (processor_id, position));

CREATE TABLE processing_activities (
    id                          TEXT PRIMARY KEY,
    organization_id             TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name                        TEXT NOT NULL CHECK (name <> ''),
    description                 TEXT,
    role                        TEXT NOT NULL DEFAULT 'controller'
        CHECK (role IN ('controller','joint_controller','processor')),
    joint_controller            TEXT,
    legal_basis                 TEXT CHECK (legal_basis IS NULL OR legal_basis IN ('consent',
        'contract','legal_obligation','vital_interests','public_task','legitimate_interests')),
    legal_basis_note            TEXT,
    special_category_condition  TEXT CHECK (special_category_condition IS NULL OR
        special_category_condition IN ('explicit_consent','employment_social_security',
        'vital_interests','not_for_profit_body','made_public','legal_claims',
        'substantial_public_interest','health_or_social_care','public_health',
        'archiving_research_statistics')),
    -- JSON arrays: [{name, type, country, mechanism}] and, when the officer
    -- overrides the derived transfers, [{country, mechanism, recipient,
    -- processor_id}] (NULL: derived).
    other_recipients            TEXT,
    transfers_override          TEXT,
    retention_note              TEXT,
    security_measures_note      TEXT,
    dpia_reference              TEXT,
    dpia_status                 TEXT CHECK (dpia_status IS NULL OR dpia_status IN ('not_needed',
        'required','in_progress','done')),
    version                     INTEGER NOT NULL DEFAULT 0,
    updated_at                  TEXT,
    extra_json                  TEXT
);
CREATE INDEX processing_activities_org ON processing_activities(organization_id);

-- The list fields of an activity, one row per value, in their order.
CREATE TABLE activity_controllers (
    activity_id TEXT NOT NULL REFERENCES processing_activities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (activity_id, position));
CREATE TABLE activity_purposes (
    activity_id TEXT NOT NULL REFERENCES processing_activities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (activity_id, position));
CREATE TABLE activity_data_subjects (
    activity_id TEXT NOT NULL REFERENCES processing_activities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (activity_id, position));
CREATE TABLE activity_data_categories (
    activity_id TEXT NOT NULL REFERENCES processing_activities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (activity_id, position));
CREATE TABLE activity_systems (
    activity_id TEXT NOT NULL REFERENCES processing_activities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (activity_id, position));
CREATE TABLE activity_security_measures (
    activity_id TEXT NOT NULL REFERENCES processing_activities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (activity_id, position));
-- The links: a processor or a rule an activity names cannot be removed
-- while it does (no cascade: removing the link is the officer's change, with
-- its own audit entry).
CREATE TABLE activity_processors (
    activity_id TEXT NOT NULL REFERENCES processing_activities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    value TEXT NOT NULL REFERENCES processors(id),
    PRIMARY KEY (activity_id, position));
CREATE INDEX activity_processors_processor ON activity_processors(value);
CREATE TABLE activity_retention_rules (
    activity_id TEXT NOT NULL REFERENCES processing_activities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    value TEXT NOT NULL REFERENCES retention_rules(id),
    PRIMARY KEY (activity_id, position));
CREATE INDEX activity_retention_rules_rule ON activity_retention_rules(value);
