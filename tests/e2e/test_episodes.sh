#!/usr/bin/env bash
# Episodes of need on the command line (issue 13 items 4-6): open-referral, start-assessment,
# complete-assessment, start-enquiry, end-enquiry, record-conference, close-episode; open-plan
# --episode; visits seen and seen alone; show, list, chronology and log of the new records; db check
# of agencies that are not codes. Every refusal exits with its code, says why and changes nothing.
source "$(dirname "$0")/lib.sh"

# field NAME: a top-level field of the record the last `show ID -o json` printed.
field() {
  printf '%s' "$OUT" >"$SCRATCH/.json"
  sqlite3 :memory: "SELECT coalesce(json_extract(readfile('$SCRATCH/.json'), '\$[0].$1'), 'null')"
}
# ids: the first column of the last csv output, without its heading, on one line.
ids() { tail -n +2 <<<"$OUT" | cut -d, -f1 | paste -sd' '; }
# audited ID: the audit trail holds a record of ID.
audited() {
  run log "$1" -o csv
  CHECKS=$((CHECKS + 1))
  [ "$(tail -n +2 <<<"$OUT" | wc -l)" -ge 1 ] || fail "no audit record of $1"
}

export ICSCTL_TODAY=2026-06-30
expect_rc 0 init -q
expect_rc 0 add-child --given-names Amelia --family-name Smith --dob 2019-04-02 --sex F --nhs-number 9434765919
expect_rc 0 add-child --given-names Ben --family-name Jones --dob 2021-01-10 --sex M
expect_rc 0 add-child --given-names Cara --family-name Ali --dob 2015-07-07 --sex F
expect_rc 0 add-child --given-names Dan --family-name Ross --dob 2017-02-02 --sex M
expect_rc 0 add-child --given-names Eve --family-name Park --dob 2013-11-11 --sex F
expect_out C5

# --- the path of a child protection case: referral, assessment, enquiry, conference with a plan ----
expect_rc 0 open-referral C1 --date 2026-03-02 --source 3A --need N1
expect_out E1
expect_rc 0 start-assessment E1 --date 2026-03-03
expect_out N1
expect_rc 0 start-enquiry E1 --date 2026-03-04
expect_out S1
expect_rc 0 show S1 -o json
check "conference target $(field conference_target), wanted 15 working days on" test "$(field conference_target)" = 2026-03-25
expect_rc 0 record-conference E1 --date 2026-03-25 --outcome plan --category NEG --worker "Sam Patel" --team "CP Team A"
expect_out P1
expect_err_has "I1"
expect_rc 0 show P1 -o json
check "P1 episode $(field episode_id)" test "$(field episode_id)" = E1
check "P1 conference $(field conference_id)" test "$(field conference_id)" = I1
check "P1 start $(field start_date)" test "$(field start_date)" = 2026-03-25
check "P1 template $(field template)" test "$(field template)" = child-protection
check "P1 worker $(field lead_worker)" test "$(field lead_worker)" = "Sam Patel"
expect_rc 0 complete-assessment E1 --date 2026-04-14 --factors "3B, 16A"
expect_out ""
expect_err_has "assessment N1 completed on 2026-04-14"
refused 3 "episode E1 has no open assessment" complete-assessment E1 --date 2026-04-15 --factors 21

# --- an enquiry ended with no conference; an assessment with no factors; the episode closed -------
expect_rc 0 open-referral C2 --date 2026-03-10 --source 6 --need N4
expect_out E2
expect_rc 0 start-enquiry E2 --date 2026-03-11
expect_out S2
expect_rc 0 end-enquiry E2 --date 2026-03-20
expect_out ""
expect_err_has "enquiry S2 ended on 2026-03-20"
expect_rc 0 start-assessment E2 --date 2026-03-11
expect_out N2
expect_rc 0 complete-assessment E2 --date 2026-04-01 --factors 21
# RC8 (closed after assessment, no further action) is for an episode that held no enquiry
refused 3 "episode E2 holds enquiry S2: 'RC8'" close-episode E2 --date 2026-04-02 --reason RC8
expect_rc 0 close-episode E2 --date 2026-04-02 --reason RC7
expect_out ""
expect_err_has "episode E2 closed on 2026-04-02"

