-- Schema 10: letters. The officer's own wording of a letter template (one
-- row per template and language; no row: the shipped default), and every
-- letter produced for a request: which template, language and format, the
-- SHA-256 of the file written, when and by whom. Both local only (never
-- synced); their changes are audited like every other write.
CREATE TABLE letter_templates (
    template    TEXT NOT NULL CHECK (template = 'acknowledgement' OR template = 'identity' OR
                    template = 'extension' OR template = 'refusal' OR
                    template = 'completion' OR template = 'processor-notice'),
    language    TEXT NOT NULL CHECK (language = 'en' OR language = 'de' OR language = 'fr'),
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT,
    PRIMARY KEY (template, language)
);

CREATE TABLE request_letters (
    id            TEXT PRIMARY KEY,
    request_id    TEXT NOT NULL REFERENCES rights_requests(id) ON DELETE CASCADE,
    template      TEXT NOT NULL,
    language      TEXT NOT NULL,
    format        TEXT NOT NULL,
    processor_id  TEXT,
    recipient     TEXT,
    file_name     TEXT,
    sha256        TEXT NOT NULL,
    produced_at   TEXT NOT NULL,
    actor         TEXT
);
CREATE INDEX request_letters_request ON request_letters(request_id, produced_at);
