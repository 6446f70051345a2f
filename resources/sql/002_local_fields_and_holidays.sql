-- Schema 2: local-only notes kept apart from remote fields, per-organization
-- holiday calendars for deadline counting, and the indexes the request
-- queue sorts and filters by.

CREATE TABLE local_notes (
    record_type  TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    notes        TEXT NOT NULL DEFAULT '',
    flagged      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (record_type, record_id)
);

CREATE TABLE organization_holidays (
    organization_id  TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    day              TEXT NOT NULL,
    name             TEXT,
    PRIMARY KEY (organization_id, day)
);

CREATE INDEX rights_requests_org_received ON rights_requests(organization_id, received_at);
CREATE INDEX rights_requests_status ON rights_requests(status);
CREATE INDEX rights_requests_email ON rights_requests(subject_email);
