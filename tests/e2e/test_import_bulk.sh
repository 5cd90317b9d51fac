#!/usr/bin/env bash
# icsctl import children|plans|actions|reviews: row errors with line numbers and nothing written,
# --skip-invalid (valid rows written, still exit 3), --on-conflict error|skip|update, standard input,
# format detection, the summary in every -o format, the batch record, lines of `export all`.
source "$(dirname "$0")/lib.sh"

CHILD_HEADER="child_id,given_names,family_name,date_of_birth,expected_dob,sex,nhs_number,upn,ethnicity,refs"
sql() { sqlite3 "$ICSCTL_DB" "$1"; }
# expect_err_lines LINE...: stderr holds each line, in full, on a line of its own.
expect_err_lines() {
  local line
  for line in "$@"; do
    CHECKS=$((CHECKS + 1))
    grep -qxF -- "$line" <<<"$ERR" || fail "stderr lacks the line [$line]: [$ERR]"
  done
}

expect_rc 0 init
expect_rc 0 add-child --given-names Zoë --family-name 'Ó Briain' --dob 2019-04-02 --sex F --nhs-number 9434765919 --ref CPR-1
expect_rc 0 open-plan C1 --template child-protection --category NEG --start 2026-09-01

# --- every row error, with its line, and nothing written ----------------------------------------
cat >bad.csv <<'CSV'
child_id,given_names,family_name,date_of_birth,expected_dob,sex,nhs_number,upn,ethnicity,refs
C10,Good,Row,2019-01-01,,F,,,,
C11,,Empty,2019-01-01,,F,,,,
C12,"Two
Lines",Name,2019-01-01,,U,,,,
C13,Bad,Date,2019-02-30,,U,,,,
C14,Future,Kid,2027-01-01,,U,,,,
C15,Both,Dates,2019-01-01,2027-01-01,U,,,,
C16,Bad,Sex,2019-01-01,,Q,,,,
C17,Bad,Nhs,2019-01-01,,U,1234567890,,,
C18,Bad,Upn,2019-01-01,,U,,X123,,
P19,Wrong,Id,2019-01-01,,U,,,,
C1,Already,There,2019-01-01,,U,,,,
C10,Repeat,Line,2019-01-01,,U,,,,
C20,Short,Row
C21,Held,Nhs,2019-01-01,,U,943 476 5919,,,
C22,Held,Ref,2019-01-01,,U,,,,CPR-1
C23,Unborn,Late,,2028-01-01,U,,,,
CSV
before=$(db_snapshot)
expect_rc 3 import children bad.csv
expect_err_lines \
  "icsctl: error: line 3: 'given_names' must not be empty" \
  "icsctl: error: line 4: 'given_names' holds control characters: 'Two\\nLines'" \
  "icsctl: error: line 6: 'date_of_birth' is not a date (YYYY-MM-DD): '2019-02-30'" \
  "icsctl: error: line 7: 'date_of_birth' is after today: '2027-01-01'" \
  "icsctl: error: line 8: 'expected_dob' cannot be given with a date of birth: '2027-01-01'" \
  "icsctl: error: line 9: 'sex' must be one of M, F, U: 'Q'" \
  "icsctl: error: line 10: 'nhs_number' is not a valid NHS number: '1234567890'" \
  "icsctl: error: line 11: 'upn' is not a valid UPN: 'X123'" \
  "icsctl: error: line 12: 'child_id' is not a child id (like C42): 'P19'" \
  "icsctl: error: line 13: 'child_id' is a child already in the database (--on-conflict skip or update accepts it): 'C1'" \
  "icsctl: error: line 14: 'child_id' repeats the child of line 2: 'C10'" \
  "icsctl: error: line 15: the row has 3 fields but the header names 10 columns" \
  "icsctl: error: line 16: 'nhs_number' is already held by child C1: '9434765919'" \
  "icsctl: error: line 17: 'refs' is already held by child C1: 'CPR-1'" \
  "icsctl: error: line 18: 'expected_dob' must be within the next ten months: '2028-01-01'" \
  "icsctl: error: 15 of 16 rows of bad.csv are invalid: nothing was imported (--skip-invalid imports the valid rows)"
expect_out ""
expect_unchanged "$before"

