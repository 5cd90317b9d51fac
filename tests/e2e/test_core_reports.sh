#!/usr/bin/env bash
# Reports (issue 2 item 10): the six reports of DESIGN §7 on a fixture built with the real commands,
# pinned by golden json and csv at a fixed --as-of, and the as-of rules checked value by value.
source "$(dirname "$0")/lib.sh"

fx() { expect_rc 0 "$@"; }

# --- the fixture (today is 2026-11-22; ICSCTL_TODAY=… back-dates a cancel or a default-date completion) ---
fx init -q
fx add-child --given-names "Amelia Rose" --family-name Smith --dob 2019-04-02 --sex F --nhs-number "943 476 5919"
fx add-child --given-names Ben --family-name Jones --dob 2021-07-15 --sex M --upn A123456789012
fx add-child --given-names "Chloé Marie" --family-name "O'Neil" --dob 2015-10-01 --sex F
fx add-child --given-names Unborn --family-name Brown --expected-dob 2027-03-01
fx add-child --given-names Dan --family-name Evans --dob 2012-05-20 --sex M --ref CPR-0000042
fx add-child --given-names Ella --family-name Green --dob 2020-02-29 --sex F    # no plan
# P1 CP A1-A9, P2 CIN A10-A15, P3 CP without a worker A16-A24, P4 CP A25-A33 (closed 2026-05-01),
# A34-A37 assigned, P5 CIN A38-A43 (from 2026-05-01, opened once P4 has closed: a child's CP and CIN
# plans never overlap), P6 CP of an unborn child A44-A52 (from 2026-11-02)
fx open-plan C1 --template child-protection --category NEG --start 2025-12-19 --worker "Sam Patel" --team "CP Team A"
fx open-plan upn:A123456789012 --template child-in-need --start 2026-01-20 --worker "Jo Bloggs" --team "CIN Team"
fx open-plan C3 --template child-protection --category PHY --start 2026-04-01
fx open-plan ref:CPR-0000042 --template child-protection --category SAB --start 2025-06-02 --worker "Priya Shah" --team "CP Team B"
fx assign-action P1 --what "Health visitor home visit" --owner "Dr Ann Lee" --agency health --due 2026-01-16
fx assign-action P2 --what "School attendance report" --owner "Mr Khan" --agency education --due 2026-03-02 --section education
fx assign-action P3 --what "Police welfare check" --owner "PC Dawn Hale" --agency police --due 2026-04-10 --section safety
fx assign-action P4 --what "Sexual health clinic referral" --owner "Dr Ann Lee" --agency health --due 2026-04-30
# reviews in the order of their ids: P1's R1-R3, P3's R4, then P4's R5-R6 before it closes
fx record-review P1 --date 2026-01-07 --kind core-group --outcome "Safety plan agreed"
fx record-review P1 --date 2026-03-19 --category EMO --outcome "Plan continues"
fx record-review P1 --date 2026-09-18 --category MUL --outcome "Plan continues, category changed"
fx record-review P3 --date 2026-04-01 --kind initial-conference --outcome "Child protection plan agreed"
for a in A25:2025-06-13 A26:2025-06-16 A27:2025-06-09 A28:2025-07-10 A29:2025-06-16 A30:2025-06-20 A32:2025-08-01; do
  fx complete-action "${a%%:*}" --date "${a#*:}"
