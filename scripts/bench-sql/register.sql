-- The register report (schemas/reports/register.yaml) written by hand: children with a child
-- protection plan open on :as_of, once each with the plan that started last (ties: the later id);
-- the category of the latest review on or before :as_of that set one (before any did, the initial
-- category; with no review setting one ever, the plan's latest); the next review conference due.
-- Known at :known_at: rows entered after it left out, ends and completions entered after it not made.
SELECT 'C' || c.id, c.given_names || ' ' || c.family_name, c.date_of_birth,
       coalesce((SELECT r.category FROM review r WHERE r.plan_id = p.id AND r.category IS NOT NULL
                   AND r.review_date <= :as_of AND ifnull(r.recorded_on, '') <= :known_at ORDER BY r.review_date DESC, r.id DESC LIMIT 1),
                CASE WHEN EXISTS (SELECT 1 FROM review r WHERE r.plan_id = p.id AND r.category IS NOT NULL)
                     THEN p.initial_category END,
                p.latest_category),
       'P' || p.id, p.start_date, p.lead_worker, p.team,
       coalesce((SELECT r.next_review_due FROM review r WHERE r.plan_id = p.id AND r.kind = 'review-conference'
                   AND r.review_date <= :as_of AND ifnull(r.recorded_on, '') <= :known_at ORDER BY r.review_date DESC, r.id DESC LIMIT 1),
                p.first_review_due),
       c.nhs_number
FROM plan p JOIN child c ON c.id = p.child_id
WHERE p.kind = 'child-protection' AND p.start_date <= :as_of AND ifnull(p.recorded_on, '') <= :known_at
  AND (p.end_date IS NULL OR p.end_date > :as_of OR p.end_recorded_on > :known_at)
  AND NOT EXISTS (SELECT 1 FROM plan q
                  WHERE q.child_id = p.child_id AND q.kind = 'child-protection' AND q.start_date <= :as_of
                    AND (q.end_date IS NULL OR q.end_date > :as_of OR q.end_recorded_on > :known_at)
                    AND ifnull(q.recorded_on, '') <= :known_at
                    AND (q.start_date > p.start_date OR (q.start_date = p.start_date AND q.id > p.id)))
ORDER BY c.family_name, c.given_names, c.id;
