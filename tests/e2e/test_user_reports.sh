#!/usr/bin/env bash
# Your own reports (issue 16 item 3): definitions in a folder (--reports, ICSCTL_REPORTS) listed and
# run like the shipped ones; `reports check` with FILE:LINE:COLUMN errors; only read-only SQL, at
# check time and again when `report NAME` runs it; a shipped report's name reserved.
source "$(dirname "$0")/lib.sh"

expect_rc 0 init
expect_rc 0 add-child --given-names Amelia --family-name Smith --dob 2019-04-02 --sex F
expect_rc 0 open-plan C1 --template child-protection --category NEG --start 2025-01-10 --worker "Sam Patel" --team "CP Team A"
expect_rc 0 add-child --given-names Tom --family-name Jones --dob 2015-01-01 --sex M
expect_rc 0 open-plan C2 --template child-in-need --start 2026-06-01 --worker "Ann Lee" --team "CP Team B"

# --- the README's worked example, as written ---------------------------------------------------
mkdir -p my-reports
awk '/^    cat > my-reports\/plans-by-team.yaml/ { on = 1; next } on && /^    YAML$/ { exit } on { sub(/^    /, ""); print }' \
  "$ICS_SOURCE_DIR/README.md" >my-reports/plans-by-team.yaml
check "the README's example file was not found" test -s my-reports/plans-by-team.yaml
expect_rc 0 reports check my-reports/plans-by-team.yaml
expect_err_has "my-reports/plans-by-team.yaml: report 'plans-by-team' is valid"
expect_rc 0 --reports my-reports report --list -o csv
expect_out_has "plans-by-team,team with a plan open on the as-of date,as_of,team open_plans long_plans,long_days=365,,my-reports/plans-by-team.yaml"
expect_out_has "caseload,lead worker and team with a plan open on the as-of date,as_of,worker team open_plans open_actions overdue_actions,,worker team kind,shipped"
export ICSCTL_REPORTS=$SCRATCH/my-reports
expect_rc 0 report plans-by-team --as-of 2026-03-31 --threshold long_days=180 -o csv
expect_out "team,open_plans,long_plans
CP Team A,1,1"
expect_rc 0 report plans-by-team --as-of 2026-11-01 -o json
expect_out '[
{"team":"CP Team A","open_plans":1,"long_plans":1},
{"team":"CP Team B","open_plans":1,"long_plans":0}
]'
expect_rc 0 report plans-by-team --as-of 2026-11-01 --known-at 2026-11-22 -o ndjson
expect_out '{"team":"CP Team A","open_plans":1,"long_plans":1}
{"team":"CP Team B","open_plans":1,"long_plans":0}'
expect_rc 2 report plans-by-team --threshold nope=1
expect_rc 0 --reports "$SCRATCH/my-reports" reports show plans-by-team
expect_out_has "name: plans-by-team"
unset ICSCTL_REPORTS

# --- reports show: a shipped definition to start from (the --help example) ----------------------
expect_rc 0 reports show caseload
expect_out_has "name: caseload"
"$ICSCTL" reports show caseload | sed 's/^name: caseload$/name: my-caseload/' >my-caseload.yaml
expect_rc 0 reports check my-caseload.yaml
expect_rc 4 reports show no-such-report

# --- refused definitions: FILE:LINE:COLUMN and the reason ---------------------------------------
# bad NAME BODY-LINES...: writes bad/NAME.yaml, a definition with one column `a` and the query lines.
mkdir -p bad
bad() {
  local name=$1; shift
  { printf 'name: %s\ntitle: T\nrow: r\nparameters: [as_of]\ncolumns:\n  - {name: a, type: text, description: d}\nquery: |\n' "$name"
    printf '  %s\n' "$@"; } >"bad/$name.yaml"
}
# refused_file NAME TEXT: `reports check` refuses bad/NAME.yaml with exit 3 and TEXT.
refused_file() {
  expect_rc 3 reports check "bad/$1.yaml"
  expect_err_has "icsctl: error: bad/$1.yaml:$2"
}
bad ok "SELECT given_names AS a FROM child WHERE :as_of IS NOT NULL"
expect_rc 0 reports check bad/ok.yaml
bad delete "DELETE FROM plan"
refused_file delete "8:3: a report's query may only read: it would delete from 'plan'"
bad with-delete "WITH x AS (SELECT 1) DELETE FROM plan WHERE id IN (SELECT * FROM x)"
refused_file with-delete "8:3: a report's query may only read: it would delete from 'plan'"
bad insert "INSERT INTO import_batch (kind, file_name, sha256, actor, imported_at)" \
  "VALUES ('x', 'x', 'x', 'x', 'x') RETURNING kind AS a"