done
fx record-review P4 --date 2025-06-13 --kind core-group
fx record-review P4 --date 2025-09-01 --outcome "Plan continues"
fx close-plan --yes P4 --end 2026-05-01 --reason no-longer-at-risk   # A31, A33, A37 cancelled with it
fx open-plan C5 --template child-in-need --start 2026-05-01 --worker "Jo Bloggs" --team "CIN Team"
fx open-plan C4 --template child-protection --category MUL --start 2026-11-02 --worker "Priya Shah" --team "CP Team B"
fx complete-action A1 --date 2026-01-07
fx complete-action A2 --date 2026-01-20                  # late: due 2026-01-07
ICSCTL_TODAY=2026-01-05 fx cancel-action A3 --reason "No adults in the household"
fx complete-action A4 --date 2026-02-20
fx complete-action A5 --date 2026-01-07
fx complete-action A8 --date 2026-04-20                  # after the golden as-of: overdue then
ICSCTL_TODAY=2026-07-01 fx complete-action A34           # likewise
fx complete-action A10 --date 2026-02-03
fx complete-action A11 --date 2026-02-10
ICSCTL_TODAY=2026-03-01 fx cancel-action A14 --reason "Family declined early help"
fx complete-action A36 --date 2026-04-09
fixture=$(db_snapshot)

# --- golden json and csv of each report as of 2026-04-15 ------------------------------------------
# Checked by hand (see tests/golden/report_*): P4 ends 2026-05-01 so is open; A8 (done 2026-04-20),
# A34 (done 2026-07-01) and P4's A31/A33 (cancelled at close) count as open and overdue; days_overdue
# of A33 (due 2025-06-23) is 296; P2's first review 2026-04-20 is due-soon (5 days), P4's
# 2026-03-01 overdue (-45); P1's category is EMO (the MUL review is later); P6 has not started.
AS_OF=2026-04-15
for name in register open-plans overdue-actions reviews-due caseload chronology; do
  args=(report "$name" --as-of "$AS_OF")
  [ "$name" = chronology ] && args+=(C1)
  expect_rc 0 "${args[@]}" -o json
  expect_golden "report_$name.json"
  first=$OUT
  expect_rc 0 "${args[@]}" -o json
  check "report $name -o json: a second run differs" test "$OUT" = "$first"
  expect_rc 0 "${args[@]}" -o csv
  expect_golden "report_$name.csv"
  csv=$OUT
  # tsv: the csv's header with tabs, as many lines; ndjson: one object per row
  expect_rc 0 "${args[@]}" -o tsv
  check "report $name -o tsv header" test "$(head -1 <<<"$OUT")" = "$(head -1 <<<"$csv" | tr , '\t')"
  check "report $name -o tsv lines" test "$(wc -l <<<"$OUT")" = "$(wc -l <<<"$csv")"
  expect_rc 0 "${args[@]}" -o ndjson
  check "report $name -o ndjson: $(wc -l <<<"$OUT") lines for $(($(wc -l <<<"$csv") - 1)) rows" \
    test "$(wc -l <<<"$OUT")" = $(($(wc -l <<<"$csv") - 1))
  check "report $name -o ndjson: a line is not one object" test -z "$(grep -v '^{.*}$' <<<"$OUT")"
done
# the same rows whichever way the child is named
expect_rc 0 report chronology nhs:9434765919 --as-of "$AS_OF" -o csv
expect_golden report_chronology.csv

# --- as-of rules, value by value (csv rows) --------------------------------------------------------
row_of() { grep -- "$1" <<<"$OUT"; }
# a plan is open up to the day before its end date
expect_rc 0 report register --as-of 2026-04-30 -o csv
expect_out_has "C5,Dan Evans,2012-05-20,SAB,P4,2025-06-02,Priya Shah,CP Team B,2026-03-01"
expect_rc 0 report register --as-of 2026-05-01 -o csv
check "register on P4's end date still lists it" test -z "$(row_of P4)"
expect_rc 0 report open-plans --as-of 2026-05-01 -o csv
check "open-plans on 2026-05-01: $(cut -d, -f1 <<<"$OUT" | paste -sd' ')" \
  test "$(cut -d, -f1 <<<"$OUT" | paste -sd' ')" = "plan_id P1 P2 P3 P5"