# --- a referral with no further action; a conference with no plan; a transfer-in ------------------
expect_rc 0 open-referral C3 --date 2026-04-01 --source 2A --nfa
expect_out E3
expect_rc 0 open-referral C4 --date 2026-04-06 --source 1A --need N5
expect_out E4
expect_rc 0 start-enquiry E4 --date 2026-04-07
expect_out S3
expect_rc 0 record-conference E4 --date 2026-04-24 --outcome no-plan
expect_out I2
expect_rc 0 open-referral C5 --date 2026-05-01 --source 5C --need N1
expect_out E5
expect_rc 0 record-conference E5 --date 2026-05-04 --outcome plan --category EMO
expect_out P2
expect_rc 0 show I3 -o json
check "transfer-in conference has enquiry $(field enquiry_id)" test "$(field enquiry_id)" = null
check "I3 plan $(field plan_id)" test "$(field plan_id)" = P2

# --- visits: seen, seen alone --------------------------------------------------------------------
expect_rc 0 record-review P1 --date 2026-04-02 --kind visit --seen yes --seen-alone no
expect_out R1
expect_rc 0 show R1 -o json
check "R1 seen $(field seen)" test "$(field seen)" = yes
check "R1 seen_alone $(field seen_alone)" test "$(field seen_alone)" = no
expect_rc 0 record-review P1 --date 2026-04-16 --kind visit --seen no
expect_rc 0 show R2 -o json
check "R2 seen_alone $(field seen_alone)" test "$(field seen_alone)" = null

# --- open-plan and episodes ------------------------------------------------------------------------
# a child in need plan filed in an episode named; the child's open episode; one opened for it
expect_rc 0 open-plan C4 --template child-in-need --start 2026-05-01 --episode E4 --worker "Jo Bloggs"
expect_out P3
expect_rc 0 show P3 -o json
check "P3 episode $(field episode_id)" test "$(field episode_id)" = E4
expect_rc 0 close-plan --yes P3 --end 2026-05-20 --reason other
expect_rc 0 open-plan C4 --template child-in-need --start 2026-05-21
expect_out P4
expect_rc 0 show P4 -o json
check "P4 (no --episode) in the open episode: $(field episode_id)" test "$(field episode_id)" = E4
check "open-plan in an open episode said it opened one" test -z "$(grep -i 'opened episode' <<<"$ERR")"
expect_rc 0 add-child --given-names Finn --family-name Gray --dob 2016-08-08 --sex M
expect_out C6
expect_rc 0 open-plan C6 --template child-protection --category PHY --start 2026-03-02 --worker "Sam Patel"
expect_out P5
expect_err_has "opened episode E6 for"
expect_err_has "2026-03-02"
expect_rc 0 show E6 -o json
check "E6 made by $(field made_by)" test "$(field made_by)" = open-plan
check "E6 referral $(field referral_date)" test "$(field referral_date)" = 2026-03-02
check "E6 source $(field referral_source)" test "$(field referral_source)" = null
expect_out_has '"conferences":[{"conference_id":"I4","enquiry_id":null,"conference_date":"2026-03-02","outcome":"plan","plan_id":"P5"}]'
expect_rc 0 -q add-child --given-names Gia --family-name Hart --dob 2018-01-01 --sex F
expect_rc 0 -q open-plan C7 --template child-in-need --start 2026-06-01
expect_out P6
check "-q open-plan wrote to stderr: [$ERR]" test -z "$ERR"

