-- The children in need census of one year (store/census.hpp), returns-spec §5.5 steps 1-2, every rule of
-- which records and dates the census holds written here once. ?1 is the period's start S (1 April),
-- ?2 its reference date E (31 March). An episode is in the census when referred on or before E and not
-- closed before S; each query below repeats that test and returns its rows by child, so that the
-- store merges them one child at a time. Each query reads its first table whole, in its own order
-- (NOT INDEXED), its own dates leaving out most rows, then what each survivor joins by key (CROSS JOIN
-- keeps that order), and sorts the few left by child: with no statistics SQLite would walk the table
-- through an index on its episode or child instead, a random read per row, three times slower on the
-- register's history (NOT INDEXED is SQLite's; another dialect has its own hint, or needs none).

-- Each episode with its child's fields (the same on each of a child's rows). Referral source not known:
-- 10 (unknown); primary need not known on a referral that is not NFA: N0 (not stated). The
-- episode-level ICPC is the latest conference of no enquiry (a transfer-in) held on or before E (the
-- one with none later, by date then id: joined so, each episode's conferences are read through the
-- index once, with no sort for each, as ORDER BY ... LIMIT 1 needed). A
-- child with only an expected date of birth is sex U (returns-spec §5.5 step 4, rule 8750).
-- name: census_episodes
SELECT c.id, c.upn, c.former_upn, c.upn_unknown, c.date_of_birth,
       CASE WHEN c.date_of_birth IS NULL THEN c.expected_dob END,
       CASE WHEN c.date_of_birth IS NULL AND c.expected_dob IS NOT NULL THEN 'U' ELSE c.sex END,
       c.date_of_death, c.ethnicity, c.disabilities,
       e.id, e.referral_date, coalesce(e.referral_source, '10'),
       CASE WHEN e.primary_need IS NULL AND e.nfa = 0 THEN 'N0' ELSE e.primary_need END,
       e.nfa,
       CASE WHEN e.closure_date <= ?2 THEN e.closure_date END,
       CASE WHEN e.closure_date <= ?2 THEN e.closure_reason END,
       e.made_by, ic.id, ic.conference_date
FROM episode e NOT INDEXED
CROSS JOIN child c
LEFT JOIN conference ic ON ic.episode_id = e.id AND ic.enquiry_id IS NULL AND ic.conference_date <= ?2
  AND NOT EXISTS (SELECT 1 FROM conference f
                  WHERE f.episode_id = e.id AND f.enquiry_id IS NULL AND f.conference_date <= ?2
                    AND (f.conference_date > ic.conference_date
                         OR (f.conference_date = ic.conference_date AND f.id > ic.id)))
WHERE c.id = e.child_id
  AND e.referral_date <= ?2 AND (e.closure_date IS NULL OR e.closure_date >= ?1)
ORDER BY c.id, e.referral_date, e.id;

-- An assessment authorised before S is left out; authorised after E, it is shown unauthorised, with no
-- factors.
-- name: census_assessments
SELECT e.child_id, a.episode_id, a.id, a.start_date,
       CASE WHEN a.completed_date <= ?2 THEN a.completed_date END,
       CASE WHEN a.completed_date <= ?2 THEN a.factors END
FROM assessment a NOT INDEXED
CROSS JOIN episode e
WHERE e.id = a.episode_id
  AND a.start_date <= ?2 AND (a.completed_date IS NULL OR a.completed_date >= ?1)
  AND e.referral_date <= ?2 AND (e.closure_date IS NULL OR e.closure_date >= ?1)
ORDER BY e.child_id, e.id, a.start_date, a.id;

-- A section 47 enquiry's ICPC is the first conference naming it (none earlier, by date then id). One whose ICPC was before S, or that
-- ended with no conference needed before S, is left out; an ICPC after E is left blank, and an end with
-- no conference needed after E leaves ICPCnotRequired false (the enquiry shown still open).
-- name: census_enquiries
SELECT e.child_id, q.episode_id, q.id, q.start_date, q.conference_target,
       CASE WHEN ic.conference_date <= ?2 THEN ic.id END,
       CASE WHEN ic.conference_date <= ?2 THEN ic.conference_date END,
       CASE WHEN ic.id IS NULL AND q.end_date <= ?2 THEN 1 ELSE 0 END
FROM enquiry q NOT INDEXED
CROSS JOIN episode e
LEFT JOIN conference ic ON ic.enquiry_id = q.id
  AND NOT EXISTS (SELECT 1 FROM conference c
                  WHERE c.enquiry_id = q.id
                    AND (c.conference_date < ic.conference_date
                         OR (c.conference_date = ic.conference_date AND c.id < ic.id)))
WHERE e.id = q.episode_id
  AND q.start_date <= ?2
  AND (ic.conference_date IS NULL OR ic.conference_date >= ?1)
  AND (ic.id IS NOT NULL OR q.end_date IS NULL OR q.end_date >= ?1)
  AND e.referral_date <= ?2 AND (e.closure_date IS NULL OR e.closure_date >= ?1)
ORDER BY e.child_id, e.id, q.start_date, q.id;

-- Plans of both kinds: one that ended before S is left out, an end after E left blank. The latest
-- category is the one the plan holds, unless a review conference after E changed it: then the latest
-- category set on or before E, else the initial one (looked for on a child protection plan alone: a
-- child in need plan has no category, and the store reads none for it). A child protection plan comes once for each of its
-- review conferences on or before E, those before S included (returns-spec §1.2), the last column
-- holding the date (NULL: none).
-- name: census_plans
SELECT e.child_id, p.episode_id, p.id, p.kind, p.start_date,
       CASE WHEN p.end_date <= ?2 THEN p.end_date END,
       p.initial_category,
       CASE WHEN p.kind = 'child-protection'
                 AND EXISTS (SELECT 1 FROM review r WHERE r.plan_id = p.id AND r.kind = 'review-conference'
                               AND r.review_date > ?2 AND r.category IS NOT NULL)
            THEN coalesce((SELECT r.category FROM review r
                           WHERE r.plan_id = p.id AND r.kind = 'review-conference'
                             AND r.review_date <= ?2 AND r.category IS NOT NULL
                           ORDER BY r.review_date DESC, r.id DESC LIMIT 1), p.initial_category)
            ELSE coalesce(p.latest_category, p.initial_category) END,
       p.previous_cp_plans, rc.review_date
FROM plan p NOT INDEXED
CROSS JOIN episode e
LEFT JOIN review rc ON rc.plan_id = p.id AND p.kind = 'child-protection' AND rc.kind = 'review-conference'
                       AND rc.review_date <= ?2
WHERE e.id = p.episode_id
  AND p.start_date <= ?2 AND (p.end_date IS NULL OR p.end_date >= ?1)
  AND e.referral_date <= ?2 AND (e.closure_date IS NULL OR e.closure_date >= ?1)
ORDER BY e.child_id, e.id, p.start_date, p.id, rc.review_date, rc.id;
