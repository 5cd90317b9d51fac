#!/usr/bin/env bash
# Storage (issue 2 item 4) and audit (item 5): init, file mode, WAL, schema version, missing database,
# db check|backup|migrate, the audit trail and `icsctl log`.
source "$(dirname "$0")/lib.sh"

# check DESCRIPTION TEST...: one assertion that is not about an icsctl run.
sq() { sqlite3 "$ICSCTL_DB" "$@"; }
# jsql SELECT...: runs SQL (sqlite3's JSON functions) over the last run's stdout, a json array or
# ndjson lines, available as the table j(doc).
jsql() {
  if [[ $OUT == \[* ]]; then printf '%s' "$OUT"; else printf '[%s]' "$(paste -sd, <<<"$OUT")"; fi >"$SCRATCH/.json"
  sqlite3 :memory: "WITH j(doc) AS (SELECT readfile('$SCRATCH/.json')) $1"
}

# --- version: the schema version icsctl knows --------------------------------------------------
expect_rc 0 --version
[[ "$OUT" =~ ^icsctl\ [0-9]+\.[0-9]+\.[0-9]+\ \(schema\ version\ ([0-9]+)\)$ ]] || fail "--version printed [$OUT]"
SCHEMA=${BASH_REMATCH[1]:-none}

# --- a missing database: every command exits 4, says `icsctl init`, creates nothing ------------
export ICSCTL_DB="$SCRATCH/missing.db"
missing_db() {
  expect_rc 4 "$@"
  expect_err_has "icsctl init"
  expect_out ""
}
missing_db add-child --given-names A --family-name B --dob 2020-01-01
missing_db open-plan C1 --template child-in-need
missing_db assign-action P1 --what x --owner o --agency health --due 2026-01-01
missing_db complete-action A1
missing_db cancel-action A1 --reason gone
missing_db record-review P1 --date 2026-01-01
missing_db close-plan --yes P1 --end 2026-01-01 --reason other
missing_db show C1
missing_db list children
missing_db list plans
missing_db list actions
missing_db report register
missing_db report chronology C1
missing_db log
missing_db log C1
missing_db db check
missing_db db backup "$SCRATCH/copy.db"
missing_db db migrate
check "a failed command created the database" test ! -e "$SCRATCH/missing.db"
check "db backup of a missing database created its target" test ! -e "$SCRATCH/copy.db"
# the error names the path it looked at
expect_rc 4 --db "$SCRATCH/elsewhere.db" list children
expect_err_has "$SCRATCH/elsewhere.db"
export ICSCTL_DB="$SCRATCH/ics.db"

# --- init: owner-only file, WAL, user_version, an audit record ---------------------------------
umask 022
expect_rc 0 init
expect_out ""
expect_err_has "schema version $SCHEMA"
check "init did not create the file" test -f "$ICSCTL_DB"
check "database mode is $(stat -c %a "$ICSCTL_DB"), wanted 600" test "$(stat -c %a "$ICSCTL_DB")" = 600
check "journal_mode is not wal" test "$(sq 'PRAGMA journal_mode')" = wal
check "user_version is not $SCHEMA" test "$(sq 'PRAGMA user_version')" = "$SCHEMA"
# one per migration file: the numbers may have gaps while branches that add migrations are merged
migrations=$(find "$ICS_SOURCE_DIR/schemas/sql" -name '[0-9][0-9][0-9][0-9]_*.sql' | wc -l)
check "init wrote not one audit record per migration" test "$(sq "SELECT count(*) FROM audit WHERE command = 'init'")" = "$migrations"
# owner-only even with a permissive umask, and in a folder that does not exist yet
(umask 000; "$ICSCTL" --db "$SCRATCH/new/dir/other.db" init -q)
check "init into a new folder failed" test -f "$SCRATCH/new/dir/other.db"
check "mode under umask 000 is $(stat -c %a "$SCRATCH/new/dir/other.db" 2>/dev/null)" \
  test "$(stat -c %a "$SCRATCH/new/dir/other.db" 2>/dev/null)" = 600

# --- init twice is fine, changes nothing, keeps data ------------------------------------------
expect_rc 0 add-child --given-names Amelia --family-name Smith --dob 2019-04-02 --sex F
expect_out C1
before=$(db_snapshot)
expect_rc 0 init
expect_err_has "0 migrations applied"
expect_unchanged "$before"
expect_rc 0 db migrate
expect_err_has "0 migrations applied"
expect_unchanged "$before"

# --- not an icsctl database / a newer schema: storage errors (exit 1) that change nothing -------
printf 'not a database at all\n' >"$SCRATCH/junk.db"
chmod 600 "$SCRATCH/junk.db"
expect_rc 1 --db "$SCRATCH/junk.db" list children
expect_err_has "junk.db"
check "the junk file was changed" test "$(cat "$SCRATCH/junk.db")" = "not a database at all"
sqlite3 "$SCRATCH/empty.db" 'CREATE TABLE t(x)'
chmod 600 "$SCRATCH/empty.db"  # made under umask 022: owner-only, so that the schema is what is refused
expect_rc 1 --db "$SCRATCH/empty.db" list children
expect_err_has "icsctl init"
cp "$ICSCTL_DB" "$SCRATCH/newer.db"
sqlite3 "$SCRATCH/newer.db" "PRAGMA user_version = $((SCHEMA + 1))"
expect_rc 1 --db "$SCRATCH/newer.db" list children
expect_err_has "newer"

# --- db check ----------------------------------------------------------------------------------
expect_rc 0 db check
expect_out ""
expect_err_has "sound"
cp "$ICSCTL_DB" "$SCRATCH/broken.db"
sqlite3 "$SCRATCH/broken.db" "PRAGMA foreign_keys = OFF; INSERT INTO action (plan_id, what, owner, agency, due_date, status)
  VALUES (99, 'orphan', 'o', 'health', '2026-01-01', 'open')"
expect_rc 1 --db "$SCRATCH/broken.db" db check
expect_out_has "action"
expect_err_has "2 problems found"  # the foreign key, and an action added without an audit record

# --- db backup: an owner-only copy with the same rows; never over an existing file -------------
expect_rc 0 --as alice open-plan C1 --template child-in-need --start 2026-01-10 --worker "Jo Bloggs"
expect_out P1
expect_rc 0 db backup "$SCRATCH/backup.db"
expect_out ""
check "backup mode is $(stat -c %a "$SCRATCH/backup.db" 2>/dev/null), wanted 600" \
  test "$(stat -c %a "$SCRATCH/backup.db" 2>/dev/null)" = 600
check "the backup holds different rows" \
  test "$(sqlite3 "$SCRATCH/backup.db" .dump)" = "$(db_snapshot)"
check "the backup is not a usable icsctl database" \
  test "$("$ICSCTL" --db "$SCRATCH/backup.db" list plans -o csv | tail -1 | cut -d, -f1)" = P1
backup_before=$(sqlite3 "$SCRATCH/backup.db" .dump)
before=$(db_snapshot)
expect_rc 3 db backup "$SCRATCH/backup.db"
expect_err_has "backup.db"
check "a refused backup changed the existing file" test "$(sqlite3 "$SCRATCH/backup.db" .dump)" = "$backup_before"
expect_unchanged "$before"
echo keep >"$SCRATCH/keep.txt"
expect_rc 3 db backup "$SCRATCH/keep.txt"
check "a refused backup overwrote a plain file" test "$(cat "$SCRATCH/keep.txt")" = keep
expect_rc 2 db backup

# --- audit: actor from --as (before or after the subcommand), else ICSCTL_USER, else login -----
audit_count() { sq 'SELECT count(*) FROM audit'; }
last_actor() { sq 'SELECT actor FROM audit ORDER BY seq DESC LIMIT 1'; }
check "open-plan --as alice recorded actor $(last_actor)" test "$(last_actor)" = alice
# the plan, its 6 actions, and the episode open-plan opened for it
check "open-plan wrote $(sq "SELECT count(*) FROM audit WHERE command = 'open-plan'") audit rows, wanted 8" \
  test "$(sq "SELECT count(*) FROM audit WHERE command = 'open-plan'")" = 8
check "open-plan opened episode E1 for P1" test "$(sq "SELECT episode_id || ',' || made_by FROM plan JOIN episode e ON e.id = plan.episode_id")" = "1,open-plan"
n=$(audit_count)
expect_rc 0 assign-action P1 --what "Home visit" --owner "Dr Ann Lee" --agency health --due 2026-02-01 --as bob
expect_out A7
check "assign-action --as bob: actor $(last_actor)" test "$(last_actor)" = bob
check "assign-action wrote $(( $(audit_count) - n )) audit rows" test "$(audit_count)" = $((n + 1))
expect_rc 0 complete-action A7 --date 2026-02-01
check "complete-action: actor $(last_actor), wanted ICSCTL_USER tester" test "$(last_actor)" = tester
ICSCTL_USER= expect_rc 0 record-review P1 --date 2026-02-02 --kind visit
check "without ICSCTL_USER the actor is $(last_actor), wanted $(id -un)" test "$(last_actor)" = "$(id -un)"
check "every audit row has a UTC time" \
  test "$(sq "SELECT count(*) FROM audit WHERE at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'")" = 0

# another writer holds the database for a moment: icsctl waits for it (busy timeout) and succeeds
(printf 'BEGIN IMMEDIATE;\n'; sleep 1; printf 'ROLLBACK;\n') | sqlite3 "$ICSCTL_DB" &
locker=$!
sleep 0.3
expect_rc 0 add-child --given-names Lock --family-name Wait --dob 2020-01-01
expect_out C2
wait "$locker"

# a refused write adds no audit row
n=$(audit_count)
expect_rc 3 complete-action A7
check "a refused write added an audit row" test "$(audit_count)" = "$n"

# --- log: newest first, filtered by id, before and after images --------------------------------
# `at` is the real clock: drop it before comparing.
expect_rc 0 log A7 -o json
check "log A7 -o json: $(jsql "SELECT doc FROM j")" test "$(jsql "SELECT json_group_array(json_object('actor', value->>'actor',
  'command', value->>'command', 'entity', value->>'entity', 'before', json(value->>'before'),
  'after', json(value->>'after'))) FROM j, json_each(j.doc)")" = \
'[{"actor":"tester","command":"complete-action","entity":"A7","before":{"action_id":"A7","plan_id":"P1","section":null,"what":"Home visit","owner":"Dr Ann Lee","agency":"health","due_date":"2026-02-01","status":"open","completed_date":null,"cancel_reason":null},"after":{"action_id":"A7","plan_id":"P1","section":null,"what":"Home visit","owner":"Dr Ann Lee","agency":"health","due_date":"2026-02-01","status":"done","completed_date":"2026-02-01","cancel_reason":null}},{"actor":"bob","command":"assign-action","entity":"A7","before":null,"after":{"action_id":"A7","plan_id":"P1","section":null,"what":"Home visit","owner":"Dr Ann Lee","agency":"health","due_date":"2026-02-01","status":"open","completed_date":null,"cancel_reason":null}}]'
expect_rc 0 log C1 -o csv
check "log C1 -o csv header" test "$(head -1 <<<"$OUT")" = "seq,at,actor,command,entity,before,after"
check "log C1 -o csv has $(($(wc -l <<<"$OUT") - 1)) rows, wanted 1" test "$(wc -l <<<"$OUT")" = 2
expect_out_has ',tester,add-child,C1,,"{""child_id"":""C1"",""given_names"":""Amelia""'
expect_rc 0 log -n 2 -o ndjson
check "log -n 2: newest first" test "$(jsql "SELECT group_concat(value->>'command', ' ') FROM j, json_each(j.doc)")" = "add-child record-review"
expect_rc 0 log -o ndjson
check "log: seq strictly decreasing" test "$(jsql "SELECT count(*) > 10 AND sum(a.value->>'seq' <= b.value->>'seq') = 0
  FROM j, json_each(j.doc) a JOIN json_each(j.doc) b ON b.key = a.key + 1")" = 1
expect_rc 2 log -n 0

# --- the audit trail is append-only ------------------------------------------------------------
before=$(db_snapshot)
check "UPDATE of audit succeeded" bash -c '! sqlite3 "$1" "UPDATE audit SET actor = '"'x'"'" 2>/dev/null' _ "$ICSCTL_DB"
check "DELETE from audit succeeded" bash -c '! sqlite3 "$1" "DELETE FROM audit" 2>/dev/null' _ "$ICSCTL_DB"
sqlite3 "$ICSCTL_DB" 'DELETE FROM audit' 2>"$SCRATCH/sqlerr"
check "the trigger gave no reason" grep -q "append-only" "$SCRATCH/sqlerr"
expect_unchanged "$before"

# --- known gaps, last so that they cannot disturb the checks above ---------------------------------
# the actor is text like any other: bytes that are not UTF-8 are refused and nothing is written
before=$(db_snapshot)
expect_rc 3 --as $'\xff' add-child --given-names Kim --family-name Lee --dob 2020-01-01
expect_err_has "not valid UTF-8"
expect_unchanged "$before"
# log reads ids as every other command does: in either case, and a non-id is an error
expect_rc 0 log A7 -o csv
upper=$OUT
expect_rc 0 log a7 -o csv
check "log a7 differs from log A7" test "$OUT" = "$upper"
expect_rc 3 log X1
expect_err_has "'id'"

finish
