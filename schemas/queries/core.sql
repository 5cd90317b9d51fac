-- Named statements of lib/store. Parameters are always bound, never built into the text.

-- name: read_begin
BEGIN;

-- name: read_end
COMMIT;

-- name: savepoint_begin
SAVEPOINT part;

-- name: savepoint_rollback
ROLLBACK TO SAVEPOINT part;

-- name: savepoint_release
RELEASE SAVEPOINT part;

-- name: insert_audit
INSERT INTO audit (at, actor, command, entity, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6);

-- name: insert_child
INSERT INTO child (given_names, family_name, date_of_birth, expected_dob, sex, nhs_number, upn,
                   ethnicity, disabilities, upn_unknown, former_upn, mother_nhs_number, date_of_death,
                   batch_id, source_line, legacy_id, recorded_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17);

-- name: insert_child_ref
INSERT INTO child_ref (ref, child_id) VALUES (?1, ?2);

-- name: child_by_id
SELECT id, given_names, family_name, date_of_birth, expected_dob, sex, nhs_number, upn, ethnicity,
       disabilities, upn_unknown, former_upn, mother_nhs_number, date_of_death
FROM child WHERE id = ?1;

-- name: child_refs
SELECT ref FROM child_all_refs WHERE child_id = ?1 ORDER BY ref;

-- name: child_id_by_nhs
SELECT id FROM child WHERE nhs_number = ?1;

-- name: child_id_by_upn
SELECT id FROM child WHERE upn = ?1;

-- name: child_id_by_ref
SELECT child_id FROM child_all_refs WHERE ref = ?1
UNION ALL
SELECT child_id FROM plan WHERE legacy_ref = ?1
LIMIT 1;

-- name: template_snapshot_by_hash
SELECT id FROM template_snapshot WHERE hash = ?1;

-- name: insert_template_snapshot
INSERT INTO template_snapshot (name, version, hash, body) VALUES (?1, ?2, ?3, ?4);

-- name: template_body_of_plan
SELECT t.body FROM plan p JOIN template_snapshot t ON t.id = p.template_id WHERE p.id = ?1;

-- name: insert_plan
INSERT INTO plan (child_id, template_id, kind, initial_category, latest_category, start_date,
                  end_date, end_reason, lead_worker, team, contingency, first_review_due,
                  previous_cp_plans, legacy_ref, legacy_end_reason, batch_id, source_line, episode_id,
                  conference_id, recorded_on, end_recorded_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
        CASE WHEN ?7 IS NOT NULL THEN ?20 END);

-- name: plan_by_id
SELECT p.id, p.child_id, t.name, t.version, t.hash, p.kind, p.initial_category, p.latest_category,
       p.start_date, p.end_date, p.end_reason, p.lead_worker, p.team, p.contingency,
       p.first_review_due, p.previous_cp_plans,
       (SELECT r.next_review_due FROM review r
         WHERE r.plan_id = p.id AND r.kind = 'review-conference'
         ORDER BY r.review_date DESC, r.id DESC LIMIT 1),
       p.episode_id, p.conference_id
FROM plan p JOIN template_snapshot t ON t.id = p.template_id WHERE p.id = ?1;

-- name: overlapping_plan
-- A plan of the child (?1) and kind (?2), other than ?3, whose days [start_date, end_date) meet those
-- of a plan from ?4 to ?5 (a NULL end date: no end).
SELECT id FROM plan
WHERE child_id = ?1 AND kind = ?2 AND id IS DISTINCT FROM ?3 AND (end_date IS NULL OR end_date > ?4)
  AND (?5 IS NULL OR start_date < ?5)
ORDER BY start_date LIMIT 1;

-- name: count_plans_of_kind
SELECT count(*) FROM plan WHERE child_id = ?1 AND kind = ?2;

-- name: latest_review_category
SELECT category FROM review WHERE plan_id = ?1 AND category IS NOT NULL
ORDER BY review_date DESC, id DESC LIMIT 1;

-- name: last_review_of_plan
SELECT max(review_date) FROM review WHERE plan_id = ?1;

-- name: update_plan_category
UPDATE plan SET latest_category = ?2 WHERE id = ?1;

-- name: close_plan
UPDATE plan SET end_date = ?2, end_reason = ?3, end_recorded_on = ?4 WHERE id = ?1;

-- name: insert_action
INSERT INTO action (plan_id, section, what, owner, agency, due_date, status, recorded_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7);

-- name: action_by_id
SELECT id, plan_id, section, what, owner, agency, due_date, status, completed_date, cancel_reason
FROM action WHERE id = ?1;

-- name: finish_action
UPDATE action SET status = ?2, completed_date = ?3, cancel_reason = ?4, completed_recorded_on = ?5
WHERE id = ?1;

-- name: open_actions_of_plan
SELECT id FROM action WHERE plan_id = ?1 AND status = 'open' ORDER BY id;

-- name: insert_review
INSERT INTO review (plan_id, kind, review_date, outcome, category, next_review_due, seen, seen_alone,
                    recorded_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);

-- name: review_by_id
SELECT id, plan_id, kind, review_date, outcome, category, next_review_due, seen, seen_alone
FROM review WHERE id = ?1;

-- name: action_agencies
-- Each agency of the actions, with how many hold it and the first of them.
SELECT agency, count(*), min(id) FROM action GROUP BY agency ORDER BY agency;

-- name: indexes_of_table
-- The indexes declared with CREATE INDEX on a table (automatic ones have no SQL), by name.
SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name;
