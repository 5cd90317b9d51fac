-- Named statements of bulk import and export (lib/ics/store/bulk.cpp). Parameters are always bound.
-- The export_* statements and the bulk_*_row statements give the same columns: the bulk file columns.

-- name: export_children
SELECT 'C' || c.id AS child_id, c.given_names, c.family_name, c.date_of_birth, c.expected_dob, c.sex,
       c.nhs_number, c.upn, c.ethnicity,
       (SELECT group_concat(ref, ' ') FROM (SELECT ref FROM child_all_refs WHERE child_id = c.id ORDER BY ref)) AS refs
FROM child c ORDER BY c.id;

-- name: bulk_child_row
SELECT 'C' || c.id AS child_id, c.given_names, c.family_name, c.date_of_birth, c.expected_dob, c.sex,
       c.nhs_number, c.upn, c.ethnicity,
       (SELECT group_concat(ref, ' ') FROM (SELECT ref FROM child_all_refs WHERE child_id = c.id ORDER BY ref)) AS refs
FROM child c WHERE c.id = :id;

-- name: export_plans
SELECT 'P' || p.id AS plan_id, 'C' || p.child_id AS child_id, t.name AS template, t.version AS template_version,
       p.kind, p.initial_category, p.latest_category, p.start_date, p.end_date, p.end_reason, p.lead_worker,
       p.team, p.contingency, p.first_review_due, p.previous_cp_plans, p.legacy_ref
FROM plan p JOIN template_snapshot t ON t.id = p.template_id ORDER BY p.id;

-- name: bulk_plan_row
SELECT 'P' || p.id AS plan_id, 'C' || p.child_id AS child_id, t.name AS template, t.version AS template_version,
       p.kind, p.initial_category, p.latest_category, p.start_date, p.end_date, p.end_reason, p.lead_worker,
       p.team, p.contingency, p.first_review_due, p.previous_cp_plans, p.legacy_ref
FROM plan p JOIN template_snapshot t ON t.id = p.template_id WHERE p.id = :id;

-- name: export_actions
SELECT 'A' || id AS action_id, 'P' || plan_id AS plan_id, section, what, owner, agency, due_date, status,
       completed_date, cancel_reason
FROM action ORDER BY id;

-- name: bulk_action_row
SELECT 'A' || id AS action_id, 'P' || plan_id AS plan_id, section, what, owner, agency, due_date, status,
       completed_date, cancel_reason
FROM action WHERE id = :id;

-- name: export_reviews
SELECT 'R' || id AS review_id, 'P' || plan_id AS plan_id, kind, review_date, outcome, category, next_review_due
FROM review ORDER BY id;

-- name: bulk_review_row
SELECT 'R' || id AS review_id, 'P' || plan_id AS plan_id, kind, review_date, outcome, category, next_review_due
FROM review WHERE id = :id;

-- name: bulk_insert_batch
INSERT INTO import_batch (kind, file_name, sha256, actor, imported_at) VALUES (?1, ?2, '', ?3, ?4);

-- name: bulk_finish_batch
UPDATE import_batch SET sha256 = ?2, counts = ?3 WHERE id = ?1;

-- name: bulk_insert_child
INSERT INTO child (id, given_names, family_name, date_of_birth, expected_dob, sex, nhs_number, upn,
                   ethnicity, batch_id, source_line)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11);

-- name: bulk_update_child
UPDATE child SET given_names = ?2, family_name = ?3, date_of_birth = ?4, expected_dob = ?5, sex = ?6,
                 nhs_number = ?7, upn = ?8, ethnicity = ?9
WHERE id = ?1;

-- name: bulk_delete_child_refs
DELETE FROM child_ref WHERE child_id = ?1;

-- name: bulk_clear_child_legacy_id
UPDATE child SET legacy_id = NULL WHERE id = ?1;

-- name: bulk_plan_by_legacy_ref
SELECT id FROM plan WHERE legacy_ref = ?1;


-- name: bulk_snapshot_by_name_version
SELECT id, body FROM template_snapshot WHERE name = ?1 AND version = ?2 ORDER BY id DESC LIMIT 1;

-- name: bulk_insert_plan
INSERT INTO plan (id, child_id, template_id, kind, initial_category, latest_category, start_date, end_date,
                  end_reason, lead_worker, team, contingency, first_review_due, previous_cp_plans, legacy_ref,
                  batch_id, source_line)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17);

-- name: bulk_update_plan
UPDATE plan SET child_id = ?2, template_id = ?3, kind = ?4, initial_category = ?5, latest_category = ?6,
                start_date = ?7, end_date = ?8, end_reason = ?9, lead_worker = ?10, team = ?11,
                contingency = ?12, first_review_due = ?13, previous_cp_plans = ?14, legacy_ref = ?15
WHERE id = ?1;

-- name: bulk_insert_action
INSERT INTO action (id, plan_id, section, what, owner, agency, due_date, status, completed_date, cancel_reason)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10);

-- name: bulk_insert_review
INSERT INTO review (id, plan_id, kind, review_date, outcome, category, next_review_due)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);

-- name: bulk_update_review
UPDATE review SET plan_id = ?2, kind = ?3, review_date = ?4, outcome = ?5, category = ?6, next_review_due = ?7
WHERE id = ?1;

-- name: bulk_update_action
UPDATE action SET plan_id = ?2, section = ?3, what = ?4, owner = ?5, agency = ?6, due_date = ?7, status = ?8,
                  completed_date = ?9, cancel_reason = ?10
WHERE id = ?1;
