-- The data set of test_annex_a.sh, test_cpis.sh and test_plan_stats.sh: a small authority written
-- straight into a database `icsctl init` made (the commands' rules would refuse some of it on
-- purpose: a child with an invalid NHS number, as a legacy import may bring). The Annex A window is
-- 2026-04-01 to 2026-09-30; the plan-stats year is 2026 (1 April 2025 to 31 March 2026), whose
-- figures test_plan_stats.sh works out by hand from the comments here.
INSERT INTO template_snapshot (id, name, version, hash, body) VALUES
  (1, 'child-protection', 1, 'fixture-cp', ''), (2, 'child-in-need', 1, 'fixture-cin', '');
INSERT INTO child (id, given_names, family_name, date_of_birth, expected_dob, sex, nhs_number, ethnicity,
                   disabilities, mother_nhs_number, recorded_on) VALUES
  (1, 'Amelia', 'Smith', '2019-04-02', NULL, 'F', '9434765919', 'WBRI', 'NONE', NULL, '2025-06-01'),
  (2, 'Ben', 'Jones', '2015-10-01', NULL, 'M', '4010232137', 'BAFR', 'NONE', NULL, '2025-11-01'),
  (3, 'Unborn', 'Clark', NULL, '2026-12-01', 'U', NULL, 'NOBT', NULL, '4505577104', '2026-08-03'),
  (4, 'Dan', 'Evans', '2012-05-20', NULL, 'M', NULL, NULL, 'AUT,LD', NULL, '2021-01-04'),
  (5, 'Ella', 'Green', '2020-02-29', NULL, 'F', '4857773457', 'MWBC', NULL, NULL, '2025-04-07'),
  (6, 'Finn', 'Hughes', '2016-03-03', NULL, 'M', '9876543210', 'WBRI', 'NONE', NULL, '2025-04-08'),
  (7, 'Grace', 'Hall', '2018-08-08', NULL, 'F', NULL, 'CHNE', NULL, NULL, '2024-11-29'),
  (8, 'Hana', 'Ito', '2017-01-01', NULL, 'F', NULL, 'OOTH', NULL, NULL, '2025-01-31'),
  (9, 'Ivan', 'Jovic', '2014-06-06', NULL, 'M', NULL, 'WOTH', NULL, NULL, '2024-06-15'),
  (10, 'Jack', 'King', '2022-02-02', NULL, 'M', NULL, 'WBRI', NULL, NULL, '2023-04-01'),
  (11, 'Kai', 'Lee', '2013-03-13', NULL, 'M', NULL, 'REFU', NULL, NULL, '2025-12-01'),
  (12, 'Leo', 'Moss', '2019-09-19', NULL, 'M', '9434765918', 'WBRI', NULL, NULL, '2026-04-20');

-- Episodes. In the Annex A window: referrals E1 (C1; E2, NFA, within 12 months before it), E3 (C2;
-- E8 within 12 months before it), E6 (C3, unborn), E7 (C5). E4, E5, E14-E17 were made by the
-- migration or a register import, E18 by open-plan: not referrals.
INSERT INTO episode (id, child_id, referral_date, referral_source, primary_need, nfa, closure_date,
                     closure_reason, made_by, recorded_on) VALUES
  (1, 1, '2026-04-10', '3A', 'N1', 0, NULL, NULL, NULL, '2026-04-10'),
  (2, 1, '2025-06-01', '1A', NULL, 1, '2025-06-01', 'RC8', NULL, '2025-06-01'),
  (3, 2, '2026-06-15', '6', 'N4', 0, NULL, NULL, NULL, '2026-06-15'),
  (4, 4, '2024-01-10', NULL, NULL, 0, '2026-06-30', 'RC7', 'migration', '2024-01-10'),
  (5, 4, '2021-01-04', NULL, NULL, 0, '2022-01-04', 'RC7', 'migration', '2021-01-04'),
  (6, 3, '2026-08-03', '3B', 'N1', 0, NULL, NULL, NULL, '2026-08-03'),
  (7, 5, '2026-09-01', '10', 'N0', 0, NULL, NULL, NULL, '2026-09-01'),
  (8, 2, '2025-11-01', '2A', 'N5', 0, '2025-12-01', 'RC7', NULL, '2025-11-01'),
  (9, 11, '2025-12-01', '8', 'N1', 0, '2026-02-01', 'RC7', NULL, '2025-12-01'),
  (11, 6, '2025-04-08', '5A', 'N1', 0, '2025-08-01', 'RC7', NULL, '2025-04-08'),
  (12, 6, '2025-08-01', '5A', 'N1', 0, NULL, NULL, NULL, '2025-08-01'),
  (13, 5, '2025-04-07', '2A', 'N1', 0, '2026-01-09', 'RC7', NULL, '2025-04-07'),
  (14, 7, '2024-11-29', NULL, NULL, 0, '2025-05-29', 'RC7', 'register', '2024-11-29'),
  (15, 8, '2025-01-31', NULL, NULL, 0, '2025-05-01', 'RC7', 'migration', '2025-01-31'),
  (16, 9, '2024-06-15', NULL, NULL, 0, '2025-06-15', 'RC7', 'migration', '2024-06-15'),
  (17, 10, '2023-04-01', NULL, NULL, 0, '2025-04-01', 'RC7', 'migration', '2023-04-01'),
  (18, 12, '2026-04-20', NULL, NULL, 0, NULL, NULL, 'open-plan', '2026-04-20');

