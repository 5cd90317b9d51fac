-- Named statements of bulk import and export (lib/ics/store/bulk.cpp). Parameters are always bound.
-- The export_* statements and the bulk_*_row statements give the same columns: the bulk file columns.

-- name: export_children
SELECT 'C' || c.id AS child_id, c.given_names, c.family_name, c.date_of_birth, c.expected_dob, c.sex,
       c.nhs_number, c.upn, c.ethnicity,
       (SELECT group_concat(ref, ' ') FROM (SELECT ref FROM child_all_refs WHERE child_id = c.id ORDER BY ref)) AS refs,
       c.disabilities, c.upn_unknown, c.former_upn, c.mother_nhs_number, c.date_of_death
FROM child c ORDER BY c.id;

-- name: bulk_child_row
SELECT 'C' || c.id AS child_id, c.given_names, c.family_name, c.date_of_birth, c.expected_dob, c.sex,
       c.nhs_number, c.upn, c.ethnicity,
       (SELECT group_concat(ref, ' ') FROM (SELECT ref FROM child_all_refs WHERE child_id = c.id ORDER BY ref)) AS refs,
       c.disabilities, c.upn_unknown, c.former_upn, c.mother_nhs_number, c.date_of_death
FROM child c WHERE c.id = :id;

-- name: export_plans
SELECT 'P' || p.id AS plan_id, 'C' || p.child_id AS child_id, t.name AS template, t.version AS template_version,
       p.kind, p.initial_category, p.latest_category, p.start_date, p.end_date, p.end_reason, p.lead_worker,
       p.team, p.contingency, p.first_review_due, p.previous_cp_plans, p.legacy_ref,
       'E' || p.episode_id AS episode_id, 'I' || p.conference_id AS conference_id
FROM plan p JOIN template_snapshot t ON t.id = p.template_id ORDER BY p.id;

-- name: bulk_plan_row
SELECT 'P' || p.id AS plan_id, 'C' || p.child_id AS child_id, t.name AS template, t.version AS template_version,
       p.kind, p.initial_category, p.latest_category, p.start_date, p.end_date, p.end_reason, p.lead_worker,
       p.team, p.contingency, p.first_review_due, p.previous_cp_plans, p.legacy_ref,
       'E' || p.episode_id AS episode_id, 'I' || p.conference_id AS conference_id
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
SELECT 'R' || id AS review_id, 'P' || plan_id AS plan_id, kind, review_date, outcome, category, next_review_due,
       seen, seen_alone
FROM review ORDER BY id;

-- name: bulk_review_row
SELECT 'R' || id AS review_id, 'P' || plan_id AS plan_id, kind, review_date, outcome, category, next_review_due,
       seen, seen_alone
FROM review WHERE id = :id;

-- name: export_episodes
SELECT 'E' || id AS episode_id, 'C' || child_id AS child_id, referral_date, referral_source, primary_need,
       CASE WHEN nfa THEN 'yes' ELSE 'no' END AS nfa, closure_date, closure_reason, made_by
FROM episode ORDER BY id;

-- name: bulk_episode_row
SELECT 'E' || id AS episode_id, 'C' || child_id AS child_id, referral_date, referral_source, primary_need,
       CASE WHEN nfa THEN 'yes' ELSE 'no' END AS nfa, closure_date, closure_reason, made_by
FROM episode WHERE id = :id;

-- name: export_assessments
SELECT 'N' || id AS assessment_id, 'E' || episode_id AS episode_id, start_date, completed_date, factors
FROM assessment ORDER BY id;

-- name: bulk_assessment_row
SELECT 'N' || id AS assessment_id, 'E' || episode_id AS episode_id, start_date, completed_date, factors
FROM assessment WHERE id = :id;

-- name: export_enquiries
SELECT 'S' || id AS enquiry_id, 'E' || episode_id AS episode_id, start_date, conference_target, end_date
FROM enquiry ORDER BY id;

-- name: bulk_enquiry_row
SELECT 'S' || id AS enquiry_id, 'E' || episode_id AS episode_id, start_date, conference_target, end_date
FROM enquiry WHERE id = :id;

-- name: export_conferences
SELECT 'I' || id AS conference_id, 'E' || episode_id AS episode_id, 'S' || enquiry_id AS enquiry_id,
       conference_date, outcome
FROM conference ORDER BY id;

-- name: bulk_conference_row
SELECT 'I' || id AS conference_id, 'E' || episode_id AS episode_id, 'S' || enquiry_id AS enquiry_id,
       conference_date, outcome
FROM conference WHERE id = :id;

-- name: bulk_insert_batch
INSERT INTO import_batch (kind, file_name, sha256, actor, imported_at) VALUES (?1, ?2, '', ?3, ?4);

-- name: bulk_finish_batch
UPDATE import_batch SET sha256 = ?2, counts = ?3 WHERE id = ?1;

