#!/usr/bin/env bash
# Corrections (issue 16 item 5): update-child, update-action, reassign-action, update-plan, reassign,
# each by the creation rules and audited before and after; and the confirmation of destructive commands
# (item 6): on a terminal (through `script`), without one, --yes, --no-input, ICSCTL_NO_INPUT.
source "$(dirname "$0")/lib.sh"

expect_rc 0 init
expect_rc 0 add-child --given-names "Amelia Rose" --family-name Smith --dob 2019-04-02 --sex F --nhs-number "943 476 5919"
expect_rc 0 add-child --given-names Kai --family-name Brown --dob 2017-05-05 --sex M
expect_rc 0 open-plan C1 --template child-protection --category NEG --start 2025-12-19 --worker "Sam Patel" --team "CP Team A"
expect_rc 0 assign-action P1 --what "Health visitor home visit" --owner "Dr Ann Lee" --agency health --due 2026-01-16
expect_out "A10"

# --- update-child ------------------------------------------------------------------------------
refused 2 "nothing to change: give at least one of --given-names, --family-name, --dob" update-child C1
refused 2 "--dob excludes --expected-dob" update-child C1 --dob 2019-04-12 --expected-dob 2027-01-01
refused 4 "no child 'C9'" update-child C9 --sex M
refused 3 "NHS number 9434765919 is already held by child C1" update-child C2 --nhs-number 9434765919
refused 3 "'nhs_number'" update-child C2 --nhs-number 9434765918
refused 3 "'dob' is after today: '2026-11-23'" update-child C1 --dob 2026-11-23
refused 3 "'dob' is after the start of plan P1 (2025-12-19)" update-child C1 --dob 2026-01-01
refused 3 "'sex'" update-child C1 --sex X
refused 3 "'ethnicity'" update-child C1 --ethnicity NOPE
expect_rc 0 update-child C1 --dob 2019-04-12 --family-name Smith-Jones
expect_out ""
expect_err_has "child C1 updated"
expect_rc 0 show nhs:9434765919 -o json
expect_out_has '"family_name":"Smith-Jones"'
expect_out_has '"date_of_birth":"2019-04-12"'
expect_rc 0 log C1 -o csv
expect_out_has 'update-child,C1,'
python3 - "$ICSCTL_DB" <<'PY'
import json, sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute(
    "SELECT before, after FROM audit WHERE command = 'update-child' ORDER BY seq DESC LIMIT 1").fetchone()
before, after = json.loads(row[0]), json.loads(row[1])
assert before["date_of_birth"] == "2019-04-02" and after["date_of_birth"] == "2019-04-12", row
assert before["family_name"] == "Smith" and after["family_name"] == "Smith-Jones", row
PY
check "update-child's audit record holds the images before and after" test $? = 0
expect_rc 0 update-child C1 --family-name Smith-Jones
expect_err_has "nothing changed"
expect_rc 0 update-child C2 --nhs-number "401 023 2137" --ref CPR-9 --upn-unknown UN2
expect_rc 0 show ref:CPR-9 -o json
expect_out_has '"nhs_number":"4010232137"'

# --- update-action, reassign-action ------------------------------------------------------------
refused 2 "nothing to change: give at least one of --due, --what" update-action A10
refused 3 "'due' is before the plan's start (2025-12-19)" update-action A10 --due 2025-12-18
refused 3 "'agency'" reassign-action A10 --owner "Dr Ben Okafor" --agency nowhere
refused 2 "--owner is required" reassign-action A10
expect_rc 0 update-action A10 --due 2026-02-20 --what "Health visitor home visit, with interpreter"
expect_rc 0 reassign-action A10 --owner "Dr Ben Okafor"
expect_rc 0 show A10 -o json
expect_out_has '"what":"Health visitor home visit, with interpreter","owner":"Dr Ben Okafor","agency":"health","due_date":"2026-02-20"'
expect_rc 0 complete-action A10 --date 2026-02-01
refused 3 "action 'A10' is done: a finished action is not corrected" update-action A10 --due 2026-03-01
refused 3 "action 'A10' is done" reassign-action A10 --owner "Someone Else"

# --- update-plan --------------------------------------------------------------------------------
refused 2 "nothing to change: give at least one of --worker, --team" update-plan P1
expect_rc 0 update-plan P1 --team "CP Team B"
expect_rc 0 show P1 -o json
expect_out_has '"lead_worker":"Sam Patel","team":"CP Team B"'

