-- The authority of test_census_export.sh: a census year 2026 (period 2025-04-01 to 2026-03-31) with
-- every element of the return, codes of every list, records inside and outside the period, a plan
-- migrated from a register with the episode and transfer-in conference its migration made, an unborn
-- child, a transfer-in from another authority, a death and a referral with no further action. Written
-- straight into a database `icsctl init` made, clean by the census rules (returns-spec §1.12).
INSERT INTO template_snapshot (id, name, version, hash, body) VALUES
  (1, 'child-protection', 1, 'fixture-cp', ''), (2, 'child-in-need', 1, 'fixture-cin', '');
INSERT INTO child (id, given_names, family_name, date_of_birth, expected_dob, sex, nhs_number, upn, ethnicity,
                   disabilities, upn_unknown, former_upn, mother_nhs_number, date_of_death, recorded_on) VALUES
  (1, 'Amelia', 'Smith', '2019-04-02', NULL, 'F', NULL, 'U202123456789', 'WBRI', 'MOB,HAND', NULL,
   'N202987654321', NULL, NULL, '2025-05-06'),
  (2, 'Ben', 'Jones', '2021-07-15', NULL, 'M', NULL, NULL, 'MWBC', 'NONE', 'UN1', NULL, NULL, NULL, '2025-03-03'),
  (3, 'Chloé', 'O''Neil', '2015-10-01', NULL, 'F', NULL, NULL, 'WIRI', 'LD,AUT', 'UN2', NULL, NULL, NULL,
   '2024-11-04'),
  (4, 'Dan', 'Evans', '2012-05-20', NULL, 'M', NULL, 'A202555000111', 'AIND', 'COMM', NULL, NULL, NULL, NULL,
   '2025-01-06'),
  (5, 'Ella', 'Green', '2020-02-29', NULL, 'F', NULL, NULL, 'BAFR', 'VIS,HEAR,BEH', 'UN1', NULL, NULL, NULL,
   '2025-06-09'),
  (6, 'Unborn', 'Ito', NULL, '2026-05-20', 'F', NULL, NULL, 'NOBT', NULL, NULL, NULL, '9434765919', NULL,
   '2026-01-15'),
  (7, 'Finn', 'Hughes', '2016-03-03', NULL, 'M', NULL, NULL, 'REFU', 'CON,PC', 'UN4', NULL, NULL, '2026-02-10',
   '2025-10-01'),
  (8, 'Grace', 'Hall', '2018-08-08', NULL, 'F', NULL, NULL, 'CHNE', NULL, 'UN7', NULL, NULL, NULL, '2026-02-02'),
  (9, 'Ivan', 'Jovic', '2014-06-06', NULL, 'M', NULL, NULL, 'OOTH', 'DDA,INC', 'UN5', NULL, NULL, NULL,
   '2025-08-04'),
  (10, 'Jack', 'King', '2022-02-02', NULL, 'M', NULL, 'J202111222333', 'WBRI', 'NONE', NULL, NULL, NULL, NULL,
   '2026-04-15');

-- E1 a referral leading to an enquiry, a conference and a plan; E2 a child in need plan; E3 closed
-- before the period (left out); E4 made by the migration of register plan P3 (source and need not
-- known); E5 referred before the period, its first assessment and enquiry over before it (left out),
-- an assessment still open and an enquiry whose conference came after 31 March (shown open); E6 closed
-- after assessment (RC8); E7 a transfer-in from another authority (a conference of no enquiry), its plan
-- ended with a step down; E9 an unborn child's; E10 closed on the child's death; E11 no further action;
-- E12 an enquiry ended with no conference needed; E13 referred after the period (left out).
INSERT INTO episode (id, child_id, referral_date, referral_source, primary_need, nfa, closure_date,
                     closure_reason, made_by, recorded_on) VALUES
  (1, 1, '2025-05-06', '2A', 'N1', 0, NULL, NULL, NULL, '2025-05-06'),
  (2, 2, '2025-09-01', '1A', 'N4', 0, '2026-02-27', 'RC7', NULL, '2025-09-01'),
  (3, 2, '2025-03-03', '1C', 'N4', 0, '2025-03-28', 'RC7', NULL, '2025-03-03'),
  (4, 3, '2024-11-04', NULL, NULL, 0, NULL, NULL, 'migration', '2024-11-04'),
  (5, 4, '2025-01-06', '6', 'N5', 0, NULL, NULL, NULL, '2025-01-06'),
  (6, 5, '2025-06-09', '3B', 'N2', 0, '2025-07-15', 'RC8', NULL, '2025-06-09'),
  (7, 5, '2025-11-03', '5C', 'N3', 0, NULL, NULL, NULL, '2025-11-03'),
  (9, 6, '2026-01-15', '3F', 'N1', 0, NULL, NULL, NULL, '2026-01-15'),
  (10, 7, '2025-10-01', '4', 'N6', 0, '2026-02-10', 'RC2', NULL, '2025-10-01'),
  (11, 8, '2026-02-02', '9', NULL, 1, NULL, NULL, NULL, '2026-02-02'),
  (12, 9, '2025-08-04', '8', 'N8', 0, NULL, NULL, NULL, '2025-08-04'),
  (13, 10, '2026-04-15', '2B', 'N1', 0, NULL, NULL, NULL, '2026-04-15');

