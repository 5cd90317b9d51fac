-- The reviews-due report (schemas/reports/reviews-due.yaml) written by hand: plans open on :as_of,
-- the latest review conference on or before it, the next one due (set by that conference, else the
-- plan's first review date), days to it and a status, the plan's start and the child's date of birth
-- and NHS number; plans with no due date known last.
-- Known at :known_at: rows entered after it left out, ends and completions entered after it not made.
-- MATERIALIZED: each plan's due date is looked up once, not again for every use of it below.
WITH due AS MATERIALIZED (
  SELECT p.id, p.child_id, p.start_date,
         (SELECT max(r.review_date) FROM review r WHERE r.plan_id = p.id AND r.kind = 'review-conference'
            AND r.review_date <= :as_of AND ifnull(r.recorded_on, '') <= :known_at) AS last_review,
         coalesce((SELECT r.next_review_due FROM review r WHERE r.plan_id = p.id AND r.kind = 'review-conference'
                     AND r.review_date <= :as_of AND ifnull(r.recorded_on, '') <= :known_at ORDER BY r.review_date DESC, r.id DESC LIMIT 1),
                  p.first_review_due) AS next_due
  FROM plan p
  WHERE p.start_date <= :as_of AND ifnull(p.recorded_on, '') <= :known_at
    AND (p.end_date IS NULL OR p.end_date > :as_of OR p.end_recorded_on > :known_at)
)
SELECT 'P' || d.id, 'C' || c.id, c.given_names || ' ' || c.family_name, d.last_review, d.next_due,
       CAST(julianday(d.next_due) - julianday(:as_of) AS INTEGER),
       CASE WHEN d.next_due IS NULL THEN NULL
            WHEN d.next_due < :as_of THEN 'overdue'
            WHEN julianday(d.next_due) - julianday(:as_of) <= 14 THEN 'due-soon' ELSE 'ok' END,
       d.start_date, c.date_of_birth, c.nhs_number
FROM due d JOIN child c ON c.id = d.child_id
ORDER BY d.next_due IS NULL, d.next_due, d.id;