# --- reassign: destructive (the template's actions went to the plan's lead worker, Sam Patel) ----
expect_rc 0 assign-action P1 --what "School report" --owner "Sam Patel" --agency education --due 2026-02-02
expect_rc 0 assign-action P1 --what "Home visit" --owner "Sam Patel" --agency social-care --due 2026-02-03
refused 2 "--yes" reassign --from "Sam Patel" --to "Jo Green"
expect_err_has "reassign would give 6 open actions and 1 open plan of 'Sam Patel' to 'Jo Green'"
refused 4 "'Nobody' owns no open action and leads no open plan" reassign --from Nobody --to "Jo Green" --yes
refused 3 "'to' is the worker given as --from" reassign --from "Sam Patel" --to "Sam Patel" --yes
expect_rc 0 reassign --from "Sam Patel" --to "Jo Green" --agency education --yes -o csv
expect_out $'from,to,actions,plans\nSam Patel,Jo Green,2,1'
expect_rc 0 reassign --from "Sam Patel" --to "Jo Green" --yes -o json
expect_out '[
{"from":"Sam Patel","to":"Jo Green","actions":4,"plans":0}
]'
expect_err_has "reassigned from 'Sam Patel' to 'Jo Green': 4 actions, 0 plans"

# --- confirmation: close-plan with open actions -------------------------------------------------
command -v script >/dev/null || { fail "no 'script' (util-linux, Debian bsdutils)"; finish; exit; }
I=$(printf '%q' "$ICSCTL")
open_actions() { sqlite3 "$ICSCTL_DB" "SELECT count(*) FROM action WHERE plan_id = 1 AND status = 'open'"; }
n=$(open_actions)
before=$(db_snapshot)
# without a terminal: exit 2 naming --yes, nothing changed
refused 2 "close-plan would close plan P1 and cancel its $n open actions: confirm with --yes" \
  close-plan P1 --end 2026-09-30 --reason no-longer-at-risk
# --no-input and ICSCTL_NO_INPUT=1 forbid the question even on a terminal
TTY=$(script -qec "$I --no-input close-plan P1 --end 2026-09-30 --reason no-longer-at-risk; echo rc=\$?" /dev/null </dev/null)
check "--no-input on a terminal: [$TTY]" grep -q "rc=2" <<<"$TTY"
check "--no-input names --yes: [$TTY]" grep -q -- "--no-input forbids the question" <<<"$TTY"
TTY=$(script -qec "ICSCTL_NO_INPUT=1 $I close-plan P1 --end 2026-09-30 --reason no-longer-at-risk; echo rc=\$?" /dev/null </dev/null)
check "ICSCTL_NO_INPUT=1 on a terminal: [$TTY]" grep -q "rc=2" <<<"$TTY"
# on a terminal, answered n: exit 1, nothing changed
TTY=$(printf 'n\n' | script -qec "$I close-plan P1 --end 2026-09-30 --reason no-longer-at-risk; echo rc=\$?" /dev/null)
check "the question on the terminal: [$TTY]" grep -q "will close plan P1 and cancel its $n open actions. Go on? \[y/N\]" <<<"$TTY"
check "answered n: exit 1 [$TTY]" grep -q "rc=1" <<<"$TTY"
check "answered n: says so [$TTY]" grep -q "not confirmed; nothing was changed" <<<"$TTY"
expect_unchanged "$before"
# answered y: closed
TTY=$(printf 'y\n' | script -qec "$I close-plan P1 --end 2026-09-30 --reason no-longer-at-risk; echo rc=\$?" /dev/null)
check "answered y: exit 0 [$TTY]" grep -q "rc=0" <<<"$TTY"
check "answered y: no open action left" test "$(open_actions)" = 0
expect_rc 0 show P1 -o json
expect_out_has '"end_date":"2026-09-30"'
refused 3 "plan 'P1' was closed on 2026-09-30" update-plan P1 --worker "Jo Green"
# a plan with no open action asks nothing
expect_rc 0 open-plan C2 --template child-in-need --start 2026-10-01
for a in $(sqlite3 "$ICSCTL_DB" "SELECT 'A' || id FROM action WHERE plan_id = 2"); do expect_rc 0 cancel-action "$a" --reason done; done
expect_rc 0 close-plan P2 --end 2026-11-01 --reason other
# --yes goes on without a terminal; an import's --on-conflict update from stdin cannot ask
expect_rc 0 export children -o csv
printf '%s\n' "$OUT" >children.csv
refused 2 "standard input is the data" import children - --format csv --on-conflict update <children.csv
expect_rc 0 import children - --format csv --on-conflict update --yes <children.csv

finish
