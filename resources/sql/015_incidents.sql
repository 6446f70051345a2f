-- Schema 15: the register of personal-data breaches and the officer's edits
-- of the breach clocks. New tables only: nothing stored before changes.
--
-- An incident is kept whole as its JSON (record_json, the form the audit log
-- and the register export use); the columns beside it are what the lists
-- sort and filter by, written from the same record in the same statement.
-- The activities an incident touched are processing activity ids kept as
-- text inside record_json, with no foreign key: the incident stands on its
-- own when the register of activities does not have them (yet).
CREATE TABLE incidents (
    id                     TEXT PRIMARY KEY,
    organization_id        TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    title                  TEXT NOT NULL,
    jurisdiction           TEXT NOT NULL,
    aware_at               TEXT NOT NULL,
    risk                   TEXT NOT NULL CHECK (risk = 'unassessed' OR risk = 'none' OR
                               risk = 'risk' OR risk = 'high'),
    authority_notified_at  TEXT,
    closed_at              TEXT,
    record_json            TEXT NOT NULL,
    updated_at             TEXT
);

CREATE INDEX incidents_org_aware ON incidents(organization_id, aware_at);

-- The officer's edits of the shipped breach clocks, one rule per
-- jurisdiction (as deadline_rules holds the deadline rules).
CREATE TABLE breach_rules (
    jurisdiction  TEXT PRIMARY KEY,
    rule_json     TEXT NOT NULL
);
