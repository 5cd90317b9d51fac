#!/usr/bin/env bash
# Children (issue 2 item 6) and bad input at the edges (item 11): add-child validation, names that
# are hard to store, global options before and after the subcommand, naming a child as C…, nhs:,
# upn: or ref: in `show` and `open-plan`. Every refused command leaves the database unchanged.
source "$(dirname "$0")/lib.sh"

expect_rc 0 init -q

add() { expect_rc 0 add-child "$@"; }
kid=(--given-names Kim --family-name Lee)

# --- happy paths: ids count up ------------------------------------------------------------------
add --given-names "Amelia Rose" --family-name Smith --dob 2019-04-02 --sex F --nhs-number "943 476 5919"
expect_out C1
CHECKS=$((CHECKS + 1)); [ -z "$ERR" ] || fail "add-child wrote [$ERR] on stderr"
add --given-names Ben --family-name Jones --dob 2021-07-15 --sex M --upn A123456789012 --ref CPR-0000042
expect_out C2
add --given-names Unborn --family-name Brown --expected-dob 2027-03-01
expect_out C3
expect_rc 0 show C1 -o csv
expect_out "child_id,given_names,family_name,date_of_birth,expected_dob,sex,nhs_number,upn,ethnicity,refs,import_batch,source_line,disabilities,upn_unknown,former_upn,mother_nhs_number,date_of_death,restricted
C1,Amelia Rose,Smith,2019-04-02,,F,9434765919,,,,,,,,,,,no"
expect_rc 0 show C3 -o csv
expect_out "child_id,given_names,family_name,date_of_birth,expected_dob,sex,nhs_number,upn,ethnicity,refs,import_batch,source_line,disabilities,upn_unknown,former_upn,mother_nhs_number,date_of_death,restricted
C3,Unborn,Brown,,2027-03-01,U,,,,,,,,,,,,no"

# --- NHS numbers -------------------------------------------------------------------------------
refused 3 "'nhs_number' is not a valid NHS number: '9434765918'" add-child "${kid[@]}" --dob 2020-01-01 --nhs-number 9434765918
refused 3 "'nhs_number' is not a valid NHS number: '1234567890'" add-child "${kid[@]}" --dob 2020-01-01 --nhs-number 1234567890
refused 3 "nhs_number" add-child "${kid[@]}" --dob 2020-01-01 --nhs-number 1234567891  # check value 10: no digit works
refused 3 "nhs_number" add-child "${kid[@]}" --dob 2020-01-01 --nhs-number 943476591
refused 3 "nhs_number" add-child "${kid[@]}" --dob 2020-01-01 --nhs-number 94347659190
refused 3 "nhs_number" add-child "${kid[@]}" --dob 2020-01-01 --nhs-number 943-476-5919
refused 3 "nhs_number" add-child "${kid[@]}" --dob 2020-01-01 --nhs-number "943 476 591X"
# a duplicate, however spaced, is refused and names the child that holds it
refused 3 "NHS number 9434765919 is already held by child C1" add-child "${kid[@]}" --dob 2020-01-01 --nhs-number 9434765919
refused 3 "already held by child C1" add-child "${kid[@]}" --dob 2020-01-01 --nhs-number "94 34 76 59 19"
refused 3 "already held by child C2" add-child "${kid[@]}" --dob 2020-01-01 --ref CPR-0000042

# --- UPNs: check letter, length, temporary UPNs ------------------------------------------------
refused 3 "'upn' is not a valid UPN: 'B123456789012'" add-child "${kid[@]}" --dob 2020-01-01 --upn B123456789012
refused 3 "'upn'" add-child "${kid[@]}" --dob 2020-01-01 --upn A12345678901
refused 3 "'upn'" add-child "${kid[@]}" --dob 2020-01-01 --upn A1234567890123
refused 3 "'upn'" add-child "${kid[@]}" --dob 2020-01-01 --upn I123456789012
refused 3 "'upn'" add-child "${kid[@]}" --dob 2020-01-01 --upn A12345678901I
add "${kid[@]}" --dob 2020-01-01 --upn Z93610000001A   # temporary UPN, check letter Z
expect_out C4
add "${kid[@]}" --dob 2020-01-02 --upn e201100012345  # lower case is stored upper case
expect_out C5
expect_rc 0 list children -o csv
expect_out_has "C5,Kim,Lee,2020-01-02,,U,,E201100012345,,0"

