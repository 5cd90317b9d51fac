-- The assumed-safe report (schemas/reports/assumed-safe.yaml) written by hand, known at
-- :known_at: child protection plans open on :as_of, each with its child and its latest reviews found in
-- one pass, and for each plan the reasons its protection has lapsed; working days counted by the
-- numbered working_day table (schemas/sql/0003).
WITH
open_plan AS MATERIALIZED (
  SELECT p.id, p.child_id, p.start_date, p.first_review_due, p.lead_worker, p.team,
         c.given_names || ' ' || c.family_name AS name, c.date_of_birth, c.nhs_number,
         rc.review_date AS conference_date, rc.next_review_due,
         (SELECT x.review_date FROM review x
          WHERE x.plan_id = p.id AND x.kind = 'visit' AND x.review_date <= :as_of
            AND coalesce(x.recorded_on, '') <= :known_at AND x.seen IS NOT 'no'
          ORDER BY x.review_date DESC, x.id DESC LIMIT 1) AS seen_date,
         lv.review_date AS visit_date, lv.seen, lv.seen_alone,
         EXISTS (SELECT 1 FROM review x
                 WHERE x.plan_id = p.id AND x.kind = 'core-group' AND x.review_date <= :as_of
                   AND coalesce(x.recorded_on, '') <= :known_at) AS core_group_held
  FROM plan p
  JOIN child c ON c.id = p.child_id
  LEFT JOIN review rc ON rc.id = (
    SELECT x.id FROM review x
    WHERE x.plan_id = p.id AND x.kind = 'review-conference' AND x.review_date <= :as_of
      AND coalesce(x.recorded_on, '') <= :known_at
    ORDER BY x.review_date DESC, x.id DESC LIMIT 1)
  LEFT JOIN review lv ON lv.id = (
    SELECT x.id FROM review x
    WHERE x.plan_id = p.id AND x.kind = 'visit' AND x.review_date <= :as_of
      AND coalesce(x.recorded_on, '') <= :known_at
    ORDER BY x.review_date DESC, x.id DESC LIMIT 1)
  WHERE (p.end_date IS NULL OR p.end_date > :as_of OR p.end_recorded_on > :known_at)
    AND p.start_date <= :as_of AND p.kind = 'child-protection'
    AND coalesce(p.recorded_on, '') <= :known_at
),
reason AS (
  SELECT o.id AS plan_id, 'review-overdue' AS reason,
         coalesce(o.next_review_due, o.first_review_due) AS due_date,
         coalesce('last review conference ' || o.conference_date, 'no review conference yet') AS detail
  FROM open_plan o
  UNION ALL
  SELECT o.id, 'visit-overdue',
         (SELECT d.day FROM working_day d WHERE d.n = 10 +
            (SELECT w.n FROM working_day w WHERE w.day <= coalesce(o.seen_date, o.start_date)
             ORDER BY w.day DESC LIMIT 1)),
         coalesce('child last seen on a visit ' || o.seen_date, 'no visit seeing the child since the plan started')
  FROM open_plan o
  UNION ALL
  SELECT o.id, 'not-seen-alone', o.visit_date,
         'visit ' || o.visit_date || CASE WHEN o.seen = 'no' THEN ': child not seen' ELSE ': child seen, not alone' END
  FROM open_plan o
  WHERE o.seen = 'no' OR o.seen_alone = 'no'
  UNION ALL
  SELECT o.id, 'core-group-overdue',
         (SELECT d.day FROM working_day d WHERE d.n = 10 +
            (SELECT w.n FROM working_day w WHERE w.day <= o.start_date ORDER BY w.day DESC LIMIT 1)),
         'no core group since the plan started ' || o.start_date
  FROM open_plan o
  WHERE NOT o.core_group_held
  UNION ALL
  SELECT g.plan_id, 'actions-overdue', min(g.due_date), sum(g.n) || ' overdue: ' || group_concat(g.agency, ', ')
  FROM (
    SELECT a.plan_id, a.agency, count(*) AS n, min(a.due_date) AS due_date
    FROM open_plan o
    JOIN action a ON a.plan_id = o.id
    WHERE a.due_date < :as_of AND coalesce(a.recorded_on, '') <= :known_at
      AND (a.status = 'open' OR a.completed_date > :as_of OR a.completed_recorded_on > :known_at)
    GROUP BY a.plan_id, a.agency
    ORDER BY a.plan_id, a.agency) g
  GROUP BY g.plan_id
  UNION ALL
  SELECT o.id, 'no-lead-worker', o.start_date, 'no lead worker recorded'
  FROM open_plan o
  WHERE o.lead_worker IS NULL OR trim(o.lead_worker) = ''
)
SELECT 'P' || o.id AS plan_id,
       'C' || o.child_id AS child_id,
       o.name,
       o.lead_worker,
       o.team,
       r.reason,
       r.due_date,
       CAST(julianday(:as_of) - julianday(r.due_date) AS INTEGER) AS days_overdue,
       r.detail,
       o.date_of_birth,
       o.nhs_number
FROM reason r
JOIN open_plan o ON o.id = r.plan_id
WHERE (r.due_date < :as_of OR r.reason IN ('not-seen-alone', 'no-lead-worker'))
ORDER BY r.due_date, o.id, r.reason;
