-- The overdue-actions report (schemas/reports/overdue-actions.yaml) written by hand: actions open on
-- :as_of (open, or finished after it) and due before it, of plans open on :as_of; the child's name,
-- date of birth and NHS number.
-- Known at :known_at: rows entered after it left out, ends and completions entered after it not made.
SELECT 'A' || a.id, 'P' || p.id, 'C' || p.child_id, a.section, a.what, a.owner, a.agency, a.due_date,
       CAST(julianday(:as_of) - julianday(a.due_date) AS INTEGER),
       c.given_names || ' ' || c.family_name, c.date_of_birth, c.nhs_number
FROM action a JOIN plan p ON p.id = a.plan_id JOIN child c ON c.id = p.child_id
WHERE p.start_date <= :as_of AND ifnull(p.recorded_on, '') <= :known_at
  AND (p.end_date IS NULL OR p.end_date > :as_of OR p.end_recorded_on > :known_at)
  AND ifnull(a.recorded_on, '') <= :known_at
  AND (a.status = 'open' OR a.completed_date > :as_of OR a.completed_recorded_on > :known_at) AND a.due_date < :as_of
ORDER BY a.due_date, a.id;
