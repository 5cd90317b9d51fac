-- Migration results kept (README "Migration results"): every warning of a register import (a row
-- imported with a problem: an unreadable date of birth, an invalid NHS number dropped, ...), kept
-- with its batch, so that `show B…` and `report migration-warnings` list what to fix in the source
-- long after the import's stderr is gone. Rows are in the order the import found them.
CREATE TABLE import_warning (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batch(id),
  line INTEGER NOT NULL,               -- the record's first line in the file
  ref TEXT NOT NULL,                   -- the row's register reference
  field TEXT NOT NULL,                 -- a field of the mapping (date_of_birth, nhs_number, ...)
  value TEXT NOT NULL,                 -- as the file has it
  reason TEXT NOT NULL
) STRICT;
CREATE INDEX import_warning_batch ON import_warning(batch_id);
