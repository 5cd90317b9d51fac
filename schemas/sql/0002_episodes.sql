-- Episodes of need: the child's path to a plan, as the DfE's children in need census records it
-- (returns-spec §1.6-1.8, §5.2): a referral opens an episode; assessments, section 47 enquiries and
-- initial child protection conferences belong to it; plans of both kinds belong to it; it closes with
-- a reason. Every record also carries the date it was entered (recorded_on), and each later change of
-- state the date that change was entered, so that a report can leave out what was not yet known.
-- Public ids: E episode, N assessment (of need), S section 47 enquiry, I initial conference.

CREATE TABLE episode (
  id INTEGER PRIMARY KEY,
  child_id INTEGER NOT NULL REFERENCES child(id),
  referral_date TEXT NOT NULL,
  referral_source TEXT,                -- schemas/codes/referral-source.yaml; NULL: not known
  primary_need TEXT,                   -- schemas/codes/primary-need.yaml; NULL: none (NFA) or not known
  nfa INTEGER NOT NULL DEFAULT 0,      -- 1: the referral led to no further action
  closure_date TEXT,
  closure_reason TEXT,                 -- schemas/codes/closure-reason.yaml; with closure_date
  made_by TEXT,                        -- NULL: a referral; else what made it: open-plan, migration, register
  recorded_on TEXT NOT NULL,
  closure_recorded_on TEXT,
  batch_id INTEGER REFERENCES import_batch(id),
  source_line INTEGER
) STRICT;

CREATE TABLE assessment (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episode(id),
  start_date TEXT NOT NULL,
  completed_date TEXT,                 -- completed and authorised (the census's authorisation date)
  factors TEXT,                        -- comma-separated codes of schemas/codes/assessment-factor.yaml
  recorded_on TEXT NOT NULL,
  completed_recorded_on TEXT,
  batch_id INTEGER REFERENCES import_batch(id),
  source_line INTEGER
) STRICT;
CREATE INDEX assessment_episode ON assessment(episode_id);

-- A section 47 enquiry. It ends with its initial conference (a conference row naming it), or on
-- end_date with no conference needed (the census's ICPCnotRequired).
CREATE TABLE enquiry (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episode(id),
  start_date TEXT NOT NULL,            -- the strategy discussion that started it
  conference_target TEXT NOT NULL,     -- start + 15 working days
  end_date TEXT,                       -- ended with no conference needed
  recorded_on TEXT NOT NULL,
  end_recorded_on TEXT,
  batch_id INTEGER REFERENCES import_batch(id),
  source_line INTEGER
) STRICT;
CREATE INDEX enquiry_episode ON enquiry(episode_id);

-- An initial child protection conference: of an enquiry, or of the episode alone (a transfer-in).
CREATE TABLE conference (
  id INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episode(id),
  enquiry_id INTEGER REFERENCES enquiry(id),
  conference_date TEXT NOT NULL,
  outcome TEXT NOT NULL,               -- plan, no-plan
  recorded_on TEXT NOT NULL,
  batch_id INTEGER REFERENCES import_batch(id),
  source_line INTEGER
) STRICT;
CREATE INDEX conference_enquiry ON conference(enquiry_id) WHERE enquiry_id IS NOT NULL;

ALTER TABLE plan ADD COLUMN episode_id INTEGER REFERENCES episode(id);
ALTER TABLE plan ADD COLUMN conference_id INTEGER REFERENCES conference(id);  -- the conference that made a CPP
ALTER TABLE plan ADD COLUMN recorded_on TEXT;
ALTER TABLE plan ADD COLUMN end_recorded_on TEXT;

ALTER TABLE child ADD COLUMN recorded_on TEXT;
ALTER TABLE action ADD COLUMN recorded_on TEXT;
ALTER TABLE action ADD COLUMN completed_recorded_on TEXT;
ALTER TABLE review ADD COLUMN seen TEXT;        -- a visit: yes, no; NULL not recorded
ALTER TABLE review ADD COLUMN seen_alone TEXT;  -- a visit: yes, no; NULL not recorded
ALTER TABLE review ADD COLUMN recorded_on TEXT;

-- The date each existing record was entered: its import batch's date, else the date of its first
-- audit record, else (never audited) its own first date. A plan's end and an action's completion:
-- the date of the first audit record that shows them, else the date the record was entered.
UPDATE child SET recorded_on = coalesce(
  (SELECT substr(b.imported_at, 1, 10) FROM import_batch b WHERE b.id = child.batch_id),
  (SELECT substr(min(a.at), 1, 10) FROM audit a WHERE a.entity = 'C' || child.id),
  date_of_birth, expected_dob, '1900-01-01');
UPDATE plan SET recorded_on = coalesce(
  (SELECT substr(b.imported_at, 1, 10) FROM import_batch b WHERE b.id = plan.batch_id),
  (SELECT substr(min(a.at), 1, 10) FROM audit a WHERE a.entity = 'P' || plan.id),
  start_date);
UPDATE action SET recorded_on = coalesce(
  (SELECT substr(min(a.at), 1, 10) FROM audit a WHERE a.entity = 'A' || action.id),
  (SELECT p.recorded_on FROM plan p WHERE p.id = action.plan_id));
UPDATE action SET completed_recorded_on = coalesce(
  (SELECT substr(min(a.at), 1, 10) FROM audit a WHERE a.entity = 'A' || action.id
     AND CASE WHEN json_valid(a.after) THEN json_extract(a.after, '$.status') END IN ('done', 'cancelled')),
  recorded_on)
WHERE completed_date IS NOT NULL;
UPDATE review SET recorded_on = coalesce(
  (SELECT substr(min(a.at), 1, 10) FROM audit a WHERE a.entity = 'R' || review.id),
  (SELECT p.recorded_on FROM plan p WHERE p.id = review.plan_id));

-- The date each plan's end was entered.
UPDATE plan SET end_recorded_on = coalesce(
  (SELECT substr(min(a.at), 1, 10) FROM audit a WHERE a.entity = 'P' || plan.id
     AND CASE WHEN json_valid(a.after) THEN json_extract(a.after, '$.end_date') END IS NOT NULL),
  recorded_on)
WHERE end_date IS NOT NULL;

-- Each existing plan gets an episode of its own, made by the migration, under the plan's own number:
-- referred on the plan's start, source and need not known, closed when the plan ended (RC7: services
-- ceased). A child protection plan also gets the transfer-in conference it started on. The register
-- import makes the same for each plan it creates (schemas/queries/import.sql,
-- register_insert_plan_episodes). Plans that broke a rule of returns-spec §5.4 before it was
-- enforced stay as they were, and so do their episodes (README, "Episodes of old plans").
INSERT INTO episode (id, child_id, referral_date, closure_date, closure_reason, made_by, recorded_on,
                     closure_recorded_on)
  SELECT id, child_id, start_date, end_date, CASE WHEN end_date IS NOT NULL THEN 'RC7' END, 'migration',
         recorded_on, end_recorded_on
  FROM plan;
INSERT INTO conference (id, episode_id, conference_date, outcome, recorded_on)
  SELECT id, id, start_date, 'plan', recorded_on FROM plan WHERE kind = 'child-protection';

-- Each plan points at its episode and conference, made above (foreign keys are checked as it does).
UPDATE plan SET episode_id = id, conference_id = CASE WHEN kind = 'child-protection' THEN id END;

-- The indexes last: built in one sorted pass each, not entry by entry as the rows came.
CREATE INDEX episode_child ON episode(child_id, referral_date);
CREATE INDEX conference_episode ON conference(episode_id);
CREATE INDEX plan_episode ON plan(episode_id);
