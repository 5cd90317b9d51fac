-- Named statements behind `icsctl show` and `icsctl log`.

-- name: show_child
SELECT 'C' || c.id AS child_id, c.given_names, c.family_name, c.date_of_birth, c.expected_dob, c.sex,
       c.nhs_number, c.upn, c.ethnicity,
       (SELECT group_concat(ref, ' ') FROM (SELECT ref FROM child_all_refs WHERE child_id = c.id ORDER BY ref)) AS refs,
       CASE WHEN c.batch_id IS NULL THEN NULL ELSE 'B' || c.batch_id END AS import_batch,
       c.source_line, c.disabilities, c.upn_unknown, c.former_upn, c.mother_nhs_number, c.date_of_death,
       CASE WHEN EXISTS (SELECT 1 FROM restricted_child r WHERE r.child_id = c.id) THEN 'yes' ELSE 'no' END
         AS restricted
FROM child c WHERE c.id = :id;

-- name: show_child_plans
SELECT 'P' || p.id AS plan_id, t.name AS template, p.kind, p.latest_category AS category, p.start_date,
       p.end_date, p.end_reason, p.lead_worker
FROM plan p JOIN template_snapshot t ON t.id = p.template_id
WHERE p.child_id = :id ORDER BY p.start_date, p.id;

-- name: show_child_episodes
SELECT 'E' || e.id AS episode_id, e.referral_date, e.referral_source, e.primary_need,
       CASE e.nfa WHEN 1 THEN 'yes' ELSE 'no' END AS nfa, e.closure_date, e.closure_reason, e.made_by
FROM episode e WHERE e.child_id = :id ORDER BY e.referral_date, e.id;

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
       b.file_name AS import_file, p.source_line,
       CASE WHEN p.episode_id IS NULL THEN NULL ELSE 'E' || p.episode_id END AS episode_id,
       CASE WHEN p.conference_id IS NULL THEN NULL ELSE 'I' || p.conference_id END AS conference_id
FROM plan p JOIN child c ON c.id = p.child_id JOIN template_snapshot t ON t.id = p.template_id
LEFT JOIN import_batch b ON b.id = p.batch_id
WHERE p.id = :id;

-- name: show_plan_actions
SELECT 'A' || id AS action_id, section, what, owner, agency, due_date, status, completed_date
FROM action WHERE plan_id = :id ORDER BY due_date, id;

-- name: show_plan_reviews
SELECT 'R' || id AS review_id, kind, review_date, category, outcome, next_review_due, seen, seen_alone
FROM review WHERE plan_id = :id ORDER BY review_date, id;

-- name: show_action
SELECT 'A' || a.id AS action_id, 'P' || a.plan_id AS plan_id, 'C' || p.child_id AS child_id, a.section,
       a.what, a.owner, a.agency, a.due_date, a.status, a.completed_date, a.cancel_reason
FROM action a JOIN plan p ON p.id = a.plan_id WHERE a.id = :id;

-- name: show_review
SELECT 'R' || r.id AS review_id, 'P' || r.plan_id AS plan_id, 'C' || p.child_id AS child_id, r.kind,
       r.review_date, r.category, r.outcome, r.next_review_due, r.seen, r.seen_alone
FROM review r JOIN plan p ON p.id = r.plan_id WHERE r.id = :id;

-- name: show_episode
SELECT 'E' || e.id AS episode_id, 'C' || e.child_id AS child_id, c.given_names || ' ' || c.family_name AS name,
       e.referral_date, e.referral_source, e.primary_need, CASE e.nfa WHEN 1 THEN 'yes' ELSE 'no' END AS nfa,
       e.closure_date, e.closure_reason, e.made_by, e.recorded_on, e.closure_recorded_on,
       CASE WHEN e.batch_id IS NULL THEN NULL ELSE 'B' || e.batch_id END AS import_batch, e.source_line
FROM episode e JOIN child c ON c.id = e.child_id WHERE e.id = :id;

-- name: show_episode_assessments
SELECT 'N' || id AS assessment_id, start_date, completed_date, factors
FROM assessment WHERE episode_id = :id ORDER BY start_date, id;

-- name: show_episode_enquiries
SELECT 'S' || q.id AS enquiry_id, q.start_date, q.conference_target, q.end_date,
       (SELECT 'I' || f.id FROM conference f WHERE f.enquiry_id = q.id ORDER BY f.id LIMIT 1) AS conference_id
FROM enquiry q WHERE q.episode_id = :id ORDER BY q.start_date, q.id;

-- name: show_episode_conferences
SELECT 'I' || f.id AS conference_id, CASE WHEN f.enquiry_id IS NULL THEN NULL ELSE 'S' || f.enquiry_id END AS enquiry_id,
       f.conference_date, f.outcome,
       (SELECT 'P' || p.id FROM plan p WHERE p.conference_id = f.id ORDER BY p.id LIMIT 1) AS plan_id
FROM conference f WHERE f.episode_id = :id ORDER BY f.conference_date, f.id;

-- name: show_episode_plans
SELECT 'P' || p.id AS plan_id, p.kind, p.latest_category AS category, p.start_date, p.end_date, p.end_reason,
       p.lead_worker
FROM plan p WHERE p.episode_id = :id ORDER BY p.start_date, p.id;

-- name: show_assessment
SELECT 'N' || a.id AS assessment_id, 'E' || a.episode_id AS episode_id, 'C' || e.child_id AS child_id,
       a.start_date, a.completed_date, a.factors, a.recorded_on, a.completed_recorded_on,
       CASE WHEN a.batch_id IS NULL THEN NULL ELSE 'B' || a.batch_id END AS import_batch, a.source_line
FROM assessment a JOIN episode e ON e.id = a.episode_id WHERE a.id = :id;

-- name: show_enquiry
SELECT 'S' || q.id AS enquiry_id, 'E' || q.episode_id AS episode_id, 'C' || e.child_id AS child_id,
       q.start_date, q.conference_target, q.end_date,
       (SELECT 'I' || f.id FROM conference f WHERE f.enquiry_id = q.id ORDER BY f.id LIMIT 1) AS conference_id,
       q.recorded_on, q.end_recorded_on,
       CASE WHEN q.batch_id IS NULL THEN NULL ELSE 'B' || q.batch_id END AS import_batch, q.source_line
FROM enquiry q JOIN episode e ON e.id = q.episode_id WHERE q.id = :id;

-- name: show_conference
SELECT 'I' || f.id AS conference_id, 'E' || f.episode_id AS episode_id, 'C' || e.child_id AS child_id,
       CASE WHEN f.enquiry_id IS NULL THEN NULL ELSE 'S' || f.enquiry_id END AS enquiry_id,
       f.conference_date, f.outcome,
       (SELECT 'P' || p.id FROM plan p WHERE p.conference_id = f.id ORDER BY p.id LIMIT 1) AS plan_id,
       f.recorded_on,
       CASE WHEN f.batch_id IS NULL THEN NULL ELSE 'B' || f.batch_id END AS import_batch, f.source_line
FROM conference f JOIN episode e ON e.id = f.episode_id WHERE f.id = :id;

-- name: show_batch
SELECT 'B' || id AS batch_id, kind, file_name, sha256, actor, imported_at, counts
FROM import_batch WHERE id = :id;

-- name: show_batch_warnings
SELECT line, ref, field, value, reason FROM import_warning WHERE batch_id = :id ORDER BY id;

-- name: audit_log
SELECT seq, at, actor, command, entity, before, after FROM audit
WHERE :entity IS NULL OR entity = :entity
ORDER BY seq DESC LIMIT :limit;
