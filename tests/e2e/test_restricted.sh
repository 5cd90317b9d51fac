#!/usr/bin/env bash
# Information sharing (issue 15 items 7 and 9): restrict and unrestrict, audited; a restricted child
# and every record of theirs left out of every list, report, show, log and export unless
# --include-restricted, and every read that includes them audited; the statutory returns holding
# every child, audited; `export actions --for-agency` giving an agency its own rows and the least
# child data, audited as a disclosure.
source "$(dirname "$0")/lib.sh"

expect_rc 0 init
expect_rc 0 add-child --given-names Amelia --family-name Smith --dob 2019-04-02 --sex F --nhs-number "943 476 5919"
expect_rc 0 add-child --given-names Ben --family-name Hidden --dob 2018-03-01 --sex M --nhs-number "943 476 5870"
expect_rc 0 add-child --given-names Cara --family-name Jones --dob 2020-06-01 --sex F
# C1: a plan opened directly, with a health and a police action
expect_rc 0 open-plan C1 --template child-protection --category NEG --start 2026-01-05 --worker "Sam Patel" --team "CP Team A"
expect_out P1
expect_rc 0 assign-action P1 --what "GP check" --owner "Dr Ann Lee" --agency health --due 2026-02-02
expect_rc 0 assign-action P1 --what "Police check" --owner "PC Kay" --agency police --due 2026-02-02
# C2, to be restricted: the whole path from referral to plan, so that it has a record of every kind
expect_rc 0 open-referral C2 --date 2026-01-05 --source 3A --need N4
E2=$OUT
expect_rc 0 start-assessment "$E2" --date 2026-01-06
expect_rc 0 start-enquiry "$E2" --date 2026-01-07
expect_rc 0 record-conference "$E2" --date 2026-01-14 --outcome plan --category NEG --worker "Riley Hidden" --team "Team Hidden"
P2=$OUT
expect_rc 0 assign-action "$P2" --what "Health visit" --owner "HV Jo" --agency health --due 2026-02-02
expect_rc 0 record-review "$P2" --date 2026-01-20 --kind visit --seen yes --seen-alone no
expect_rc 0 complete-assessment "$E2" --date 2026-01-21 --factors 3B
# C3: an open referral with its assessment
expect_rc 0 open-referral C3 --date 2026-02-02 --source 3A --need N4
expect_rc 0 start-assessment "$OUT" --date 2026-02-03

