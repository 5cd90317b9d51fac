#!/usr/bin/env bash
# --as-of and --known-at (issue 13 item 3): records entered on different days (ICSCTL_TODAY), a list
# taken for a conference on Friday D with --as-of D --known-at D, records dated before D entered on
# the Monday after; the same command gives the same bytes on any later day, while --as-of D alone
# now shows the late records (a visit recorded on Monday for Thursday counts for Thursday).
source "$(dirname "$0")/lib.sh"

on() { local day=$1; shift; ICSCTL_TODAY=$day expect_rc 0 "$@"; }

D=2026-10-02   # Friday: the conference, and the list sent to it
THU=2026-10-01 # the visit
MON=2026-10-05 # the day the late records are entered

# --- entered before D --------------------------------------------------------------------------------
on 2026-09-01 init -q
on 2026-09-01 add-child --given-names Amy --family-name Brown --dob 2016-03-04 --sex F
on 2026-09-01 add-child --given-names Ben --family-name Adams --dob 2019-08-10 --sex M
on 2026-09-01 open-plan C1 --template child-protection --category NEG --start 2026-09-01 --worker "Sam Patel" --team "CP Team A"
on 2026-09-01 open-plan C2 --template child-in-need --start 2026-09-01 --worker "Jo Bloggs" --team "CIN Team"
on 2026-09-01 assign-action P1 --what "GP check" --owner "Dr Lee" --agency health --due 2026-09-20
on 2026-09-01 assign-action P1 --what "School report" --owner "Mr Khan" --agency education --due 2026-09-25
on 2026-09-01 assign-action P2 --what "Housing visit" --owner "Ms Ray" --agency housing --due 2026-09-22
on 2026-09-01 assign-action P1 --what "Police check" --owner "PC Hale" --agency police --due 2026-09-22
run list actions -o csv
GP=$(grep ',GP check,' <<<"$OUT" | cut -d, -f1)
SCHOOL=$(grep ',School report,' <<<"$OUT" | cut -d, -f1)
HOUSING=$(grep ',Housing visit,' <<<"$OUT" | cut -d, -f1)
POLICE=$(grep ',Police check,' <<<"$OUT" | cut -d, -f1)
on 2026-09-10 record-review P1 --date 2026-09-10 --kind core-group --outcome "Core group met"
on 2026-09-17 record-review P1 --date 2026-09-17 --kind visit --outcome "Seen at home"
on 2026-09-21 complete-action "$SCHOOL" --date 2026-09-21
# an episode of need (C1's and C2's plans made E1 and E2): a referral, an assessment, an enquiry
on 2026-09-01 add-child --given-names Cara --family-name Dunn --dob 2014-02-02 --sex F
on 2026-09-02 open-referral C3 --date 2026-09-02 --source 2A --need N1
expect_out "E3"
on 2026-09-02 start-assessment E3 --date 2026-09-02
on 2026-09-03 start-enquiry E3 --date 2026-09-03

# --- on D: the list for the conference -----------------------------------------------------------
reports=(register open-plans overdue-actions reviews-due caseload migration "chronology C1" "chronology C2"
  "chronology C3" unplanned assumed-safe visits-due)
lists=("children" "plans" "plans --open" "actions" "actions --status open" "episodes" "episodes --open"
  "assessments --open" "enquiries" "conferences")
take() { # take DIR: every report and list known at D, csv and json, into DIR
  mkdir -p "$1"
  local r f i=0
  for r in "${reports[@]}"; do
    for f in csv json; do
      # shellcheck disable=SC2086  # "chronology C1": two words
      "$ICSCTL" report $r --as-of "$D" --known-at "$D" -o $f >"$1/report-$i.$f" 2>&1 || fail "report $r on $(date)"
    done
    i=$((i + 1))
  done
  for r in "${lists[@]}"; do
    # shellcheck disable=SC2086
    "$ICSCTL" list $r --known-at "$D" -o csv >"$1/list-$i.csv" 2>&1 || fail "list $r"
    i=$((i + 1))
  done
}
ICSCTL_TODAY=$D take "$SCRATCH/on-d"
ICSCTL_TODAY=$D expect_rc 0 report overdue-actions --as-of "$D" -o csv
before_as_of=$OUT
ICSCTL_TODAY=$D expect_rc 0 report chronology C1 --as-of "$THU" -o csv
check "no visit on Thursday is known on D" test -z "$(grep ",visit," <<<"$OUT" | grep "^$THU")"

