#!/usr/bin/env bash
# -n/--dry-run on every write command (issue 16 item 6): the real work, what would change printed, then
# rolled back: the database file and its -wal byte-identical (SHA-256), the exit code the real run's.
source "$(dirname "$0")/lib.sh"

# files: the SHA-256 of the database and of its -wal, -shm and -journal when they are there.
files() { for f in "$ICSCTL_DB" "$ICSCTL_DB-wal" "$ICSCTL_DB-shm" "$ICSCTL_DB-journal"; do
  if [ -e "$f" ]; then sha256sum "$f"; else echo "no $f"; fi; done; }

# dry CODE ARGS...: `icsctl ARGS --dry-run` exits CODE and leaves the files byte-identical; then the
# real run exits CODE too (and may change them).
DRY_OUT=
dry() {
  local code=$1; shift
  local before; before=$(files)
  expect_rc "$code" "$@" --dry-run
  DRY_OUT=$OUT
  CHECKS=$((CHECKS + 1))
  [ "$(files)" == "$before" ] || fail "icsctl $* --dry-run changed the database files"
  expect_rc "$code" "$@"
}

expect_rc 0 init
# init and db migrate make the schema: no dry run (a usage error)
expect_rc 2 init --dry-run
expect_err_has "--dry-run"
expect_rc 2 db migrate -n

# --- the single commands, each dry then real ---------------------------------------------------
dry 0 add-child --given-names "Amelia Rose" --family-name Smith --dob 2019-04-02 --sex F --nhs-number "943 476 5919"
check "a dry run printed the child it would add: [$DRY_OUT]" grep -q '"family_name":"Smith"' <<<"$DRY_OUT"
check "a dry run printed the new id" test "$(head -1 <<<"$DRY_OUT" | tr -s ' ')" != "C1"
expect_out "C1"
dry 0 add-child --given-names Kai --family-name Brown --dob 2017-05-05 --sex M
dry 0 settings set la_code 202
dry 0 open-referral C1 --date 2026-03-02 --source 3A --need N1
dry 0 start-assessment E1 --date 2026-03-03
dry 0 start-enquiry E1 --date 2026-03-04
dry 0 record-conference E1 --date 2026-03-25 --outcome plan --category NEG --worker "Sam Patel"
dry 0 complete-assessment E1 --date 2026-04-14 --factors 3B,16A
dry 0 assign-action P1 --what "Health visitor home visit" --owner "Dr Ann Lee" --agency health --due 2026-04-16
dry 0 complete-action A1 --date 2026-04-10
dry 0 cancel-action A2 --reason "No longer needed"
dry 0 record-review P1 --date 2026-04-02 --kind visit --seen yes --seen-alone no
dry 0 update-child C1 --family-name Smith-Jones
dry 0 update-action A3 --due 2026-05-01
dry 0 reassign-action A3 --owner "Dr Ben Okafor"
dry 0 update-plan P1 --team "CP Team B"
dry 0 reassign --from "Sam Patel" --to "Jo Green" --yes
dry 0 restrict C2 --reason "Child of a member of staff"
dry 0 unrestrict C2 --reason "Left"
dry 0 export cp-is --as-of 2026-09-30
check "a dry run of cp-is printed its extract" grep -q "^nhs_number," <<<"$DRY_OUT"
dry 0 close-plan P1 --end 2026-09-30 --reason no-longer-at-risk --yes
dry 0 close-episode E1 --date 2026-09-30 --reason RC7
dry 0 open-referral C2 --date 2026-10-01 --source 3A --need N1
dry 0 start-enquiry E2 --date 2026-10-02
dry 0 end-enquiry E2 --date 2026-10-05
dry 0 record-death C2 --date 2026-11-01 --yes

# --- failures: the dry run's exit code is the real run's, and it writes nothing -----------------
dry 3 add-child --given-names Ann --family-name Lee --dob 2019-01-01 --nhs-number 9434765919
dry 4 complete-action A99
dry 3 update-child C1 --dob 2030-01-01
dry 3 close-plan P1 --end 2026-10-30 --reason no-longer-at-risk --yes
dry 4 reassign --from "Nobody" --to "Jo Green" --yes
dry 3 settings set la_code 12

# --- the formats: -o json is one array of the audit records ------------------------------------
expect_rc 0 add-child --given-names Noah --family-name Green --dob 2012-09-09 -n -o json
python3 -c 'import json, sys; rows = json.loads(sys.argv[1]); assert rows[0]["entity"] == "C3" and rows[0]["change"] == "add" and rows[0]["before"] is None, rows' "$OUT"
check "-n -o json: [$OUT]" test $? = 0
expect_err_has "dry run: nothing was written (1 change rolled back)"
expect_rc 0 list children -o csv
expect_out_has "C1,Amelia Rose,Smith-Jones"

# --- every bulk import, dry then real, into a second database -----------------------------------
for kind in children episodes assessments enquiries conferences plans actions reviews; do
  "$ICSCTL" export "$kind" -o csv >"$kind.csv" || fail "export $kind"
done
export ICSCTL_DB="$SCRATCH/second.db"
expect_rc 0 init
for kind in children episodes assessments enquiries conferences plans actions reviews; do
  dry 0 import "$kind" "$kind.csv"
done
dry 3 import children children.csv
# --on-conflict update is destructive: --yes without a terminal; the dry run needs none
dry 0 import children children.csv --on-conflict update --yes
expect_rc 0 import children children.csv --on-conflict update --dry-run

# --- the register import: its own summary, dry_run 1 ---------------------------------------------
export ICSCTL_DB="$SCRATCH/third.db"
expect_rc 0 init
python3 "$ICS_SOURCE_DIR/scripts/gen-register.py" 30 3 register.csv >/dev/null
before=$(files)
run import register register.csv --mapping legacy-register --dry-run -o json
real_dry=$RC
check "import register --dry-run changed the files" test "$(files)" == "$before"
expect_out_has '"dry_run":1'
run import register register.csv --mapping legacy-register -o json
check "import register: dry run exit $real_dry, real $RC" test "$real_dry" = "$RC"
expect_out_has '"dry_run":0'

finish