# -o json still reports what was read, as an array of one object (DESIGN §6); no batch is recorded
expect_rc 3 -o json import children bad.csv
expect_out $'[\n{"kind":"children","file":"bad.csv","format":"csv","rows_read":16,"created":1,"updated":0,"unchanged":0,"skipped":0,"invalid":15,"batch_id":null}\n]'
expect_rc 3 -o ndjson import children bad.csv
expect_out '{"kind":"children","file":"bad.csv","format":"csv","rows_read":16,"created":1,"updated":0,"unchanged":0,"skipped":0,"invalid":15,"batch_id":null}'
expect_rc 3 -o csv import children bad.csv
expect_out $'kind,file,format,rows_read,created,updated,unchanged,skipped,invalid,batch_id\nchildren,bad.csv,csv,16,1,0,0,0,15,'
expect_unchanged "$before"

# --- --skip-invalid: the valid rows land, the bad ones are listed, and a rejected row still exits 3 --
expect_rc 3 -o json import children bad.csv --skip-invalid
expect_out $'[\n{"kind":"children","file":"bad.csv","format":"csv","rows_read":16,"created":1,"updated":0,"unchanged":0,"skipped":0,"invalid":15,"batch_id":"B1"}\n]'
expect_err_lines "icsctl: error: line 3: 'given_names' must not be empty" \
  "icsctl: error: 15 of 16 rows of bad.csv are invalid and were not imported; the other 1 were (1 created, 0 updated, 0 unchanged, 0 skipped; batch B1)"
expect_rc 0 export children
expect_out_has "C10,Good,Row,2019-01-01,,F,,,,"

# the batch: kind, file, SHA-256, counts; created records point at it and their line
CHECKS=$((CHECKS + 1))
[ "$(sql "SELECT kind || '|' || file_name || '|' || sha256 || '|' || actor FROM import_batch WHERE id = 1")" == \
  "children|bad.csv|$(sha256sum bad.csv | cut -d' ' -f1)|tester" ] || fail "the batch record is wrong: $(sql 'SELECT * FROM import_batch')"
CHECKS=$((CHECKS + 1))
[ "$(sql "SELECT counts FROM import_batch WHERE id = 1")" == \
  '{"rows_read":16,"created":1,"updated":0,"unchanged":0,"skipped":0,"invalid":15}' ] || fail "the batch counts are wrong"
CHECKS=$((CHECKS + 1))
[ "$(sql "SELECT batch_id || ':' || source_line FROM child WHERE id = 10")" == "1:2" ] || fail "C10 does not point at its batch and line"
CHECKS=$((CHECKS + 1))
[ "$(sql "SELECT count(*) FROM audit WHERE command = 'import children' AND entity IN ('C10', 'B1')")" == 2 ] || fail "the import is not audited"

# --- --on-conflict ---------------------------------------------------------------------------------
printf '%s\n%s\n' "$CHILD_HEADER" 'C10,Goodwin,Row,2019-01-01,,F,,,,' >change.csv
before=$(db_snapshot)
expect_rc 3 import children change.csv
expect_err_has "line 2: 'child_id' is a child already in the database"
expect_unchanged "$before"
expect_rc 3 import children change.csv --on-conflict error
expect_unchanged "$before"

expect_rc 0 -o json import children change.csv --on-conflict skip
expect_out_has '"rows_read":1,"created":0,"updated":0,"unchanged":0,"skipped":1,"invalid":0'
expect_rc 0 export children
expect_out_has "C10,Good,Row"

expect_rc 0 -o json import children change.csv --on-conflict update --yes
expect_out_has '"created":0,"updated":1,"unchanged":0'
expect_rc 0 export children
expect_out_has "C10,Goodwin,Row"
CHECKS=$((CHECKS + 1))
sql "SELECT before || ' -> ' || after FROM audit WHERE entity = 'C10' AND before IS NOT NULL" | grep -q '"given_names":"Good".*-> .*"given_names":"Goodwin"' ||
  fail "the update's audit record lacks before and after"
expect_rc 0 -o json import children change.csv --on-conflict update --yes
expect_out_has '"updated":0,"unchanged":1'

# update: a column left out keeps its value, a blank one clears it; a row without an id is the
# child holding its NHS number
printf 'child_id,family_name,sex\nC10,Rowe,\n' >partial.csv
expect_rc 0 import children partial.csv --on-conflict update --yes
expect_rc 0 export children
expect_out_has "C10,Goodwin,Rowe,2019-01-01,,U,,,,"
printf 'given_names,family_name,nhs_number\nZoe,O Briain,943 476 5919\n' >by-nhs.csv
expect_rc 3 import children by-nhs.csv
expect_err_has "line 2: 'nhs_number' is already held by child C1 (--on-conflict skip or update accepts it): '9434765919'"
expect_rc 0 import children by-nhs.csv --on-conflict update --yes
expect_rc 0 export children
expect_out_has "C1,Zoe,O Briain,2019-04-02,,F,9434765919,,,CPR-1"

