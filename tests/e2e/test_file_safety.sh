#!/usr/bin/env bash
# Files that cannot be hijacked (issue 15 item 4): every file icsctl writes is made new, owner-only,
# under a random name beside it and renamed into place; a symbolic link at any output path, or at the
# old predictable `<rejects>.part`, is never followed; nothing is left behind by a failed, interrupted
# or killed import (a killed run's temporary is removed by the next run writing the same file);
# `init` refuses a symbolic link or a file that is not an icsctl database and leaves it exactly as it
# was; a database, -wal, -shm or -journal owned by someone else or open to group or others is refused
# (or, with --allow-shared, used with a warning), and `db check` lists them.
source "$(dirname "$0")/lib.sh"

# fingerprint FILE: what must not change about a file: type, mode, owner, size, links, mtime, content
fingerprint() { stat -c '%F %a %U %s %h %Y' "$1"; sha256sum <"$1"; }
mode_of() { stat -c '%a' "$1"; }
no_temporaries() { ! compgen -G "*.icsctl-*.part" >/dev/null; }
temporaries() { compgen -G "*.icsctl-*.part" || true; }

python3 "$ICS_SOURCE_DIR/scripts/gen-register.py" 400 7 register.csv
expect_rc 0 init -q
check "init makes the database owner-only" [ "$(mode_of ics.db)" = 600 ]

# --- the old predictable <rejects>.part: a planted link is neither followed nor changed -----------
printf 'precious\n' >victim.txt
chmod 644 victim.txt
ln -s victim.txt rejects.csv.part
before=$(fingerprint victim.txt)
expect_rc 3 import register register.csv --mapping legacy-register --rejects rejects.csv
expect_err_has "rows rejected (listed in 'rejects.csv')"
check "the planted link's target is unchanged" [ "$(fingerprint victim.txt)" = "$before" ]
check "the planted link is still a link to it" [ "$(readlink rejects.csv.part)" = victim.txt ]
check "the rejects file is a regular file" test -f rejects.csv -a ! -L rejects.csv
check "the rejects file is mode 600" [ "$(mode_of rejects.csv)" = 600 ]
check "the rejects file lists the rejected rows" grep -q '^line,ref,field,value,reason' rejects.csv
check "no temporary is left" no_temporaries
rm -f rejects.csv.part

