-- Named statements of lib/store for episodes of need, assessments, section 47 enquiries and initial
-- conferences (store/episodes.hpp). Parameters are always bound, never built into the text.

-- name: insert_episode
INSERT INTO episode (child_id, referral_date, referral_source, primary_need, nfa, closure_date,
                     closure_reason, made_by, recorded_on, closure_recorded_on, batch_id, source_line)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CASE WHEN ?6 IS NOT NULL THEN ?9 END, ?10, ?11);

-- name: episode_by_id
SELECT id, child_id, referral_date, referral_source, primary_need, nfa, closure_date, closure_reason,
       made_by
FROM episode WHERE id = ?1;

-- name: episodes_of_child
SELECT id FROM episode WHERE child_id = ?1 ORDER BY referral_date, id;

-- name: open_episode_of_child
-- The child's latest open episode that is not no-further-action.
SELECT id FROM episode WHERE child_id = ?1 AND closure_date IS NULL AND nfa = 0
ORDER BY referral_date DESC, id DESC LIMIT 1;

-- name: overlapping_episode
-- An episode of the child (?1), other than ?2, that meets one referred on ?3 whose days run up to ?4
-- (not included): the two share a referral date, or either's referral falls within the other's days.
-- An episode's days run from its referral up to its closure; an open one's to no end (?4 is then
-- '9999-12-31'), unless it is no-further-action (no days after its referral).
SELECT id FROM (
  SELECT id, referral_date AS referral,
         coalesce(closure_date, CASE WHEN nfa = 1 THEN referral_date ELSE '9999-12-31' END) AS until
  FROM episode WHERE child_id = ?1 AND id IS DISTINCT FROM ?2)
WHERE referral = ?3 OR (referral > ?3 AND referral < ?4) OR (?3 > referral AND ?3 < until)
ORDER BY referral LIMIT 1;

-- name: close_episode
UPDATE episode SET closure_date = ?2, closure_reason = ?3, closure_recorded_on = ?4 WHERE id = ?1;

-- name: insert_assessment
INSERT INTO assessment (episode_id, start_date, completed_date, factors, recorded_on,
                        completed_recorded_on, batch_id, source_line)
VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?3 IS NOT NULL THEN ?5 END, ?6, ?7);

-- name: assessment_by_id
SELECT id, episode_id, start_date, completed_date, factors FROM assessment WHERE id = ?1;

-- name: assessments_of_episode
SELECT id, episode_id, start_date, completed_date, factors FROM assessment WHERE episode_id = ?1
ORDER BY start_date, id;

-- name: complete_assessment
UPDATE assessment SET completed_date = ?2, factors = ?3, completed_recorded_on = ?4 WHERE id = ?1;

-- name: insert_enquiry
INSERT INTO enquiry (episode_id, start_date, conference_target, end_date, recorded_on, end_recorded_on,
                     batch_id, source_line)
VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?4 IS NOT NULL THEN ?5 END, ?6, ?7);

-- name: enquiry_by_id
SELECT id, episode_id, start_date, conference_target, end_date,
       (SELECT min(c.conference_date) FROM conference c WHERE c.enquiry_id = enquiry.id)
FROM enquiry WHERE id = ?1;

-- name: enquiries_of_episode
SELECT id, episode_id, start_date, conference_target, end_date,
       (SELECT min(c.conference_date) FROM conference c WHERE c.enquiry_id = enquiry.id)
FROM enquiry WHERE episode_id = ?1 ORDER BY start_date, id;

-- name: end_enquiry
UPDATE enquiry SET end_date = ?2, end_recorded_on = ?3 WHERE id = ?1;

-- name: insert_conference
INSERT INTO conference (episode_id, enquiry_id, conference_date, outcome, recorded_on, batch_id,
                        source_line)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);

-- name: conference_by_id
SELECT id, episode_id, enquiry_id, conference_date, outcome FROM conference WHERE id = ?1;

-- name: conferences_of_episode
SELECT id, episode_id, enquiry_id, conference_date, outcome FROM conference WHERE episode_id = ?1
ORDER BY conference_date, id;

-- name: plans_of_episode
SELECT id FROM plan WHERE episode_id = ?1 ORDER BY start_date, id;

-- name: latest_cp_plan_end
SELECT max(end_date) FROM plan WHERE child_id = ?1 AND kind = 'child-protection';
