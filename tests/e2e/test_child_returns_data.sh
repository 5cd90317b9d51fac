#!/usr/bin/env bash
# The child data the returns need (issue 14 item 1): add-child's --disabilities, --upn-unknown,
# --former-upn, --mother-nhs-number and coded --ethnicity; the bulk round trip and `show`; record-death
# (every refusal and what it closes) and the rule that nothing is dated after a death; the return
# settings (set, show, errors, the audit trail).
source "$(dirname "$0")/lib.sh"

UPN=P820400100500  # a valid Unique Pupil Number
expect_rc 0 init

# --- add-child: the new options ---------------------------------------------------------------------
expect_rc 0 add-child --given-names Noah --family-name Green --dob 2012-09-09 --sex M --ethnicity WBRI \
  --disabilities "AUT, COMM" --upn-unknown UN2 --former-upn a123456789012
expect_out C1
expect_rc 0 add-child --given-names Unborn --family-name Patel --expected-dob 2027-02-14 \
  --mother-nhs-number "943 476 5870" --disabilities NONE
expect_out C2
expect_rc 0 add-child --given-names Amy --family-name Stone --dob 2019-04-02 --upn "$UPN" --ethnicity NOBT
expect_out C3
refused 3 "'disabilities' lists NONE (no disability) with other codes: NONE stands alone: 'NONE,AUT'" \
  add-child --given-names A --family-name B --dob 2019-01-01 --disabilities NONE,AUT
refused 3 "'disabilities' is listed twice: 'AUT'" add-child --given-names A --family-name B --dob 2019-01-01 --disabilities AUT,AUT
refused 3 "'disabilities' is not in the disability list: must be one of NONE, MOB" \
  add-child --given-names A --family-name B --dob 2019-01-01 --disabilities BLIND
refused 3 "'disabilities' has an empty item" add-child --given-names A --family-name B --dob 2019-01-01 --disabilities AUT,
refused 3 "'upn_unknown' is not in the upn-unknown list: must be one of UN1, UN2, UN3, UN4, UN5, UN6, UN7: 'UN9'" \
  add-child --given-names A --family-name B --dob 2019-01-01 --upn-unknown UN9
refused 2 "--upn excludes --upn-unknown" add-child --given-names A --family-name B --dob 2019-01-01 --upn "$UPN" --upn-unknown UN1
refused 3 "'former_upn' is not a valid UPN: 'B123456789012'" \
  add-child --given-names A --family-name B --dob 2019-01-01 --former-upn B123456789012
refused 3 "'mother_nhs_number' is recorded only for an unborn child" \
  add-child --given-names A --family-name B --dob 2019-01-01 --mother-nhs-number 9434765870
refused 3 "'mother_nhs_number' is not a valid NHS number: '9434765871'" \
  add-child --given-names A --family-name B --expected-dob 2027-01-01 --mother-nhs-number 9434765871
refused 3 "'ethnicity' is not in the ethnicity list: must be one of WBRI, WIRI" \
  add-child --given-names A --family-name B --dob 2019-01-01 --ethnicity "White British"
refused 2 "--disabilities" add-child --given-names A --family-name B --dob 2019-01-01 --disabilities ''

# --- show and the audit image carry them ------------------------------------------------------------
expect_rc 0 show C1 -o json
expect_out_has '"disabilities":"AUT,COMM","upn_unknown":"UN2","former_upn":"A123456789012","mother_nhs_number":null,"date_of_death":null'
expect_rc 0 show C2 -o csv
expect_out_has ',NONE,,,9434765870,'
expect_rc 0 log C1 -o ndjson
expect_out_has '\"disabilities\":[\"AUT\",\"COMM\"],\"upn_unknown\":\"UN2\",\"former_upn\":\"A123456789012\"'

# --- ethnicity stored before the code list is kept, and db check lists it ---------------------------
# (written here with sqlite3, past the audit trail: db check names that change too, and exits 1)
sqlite3 "$ICSCTL_DB" "UPDATE child SET ethnicity = 'White British' WHERE id = 3"
expect_rc 1 db check
expect_out_has "C3: ethnicity is 'White British'"
expect_err_has "kept: ethnicity 'White British' of 1 child (first C3) is not a code of schemas/codes/ethnicity.yaml"

