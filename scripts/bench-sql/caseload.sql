-- The caseload report (schemas/reports/caseload.yaml) written by hand: per lead worker and team, the
-- plans open on :as_of, their actions open on :as_of and those of them due before it.
-- Known at :known_at: rows entered after it left out, ends and completions entered after it not made.
SELECT p.lead_worker, p.team, count(DISTINCT p.id), count(a.id), count(CASE WHEN a.due_date < :as_of THEN 1 END)
FROM plan p
LEFT JOIN action a ON a.plan_id = p.id AND ifnull(a.recorded_on, '') <= :known_at
  AND (a.status = 'open' OR a.completed_date > :as_of OR a.completed_recorded_on > :known_at)
WHERE p.start_date <= :as_of AND ifnull(p.recorded_on, '') <= :known_at
  AND (p.end_date IS NULL OR p.end_date > :as_of OR p.end_recorded_on > :known_at)
GROUP BY p.lead_worker, p.team
ORDER BY p.lead_worker, p.team;