# Every public id of C2's records, and a check that none (or some) is in the last output.
hidden_ids=$(sqlite3 "$ICSCTL_DB" "
  SELECT 'C2' UNION ALL SELECT 'P' || id FROM plan WHERE child_id = 2
  UNION ALL SELECT 'A' || a.id FROM action a JOIN plan p ON p.id = a.plan_id WHERE p.child_id = 2
  UNION ALL SELECT 'R' || r.id FROM review r JOIN plan p ON p.id = r.plan_id WHERE p.child_id = 2
  UNION ALL SELECT 'E' || id FROM episode WHERE child_id = 2
  UNION ALL SELECT 'N' || x.id FROM assessment x JOIN episode e ON e.id = x.episode_id WHERE e.child_id = 2
  UNION ALL SELECT 'S' || x.id FROM enquiry x JOIN episode e ON e.id = x.episode_id WHERE e.child_id = 2
  UNION ALL SELECT 'I' || x.id FROM conference x JOIN episode e ON e.id = x.episode_id WHERE e.child_id = 2")
check "C2's records: [$hidden_ids]" test "$(wc -l <<<"$hidden_ids")" -ge 9
shows_hidden() { grep -qwF -f <(printf '%s\n' $hidden_ids Hidden 9434765870) <<<"$OUT"; }
expect_hidden_absent() { CHECKS=$((CHECKS + 1)); ! shows_hidden || fail "$1 shows restricted C2: [$OUT]"; }
expect_hidden_present() { CHECKS=$((CHECKS + 1)); shows_hidden || fail "$1 with --include-restricted lacks C2: [$OUT]"; }
reads() { sqlite3 "$ICSCTL_DB" "SELECT count(*) FROM audit WHERE entity = 'restricted-read'"; }
last_read() { sqlite3 "$ICSCTL_DB" "SELECT actor || '|' || command || '|' || after FROM audit WHERE entity = 'restricted-read' ORDER BY seq DESC LIMIT 1"; }

# --- restrict: a write command, one transaction, audited -----------------------------------------
before=$(db_snapshot)
expect_rc 2 restrict C2
expect_err_has "--reason"
refused 2 "--reason" restrict C2 --reason ''
refused 3 "'reason'" restrict C2 --reason "   "
refused 4 "no child 'C99'" restrict C99 --reason "x"
expect_unchanged "$before"
expect_rc 0 --as "Pat Admin" restrict nhs:9434765870 --reason "Child of a member of staff"
expect_out ""
expect_err_has "child C2 restricted"
check "the restriction is not held" test "$(sqlite3 "$ICSCTL_DB" "SELECT child_id || '|' || reason || '|' || restricted_by FROM restricted_child")" = "2|Child of a member of staff|Pat Admin"
check "restrict is not audited" test "$(sqlite3 "$ICSCTL_DB" "SELECT actor || '|' || command || '|' || json_extract(after, '$.reason') || '|' || json_extract(after, '$.restricted') FROM audit WHERE entity = 'restriction:C2'")" = "Pat Admin|restrict|Child of a member of staff|1"
refused 3 "child C2 is already restricted (since 2026-11-22T" restrict C2 --reason "again"
check "nothing audited yet" test "$(reads)" = 0

# --- show: refused without the flag (exit 4, saying why); with it, audited naming the child -------
refused 4 "child 'C2' is restricted: it is shown only with --include-restricted, and that read is audited" show C2
refused 4 "plan '$P2' is a record of a restricted child" show "$P2"
refused 4 "episode '$E2' is a record of a restricted child" show "$E2"
refused 4 "child 'nhs:9434765870' is restricted" show nhs:9434765870
expect_rc 0 show C1 -o csv
expect_out_has ",restricted
C1,Amelia,Smith,"
check "show C1: not restricted [$OUT]" test "${OUT##*,}" = no
check "show C1 was audited" test "$(reads)" = 0
expect_rc 0 show C2 --include-restricted -o csv
check "show C2 says restricted [$OUT]" test "${OUT##*,}" = yes
check "show C2 --include-restricted not audited" test "$(reads)" = 1
check "show's audit [$(last_read)]" test "$(last_read)" = \
  'tester|show|{"read":"show","reach":"include-restricted","children_count":1,"children":["C2"]}'
expect_rc 0 --include-restricted show "$P2" -o json
expect_out_has "\"plan_id\":\"$P2\""
expect_err_has "note: $P2 is a record of restricted child C2"
check "show P --include-restricted not audited" test "$(reads)" = 2

# --- every list, report and export: without the flag C2 is left out; with it, audited ------------
# each: the command's words; with the flag, whether C2 must show
declare -a commands=(
  "list children|yes" "list plans|yes" "list actions|yes" "list episodes|yes" "list assessments|yes"
  "list enquiries|yes" "list conferences|yes" "list plans --open|yes"
  "report register --as-of 2026-03-01|yes" "report open-plans --as-of 2026-03-01|yes"
  "report overdue-actions --as-of 2026-03-01|yes" "report reviews-due --as-of 2026-03-01|yes"
  "report caseload --as-of 2026-03-01|yes" "report unplanned --as-of 2026-03-01|no"
  "report assumed-safe --as-of 2026-03-01|yes" "report visits-due --as-of 2026-03-01|yes"
  "report migration|no"
  "export children|yes" "export episodes|yes" "export assessments|yes" "export enquiries|yes"
  "export conferences|yes" "export plans|yes" "export actions|yes" "export reviews|yes" "export all|yes"
  "export annex-a --from 2025-12-01 --to 2026-05-31 --list 3|yes"
  "export annex-a --from 2025-12-01 --to 2026-05-31 --list 4|yes"
  "export annex-a --from 2025-12-01 --to 2026-05-31 --list 5|yes"
  "export annex-a --from 2025-12-01 --to 2026-05-31 --list 6|yes"
  "export annex-a --from 2025-12-01 --to 2026-05-31 --list 7|yes"
  "log -n 1000|yes"
)
for entry in "${commands[@]}"; do
  words=${entry%|*}
  must_show=${entry##*|}
  format=csv
  [[ "$words" == "export all"* ]] && format=ndjson
  n=$(reads)
  # shellcheck disable=SC2086
  expect_rc 0 $words -o $format
  expect_hidden_absent "$words"
  expect_err_has "note: 1 restricted child is left out (--include-restricted shows them; that read is audited)"
  check "$words without the flag was audited" test "$(reads)" = "$n"
  # shellcheck disable=SC2086
  expect_rc 0 $words --include-restricted -o $format
  [ "$must_show" = no ] || expect_hidden_present "$words"
  check "$words --include-restricted was not audited" test "$(reads)" = $((n + 1))
  check "$words: the audit [$(last_read)]" test "$(last_read)" = \
    "tester|${words%% -*}|{\"read\":\"${words%% -*}\",\"reach\":\"include-restricted\",\"children_count\":1,\"children\":[\"C2\"]}"
done
# the report of one child: as if the child were not there, saying why it may be
refused 4 "no child 'C2' (or it is a restricted child's: --include-restricted shows them" report chronology C2
expect_rc 0 report chronology C2 --include-restricted -o csv
expect_out_has "$P2"
check "chronology audit [$(last_read)]" test "$(last_read)" = \
  'tester|report chronology|{"read":"report chronology","reach":"include-restricted","children_count":1,"children":["C2"]}'
refused 4 "or it is a restricted child's" list actions --plan "$P2"
# -q silences the note
expect_rc 0 -q list children
check "-q printed [$ERR]" test -z "$ERR"
# log: a restricted child's changes, its restriction and the audited reads are left out without the flag
expect_rc 0 log restriction:C2 -o csv
check "log restriction:C2 without the flag [$OUT]" test "$(wc -l <<<"$OUT")" = 1
expect_rc 0 log restricted-read -o csv
check "log restricted-read without the flag [$OUT]" test "$(wc -l <<<"$OUT")" = 1
expect_rc 0 log restriction:C2 --include-restricted -o csv
expect_out_has "Child of a member of staff"
expect_rc 0 log restricted-read --include-restricted -o ndjson
expect_out_has '"command":"list children"'
refused 3 "'id'" log restriction:P1

# --- the statutory returns hold every child; the read is audited --------------------------------
expect_rc 0 settings set la_code 202
expect_rc 0 settings set software_code icsctl
expect_rc 0 settings set release 1.0
expect_rc 0 settings set serial_no 001
n=$(reads)
expect_rc 0 export cin-census --year 2026 --force
expect_out_has "<LAchildID>C2</LAchildID>"
check "cin-census not audited" test "$(reads)" = $((n + 1))
check "cin-census audit [$(last_read)]" test "$(last_read)" = \
  'tester|export cin-census|{"read":"export cin-census","reach":"statutory","children_count":1,"children":["C2"]}'
run check census --year 2026 -o csv
check "check census not audited" test "$(reads)" = $((n + 2))
expect_rc 0 report plan-stats --year 2026 -o csv
expect_out_has "cpp_start,children,2,"
check "plan-stats not audited [$(last_read)]" test "$(last_read)" = \
  'tester|report plan-stats|{"read":"report plan-stats","reach":"statutory","children_count":1,"children":["C2"]}'
expect_rc 0 export cp-is --as-of 2026-03-01 --dry-run
expect_out_has "9434765870"
check "cp-is not audited [$(last_read)]" test "$(last_read)" = \
  'tester|export cp-is|{"read":"export cp-is","reach":"statutory","children_count":1,"children":["C2"]}'
# administration sees the file as it is, unaudited
n=$(reads)
expect_rc 0 db check
expect_rc 0 db backup backup.db
check "db check or backup audited" test "$(reads)" = "$n"
check "the backup lacks C2" test "$(sqlite3 backup.db "SELECT count(*) FROM child")" = 3

# --- export actions --for-agency: the agency's own rows, the least child data, a disclosure --------
header="action_id,plan_id,child_id,name,date_of_birth,nhs_number,lead_worker,team,section,what,owner,agency,due_date,status,completed_date,cancel_reason"
expect_rc 0 export actions --for-agency health
check "for-agency header [$(head -1 <<<"$OUT")]" test "$(head -1 <<<"$OUT")" = "$header"
expect_out_has ",P1,C1,Amelia Smith,2019-04-02,9434765919,Sam Patel,CP Team A,"
expect_out_has ",GP check,Dr Ann Lee,health,2026-02-02,open,,"
check "for-agency gave another agency's row" test -z "$(grep -F 'Police check' <<<"$OUT")"
expect_hidden_absent "export actions --for-agency health"
rows=$(($(wc -l <<<"$OUT") - 1))
plural=s; [ "$rows" = 1 ] && plural=
expect_err_has "disclosed to health: $rows action$plural of 1 child"
check "the disclosure audit" test "$(sqlite3 "$ICSCTL_DB" "SELECT actor || '|' || command || '|' || after FROM audit WHERE entity = 'disclosure:health' ORDER BY seq DESC LIMIT 1")" = \
  "tester|export actions|{\"disclosure\":\"export actions\",\"agency\":\"health\",\"rows\":$rows,\"children_count\":1,\"children\":[\"C1\"]}"
expect_rc 0 export actions --for-agency health -o tsv
check "for-agency rows: only health [$OUT]" test -z "$(tail -n +2 <<<"$OUT" | cut -f12 | grep -vx health)"
expect_rc 0 log disclosure:health -o csv
expect_out_has '""agency"":""health""'
n=$(reads)
expect_rc 0 export actions --for-agency health --include-restricted -o json
expect_out_has "\"child_id\":\"C2\",\"name\":\"Ben Hidden\",\"date_of_birth\":\"2018-03-01\",\"nhs_number\":\"9434765870\",\"lead_worker\":\"Riley Hidden\",\"team\":\"Team Hidden\""
check "for-agency --include-restricted: the read not audited" test "$(reads)" = $((n + 1))
check "for-agency --include-restricted: the disclosure names C2" test "$(sqlite3 "$ICSCTL_DB" "SELECT json_extract(after, '$.children') FROM audit WHERE entity = 'disclosure:health' ORDER BY seq DESC LIMIT 1")" = '["C1","C2"]'
expect_rc 0 export actions --for-agency police -o tsv
expect_out_has "	Police check	PC Kay	police	"
check "police: another agency's rows [$OUT]" test -z "$(tail -n +2 <<<"$OUT" | cut -f12 | grep -vx police)"
expect_hidden_absent "export actions --for-agency police"
refused 3 "'for-agency' is not" export actions --for-agency nhs
expect_err_has "social-care"
refused 2 "--for-agency" export actions --for-agency ''
expect_rc 2 export plans --for-agency health
# a disclosure that cannot be audited is not made: a database the user cannot write
if [ "$(id -u)" != 0 ]; then
  chmod 0400 "$ICSCTL_DB"
  expect_rc 1 export actions --for-agency health
  expect_out ""
  chmod 0600 "$ICSCTL_DB"
fi

# --- unrestrict: audited; the child is seen again by everyone ------------------------------------
expect_rc 0 unrestrict C2 --reason "Member of staff has left"
expect_err_has "child C2 no longer restricted"
check "unrestrict audit" test "$(sqlite3 "$ICSCTL_DB" "SELECT json_extract(before, '$.reason') || '|' || json_extract(after, '$.reason') || '|' || json_extract(after, '$.restricted') FROM audit WHERE entity = 'restriction:C2' ORDER BY seq DESC LIMIT 1")" = \
  "Child of a member of staff|Member of staff has left|0"
refused 3 "child C2 is not restricted" unrestrict C2
n=$(reads)
expect_rc 0 show C2 -o csv
check "show C2 after unrestrict [$OUT]" test "${OUT##*,}" = no
expect_rc 0 list children -o csv
expect_hidden_present "list children after unrestrict"
check "no note after unrestrict [$ERR]" test -z "$ERR"
expect_rc 0 --include-restricted list children -o csv
check "reads audited with nothing restricted" test "$(reads)" = "$n"
expect_rc 0 restrict C3 --reason "High-profile case"
expect_rc 0 unrestrict C3
check "unrestrict without a reason" test "$(sqlite3 "$ICSCTL_DB" "SELECT json_extract(after, '$.reason') IS NULL FROM audit WHERE entity = 'restriction:C3' ORDER BY seq DESC LIMIT 1")" = 1

finish
