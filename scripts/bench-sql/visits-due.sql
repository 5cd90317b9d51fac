-- The visits-due report (schemas/reports/visits-due.yaml) written by hand, known at :known_at:
-- child protection plans open on :as_of, the latest visit, and the next visit due 10 working days
-- after the latest one that saw the child (else the plan's start), by the working_day table.
WITH v AS MATERIALIZED (
  SELECT p.id, p.child_id, p.lead_worker, p.team,
         (SELECT id FROM review WHERE plan_id = p.id AND kind = 'visit' AND review_date <= :as_of
            AND ifnull(recorded_on, '') <= :known_at ORDER BY review_date DESC, id DESC LIMIT 1) AS last_id,
         (SELECT day FROM working_day WHERE n = 10 + (SELECT n FROM working_day WHERE day <= coalesce(
            (SELECT review_date FROM review WHERE plan_id = p.id AND kind = 'visit' AND review_date <= :as_of
               AND ifnull(recorded_on, '') <= :known_at AND seen IS NOT 'no' ORDER BY review_date DESC, id DESC LIMIT 1), p.start_date)
          ORDER BY day DESC LIMIT 1)) AS due
  FROM plan p
  WHERE (p.end_date IS NULL OR p.end_date > :as_of OR p.end_recorded_on > :known_at) AND p.start_date <= :as_of
    AND p.kind = 'child-protection' AND ifnull(p.recorded_on, '') <= :known_at
)
SELECT 'P' || v.id, 'C' || c.id, c.given_names || ' ' || c.family_name, v.lead_worker, v.team,
       r.review_date, r.seen, r.seen_alone, v.due, CAST(julianday(v.due) - julianday(:as_of) AS INTEGER),
       CASE WHEN v.due < :as_of THEN 'overdue'
            WHEN julianday(v.due) - julianday(:as_of) <= 5 THEN 'due-soon' ELSE 'ok' END,
       c.date_of_birth, c.nhs_number
FROM v JOIN child c ON c.id = v.child_id LEFT JOIN review r ON r.id = v.last_id
ORDER BY v.due, v.id;