# a plan is not open before its start
expect_rc 0 report register --as-of 2025-12-18 -o csv
expect_out "child_id,name,date_of_birth,category,plan_id,start_date,lead_worker,team,next_review_due,nhs_number
C5,Dan Evans,2012-05-20,SAB,P4,2025-06-02,Priya Shah,CP Team B,2026-03-01,"
expect_rc 0 report register --as-of 2025-06-01 -o json
expect_out "[]"
expect_rc 0 report register --as-of 2025-06-01 -o ndjson
expect_out ""
# an action done after the as-of date was overdue then; on the day it is done it is no longer open
expect_rc 0 report overdue-actions --as-of 2026-01-10 -o csv
expect_out_has 'A2,P1,C1,safety,Agree a written safety plan with the parents and share it with the core group,Lead social worker,social-care,2026-01-07,3'
check "A3 was cancelled on 2026-01-05: not overdue on 2026-01-10" test -z "$(row_of '^A3,')"
check "A1 was done on its due date: not overdue" test -z "$(row_of '^A1,')"
expect_rc 0 report overdue-actions --as-of 2026-01-20 -o csv
check "A2 done on 2026-01-20 is still overdue that day" test -z "$(row_of '^A2,')"
# due on the as-of date is not yet overdue
expect_rc 0 report overdue-actions --as-of 2026-04-10 -o csv
check "A18 due 2026-04-10 is overdue on that day" test -z "$(row_of '^A18,')"
expect_rc 0 report overdue-actions --as-of 2026-04-11 -o csv
expect_out_has "A18,P3,C3,safety,Share information about any adults in the household known to police,unassigned,police,2026-04-10,1"
# reviews-due: 15 days ok, 14 due-soon, 0 due-soon, -1 overdue (P2 due 2026-04-20)
for pair in 2026-04-05:15:ok 2026-04-06:14:due-soon 2026-04-20:0:due-soon 2026-04-21:-1:overdue; do
  IFS=: read -r day days status <<<"$pair"
  expect_rc 0 report reviews-due --as-of "$day" -o csv
  expect_out_has "P2,C2,Ben Jones,,2026-04-20,$days,$status"
done
# a review counts from its own day: category and next review due move on 2026-09-18, not before
expect_rc 0 report register --as-of 2026-09-17 -o csv
expect_out_has "C1,Amelia Rose Smith,2019-04-02,EMO,P1,2025-12-19,Sam Patel,CP Team A,2026-09-19"
expect_rc 0 report register --as-of 2026-09-18 -o csv
expect_out_has "C1,Amelia Rose Smith,2019-04-02,MUL,P1,2025-12-19,Sam Patel,CP Team A,2027-03-18"
expect_rc 0 report reviews-due --as-of 2026-09-18 -o csv
expect_out_has "P1,C1,Amelia Rose Smith,2026-09-18,2027-03-18,181,ok"
# default as-of is today; an unborn child is on the register with no date of birth
expect_rc 0 report register -o json
today=$OUT
expect_rc 0 report register --as-of 2026-11-22 -o json
check "report register without --as-of is not as of today" test "$OUT" = "$today"
expect_out_has '{"child_id":"C4","name":"Unborn Brown","date_of_birth":null,"category":"MUL","plan_id":"P6","start_date":"2026-11-02","lead_worker":"Priya Shah","team":"CP Team B","next_review_due":"2027-02-02","nhs_number":null}'
expect_rc 0 report caseload -o csv
expect_out "worker,team,open_plans,open_actions,overdue_actions
,,1,9,9
Jo Bloggs,CIN Team,2,10,10
Priya Shah,CP Team B,1,9,5
Sam Patel,CP Team A,1,3,3"
# chronology of a child whose plan ended: same-day events in their documented order
expect_rc 0 report chronology C5 -o csv
expect_out_has "2026-05-01,plan-start,P5,child-in-need plan started
2026-05-01,action-cancelled,A31,\"cancelled: Review support needs and whether an education, health and care assessment is needed (plan closed)\"
2026-05-01,action-cancelled,A33,\"cancelled: Refer the parents to substance misuse, mental health or domestic abuse services as needed (plan closed)\"
2026-05-01,action-cancelled,A37,cancelled: Sexual health clinic referral (plan closed)
2026-05-01,plan-end,P4,child-protection plan ended (no-longer-at-risk)"
expect_rc 0 report chronology C6 -o csv
expect_out "date,kind,id,summary
2020-02-29,birth,C6,born"

