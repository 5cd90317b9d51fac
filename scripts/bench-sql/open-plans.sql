-- The open-plans report (schemas/reports/open-plans.yaml) written by hand: plans open on :as_of,
-- the category on :as_of (as in register.sql), the next review conference due, and the actions open
-- on :as_of (open, or finished after it) and those of them due before it.
-- Known at :known_at: rows entered after it left out, ends and completions entered after it not made.
SELECT 'P' || p.id, 'C' || c.id, c.given_names || ' ' || c.family_name, t.name,
       coalesce((SELECT r.category FROM review r WHERE r.plan_id = p.id AND r.category IS NOT NULL
                   AND r.review_date <= :as_of AND ifnull(r.recorded_on, '') <= :known_at ORDER BY r.review_date DESC, r.id DESC LIMIT 1),
                CASE WHEN EXISTS (SELECT 1 FROM review r WHERE r.plan_id = p.id AND r.category IS NOT NULL)
                     THEN p.initial_category END,
                p.latest_category),
       p.start_date, CAST(julianday(:as_of) - julianday(p.start_date) AS INTEGER), p.lead_worker, p.team,
       coalesce((SELECT r.next_review_due FROM review r WHERE r.plan_id = p.id AND r.kind = 'review-conference'
                   AND r.review_date <= :as_of AND ifnull(r.recorded_on, '') <= :known_at ORDER BY r.review_date DESC, r.id DESC LIMIT 1),
                p.first_review_due),
       (SELECT count(*) FROM action a
         WHERE a.plan_id = p.id AND ifnull(a.recorded_on, '') <= :known_at
           AND (a.status = 'open' OR a.completed_date > :as_of OR a.completed_recorded_on > :known_at)),
       (SELECT count(*) FROM action a
         WHERE a.plan_id = p.id AND ifnull(a.recorded_on, '') <= :known_at
           AND (a.status = 'open' OR a.completed_date > :as_of OR a.completed_recorded_on > :known_at)
           AND a.due_date < :as_of),
       c.date_of_birth, c.nhs_number
FROM plan p JOIN child c ON c.id = p.child_id JOIN template_snapshot t ON t.id = p.template_id
WHERE p.start_date <= :as_of AND ifnull(p.recorded_on, '') <= :known_at
  AND (p.end_date IS NULL OR p.end_date > :as_of OR p.end_recorded_on > :known_at)
ORDER BY p.start_date, p.id;
