-- The assumed-safe report (schemas/reports/assumed-safe.yaml) written by hand, known at
-- :known_at: child protection plans open on :as_of and, for each, the reasons its protection has lapsed;
-- working days counted by the numbered working_day table (schemas/sql/0003).
WITH open_plan AS MATERIALIZED (
  SELECT id, child_id, start_date, first_review_due, lead_worker, team FROM plan
  WHERE (end_date IS NULL OR end_date > :as_of OR end_recorded_on > :known_at) AND start_date <= :as_of
    AND kind = 'child-protection' AND ifnull(recorded_on, '') <= :known_at
),
reason AS (
  SELECT o.id AS pid, 'review-overdue' AS reason, coalesce(r.next_review_due, o.first_review_due) AS due,
         coalesce('last review conference ' || r.review_date, 'no review conference yet') AS detail
  FROM open_plan o
  LEFT JOIN review r ON r.id = (SELECT id FROM review WHERE plan_id = o.id AND kind = 'review-conference'
                                  AND review_date <= :as_of AND ifnull(recorded_on, '') <= :known_at
                                ORDER BY review_date DESC, id DESC LIMIT 1)
  UNION ALL
  SELECT o.id, 'visit-overdue',
         (SELECT day FROM working_day WHERE n = 10 +
            (SELECT n FROM working_day WHERE day <= coalesce(v.review_date, o.start_date) ORDER BY day DESC LIMIT 1)),
         coalesce('child last seen on a visit ' || v.review_date, 'no visit seeing the child since the plan started')
  FROM open_plan o
  LEFT JOIN review v ON v.id = (SELECT id FROM review WHERE plan_id = o.id AND kind = 'visit'
                                  AND review_date <= :as_of AND ifnull(recorded_on, '') <= :known_at AND seen IS NOT 'no'
                                ORDER BY review_date DESC, id DESC LIMIT 1)
  UNION ALL
  SELECT o.id, 'not-seen-alone', v.review_date,
         'visit ' || v.review_date || CASE WHEN v.seen = 'no' THEN ': child not seen' ELSE ': child seen, not alone' END
  FROM open_plan o
  JOIN review v ON v.id = (SELECT id FROM review WHERE plan_id = o.id AND kind = 'visit' AND review_date <= :as_of
                             AND ifnull(recorded_on, '') <= :known_at
                           ORDER BY review_date DESC, id DESC LIMIT 1)
  WHERE v.seen = 'no' OR v.seen_alone = 'no'
  UNION ALL
  SELECT o.id, 'core-group-overdue',
         (SELECT day FROM working_day WHERE n = 10 +
            (SELECT n FROM working_day WHERE day <= o.start_date ORDER BY day DESC LIMIT 1)),
         'no core group since the plan started ' || o.start_date
  FROM open_plan o
  WHERE NOT EXISTS (SELECT 1 FROM review WHERE plan_id = o.id AND kind = 'core-group' AND review_date <= :as_of
                      AND ifnull(recorded_on, '') <= :known_at)
  UNION ALL
  SELECT pid, 'actions-overdue', min(due), sum(n) || ' overdue: ' || group_concat(agency, ', ')
  FROM (SELECT a.plan_id AS pid, a.agency, count(*) AS n, min(a.due_date) AS due
        FROM open_plan o JOIN action a ON a.plan_id = o.id
        WHERE a.due_date < :as_of AND ifnull(a.recorded_on, '') <= :known_at
          AND (a.status = 'open' OR a.completed_date > :as_of OR a.completed_recorded_on > :known_at)
        GROUP BY a.plan_id, a.agency ORDER BY a.plan_id, a.agency)
  GROUP BY pid
  UNION ALL
  SELECT id, 'no-lead-worker', start_date, 'no lead worker recorded' FROM open_plan
  WHERE lead_worker IS NULL OR trim(lead_worker) = ''
)
SELECT 'P' || o.id, 'C' || c.id, c.given_names || ' ' || c.family_name, o.lead_worker, o.team, r.reason, r.due,
       CAST(julianday(:as_of) - julianday(r.due) AS INTEGER), r.detail, c.date_of_birth, c.nhs_number
FROM reason r JOIN open_plan o ON o.id = r.pid JOIN child c ON c.id = o.child_id
WHERE r.due < :as_of OR r.reason IN ('not-seen-alone', 'no-lead-worker')
ORDER BY r.due, o.id, r.reason;
