-- Schema 8: rights requests may name every jurisdiction the deadline rules
-- know; VCDPA_CPA (Virginia, Colorado) joins the jurisdiction check. SQLite
-- cannot change a CHECK in place, so the table is rebuilt as in schema 5:
-- the same columns (is_open still generated), the same rows and the same
-- indexes; only the check differs. Nothing else refers to the table by
-- trigger or view. (Foreign keys are off while migrations run, so dropping
-- the old table does not touch request_events or request_tasks;
-- foreign_key_check runs before the commit.)
CREATE TABLE rights_requests_new (
    id                TEXT PRIMARY KEY,
    organization_id   TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    type              TEXT NOT NULL CHECK (type = 'access' OR type = 'rectification' OR
                          type = 'erasure' OR type = 'portability' OR type = 'restriction' OR
                          type = 'objection' OR type = 'opt_out_sale'),
    jurisdiction      TEXT NOT NULL CHECK (jurisdiction = 'GDPR' OR jurisdiction = 'UK_GDPR' OR
                          jurisdiction = 'CCPA' OR jurisdiction = 'LGPD' OR
                          jurisdiction = 'PIPEDA' OR jurisdiction = 'VCDPA_CPA' OR
                          jurisdiction = 'OTHER'),
    subject_name      TEXT,
    subject_email     TEXT NOT NULL,
    account_id        TEXT,
    channel           TEXT CHECK (channel = 'email' OR channel = 'in_app' OR
                          channel = 'web_form' OR channel = 'post'),
    received_at       TEXT NOT NULL,
    verified_at       TEXT,
    status            TEXT NOT NULL CHECK (status = 'new' OR status = 'verifying' OR
                          status = 'in_progress' OR status = 'waiting_on_processor' OR
                          status = 'fulfilled' OR status = 'rejected' OR status = 'withdrawn'),
    extended_until    TEXT,
    extension_reason  TEXT,
    assignee          TEXT,
    closed_at         TEXT,
    version           INTEGER NOT NULL DEFAULT 0,
    updated_at        TEXT,
    extra_json        TEXT,
    due_legal         TEXT,
    due_original      TEXT,
    due_promise       TEXT,
    due_effective     TEXT,
    acknowledge_by    TEXT,
    paused_days       INTEGER NOT NULL DEFAULT 0,
    paused_since      TEXT,
    extension_notified_on TEXT,
    acknowledged_on   TEXT,
    outcome           TEXT,
    is_open           INTEGER GENERATED ALWAYS AS
                          (status <> 'fulfilled' AND status <> 'rejected' AND
                           status <> 'withdrawn') VIRTUAL
);

INSERT INTO rights_requests_new (id, organization_id, type, jurisdiction, subject_name,
    subject_email, account_id, channel, received_at, verified_at, status, extended_until,
    extension_reason, assignee, closed_at, version, updated_at, extra_json, due_legal,
    due_original, due_promise, due_effective, acknowledge_by, paused_days, paused_since,
    extension_notified_on, acknowledged_on, outcome)
SELECT id, organization_id, type, jurisdiction, subject_name,
    subject_email, account_id, channel, received_at, verified_at, status, extended_until,
    extension_reason, assignee, closed_at, version, updated_at, extra_json, due_legal,
    due_original, due_promise, due_effective, acknowledge_by, paused_days, paused_since,
    extension_notified_on, acknowledged_on, outcome
FROM rights_requests;

DROP TABLE rights_requests;
ALTER TABLE rights_requests_new RENAME TO rights_requests;

CREATE INDEX rights_requests_org_received ON rights_requests(organization_id, received_at);
CREATE INDEX rights_requests_org_received_desc ON rights_requests(organization_id, received_at DESC);
CREATE INDEX rights_requests_status ON rights_requests(status);
CREATE INDEX rights_requests_email ON rights_requests(subject_email);
CREATE INDEX rights_requests_org_due ON rights_requests(organization_id, is_open, due_effective);
CREATE INDEX rights_requests_due ON rights_requests(is_open, due_effective);
CREATE INDEX rights_requests_org_due_all ON rights_requests(organization_id, due_effective);
CREATE INDEX rights_requests_org_due_legal ON rights_requests(organization_id, is_open, due_legal);
CREATE INDEX rights_requests_ack ON rights_requests(organization_id, is_open, acknowledge_by);