# --- show: an episode with what belongs to it; a child with its episodes ---------------------------
expect_rc 0 show E1 -o json
check "E1 child $(field child_id)" test "$(field child_id)" = C1
check "E1 source $(field referral_source)" test "$(field referral_source)" = 3A
check "E1 need $(field primary_need)" test "$(field primary_need)" = N1
check "E1 nfa $(field nfa)" test "$(field nfa)" = no
check "E1 recorded_on $(field recorded_on)" test "$(field recorded_on)" = 2026-06-30
expect_out_has '"assessments":[{"assessment_id":"N1","start_date":"2026-03-03","completed_date":"2026-04-14","factors":"3B,16A"}]'
expect_out_has '"enquiries":[{"enquiry_id":"S1","start_date":"2026-03-04","conference_target":"2026-03-25","end_date":null,"conference_id":"I1"}]'
expect_out_has '"conferences":[{"conference_id":"I1","enquiry_id":"S1","conference_date":"2026-03-25","outcome":"plan","plan_id":"P1"}]'
expect_out_has '"plans":[{"plan_id":"P1","kind":"child-protection","category":"NEG","start_date":"2026-03-25"'
expect_rc 0 show E2
expect_out_has "closure_reason"
expect_out_has "RC7"
expect_rc 0 show E3 -o json
check "E3 nfa $(field nfa)" test "$(field nfa)" = yes
check "E3 need $(field primary_need)" test "$(field primary_need)" = null
expect_rc 0 show N2 -o csv
expect_out "assessment_id,episode_id,child_id,start_date,completed_date,factors,recorded_on,completed_recorded_on,import_batch,source_line
N2,E2,C2,2026-03-11,2026-04-01,21,2026-06-30,2026-06-30,,"
expect_rc 0 show S2 -o csv
expect_out "enquiry_id,episode_id,child_id,start_date,conference_target,end_date,conference_id,recorded_on,end_recorded_on,import_batch,source_line
S2,E2,C2,2026-03-11,2026-04-01,2026-03-20,,2026-06-30,2026-06-30,,"
expect_rc 0 show I2 -o csv
expect_out "conference_id,episode_id,child_id,enquiry_id,conference_date,outcome,plan_id,recorded_on,import_batch,source_line
I2,E4,C4,S3,2026-04-24,no-plan,,2026-06-30,,"
expect_rc 0 show nhs:9434765919 -o json
expect_out_has '"episodes":[{"episode_id":"E1","referral_date":"2026-03-02","referral_source":"3A","primary_need":"N1","nfa":"no","closure_date":null,"closure_reason":null,"made_by":null}]'
for id in E99 N99 S99 I99; do refused 4 "'$id'" show "$id"; done

# --- list --------------------------------------------------------------------------------------------
expect_rc 0 list episodes -o csv
check "list episodes: $(ids)" test "$(ids)" = "E1 E2 E3 E4 E5 E6 E7"
expect_rc 0 list episodes --open -o csv
check "list episodes --open: $(ids)" test "$(ids)" = "E1 E3 E4 E5 E6 E7"
expect_rc 0 list episodes --child nhs:9434765919 -o csv
expect_out "episode_id,child_id,referral_date,referral_source,primary_need,nfa,closure_date,closure_reason,made_by
E1,C1,2026-03-02,3A,N1,no,,,"
expect_rc 0 list assessments -o csv
check "list assessments: $(ids)" test "$(ids)" = "N1 N2"
expect_rc 0 list assessments --episode E2 -o csv
check "list assessments --episode E2: $(ids)" test "$(ids)" = "N2"
expect_rc 0 list enquiries -o csv
expect_out "enquiry_id,episode_id,child_id,start_date,conference_target,end_date,conference_id,conference_date
S1,E1,C1,2026-03-04,2026-03-25,,I1,2026-03-25
S2,E2,C2,2026-03-11,2026-04-01,2026-03-20,,
S3,E4,C4,2026-04-07,2026-04-28,,I2,2026-04-24"
expect_rc 0 list conferences --outcome plan -o csv
check "list conferences --outcome plan: $(ids)" test "$(ids)" = "I1 I3 I4"
expect_rc 0 list conferences --episode E4 -o csv
check "list conferences --episode E4: $(ids)" test "$(ids)" = "I2"
refused 4 "no child 'C99'" list episodes --child C99
refused 4 "E99" list assessments --episode E99
refused 3 "'episode'" list enquiries --episode P1
refused 3 "'outcome' must be one of plan, no-plan: 'maybe'" list conferences --outcome maybe