# --- a symbolic link at every output path is refused, its target unchanged -------------------------
rm -f ics.db ics.db-wal ics.db-shm
expect_rc 0 init -q
sqlite3 ics.db <"$ICS_SOURCE_DIR/tests/e2e/returns_fixture.sql" || fail "the fixture did not load"
expect_rc 0 settings set la_code 202
expect_rc 0 settings set software_code icsctl
expect_rc 0 settings set release 1.0
expect_rc 0 settings set serial_no 100
declare -A WRITERS=(
  [rejects]="import register register.csv --mapping legacy-register --dry-run --rejects OUT"
  [annex-a]="export annex-a --from 2026-04-01 --to 2026-09-30 --out OUT"
  [cp-is]="export cp-is --as-of 2026-09-30 --dry-run --out OUT"
  [cin-census]="export cin-census --year 2026 --force --out OUT"
  [backup]="db backup OUT"
)
for writer in "${!WRITERS[@]}"; do
  ln -sf victim.txt "out-$writer"
  before=$(fingerprint victim.txt)
  # shellcheck disable=SC2086
  refused 3 "'out-$writer' is a symbolic link: icsctl does not write through links" ${WRITERS[$writer]//OUT/out-$writer}
  check "$writer: the link's target is unchanged" [ "$(fingerprint victim.txt)" = "$before" ]
  check "$writer: the link is still a link" [ "$(readlink "out-$writer")" = victim.txt ]
  rm -f "out-$writer"
  # a link to a folder, and a folder, are refused the same way
  mkdir -p "dir-$writer"
  # shellcheck disable=SC2086
  refused 3 "'dir-$writer' exists and is not a regular file" ${WRITERS[$writer]//OUT/dir-$writer}
  rmdir "dir-$writer"
done
check "no temporary is left by the refusals" no_temporaries

# --- each writer makes its file new and owner-only, replacing (never opening) an old one -----------
for writer in rejects annex-a cp-is cin-census; do
  printf 'old\n' >"out-$writer"
  chmod 644 "out-$writer"
  ln "out-$writer" "hardlink-$writer"  # the old file, under a second name
  # shellcheck disable=SC2086
  run ${WRITERS[$writer]//OUT/out-$writer}
  CHECKS=$((CHECKS + 1))
  [ "$RC" -eq 0 ] || [ "$RC" -eq 3 ] || fail "$writer exited $RC: $ERR"
  check "$writer: the file is replaced by a new one, mode 600" [ "$(mode_of "out-$writer")" = 600 ]
  check "$writer: the new file has content" test -s "out-$writer"
  check "$writer: the new file is not the old one" test "$(head -c 4 "out-$writer")" != "$(printf 'old\n')"
  check "$writer: the old file was not opened (its other name still holds it)" grep -qx old "hardlink-$writer"
done
expect_rc 0 db backup backup.db
check "the backup is owner-only" [ "$(mode_of backup.db)" = 600 ]
check "the backup is sound" [ "$(sqlite3 backup.db 'PRAGMA integrity_check')" = ok ]
check "the backup left no journal beside it" [ ! -e backup.db-journal ]
refused 3 "'backup.db' already exists" db backup backup.db
check "no temporary is left by the writers" no_temporaries

# --- a stale temporary of a killed run: ours is removed, anything else by that name is left ---------
printf 'stale personal data\n' >rejects.csv.icsctl-0123456789abcdef.part
chmod 600 rejects.csv.icsctl-0123456789abcdef.part
printf 'someone else'"'"'s\n' >rejects.csv.icsctl-00000000000000aa.part
chown nobody rejects.csv.icsctl-00000000000000aa.part
ln -s victim.txt rejects.csv.icsctl-00000000000000bb.part
printf 'not ours to judge\n' >rejects.csv.icsctl-short.part
before=$(fingerprint victim.txt)
expect_rc 3 import register register.csv --mapping legacy-register --dry-run --rejects rejects.csv
check "our stale temporary is removed" [ ! -e rejects.csv.icsctl-0123456789abcdef.part ]
check "another user's file by that name is left" [ -f rejects.csv.icsctl-00000000000000aa.part ]
check "a link by that name is left, not followed" [ "$(readlink rejects.csv.icsctl-00000000000000bb.part)" = victim.txt ]
check "the link's target is unchanged" [ "$(fingerprint victim.txt)" = "$before" ]
check "a name not of the pattern is left" [ -f rejects.csv.icsctl-short.part ]
rm -f rejects.csv.icsctl-*.part

# --- a failed import leaves nothing --------------------------------------------------------------
rm -f rejects.csv
printf 'no,columns,we,know\n1,2,3,4\n' >bad.csv
run import register bad.csv --mapping legacy-register --rejects rejects.csv
CHECKS=$((CHECKS + 1))
[ "$RC" -ne 0 ] || fail "an import of a file without the mapping's columns succeeded"
check "a failed import leaves no rejects file" [ ! -e rejects.csv ]
check "a failed import leaves no temporary" no_temporaries

# --- interrupted (SIGINT, SIGTERM) and killed (SIGKILL) imports -----------------------------------
python3 "$ICS_SOURCE_DIR/scripts/gen-register.py" 150000 11 big.csv
expect_rc 0 --db base.db init -q
# start_import: an import of big.csv into a copy of base.db, in the background, with umask 000 (icsctl
# must make its files owner-only itself); returns once its rejects temporary holds data
start_import() {
  rm -f run.db run.db-wal run.db-shm run.db-journal big-rejects.csv
  cp base.db run.db
  set -m  # job control: the background import gets SIGINT as a foreground one would
  (umask 000; exec "$ICSCTL" --db run.db -q import register big.csv --mapping legacy-register \
    --rejects big-rejects.csv >/dev/null 2>run.err) &
  PID=$!
  set +m
  local waited=0
  while kill -0 "$PID" 2>/dev/null && [ $waited -lt 6000 ]; do
    for t in big-rejects.csv.icsctl-*.part; do [ -s "$t" ] && return 0; done
    sleep 0.01; waited=$((waited + 1))
  done
  fail "the import ended or took a minute before writing a rejected row"
}
for sig in INT TERM; do
  start_import
  kill -$sig "$PID"
  wait "$PID"; rc=$?
  CHECKS=$((CHECKS + 1))
  [ $rc -eq 130 ] || fail "SIG$sig: import exited $rc, wanted 130: $(cat run.err)"
  check "SIG$sig: no rejects file" [ ! -e big-rejects.csv ]
  check "SIG$sig: no temporary left" no_temporaries
done
start_import
temporary=$(temporaries)
kill -KILL "$PID"
wait "$PID" 2>/dev/null
check "SIGKILL: no rejects file appears" [ ! -e big-rejects.csv ]
if [ -n "$(temporaries)" ]; then
  check "SIGKILL: the temporary left is owner-only" [ "$(mode_of "$temporary")" = 600 ]
fi
for f in run.db-wal run.db-shm run.db-journal; do
  [ -e "$f" ] && check "SIGKILL: SQLite's $f is owner-only though umask was 000" [ "$(mode_of "$f")" = 600 ]
done
expect_rc 0 --db run.db db check
expect_rc 3 --db run.db import register register.csv --mapping legacy-register --dry-run --rejects big-rejects.csv
check "the next run removed the killed run's temporary" no_temporaries
check "the next run wrote its rejects" [ -s big-rejects.csv ]
rm -f big.csv run.db*

# --- init refuses a symbolic link, a file that is not a database, another program's database -------
printf 'minutes of a meeting\n' >notes.txt
chmod 644 notes.txt
ln -s notes.txt link.db
before=$(fingerprint notes.txt)
refused 3 "'link.db' is a symbolic link: init leaves it as it is" --db link.db init
check "init on a link: the target is unchanged" [ "$(fingerprint notes.txt)" = "$before" ]
ln -s ics.db link-to-db.db
before=$(fingerprint ics.db)
refused 3 "'link-to-db.db' is a symbolic link" --db link-to-db.db init
check "init on a link to a database: the database is unchanged" [ "$(fingerprint ics.db)" = "$before" ]
chmod 600 notes.txt
before=$(fingerprint notes.txt)
refused 3 "'notes.txt' is not an icsctl database (not an SQLite file)" --db notes.txt init
check "init on a text file: unchanged" [ "$(fingerprint notes.txt)" = "$before" ]
check "init on a text file: nothing made beside it" test ! -e notes.txt-wal -a ! -e notes.txt-journal
sqlite3 other.db 'CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES (1);'
before=$(fingerprint other.db)
refused 3 "'other.db' is an SQLite database of another program" --db other.db init
check "init on another program's database: unchanged" [ "$(fingerprint other.db)" = "$before" ]
check "init on another program's database: no WAL made" [ ! -e other.db-wal ]
: >empty.db
expect_rc 0 --db empty.db init -q
check "init on an empty file of ours makes the database" [ "$(sqlite3 empty.db 'PRAGMA user_version')" -gt 0 ]
expect_rc 0 init -q
check "init again on the database is fine" [ "$(mode_of ics.db)" = 600 ]

# --- files open to others, or someone else's, are refused (exit 1), or used with --allow-shared -----
cp ics.db shared.db
chmod 644 shared.db
before=$(fingerprint shared.db)
refused 1 "'shared.db' is readable by group and others (mode 0644): chmod 600 'shared.db'" --db shared.db list children
expect_err_has "refusing to open 'shared.db'"
expect_err_has "or give --allow-shared"
check "refused: the mode is unchanged" [ "$(fingerprint shared.db)" = "$before" ]
refused 1 "'shared.db' is readable by group and others" --db shared.db add-child --given-names A --family-name B --dob 2020-01-01
refused 1 "'shared.db' is readable by group and others" --db shared.db init
check "init refused: the mode is unchanged" [ "$(mode_of shared.db)" = 644 ]
expect_rc 0 --db shared.db --allow-shared list children -o csv
expect_err_has "warning: 'shared.db' is readable by group and others (mode 0644): chmod 600 'shared.db' (going on: --allow-shared)"
check "--allow-shared leaves the mode as it is" [ "$(mode_of shared.db)" = 644 ]
chmod 620 shared.db
refused 1 "'shared.db' is writable by group (mode 0620)" --db shared.db list children
chmod 600 shared.db
chown nobody shared.db
refused 1 "'shared.db' is owned by 'nobody'" --db shared.db list children
expect_err_has "use a copy of your own"
chown root shared.db
expect_rc 0 --db shared.db list children -o csv

# a -wal or -journal planted by someone else, or left open to others
for aux in wal shm journal; do
  : >"shared.db-$aux"
  chown nobody "shared.db-$aux"
  refused 1 "'shared.db-$aux' is owned by 'nobody'" --db shared.db list children
  expect_err_has "if no icsctl is using the database, remove it: rm 'shared.db-$aux'"
  check "the planted -$aux is left as it was" [ "$(stat -c %U "shared.db-$aux")" = nobody ]
  chown root "shared.db-$aux"
  chmod 644 "shared.db-$aux"
  refused 1 "'shared.db-$aux' is readable by group and others (mode 0644)" --db shared.db add-child \
    --given-names A --family-name B --dob 2020-01-01
  rm -f "shared.db-$aux"
  ln -s victim.txt "shared.db-$aux"
  refused 1 "'shared.db-$aux' is a symbolic link" --db shared.db list children
  rm -f "shared.db-$aux"
done
# before init: a -wal planted where the database is to be made
: >new.db-wal
chown nobody new.db-wal
refused 1 "'new.db-wal' is owned by 'nobody'" --db new.db init
check "init refused: no database made" [ ! -e new.db ]
rm -f new.db-wal

# --- db check lists loose files -------------------------------------------------------------------
# (a database icsctl wrote itself: the fixture's rows, loaded with sqlite3, have no audit records, and
# db check would list them too)
rm -f shared.db shared.db-wal shared.db-shm
"$ICSCTL" --db shared.db -q init && "$ICSCTL" --db shared.db -q add-child --given-names A --family-name B \
  --dob 2020-01-01 >/dev/null || fail "could not make shared.db"
chmod 640 shared.db
expect_rc 1 --db shared.db db check
expect_out "'shared.db' is readable by group (mode 0640): chmod 600 'shared.db'"
expect_err_has "1 problem found; the database was not opened"
expect_rc 1 --db shared.db --allow-shared db check
expect_out "'shared.db' is readable by group (mode 0640): chmod 600 'shared.db'"
expect_err_has "1 problem found"
chmod 600 shared.db
expect_rc 0 --db shared.db db check
expect_out ""

# --- icsctl makes its database owner-only whatever the umask ---------------------------------------
(umask 000; "$ICSCTL" --db loose/umask.db init -q) || fail "init under umask 000 failed"
check "a database made under umask 000 is mode 600" [ "$(mode_of loose/umask.db)" = 600 ]
check "and the folder made for it is mode 700" [ "$(mode_of loose)" = 700 ]

finish
