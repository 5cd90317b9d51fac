-- What the statutory returns need beyond the case record (returns-spec §5.2): the child's census
-- fields, the return settings an authority sets once, and a log of the CP-IS extracts made.

-- disabilities: comma-separated codes of schemas/codes/disability.yaml ("NONE" alone); NULL not recorded.
ALTER TABLE child ADD COLUMN disabilities TEXT;
ALTER TABLE child ADD COLUMN upn_unknown TEXT;        -- schemas/codes/upn-unknown.yaml, when no UPN
ALTER TABLE child ADD COLUMN former_upn TEXT;
ALTER TABLE child ADD COLUMN mother_nhs_number TEXT;  -- an unborn child's mother (CP-IS)
ALTER TABLE child ADD COLUMN date_of_death TEXT;

-- The return settings (`icsctl settings`): la_code, software_code, release, serial_no, la_name,
-- la_phone, la_emergency_phone. One row per key that has been set.
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Each CP-IS extract made (`icsctl export cp-is`): the next extract sends the plans ended since the
-- latest one's as-of date.
CREATE TABLE cpis_extract (
  id INTEGER PRIMARY KEY,
  as_of TEXT NOT NULL,
  made_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  rows INTEGER NOT NULL
) STRICT;