# --- report chronology ------------------------------------------------------------------------------
expect_rc 0 report chronology C1 -o csv
expect_out_has "2026-03-02,referral,E1,referral from 3A; primary need N1
2026-03-03,assessment-start,N1,assessment started (E1)
2026-03-04,enquiry-start,S1,section 47 enquiry started (E1); conference due 2026-03-25
2026-03-25,conference,I1,\"initial conference (E1, S1): child protection plan P1\"
2026-03-25,plan-start,P1,child-protection plan started (NEG)"
expect_out_has "2026-04-14,assessment-completed,N1,\"assessment completed (E1): factors 3B,16A\""
expect_rc 0 report chronology C2 -o csv
expect_out_has "2026-03-20,enquiry-end,S2,section 47 enquiry ended with no conference needed (E2)"
expect_out_has "2026-04-01,assessment-completed,N2,assessment completed (E2): no factors"
expect_out_has "2026-04-02,episode-closed,E2,episode closed (RC7)"
expect_rc 0 report chronology C3 -o csv
expect_out_has "2026-04-01,referral,E3,referral from 2A: no further action"
expect_rc 0 report chronology C1 --as-of 2026-03-24 -o csv
check "chronology --as-of shows a later conference" test -z "$(grep -e ,conference, -e ,plan-start, <<<"$OUT")"

# --- the audit trail holds every write --------------------------------------------------------------
for id in E1 N1 S1 I1 P1 E2 N2 S2 E3 I2 I3 E6 I4 R1; do audited "$id"; done
run log E2 -o csv
check "log E2: the closure is not audited: [$OUT]" grep -q "close-episode" <<<"$OUT"
run log N1 -o csv
check "log N1: the completion is not audited: [$OUT]" grep -q "complete-assessment" <<<"$OUT"
run log S2 -o csv
check "log S2: the end is not audited: [$OUT]" grep -q "end-enquiry" <<<"$OUT"

# --- unknown codes are refused with the list -----------------------------------------------------------
expect_rc 0 add-child --given-names Hal --family-name Moss --dob 2010-10-10 --sex M
expect_out C8
refused 3 "'source'" open-referral C8 --date 2026-06-01 --source ZZ
expect_err_has "1A"
expect_err_has "3A"
refused 3 "'need'" open-referral C8 --date 2026-06-01 --source 3A --need N10
expect_err_has "N0"
refused 3 "'reason'" close-episode E3 --date 2026-06-01 --reason RC0
expect_err_has "RC9"
expect_rc 0 open-referral C8 --date 2026-06-01 --source 3A --need N2
expect_out E8
expect_rc 0 start-assessment E8 --date 2026-06-02
refused 3 "'factors'" complete-assessment E8 --date 2026-06-10 --factors 3B,99Z
expect_err_has "99Z"
refused 3 "'factors'" complete-assessment E8 --date 2026-06-10 --factors 21,3B
refused 3 "'factors'" complete-assessment E8 --date 2026-06-10 --factors "3B,,4A"
refused 3 "'outcome' must be one of plan, no-plan: 'yes'" record-conference E8 --date 2026-06-10 --outcome yes
refused 3 "'category'" record-conference E8 --date 2026-06-10 --outcome no-plan --category NEG
refused 3 "'seen'" record-review P1 --date 2026-06-01 --kind visit --seen maybe
refused 3 "'seen-alone'" record-review P1 --date 2026-06-01 --kind visit --seen-alone Y