# a row without an id gets the next free one
printf 'given_names,family_name,date_of_birth\nNew,Child,2020-02-02\n' >no-id.csv
expect_rc 0 import children no-id.csv
expect_rc 0 export children
expect_out_has "C11,New,Child,2020-02-02"

# --- standard input and format detection --------------------------------------------------------
printf '%s\n%s\n' "$CHILD_HEADER" 'C30,Stdin,Csv,2020-01-01,,U,,,,' >c30.csv
expect_rc 0 -o json import children - <c30.csv
expect_out $'[\n{"kind":"children","file":"(stdin)","format":"csv","rows_read":1,"created":1,"updated":0,"unchanged":0,"skipped":0,"invalid":0,"batch_id":"B8"}\n]'
printf '{"child_id":"C31","given_names":"Stdin","family_name":"Json","date_of_birth":"2020-01-01","sex":"M"}\n' >c31
expect_rc 0 -o json import children - <c31
expect_out_has '"format":"ndjson","rows_read":1,"created":1'
printf 'child_id\tgiven_names\tfamily_name\tdate_of_birth\nC32\tStdin\tTsv\\tTab\t2020-01-01\n' >c32
expect_rc 0 -o json import children - <c32
expect_out_has '"format":"tsv","rows_read":1,"created":1'
printf '{"child_id":"C33","given_names":"By","family_name":"Name","date_of_birth":"2020-01-01"}\n' >kids.jsonl
expect_rc 0 -o json import children kids.jsonl
expect_out_has '"format":"ndjson"'
printf 'child_id,given_names,family_name,date_of_birth\nC34,Forced,Csv,2020-01-01\n' >looks.ndjson
expect_rc 3 import children looks.ndjson
expect_err_has "line 1: is not JSON"
expect_rc 0 -o json import children looks.ndjson --format csv
expect_out_has '"format":"csv","rows_read":1,"created":1'
expect_rc 0 export children -o tsv
expect_out_has "C32	Stdin	Tsv\\tTab	2020-01-01"
expect_out_has "C31	Stdin	Json	2020-01-01		M"

before=$(db_snapshot)
printf '[{"child_id":"C40"}]\n' >array.json
expect_rc 3 import children array.json
expect_err_has "a JSON array cannot be imported"
printf 'child_id,famly_name\nC41,X\n' >typo.csv
expect_rc 3 import children typo.csv
expect_err_has "'header' is not a column of children"
expect_err_has "(line 1)"
printf 'child_id,given_names,family_name\nC42,"never closed,X\n' >open.csv
expect_rc 3 import children open.csv
expect_err_has "never closed"
expect_rc 2 import children typo.csv --format xml
expect_rc 2 import children typo.csv --on-conflict replace
expect_rc 2 import children
expect_rc 4 import children no-such-file.csv
expect_err_has "cannot read 'no-such-file.csv'"
expect_rc 4 --db "$SCRATCH/none.db" import children c30.csv
expect_unchanged "$before"

# --- plans: open-plan's rules -----------------------------------------------------------------------
PLAN_HEADER="plan_id,child_id,template,template_version,kind,initial_category,latest_category,start_date,end_date,end_reason,lead_worker,team,contingency,first_review_due,previous_cp_plans,legacy_ref"
cat >plans.csv <<CSV
$PLAN_HEADER
P10,C10,child-protection,1,child-protection,NEG,EMO,2026-01-05,2026-06-01,no-longer-at-risk,"Kay, Lee",North,,2026-04-05,0,REG-1
P11,C10,child-protection,,,PHY,,2026-06-02,,,,,,,,
P12,C99,child-protection,,,NEG,,2026-01-01,,,,,,,,
P13,C30,no-such-template,,,,,2026-01-01,,,,,,,,
P14,C30,child-protection,9,,NEG,,2026-01-01,,,,,,,,
P15,C30,child-protection,,,,,2026-01-01,,,,,,,,
P16,C30,child-in-need,,,NEG,,2026-01-01,,,,,,,,
P17,C30,child-protection,,child-in-need,NEG,,2026-01-01,,,,,,,,
P18,C1,child-protection,,,NEG,,2026-02-01,,,,,,,,
P19,C30,child-protection,,,NEG,,2019-01-01,,,,,,,,
P20,C30,child-protection,,,NEG,,2026-03-01,2026-02-01,other,,,,,,
P21,C31,child-protection,,,NEG,,2026-03-01,,,,,,,,REG-1
CSV
before=$(db_snapshot)
expect_rc 3 import plans plans.csv
expect_err_lines \
  "icsctl: error: line 4: 'child_id' is not a child in the database: 'C99'" \
  "icsctl: error: line 5: 'template' is not a known template: 'no-such-template'" \
  "icsctl: error: line 6: 'template_version' is not the version of template 'child-protection' in use (1) and no plan in the database was opened from it: '9'" \
  "icsctl: error: line 7: 'initial_category' is required by template 'child-protection' (one of NEG, PHY, SAB, EMO, MUL)" \
  "icsctl: error: line 8: 'initial_category' does not apply to template 'child-in-need': 'NEG'" \
  "icsctl: error: line 9: 'kind' is not the kind of template 'child-protection' (child-protection): 'child-in-need'" \
  "icsctl: error: line 10: 'child_id' already has an open child-protection plan P1: 'C1'" \
  "icsctl: error: line 11: 'start_date' is before the child's date of birth (2020-01-01): '2019-01-01'" \
  "icsctl: error: line 12: 'end_date' is before the plan's start (2026-03-01): '2026-02-01'" \
  "icsctl: error: line 13: 'legacy_ref' is already held by plan P10: 'REG-1'"
