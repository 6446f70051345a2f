-- Schema 4: sync sources, conflicts and the log of sync runs. Tokens are
-- never stored here: a source names the environment variable (or keychain
-- entry) that holds its token.
CREATE TABLE sync_sources (
    name        TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('rest','postgrest')),
    base_url    TEXT NOT NULL,
    resources   TEXT NOT NULL,          -- comma-separated
    token_env   TEXT,                   -- environment variable holding the token
    use_keychain INTEGER NOT NULL DEFAULT 0
);

-- A local edit the server refused (412: changed meanwhile; 404/410: gone).
-- Nothing is overwritten until the officer resolves it.
CREATE TABLE sync_conflicts (
    id           TEXT PRIMARY KEY,      -- the outbox entry's id
    source       TEXT NOT NULL,
    resource     TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    reason       TEXT NOT NULL,         -- 'changed' or 'gone'
    base_version INTEGER NOT NULL,
    local_json   TEXT NOT NULL,         -- the fields the officer changed
    base_json    TEXT,                  -- the record as it was before the edit
    server_json  TEXT,                  -- the server's record now
    created_at   TEXT NOT NULL
);

-- Every sync run and every record it rejected.
CREATE TABLE sync_runs (
    seq          INTEGER PRIMARY KEY,
    source       TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    outcome      TEXT,                  -- 'ok', 'error', 'cancelled'
    message      TEXT,
    summary_json TEXT
);
CREATE TABLE sync_rejections (
    run_seq      INTEGER NOT NULL REFERENCES sync_runs(seq) ON DELETE CASCADE,
    resource     TEXT NOT NULL,
    record_id    TEXT,
    field        TEXT,
    reason       TEXT NOT NULL
);

ALTER TABLE sync_outbox ADD COLUMN source TEXT;
ALTER TABLE sync_outbox ADD COLUMN base_json TEXT;
