-- The data set of test_reports_episodes.sh: every reason of the reports unplanned and assumed-safe,
-- written straight into a database `icsctl init` made, so that it does not change with the commands.
-- The golden as-of date is 2026-04-15 (Wednesday; Good Friday 2026-04-03 and Easter Monday 2026-04-06
-- are bank holidays). Records entered on 2026-04-20, after it, test --known-at 2026-04-15.
INSERT INTO template_snapshot (id, name, version, hash, body) VALUES
  (1, 'child-protection', 1, 'fixture-cp', ''), (2, 'child-in-need', 1, 'fixture-cin', '');
INSERT INTO child (id, given_names, family_name, date_of_birth, sex, recorded_on) VALUES
  (1, 'Amelia', 'Smith', '2019-04-02', 'F', '2026-01-05'),
  (2, 'Ben', 'Jones', '2021-07-15', 'M', '2026-01-05'),
  (3, 'Chloé', 'O''Neil', '2015-10-01', 'F', '2025-11-03'),
  (4, 'Dan', 'Evans', '2012-05-20', 'M', '2025-05-01'),
  (5, 'Ella', 'Green', '2020-02-29', 'F', '2025-09-01'),
  (6, 'Finn', 'Hughes', '2016-03-03', 'M', '2026-01-12'),
  (7, 'Grace', 'Hall', '2018-08-08', 'F', '2026-04-20'),
  (8, 'Hana', 'Ito', '2017-01-01', 'F', '2026-01-05'),
  (9, 'Ivan', 'Jovic', '2014-06-06', 'M', '2025-10-01'),
  (10, 'Jack', 'King', '2022-02-02', 'M', '2026-01-05'),
  (11, 'Kai', 'Lee', '2013-03-13', 'M', '2026-02-02'),
  (12, 'Leo', 'Moss', '2019-09-19', 'M', '2026-04-20'),
  (13, 'Mia', 'Nash', '2011-11-11', 'F', '2025-09-01');

-- Episodes. E1 assessment-overdue (due 2026-04-08); E2 enquiry-overdue (target 2026-03-23);
-- E3 need-without-plan (completed 2026-01-09, due 2026-01-23); E4 stepped-down-without-plan (P1 ended
-- 2026-03-02, due 2026-03-16); E5 NFA then E6 repeat-referral (2026-04-01); E7 assessment completed
-- 2026-03-20 but entered 2026-04-20 (assessment-overdue at --known-at 2026-04-15, due 2026-03-16);
-- E8 entered 2026-04-20 for a referral of 2026-01-05 (assessment-overdue, due 2026-03-09, not known on
-- 2026-04-15); E9 planned in time (no row); E10-E14 made by the migration for the plans P3-P7.
INSERT INTO episode (id, child_id, referral_date, referral_source, primary_need, nfa, closure_date,
                     closure_reason, made_by, recorded_on, closure_recorded_on) VALUES
  (1, 1, '2026-02-02', '1B', 'N1', 0, NULL, NULL, NULL, '2026-02-02', NULL),
  (2, 2, '2026-01-05', '3A', 'N1', 0, NULL, NULL, NULL, '2026-01-05', NULL),
  (3, 3, '2025-11-03', '2A', 'N2', 0, NULL, NULL, NULL, '2025-11-03', NULL),
  (4, 4, '2025-05-01', '3A', 'N1', 0, NULL, NULL, NULL, '2025-05-01', NULL),
  (5, 5, '2025-09-01', '1A', NULL, 1, '2025-09-01', 'RC8', NULL, '2025-09-01', '2025-09-01'),
  (6, 5, '2026-04-01', '1A', 'N1', 0, NULL, NULL, NULL, '2026-04-01', NULL),
  (7, 6, '2026-01-12', '5A', 'N3', 0, NULL, NULL, NULL, '2026-01-12', NULL),
  (8, 7, '2026-01-05', '6', 'N4', 0, NULL, NULL, NULL, '2026-04-20', NULL),
  (9, 8, '2026-01-05', '1B', 'N5', 0, NULL, NULL, NULL, '2026-01-05', NULL),
  (10, 9, '2025-10-01', NULL, NULL, 0, NULL, NULL, 'migration', '2025-10-01', NULL),
  (11, 10, '2026-01-05', NULL, NULL, 0, NULL, NULL, 'open-plan', '2026-01-05', NULL),
  (12, 11, '2026-02-02', NULL, NULL, 0, NULL, NULL, 'open-plan', '2026-02-02', NULL),
  (13, 12, '2026-03-02', NULL, NULL, 0, NULL, NULL, 'open-plan', '2026-04-20', NULL),
  (14, 13, '2025-09-01', NULL, NULL, 0, '2026-04-01', 'RC7', 'migration', '2025-09-01', '2026-04-20');