expect_unchanged "$before"
head -3 plans.csv >plans-ok.csv
expect_rc 0 import plans plans-ok.csv
expect_rc 0 export plans
expect_out_has 'P10,C10,child-protection,1,child-protection,NEG,EMO,2026-01-05,2026-06-01,no-longer-at-risk,"Kay, Lee",North,,2026-04-05,0,REG-1'
# a blank first_review_due is counted as open-plan counts it (3 months), a given one kept
expect_out_has 'P11,C10,child-protection,1,child-protection,PHY,PHY,2026-06-02,,,,,,2026-09-02,1,'
CHECKS=$((CHECKS + 1))
[ "$(sql "SELECT count(*) FROM action WHERE plan_id IN (10, 11)")" == 0 ] || fail "importing plans made actions"
CHECKS=$((CHECKS + 1))
[ "$(sql "SELECT source_line FROM plan WHERE id = 11")" == 3 ] || fail "P11 lacks its source line"
# a plan's child may be named by NHS number; plans can be updated
printf 'plan_id,child_id,template,initial_category,start_date,team\nP11,nhs:943 476 5919,child-protection,PHY,2026-06-02,South\n' >p11.csv
expect_rc 3 import plans p11.csv --on-conflict update --yes
expect_err_has "'child_id' already has an open child-protection plan P1: 'C1'"
printf 'plan_id,team\nP11,South\n' >p11.csv
expect_rc 0 -o json import plans p11.csv --on-conflict update --yes
expect_out_has '"updated":1'
expect_rc 0 export plans -o ndjson
expect_out_has '"plan_id":"P11","child_id":"C10","template":"child-protection","template_version":1,"kind":"child-protection","initial_category":"PHY","latest_category":"PHY","start_date":"2026-06-02","end_date":null,"end_reason":null,"lead_worker":null,"team":"South"'

# --- actions: assign-action's rules on their plan -----------------------------------------------
ACTION_HEADER="action_id,plan_id,section,what,owner,agency,due_date,status,completed_date,cancel_reason"
cat >actions.ndjson <<'JSON'
{"action_id":"A100","plan_id":"P11","section":"safety","what":"Visit, weekly","owner":"Kay","agency":"social-care","due_date":"2026-07-01","status":"open"}
{"action_id":"A101","plan_id":"P10","what":"Old","owner":"Kay","agency":"police","due_date":"2026-02-01","status":"open"}

{"action_id":"A102","plan_id":"P11","section":"garden","what":"Dig","owner":"Kay","agency":"police","due_date":"2026-07-01"}
{"action_id":"A103","plan_id":"P11","what":"Early","owner":"Kay","agency":"police","due_date":"2026-05-01"}
{"action_id":"A104","plan_id":"P77","what":"Lost","owner":"Kay","agency":"police","due_date":"2026-07-01"}
{"action_id":"A105","plan_id":"P11","what":"Done","owner":"Kay","agency":"police","due_date":"2026-07-01","status":"done"}
{"action_id":"A106","plan_id":"P10","what":"Stopped","owner":"Kay","agency":"police","due_date":"2026-02-01","status":"cancelled","completed_date":"2026-06-01"}
{"action_id":"A107","plan_id":"P11","what":"Odd","owner":"Kay","agency":"police","due_date":"2026-07-01","colour":"red"}
JSON
before=$(db_snapshot)
expect_rc 3 import actions actions.ndjson
expect_err_lines \
  "icsctl: error: line 2: 'status' cannot be open on plan P10, closed on 2026-06-01: 'open'" \
  "icsctl: error: line 4: 'section' is not a section of template 'child-protection': 'garden'" \
  "icsctl: error: line 5: 'due_date' is before the plan's start (2026-06-02): '2026-05-01'" \
  "icsctl: error: line 6: 'plan_id' is not a plan in the database: 'P77'" \
  "icsctl: error: line 7: 'completed_date' must be given for a done action" \
  "icsctl: error: line 8: 'cancel_reason' must be given for a cancelled action" \
  "icsctl: error: line 9: 'colour' is not a column of actions"
