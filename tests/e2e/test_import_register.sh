#!/usr/bin/env bash
# `icsctl import register`: every reject reason and warning, encodings, CSV quoting, children matched
# across rows, re-runs, dry runs, an interrupted import, provenance and the migration report.
source "$(dirname "$0")/lib.sh"

MAPPING=legacy-register
HEADER='register_ref,surname,forenames,dob,gender,nhs_number,upn,category,registration_date,deregistration_date,deregistration_reason,key_worker,team,address_postcode,person_id'

# sql QUERY: one value from the database.
sql() { sqlite3 "$ICSCTL_DB" "$1"; }
# json_get KEY: a key of the one object of the JSON array in $OUT.
json_get() { python3 -c 'import json,sys; v=json.loads(sys.argv[1])[0][sys.argv[2]]; print("null" if v is None else str(v).lower() if isinstance(v, bool) else v)' "$OUT" "$1"; }
# crlf LINES...: the lines joined with CRLF line ends.
crlf() { printf '%s\r\n' "$@"; }

expect_rc 0 init

# --- one file with every rule: CRLF, quoted commas, quotes and a line break ----------------------
{
  crlf "$HEADER" \
    'CPR-1,Smith,Amelia,02/04/2019,F,943 476 5919,,Neglect,01/02/2020,01/08/2020,NLR,"Patel, Sam",CP Team A,LS1 1AA,PER1' \
    'CPR-2,Smith,Amelia Rose,02/04/2019,F,,,Emotional Abuse,01/01/2022,,,Sam Patel,CP Team A,LS1 1AA,PER1'
  printf '%s\r\n%s\r\n' 'CPR-3,Jones,Tom,01/01/2015,M,9434765927,,PHY,05/05/2021,10/10/2021,"Moved away, see file ""A""' \
    'ref: legacy note",Ann Lee,CP Team B,,PER2'
  crlf 'CPR-4,Jones,Thomas,01/01/2015,M,9434765927,,SA,01/03/2023,,,Ann Lee,CP Team B,,PER3' \
    'CPR-5,Brown,Unborn,15/06/2021,U,,,Neglect,01/03/2021,,,Ann Lee,CP Team B,,PER4' \
    'CPR-6,White,Ella,N/K,X,1234567890,,neglect ,01/01/2020,,,Ann Lee,CP Team B,,PER5' \
    'CPR-7, ,Amy,01/01/2015,F,,,Neglect,01/01/2020,,,,,,PER6' \
    'CPR-8,Green,Amy,01/01/2015,F,,,Neglect,,,,,,,PER7' \
    'CPR-9,Green,Amy,01/01/2015,F,,,Neglect,31/02/2020,,,,,,PER7' \
    'CPR-10,Green,Amy,01/01/2015,F,,,Neglect,01/01/2020,13/13/2020,Other,,,,PER7' \
    'CPR-11,Green,Amy,01/01/2015,F,,,Neglect,01/06/2020,01/01/2020,Other,,,,PER7' \
    'CPR-12,Green,Amy,01/01/2015,F,,,Neglet,01/01/2020,,,,,,PER7' \
    'CPR-1,Green,Amy,01/01/2015,F,,,Neglect,01/01/2020,,,,,,PER7'
} >rules.csv

before=$(db_snapshot)
expect_rc 3 import register rules.csv --mapping "$MAPPING" --dry-run -o json -v
expect_out '[
{"rows_read":13,"plans_created":6,"already_imported":0,"rejected":7,"children_created":4,"children_matched":0,"warnings":3,"batch_id":null,"dry_run":1}
]'
expect_unchanged "$before"
expect_err_has "dry run: nothing was written"
expect_err_has "line 8 warning: 'date_of_birth' is not a date in the mapping's date formats (%d/%m/%Y, %Y-%m-%d) (left unknown): 'N/K' (ref CPR-6)"
expect_err_has "line 8 warning: 'sex' has no mapping (recorded as U): 'X' (ref CPR-6)"
expect_err_has "line 8 warning: 'nhs_number' is not a valid NHS number (dropped): '1234567890' (ref CPR-6)"
expect_err_has "icsctl: error: 7 of 13 rows rejected; the other rows were checked"

