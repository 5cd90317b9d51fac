#!/usr/bin/env bash
# Writers wait, and say why (issue 15 item 8): while another process holds the database's write lock
# (here the sqlite3 shell, in a transaction begun with BEGIN IMMEDIATE and held open through a fifo),
# a write command waits up to --wait SECONDS (ICSCTL_WAIT; default 600) and, if the lock is still
# held, says that another process is writing, names the database and exits 75 having done nothing;
# released within the wait, the writer goes on and succeeds. Readers do not wait for a writer (WAL).
source "$(dirname "$0")/lib.sh"

ms() { echo $((${EPOCHREALTIME/./} / 1000)); }
children() { sqlite3 "$ICSCTL_DB" 'SELECT count(*) FROM child'; }

expect_rc 0 init -q
expect_rc 0 add-child --given-names Amelia --family-name Smith --dob 2019-04-02

# hold_lock: the sqlite3 shell begins a write transaction on the database and keeps it open until
# release_lock; returns once the shell says the lock is held (a write it made inside the transaction)
hold_lock() {
  rm -f lock.fifo lock.out
  mkfifo lock.fifo
  sqlite3 "$ICSCTL_DB" <lock.fifo >lock.out 2>&1 &
  HOLDER=$!
  exec 3>lock.fifo
  printf '%s\n' '.timeout 0' 'BEGIN IMMEDIATE;' "UPDATE child SET family_name = family_name;" \
    "SELECT 'holding';" >&3
  local waited=0
  until grep -q holding lock.out 2>/dev/null; do
    sleep 0.02; waited=$((waited + 1))
    [ $waited -lt 1500 ] || { fail "the sqlite3 shell did not take the lock: $(cat lock.out)"; break; }
  done
}
release_lock() { printf 'COMMIT;\n' >&3; exec 3>&-; wait "$HOLDER"; }

# --- the lock is held past the wait: exit 75, the reason and the database named, nothing done -------
hold_lock
# the proof that the lock is held: another writer is refused at once
CHECKS=$((CHECKS + 1))
sqlite3 "$ICSCTL_DB" '.timeout 0' 'BEGIN IMMEDIATE;' 2>&1 | grep -q 'database is locked' ||
  fail "a second sqlite3 shell could take the write lock: the holder holds nothing"
before=$(children)
t0=$(ms)
expect_rc 75 --wait 1 add-child --given-names Ben --family-name Jones --dob 2018-05-06
waited=$(($(ms) - t0))
expect_err_has "another process is writing to '$ICSCTL_DB': gave up waiting after 1 s and did nothing"
expect_err_has "wait longer with --wait SECONDS (ICSCTL_WAIT)"
expect_err_has "database is locked"
expect_out ""
check "it waited about the second asked for (took ${waited} ms)" test "$waited" -ge 900
ICSCTL_WAIT=0.5 expect_rc 75 add-child --given-names Ben --family-name Jones --dob 2018-05-06
expect_err_has "gave up waiting after 0.500 s"
printf 'child_id,given_names,family_name,date_of_birth,sex\n,Cara,Brown,2017-01-02,F\n' >children.csv
expect_rc 75 --wait 0 import children children.csv
expect_err_has "another process is writing to '$ICSCTL_DB'"
python3 "$ICS_SOURCE_DIR/scripts/gen-register.py" 50 3 register.csv
expect_rc 75 --wait 0.2 import register register.csv --mapping legacy-register --rejects rejects.csv
expect_err_has "another process is writing to '$ICSCTL_DB'"
check "the register import left no rejects file" test ! -e rejects.csv
check "no temporary left" test -z "$(compgen -G '*.icsctl-*.part')"
# a reader does not wait for a writer
expect_rc 0 --wait 0 list children -o csv
expect_out_has "Amelia,Smith"
release_lock
check "the refused writers did nothing" test "$(children)" = "$before"

# --- released within the wait: the writer goes on and succeeds ----------------------------------
hold_lock
t0=$(ms)
"$ICSCTL" --wait 30 add-child --given-names Ben --family-name Jones --dob 2018-05-06 >writer.out 2>writer.err &
writer=$!
sleep 1.5
check "the writer is still waiting while the lock is held" kill -0 "$writer"
release_lock
wait "$writer"; rc=$?
took=$(($(ms) - t0))
CHECKS=$((CHECKS + 1))
[ $rc -eq 0 ] || fail "the waiting writer exited $rc: $(cat writer.err)"
check "the waiting writer printed its new id" test "$(cat writer.out)" = C2
check "it waited for the release (took ${took} ms)" test "$took" -ge 1400
check "the child was added" test "$(children)" = 2

# the default wait (no --wait, no ICSCTL_WAIT) is long: a 3-second hold is waited out
hold_lock
"$ICSCTL" add-child --given-names Cara --family-name Brown --dob 2017-01-02 >writer.out 2>writer.err &
writer=$!
sleep 3
check "with the default wait the writer is still waiting after 3 s" kill -0 "$writer"
release_lock
wait "$writer"; rc=$?
CHECKS=$((CHECKS + 1))
[ $rc -eq 0 ] || fail "the writer with the default wait exited $rc: $(cat writer.err)"

# --- bad values -------------------------------------------------------------------------------------
expect_rc 2 --wait soon list children
expect_rc 2 --wait -1 list children
expect_rc 2 --wait= list children
ICSCTL_WAIT=soon expect_rc 3 list children
expect_err_has "'ICSCTL_WAIT' is not a number of seconds from 0 to 86400: 'soon'"

finish
