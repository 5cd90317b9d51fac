-- The chronology report (schemas/reports/chronology.yaml) written by hand: the dated events of child
-- :child up to :as_of, ordered by day, then kind (birth, referral, assessment start and completion,
-- enquiry start and end, conference, plan start, reviews by kind, action due, done, cancelled, plan
-- end, episode closed), then id. An action falls due only if it was still open that day.
-- Known at :known_at: rows entered after it left out, ends and completions entered after it not made.
SELECT date, kind, id, summary FROM (
  SELECT date_of_birth AS date, 'birth' AS kind, 0 AS rank, id AS num, 'C' || id AS id, 'born' AS summary
  FROM child WHERE id = :child AND date_of_birth <= :as_of AND ifnull(recorded_on, '') <= :known_at
  UNION ALL
  SELECT referral_date, 'referral', 1, id, 'E' || id,
         CASE WHEN made_by IS NULL
              THEN 'referral from ' || coalesce(referral_source, 'an unknown source')
                   || CASE WHEN nfa = 1 THEN ': no further action'
                           ELSE coalesce('; primary need ' || primary_need, '') END
              ELSE 'episode opened by ' || made_by || ' (source and need not known)' END
  FROM episode WHERE child_id = :child AND referral_date <= :as_of AND recorded_on <= :known_at
  UNION ALL
  SELECT a.start_date, 'assessment-start', 2, a.id, 'N' || a.id, 'assessment started (E' || e.id || ')'
  FROM episode e JOIN assessment a ON a.episode_id = e.id
  WHERE e.child_id = :child AND e.referral_date <= :as_of AND e.recorded_on <= :known_at
    AND a.start_date <= :as_of AND a.recorded_on <= :known_at
  UNION ALL
  SELECT a.completed_date, 'assessment-completed', 3, a.id, 'N' || a.id,
         'assessment completed (E' || e.id || '): '
           || CASE a.factors WHEN '21' THEN 'no factors' ELSE 'factors ' || a.factors END
  FROM episode e JOIN assessment a ON a.episode_id = e.id
  WHERE e.child_id = :child AND e.referral_date <= :as_of AND e.recorded_on <= :known_at
    AND a.completed_date <= :as_of AND a.completed_recorded_on <= :known_at
  UNION ALL
  SELECT q.start_date, 'enquiry-start', 4, q.id, 'S' || q.id,
         'section 47 enquiry started (E' || e.id || '); conference due ' || q.conference_target
  FROM episode e JOIN enquiry q ON q.episode_id = e.id
  WHERE e.child_id = :child AND e.referral_date <= :as_of AND e.recorded_on <= :known_at
    AND q.start_date <= :as_of AND q.recorded_on <= :known_at
  UNION ALL
  SELECT q.end_date, 'enquiry-end', 5, q.id, 'S' || q.id,
         'section 47 enquiry ended with no conference needed (E' || e.id || ')'
  FROM episode e JOIN enquiry q ON q.episode_id = e.id
  WHERE e.child_id = :child AND e.referral_date <= :as_of AND e.recorded_on <= :known_at
    AND q.end_date <= :as_of AND q.end_recorded_on <= :known_at
  UNION ALL
  SELECT f.conference_date, 'conference', 6, f.id, 'I' || f.id,
         CASE WHEN f.enquiry_id IS NULL THEN 'transfer-in conference' ELSE 'initial conference' END
           || ' (E' || e.id || coalesce(', S' || f.enquiry_id, '') || '): '
           || CASE WHEN f.outcome = 'plan' THEN 'child protection plan' ELSE 'no plan' END
           || coalesce(' P' || (SELECT min(p.id) FROM plan p WHERE p.conference_id = f.id), '')
  FROM episode e JOIN conference f ON f.episode_id = e.id
  WHERE e.child_id = :child AND e.referral_date <= :as_of AND e.recorded_on <= :known_at
    AND f.conference_date <= :as_of AND f.recorded_on <= :known_at
  UNION ALL
  SELECT start_date, 'plan-start', 7, id, 'P' || id,
         kind || ' plan started' || coalesce(' (' || initial_category || ')', '')
  FROM plan WHERE child_id = :child AND start_date <= :as_of AND ifnull(recorded_on, '') <= :known_at
  UNION ALL
  SELECT r.review_date, r.kind,
         CASE r.kind WHEN 'initial-conference' THEN 8 WHEN 'review-conference' THEN 9
                     WHEN 'core-group' THEN 10 WHEN 'visit' THEN 11 ELSE 12 END,
         r.id, 'R' || r.id,
         replace(r.kind, '-', ' ') || ' (P' || p.id || ')' || coalesce(': ' || r.outcome, '')
           || coalesce('; category ' || r.category, '') || coalesce('; next review due ' || r.next_review_due, '')
  FROM review r JOIN plan p ON p.id = r.plan_id
  WHERE p.child_id = :child AND p.start_date <= :as_of AND ifnull(p.recorded_on, '') <= :known_at
    AND r.review_date <= :as_of AND ifnull(r.recorded_on, '') <= :known_at
  UNION ALL
  SELECT a.due_date, 'action-due', 13, a.id, 'A' || a.id, 'due: ' || a.what || ' (' || a.agency || ')'
  FROM action a JOIN plan p ON p.id = a.plan_id
  WHERE p.child_id = :child AND p.start_date <= :as_of AND ifnull(p.recorded_on, '') <= :known_at
    AND a.due_date <= :as_of AND ifnull(a.recorded_on, '') <= :known_at
    AND (a.completed_date IS NULL OR a.completed_date >= a.due_date OR a.completed_recorded_on > :known_at)
  UNION ALL
  SELECT a.completed_date, 'action-' || CASE a.status WHEN 'done' THEN 'done' ELSE 'cancelled' END,
         CASE a.status WHEN 'done' THEN 14 ELSE 15 END, a.id, 'A' || a.id,
         CASE a.status WHEN 'done' THEN 'done: ' || a.what
              ELSE 'cancelled: ' || a.what || coalesce(' (' || a.cancel_reason || ')', '') END
  FROM action a JOIN plan p ON p.id = a.plan_id
  WHERE p.child_id = :child AND p.start_date <= :as_of AND ifnull(p.recorded_on, '') <= :known_at
    AND a.status IN ('done', 'cancelled') AND a.completed_date <= :as_of
    AND ifnull(a.recorded_on, '') <= :known_at AND ifnull(a.completed_recorded_on, '') <= :known_at
  UNION ALL
  SELECT end_date, 'plan-end', 16, id, 'P' || id, kind || ' plan ended' || coalesce(' (' || end_reason || ')', '')
  FROM plan WHERE child_id = :child AND start_date <= :as_of AND ifnull(recorded_on, '') <= :known_at
    AND end_date <= :as_of AND ifnull(end_recorded_on, '') <= :known_at
  UNION ALL
  SELECT closure_date, 'episode-closed', 17, id, 'E' || id,
         'episode closed' || coalesce(' (' || closure_reason || ')', '')
  FROM episode WHERE child_id = :child AND referral_date <= :as_of AND recorded_on <= :known_at
    AND closure_date <= :as_of AND ifnull(closure_recorded_on, '') <= :known_at
)
ORDER BY date, rank, num;