schema_before=$(sqlite3 "$ICSCTL_DB" .schema | sort)
expect_rc 3 import register rules.csv --mapping "$MAPPING" --rejects rejects.csv -o json
# into an empty database the child indexes are set aside and rebuilt: the same schema (rebuilt
# indexes come last in sqlite_schema)
expect_eq "schema after a first import" "$(sqlite3 "$ICSCTL_DB" .schema | sort)" "$schema_before"
expect_eq "integrity" "$(sql 'PRAGMA integrity_check')" ok
# the first import wrote through a rollback journal with foreign keys unchecked row by row: every
# reference holds, and the database is back in WAL with no journal left behind
expect_eq "foreign keys" "$(sql 'PRAGMA foreign_key_check')" ""
expect_eq "journal mode" "$(sql 'PRAGMA journal_mode')" wal
CHECKS=$((CHECKS + 1))
[ ! -e "$ICSCTL_DB-journal" ] || fail "a rollback journal was left behind"
expect_out '[
{"rows_read":13,"plans_created":6,"already_imported":0,"rejected":7,"children_created":4,"children_matched":0,"warnings":3,"batch_id":"B1","dry_run":0}
]'
CHECKS=$((CHECKS + 1))
[ "$(json_get rows_read)" -eq $(($(json_get plans_created) + $(json_get already_imported) + $(json_get rejected))) ] ||
  fail "the summary does not reconcile: $OUT"
expect_err_has "imported 'rules.csv': 13 rows read: 6 plans created, 0 already imported, 7 rejected"
expect_err_has "children: 4 created, 0 matched in the database; 3 warnings; batch B1"
expect_err_has "icsctl: error: 7 of 13 rows rejected (listed in 'rejects.csv'); the other rows were imported"
CHECKS=$((CHECKS + 1))
[[ "$ERR" != *"warning: 'nhs_number'"* ]] || fail "warnings were listed without --verbose"
CHECKS=$((CHECKS + 1))
diff rejects.csv <(crlf 'line,ref,field,value,reason' \
  '9,CPR-7,family_name, ,is empty' \
  '10,CPR-8,start_date,,is missing' \
  "11,CPR-9,start_date,31/02/2020,\"is not a date in the mapping's date formats (%d/%m/%Y, %Y-%m-%d)\"" \
  "12,CPR-10,end_date,13/13/2020,\"is not a date in the mapping's date formats (%d/%m/%Y, %Y-%m-%d)\"" \
  '13,CPR-11,end_date,01/01/2020,is before the start date (2020-06-01)' \
  '14,CPR-12,category,Neglet,has no mapping' \
  '15,CPR-1,ref,CPR-1,already appears on line 2') >rejects.diff || fail "rejects file: $(cat rejects.diff)"

# the plans, their children and provenance
expect_eq "plans" "$(sql 'SELECT group_concat(legacy_ref, " ") FROM (SELECT legacy_ref FROM plan ORDER BY id)')" \
  "CPR-1 CPR-2 CPR-3 CPR-4 CPR-5 CPR-6"
expect_eq "actions" "$(sql 'SELECT count(*) FROM action')" 0
expect_eq "audit" "$(sql "SELECT entity || ' ' || json_remove(after, '$.rows_sha256') FROM audit WHERE command = 'import register'")" \
  'B1 {"rows_read":13,"plans_created":6,"already_imported":0,"rejected":7,"children_created":4,"children_matched":0,"warnings":3}'
expect_eq "same child by person id" "$(sql "SELECT count(DISTINCT child_id) FROM plan WHERE legacy_ref IN ('CPR-1','CPR-2')")" 1
expect_eq "same child by NHS number" "$(sql "SELECT count(DISTINCT child_id) FROM plan WHERE legacy_ref IN ('CPR-3','CPR-4')")" 1
expect_eq "previous plans" "$(sql "SELECT group_concat(previous_cp_plans) FROM (SELECT previous_cp_plans FROM plan ORDER BY id)")" \
  "0,1,0,1,0,0"
expect_eq "the latest registration names the child" \
  "$(sql "SELECT c.given_names || '|' || c.nhs_number FROM child c JOIN plan p ON p.child_id = c.id WHERE p.legacy_ref = 'CPR-2'")" \
  "Amelia Rose|9434765919"
expect_eq "person ids" "$(sql 'SELECT group_concat(ref) FROM (SELECT ref FROM child_all_refs ORDER BY ref)')" \
  "PER1,PER2,PER3,PER4,PER5"
# a child's first person id is its legacy id; PER3 (joined to PER2's child by NHS number) is a further ref
expect_eq "further person ids" "$(sql 'SELECT group_concat(ref) FROM child_ref')" "PER3"
run show nhs:9434765927 -o json
expect_out_has '"refs":"PER2 PER3"'
expect_eq "unborn" "$(sql "SELECT coalesce(c.date_of_birth, '-') || '|' || c.expected_dob FROM child c JOIN plan p ON p.child_id = c.id WHERE p.legacy_ref = 'CPR-5'")" \
  "-|2021-06-15"
