-- Named statements behind `icsctl show` and `icsctl log`.

-- name: show_child
SELECT 'C' || c.id AS child_id, c.given_names, c.family_name, c.date_of_birth, c.expected_dob, c.sex,
       c.nhs_number, c.upn, c.ethnicity,
       (SELECT group_concat(ref, ' ') FROM (SELECT ref FROM child_all_refs WHERE child_id = c.id ORDER BY ref)) AS refs,
       CASE WHEN c.batch_id IS NULL THEN NULL ELSE 'B' || c.batch_id END AS import_batch,
       c.source_line
FROM child c WHERE c.id = :id;

-- name: show_child_plans
SELECT 'P' || p.id AS plan_id, t.name AS template, p.kind, p.latest_category AS category, p.start_date,
       p.end_date, p.end_reason, p.lead_worker
FROM plan p JOIN template_snapshot t ON t.id = p.template_id
WHERE p.child_id = :id ORDER BY p.start_date, p.id;

-- name: show_plan
SELECT 'P' || p.id AS plan_id, 'C' || p.child_id AS child_id, c.given_names || ' ' || c.family_name AS name,
       t.name AS template, t.version AS template_version, t.hash AS template_hash, p.kind,
       p.initial_category, p.latest_category, p.start_date, p.end_date, p.end_reason, p.lead_worker, p.team,
       p.contingency, p.first_review_due,
       coalesce((SELECT r.next_review_due FROM review r
                  WHERE r.plan_id = p.id AND r.kind = 'review-conference'
                  ORDER BY r.review_date DESC, r.id DESC LIMIT 1), p.first_review_due) AS next_review_due,
       p.previous_cp_plans, p.legacy_ref, p.legacy_end_reason,
       CASE WHEN p.batch_id IS NULL THEN NULL ELSE 'B' || p.batch_id END AS import_batch,
       b.file_name AS import_file, p.source_line
FROM plan p JOIN child c ON c.id = p.child_id JOIN template_snapshot t ON t.id = p.template_id
LEFT JOIN import_batch b ON b.id = p.batch_id
WHERE p.id = :id;

-- name: show_plan_actions
SELECT 'A' || id AS action_id, section, what, owner, agency, due_date, status, completed_date
FROM action WHERE plan_id = :id ORDER BY due_date, id;

-- name: show_plan_reviews
SELECT 'R' || id AS review_id, kind, review_date, category, outcome, next_review_due
FROM review WHERE plan_id = :id ORDER BY review_date, id;

-- name: show_action
SELECT 'A' || a.id AS action_id, 'P' || a.plan_id AS plan_id, 'C' || p.child_id AS child_id, a.section,
       a.what, a.owner, a.agency, a.due_date, a.status, a.completed_date, a.cancel_reason
FROM action a JOIN plan p ON p.id = a.plan_id WHERE a.id = :id;

-- name: show_review
SELECT 'R' || r.id AS review_id, 'P' || r.plan_id AS plan_id, 'C' || p.child_id AS child_id, r.kind,
       r.review_date, r.category, r.outcome, r.next_review_due
FROM review r JOIN plan p ON p.id = r.plan_id WHERE r.id = :id;

-- name: show_batch
SELECT 'B' || id AS batch_id, kind, file_name, sha256, actor, imported_at, counts
FROM import_batch WHERE id = :id;

-- name: audit_log
SELECT seq, at, actor, command, entity, before, after FROM audit
WHERE :entity IS NULL OR entity = :entity
ORDER BY seq DESC LIMIT :limit;