# --- record-death: refusals -----------------------------------------------------------------------
expect_rc 0 open-plan C1 --template child-protection --category NEG --start 2026-03-02 --worker "Sam Patel"
expect_out P1
expect_rc 0 record-review P1 --date 2026-04-01 --kind visit --seen yes --seen-alone yes
expect_rc 0 open-referral C3 --date 2026-06-01 --source 3A --need N1
expect_out E2
expect_rc 0 start-assessment E2 --date 2026-06-02
expect_rc 0 start-enquiry E2 --date 2026-06-03
refused 3 "'date' is before the child's review R1 was held on 2026-04-01: nothing of a child is dated after its death: '2026-03-20'" \
  record-death --yes C1 --date 2026-03-20
refused 3 "'date' is after today: '2026-11-23'" record-death --yes C1 --date 2026-11-23
refused 3 "'date' is before the child's date of birth (2012-09-09)" record-death --yes C1 --date 2012-09-08
refused 3 "the death of child 'C3' cannot be recorded while assessment N1 (episode E2) and enquiry S1 (episode E2) are open" \
  record-death --yes C3 --date 2026-07-01
refused 4 "no child 'C9'" record-death --yes C9 --date 2026-05-01
refused 2 "--date is required" record-death --yes C1
refused 3 "'date' is not a date" record-death --yes C1 --date 01/05/2026

# --- record-death: what it closes -------------------------------------------------------------------
open_actions=$(sqlite3 "$ICSCTL_DB" "SELECT count(*) FROM action WHERE plan_id = 1 AND status = 'open'")
check() { CHECKS=$((CHECKS + 1)); "${@:2}" || fail "$1"; }
check "P1 has open actions before the death" test "$open_actions" -gt 0
expect_rc 0 record-death --yes C1 --date 2026-05-04
expect_out ""
expect_err_has "death of child C1 recorded on 2026-05-04; plans closed: P1; episodes closed: E1"
expect_rc 0 show P1 -o json
expect_out_has '"end_date":"2026-05-04","end_reason":"died"'
check "P1's actions are all cancelled on the death" test \
  "$(sqlite3 "$ICSCTL_DB" "SELECT count(*) FROM action WHERE plan_id = 1 AND (status <> 'cancelled' OR completed_date <> '2026-05-04')")" = 0
expect_rc 0 show E1 -o json
expect_out_has '"closure_date":"2026-05-04","closure_reason":"RC2"'
expect_rc 0 show C1 -o json
expect_out_has '"date_of_death":"2026-05-04"'
expect_rc 0 log C1 -o csv
expect_out_has "record-death,C1"
refused 3 "child 'C1' died on 2026-05-04: the death is already recorded" record-death --yes C1 --date 2026-05-04

# --- after a death, nothing dated after it ------------------------------------------------------------
refused 3 "'start' is after the death of child C1 (2026-05-04): nothing of a child is dated after its death: '2026-05-05'" \
  open-plan C1 --template child-in-need --start 2026-05-05
refused 3 "'date' is after the death of child C1 (2026-05-04)" open-referral C1 --date 2026-06-01 --source 3A --need N1
printf 'plan_id,kind,review_date\nP1,visit,2026-05-05\n' >late-review.csv
refused 3 "'review_date' is after the death of child C1 (2026-05-04)" import reviews late-review.csv

# record-death of a child with nothing open closes nothing
expect_rc 0 add-child --given-names Zed --family-name Lone --dob 2015-01-01
expect_out C4
expect_rc 0 record-death --yes C4 --date 2026-01-01
expect_err_has "plans closed: none; episodes closed: none"

# --- bulk: export -> import into a new database -> export is byte-identical ---------------------------
# (a kept free-text ethnicity cannot enter a new database: a new child's ethnicity is a code)
printf 'given_names,family_name,date_of_birth,ethnicity\nA,B,2019-01-01,White British\n' >kept.csv
expect_rc 0 --db kept.db init
refused 3 "'ethnicity' is not in the ethnicity list" --db kept.db import children kept.csv
sqlite3 "$ICSCTL_DB" "UPDATE child SET ethnicity = 'NOBT' WHERE id = 3"
for format in csv tsv ndjson; do
  expect_rc 0 export children -o "$format"
  first=$OUT
  printf '%s\n' "$OUT" >"children.$format"
  rm -f copy.db copy.db-wal copy.db-shm
  expect_rc 0 --db copy.db init
  expect_rc 0 --db copy.db import children "children.$format"
  expect_rc 0 --db copy.db export children -o "$format"
  check "export children -o $format is not byte-identical after the round trip" test "$OUT" = "$first"
