-- The caseload report (schemas/reports/caseload.yaml) written by hand: per lead worker and team, the
-- plans open on :as_of, their actions open on :as_of and those of them due before it.
SELECT p.lead_worker, p.team, count(DISTINCT p.id), count(a.id), count(CASE WHEN a.due_date < :as_of THEN 1 END)
FROM plan p
LEFT JOIN action a ON a.plan_id = p.id AND (a.status = 'open' OR a.completed_date > :as_of)
WHERE p.start_date <= :as_of AND (p.end_date IS NULL OR p.end_date > :as_of)
GROUP BY p.lead_worker, p.team
ORDER BY p.lead_worker, p.team;