INSERT INTO assessment (id, episode_id, start_date, completed_date, factors, recorded_on, completed_recorded_on) VALUES
  (1, 1, '2026-02-09', NULL, NULL, '2026-02-09', NULL),
  (2, 2, '2026-01-06', '2026-02-20', '21', '2026-01-06', '2026-02-20'),
  (3, 3, '2025-11-10', '2026-01-09', '2B,3A', '2025-11-10', '2026-01-09'),
  (4, 4, '2025-05-02', '2025-06-02', '4A', '2025-05-02', '2025-06-02'),
  (5, 7, '2026-01-13', '2026-03-20', '21', '2026-01-13', '2026-04-20'),
  (6, 9, '2026-01-06', '2026-02-16', '1A', '2026-01-06', '2026-02-16');
INSERT INTO enquiry (id, episode_id, start_date, conference_target, end_date, recorded_on, end_recorded_on) VALUES
  (1, 2, '2026-03-02', '2026-03-23', NULL, '2026-03-02', NULL),
  (2, 4, '2025-06-03', '2025-06-24', NULL, '2025-06-03', NULL);
INSERT INTO conference (id, episode_id, enquiry_id, conference_date, outcome, recorded_on) VALUES
  (1, 4, 2, '2025-06-20', 'plan', '2025-06-20'),
  (3, 10, NULL, '2025-10-01', 'plan', '2025-10-01'),
  (4, 11, NULL, '2026-01-05', 'plan', '2026-01-05'),
  (5, 12, NULL, '2026-02-02', 'plan', '2026-02-02'),
  (6, 13, NULL, '2026-03-02', 'plan', '2026-04-20'),
  (7, 14, NULL, '2025-09-01', 'plan', '2025-09-01');

-- Plans. P1 (E4) ended 2026-03-02 with no plan after it; P2 (E9) a child in need plan in time; P3 no
-- row (the control: visited 2026-04-10, reviewed, core group held); P4 no lead worker, review due
-- 2026-04-05, no core group (due 2026-01-19), last visit 2026-03-02 seen not alone (next due
-- 2026-03-16), two overdue actions (health, police); P5 last visit 2026-04-08 child not seen, the one
-- before 2026-03-30 (next due 2026-04-15: on the as-of date, not overdue), an action done 2026-04-10
-- but entered 2026-04-20; P6 entered 2026-04-20; P7 ended 2026-04-01, the end entered 2026-04-20.
INSERT INTO plan (id, child_id, template_id, kind, initial_category, latest_category, start_date, end_date,
                  end_reason, lead_worker, team, first_review_due, episode_id, conference_id, recorded_on,
                  end_recorded_on) VALUES
  (1, 4, 1, 'child-protection', 'NEG', 'NEG', '2025-06-20', '2026-03-02', 'no-longer-at-risk', 'Priya Shah', 'CP Team B', '2025-09-20', 4, 1, '2025-06-20', '2026-03-02'),
  (2, 8, 2, 'child-in-need', NULL, NULL, '2026-02-23', NULL, NULL, 'Jo Bloggs', 'CIN Team', '2026-05-23', 9, NULL, '2026-02-23', NULL),
  (3, 9, 1, 'child-protection', 'PHY', 'PHY', '2025-10-01', NULL, NULL, 'Sam Patel', 'CP Team A', '2026-01-01', 10, 3, '2025-10-01', NULL),
  (4, 10, 1, 'child-protection', 'NEG', 'NEG', '2026-01-05', NULL, NULL, NULL, NULL, '2026-04-05', 11, 4, '2026-01-05', NULL),
  (5, 11, 1, 'child-protection', 'EMO', 'EMO', '2026-02-02', NULL, NULL, 'Jo Bloggs', 'CP Team A', '2026-05-02', 12, 5, '2026-02-02', NULL),
  (6, 12, 1, 'child-protection', 'SAB', 'SAB', '2026-03-02', NULL, NULL, 'Priya Shah', 'CP Team B', '2026-06-02', 13, 6, '2026-04-20', NULL),
  (7, 13, 1, 'child-protection', 'MUL', 'MUL', '2025-09-01', '2026-04-01', 'no-longer-at-risk', 'Sam Patel', 'CP Team A', '2025-12-01', 14, 7, '2025-09-01', '2026-04-20');
