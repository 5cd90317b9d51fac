#!/usr/bin/env bash
# The CP-IS extract (issue 14 item 5): one row per child protection plan open on the as-of date or
# ended since the last extract (golden csv), an unborn child's plan under the mother's NHS number,
# children without a valid NHS number named on stderr and left out, the LA code from the settings
# or --la, and the extract log that moves "since the last extract" (a dry run logs nothing).
source "$(dirname "$0")/lib.sh"

check() { local what=$1; shift; CHECKS=$((CHECKS + 1)); "$@" || fail "$what"; }
extracts() { sqlite3 "$ICSCTL_DB" "SELECT count(*) FROM cpis_extract"; }

expect_rc 0 init -q
sqlite3 "$ICSCTL_DB" <"$ICS_SOURCE_DIR/tests/e2e/returns_fixture.sql" || fail "the fixture did not load"

# no LA code: a clear error, nothing logged
refused 3 "the LA code is not set: give --la CODE or run 'icsctl settings set la_code CODE'" \
  export cp-is --as-of 2026-09-30
refused 3 "'--la' is not in the la-number list" export cp-is --la 12 --as-of 2026-09-30
refused 3 "'--la' is not in the la-number list" export cp-is --la 999 --as-of 2026-09-30
# a stored code that is not an LA number (written past 'settings set') is refused as settings set refuses it
sqlite3 "$ICSCTL_DB" "INSERT INTO setting (key, value) VALUES ('la_code', '999')"
refused 3 "'la_code'" export cp-is --as-of 2026-09-30
sqlite3 "$ICSCTL_DB" "DELETE FROM setting WHERE key = 'la_code'"
refused 3 "'as_of'" export cp-is --la 202 --as-of 2026-02-30

sqlite3 "$ICSCTL_DB" "INSERT INTO setting (key, value) VALUES ('la_code', '202'), ('la_name', 'Anytown Council')"

# --- the first extract: no earlier one, so plans ended in the 12 months before the as-of date ----
# Open on 2026-09-30: P1 (C1), P3 ended 2026-06-30 (C4: no NHS number, left out), P5 (C3 unborn:
# UCPP under the mother's NHS number, the expected date of birth), P7 (C6; its end on 2026-10-15 is
# after the as-of date, not shown), P13 (C12: an NHS number failing its check, left out); ended after
# 2025-09-30: P12 (C5, 2026-01-09). P6, P8-P11 ended before 2025-09-30; P2 is a child in need plan.
expect_rc 0 export cp-is --as-of 2026-09-30 --dry-run
expect_golden cpis_first.csv
expect_err_has "warning: left out C4 (plan P3): the NHS number is not recorded"
expect_err_has "warning: left out C12 (plan P13): the NHS number is not valid: 9434765918"
expect_err_has "cp-is: 4 plan(s) open on 2026-09-30 or ended after 2025-09-30; 2 left out (dry run: not logged)"
check "a dry run logged an extract" test "$(extracts)" = 0
expect_rc 0 export cp-is --as-of 2026-09-30
expect_golden cpis_first.csv
check "the extract was not logged" test "$(extracts)" = 1
check "the extract's log row" test "$(sqlite3 "$ICSCTL_DB" "SELECT as_of, actor, rows FROM cpis_extract")" = "2026-09-30|tester|4"
check "the extract was not audited" test "$(sqlite3 "$ICSCTL_DB" "SELECT actor, command, entity, after FROM audit ORDER BY seq DESC LIMIT 1")" = \
  'tester|export cp-is|cp-is:1|{"as_of":"2026-09-30","ended_after":"2025-09-30","extract":1,"rows":4}'

# --- the next extract: plans ended after the last one's as-of date -----------------------------
# As of today (2026-11-22): P1, P5 open; P7 ended 2026-10-15, after 2026-09-30: sent with its end;
# P12 ended before the last extract: not sent again; P13 still left out. --la overrides the setting.
umask 022
expect_rc 0 export cp-is --la 888 --out cpis.csv
expect_out ""
check "the extract file is not owner-only" test "$(stat -c %a cpis.csv)" = 600
OUT=$(cat cpis.csv)
expect_golden cpis_second.csv
expect_err_has "warning: left out C12 (plan P13)"
expect_err_has "cp-is: 3 plan(s) open on 2026-11-22 or ended after 2026-09-30; 1 left out"
check "the second extract was not logged" test "$(extracts)" = 2
# a third, as of the same day: P7's end was sent by the second
expect_rc 0 export cp-is -o ndjson --dry-run
expect_out_has '{"nhs_number":"9434765919","date_of_birth":"2019-04-02","plan_type":"CPP","start_date":"2026-05-05","end_date":null,"la_code":"202","la_name":"Anytown Council"}'
check "P7's end was sent twice" test -z "$(grep 9876543210 <<<"$OUT")"

finish
