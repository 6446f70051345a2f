-- Schema 11: the outbox also sends records made in the workbench (a rights
-- request logged by the intake) as a create: POST /{resource} with the whole
-- record (docs/sync-api.md, section 9). Entries queued before are edits.
--   op              'update' (PATCH of the changed fields) or 'create'
--   idempotency_key the Idempotency-Key of every try; NULL: the entry's id
--                   (as edits always used). A create refused by the server
--                   and then corrected by the officer gets a new one: the
--                   server keeps the answer it gave to the old key.
--   sent_at         when the body was first sent: from then on every try
--                   sends exactly that body (a crash between sending and
--                   recording the answer resends the same bytes)
--   refused_field, refused_reason
--                   the server refused the create (400/422): the entry
--                   waits for the officer to correct the record
ALTER TABLE sync_outbox ADD COLUMN op TEXT NOT NULL DEFAULT 'update'
    CHECK (op IN ('update', 'create'));
ALTER TABLE sync_outbox ADD COLUMN idempotency_key TEXT;
ALTER TABLE sync_outbox ADD COLUMN sent_at TEXT;
ALTER TABLE sync_outbox ADD COLUMN refused_field TEXT;
ALTER TABLE sync_outbox ADD COLUMN refused_reason TEXT;
-- One create per record at most.
CREATE UNIQUE INDEX sync_outbox_one_create ON sync_outbox (resource, record_id)
    WHERE op = 'create';