-- name: bulk_insert_child
INSERT INTO child (id, given_names, family_name, date_of_birth, expected_dob, sex, nhs_number, upn,
                   ethnicity, disabilities, upn_unknown, former_upn, mother_nhs_number, date_of_death,
                   batch_id, source_line, recorded_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17);

-- name: bulk_update_child
UPDATE child SET given_names = ?2, family_name = ?3, date_of_birth = ?4, expected_dob = ?5, sex = ?6,
                 nhs_number = ?7, upn = ?8, ethnicity = ?9, disabilities = ?10, upn_unknown = ?11,
                 former_upn = ?12, mother_nhs_number = ?13, date_of_death = ?14
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
                  batch_id, source_line, episode_id, conference_id, recorded_on, end_recorded_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
        CASE WHEN ?9 IS NOT NULL THEN ?20 END);

-- name: bulk_update_plan
UPDATE plan SET child_id = ?2, template_id = ?3, kind = ?4, initial_category = ?5, latest_category = ?6,
                start_date = ?7, end_date = ?8, end_reason = ?9, lead_worker = ?10, team = ?11,
                contingency = ?12, first_review_due = ?13, previous_cp_plans = ?14, legacy_ref = ?15,
                episode_id = ?16, conference_id = ?17,
                end_recorded_on = CASE WHEN ?9 IS NULL THEN NULL WHEN end_date IS ?9 THEN end_recorded_on ELSE ?18 END
WHERE id = ?1;

-- name: bulk_insert_action
INSERT INTO action (id, plan_id, section, what, owner, agency, due_date, status, completed_date, cancel_reason,
                    recorded_on, completed_recorded_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, CASE WHEN ?9 IS NOT NULL THEN ?11 END);

-- name: bulk_insert_review
INSERT INTO review (id, plan_id, kind, review_date, outcome, category, next_review_due, seen, seen_alone,
                    recorded_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10);

-- name: bulk_update_review
UPDATE review SET plan_id = ?2, kind = ?3, review_date = ?4, outcome = ?5, category = ?6, next_review_due = ?7,
                  seen = ?8, seen_alone = ?9
WHERE id = ?1;

-- name: bulk_update_action
UPDATE action SET plan_id = ?2, section = ?3, what = ?4, owner = ?5, agency = ?6, due_date = ?7, status = ?8,
                  completed_date = ?9, cancel_reason = ?10,
                  completed_recorded_on =
                    CASE WHEN ?9 IS NULL THEN NULL WHEN completed_date IS ?9 THEN completed_recorded_on ELSE ?11 END
WHERE id = ?1;

-- name: bulk_insert_episode
INSERT INTO episode (id, child_id, referral_date, referral_source, primary_need, nfa, closure_date, closure_reason,
                     made_by, batch_id, source_line, recorded_on, closure_recorded_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, CASE WHEN ?7 IS NOT NULL THEN ?12 END);

-- name: bulk_update_episode
UPDATE episode SET child_id = ?2, referral_date = ?3, referral_source = ?4, primary_need = ?5, nfa = ?6,
                   closure_date = ?7, closure_reason = ?8, made_by = ?9,
                   closure_recorded_on =
                     CASE WHEN ?7 IS NULL THEN NULL WHEN closure_date IS ?7 THEN closure_recorded_on ELSE ?10 END
WHERE id = ?1;

-- name: bulk_insert_assessment
INSERT INTO assessment (id, episode_id, start_date, completed_date, factors, batch_id, source_line, recorded_on,
                        completed_recorded_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CASE WHEN ?4 IS NOT NULL THEN ?8 END);

-- name: bulk_update_assessment
UPDATE assessment SET episode_id = ?2, start_date = ?3, completed_date = ?4, factors = ?5,
                      completed_recorded_on =
                        CASE WHEN ?4 IS NULL THEN NULL WHEN completed_date IS ?4 THEN completed_recorded_on ELSE ?6 END
WHERE id = ?1;

-- name: bulk_insert_enquiry
INSERT INTO enquiry (id, episode_id, start_date, conference_target, end_date, batch_id, source_line, recorded_on,
                     end_recorded_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CASE WHEN ?5 IS NOT NULL THEN ?8 END);

-- name: bulk_update_enquiry
UPDATE enquiry SET episode_id = ?2, start_date = ?3, conference_target = ?4, end_date = ?5,
                   end_recorded_on = CASE WHEN ?5 IS NULL THEN NULL WHEN end_date IS ?5 THEN end_recorded_on ELSE ?6 END
WHERE id = ?1;

-- name: bulk_insert_conference
INSERT INTO conference (id, episode_id, enquiry_id, conference_date, outcome, batch_id, source_line, recorded_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);

-- name: bulk_update_conference
UPDATE conference SET episode_id = ?2, enquiry_id = ?3, conference_date = ?4, outcome = ?5
WHERE id = ?1;