expect_eq "warnings kept the row" \
  "$(sql "SELECT c.sex || '|' || coalesce(c.nhs_number, '-') || '|' || coalesce(c.date_of_birth, '-') || '|' || p.initial_category FROM child c JOIN plan p ON p.child_id = c.id WHERE p.legacy_ref = 'CPR-6'")" \
  "U|-|-|NEG"
expect_eq "end reasons" "$(sql "SELECT group_concat(coalesce(end_reason, '-'), ' ') FROM (SELECT end_reason FROM plan ORDER BY id)")" \
  "no-longer-at-risk - other - - -"
expect_eq "legacy end reason" "$(sql "SELECT legacy_end_reason FROM plan WHERE legacy_ref = 'CPR-3'")" \
  "$(printf 'Moved away, see file "A"\r\nref: legacy note')"
expect_eq "quoted comma" "$(sql "SELECT lead_worker FROM plan WHERE legacy_ref = 'CPR-1'")" "Patel, Sam"
expect_eq "batch and line" "$(sql "SELECT batch_id || ':' || source_line FROM plan WHERE legacy_ref = 'CPR-4'")" "1:6"
expect_eq "child's line" "$(sql "SELECT c.batch_id || ':' || c.source_line FROM child c JOIN plan p ON p.child_id = c.id WHERE p.legacy_ref = 'CPR-4'")" "1:4"
expect_eq "batch" "$(sql "SELECT kind || '|' || file_name || '|' || actor || '|' || length(sha256) || '|' || (mapping LIKE '%person_id%') FROM import_batch")" \
  "register|rules.csv|tester|64|1"
expect_eq "sha256" "$(sql 'SELECT sha256 FROM import_batch')" "$(sha256sum rules.csv | cut -d' ' -f1)"
# each plan its own episode (made by the register, closed with the plan) and, a child protection
# plan, its transfer-in conference, all under the plan's number and entered on the batch's day
expect_eq "episodes" "$(sql "SELECT group_concat(p.legacy_ref || '=E' || e.id || ':' || e.referral_date || '..' || coalesce(e.closure_date || '/' || e.closure_reason, 'open'), ' ')
  FROM (SELECT * FROM plan ORDER BY id) p JOIN episode e ON e.id = p.episode_id AND e.child_id = p.child_id AND e.made_by = 'register'")" \
  "CPR-1=E1:2020-02-01..2020-08-01/RC7 CPR-2=E2:2022-01-01..open CPR-3=E3:2021-05-05..2021-10-10/RC7 CPR-4=E4:2023-03-01..open CPR-5=E5:2021-03-01..open CPR-6=E6:2020-01-01..open"
expect_eq "conferences" "$(sql "SELECT count(*) FROM plan p JOIN conference i ON i.id = p.conference_id AND i.episode_id = p.episode_id
  WHERE i.conference_date = p.start_date AND i.enquiry_id IS NULL AND i.outcome = 'plan'")" 6
expect_eq "entered on" "$(sql "SELECT group_concat(DISTINCT d) FROM (SELECT recorded_on AS d FROM child UNION ALL SELECT recorded_on FROM plan
  UNION ALL SELECT recorded_on FROM episode UNION ALL SELECT recorded_on FROM conference
  UNION ALL SELECT end_recorded_on FROM plan WHERE end_date IS NOT NULL UNION ALL SELECT closure_recorded_on FROM episode WHERE closure_date IS NOT NULL)")" \
  2026-11-22

expect_rc 0 show P3 -o json
expect_out_has '"first_review_due":"2021-08-05"'
expect_out_has '"legacy_ref":"CPR-3"'
expect_out_has '"import_batch":"B1","import_file":"rules.csv","source_line":4'
expect_out_has '"actions":[]'

# --- a re-run creates nothing; a later export finds the children already there ----------------------
expect_rc 3 import register rules.csv --mapping "$MAPPING" -o json -q
expect_out '[
{"rows_read":13,"plans_created":0,"already_imported":6,"rejected":7,"children_created":0,"children_matched":0,"warnings":0,"batch_id":"B2","dry_run":0}
]'
expect_eq "no plan twice" "$(sql 'SELECT count(*) FROM plan')" 6

