#!/usr/bin/env bash
# Migration results kept (issue 16 item 9): every warning of a register import kept with its batch,
# listed by `show B…` and `report migration-warnings`; `report migration-quality`'s sanity checks,
# each with a row that passes and one that fails; both reports in every format.
source "$(dirname "$0")/lib.sh"

HEADER='register_ref,surname,forenames,dob,gender,nhs_number,upn,category,registration_date,deregistration_date,deregistration_reason,key_worker,team,address_postcode,person_id'
sql() { sqlite3 "$ICSCTL_DB" "$1"; }

expect_rc 0 init
{
  echo "$HEADER"
  # age-18-too-early: M-1 ended for age 18 at 15 (fails); M-2 at 18 (passes)
  echo 'M-1,Early,Ed,01/01/2010,M,,,Neglect,01/01/2020,01/06/2025,Age 18,Sam Patel,Team A,,PER1'
  echo 'M-2,Right,Rae,01/01/2007,F,,,Neglect,01/01/2020,02/01/2025,Age 18,Sam Patel,Team A,,PER2'
  # over-18-open: M-3's child turned 18 on 2026-01-01 (fails); M-4's is 11 (passes)
  echo 'M-3,Over,Olu,01/01/2008,M,,,Neglect,01/01/2024,,,Sam Patel,Team A,,PER3'
  echo 'M-4,Young,Yan,01/01/2015,F,9434765919,,Neglect,01/01/2024,,,Sam Patel,Team A,,PER4'
  # longer-than-10-years: M-5 runs 11 years (fails); M-2 five (passes)
  echo 'M-5,Long,Lee,01/01/2005,M,,,Neglect,01/01/2008,01/06/2019,NLR,Sam Patel,Team A,,PER5'
  # starts-before-birth: M-6, before the date of birth M-14 (a later registration) confirms (fails);
  # the others (pass)
  echo 'M-6,Prebirth,Pat,01/03/2021,F,,,Neglect,01/01/2021,01/01/2022,NLR,Sam Patel,Team A,,PER6'
  # overlapping-plans: M-8 starts while M-7 is in force (fails); M-10 starts the day M-9 ends (passes)
  echo 'M-7,Overlap,Oz,01/01/2012,M,,,Neglect,01/01/2020,01/01/2022,NLR,Sam Patel,Team A,,PER7'
  echo 'M-8,Overlap,Oz,01/01/2012,M,,,Neglect,01/06/2021,01/01/2023,NLR,Sam Patel,Team A,,PER7'
  echo 'M-9,Sequence,Sid,01/01/2012,M,,,Neglect,01/01/2019,01/01/2020,NLR,Sam Patel,Team A,,PER8'
  echo 'M-10,Sequence,Sid,01/01/2012,M,,,Neglect,01/01/2020,01/01/2021,NLR,Sam Patel,Team A,,PER8'
  # warnings: an unreadable date of birth (and no-date-of-birth fails; every other child passes),
  # an unmapped sex, an invalid NHS number, an invalid UPN
  echo 'M-11,Nodob,Nia,N/K,F,,,Neglect,01/01/2024,,,Sam Patel,Team A,,PER9'
  echo 'M-12,Warned,Wyn,01/01/2016,X,1234567890,A12,Neglect,01/01/2024,,,Sam Patel,Team A,,PER10'
  # a rejected row is not a warning (it is in --rejects)
  echo 'M-13,Rejected,Rex,01/01/2016,F,,,Neglect,,,,Sam Patel,Team A,,PER11'
  echo 'M-14,Prebirth,Pat,01/03/2021,F,,,Neglect,01/06/2023,,,Sam Patel,Team A,,PER6'
  # expected-dob-passed: registered only before birth, the birth date given kept as expected (fails)
  echo 'M-15,Unborn,Una,01/03/2021,U,,,Neglect,01/01/2021,01/02/2021,NLR,Sam Patel,Team A,,PER12'
} >b1.csv
# the second batch: a row whose person id is C1's and NHS number C4's (two children of the database)
{
  echo "$HEADER"
  echo 'N-1,Early,Ed,01/01/2010,M,9434765919,,Neglect,01/01/2026,,,Sam Patel,Team A,,PER1'
} >b2.csv