# --- dates -------------------------------------------------------------------------------------
refused 3 "'dob' is not a date (YYYY-MM-DD, today, yesterday, tomorrow, sow, eow, som, eom, soy, eoy, or days, weeks, months, years or working days from today: +7d, -2w, -6m, +1y, +10wd; icsctl help dates): '2023-02-29'" add-child "${kid[@]}" --dob 2023-02-29
refused 3 "'dob' is not a date (YYYY-MM-DD, today, yesterday, tomorrow, sow, eow, som, eom, soy, eoy, or days, weeks, months, years or working days from today: +7d, -2w, -6m, +1y, +10wd; icsctl help dates): '2021-13-01'" add-child "${kid[@]}" --dob 2021-13-01
refused 3 "'dob' is not a date (YYYY-MM-DD, today, yesterday, tomorrow, sow, eow, som, eom, soy, eoy, or days, weeks, months, years or working days from today: +7d, -2w, -6m, +1y, +10wd; icsctl help dates): '31/02/2001'" add-child "${kid[@]}" --dob 31/02/2001
refused 3 "'dob'" add-child "${kid[@]}" --dob 2021-1-5
refused 3 "'dob' is after today: '2026-11-23'" add-child "${kid[@]}" --dob 2026-11-23
add "${kid[@]}" --dob 2024-02-29
expect_out C6
add "${kid[@]}" --dob 2026-11-22   # born today
expect_out C7
# an unborn child: expected within the next ten months (today .. 2027-09-22)
add "${kid[@]}" --expected-dob 2027-09-22
expect_out C8
refused 3 "'expected_dob' must be within the next ten months: '2027-09-23'" add-child "${kid[@]}" --expected-dob 2027-09-23
refused 3 "'expected_dob' must be within the next ten months: '2026-11-21'" add-child "${kid[@]}" --expected-dob 2026-11-21
refused 3 "'expected_dob' is not a date" add-child "${kid[@]}" --expected-dob 2027-02-30
# exactly one of --dob and --expected-dob: a usage error
refused 2 "--dob" add-child "${kid[@]}"
refused 2 "--dob excludes --expected-dob" add-child "${kid[@]}" --dob 2020-01-01 --expected-dob 2027-01-01

# --- sex, required names, unknown options ------------------------------------------------------
refused 3 "'sex' must be one of M, F, U: 'X'" add-child "${kid[@]}" --dob 2020-01-01 --sex X
refused 3 "'sex'" add-child "${kid[@]}" --dob 2020-01-01 --sex f
refused 3 "'given_names' must not be empty" add-child --given-names "  " --family-name Lee --dob 2020-01-01
refused 2 "--family-name is required" add-child --given-names Kim --dob 2020-01-01
refused 2 "--bogus" add-child "${kid[@]}" --dob 2020-01-01 --bogus
refused 2 "icsctl: error:" add-child "${kid[@]}" --dob

# --- names with quotes, commas and SQL; non-ASCII; bytes that are not UTF-8 --------------------
sql="Robert'); DROP TABLE child;--"
add --given-names "$sql" --family-name "O'Brien, \"Bob\"" --dob 2018-06-01
expect_out C9
add --given-names Zoë --family-name "Ó Briain" --dob 2017-03-05 --sex F
expect_out C10
expect_rc 0 show C9 -o csv
expect_out "child_id,given_names,family_name,date_of_birth,expected_dob,sex,nhs_number,upn,ethnicity,refs,import_batch,source_line,disabilities,upn_unknown,former_upn,mother_nhs_number,date_of_death,restricted
C9,$sql,\"O'Brien, \"\"Bob\"\"\",2018-06-01,,U,,,,,,,,,,,,no"
expect_rc 0 show C9 -o ndjson
expect_out_has "\"given_names\":\"Robert'); DROP TABLE child;--\",\"family_name\":\"O'Brien, \\\"Bob\\\"\""
expect_rc 0 show C10 -o tsv
expect_out "$(printf '%s\t' child_id given_names family_name date_of_birth expected_dob sex nhs_number upn \
  ethnicity refs import_batch source_line disabilities upn_unknown former_upn mother_nhs_number \
  date_of_death)restricted
$(printf '%s\t' C10 Zoë 'Ó Briain' 2017-03-05 '' F '' '' '' '' '' '' '' '' '' '' '')no"
expect_rc 0 show C10
expect_out_has "Ó Briain"
CHECKS=$((CHECKS + 1))
[ "$(sqlite3 "$ICSCTL_DB" "SELECT hex(given_names) || ' ' || hex(family_name) FROM child WHERE id = 10")" = \
  "5A6FC3AB C3932042726961696E" ] || fail "Zoë Ó Briain not stored as these UTF-8 bytes"