# --- the rules of §5.4, each refused (exit 3) naming the records ----------------------------------------
# a child has one open episode; episodes do not overlap
refused 3 "E1" open-referral C1 --date 2026-06-01 --source 3A --need N1
refused 3 "E2" open-referral C2 --date 2026-04-01 --source 3A --need N1
# everything in an episode is dated within it
refused 3 "E8" start-enquiry E8 --date 2026-05-31
refused 3 "E2" start-assessment E2 --date 2026-04-03
# a no-further-action episode holds nothing but its referral
refused 3 "E3" start-assessment E3 --date 2026-04-02
refused 3 "E3" start-enquiry E3 --date 2026-04-02
refused 3 "E3" record-conference E3 --date 2026-04-02 --outcome no-plan
# one open assessment, one open enquiry per episode
refused 3 "N3" start-assessment E8 --date 2026-06-03
expect_rc 0 start-enquiry E8 --date 2026-06-03
expect_out S4
refused 3 "S4" start-enquiry E8 --date 2026-06-04
# a conference is not before its enquiry's start, nor on a weekend
refused 3 "S4" record-conference E8 --date 2026-06-02 --outcome no-plan
refused 3 "2026-06-06" record-conference E8 --date 2026-06-06 --outcome no-plan
# a child protection plan and a child in need plan of a child never overlap
refused 3 "P1" open-plan C1 --template child-in-need --start 2026-06-01 --episode E1
# a new child protection plan starts strictly after the previous one ended
expect_rc 0 close-plan --yes P5 --end 2026-04-01 --reason no-longer-at-risk
refused 3 "P5" open-plan C6 --template child-protection --category NEG --start 2026-04-01
# closing an episode needs every assessment completed, every enquiry ended, every plan closed
refused 3 "N3" close-episode E8 --date 2026-06-20 --reason RC7
refused 3 "P1" close-episode E1 --date 2026-06-20 --reason RC7
# a plan filed in another child's episode, or a closed one
refused 3 "E1" open-plan C8 --template child-in-need --start 2026-06-01 --episode E1
refused 3 "E2" open-plan C2 --template child-in-need --start 2026-06-01 --episode E2
# nothing after today
refused 3 "'date' is after today" open-referral C8 --date 2026-07-01 --source 3A

# --- bad ids, missing episodes, empty and missing options ----------------------------------------------
for cmd in start-assessment start-enquiry end-enquiry; do
  refused 4 "no episode 'E99'" "$cmd" E99 --date 2026-06-01
  refused 3 "'episode' is not an episode id (like E42): 'P1'" "$cmd" P1 --date 2026-06-01
  refused 2 "EPISODE is required" "$cmd" --date 2026-06-01
done
refused 4 "no episode 'E99'" complete-assessment E99 --factors 21
refused 4 "no episode 'E99'" record-conference E99 --outcome no-plan
refused 4 "no episode 'E99'" close-episode E99 --reason RC7
refused 4 "no episode 'E99'" open-plan C8 --template child-in-need --episode E99
refused 3 "'episode'" open-plan C8 --template child-in-need --episode X1
refused 4 "no child 'C99'" open-referral C99 --source 3A
refused 2 "--source is required" open-referral C8
refused 2 "--factors is required" complete-assessment E8
refused 2 "--outcome is required" record-conference E8
refused 2 "--reason is required" close-episode E8
refused 2 "option '--source' is given an empty value" open-referral C8 --source ""
refused 2 "option '--date' is given an empty value" start-assessment E8 --date ""
refused 2 "option '--factors' is given an empty value" complete-assessment E8 --factors ""
refused 3 "'need' must not be empty" open-referral C8 --source 3A --need " "
refused 3 "'date' is not a date" start-enquiry E8 --date 2026-02-30

# --- db check: actions whose agency is not a code are kept and listed ------------------------------------
expect_rc 0 db check
# (written here with sqlite3, past the audit trail: db check names that change too, and exits 1)
sqlite3 "$ICSCTL_DB" "UPDATE action SET agency = 'Social Services' WHERE id = 2"
expect_rc 1 db check
expect_out_has "A2: agency is 'Social Services'"
expect_err_has "agency 'Social Services' of 1 action (first A2) is not a code"
expect_rc 0 show A2 -o json
check "db check changed the agency: $(field agency)" test "$(field agency)" = "Social Services"

finish