INSERT INTO assessment (id, episode_id, start_date, completed_date, factors, recorded_on) VALUES
  (1, 1, '2025-05-07', '2025-06-10', '3A,16A', '2025-05-07'),
  (2, 2, '2025-09-02', '2025-10-14', '4B,1B', '2025-09-02'),
  (3, 3, '2025-03-04', '2025-03-27', '21', '2025-03-04'),
  (4, 5, '2025-01-07', '2025-02-20', '2C,17A', '2025-01-07'),
  (5, 5, '2026-03-16', NULL, NULL, '2026-03-16'),
  (6, 6, '2025-06-10', '2025-07-11', '21', '2025-06-10'),
  (7, 7, '2025-11-04', '2025-12-01', '19C', '2025-11-04'),
  (8, 9, '2026-01-16', '2026-02-13', '1B,3B', '2026-01-16'),
  (9, 10, '2025-10-02', '2025-10-30', '20,24A', '2025-10-02'),
  (10, 12, '2025-08-05', '2025-09-15', '10A,11A', '2025-08-05');

INSERT INTO enquiry (id, episode_id, start_date, conference_target, end_date, recorded_on) VALUES
  (1, 1, '2025-05-12', '2025-06-03', NULL, '2025-05-12'),
  (2, 5, '2025-01-08', '2025-01-29', NULL, '2025-01-08'),
  (3, 5, '2026-03-16', '2026-04-08', NULL, '2026-03-16'),
  (4, 12, '2025-08-06', '2025-08-28', '2025-08-20', '2025-08-06');

INSERT INTO conference (id, episode_id, enquiry_id, conference_date, outcome, recorded_on) VALUES
  (1, 1, 1, '2025-06-02', 'plan', '2025-06-02'),
  (2, 5, 2, '2025-01-29', 'no-plan', '2025-01-29'),
  (3, 5, 3, '2026-04-07', 'no-plan', '2026-04-07'),
  (4, 4, NULL, '2024-11-04', 'plan', '2024-11-04'),
  (7, 7, NULL, '2025-11-05', 'plan', '2025-11-05');

INSERT INTO plan (id, child_id, template_id, kind, initial_category, latest_category, start_date, end_date,
                  end_reason, previous_cp_plans, legacy_ref, episode_id, conference_id, recorded_on) VALUES
  (1, 1, 1, 'child-protection', 'NEG', 'EMO', '2025-06-02', NULL, NULL, 0, NULL, 1, 1, '2025-06-02'),
  (2, 2, 2, 'child-in-need', NULL, NULL, '2025-10-15', '2026-02-27', 'other', 0, NULL, 2, NULL, '2025-10-15'),
  (3, 3, 1, 'child-protection', 'PHY', 'MUL', '2024-11-04', NULL, NULL, 1, 'CPR-0000042', 4, 4, '2024-11-04'),
  (7, 5, 1, 'child-protection', 'SAB', 'SAB', '2025-11-05', '2026-03-10', 'no-longer-at-risk', 0, NULL, 7, 7,
   '2025-11-05'),
  (8, 5, 2, 'child-in-need', NULL, NULL, '2026-03-10', '2026-05-01', 'other', 0, NULL, 7, NULL, '2026-03-10'),
  (9, 6, 2, 'child-in-need', NULL, NULL, '2026-02-16', NULL, NULL, 0, NULL, 9, NULL, '2026-02-16'),
  (10, 7, 2, 'child-in-need', NULL, NULL, '2025-11-03', '2026-02-10', 'died', 0, NULL, 10, NULL, '2025-11-03'),
  (12, 9, 2, 'child-in-need', NULL, NULL, '2025-09-16', NULL, NULL, 0, NULL, 12, NULL, '2025-09-16');

-- Review conferences (one before the period, one after it), a core group and a visit (not in the census).
INSERT INTO review (plan_id, kind, review_date, outcome, category, recorded_on) VALUES
  (1, 'review-conference', '2025-08-26', 'continue', 'EMO', '2025-08-26'),
  (1, 'core-group', '2025-09-10', NULL, NULL, '2025-09-10'),
  (1, 'visit', '2025-09-12', NULL, NULL, '2025-09-12'),
  (1, 'review-conference', '2026-01-20', 'continue', NULL, '2026-01-20'),
  (3, 'review-conference', '2025-01-27', 'continue', NULL, '2025-01-27'),
  (3, 'review-conference', '2025-07-21', 'continue', 'MUL', '2025-07-21'),
  (7, 'review-conference', '2026-01-14', 'continue', NULL, '2026-01-14'),
  (1, 'review-conference', '2026-04-14', 'continue', NULL, '2026-04-14');
