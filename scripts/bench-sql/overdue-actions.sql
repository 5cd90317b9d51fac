-- The overdue-actions report (schemas/reports/overdue-actions.yaml) written by hand: actions open on
-- :as_of (open, or finished after it) and due before it, of plans open on :as_of.
SELECT 'A' || a.id, 'P' || p.id, 'C' || p.child_id, a.section, a.what, a.owner, a.agency, a.due_date,
       CAST(julianday(:as_of) - julianday(a.due_date) AS INTEGER)
FROM action a JOIN plan p ON p.id = a.plan_id
WHERE p.start_date <= :as_of AND (p.end_date IS NULL OR p.end_date > :as_of)
  AND (a.status = 'open' OR a.completed_date > :as_of) AND a.due_date < :as_of
ORDER BY a.due_date, a.id;
