-- Named statements of the legacy register import (lib/ics/store/register_writes.cpp, for io/register/). Parameters are
-- always bound. Lookups are by primary key or a unique index; none tests a column with IS NULL.

-- name: register_cache_size
-- 16 MiB of page cache for this connection. A migration appends to its tables and indexes (its
-- child indexes are built after the rows), so a larger cache bought no speed that could be told
-- from the noise, while each 16 MiB more raised a 1M-row import's peak memory by as much.
PRAGMA cache_size = -16384;

-- name: register_any_plan
SELECT EXISTS (SELECT 1 FROM plan);

-- name: register_any_child
SELECT EXISTS (SELECT 1 FROM child);

-- name: register_any_episode
SELECT EXISTS (SELECT 1 FROM episode) OR EXISTS (SELECT 1 FROM conference);

-- name: register_largest_child_id
SELECT coalesce(max(id), 0) FROM child;

-- name: register_largest_plan_id
-- With the episodes and conferences: an import gives a plan's episode and conference its number.
SELECT max(coalesce((SELECT max(id) FROM plan), 0), coalesce((SELECT max(id) FROM episode), 0),
           coalesce((SELECT max(id) FROM conference), 0));

-- name: register_plan_by_ref
SELECT id FROM plan WHERE legacy_ref = ?1;

-- name: register_child_by_person
SELECT child_id FROM child_all_refs WHERE ref = ?1;

-- name: register_insert_batch
INSERT INTO import_batch (kind, file_name, sha256, mapping, actor, imported_at)
VALUES ('register', ?1, '', ?2, ?3, ?4);

-- name: register_batch_counts
-- The file is hashed as it is read, so its SHA-256 is known only at the end.
UPDATE import_batch SET counts = ?2, sha256 = ?3 WHERE id = ?1;

-- name: register_plans_before
-- Child-protection plans of a child that started on or before a date, other than this batch's.
SELECT count(*) FROM plan
WHERE child_id = ?1 AND kind = ?2 AND start_date <= ?3 AND coalesce(batch_id, 0) <> ?4;