-- Assessments: N1 (E1) completed in the window with factors; N2 (E3) open; N3 (E7) completed after
-- the window (2026-10-15), so open on 2026-09-30.
INSERT INTO assessment (id, episode_id, start_date, completed_date, factors, recorded_on) VALUES
  (1, 1, '2026-04-11', '2026-05-20', '3B,16A', '2026-04-11'),
  (2, 3, '2026-06-16', NULL, NULL, '2026-06-16'),
  (3, 7, '2026-09-02', '2026-10-15', '21', '2026-09-02');

-- Section 47 enquiries. In the window: S1 (E1, conference I1 with a plan), S2 (E3, ended with no
-- conference needed), S3 (E6, conference I2 with a plan). In the plan-stats year, each with its
-- initial conference: S5 2025-04-10 -> 2025-05-01 (13 working days after: Good Friday 18 April and
-- Easter Monday 21 April 2025 skipped), S6 2025-08-01 -> 2025-09-01 (20: the summer bank holiday
-- 25 August skipped), S7 2025-04-07 -> 2025-04-10 (3), S8 2025-11-10 with its conference on
-- 2025-11-07, before it (not timed), S9 2025-12-01 -> 2026-01-05 (22: 25, 26 December and 1 January
-- skipped). With the start counted as day 1 (all five starts are working days): 14, 21, 4, -, 23.
INSERT INTO enquiry (id, episode_id, start_date, conference_target, end_date, recorded_on) VALUES
  (1, 1, '2026-04-13', '2026-05-05', NULL, '2026-04-13'),
  (2, 3, '2026-06-20', '2026-07-10', '2026-07-01', '2026-06-20'),
  (3, 6, '2026-08-04', '2026-08-25', NULL, '2026-08-04'),
  (5, 11, '2025-04-10', '2025-05-06', NULL, '2025-04-10'),
  (6, 12, '2025-08-01', '2025-08-22', NULL, '2025-08-01'),
  (7, 13, '2025-04-07', '2025-04-30', NULL, '2025-04-07'),
  (8, 8, '2025-11-10', '2025-12-01', NULL, '2025-11-10'),
  (9, 9, '2025-12-01', '2025-12-22', NULL, '2025-12-01');
INSERT INTO conference (id, episode_id, enquiry_id, conference_date, outcome, recorded_on) VALUES
  (1, 1, 1, '2026-05-05', 'plan', '2026-05-05'),
  (2, 6, 3, '2026-08-20', 'plan', '2026-08-20'),
  (3, 4, NULL, '2024-01-10', 'plan', '2024-01-10'),
  (4, 5, NULL, '2021-01-04', 'plan', '2021-01-04'),
  (5, 11, 5, '2025-05-01', 'plan', '2025-05-01'),
  (6, 12, 6, '2025-09-01', 'plan', '2025-09-01'),
  (7, 13, 7, '2025-04-10', 'plan', '2025-04-10'),
  (8, 8, 8, '2025-11-07', 'no-plan', '2025-11-07'),
  (9, 9, 9, '2026-01-05', 'no-plan', '2026-01-05');

