-- The unplanned report (schemas/reports/unplanned.yaml) written by hand, known at :known_at:
-- episodes open on :as_of and, for each, the reasons its next step is late or missing; working days
-- counted by the numbered working_day table (schemas/sql/0003).
WITH open_episode AS MATERIALIZED (
  SELECT id, child_id, referral_date, nfa, made_by FROM episode
  WHERE referral_date <= :as_of AND recorded_on <= :known_at
    AND (closure_date IS NULL OR closure_date > :as_of OR closure_recorded_on > :known_at)
),
reason AS (
  SELECT o.id AS eid, 'assessment-overdue' AS reason,
         (SELECT day FROM working_day WHERE n = 45 +
            (SELECT n FROM working_day WHERE day <= o.referral_date ORDER BY day DESC LIMIT 1)) AS due,
         coalesce((SELECT 'N' || id || ' started ' || start_date FROM assessment
                   WHERE episode_id = o.id AND start_date <= :as_of AND recorded_on <= :known_at ORDER BY start_date DESC, id DESC LIMIT 1),
                  'no assessment started') AS detail
  FROM open_episode o
  WHERE o.made_by IS NULL AND o.nfa = 0
    AND NOT EXISTS (SELECT 1 FROM assessment WHERE episode_id = o.id AND completed_date <= :as_of
                      AND ifnull(completed_recorded_on, '') <= :known_at)
  UNION ALL
  SELECT o.id, 'enquiry-overdue', q.conference_target, 'S' || q.id || ' started ' || q.start_date
  FROM open_episode o JOIN enquiry q ON q.episode_id = o.id
  WHERE q.start_date <= :as_of AND q.recorded_on <= :known_at
    AND (q.end_date IS NULL OR q.end_date > :as_of OR q.end_recorded_on > :known_at)
    AND NOT EXISTS (SELECT 1 FROM conference WHERE enquiry_id = q.id AND conference_date <= :as_of
                      AND recorded_on <= :known_at)
  UNION ALL
  SELECT o.id, 'need-without-plan',
         (SELECT day FROM working_day WHERE n = 10 +
            (SELECT n FROM working_day WHERE day <= a.completed_date ORDER BY day DESC LIMIT 1)),
         'N' || a.id || ' completed ' || a.completed_date || ', factors ' || a.factors
  FROM open_episode o
  JOIN assessment a ON a.id = (SELECT id FROM assessment WHERE episode_id = o.id AND completed_date <= :as_of
                                 AND ifnull(completed_recorded_on, '') <= :known_at
                               ORDER BY completed_date DESC, id DESC LIMIT 1)
  WHERE a.factors NOT IN ('', '21')
    AND NOT EXISTS (SELECT 1 FROM plan WHERE episode_id = o.id AND start_date <= :as_of AND ifnull(recorded_on, '') <= :known_at
                      AND (end_date IS NULL OR end_date > a.completed_date OR end_recorded_on > :known_at))
  UNION ALL
  SELECT o.id, 'stepped-down-without-plan',
         (SELECT day FROM working_day WHERE n = 10 +
            (SELECT n FROM working_day WHERE day <= cp.end_date ORDER BY day DESC LIMIT 1)),
         'P' || cp.id || ' (child protection) ended ' || cp.end_date
  FROM open_episode o
  JOIN plan cp ON cp.id = (SELECT id FROM plan WHERE episode_id = o.id AND kind = 'child-protection'
                             AND end_date <= :as_of AND ifnull(recorded_on, '') <= :known_at
                             AND ifnull(end_recorded_on, '') <= :known_at ORDER BY end_date DESC, id DESC LIMIT 1)
  WHERE NOT EXISTS (SELECT 1 FROM plan WHERE episode_id = o.id AND id <> cp.id AND start_date >= cp.end_date
                      AND start_date <= :as_of AND ifnull(recorded_on, '') <= :known_at)
  UNION ALL
  SELECT o.id, 'repeat-referral', o.referral_date, 'E' || prev.id || ' referred ' || prev.referral_date
  FROM open_episode o
  JOIN episode prev ON prev.id = (
    SELECT id FROM episode WHERE child_id = o.child_id AND recorded_on <= :known_at AND referral_date >= date(o.referral_date, '-12 months')
      AND (referral_date < o.referral_date OR (referral_date = o.referral_date AND id < o.id))
    ORDER BY referral_date DESC, id DESC LIMIT 1)
  WHERE o.made_by IS NULL
    AND NOT EXISTS (SELECT 1 FROM plan WHERE child_id = o.child_id AND start_date <= :as_of AND ifnull(recorded_on, '') <= :known_at
                      AND (end_date IS NULL OR end_date > :as_of OR end_recorded_on > :known_at))
)
SELECT 'C' || c.id, c.given_names || ' ' || c.family_name, 'E' || o.id, o.referral_date, r.reason, r.due,
       CAST(julianday(:as_of) - julianday(r.due) AS INTEGER), r.detail, c.date_of_birth, c.nhs_number
FROM reason r JOIN open_episode o ON o.id = r.eid JOIN child c ON c.id = o.child_id
WHERE r.due < :as_of OR r.reason = 'repeat-referral'
ORDER BY r.due, o.id, r.reason;
