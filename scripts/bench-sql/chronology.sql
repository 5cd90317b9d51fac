-- The chronology report (schemas/reports/chronology.yaml) written by hand: the dated events of child
-- :child up to :as_of, ordered by day, then kind (birth, plan start, reviews by kind, action due,
-- done, cancelled, plan end), then id. An action falls due only if it was still open that day.
-- Known at :known_at: rows entered after it left out, ends and completions entered after it not made.
SELECT date, kind, id, summary FROM (
  SELECT date_of_birth AS date, 'birth' AS kind, 0 AS rank, id AS num, 'C' || id AS id, 'born' AS summary
  FROM child WHERE id = :child AND date_of_birth <= :as_of AND ifnull(recorded_on, '') <= :known_at
  UNION ALL
  SELECT start_date, 'plan-start', 1, id, 'P' || id,
         kind || ' plan started' || coalesce(' (' || initial_category || ')', '')
  FROM plan WHERE child_id = :child AND start_date <= :as_of AND ifnull(recorded_on, '') <= :known_at
  UNION ALL
  SELECT r.review_date, r.kind,
         CASE r.kind WHEN 'initial-conference' THEN 2 WHEN 'review-conference' THEN 3
                     WHEN 'core-group' THEN 4 WHEN 'visit' THEN 5 ELSE 6 END,
         r.id, 'R' || r.id,
         replace(r.kind, '-', ' ') || ' (P' || p.id || ')' || coalesce(': ' || r.outcome, '')
           || coalesce('; category ' || r.category, '') || coalesce('; next review due ' || r.next_review_due, '')
  FROM review r JOIN plan p ON p.id = r.plan_id
  WHERE p.child_id = :child AND p.start_date <= :as_of AND ifnull(p.recorded_on, '') <= :known_at
    AND r.review_date <= :as_of AND ifnull(r.recorded_on, '') <= :known_at
  UNION ALL
  SELECT a.due_date, 'action-due', 7, a.id, 'A' || a.id, 'due: ' || a.what || ' (' || a.agency || ')'
  FROM action a JOIN plan p ON p.id = a.plan_id
  WHERE p.child_id = :child AND p.start_date <= :as_of AND ifnull(p.recorded_on, '') <= :known_at
    AND a.due_date <= :as_of AND ifnull(a.recorded_on, '') <= :known_at
    AND (a.completed_date IS NULL OR a.completed_date >= a.due_date OR a.completed_recorded_on > :known_at)
  UNION ALL
  SELECT a.completed_date, 'action-' || CASE a.status WHEN 'done' THEN 'done' ELSE 'cancelled' END,
         CASE a.status WHEN 'done' THEN 8 ELSE 9 END, a.id, 'A' || a.id,
         CASE a.status WHEN 'done' THEN 'done: ' || a.what
              ELSE 'cancelled: ' || a.what || coalesce(' (' || a.cancel_reason || ')', '') END
  FROM action a JOIN plan p ON p.id = a.plan_id
  WHERE p.child_id = :child AND p.start_date <= :as_of AND ifnull(p.recorded_on, '') <= :known_at
    AND a.status IN ('done', 'cancelled') AND a.completed_date <= :as_of
    AND ifnull(a.recorded_on, '') <= :known_at AND ifnull(a.completed_recorded_on, '') <= :known_at
  UNION ALL
  SELECT end_date, 'plan-end', 10, id, 'P' || id, kind || ' plan ended' || coalesce(' (' || end_reason || ')', '')
  FROM plan WHERE child_id = :child AND start_date <= :as_of AND ifnull(recorded_on, '') <= :known_at
    AND end_date <= :as_of AND ifnull(end_recorded_on, '') <= :known_at
)
ORDER BY date, rank, num;