-- Plans (child protection unless said). Year 2026 (S = 2025-04-01, E = 2026-03-31):
--   P3  C4 2024-01-10 PHY, ends 2026-06-30: in force all year, open on 31 March; 1 earlier plan (P4)
--   P6  C6 2025-05-01 MUL - 2025-07-31: started and ended; 3 months or less (due 2025-08-01)
--   P7  C6 2025-09-01 NEG, open (ends 2026-10-15): started, open on 31 March; 1 earlier plan, P6,
--       which ended within 2 years before it
--   P8  C7 2024-11-29 EMO - 2025-05-29: ended; start + 6 months = 2025-05-29: over 3, up to 6 months
--   P9  C8 2025-01-31 SAB - 2025-05-01: ended; start + 3 months clamps to 2025-04-30 (not 2025-05-01):
--       over 3 months, up to 6
--   P10 C9 2024-06-15 PHY - 2025-06-15: ended; exactly 1 year: 1 year or more, under 2
--   P11 C10 2023-04-01 NEG - 2025-04-01: ended on S; exactly 2 years: 2 years or more
--   P12 C5 2025-04-10 EMO - 2026-01-09: started and ended; over 6 months, under 1 year
-- Outside the year: P1 (C1, 2026-05-05), P2 (C2, child in need), P4 (C4, 2021-2022), P5 (C3 unborn,
-- 2026-08-20), P13 (C12, 2026-04-20, an NHS number that fails its check).
INSERT INTO plan (id, child_id, template_id, kind, initial_category, latest_category, start_date, end_date,
                  end_reason, lead_worker, team, previous_cp_plans, episode_id, conference_id, recorded_on) VALUES
  (1, 1, 1, 'child-protection', 'NEG', 'EMO', '2026-05-05', NULL, NULL, 'Sam Patel', 'CP Team A', 0, 1, 1, '2026-05-05'),
  (2, 2, 2, 'child-in-need', NULL, NULL, '2026-07-10', NULL, NULL, 'Jo Bloggs', 'CIN Team', 0, 3, NULL, '2026-07-10'),
  (3, 4, 1, 'child-protection', 'PHY', 'EMO', '2024-01-10', '2026-06-30', 'no-longer-at-risk', 'Ann Lee', 'CP Team B', 1, 4, 3, '2024-01-10'),
  (4, 4, 1, 'child-protection', 'NEG', 'NEG', '2021-01-04', '2022-01-04', 'no-longer-at-risk', NULL, NULL, 0, 5, 4, '2021-01-04'),
  (5, 3, 1, 'child-protection', 'NEG', 'NEG', '2026-08-20', NULL, NULL, 'Sam Patel', 'CP Team A', 0, 6, 2, '2026-08-20'),
  (6, 6, 1, 'child-protection', 'MUL', 'MUL', '2025-05-01', '2025-07-31', 'no-longer-at-risk', NULL, NULL, 0, 11, 5, '2025-05-01'),
  (7, 6, 1, 'child-protection', 'NEG', 'NEG', '2025-09-01', '2026-10-15', 'no-longer-at-risk', 'Ann Lee', 'CP Team B', 1, 12, 6, '2025-09-01'),
  (8, 7, 1, 'child-protection', 'EMO', 'EMO', '2024-11-29', '2025-05-29', 'other', NULL, NULL, 0, 14, NULL, '2024-11-29'),
  (9, 8, 1, 'child-protection', 'SAB', 'SAB', '2025-01-31', '2025-05-01', 'other', NULL, NULL, 0, 15, NULL, '2025-01-31'),
  (10, 9, 1, 'child-protection', 'PHY', 'PHY', '2024-06-15', '2025-06-15', 'other', NULL, NULL, 0, 16, NULL, '2024-06-15'),
  (11, 10, 1, 'child-protection', 'NEG', 'NEG', '2023-04-01', '2025-04-01', 'other', NULL, NULL, 0, 17, NULL, '2023-04-01'),
  (12, 5, 1, 'child-protection', 'EMO', 'EMO', '2025-04-10', '2026-01-09', 'no-longer-at-risk', NULL, NULL, 0, 13, 7, '2025-04-10'),
  (13, 12, 1, 'child-protection', 'EMO', 'EMO', '2026-04-20', NULL, NULL, NULL, NULL, 0, 18, NULL, '2026-04-20');

-- Reviews. P1: visits 2026-05-15 (seen, not alone) and 2026-06-01 (seen, alone not recorded), review
-- conference 2026-08-04 setting EMO; a visit 2026-10-01 after the window. P3's review conferences
-- (first due 2024-04-10, then each 6 months after the previous): 2024-04-09, 2024-10-01, 2025-04-01
-- (setting EMO: P3's latest category on 31 March 2026), 2025-10-01, each on time, and the next due
-- 2026-04-01, after E: reviewed within timescales. P7's first review conference, 2025-12-05, came
-- after its due date 2025-12-01: not within timescales. P2 (child in need) visit 2026-07-20 saw C2.
INSERT INTO review (id, plan_id, kind, review_date, outcome, category, seen, seen_alone, recorded_on) VALUES
  (1, 1, 'visit', '2026-05-15', NULL, NULL, 'yes', 'no', '2026-05-15'),
  (2, 1, 'visit', '2026-06-01', NULL, NULL, 'yes', NULL, '2026-06-01'),
  (3, 1, 'review-conference', '2026-08-04', 'Plan continues', 'EMO', NULL, NULL, '2026-08-04'),
  (4, 1, 'visit', '2026-10-01', NULL, NULL, 'yes', 'yes', '2026-10-01'),
  (5, 3, 'review-conference', '2024-04-09', NULL, NULL, NULL, NULL, '2024-04-09'),
  (6, 3, 'review-conference', '2024-10-01', NULL, NULL, NULL, NULL, '2024-10-01'),
  (7, 3, 'review-conference', '2025-04-01', NULL, 'EMO', NULL, NULL, '2025-04-01'),
  (8, 3, 'review-conference', '2025-10-01', NULL, NULL, NULL, NULL, '2025-10-01'),
  (9, 7, 'review-conference', '2025-12-05', NULL, NULL, NULL, NULL, '2025-12-05'),
  (10, 2, 'visit', '2026-07-20', NULL, NULL, 'yes', 'yes', '2026-07-20');
