-- Schema 7: each audit entry keeps the digest of every record it wrote, so
-- that verify finds a record changed outside the app (see AuditLog). The
-- head's signature and the public key live in workspace_meta.
ALTER TABLE audit_log ADD COLUMN row_digests TEXT;