# --- Monday: records dated before D entered late ---------------------------------------------------
on $MON record-review P1 --date "$THU" --kind visit --outcome "Seen alone at school"
on $MON complete-action "$GP" --date 2026-09-30
on $MON record-review P1 --date 2026-09-29 --outcome "Plan continues" --category EMO
on $MON complete-action "$HOUSING" --date 2026-09-30
on $MON close-plan --yes P2 --end "$THU" --reason other
on $MON assign-action P1 --what "Dental check" --owner "Dentist" --agency health --due 2026-09-28
on $MON complete-assessment E3 --date "$THU" --factors 3B
on $MON end-enquiry E3 --date 2026-09-30
on $MON add-child --given-names Dan --family-name Dunn --dob 2015-05-05 --sex M
on $MON open-referral C4 --date 2026-09-28 --source 1A --need N5
# and entered later still
on 2026-11-20 complete-action "$POLICE" --date 2026-09-29

# --- later: the same command, the same bytes -------------------------------------------------------
for later in $MON 2026-11-20 2026-11-22; do
  ICSCTL_TODAY=$later take "$SCRATCH/on-$later"
  CHECKS=$((CHECKS + 1))
  diff -r "$SCRATCH/on-d" "$SCRATCH/on-$later" >"$SCRATCH/.diff" ||
    fail "--known-at $D taken on $later differs from on $D: $(head -20 "$SCRATCH/.diff")"
done
# the files compared are the reports themselves, not error messages
check "the list of overdue actions known on D has the GP check" grep -q "^$GP,P1,C1,.*GP check" "$SCRATCH/on-d/report-2.csv"
check "P2 is open as known on D" grep -q "^P2,C2," "$SCRATCH/on-d/report-1.csv"
check "the assessment was open as known on D" grep -q "^N1,E3,C3,2026-09-02,," "$SCRATCH/on-d/list-19.csv"
check "the enquiry had not ended as known on D" grep -q "^S1,E3,C3,2026-09-03,[0-9-]*,," "$SCRATCH/on-d/list-20.csv"
check "C4's referral, entered on Monday, was not known on D" test -z "$(grep ",C4," "$SCRATCH/on-d/list-17.csv")"
check "no closure, end or completion after D leaks into the episode lists" \
  test "$(cat "$SCRATCH"/on-d/list-1[7-9].csv "$SCRATCH"/on-d/list-2*.csv | grep -c "$THU\|2026-09-30")" = 0
expect_rc 0 list assessments --open -o csv
check "the assessment completed on Thursday is not open now" test -z "$(grep "^N1," <<<"$OUT")"
expect_rc 0 list episodes -o csv
expect_out_has "E4,C4,2026-09-28"
check "--known-at D without --as-of is as of D" \
  test "$("$ICSCTL" report open-plans --known-at "$D" -o csv)" = "$(cat "$SCRATCH/on-d/report-1.csv")"

# --- --as-of D alone: everything known now, by the records' own dates -------------------------------
expect_rc 0 report overdue-actions --as-of "$D" -o csv
check "the GP check, done on 2026-09-30, is not overdue on D any more" test -z "$(grep "^$GP," <<<"$OUT")"
check "the dental check entered on Monday is overdue on D" grep -q "Dental check" <<<"$OUT"
check "the police check, done before D, entered in November" test -z "$(grep "^$POLICE," <<<"$OUT")"
check "the police check was overdue as known on D" grep -q "^$POLICE,P1," "$SCRATCH/on-d/report-2.csv"
check "the housing visit was overdue as known on D" grep -q "^$HOUSING,P2," "$SCRATCH/on-d/report-2.csv"
check "overdue-actions as of D has changed" test "$OUT" != "$before_as_of"
expect_rc 0 report open-plans --as-of "$D" -o csv
check "P2 ended on Thursday" test -z "$(grep "^P2," <<<"$OUT")"
expect_rc 0 report register --as-of "$D" -o csv
expect_out_has "EMO"
expect_rc 0 report chronology C1 --as-of "$THU" -o csv
expect_out_has "$THU,visit,"
# known on Monday, about Thursday: the visit counts; known on D, about Thursday: it does not
expect_rc 0 report chronology C1 --as-of "$THU" --known-at $MON -o csv
expect_out_has "$THU,visit,"
expect_rc 0 report chronology C1 --as-of "$THU" --known-at "$D" -o csv
check "the visit was not known on D" test -z "$(grep "^$THU,visit," <<<"$OUT")"

# --- errors ------------------------------------------------------------------------------------------
refused 3 "'known_at' is after today" report register --known-at 2026-11-23
refused 3 "'known_at' is not a date (YYYY-MM-DD, today, yesterday, tomorrow, sow, eow, som, eom, soy, eoy, or days, weeks, months, years or working days from today: +7d, -2w, -6m, +1y, +10wd; icsctl help dates): '2026-02-30'" report register --known-at 2026-02-30
refused 3 "'known_at' is after today" list plans --known-at 2027-01-01
refused 2 "known-at" report register --known-at ""
expect_rc 0 report register --known-at 2026-11-22 # today: allowed

finish
