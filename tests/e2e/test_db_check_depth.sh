#!/usr/bin/env bash
# db check's SQLite checks (issue 15 item 1): its quick check by default, the full integrity check
# with --full. An index that no longer matches its table is found by --full alone; a page SQLite
# cannot read is found by the default, its lines printed before the error it ends with.
source "$(dirname "$0")/lib.sh"

expect_rc 0 init -q
expect_rc 0 add-child --given-names Amelia --family-name Smith --dob 2019-04-02 --sex F
expect_rc 0 add-child --given-names Tom --family-name Jones --dob 2015-01-01 --sex M --nhs-number 9434765919
expect_rc 0 db check
expect_out ""
expect_err_has "is sound"
expect_rc 0 db check --full
expect_out ""
expect_err_has "is sound"

# --full takes no value
expect_rc 2 db check --full=yes
expect_rc 2 db check --full=no
expect_rc 2 db check --full ''

# an index whose entries no longer match its table: child_nhs redefined over another column
sqlite3 "$ICSCTL_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$ICSCTL_DB" base.db
export ICSCTL_DB="$SCRATCH/index.db"
cp base.db "$ICSCTL_DB"
sqlite3 "$ICSCTL_DB" "PRAGMA writable_schema = ON;
  UPDATE sqlite_schema SET sql = 'CREATE UNIQUE INDEX child_nhs ON child(given_names) WHERE nhs_number IS NOT NULL'
  WHERE name = 'child_nhs'" || fail "the index could not be redefined"
expect_rc 0 db check
expect_out ""
expect_rc 1 db check --full
expect_out "row 2 missing from index child_nhs"
expect_err_has "1 problem found"

# a page SQLite cannot read (a table db check's other checks do not read): the default finds it
export ICSCTL_DB="$SCRATCH/page.db"
cp base.db "$ICSCTL_DB"
page=$(sqlite3 "$ICSCTL_DB" "SELECT rootpage FROM sqlite_schema WHERE name = 'cpis_extract'")
size=$(sqlite3 "$ICSCTL_DB" "PRAGMA page_size")
printf '\x07' | dd of="$ICSCTL_DB" bs=1 seek=$(((page - 1) * size)) conv=notrunc status=none
for depth in "" --full; do
  expect_rc 1 db check $depth
  expect_out_has "Page $page: btreeInitPage() returns error code 11"
done

finish
