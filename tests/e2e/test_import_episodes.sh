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

# --- each rule refuses a row with its line and reason, and nothing is written ------------------------
EPISODE_HEADER="episode_id,child_id,referral_date,referral_source,primary_need,nfa,closure_date,closure_reason,made_by"
cat >bad-episodes.csv <<CSV
$EPISODE_HEADER
E10,C1,2026-07-01,3A,N1,no,,,
E11,C4,2026-07-01,ZZ,N1,no,,,
E12,C4,2026-07-01,3A,N1,maybe,,,
E13,C2,2026-06-15,6,N4,no,,,
E14,C4,2026-07-01,3A,N1,no,2026-06-01,RC7,
E15,C4,2026-07-01,3A,N1,no,,,robot
E16,C4,2026-07-01,3A,N1,no,,,
CSV
before=$(db_snapshot)
expect_rc 3 import episodes bad-episodes.csv
expect_err_lines \
  "icsctl: error: line 2: 'child_id' already has an open episode E1 (referred 2026-01-05): a child has at most one open episode; close it first: 'C1'" \
  "icsctl: error: line 4: 'nfa' must be one of yes, no: 'maybe'" \
  "icsctl: error: line 5: 'referral_date' overlaps episode E3 of child C2 (2026-06-01 to 2026-07-20): episodes of a child may not overlap: '2026-06-15'" \
  "icsctl: error: line 6: 'closure_date' is before the referral of episode E14 (2026-07-01): '2026-06-01'" \
  "icsctl: error: line 7: 'made_by' must be one of open-plan, migration, register: 'robot'" \
  "icsctl: error: 6 of 7 rows of bad-episodes.csv are invalid: nothing was imported (--skip-invalid imports the valid rows)"
expect_err_has "line 3: 'referral_source' "
expect_unchanged "$before"

cat >bad-assessments.csv <<'CSV'
assessment_id,episode_id,start_date,completed_date,factors
N10,E2,2026-02-02,,
N11,E4,2026-09-10,,
N12,E1,2026-01-04,2026-01-10,21
N13,E1,2026-02-14,2026-02-20,"21,3B"
N14,E3,2026-07-01,2026-07-25,21
N15,E1,2026-02-14,2026-02-20,
N16,E9,2026-02-14,,
CSV
expect_rc 3 import assessments bad-assessments.csv
expect_err_lines \
  "icsctl: error: line 2: episode 'E2' is a referral with no further action: it holds nothing but its referral, so not an assessment" \
  "icsctl: error: line 3: 'episode_id' already has an open assessment N3: an episode has at most one open assessment: 'E4'" \
  "icsctl: error: line 4: 'start_date' is before the referral of episode E1 (2026-01-05): everything in an episode is dated within it: '2026-01-04'" \
  "icsctl: error: line 5: 'factors' lists '21' (no factors identified) with other factors: '21' stands alone: '21,3B'" \
  "icsctl: error: line 6: 'completed_date' is after the closure of episode E3 (2026-07-20): everything in an episode is dated within it: '2026-07-25'" \
  "icsctl: error: line 7: 'factors' needs at least one factor ('21': no factors identified)" \
  "icsctl: error: line 8: 'episode_id' is not an episode in the database: 'E9'"
expect_unchanged "$before"

cat >bad-enquiries.csv <<'CSV'
enquiry_id,episode_id,start_date,conference_target,end_date
S10,E4,2026-10-05,2026-10-20,
S11,E2,2026-02-02,,
S12,E4,2026-10-05,,2026-10-01
CSV
expect_rc 3 import enquiries bad-enquiries.csv
expect_err_lines \
  "icsctl: error: line 2: 'conference_target' is not 15 working days after the start (2026-10-26): '2026-10-20'" \
  "icsctl: error: line 3: episode 'E2' is a referral with no further action: it holds nothing but its referral, so not a section 47 enquiry" \
  "icsctl: error: line 4: 'end_date' is before the start of enquiry S12 (2026-10-05): '2026-10-01'"
expect_unchanged "$before"

cat >bad-conferences.csv <<'CSV'
conference_id,episode_id,enquiry_id,conference_date,outcome
I10,E4,,2026-10-03,no-plan
I11,E1,S1,2026-03-20,no-plan
I12,E4,S1,2026-10-05,no-plan
I13,E4,,2026-10-05,maybe
CSV
expect_rc 3 import conferences bad-conferences.csv
expect_err_lines \
  "icsctl: error: line 2: 'conference_date' is a Saturday: a conference is not held at a weekend: '2026-10-03'" \
  "icsctl: error: line 3: 'enquiry_id' already has its conference, on 2026-03-16: 'S1'" \
  "icsctl: error: line 4: 'enquiry_id' is an enquiry of episode E1, not of E4: 'S1'" \
  "icsctl: error: line 5: 'outcome' must be one of plan, no-plan: 'maybe'"
expect_unchanged "$before"

cat >bad-plans.csv <<'CSV'
plan_id,child_id,template,initial_category,start_date,end_date,end_reason,episode_id,conference_id
P10,C3,child-protection,NEG,2026-10-05,,,E4,
P11,C2,child-in-need,,2026-06-05,,,E3,
P12,C1,child-in-need,,2026-02-01,2026-02-10,other,E1,I1
P13,C2,child-in-need,,2026-06-05,2026-07-25,other,E3,
CSV
expect_rc 3 import plans bad-plans.csv
expect_err_lines \
  "icsctl: error: line 2: 'child_id' already has an open child-in-need plan P2: a child protection plan and a child in need plan may not overlap: 'C3'" \
  "icsctl: error: line 3: 'episode_id' was closed on 2026-07-20: 'E3'" \
  "icsctl: error: line 4: 'conference_id' applies only to a child protection plan: 'I1'" \
  "icsctl: error: line 5: 'end_date' is after the closure of episode E3 (2026-07-20): everything in an episode is dated within it: '2026-07-25'"
expect_unchanged "$before"

printf 'review_id,plan_id,kind,review_date,seen,seen_alone\nR10,P1,core-group,2026-04-02,yes,\nR11,P1,visit,2026-04-02,,maybe\n' >bad-reviews.csv
expect_rc 3 import reviews bad-reviews.csv
expect_err_lines \
  "icsctl: error: line 2: 'seen' is recorded for a visit, not a core-group: 'yes'" \
  "icsctl: error: line 3: 'seen_alone' must be one of yes, no: 'maybe'"
printf 'plan_id,what,owner,agency,due_date\nP1,Visit,Kay,Police Dept,2026-12-01\n' >bad-actions.csv
expect_rc 3 import actions bad-actions.csv
expect_err_has "line 2: 'agency' "
expect_unchanged "$before"

# closing an episode needs everything in it finished
printf 'episode_id,closure_date,closure_reason\nE4,2026-11-01,RC7\n' >close-e4.csv
expect_rc 3 import episodes close-e4.csv --on-conflict update --yes
expect_err_lines "icsctl: error: line 2: episode 'E4' cannot close: assessment N3 is not completed (closing an episode needs every assessment completed, every enquiry ended and every plan closed)"
expect_unchanged "$before"

# --- a plan without an episode_id is filed as open-plan files it ----------------------------------
printf 'plan_id,child_id,template,initial_category,start_date\nP20,C4,child-protection,PHY,2026-10-05\n' >p20.csv
expect_rc 0 import plans p20.csv
expect_rc 0 export episodes
expect_out_has 'E5,C4,2026-10-05,,,no,,,open-plan'
expect_rc 0 export conferences
expect_out_has 'I2,E5,,2026-10-05,plan'
expect_rc 0 export plans
expect_out_has ',E5,I2'

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