expect_unchanged "$before"
expect_rc 3 -o json import actions actions.ndjson --skip-invalid
expect_out_has '"rows_read":8,"created":1,"updated":0,"unchanged":0,"skipped":0,"invalid":7'
expect_rc 0 export actions
expect_out_has 'A100,P11,safety,"Visit, weekly",Kay,social-care,2026-07-01,open,,'

# --- plans may not overlap, closed or open, earlier rows of the file included ------------------------
cat >overlap.csv <<CSV
plan_id,child_id,template,initial_category,start_date,end_date,end_reason
P30,C10,child-protection,NEG,2026-03-01,2026-04-01,other
P31,C30,child-protection,NEG,2026-01-01,2026-03-01,other
P32,C30,child-protection,NEG,2026-02-01,2026-02-10,other
P33,C10,child-protection,NEG,2025-12-01,2026-01-04,other
CSV
before=$(db_snapshot)
expect_rc 3 import plans overlap.csv
expect_err_lines \
  "icsctl: error: line 2: 'start_date' overlaps child-protection plan P10 of child C10 (2026-01-05 to 2026-06-01): plans of a kind may not overlap: '2026-03-01'" \
  "icsctl: error: line 4: 'start_date' overlaps child-protection plan P31 of child C30 (2026-01-01 to 2026-03-01): plans of a kind may not overlap: '2026-02-01'" \
  "icsctl: error: 2 of 4 rows of overlap.csv are invalid: nothing was imported (--skip-invalid imports the valid rows)"
expect_unchanged "$before"

# --- reviews: record-review's rules ---------------------------------------------------------------
cat >reviews.csv <<'CSV'
review_id,plan_id,kind,review_date,outcome,category,next_review_due
R1,P10,initial-conference,2026-01-05,Plan agreed,NEG,
R2,P10,review-conference,2026-04-01,"Continues, EMO",EMO,
R3,P11,core-group,2026-06-10,,,
R4,P10,core-group,2026-06-01,,,
R5,P11,visit,2026-05-31,,,
R6,P11,core-group,2026-06-12,,NEG,
R7,P77,visit,2026-06-12,,,
R8,P11,party,2026-06-12,,,
CSV
before=$(db_snapshot)
expect_rc 3 import reviews reviews.csv
expect_err_lines \
  "icsctl: error: line 5: 'review_date' is not before the end of plan P10 (2026-06-01, the first day it no longer applies): '2026-06-01'" \
  "icsctl: error: line 6: 'review_date' is before the plan's start (2026-06-02): '2026-05-31'" \
  "icsctl: error: line 7: 'category' is decided at a conference, not a core-group: 'NEG'" \
  "icsctl: error: line 8: 'plan_id' is not a plan in the database: 'P77'" \
  "icsctl: error: line 9: 'kind' must be one of initial-conference, review-conference, core-group, visit: 'party'"
expect_unchanged "$before"
head -4 reviews.csv >reviews-ok.csv
expect_rc 0 -o ndjson import reviews reviews-ok.csv
expect_out '{"kind":"reviews","file":"reviews-ok.csv","format":"csv","rows_read":3,"created":3,"updated":0,"unchanged":0,"skipped":0,"invalid":0,"batch_id":"B16"}'
expect_rc 0 export reviews
expect_out_has 'R2,P10,review-conference,2026-04-01,"Continues, EMO",EMO,2026-10-01'
expect_out_has 'R3,P11,core-group,2026-06-10,,,'

# --- a line of `export all` of another kind is an invalid row, named as what it is ------------------
"$ICSCTL" export all >all.ndjson
expect_rc 3 import children all.ndjson --on-conflict skip
expect_err_has "icsctl: error: line $(grep -n '^{"record":"plan"' all.ndjson | head -1 | cut -d: -f1): is a plan record, not a child (import plans reads it)"
expect_rc 0 -o json import children - --format ndjson --on-conflict skip < <(grep '^{"record":"child"' all.ndjson)
expect_out_has '"invalid":0'

finish
