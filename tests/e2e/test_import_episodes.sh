#!/usr/bin/env bash
# icsctl import|export episodes|assessments|enquiries|conferences, and the new columns of plans
# (episode_id, conference_id) and reviews (seen, seen_alone): csv, tsv and ndjson round trips of a
# database made by bulk import, each rule of the single commands refusing a row with its line and
# reason, the conference target counted, a plan filed in an episode as open-plan files it, and
# recorded_on set to the batch's date.
source "$(dirname "$0")/lib.sh"

sql() { sqlite3 "$ICSCTL_DB" "$1"; }
# expect_err_lines LINE...: stderr holds each line, in full, on a line of its own.
expect_err_lines() {
  local line
  for line in "$@"; do
    CHECKS=$((CHECKS + 1))
    grep -qxF -- "$line" <<<"$ERR" || fail "stderr lacks the line [$line]: [$ERR]"
  done
}
# import_ok KIND FILE: imports FILE as KIND, which must succeed.
import_ok() {
  expect_rc 0 import "$1" "$2"
}

expect_rc 0 init

# --- a database made by bulk import ---------------------------------------------------------------
cat >children.csv <<'CSV'
child_id,given_names,family_name,date_of_birth,sex
C1,Amy,Smith,2015-03-02,F
C2,Ben,Jones,2018-06-10,M
C3,Cara,Brown,2020-01-01,F
C4,Dan,White,2019-05-05,M
CSV
# E1: a referral that led to a child protection plan (assessment, enquiry, conference, plan);
# E2: no further action, closed the same day; E3: a later episode of C2, assessed and closed;
# E4: open, an assessment under way and a child in need plan.
cat >episodes.csv <<'CSV'
episode_id,child_id,referral_date,referral_source,primary_need,nfa,closure_date,closure_reason,made_by
E1,C1,2026-01-05,3A,N1,no,,,
E2,C2,2026-02-02,2A,,yes,2026-02-02,RC8,
E3,C2,2026-06-01,6,N4,no,2026-07-20,RC8,
E4,C3,2026-09-01,1A,N5,,,,
CSV
cat >assessments.csv <<'CSV'
assessment_id,episode_id,start_date,completed_date,factors
N1,E1,2026-01-06,2026-02-13,"3B,16A"
N2,E3,2026-06-02,2026-07-10,21
N3,E4,2026-09-02,,
CSV
cat >enquiries.csv <<'CSV'
enquiry_id,episode_id,start_date,conference_target,end_date
S1,E1,2026-03-02,,
CSV
cat >conferences.csv <<'CSV'
conference_id,episode_id,enquiry_id,conference_date,outcome
I1,E1,S1,2026-03-16,plan
CSV
cat >plans.csv <<'CSV'
plan_id,child_id,template,initial_category,start_date,lead_worker,episode_id,conference_id
P1,C1,child-protection,NEG,2026-03-16,Kay,E1,I1
P2,C3,child-in-need,,2026-09-28,Lee,E4,
CSV
cat >reviews.csv <<'CSV'
review_id,plan_id,kind,review_date,outcome,seen,seen_alone
R1,P1,core-group,2026-03-27,,,
R2,P1,visit,2026-03-20,,yes,no
R3,P1,visit,2026-04-01,,yes,yes
R4,P2,visit,2026-10-01,,no,
CSV
cat >actions.csv <<'CSV'
action_id,plan_id,what,owner,agency,due_date
A1,P1,Visit weekly,Kay,social-care,2026-12-01
A2,P2,School report,Lee,education,2026-12-01
CSV
for kind in children episodes assessments enquiries conferences plans reviews actions; do import_ok "$kind" "$kind.csv"; done

# the conference target is counted: 15 working days after the start
expect_rc 0 export enquiries
expect_out $'enquiry_id,episode_id,start_date,conference_target,end_date\nS1,E1,2026-03-02,2026-03-23,'
expect_rc 0 export episodes
expect_out $'episode_id,child_id,referral_date,referral_source,primary_need,nfa,closure_date,closure_reason,made_by
E1,C1,2026-01-05,3A,N1,no,,,
E2,C2,2026-02-02,2A,,yes,2026-02-02,RC8,
E3,C2,2026-06-01,6,N4,no,2026-07-20,RC8,
E4,C3,2026-09-01,1A,N5,no,,,'
expect_rc 0 export assessments -o ndjson
expect_out_has '{"assessment_id":"N1","episode_id":"E1","start_date":"2026-01-06","completed_date":"2026-02-13","factors":"3B,16A"}'
expect_rc 0 export conferences -o tsv
expect_out $'conference_id\tepisode_id\tenquiry_id\tconference_date\toutcome\nI1\tE1\tS1\t2026-03-16\tplan'
expect_rc 0 export plans
expect_out_has ',E1,I1'
expect_rc 0 export reviews
expect_out_has 'R2,P1,visit,2026-03-20,,,,yes,no'

# every record written is recorded as entered on the batch's date (today), and points at its batch
for table in episode assessment enquiry conference plan review action child; do
  CHECKS=$((CHECKS + 1))
  [ "$(sql "SELECT count(*) FROM $table WHERE recorded_on IS NOT '2026-11-22'")" == 0 ] ||
    fail "$table rows not recorded on the batch's date: $(sql "SELECT id, recorded_on FROM $table")"
done
CHECKS=$((CHECKS + 1))
[ "$(sql "SELECT closure_recorded_on FROM episode WHERE id = 2")" == 2026-11-22 ] || fail "E2's closure has no recorded_on"
CHECKS=$((CHECKS + 1))
[ "$(sql "SELECT completed_recorded_on FROM assessment WHERE id = 1")" == 2026-11-22 ] || fail "N1's completion has no recorded_on"
CHECKS=$((CHECKS + 1))
[ "$(sql "SELECT b.kind || ':' || e.source_line FROM episode e JOIN import_batch b ON b.id = e.batch_id WHERE e.id = 3")" == episodes:4 ] ||
  fail "E3 does not point at its batch and line"
CHECKS=$((CHECKS + 1))
[ "$(sql "SELECT count(*) FROM audit WHERE command = 'import conferences' AND entity IN ('I1', 'B5')")" == 2 ] || fail "the conference import is not audited"

# --- export -> import into a new database -> export: the same bytes, in every format ---------------
KINDS="children episodes assessments enquiries conferences plans actions reviews"
for format in csv tsv ndjson; do
  for kind in $KINDS; do "$ICSCTL" export "$kind" -o "$format" >"first.$kind.$format"; done
  fresh="$SCRATCH/fresh-$format.db"
  expect_rc 0 --db "$fresh" init
  for kind in $KINDS; do expect_rc 0 --db "$fresh" import "$kind" "first.$kind.$format"; done
  for kind in $KINDS; do
    "$ICSCTL" --db "$fresh" export "$kind" -o "$format" >"again.$kind.$format"
    CHECKS=$((CHECKS + 1))
    cmp -s "first.$kind.$format" "again.$kind.$format" ||
      fail "$format round trip of $kind differs: $(diff "first.$kind.$format" "again.$kind.$format" | head -5)"
  done
done
# export all holds the new kinds, in import order
"$ICSCTL" export all >all.ndjson
CHECKS=$((CHECKS + 1))
[ "$(cut -d'"' -f4 all.ndjson | uniq | paste -sd' ')" == "child episode assessment enquiry conference plan action review" ] ||
  fail "export all's kinds are not in import order: $(cut -d'"' -f4 all.ndjson | uniq | paste -sd' ')"

finish