INSERT INTO review (id, plan_id, kind, review_date, outcome, category, next_review_due, seen, seen_alone, recorded_on) VALUES
  (1, 3, 'core-group', '2025-10-10', NULL, NULL, NULL, NULL, NULL, '2025-10-10'),
  (2, 3, 'review-conference', '2025-12-15', 'Plan continues', NULL, '2026-06-15', NULL, NULL, '2025-12-15'),
  (3, 3, 'visit', '2026-03-27', NULL, NULL, NULL, 'yes', 'yes', '2026-03-27'),
  (4, 3, 'visit', '2026-04-10', NULL, NULL, NULL, 'yes', 'yes', '2026-04-13'),
  (5, 4, 'visit', '2026-03-02', NULL, NULL, NULL, 'yes', 'no', '2026-03-02'),
  (6, 5, 'core-group', '2026-02-10', NULL, NULL, NULL, NULL, NULL, '2026-02-10'),
  (7, 5, 'visit', '2026-03-30', NULL, NULL, NULL, 'yes', 'yes', '2026-03-30'),
  (8, 5, 'visit', '2026-04-08', NULL, NULL, NULL, 'no', NULL, '2026-04-08'),
  (9, 7, 'core-group', '2025-09-10', NULL, NULL, NULL, NULL, NULL, '2025-09-10'),
  (10, 7, 'review-conference', '2025-11-28', 'Plan continues', NULL, '2026-05-28', NULL, NULL, '2025-11-28'),
  (11, 7, 'visit', '2026-03-20', NULL, NULL, NULL, 'yes', 'yes', '2026-03-20');
INSERT INTO action (id, plan_id, section, what, owner, agency, due_date, status, completed_date, cancel_reason,
                    recorded_on, completed_recorded_on) VALUES
  (1, 3, 'safety', 'Agree a written safety plan', 'Sam Patel', 'social-care', '2025-10-15', 'done', '2025-10-14', NULL, '2025-10-01', '2025-10-14'),
  (2, 4, 'health', 'Arrange a health assessment', 'Health visitor', 'health', '2026-02-02', 'open', NULL, NULL, '2026-01-05', NULL),
  (3, 4, 'safety', 'Share information known to police', 'DC Morgan', 'police', '2026-01-12', 'open', NULL, NULL, '2026-01-05', NULL),
  (4, 4, 'education', 'Report attendance to the core group', 'Mr Khan', 'education', '2026-05-01', 'open', NULL, NULL, '2026-01-05', NULL),
  (5, 5, 'health', 'Check GP registration', 'Dr Shah', 'health', '2026-04-01', 'done', '2026-04-10', NULL, '2026-02-02', '2026-04-20');
