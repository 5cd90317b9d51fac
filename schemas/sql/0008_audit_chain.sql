-- The audit trail as a hash chain (lib/ics/store/audit_chain.hpp defines what is hashed): each
-- record carries its predecessor's hash and the hash of its own content. The existing records are
-- chained by `icsctl db migrate` right after this file runs (store::seal_audit_chain), which is why
-- an update may fill a record's hash while it has none; once it has one, it is never updated.
ALTER TABLE audit ADD COLUMN prev_hash TEXT;
ALTER TABLE audit ADD COLUMN hash TEXT;
DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN OLD.hash IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- The digests of an import batch's rows, a chunk of ids at a time (store/record_check.cpp): the
-- batch's audit record holds the digest over these, so db check can name the ids that changed.
CREATE TABLE batch_digest (
  batch_id INTEGER NOT NULL,          -- an import batch, 0: see batch_seal
  kind TEXT NOT NULL,                  -- child, episode, conference, plan
  chunk INTEGER NOT NULL,              -- ids chunk * 1024 … chunk * 1024 + 1023
  rows INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (batch_id, kind, chunk)
) STRICT, WITHOUT ROWID;

-- Each sealed group of rows: the audit record whose image holds the digest of its chunks
-- (rows_sha256). Group 0: the records a migration found with neither audit record nor batch.
CREATE TABLE batch_seal (
  batch_id INTEGER PRIMARY KEY,
  audit_seq INTEGER NOT NULL,
  sha256 TEXT NOT NULL
) STRICT;
