-- Named statements of a child's death (store/children.cpp; record/children.hpp record_death).

-- name: set_child_death
UPDATE child SET date_of_death = ?2 WHERE id = ?1;

-- name: child_death
SELECT date_of_death FROM child WHERE id = ?1;

-- name: open_plans_of_child
SELECT id FROM plan WHERE child_id = ?1 AND end_date IS NULL ORDER BY start_date, id;

-- name: child_record_after
-- The child's (?1) latest dated record after ?2: what a death on ?2 would contradict (census 4008,
-- 4009Q, 8555Q, 8915, 8920). Every date the child's records carry: a plan's start and end, a review,
-- an action done (a cancellation is
-- not an event of the child's life), an episode's referral and closure, an assessment's start
-- and completion, an enquiry's start and end, a conference.
SELECT record, what, on_date FROM (
  SELECT 'plan P' || id AS record, 'started' AS what, start_date AS on_date
    FROM plan WHERE child_id = ?1 AND start_date > ?2
  UNION ALL
  SELECT 'plan P' || id, 'ended', end_date FROM plan WHERE child_id = ?1 AND end_date > ?2
  UNION ALL
  SELECT 'review R' || r.id, 'was held', r.review_date
    FROM review r JOIN plan p ON p.id = r.plan_id WHERE p.child_id = ?1 AND r.review_date > ?2
  UNION ALL
  SELECT 'action A' || a.id, 'was done', a.completed_date
    FROM action a JOIN plan p ON p.id = a.plan_id
   WHERE p.child_id = ?1 AND a.status = 'done' AND a.completed_date > ?2
  UNION ALL
  SELECT 'episode E' || id, 'was referred', referral_date FROM episode WHERE child_id = ?1 AND referral_date > ?2
  UNION ALL
  SELECT 'episode E' || id, 'closed', closure_date FROM episode WHERE child_id = ?1 AND closure_date > ?2
  UNION ALL
  SELECT 'assessment N' || a.id, 'started', a.start_date
    FROM assessment a JOIN episode e ON e.id = a.episode_id WHERE e.child_id = ?1 AND a.start_date > ?2
  UNION ALL
  SELECT 'assessment N' || a.id, 'was completed', a.completed_date
    FROM assessment a JOIN episode e ON e.id = a.episode_id WHERE e.child_id = ?1 AND a.completed_date > ?2
  UNION ALL
  SELECT 'enquiry S' || q.id, 'started', q.start_date
    FROM enquiry q JOIN episode e ON e.id = q.episode_id WHERE e.child_id = ?1 AND q.start_date > ?2
  UNION ALL
  SELECT 'enquiry S' || q.id, 'ended', q.end_date
    FROM enquiry q JOIN episode e ON e.id = q.episode_id WHERE e.child_id = ?1 AND q.end_date > ?2
  UNION ALL
  SELECT 'conference I' || f.id, 'was held', f.conference_date
    FROM conference f JOIN episode e ON e.id = f.episode_id WHERE e.child_id = ?1 AND f.conference_date > ?2
)
ORDER BY on_date DESC, record
LIMIT 1;

-- name: child_ethnicities
-- Each ethnicity the children hold, with how many hold it and the first of them (db check).
SELECT ethnicity, count(*), min(id) FROM child WHERE ethnicity IS NOT NULL GROUP BY ethnicity ORDER BY ethnicity;