-- name: register_update_children
-- Later registrations of children this import created, merged into one row per child
-- (io::ChildUpdates; `latest` is 1 when one was the child's latest so far): its names and sex, its
-- date of birth (or, while none is known, its expected date of birth), and identifiers the child lacks.
UPDATE child SET
  given_names = CASE WHEN u.latest THEN u.given_names ELSE child.given_names END,
  family_name = CASE WHEN u.latest THEN u.family_name ELSE child.family_name END,
  date_of_birth = CASE WHEN u.latest THEN coalesce(u.date_of_birth, child.date_of_birth)
                       ELSE child.date_of_birth END,
  expected_dob = CASE WHEN NOT u.latest THEN child.expected_dob
                      WHEN u.date_of_birth IS NOT NULL OR child.date_of_birth IS NOT NULL THEN NULL
                      ELSE coalesce(u.expected_dob, child.expected_dob) END,
  sex = CASE WHEN u.latest AND u.sex <> 'U' THEN u.sex ELSE child.sex END,
  nhs_number = coalesce(child.nhs_number, u.nhs_number),
  upn = coalesce(child.upn, u.upn)
FROM register_child_updates AS u
WHERE child.id = u.id;

-- name: register_child_details
SELECT given_names, family_name, date_of_birth, expected_dob, sex, nhs_number, upn FROM child WHERE id = ?1;

-- name: register_move_episodes
-- A child found to be another: the episodes this batch made for its plans (under the plans' ids,
-- register_insert_plan_episodes) go to the other, before the plans (register_move_plans). Found
-- through the plans: the episode's own indexes may be set aside.
UPDATE episode SET child_id = ?2 WHERE id IN (SELECT id FROM plan WHERE child_id = ?1 AND batch_id = ?3);

-- name: register_move_plans
-- This batch's plans of the one go to the other.
UPDATE plan SET child_id = ?2 WHERE child_id = ?1 AND batch_id = ?3;

-- name: register_keep_legacy_id
-- Before a child this import created is deleted (it was another child): its legacy id goes on.
INSERT INTO child_ref (ref, child_id) SELECT legacy_id, ?2 FROM child WHERE id = ?1 AND legacy_id IS NOT NULL;

-- name: register_delete_child
DELETE FROM child WHERE id = ?1;

-- name: register_recount_previous
-- previous_cp_plans of this batch's plans of a child, counted afresh: the child's other
-- child-protection plans that start earlier, on the same day in another batch, or on the same
-- day further up this file.
UPDATE plan SET previous_cp_plans = (
  SELECT count(*) FROM plan AS other
  WHERE other.child_id = plan.child_id AND other.kind = plan.kind AND other.id <> plan.id
    AND (other.start_date < plan.start_date
         OR (other.start_date = plan.start_date
             AND (coalesce(other.batch_id, 0) <> plan.batch_id OR other.source_line < plan.source_line))))
WHERE child_id = ?1 AND batch_id = ?2;

-- name: register_insert_children
-- New children, a batch at a time (store::RowBatch), with the ids the import chose; :batch_id is
-- the import's batch and :recorded_on its date, bound once rather than held in every row.
INSERT INTO child (id, given_names, family_name, date_of_birth, expected_dob, sex, nhs_number, upn,
                   batch_id, source_line, legacy_id, recorded_on)
SELECT id, given_names, family_name, date_of_birth, expected_dob, sex, nhs_number, upn, :batch_id,
       source_line, legacy_id, :recorded_on
FROM register_children;

-- The plans of a batch of rows (store::RowBatch over register_plans), with the ids the import
-- chose, are written by three statements in turn: each plan's episode, a child protection plan's
-- conference, then the plan itself. What every plan of the import shares is bound once: its
-- template, its kind, the import's batch and the batch's date (:recorded_on).

-- name: register_insert_plan_episodes
-- Each plan an episode of its own under the plan's number, as migration 0002 gives each plan it
-- finds (schemas/sql/0002_episodes.sql): referred on the plan's start, source and need not known,
-- closed when the plan ended (RC7: services ceased).
INSERT INTO episode (id, child_id, referral_date, closure_date, closure_reason, made_by, recorded_on,
                     closure_recorded_on, batch_id, source_line)
SELECT id, child_id, start_date, end_date, CASE WHEN end_date IS NOT NULL THEN 'RC7' END, 'register',
       :recorded_on, CASE WHEN end_date IS NOT NULL THEN :recorded_on END, :batch_id, source_line
FROM register_plans;

-- name: register_insert_plan_conferences
-- A child protection plan's transfer-in conference (no enquiry), on the plan's start, under its number.
INSERT INTO conference (id, episode_id, conference_date, outcome, recorded_on, batch_id, source_line)
SELECT id, id, start_date, 'plan', :recorded_on, :batch_id, source_line
FROM register_plans WHERE :kind = 'child-protection';

-- name: register_insert_plans
-- A migrated plan's initial and latest category are the row's one category.
INSERT INTO plan (id, child_id, template_id, kind, initial_category, latest_category, start_date, end_date,
                  end_reason, lead_worker, team, first_review_due, previous_cp_plans, legacy_ref,
                  legacy_end_reason, batch_id, source_line, episode_id, conference_id, recorded_on,
                  end_recorded_on)
SELECT id, child_id, :template_id, :kind, category, category, start_date, end_date, end_reason, lead_worker,
       team, first_review_due, previous_cp_plans, legacy_ref, legacy_end_reason, :batch_id, source_line, id,
       CASE WHEN :kind = 'child-protection' THEN id END, :recorded_on,
       CASE WHEN end_date IS NOT NULL THEN :recorded_on END
FROM register_plans;

-- name: register_insert_refs
-- Further person ids of children, a batch at a time (store::RowBatch), in the order of their text.
INSERT INTO child_ref (ref, child_id) SELECT ref, child_id FROM register_refs;

-- name: register_insert_warnings
-- The warnings of the rows imported, a batch at a time (store::RowBatch), in the order found.
INSERT INTO import_warning (batch_id, line, ref, field, value, reason)
SELECT :batch_id, line, ref, field, value, reason FROM register_warnings;

-- name: register_batch_plans_of_child
-- This batch's plans of a child (their images change when they are moved or recounted).
SELECT id FROM plan WHERE child_id = ?1 AND batch_id = ?2;
