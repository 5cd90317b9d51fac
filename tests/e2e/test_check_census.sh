#!/usr/bin/env bash
# `icsctl check census` (issue 14 item 3): the DfE's census rules on a real database, a finding per
# row in the -o formats, exit 3 on an error and 0 on queries alone; `--rules` lists them.
source "$(dirname "$0")/lib.sh"

check() { local what=$1; shift; CHECKS=$((CHECKS + 1)); "$@" || fail "$what"; }

expect_rc 4 check census --year 2026
expect_err_has "icsctl init"
expect_rc 0 init

# --- the rules ---------------------------------------------------------------------------------------
expect_rc 0 check census --rules -o csv
check "--rules header [$(head -1 <<<"$OUT")]" test "$(head -1 <<<"$OUT")" = "rule,severity,summary"
expect_out_has $'\n1510,error,UPN has the right check letter\n'
expect_out_has $'\n8569Q,query,'
check "--rules lists the child, episode and return rules" test "$(tail -n +2 <<<"$OUT" | wc -l)" -ge 57

# --- a clean child: a referral in the census year 2026 with an authorised assessment -----------------
expect_rc 0 add-child --given-names Ada --family-name Lane --dob 2015-06-01 --sex F --upn M201123456780 \
  --ethnicity WBRI --disabilities NONE
expect_rc 0 open-referral C1 --date 2025-05-01 --source 3A --need N1
expect_rc 0 start-assessment E1 --date 2025-05-02
expect_rc 0 complete-assessment E1 --date 2025-05-30 --factors 16A

# Only the return's queries: one child uses too few disability codes (2887Q). Exit 0.
expect_rc 0 check census --year 2026 -o csv
expect_out "rule,severity,child_id,episode_id,record_id,message
2887Q,query,,,,the return uses 0 different disability codes other than NONE; 8 or more are expected"
expect_err_has "census 2026 (2025-04-01 to 2026-03-31): 1 child checked, 0 errors, 1 queries"

# Nothing in the census year 2025, and --la names the header's LA.
expect_rc 0 check census --year 2025 --la 201 -o csv
expect_err_has "0 children checked"

# --- planted faults: each found by its rule number, exit 3 (values no command accepts, written in) ------
expect_rc 0 add-child --given-names Ben --family-name Lane --dob 2012-02-01 --sex M --ethnicity WBRI \
  --disabilities MOB
expect_rc 0 open-referral C2 --date 2025-06-02 --source 1A --need N4
expect_rc 0 close-episode E2 --date 2025-07-01 --reason RC7
sqlite3 "$ICSCTL_DB" "UPDATE child SET upn = 'A201123456780', disabilities = 'MOB,MOB' WHERE id = 2;
                      UPDATE episode SET closure_date = '2025-05-30' WHERE id = 2"
expect_rc 3 check census --year 2026 -o csv
expect_out_has $'\n1510,error,C2,,,UPN A201123456780 has check letter A; expected M\n'
expect_out_has $'\n8794,error,C2,,,Disability MOB is recorded more than once\n'
expect_out_has $'\n8630,error,C2,E2,E2,closure 2025-05-30 is before the referral 2025-06-02\n'
check "8770Q found though C2 has a UPN" test -z "$(grep '^8770Q' <<<"$OUT")"
expect_err_has "icsctl: error: census 2026 (2025-04-01 to 2026-03-31): 2 children checked, 3 errors"
check "C1 has no finding" test -z "$(grep ',C1,' <<<"$OUT")"

expect_rc 3 check census --year 2026 -o json
expect_out_has '{"rule":"1510","severity":"error","child_id":"C2","episode_id":null,"record_id":null,"message":"UPN A201123456780 has check letter A; expected M"}'

# --- usage and bad values ------------------------------------------------------------------------------
refused 2 "--year" check census
refused 3 "--year" check census --year 1999
refused 3 "--la" check census --year 2026 --la 999

finish