crlf "$HEADER" \
  'CPR-2,Smith,Amelia Rose,02/04/2019,F,,,Emotional Abuse,01/01/2022,01/01/2023,NLR,Sam Patel,CP Team A,LS1 1AA,PER1' \
  'CPR-20,Smith,Amelia,02/04/2019,F,,,MUL,01/06/2024,,,Sam Patel,CP Team A,LS1 1AA,PER1' \
  'CPR-21,Jones,Tom,01/01/2015,M,9434765927,,Neglect,01/06/2024,,,Ann Lee,CP Team B,,PER9' >later.csv
before=$(db_snapshot)
expect_rc 0 import register later.csv --mapping "$MAPPING" -o json --dry-run
expect_out '[
{"rows_read":3,"plans_created":2,"already_imported":1,"rejected":0,"children_created":0,"children_matched":2,"warnings":0,"batch_id":null,"dry_run":1}
]'
expect_unchanged "$before"
expect_rc 0 import register later.csv --mapping "$MAPPING" -o json
expect_out_has '"plans_created":2,"already_imported":1,"rejected":0,"children_created":0,"children_matched":2'
expect_eq "matched by person id" "$(sql "SELECT count(DISTINCT child_id) || '|' || max(previous_cp_plans) FROM plan WHERE legacy_ref IN ('CPR-1','CPR-2','CPR-20')")" "1|2"
expect_eq "matched by NHS number" "$(sql "SELECT count(DISTINCT child_id) FROM plan WHERE legacy_ref IN ('CPR-3','CPR-21')")" 1
expect_eq "new person id added" "$(sql "SELECT count(*) FROM child_ref WHERE ref = 'PER9'")" 1
expect_eq "one episode per plan, of the plan's child" "$(sql "SELECT count(*) || '|' || sum(e.child_id = p.child_id) FROM plan p JOIN episode e ON e.id = p.episode_id")" "8|8"
# a bulk update's refs replace all of a migrated child's references, its legacy id among them
jones=$(sql "SELECT id FROM child WHERE nhs_number = '9434765927'")
printf 'child_id,refs\nC%s,PER2 NEW1\n' "$jones" >refs.csv
expect_rc 0 import children refs.csv --on-conflict update --yes
expect_eq "refs replaced" "$(sql "SELECT coalesce(legacy_id, '-') || '|' || (SELECT group_concat(ref, ' ') FROM (SELECT ref FROM child_all_refs WHERE child_id = $jones ORDER BY ref)) FROM child WHERE id = $jones")" \
  "-|NEW1 PER2"
expect_eq "already imported plans are left as they were" "$(sql "SELECT coalesce(end_date, 'open') FROM plan WHERE legacy_ref = 'CPR-2'")" open

# --- encodings ------------------------------------------------------------------------------------
sed 's/^encoding: utf-8 /encoding: windows-1252/' "$ICS_SOURCE_DIR/schemas/mappings/legacy-register.yaml" >cp1252.yaml
grep -q '^encoding: windows-1252' cp1252.yaml || fail "could not make a windows-1252 mapping"
{ crlf "$HEADER"; printf 'W-1,\xd3 Briain,Zo\xeb,01/01/2016,F,,,Neglect,01/01/2021,,,Se\xe1n Murphy,CP Team A,,PERW1\r\n'; } >cp1252.csv
expect_rc 3 import register cp1252.csv --mapping "$MAPPING"
expect_err_has "line 2 rejected: 'family_name' is not valid UTF-8: '\\xd3 Briain' (ref W-1)"
expect_rc 0 import register cp1252.csv --mapping cp1252.yaml
expect_eq "windows-1252 names arrive as UTF-8" \
  "$(sql "SELECT c.given_names || '|' || c.family_name || '|' || p.lead_worker FROM child c JOIN plan p ON p.child_id = c.id WHERE p.legacy_ref = 'W-1'")" \
  "Zoë|Ó Briain|Seán Murphy"

{ printf '\xef\xbb\xbf'; crlf "$HEADER" 'B-1,Ó Briain,Zoë,01/01/2016,F,,,Neglect,01/01/2021,,,,,,PERB1'; } >bom.csv
expect_rc 0 import register bom.csv --mapping "$MAPPING" -o json
expect_out_has '"plans_created":1'
expect_eq "BOM" "$(sql "SELECT c.given_names FROM child c JOIN plan p ON p.child_id = c.id WHERE p.legacy_ref = 'B-1'")" "Zoë"
expect_rc 3 import register bom.csv --mapping cp1252.yaml
expect_err_has "'encoding' does not fit a file that starts with a UTF-8 byte order mark (set encoding: utf-8)"