CHECKS=$((CHECKS + 1))
[ "$(sqlite3 "$ICSCTL_DB" "SELECT count(*) FROM child")" = 10 ] || fail "the child table lost rows"
refused 3 "'given_names' is not valid UTF-8" add-child --given-names $'Zo\xff' --family-name Lee --dob 2020-01-01
refused 3 "'family_name' is not valid UTF-8" add-child --given-names Kim --family-name $'\xc3\x28' --dob 2020-01-01
refused 3 "'ref' is not valid UTF-8" add-child "${kid[@]}" --dob 2020-01-01 --ref $'CPR-\xfe'

# --- global options before and after the subcommand ----------------------------------------------
other="$SCRATCH/other.db"
expect_rc 0 --db "$other" init -q
expect_rc 0 --db "$other" add-child --given-names Before --family-name Opts --dob 2020-01-01
expect_out C1
expect_rc 0 add-child --given-names After --family-name Opts --dob 2020-01-01 --db "$other" --as carol
expect_out C2
expect_rc 0 --db "$other" -o csv list children
expect_out_has "C2,After,Opts,2020-01-01,,U,,,,0"
expect_rc 0 list children --db "$other" -o json
expect_out_has '{"child_id":"C1","given_names":"Before"'
expect_rc 0 list children -o csv
expect_out_has "C10,Zoë,Ó Briain"
CHECKS=$((CHECKS + 1))
[ "$(sqlite3 "$other" "SELECT actor FROM audit WHERE entity = 'C2'")" = carol ] || fail "--as after the subcommand ignored"
expect_rc 2 -o xml list children
expect_err_has "icsctl: error:"

# --- naming a child: C…, nhs:, upn:, ref: in show and open-plan ----------------------------------
for ref in C1 c1 nhs:9434765919 "nhs:943 476 5919"; do
  expect_rc 0 show "$ref" -o csv
  expect_out_has "C1,Amelia Rose,Smith,2019-04-02"
done
for ref in upn:A123456789012 upn:a123456789012 ref:CPR-0000042; do
  expect_rc 0 show "$ref" -o csv
  expect_out_has "C2,Ben,Jones,2021-07-15"
done
expect_rc 0 open-plan nhs:9434765919 --template child-in-need --start 2026-01-05
expect_out P1
expect_rc 0 open-plan upn:A123456789012 --template child-in-need --start 2026-01-05
expect_out P2
# ref: names C2 too, whose open child in need plan keeps a child protection plan out (never both at once)
refused 3 "child C2 already has an open child-in-need plan P2: a child protection plan and a child in need plan may not overlap" \
  open-plan ref:CPR-0000042 --template child-protection --category NEG --start 2026-01-05
expect_rc 0 open-plan c4 --template child-in-need --start 2026-01-05
expect_out P3
expect_rc 0 list plans -o csv
expect_out_has "P2,C2,child-in-need,child-in-need,,,2026-01-05"
expect_out_has "P3,C4,child-in-need"
# unknown children: exit 4; references that cannot be children: exit 3
refused 4 "no child 'C99'" open-plan C99 --template child-in-need
refused 4 "no child 'nhs:4010232137'" open-plan nhs:4010232137 --template child-in-need
refused 4 "no child 'upn:M93610000002A'" open-plan upn:M93610000002A --template child-in-need
refused 4 "no child 'ref:CPR-9999999'" open-plan ref:CPR-9999999 --template child-in-need
refused 4 "no child 'C99'" show C99
refused 4 "no child" show nhs:4010232137
refused 3 "'child'" open-plan X1 --template child-in-need
refused 3 "'child'" open-plan 12 --template child-in-need
refused 3 "'child'" open-plan P1 --template child-in-need
refused 3 "'child' is not a valid NHS number" open-plan nhs:9434765918 --template child-in-need
refused 3 "'child' is not a valid UPN" open-plan upn:B123456789012 --template child-in-need
refused 3 "'child'" open-plan "C1; DROP TABLE plan" --template child-in-need
refused 3 "'id'" show "C1'--"
refused 3 "'id'" show C
refused 3 "'id'" show C0
refused 3 "'id'" show C-1

# --- an empty date is a usage error (last: if this is accepted, it adds a child with no date at all) ---
refused 2 "option '--dob' is given an empty value" add-child "${kid[@]}" --dob ""
refused 2 "option '--expected-dob' is given an empty value" add-child "${kid[@]}" --expected-dob ""

finish
