-- Schema 3: what the workbench derives for each rights request (kept in the
-- row so the queue can sort and filter a million requests by index; a pull
-- never writes these columns), the officer's deadline-rule table, and the
-- outcome of closed requests.

ALTER TABLE rights_requests ADD COLUMN due_legal TEXT;        -- legal due date, extension included
ALTER TABLE rights_requests ADD COLUMN due_original TEXT;     -- before any extension
ALTER TABLE rights_requests ADD COLUMN due_promise TEXT;      -- the organization's commitment
ALTER TABLE rights_requests ADD COLUMN due_effective TEXT;    -- the earlier of the two
ALTER TABLE rights_requests ADD COLUMN acknowledge_by TEXT;   -- confirm receipt (CCPA)
ALTER TABLE rights_requests ADD COLUMN paused_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rights_requests ADD COLUMN paused_since TEXT;     -- set while the clock is stopped
ALTER TABLE rights_requests ADD COLUMN extension_notified_on TEXT;
ALTER TABLE rights_requests ADD COLUMN acknowledged_on TEXT;
ALTER TABLE rights_requests ADD COLUMN outcome TEXT;          -- why it was closed as it was
-- Follows the status by itself, whoever writes it (the app or a pull).
ALTER TABLE rights_requests ADD COLUMN is_open INTEGER
    GENERATED ALWAYS AS (status NOT IN ('fulfilled', 'rejected', 'withdrawn')) VIRTUAL;

CREATE INDEX rights_requests_org_due ON rights_requests(organization_id, is_open, due_effective);
CREATE INDEX rights_requests_due ON rights_requests(is_open, due_effective);
CREATE INDEX rights_requests_org_due_all ON rights_requests(organization_id, due_effective);
CREATE INDEX rights_requests_org_due_legal ON rights_requests(organization_id, is_open, due_legal);
CREATE INDEX rights_requests_ack ON rights_requests(organization_id, is_open, acknowledge_by);
CREATE INDEX rights_requests_org_received_desc ON rights_requests(organization_id, received_at DESC);

-- The officer's edits of the deadline rules; a jurisdiction not here uses
-- the shipped default (resources/rules/deadlines.json).
CREATE TABLE deadline_rules (
    jurisdiction  TEXT PRIMARY KEY,
    rule_json     TEXT NOT NULL
);