# standard input, LF line ends
printf '%s\n' "$HEADER" 'S-1,Stdin,Sam,01/01/2016,M,,,EMO,01/01/2021,,,,,,PERS1' | "$ICSCTL" import register - --mapping "$MAPPING" -q
CHECKS=$((CHECKS + 1))
[ $? -eq 0 ] || fail "import from standard input failed"
expect_eq "stdin" "$(sql "SELECT file_name || ':' || source_line FROM plan p JOIN import_batch b ON b.id = p.batch_id WHERE legacy_ref = 'S-1'")" \
  "(standard input):2"

# --- bad mapping, missing files ---------------------------------------------------------------------
printf 'encoding: utf-8\ncolumns:\n  ref: register_ref\n  family_name: surname\n  start_date: registration_date\n  category: category\n  postcode: address_postcode\n' >bad.yaml
before=$(db_snapshot)
expect_rc 3 import register rules.csv --mapping bad.yaml
expect_err_has "bad.yaml:7:3: unknown key 'postcode' in 'columns'"
printf 'columns:\n  ref: register_ref\n  family_name: surname\n  start_date: registration_date\n  category: kategorie\n' >wrong.yaml
expect_rc 3 import register rules.csv --mapping wrong.yaml
expect_err_has "wrong.yaml:5:13: column 'kategorie' (for 'category') is not in the file's header"
expect_rc 4 import register missing.csv --mapping "$MAPPING"
expect_err_has "no file 'missing.csv'"
expect_rc 4 import register rules.csv --mapping missing.yaml
expect_unchanged "$before"
expect_rc 2 import register rules.csv

# --- the migration report ---------------------------------------------------------------------------
expect_rc 0 report migration -o csv
expect_out_has 'batch_id,kind,file_name,sha256,actor,imported_at,rows_read,plans_created,already_imported,rejected,children_created,children_matched,warnings'
expect_out_has "B1,register,rules.csv,$(sha256sum rules.csv | cut -d' ' -f1),tester,"
expect_out_has ',13,6,0,7,4,0,3'
expect_out_has ',13,0,6,7,0,0,0'
expect_rc 0 report migration --as-of 2000-01-01 -o csv
expect_out 'batch_id,kind,file_name,sha256,actor,imported_at,rows_read,plans_created,already_imported,rejected,children_created,children_matched,warnings'

# --- Ctrl-C: exit 130 and the database as it was -----------------------------------------------------
python3 "$ICS_SOURCE_DIR/scripts/gen-register.py" 200000 7 big.csv
# interrupt_import ERRFILE [GLOBAL OPTION…]: imports big.csv in the background, sends it Ctrl-C once
# it has been importing for 0.3 s (or after 60 s), and leaves its exit code in rc.
interrupt_import() {
  local err=$1 pid
  shift
  set -m  # job control: the background import gets Ctrl-C like a foreground one
  "$ICSCTL" "$@" -v import register big.csv --mapping "$MAPPING" >/dev/null 2>"$err" &
  pid=$!
  set +m
  for _ in $(seq 600); do
    grep -q "import register: importing rows" "$err" && sleep 0.3 && break  # well into the rows
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -INT "$pid" 2>/dev/null
  wait "$pid"
  rc=$?
}
before=$(db_snapshot)
interrupt_import big.err
CHECKS=$((CHECKS + 1))
[ "$rc" -eq 130 ] || fail "interrupted import exited $rc, wanted 130: $(grep -v 'line .* \(warning\|rejected\)' big.err | tail -5)"
grep -q "icsctl: error: interrupted" big.err || fail "no 'interrupted' message"
CHECKS=$((CHECKS + 1))
expect_unchanged "$before"
CHECKS=$((CHECKS + 1))
! grep -q $'\r' big.err || fail "progress was drawn on a stderr that is not a terminal"

# the same into a new database (the rollback journal path): nothing written, WAL again, no journal
fresh=$SCRATCH/fresh.db
"$ICSCTL" --db "$fresh" init -q
before=$(ICSCTL_DB=$fresh db_snapshot)
interrupt_import fresh.err --db "$fresh"
CHECKS=$((CHECKS + 1))
[ "$rc" -eq 130 ] || fail "interrupted import into a new database exited $rc, wanted 130"
ICSCTL_DB=$fresh expect_unchanged "$before"
expect_eq "journal mode after an interrupted first import" "$(sqlite3 "$fresh" 'PRAGMA journal_mode')" wal
CHECKS=$((CHECKS + 1))
[ ! -e "$fresh-journal" ] || fail "an interrupted import left a rollback journal"

finish