# a dry run keeps nothing
before=$(db_snapshot)
expect_rc 3 import register b1.csv --mapping legacy-register --dry-run
expect_unchanged "$before"
expect_rc 3 import register b1.csv --mapping legacy-register -o json
expect_out_has '"warnings":4,"batch_id":"B1"'
expect_rc 0 import register b2.csv --mapping legacy-register -o json
expect_out_has '"warnings":1,"batch_id":"B2"'
check "warnings kept [$(sql 'SELECT count(*) FROM import_warning')]" test "$(sql 'SELECT count(*) FROM import_warning')" = 5

# --- show B1: the batch and its warnings, with line, field, value and reason ---------------------
expect_rc 0 show B1 -o json
python3 - "$OUT" <<'PY' || fail "show B1 -o json: $OUT"
import json, sys
batch = json.loads(sys.argv[1])[0]
got = [(w["line"], w["ref"], w["field"], w["value"]) for w in batch["warnings"]]
want = [(12, "M-11", "date_of_birth", "N/K"), (13, "M-12", "sex", "X"),
        (13, "M-12", "nhs_number", "1234567890"), (13, "M-12", "upn", "A12")]
assert sorted(got) == sorted(want), got
assert all(w["reason"] for w in batch["warnings"])
assert batch["batch_id"] == "B1"
PY
expect_rc 0 show B1
expect_out_has "warnings"
expect_out_has "1234567890"
expect_rc 0 show B2 -o json
expect_out_has '"field":"nhs_number","value":"9434765919","reason":"also names child C4 of the database; the plans go to child C1"'

# --- report migration-warnings, in every format, filtered by batch --------------------------------
for format in csv tsv json ndjson; do
  expect_rc 0 report migration-warnings -o "$format"
  expect_golden "migration-warnings.$format"
done
expect_rc 0 report migration-warnings
expect_out_has "date_of_birth"
expect_rc 0 report migration-warnings --batch B2 -o csv
expect_out 'batch_id,file_name,line,ref,field,value,reason,child_id,plan_id
B2,b2.csv,2,N-1,nhs_number,9434765919,also names child C4 of the database; the plans go to child C1,C1,P15'
expect_rc 0 report migration-warnings --batch B9 -o csv
expect_out 'batch_id,file_name,line,ref,field,value,reason,child_id,plan_id'
expect_rc 3 report migration-warnings --batch P1
expect_rc 2 report register --batch B1
expect_err_has "report 'register' takes no --batch"
# known at a date before the import: nothing yet
expect_rc 0 report migration-warnings --as-of 2026-11-21 -o csv
expect_out 'batch_id,file_name,line,ref,field,value,reason,child_id,plan_id'

# --- report migration-quality: each check fails once and passes for the others --------------------
for format in csv tsv json ndjson; do
  expect_rc 0 report migration-quality -o "$format"
  expect_golden "migration-quality.$format"
done
expect_rc 0 report migration-quality
expect_out_has "age-18-too-early"
expect_rc 0 report migration-quality -o csv
for check_name in age-18-too-early over-18-open longer-than-10-years starts-before-birth overlapping-plans no-date-of-birth expected-dob-passed; do
  n=$(grep -c "^$check_name," <<<"$OUT")
  check "$check_name: $n findings, wanted 1 [$OUT]" test "$n" = 1
done
expect_out_has "age-18-too-early,C1,Ed Early,2010-01-01,P1,B1,M-1,"
expect_out_has "over-18-open,C3,Olu Over,2008-01-01,P3,B1,M-3,open on 2026-11-22; the child turned 18 on 2026-01-01"
expect_out_has "overlapping-plans,C7,Oz Overlap,2012-01-01,P8,B1,M-8,starts 2021-06-01 while P7 (2020-01-01 to 2022-01-01) is in force"
expect_out_has "no-date-of-birth,C9,Nia Nodob,,,,,no date of birth or expected date of birth"
# as of a date before C3's 18th birthday the plan is fine
expect_rc 0 report migration-quality --as-of 2025-12-31 -o csv
check "over-18-open as of 2025-12-31 [$OUT]" test -z "$(grep '^over-18-open,' <<<"$OUT")"
expect_rc 0 report migration-quality --batch B2 -o csv
check "migration-quality --batch B2 [$OUT]" test "$(wc -l <<<"$OUT")" = 1
expect_rc 0 report --list -o csv
expect_out_has "migration-warnings,"
expect_out_has "migration-quality,"

finish
