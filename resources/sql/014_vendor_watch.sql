-- Schema 14: the vendor watch. Each processor's published sub-processor
-- list (where it is, the objection window of its DPA, what the last fetch
-- returned), every version of the list received, the change notices made
-- from them with the officer's decision, and vendor reviews with their
-- questionnaire answers and evidence files. New tables only: nothing that
-- exists changes. Local to the workspace (the notices are described in the
-- contract but not synced yet).
CREATE TABLE vendor_list_settings (
    processor_id         TEXT PRIMARY KEY REFERENCES processors(id) ON DELETE CASCADE,
    url                  TEXT,
    window_days          INTEGER NOT NULL DEFAULT 30 CHECK (window_days BETWEEN 0 AND 366),
    business_days        INTEGER NOT NULL DEFAULT 0 CHECK (business_days IN (0, 1)),
    check_interval_hours INTEGER NOT NULL DEFAULT 0 CHECK (check_interval_hours >= 0),
    etag                 TEXT,
    last_modified        TEXT,
    last_checked_at      TEXT,
    last_check_error     TEXT
);

CREATE TABLE vendor_lists (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    processor_id TEXT NOT NULL REFERENCES processors(id) ON DELETE CASCADE,
    received_on  TEXT NOT NULL,
    source       TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    entries_json TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX vendor_lists_by_processor ON vendor_lists (processor_id, id);

CREATE TABLE subprocessor_notices (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    processor_id       TEXT NOT NULL REFERENCES processors(id) ON DELETE CASCADE,
    list_id            INTEGER NOT NULL REFERENCES vendor_lists(id) ON DELETE CASCADE,
    previous_list_id   INTEGER REFERENCES vendor_lists(id) ON DELETE SET NULL,
    received_on        TEXT NOT NULL,
    objection_deadline TEXT NOT NULL,
    changes_json       TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open' OR
                           status = 'objected' OR status = 'accepted' OR status = 'noted'),
    decision_note      TEXT,
    decided_at         TEXT,
    created_at         TEXT NOT NULL
);
CREATE INDEX subprocessor_notices_open ON subprocessor_notices (status, objection_deadline);

CREATE TABLE vendor_reviews (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    processor_id   TEXT NOT NULL REFERENCES processors(id) ON DELETE CASCADE,
    reviewed_on    TEXT NOT NULL,
    reviewer       TEXT NOT NULL,
    questionnaire  TEXT,
    answers_json   TEXT NOT NULL DEFAULT '[]',
    findings       TEXT,
    outcome        TEXT NOT NULL CHECK (outcome = 'approved' OR
                       outcome = 'approved_with_conditions' OR outcome = 'rejected'),
    risk_tier      TEXT NOT NULL CHECK (risk_tier = 'high' OR risk_tier = 'medium' OR
                       risk_tier = 'low'),
    next_review_on TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX vendor_reviews_by_processor ON vendor_reviews (processor_id, reviewed_on);

-- The evidence itself, in the workspace: the file travels with it.
CREATE TABLE vendor_review_evidence (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    review_id INTEGER NOT NULL REFERENCES vendor_reviews(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    sha256    TEXT NOT NULL,
    size      INTEGER NOT NULL,
    data      BLOB NOT NULL
);

-- Months between reviews per risk tier.
CREATE TABLE review_cadence (
    risk_tier TEXT PRIMARY KEY CHECK (risk_tier = 'high' OR risk_tier = 'medium' OR
                  risk_tier = 'low'),
    months    INTEGER NOT NULL CHECK (months BETWEEN 1 AND 120)
);
INSERT INTO review_cadence (risk_tier, months) VALUES ('high', 6), ('medium', 12), ('low', 24);

-- The questionnaires as the officer edited them (none: the shipped one).
CREATE TABLE questionnaire_templates (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    questions_json TEXT NOT NULL
);
