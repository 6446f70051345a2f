-- Schema 1: the records of the sync contract (specs/sync-api.md), the audit
-- log and the sync bookkeeping. Remote fields live in the record tables;
-- local-only fields (notes) are kept apart so a pull never overwrites them.

CREATE TABLE organizations (
    id                        TEXT PRIMARY KEY,
    name                      TEXT NOT NULL,
    website                   TEXT,
    privacy_contact           TEXT,
    notice_period_days        INTEGER NOT NULL DEFAULT 0 CHECK (notice_period_days >= 0),
    response_commitment_days  INTEGER CHECK (response_commitment_days > 0),
    version                   INTEGER NOT NULL DEFAULT 0,
    updated_at                TEXT,
    extra_json                TEXT
);

CREATE TABLE processors (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL CHECK (name <> ''),
    legal_entity        TEXT,
    address             TEXT,
    contact             TEXT,
    website             TEXT,
    service             TEXT NOT NULL,
    transfer_mechanism  TEXT NOT NULL DEFAULT 'none'
        CHECK (transfer_mechanism IN ('none','adequacy','scc','dpf','bcr','derogation')),
    dpa_status          TEXT NOT NULL DEFAULT 'none'
        CHECK (dpa_status IN ('none','requested','signed','expired')),
    dpa_signed_on       TEXT,
    dpa_url             TEXT,
    status              TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('onboarding','active','offboarded')),
    parent_id           TEXT REFERENCES processors(id) ON DELETE SET NULL,
    review_due          TEXT,
    version             INTEGER NOT NULL DEFAULT 0,
    updated_at          TEXT,
    extra_json          TEXT
);
CREATE INDEX processors_parent ON processors(parent_id);

-- The list fields of a processor, one row per value, in their order.
CREATE TABLE processor_aliases (
    processor_id TEXT NOT NULL REFERENCES processors(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (processor_id, position));
CREATE TABLE processor_locations (
    processor_id TEXT NOT NULL REFERENCES processors(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, value TEXT NOT NULL CHECK (length(value) = 2),
    PRIMARY KEY (processor_id, position));
CREATE TABLE processor_data_categories (
    processor_id TEXT NOT NULL REFERENCES processors(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (processor_id, position));
CREATE TABLE processor_data_subjects (
    processor_id TEXT NOT NULL REFERENCES processors(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (processor_id, position));
CREATE TABLE processor_purposes (
    processor_id TEXT NOT NULL REFERENCES processors(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (processor_id, position));
CREATE TABLE processor_certifications (
    processor_id TEXT NOT NULL REFERENCES processors(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (processor_id, position));
-- Which organizations use a processor.
CREATE TABLE processor_organizations (
    processor_id TEXT NOT NULL REFERENCES processors(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    value TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    PRIMARY KEY (processor_id, position));
CREATE INDEX processor_organizations_org ON processor_organizations(value);

CREATE TABLE retention_rules (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    data_category    TEXT NOT NULL,
    system           TEXT,
    processor_id     TEXT REFERENCES processors(id) ON DELETE SET NULL,
    period           TEXT,
    trigger          TEXT NOT NULL CHECK (trigger IN ('collection','account_deletion',
                         'account_lifetime','transaction','job_completion','contract_end')),
    action           TEXT NOT NULL CHECK (action IN ('delete','anonymize','aggregate')),
    legal_basis      TEXT,
    exception        TEXT,
    version          INTEGER NOT NULL DEFAULT 0,
    updated_at       TEXT,
    extra_json       TEXT
);
CREATE INDEX retention_rules_org ON retention_rules(organization_id);

CREATE TABLE rights_requests (
    id                TEXT PRIMARY KEY,
    organization_id   TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    type              TEXT NOT NULL CHECK (type IN ('access','rectification','erasure',
                          'portability','restriction','objection','opt_out_sale')),
    jurisdiction      TEXT NOT NULL CHECK (jurisdiction IN ('GDPR','UK_GDPR','CCPA','LGPD',
                          'PIPEDA','OTHER')),
    subject_name      TEXT,
    subject_email     TEXT NOT NULL,
    account_id        TEXT,
    channel           TEXT CHECK (channel IN ('email','in_app','web_form','post')),
    received_at       TEXT NOT NULL,
    verified_at       TEXT,
    status            TEXT NOT NULL CHECK (status IN ('new','verifying','in_progress',
                          'waiting_on_processor','fulfilled','rejected','withdrawn')),
    extended_until    TEXT,
    extension_reason  TEXT,
    assignee          TEXT,
    closed_at         TEXT,
    version           INTEGER NOT NULL DEFAULT 0,
    updated_at        TEXT,
    extra_json        TEXT
);
CREATE INDEX rights_requests_org ON rights_requests(organization_id);

CREATE TABLE request_events (
    id          INTEGER PRIMARY KEY,
    request_id  TEXT NOT NULL REFERENCES rights_requests(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL,
    text        TEXT,
    actor       TEXT
);
CREATE INDEX request_events_request ON request_events(request_id, at);

CREATE TABLE request_tasks (
    id            INTEGER PRIMARY KEY,
    request_id    TEXT NOT NULL REFERENCES rights_requests(id) ON DELETE CASCADE,
    processor_id  TEXT NOT NULL REFERENCES processors(id),
    state         TEXT NOT NULL DEFAULT 'to_send'
                      CHECK (state IN ('to_send','sent','confirmed','not_needed')),
    reason        TEXT,
    updated_at    TEXT,
    UNIQUE (request_id, processor_id)
);

CREATE TABLE policy_versions (
    id               TEXT PRIMARY KEY,
    organization_id  TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    document         TEXT NOT NULL,
    title            TEXT,
    status           TEXT NOT NULL CHECK (status IN ('draft','published','superseded')),
    body             TEXT NOT NULL,
    published_on     TEXT,
    effective_on     TEXT,
    version          INTEGER NOT NULL DEFAULT 0,
    updated_at       TEXT,
    extra_json       TEXT
);
CREATE INDEX policy_versions_org ON policy_versions(organization_id, document);

-- Every change made through the app. Hash-chained: hash = SHA-256 of the
-- previous entry's hash and this entry's content (see AuditLog).
CREATE TABLE audit_log (
    seq          INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    record_type  TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    summary      TEXT NOT NULL,
    before_json  TEXT,
    after_json   TEXT,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE INDEX audit_log_record ON audit_log(record_type, record_id);

-- Local edits waiting to be pushed (PATCH with If-Match / Idempotency-Key).
CREATE TABLE sync_outbox (
    id            TEXT PRIMARY KEY,
    resource      TEXT NOT NULL,
    record_id     TEXT NOT NULL,
    base_version  INTEGER NOT NULL,
    body_json     TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT
);

-- Where each source's pull of each resource stands.
CREATE TABLE sync_state (
    source          TEXT NOT NULL,
    resource        TEXT NOT NULL,
    cursor          TEXT,
    etag            TEXT,
    last_synced_at  TEXT,
    PRIMARY KEY (source, resource)
);

-- Small facts about the workspace itself (e.g. what it was created from).
CREATE TABLE workspace_meta (
    key    TEXT PRIMARY KEY,
    value  TEXT
);