# --- report --list: the six, with their columns; internal definitions are not listed -------------------
expect_rc 0 report --list -o csv
list=$OUT
check "report --list header" test "$(head -1 <<<"$list")" = "name,row,parameters,columns,thresholds,filters,source"
for want in \
  "register,child subject to a child protection plan on the as-of date,as_of,child_id name date_of_birth category plan_id start_date lead_worker team next_review_due nhs_number,,worker team child category since until,shipped" \
  "open-plans,plan open on the as-of date,as_of,plan_id child_id name template category start_date days_open lead_worker team next_review_due open_actions overdue_actions date_of_birth nhs_number,,worker team child kind category since until,shipped" \
  "overdue-actions,*,as_of,action_id plan_id child_id section what owner agency due_date days_overdue name date_of_birth nhs_number,,agency owner worker team child kind due-before due-after,shipped" \
  "reviews-due,plan open on the as-of date,as_of,plan_id child_id name last_review_date next_review_due days_to_due status start_date date_of_birth nhs_number,,worker team child kind status=overdue|due-soon|ok due-before due-after,shipped" \
  "caseload,*,as_of,worker team open_plans open_actions overdue_actions,,worker team kind,shipped" \
  "chronology,*,as_of child,date kind id summary,,kind=birth|*|episode-closed since until,shipped"; do
  CHECKS=$((CHECKS + 1))
  n=0; while IFS= read -r line; do [[ "$line" == $want ]] && n=$((n + 1)); done <<<"$list"
  [ "$n" = 1 ] || fail "report --list has $n rows like [$want]"
done
check "report --list lists internal definitions" test -z "$(grep -e '^list-' -e '^annex-a-' -e '^cp-is,' <<<"$list")"
# every listed report runs
for name in $(tail -n +2 <<<"$list" | cut -d, -f1); do
  case $name in
    chronology) expect_rc 0 report "$name" C1 -o csv ;;
    plan-stats) expect_rc 0 report "$name" --year 2026 -o csv ;;  # a statutory year's report
    *) expect_rc 0 report "$name" -o csv ;;
  esac
done

# --- errors: nothing on stdout, nothing written ------------------------------------------------------
refused 4 "no report 'nope'" report nope
refused 4 "no report 'list-children'" report list-children
refused 3 "'as_of' is not a date (YYYY-MM-DD, today, yesterday, tomorrow, sow, eow, som, eom, soy, eoy, or days, weeks, months, years or working days from today: +7d, -2w, -6m, +1y, +10wd; icsctl help dates): '2026-02-29'" report register --as-of 2026-02-29
refused 3 "'as_of' is not a date (YYYY-MM-DD, today, yesterday, tomorrow, sow, eow, som, eom, soy, eoy, or days, weeks, months, years or working days from today: +7d, -2w, -6m, +1y, +10wd; icsctl help dates): '15/04/2026'" report open-plans --as-of 15/04/2026
refused 2 "CHILD" report chronology
refused 2 "C1" report register C1
refused 4 "no child 'C99'" report chronology C99
refused 3 "'child'" report chronology X9
refused 2 "icsctl: error:" report
expect_unchanged "$fixture"

# --- an empty database: headers only -------------------------------------------------------------
expect_rc 0 --db "$SCRATCH/empty.db" init -q
expect_rc 0 --db "$SCRATCH/empty.db" report overdue-actions -o csv
expect_out "action_id,plan_id,child_id,section,what,owner,agency,due_date,days_overdue,name,date_of_birth,nhs_number"
expect_rc 0 --db "$SCRATCH/empty.db" report caseload -o json
expect_out "[]"

finish
