#!/usr/bin/env bash
# Ofsted's Annex A (issue 14 item 4): `export annex-a` writes an Excel workbook of lists 3-7 (read back
# with python3-openpyxl: the sheet names, every header in order, a few cells, dates as real dates),
# owner-only and never partial; `--list N` gives one list in an output format (golden csv).
source "$(dirname "$0")/lib.sh"

check() { local what=$1; shift; CHECKS=$((CHECKS + 1)); "$@" || fail "$what"; }

expect_rc 0 init -q
sqlite3 "$ICSCTL_DB" <"$ICS_SOURCE_DIR/tests/e2e/returns_fixture.sql" || fail "the fixture did not load"
WINDOW=(--from 2026-04-01 --to 2026-09-30)

# --- one list at a time, golden csv -------------------------------------------------------------
# List 3: E1 (C1: the NFA referral E2 on 2025-06-01 within 12 months before it), E3 (C2: E8),
# E6 (C3 unborn: no age), E7 (C5); the episodes made for plans are not referrals. List 4: N1 completed
# with factors (yes), N2 open, N3 completed after --to (shown open). List 5: S1 (conference with a
# plan), S2 (no conference needed), S3. List 6: the episodes open in the window. List 7: P1, P3 (ended
# 2026-06-30), P5 (unborn), P7 (open on --to: its end 2026-10-15 not shown), P13.
for n in 3 4 5 6 7; do
  expect_rc 0 export annex-a "${WINDOW[@]}" --list "$n" -o csv
  expect_golden "annex_a_list_$n.csv"
done
expect_rc 0 export annex-a "${WINDOW[@]}" --list 7 -o ndjson
expect_out_has '{"child_unique_id":"C1","gender":"b) Female","ethnicity":"a) WBRI","date_of_birth":"2019-04-02","age":7,'
expect_out_has '"initial_category":"a) Neglect","latest_category":"d) Emotional abuse","last_visit_date":"2026-06-01","seen_alone":"c) Unknown"'
expect_rc 0 export annex-a "${WINDOW[@]}" --list 3 -o tsv
expect_out_has $'Child Unique ID\tGender\tEthnicity\tDate of Birth\tAge\tDate of Referral'

# bad input
expect_rc 3 export annex-a "${WINDOW[@]}" --list 1 -o csv
expect_err_has "'list' is not a list icsctl writes (3, 4, 5, 6 or 7"
expect_rc 3 export annex-a --from 2026-10-01 --to 2026-09-30 --list 3
expect_err_has "'to'"
expect_rc 3 export annex-a --from 2026-13-01 --to 2026-09-30 --list 3
expect_err_has "'from'"
expect_rc 2 export annex-a "${WINDOW[@]}"
expect_err_has "--out"
expect_rc 2 export annex-a --to 2026-09-30 --out x.xlsx
expect_rc 2 export annex-a "${WINDOW[@]}" --list 3 --out x.xlsx
check "a refused export left a file" test ! -e x.xlsx

# --- the workbook -------------------------------------------------------------------------------
umask 022
expect_rc 0 export annex-a "${WINDOW[@]}" --out annex-a.xlsx
expect_out ""
check "the workbook is not owner-only: $(stat -c %a annex-a.xlsx)" test "$(stat -c %a annex-a.xlsx)" = 600
check "a partial file was left: $(ls -A)" test -z "$(ls -A | grep -e '\.part$' -e 'xlsx.' -e '^x.xlsx')"

# Debian's python3-openpyxl is for Debian's python, not one a version manager put first on PATH
python=/usr/bin/python3
[ -x "$python" ] || python=python3
"$python" - annex-a.xlsx <<'PY' >workbook.txt 2>&1 || fail "openpyxl could not read the workbook: $(cat workbook.txt)"
import datetime, sys
import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
print("sheets:", book.sheetnames)
for sheet in book.worksheets:
    rows = list(sheet.iter_rows(values_only=True))
    print(sheet.title, "headers:", list(rows[0]))
    print(sheet.title, "rows:", len(rows) - 1)
list7 = book["List 7"]
dob = list7["D2"]
print("D2:", type(dob.value).__name__, dob.value.date().isoformat() if isinstance(dob.value, datetime.datetime) else dob.value,
      "date" if dob.is_date else "not a date", dob.number_format)
print("A2:", list7["A2"].value, "B2:", list7["B2"].value, "E2:", list7["E2"].value, type(list7["E2"].value).__name__)
print("N2:", list7["N2"].value)
print("G2:", list7["G2"].value.date().isoformat())
list3 = book["List 3"]
print("List 3 G2:", list3["G2"].value, "I2:", list3["I2"].value)
PY
workbook=$(cat workbook.txt)
has() { CHECKS=$((CHECKS + 1)); grep -qxF -- "$1" <<<"$workbook" || fail "the workbook lacks [$1]: [$workbook]"; }
has "sheets: ['List 3', 'List 4', 'List 5', 'List 6', 'List 7']"
has "List 3 headers: ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Date of Referral', 'Referral Source', 'Referral NFA?', 'Number of Referrals in Last 12 Months', 'Allocated Team', 'Allocated Worker']"
has "List 4 headers: ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Does the Child have a Disability', 'Continuous Assessment Start Date', 'Child Seen During Continuous Assessment', 'Continuous Assessment Date of Authorisation', \"Was the child assessed as requiring LA children's social care support?\", 'Allocated Team', 'Allocated Worker']"
has "List 5 headers: ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Does the Child have a Disability', 'Strategy discussion initiating Section 47 Enquiry Start Date', 'Was an Initial Child Protection Conference deemed unnecessary?', 'Date of Initial Child Protection Conference', 'Did the Initial Child Protection Conference Result in a Child Protection Plan', 'Number of Section 47 Enquiries in the last 12 months', 'Number of ICPCs in the last 12 months', 'Allocated Team', 'Allocated Worker']"
has "List 6 headers: ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Does the Child have a Disability', 'CIN Start Date', 'Primary Need Code', 'Date Child Was Last Seen', 'CIN Closure Date', 'Reason for Closure', 'Case Status', 'Allocated Team', 'Allocated Worker']"
has "List 7 headers: ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Does the Child have a Disability', 'Child Protection Plan Start Date', 'Initial Category of Abuse', 'Latest Category of Abuse', 'Date of the Last Statutory Visit', 'Was the Child Seen Alone?', 'Date of latest review conference', 'Child Protection Plan End Date', 'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)', 'Number of Previous Child Protection Plans', 'Allocated Team', 'Allocated Worker']"
# each sheet has as many rows as its --list csv
for n in 3 4 5 6 7; do
  rows=$(($(wc -l <"$ICS_GOLDEN/annex_a_list_$n.csv") - 1))
  has "List $n rows: $rows"
done
# list 7's first row is P3 (the earliest start): C4, born 2012-05-20, a real date cell
has "D2: datetime 2012-05-20 date dd/mm/yyyy"
has "A2: C4 B2: a) Male E2: 14 int"
has "N2: c) Unknown"
has "G2: 2024-01-10"
has "List 3 G2: g) 3A: Health services I2: 1"

# a second export replaces the file; a folder that does not exist leaves nothing behind
expect_rc 0 export annex-a --from 2026-09-01 --to 2026-09-30 --out annex-a.xlsx
check "the second workbook is not owner-only" test "$(stat -c %a annex-a.xlsx)" = 600
expect_rc 1 export annex-a "${WINDOW[@]}" --out no-such-dir/annex-a.xlsx
check "a failed export left a file" test ! -e no-such-dir

finish
