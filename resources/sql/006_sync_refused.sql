-- Schema 6: records a sync received but could not apply (a parent not in
-- the workspace yet, a value the contract does not allow...). Each is kept
-- as it came, with the reason, and tried again on every later sync until it
-- applies, the server sends a newer copy (which replaces it), or the officer
-- dismisses it (audited). Nothing a server sent is dropped silently.
CREATE TABLE sync_refused (
    resource        TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    source          TEXT NOT NULL,      -- the source that sent the kept copy
    version         INTEGER,            -- the kept copy's version, when it has one
    field           TEXT,               -- the field at fault, when known
    cause           TEXT NOT NULL,      -- short and shared: 'missing organization', 'invalid type'
    reason          TEXT NOT NULL,      -- the whole explanation
    record_json     TEXT NOT NULL,      -- the record as the server sent it
    first_refused_at TEXT NOT NULL,
    last_tried_at   TEXT NOT NULL,
    tries           INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (resource, record_id)
);
