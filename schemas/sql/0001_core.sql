-- The core schema: children, plans from template snapshots, actions, reviews, audit, import batches.
-- Dates are ISO text (YYYY-MM-DD); times are UTC ISO 8601 text. Public ids are a letter and the rowid.

CREATE TABLE import_batch (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,                  -- register, children, plans, actions
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  mapping TEXT,                        -- the mapping file's text, for a register import
  actor TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  counts TEXT NOT NULL DEFAULT '{}'    -- JSON summary of the import
) STRICT;

CREATE TABLE child (
  id INTEGER PRIMARY KEY,
  given_names TEXT NOT NULL,
  family_name TEXT NOT NULL,
  date_of_birth TEXT,
  expected_dob TEXT,
  sex TEXT NOT NULL,
  nhs_number TEXT,
  upn TEXT,
  ethnicity TEXT,
  batch_id INTEGER REFERENCES import_batch(id),
  source_line INTEGER,
  legacy_id TEXT                       -- the legacy person id a register import created the child from
) STRICT;
-- Partial indexes: most children have no UPN and some no NHS number, and NULLs need no entries.
-- `nhs_number = ?` and `upn = ?` imply IS NOT NULL, so lookups use them.
CREATE UNIQUE INDEX child_nhs ON child(nhs_number) WHERE nhs_number IS NOT NULL;
CREATE INDEX child_upn ON child(upn) WHERE upn IS NOT NULL;
CREATE UNIQUE INDEX child_legacy ON child(legacy_id) WHERE legacy_id IS NOT NULL;

-- The other legacy references of a child (add-child --ref, bulk imports, further person ids).
CREATE TABLE child_ref (
  ref TEXT PRIMARY KEY,
  child_id INTEGER NOT NULL REFERENCES child(id)
) STRICT, WITHOUT ROWID;
CREATE INDEX child_ref_child ON child_ref(child_id);
-- Every legacy reference of a child. A reference is held once in all: the code that adds one looks
-- it up here first. child.legacy_id spares a migrated child a row and two index entries in
-- child_ref, which was the largest single cost of importing a whole register.
CREATE VIEW child_all_refs (child_id, ref) AS
  SELECT child_id, ref FROM child_ref
  UNION ALL
  SELECT id, legacy_id FROM child WHERE legacy_id IS NOT NULL;

-- The exact text of each template version used by a plan, so editing a template changes no plan.
CREATE TABLE template_snapshot (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL
) STRICT;

CREATE TABLE plan (
  id INTEGER PRIMARY KEY,
  child_id INTEGER NOT NULL REFERENCES child(id),
  template_id INTEGER NOT NULL REFERENCES template_snapshot(id),
  kind TEXT NOT NULL,
  initial_category TEXT,
  latest_category TEXT,
  start_date TEXT NOT NULL,
  end_date TEXT,                       -- the first day on which the plan no longer applies
  end_reason TEXT,
  lead_worker TEXT,
  team TEXT,
  contingency TEXT,
  first_review_due TEXT,               -- from the template's first_review timescale
  previous_cp_plans INTEGER NOT NULL DEFAULT 0,
  legacy_ref TEXT UNIQUE,              -- the register reference a plan was imported from
  legacy_end_reason TEXT,              -- the de-registration reason as the source wrote it
  batch_id INTEGER REFERENCES import_batch(id),
  source_line INTEGER
) STRICT;
CREATE INDEX plan_child ON plan(child_id);
-- No index on plan(template_id) or plan(batch_id): no query looks plans up by either, and neither
-- template snapshots nor batches are ever deleted (a foreign-key check on inserting a plan looks
-- up the parent's primary key). Each index cost every imported plan one more b-tree insert.

CREATE TABLE action (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plan(id),
  section TEXT,
  what TEXT NOT NULL,
  owner TEXT NOT NULL,
  agency TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL,                -- open, done, cancelled
  completed_date TEXT,                 -- the day it was done or cancelled
  cancel_reason TEXT
) STRICT;
CREATE INDEX action_plan ON action(plan_id);

CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plan(id),
  kind TEXT NOT NULL,                  -- initial-conference, review-conference, core-group, visit
  review_date TEXT NOT NULL,
  outcome TEXT,
  category TEXT,                       -- a category set by this review
  next_review_due TEXT                 -- for a review conference: when the next one is due
) STRICT;
CREATE INDEX review_plan ON review(plan_id, kind, review_date);

-- Append-only trail of every change: who, when, what.
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  command TEXT NOT NULL,
  entity TEXT,
  before TEXT,
  after TEXT
) STRICT;
CREATE INDEX audit_entity ON audit(entity);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
