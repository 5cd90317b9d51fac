#!/usr/bin/env bash
# Dates people type (issue 16 item 4): every option that takes a date also takes today, yesterday,
# tomorrow, sow/eow, som/eom, soy/eoy, +7d, -2w, -6m, +1y and working days (+10wd), relative to
# ICSCTL_TODAY; a bad one is refused naming the option and the forms; files keep to ISO dates.
source "$(dirname "$0")/lib.sh"

# ICSCTL_TODAY=2026-11-22 (lib.sh), a Sunday.
expect_rc 0 init -q

# --- writes take relative dates, stored as the ISO dates they denote ------------------------------
expect_rc 0 add-child --given-names Amy --family-name Brown --dob -7y --sex F
expect_rc 0 add-child --given-names Bo --family-name Green --expected-dob +3m
expect_rc 0 show C1 -o json
expect_out_has '"date_of_birth":"2019-11-22"'
expect_rc 0 show C2 -o json
expect_out_has '"expected_dob":"2027-02-22"'
expect_rc 0 open-plan C1 --template child-protection --category NEG --start -2m --worker "Sam Patel"
expect_out "P1"
expect_rc 0 show P1 -o json
expect_out_has '"start_date":"2026-09-22"'
# the 10th working day after Sunday 22 November is Friday 4 December
expect_rc 0 assign-action P1 --what "GP check" --owner "Dr Lee" --agency health --due +10wd
action=$OUT
expect_rc 0 show "$action" -o json
expect_out_has '"due_date":"2026-12-04"'
expect_rc 0 assign-action P1 --what "School report" --owner "Mr Khan" --agency education --due EOM
school=$OUT
expect_rc 0 show "$school" -o json
expect_out_has '"due_date":"2026-11-30"'
expect_rc 0 assign-action P1 --what "Police check" --owner "PC Hale" --agency police --due -3wd
police=$OUT
expect_rc 0 show "$police" -o json
expect_out_has '"due_date":"2026-11-18"'
expect_rc 0 complete-action "$school" --date yesterday
expect_rc 0 show "$school" -o json
expect_out_has '"completed_date":"2026-11-21"'
expect_rc 0 record-review P1 --date -1w --kind core-group --outcome "Core group met"
expect_rc 0 show P1 -o json
expect_out_has '"review_date":"2026-11-15"'

# an episode's steps
expect_rc 0 add-child --given-names Cara --family-name Dunn --dob 2014-02-02 --sex F
expect_rc 0 open-referral C3 --date sow --source 2A --need N1
expect_out "E2"
expect_rc 0 start-assessment E2 --date " today "
expect_rc 0 show E2 -o json
expect_out_has '"referral_date":"2026-11-16"'

# --- reads: --as-of and --known-at give what the ISO dates give ---------------------------------
for pair in "eom 2026-11-30" "+1m 2026-12-22" "som 2026-11-01" "-6m 2026-05-22" "tomorrow 2026-11-23" \
  "+2w 2026-12-06" "eoy 2026-12-31" "soy 2026-01-01" "eow 2026-11-22" "+10wd 2026-12-04"; do
  set -- $pair
  expect_rc 0 report overdue-actions --as-of "$2" -o csv
  iso=$OUT
  expect_rc 0 report overdue-actions --as-of "$1" -o csv
  check "report --as-of $1 differs from --as-of $2" test "$OUT" == "$iso"
done
expect_rc 0 report overdue-actions --as-of +1m -o csv
expect_out_has "GP check"
expect_rc 0 report overdue-actions --as-of today -o csv
expect_out_has "Police check"
check "the GP check is not overdue today" test "${OUT/GP check/}" == "$OUT"
expect_rc 0 report register --known-at yesterday -o csv
iso=$OUT
expect_rc 0 report register --known-at 2026-11-21 --as-of 2026-11-21 -o csv
check "report --known-at yesterday" test "$OUT" == "$iso"
refused 3 "'known_at' is after today" report register --known-at tomorrow
# everything here was entered today: known at today, and not yet known yesterday
expect_rc 0 list plans --open --known-at today -o csv
expect_out_has "P1"
expect_rc 0 list plans --known-at -1d -o csv
check "list plans --known-at -1d shows plans entered today: [$OUT]" test "$(wc -l <<<"$OUT")" = 1
expect_rc 0 export cp-is --as-of eom --la 202 --dry-run
iso=$OUT
expect_rc 0 export cp-is --as-of 2026-11-30 --la 202 --dry-run
check "export cp-is --as-of eom" test "$OUT" == "$iso"
expect_rc 0 export annex-a --from -6m --to today --list 7 -o csv
iso=$OUT
expect_rc 0 export annex-a --from 2026-05-22 --to 2026-11-22 --list 7 -o csv
check "export annex-a --from -6m --to today" test "$OUT" == "$iso"

# --- each command's own rules apply to the date the word denotes ---------------------------------
refused 3 "'dob' is after today: '2026-11-23'" add-child --given-names Di --family-name Eve --dob tomorrow
refused 3 "'date'" open-referral C3 --date +1d --source 2A
refused 3 "'end'" close-plan --yes P1 --end -1y --reason no-longer-at-risk

# --- bad forms: exit 3 naming the option, the value and the accepted forms; nothing written -------
refused 3 "'due' is not a date (YYYY-MM-DD, today, yesterday, tomorrow, sow, eow, som, eom, soy, eoy, or" \
  assign-action P1 --what X --owner Y --agency health --due tomorow
expect_err_has "from today: +7d, -2w, -6m, +1y, +10wd; icsctl help dates): 'tomorow'"
for bad in "7d" "+7 d" "+ 7d" "+7" "+7x" "+1.5m" "next-week" "2026-13-01" "31/12/2026" "+100000d"; do
  refused 3 "is not a date" assign-action P1 --what X --owner Y --agency health --due "$bad"
done
refused 3 "'as_of' is not a date" report register --as-of eod
refused 3 "'known_at' is not a date" list children --known-at "to day"
refused 3 "'from' is not a date" export annex-a --from soq --to today --list 7
refused 2 "--due" assign-action P1 --what X --owner Y --agency health --due ""
# working days outside the calendar's years (2000-2035)
ICSCTL_TODAY=2035-12-20 refused 3 "outside the years of calendar 'england-and-wales' (2000-2035)" \
  report register --as-of +10wd
ICSCTL_TODAY=2035-12-20 expect_rc 0 report register --as-of +5wd
# ICSCTL_TODAY itself is an ISO date
ICSCTL_TODAY=today refused 3 "'ICSCTL_TODAY' is not a date" report register

# --- files read in bulk keep to ISO dates ---------------------------------------------------------
printf 'child_id,given_names,family_name,date_of_birth,sex\nC9,Fay,Gray,today,F\n' >kids.csv
expect_rc 3 import children kids.csv
expect_err_has "date_of_birth"
expect_rc 4 show C9

# --- the help topic's text exists and names every form -------------------------------------------
topic="$ICS_SOURCE_DIR/schemas/help/dates.txt"
for form in today yesterday tomorrow sow eow som eom soy eoy +7d -2w -6m +1y +10wd -3wd YYYY-MM-DD; do
  check "schemas/help/dates.txt does not name $form" grep -q -- "$form" "$topic"
done

finish