done
expect_rc 0 export children -o csv
expect_out_has "child_id,given_names,family_name,date_of_birth,expected_dob,sex,nhs_number,upn,ethnicity,refs,disabilities,upn_unknown,former_upn,mother_nhs_number,date_of_death"
expect_out_has 'C1,Noah,Green,2012-09-09,,M,,,WBRI,,"AUT,COMM",UN2,A123456789012,,2026-05-04'

# the same refusals in a file as on the command line
printf 'given_names,family_name,date_of_birth,disabilities\nA,B,2019-01-01,"NONE,AUT"\n' >bad.csv
refused 3 "line 2: 'disabilities' lists NONE (no disability) with other codes: NONE stands alone" import children bad.csv
printf 'given_names,family_name,date_of_birth,upn,upn_unknown\nA,B,2019-01-01,%s,UN1\n' "$UPN" >bad.csv
refused 3 "line 2: 'upn_unknown' is given with a UPN: it says why a child has none" import children bad.csv
printf 'given_names,family_name,date_of_birth,mother_nhs_number\nA,B,2019-01-01,9434765870\n' >bad.csv
refused 3 "'mother_nhs_number' is recorded only for an unborn child" import children bad.csv
printf 'given_names,family_name,date_of_birth,ethnicity\nA,B,2019-01-01,Irish\n' >bad.csv
refused 3 "'ethnicity' is not in the ethnicity list" import children bad.csv
printf 'child_id,given_names,family_name,date_of_birth,date_of_death\nC3,Amy,Stone,2019-04-02,2026-05-01\n' >bad.csv
refused 3 "'date_of_death' is before the child's" import children bad.csv --on-conflict update --yes

# --- settings ---------------------------------------------------------------------------------------
expect_rc 0 settings show -o csv
expect_out "key,value
la_code,
software_code,
release,
serial_no,
la_name,
la_phone,
la_emergency_phone,"
refused 4 "setting 'la_code' is not set: icsctl settings set la_code NNN" settings show la_code
expect_rc 0 settings set la_code 202
expect_out ""
expect_err_has "la_code set to '202'"
expect_rc 0 settings set software_code "icsctl"
expect_rc 0 settings set serial_no 001
expect_rc 0 settings set la_name "London Borough of Camden"
expect_rc 0 settings set la_emergency_phone "020 7974 4444"
expect_rc 0 settings set la_code 203
expect_rc 0 settings show la_code
expect_out "203"
expect_rc 0 settings show -o ndjson
expect_out '{"key":"la_code","value":"203"}
{"key":"software_code","value":"icsctl"}
{"key":"release","value":null}
{"key":"serial_no","value":"001"}
{"key":"la_name","value":"London Borough of Camden"}
{"key":"la_phone","value":null}
{"key":"la_emergency_phone","value":"020 7974 4444"}'
refused 2 "'colour' is not a setting: the settings are la_code, software_code, release, serial_no, la_name, la_phone, la_emergency_phone" \
  settings set colour red
refused 2 "is not a setting" settings show colour
refused 3 "'la_code' is not a local authority number of schemas/codes/la-number.yaml: '999'" settings set la_code 999
refused 3 "'la_code' must be 3 digits (the DfE's local authority number): '20'" settings set la_code 20
refused 3 "'serial_no' must be 3 or more digits: '1'" settings set serial_no 1
refused 3 "'release' is longer than 50 characters" settings set release "$(printf 'r%.0s' {1..51})"
refused 3 "'la_phone' is not a phone number: only digits, spaces and + ( ) - are allowed: 'call us'" settings set la_phone "call us"
refused 2 "VALUE is required" settings set la_code
expect_rc 0 log setting:la_code -o csv
check "log setting:la_code lists two changes [$OUT]" test "$(grep -c '^[0-9]' <<<"$OUT")" = 2
expect_out_has 'settings set,setting:la_code,"{""key"":""la_code"",""value"":""202""}","{""key"":""la_code"",""value"":""203""}"'
refused 3 "names no setting" log setting:colour

finish