refused_file insert "8:3: a report's query may only read: it would insert into 'import_batch'"
bad update "UPDATE child SET family_name = 'x' RETURNING family_name AS a"
refused_file update "8:3: a report's query may only read: it would update 'child'"
bad pragma "PRAGMA table_info(plan)"
refused_file pragma "8:3: a report's query may only read: it runs PRAGMA table_info"
bad pragma-write "PRAGMA user_version = 99"
refused_file pragma-write "8:3: a report's query may only read: it runs PRAGMA user_version"
bad attach "ATTACH 'other.db' AS other"
refused_file attach "8:3: a report's query may only read: it attaches a database (ATTACH)"
bad detach "DETACH temp"
refused_file detach "8:3: a report's query may only read: it detaches a database (DETACH)"
bad temp-table "CREATE TEMP TABLE t AS SELECT 1 AS a"
refused_file temp-table "8:3: a report's query may only read: it would create the table 't'"
bad temp-view "CREATE TEMP VIEW v AS SELECT 1 AS a"
refused_file temp-view "8:3: a report's query may only read: it would create the view 'v'"
bad begin "BEGIN IMMEDIATE"
refused_file begin "8:3: a report's query may only read: it controls a transaction"
bad savepoint "SAVEPOINT s"
refused_file savepoint "8:3: a report's query may only read: it makes or releases a savepoint"
bad extension "SELECT load_extension('/tmp/evil.so') AS a"
refused_file extension "8:3: a report's query may only read: it calls load_extension()"
bad vacuum "VACUUM"
refused_file vacuum "8:3: a report's query may only read:"
bad two "SELECT 1 AS a;" "DELETE FROM plan"
refused_file two "8:17: a report's query may only read: it is more than one statement"
bad two-selects "SELECT 1 AS a; SELECT 2 AS a"
refused_file two-selects "8:17: a report's query may only read: it is more than one statement"
bad trailing "SELECT 1 AS a; -- a comment after the one statement is fine"
expect_rc 0 reports check bad/trailing.yaml
bad syntax "SELECT 1 AS a" "FROM plan" "WHERE p.teem = 'x'"
refused_file syntax "10:9: the query does not prepare: no such column: p.teem"
bad columns "SELECT 1 AS b"
refused_file columns "6:3: the query returns the columns (b), not those declared (a)"
bad param "SELECT 1 AS a WHERE :as_of IS NOT NULL" "  AND :agency = 'x'"
refused_file param "9:9: the query uses ':agency', which is none of its parameters"
bad anonymous "SELECT ? AS a"
refused_file anonymous "8:3: the query's parameters must be named ':name', not '?'"
bad register "SELECT 1 AS a"
refused_file register "1:7: 'register' is the name of a shipped report: give yours another name"
bad list-children "SELECT 1 AS a"
refused_file list-children "1:7: 'list-children' is the name of a shipped report"
bad renamed "SELECT 1 AS a"
mv bad/renamed.yaml bad/other-name.yaml
expect_rc 3 reports check bad/other-name.yaml
expect_err_has "bad/other-name.yaml:1:7: report name 'renamed' does not match the file name 'other-name.yaml'"
printf 'name: broken\ntitle: [unclosed\n' >bad/broken.yaml
refused_file broken "3:1: YAML syntax error"
printf 'name: needs\ntitle: T\nrow: r\nparameters: [as_of, agency]\ncolumns:\n  - {name: a, type: text, description: d}\nquery: SELECT :agency AS a\n' >bad/needs.yaml
refused_file needs "4:13: 'icsctl report' cannot give the parameter 'agency'"
expect_rc 4 reports check bad/missing.yaml
# several files: each is said, exit 3
expect_rc 3 reports check bad/ok.yaml bad/delete.yaml bad/trailing.yaml
expect_err_has "bad/ok.yaml: report 'ok' is valid"
expect_err_has "icsctl: error: bad/delete.yaml:8:3: a report's query may only read"
expect_err_has "icsctl: error: 1 of 3 report definitions are not valid"
expect_rc 2 reports check

# --- a folder of good and bad: the bad are left out of --list with a warning --------------------
expect_rc 0 --reports bad report --list -o csv
expect_out_has ",bad/ok.yaml"
expect_err_has "warning: bad/register.yaml:1:7: 'register' is the name of a shipped report"
check "report --list lists a refused user file" test -z "$(grep -e '^register,.*bad/' -e '^broken,' <<<"$OUT")"
check "report --list lists a file whose query writes (it is checked when run)" grep -q '^delete,' <<<"$OUT"
# the shipped one runs, not the user's
expect_rc 0 --reports bad report register -o csv
expect_out_has "child_id,name,date_of_birth"
expect_rc 0 --reports bad report ok -o csv
expect_out "a
Amelia
Tom"

# --- run time: a definition that would write is checked again and never runs --------------------
for name in delete insert update two pragma-write temp-table attach; do
  refused 3 "bad/$name.yaml:8:" --reports bad report "$name"
done
# one that passed its check and was changed since: the same
bad later "SELECT 1 AS a"
expect_rc 0 reports check bad/later.yaml
bad later "DELETE FROM plan"
refused 3 "bad/later.yaml:8:3: a report's query may only read: it would delete from 'plan'" --reports bad report later
expect_rc 0 list plans -o csv
check "plans survived [$OUT]" test "$(wc -l <<<"$OUT")" = 3

# --- not found, and usage --------------------------------------------------------------------------
expect_rc 4 --reports bad report no-such
expect_err_has "no report 'no-such'"
expect_rc 4 --reports no-such-folder report --list
expect_err_has "no reports folder 'no-such-folder'"
expect_rc 4 report plans-by-team
expect_rc 2 --reports '' report --list
ICSCTL_REPORTS=$SCRATCH/my-reports expect_rc 0 report --list -o csv
expect_out_has "plans-by-team,"

finish
