#!/usr/bin/env bash
# Hostile input on every write path: the one set of text rules (control characters, escape
# sequences, NUL, C1 controls, bidirectional controls, invalid UTF-8, length caps) in the single
# commands, the bulk imports and the register import; refused text shown escaped, never raw; what
# icsctl accepts round-trips byte for byte; and hostile sizes (deep nesting, endless lines,
# /dev/zero) end with a clear error in seconds, in bounded memory, filling no folder.
source "$(dirname "$0")/lib.sh"

MAPPING=legacy-register
HEADER='register_ref,surname,forenames,dob,gender,nhs_number,upn,category,registration_date,deregistration_date,deregistration_reason,key_worker,team,address_postcode,person_id'
ESC=$'\x1b'
RLO=$'\u202e'
CSI=$'\xc2\x9b'  # the C1 control U+009B

# no_raw_controls WHAT FILE: FILE holds no control character but tab and line ends (LF or CRLF),
# and no C1 or bidirectional control, as bytes.
no_raw_controls() {
  local pattern='[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]'
  CHECKS=$((CHECKS + 1))
  if sed 's/\r$//' "$2" | LC_ALL=C grep -q -a -P "$pattern"; then
    fail "$1: raw control characters: $(sed 's/\r$//' "$2" | LC_ALL=C grep -a -P "$pattern" | head -2 | od -c | head -5)"
  fi
}
# in_time SECONDS CMD...: runs icsctl under `timeout` (a regression fails rather than hangs) and
# /usr/bin/time, keeping stdout, stderr, exit code and peak RSS (KiB) in $OUT $ERR $RC $RSS_KB.
# Under scripts/test.sh --sanitize (ICS_SANITIZED) every limit is five times as long: ASan and UBSan
# slow icsctl down several times, and the point there is the sanitizers' findings.
in_time() {
  local seconds=$1
  shift
  [ -z "${ICS_SANITIZED:-}" ] || seconds=$((seconds * 5))
  OUT=$(/usr/bin/time -f '%M' -o "$SCRATCH/.rss" timeout "$seconds" "$ICSCTL" "$@" 2>"$SCRATCH/.stderr")
  RC=$?
  ERR=$(cat "$SCRATCH/.stderr")
  RSS_KB=$(tail -1 "$SCRATCH/.rss" | grep -o '^[0-9]*$' || echo 0)
}
# expect_bounded WHAT CODE MIB: the last in_time run exited CODE (not 124, timed out) within MIB of RSS.
# Under ICS_SANITIZED the memory bound is not checked, and the test says so: ASan's shadow memory and
# the quarantine of freed blocks make the peak RSS hundreds of MiB whatever icsctl does.
expect_bounded() {
  CHECKS=$((CHECKS + 1))
  [ "$RC" -eq "$2" ] || fail "$1: exit $RC, wanted $2 (124: timed out); stderr: ${ERR:0:300}"
  if [ -n "${ICS_SANITIZED:-}" ]; then
    echo "SKIPPED under sanitizers: the $3 MiB memory bound of '$1' (peak RSS ${RSS_KB} KiB with ASan's shadow memory)" >&2
    return
  fi
  [ "$RSS_KB" -gt 0 ] && [ "$RSS_KB" -le $(($3 * 1024)) ] || fail "$1: peak RSS ${RSS_KB} KiB, wanted at most $3 MiB"
}

expect_rc 0 init

# --- single commands ----------------------------------------------------------------------------
refused 3 "'given_names' holds control characters: 'Amy\\x1b[2J\\x1b]0;owned\\x07'" \
  add-child --given-names "Amy${ESC}[2J${ESC}]0;owned"$'\a' --family-name Lee --dob 2020-01-01
printf '%s' "$ERR" >single.err
no_raw_controls "add-child error" single.err
refused 3 "'family_name' holds bidirectional control characters: 'Lee\\u202egpj.exe'" \
  add-child --given-names Amy --family-name "Lee${RLO}gpj.exe" --dob 2020-01-01
refused 3 "'family_name' holds control characters: 'Lee\\u009b31m'" \
  add-child --given-names Amy --family-name "Lee${CSI}31m" --dob 2020-01-01
refused 3 "'family_name' holds control characters: 'Lee\\u2028x'" \
  add-child --given-names Amy --family-name $'Lee\u2028x' --dob 2020-01-01
refused 3 "'family_name' is longer than 200 bytes" \
  add-child --given-names Amy --family-name "$(printf 'n%.0s' {1..201})" --dob 2020-01-01
refused 3 "'ref' is longer than 100 bytes" \
  add-child --given-names Amy --family-name Lee --dob 2020-01-01 --ref "$(printf 'r%.0s' {1..101})"
expect_rc 0 add-child --given-names "Zoë"$'\t'"Amélie" --family-name "$(printf 'n%.0s' {1..200})" --dob 2020-01-01
expect_out C1
expect_rc 0 open-plan C1 --template child-protection --category NEG --start 2026-01-05 --worker "Sam Patel" --team "CP Team A"
expect_out P1
refused 3 "'what' holds control characters: 'Visit\\x1b[8m'" \
  assign-action P1 --what "Visit${ESC}[8m" --owner "Dr Lee" --agency health --due 2026-02-01
refused 3 "'outcome' holds bidirectional control characters" \
  record-review P1 --date 2026-03-01 --outcome "ok${RLO}"
refused 3 "'owner' holds control characters: 'Sam\\x1b'" \
  assign-action P1 --what Visit --owner "Sam${ESC}" --agency health --due 2026-02-01
refused 3 "'as' holds control characters" --as "eve${ESC}[2J" add-child --given-names A --family-name B --dob 2020-01-01
# Errors that echo other values (not found, not a date) show them escaped too.
run show "C9${ESC}[2J"
check "show a hostile id: refused" test "$RC" -ne 0
expect_err_has "C9\\x1b[2J"
printf '%s' "$ERR" >notfound.err
no_raw_controls "show error" notfound.err
expect_rc 3 add-child --given-names A --family-name B --dob "2020${ESC}[2J"
printf '%s' "$ERR" >date.err
no_raw_controls "date error" date.err

# --- bulk imports: csv, tsv, ndjson -------------------------------------------------------------
{
  printf 'child_id,given_names,family_name,date_of_birth\n'
  printf 'C10,Amy%s[2J,Lee,2020-01-01\n' "$ESC"
  printf 'C11,Amy,Lee%sgpj,2020-01-01\n' "$RLO"
  printf 'C12,Amy%s,Lee,2020-01-01\n' "$CSI"
  printf 'C13,Amy,%s,2020-01-01\n' "$(printf 'n%.0s' {1..201})"
  printf 'C14,Amy,Lee\xff,2020-01-01\n'
  printf 'C15,Amy\0x,Lee,2020-01-01\n'
  printf 'C16,Amy,Lee,2020%s-01-01\n' "$ESC"
} >hostile.csv
expect_rc 3 import children hostile.csv
expect_err_has "line 2: 'given_names' holds control characters: 'Amy\\x1b[2J'"
expect_err_has "line 3: 'family_name' holds bidirectional control characters: 'Lee\\u202egpj'"
expect_err_has "line 4: 'given_names' holds control characters: 'Amy\\u009b'"
expect_err_has "line 5: 'family_name' is longer than 200 bytes: '$(printf 'n%.0s' {1..80})... (201 bytes)'"
expect_err_has "line 6: 'family_name' is not valid UTF-8: 'Lee\\xff'"
expect_err_has "line 7: 'given_names' holds control characters: 'Amy\\x00x'"
expect_err_has "line 8: 'date_of_birth' is not a date (YYYY-MM-DD): '2020\\x1b-01-01'"
printf '%s' "$ERR" >bulk.err
no_raw_controls "bulk import errors" bulk.err
printf 'child_id\tgiven_names\tfamily_name\tdate_of_birth\nC10\tAmy\\r\\nBo\tLee\t2020-01-01\n' >hostile.tsv
expect_rc 3 import children hostile.tsv
expect_err_has "line 2: 'given_names' holds control characters: 'Amy\\r\\nBo'"
printf '{"child_id":"C10","given_names":"Amy\\u001b[2J","family_name":"Lee","date_of_birth":"2020-01-01"}\n{"child_id":"C11","given_names":"A","family_name":"\\u202eLee","date_of_birth":"2020-01-01"}\n' >hostile.ndjson
expect_rc 3 import children hostile.ndjson
expect_err_has "line 1: 'given_names' holds control characters: 'Amy\\x1b[2J'"
expect_err_has "line 2: 'family_name' holds bidirectional control characters: '\\u202eLee'"
printf '%s' "$ERR" >ndjson.err
no_raw_controls "ndjson errors" ndjson.err

# --- the register import: a row that breaks the rules is rejected, its value escaped ------------
{
  printf '%s\r\n' "$HEADER"
  printf 'R1,Smith,Amy,01/01/2015,F,,,Neglect,01/01/2020,,,Sam Patel,CP Team A,,P1\r\n'
  printf 'R2,Smith%s[2J%s]0;owned\a,Amy,01/01/2015,F,,,Neglect,01/01/2020,,,,,,P2\r\n' "$ESC" "$ESC"
  printf 'R3,Jones,Tom%sgpj.exe,01/01/2015,M,,,Neglect,01/01/2020,,,,,,P3\r\n' "$RLO"
  printf 'R4,Jones,Tom,01/01/2015,M,,,Neglect,01/01/2020,,,Ann%sLee,,,P4\r\n' "$CSI"
  printf 'R5,Jones,Tom,01/01/2015,M,,,Neglect,01/01/2020,,,Ann\0Lee,,,P5\r\n'
  printf 'R6,Jones,Tom,01/01/2015,M,,,Neglect,01/01/2020,,,,%s,,P6\r\n' "$(head -c 1000000 /dev/zero | tr '\0' t)"
  printf 'R%s7,Jones,Tom,01/01/2015,M,,,Neglect,01/01/2020,,,,,,P7\r\n' "$ESC"
  printf 'R8,"Multi\nline",Tom,01/01/2015,M,,,Neglect,01/01/2020,,,,,,P8\r\n'
  printf 'R9,Brown,Ann,01/01/2015,F,,,Neglect,01/01/2020,,,,CP Team B,%s,P9\r\n' "$ESC"  # an unmapped column
  printf 'R10,Grey,Ann,01/01/2015,F,,,Neglect,01/01/2020,01/01/2021,"NLR\r\nref: legacy note",,,,P10\r\n'  # free text: lines
} >hostile-register.csv
expect_rc 3 import register hostile-register.csv --mapping "$MAPPING" --rejects rejects.csv -v
expect_err_has "line 3 rejected: 'family_name' holds control characters: 'Smith\\x1b[2J\\x1b]0;owned\\x07' (ref R2)"
expect_err_has "line 4 rejected: 'given_names' holds bidirectional control characters: 'Tom\\u202egpj.exe' (ref R3)"
expect_err_has "line 5 rejected: 'lead_worker' holds control characters: 'Ann\\u009bLee' (ref R4)"
expect_err_has "line 6 rejected: 'lead_worker' holds control characters: 'Ann\\x00Lee' (ref R5)"
expect_err_has "line 7 rejected: 'team' is longer than 200 bytes: '$(printf 't%.0s' {1..80})... (1000000 bytes)' (ref R6)"
expect_err_has "line 8 rejected: 'ref' holds control characters: 'R\\x1b7'"
expect_err_has "line 9 rejected: 'family_name' holds control characters: 'Multi\\nline' (ref R8)"
expect_err_has "icsctl: error: 7 of 10 rows rejected"
printf '%s' "$ERR" >register.err
no_raw_controls "register import errors" register.err
no_raw_controls "rejects file" rejects.csv
check "rejects file: a row per reject" test "$(grep -c '^[0-9]' rejects.csv)" = 7
check "rejects file: R2's value escaped" grep -qF '3,R2,family_name,Smith\x1b[2J\x1b]0;owned\x07,holds control characters' rejects.csv
check "rejects file: the long value cut" test "$(wc -c <rejects.csv)" -lt 2000
expect_rc 0 list children -o csv
expect_out_has ",Amy,Smith,"
expect_out_has ",Ann,Brown,"
expect_out_has ",Ann,Grey,"

# --- table output shows control characters escaped, whatever the database holds -----------------
# (a database written by an older icsctl, or by sqlite3 itself)
sqlite3 "$ICSCTL_DB" "UPDATE child SET family_name = 'Lee' || char(27) || '[2J' || char(8238) || char(10) || 'x' WHERE id = 1"
expect_rc 0 list children
printf '%s' "$OUT" >table.out
no_raw_controls "table output" table.out
expect_out_has 'Lee\x1b[2J\u202e\nx'
expect_rc 0 show C1
printf '%s' "$OUT" >show.out
no_raw_controls "show table" show.out
expect_rc 0 list children -o json
expect_out_has '"family_name":"Lee\u001b[2J'  # json escapes it itself, as stored

# --- export -> import is byte-identical for everything icsctl accepts ---------------------------
export ICSCTL_DB="$SCRATCH/round.db"
expect_rc 0 init
long200=$(printf 'ä%.0s' {1..100})  # 200 bytes: at the cap
expect_rc 0 add-child --given-names "Tab"$'\t'"Zoë" --family-name "$long200" --dob 2019-04-02 --sex F --ref 'CPR-"1",x\y'
expect_rc 0 add-child --given-names '=cmd|" /C calc"!A0' --family-name 'Ó Briain, "Jr"' --dob 2018-01-01 --ref "$(printf 'r%.0s' {1..100})"
expect_rc 0 open-plan C1 --template child-protection --category NEG --start 2026-01-05 --worker 'Sam "Patel"' --team 'Team\A, 1'
expect_rc 0 assign-action P1 --what "$(printf 'w%.0s' {1..1990})ü😀" --owner "Dr Lee" --agency health --due 2026-02-01
expect_rc 0 record-review P1 --date 2026-03-01 --kind core-group --outcome '@SUM(1+1) ‘quoted’ 你好'
expect_rc 0 assign-action P1 --what $'Visit the school\r\nthen call "Dr Lee",\nand write it up' --owner "Dr Lee" --agency health --due 2026-02-01
for format in csv tsv ndjson; do
  for kind in children episodes conferences plans actions reviews; do
    "$ICSCTL" export "$kind" -o "$format" >"one-$kind.$format" || fail "export $kind -o $format"
  done
  rm -f "two-$format.db"
  "$ICSCTL" --db "two-$format.db" init -q
  for kind in children episodes conferences plans actions reviews; do
    "$ICSCTL" --db "two-$format.db" -q import "$kind" "one-$kind.$format" >/dev/null || fail "import $kind ($format)"
    "$ICSCTL" --db "two-$format.db" export "$kind" -o "$format" >"two-$kind.$format" || fail "export $kind again ($format)"
    check "$kind -o $format: export -> import -> export is byte-identical" cmp -s "one-$kind.$format" "two-$kind.$format"
  done
done
export ICSCTL_DB="$SCRATCH/ics.db"

# --- hostile sizes: a clear error with the line, in seconds, in bounded memory --------------------
# An ndjson line 70,000 levels deep (it overflowed the stack), between two good lines.
{
  printf '{"child_id":"C50","given_names":"A","family_name":"B","date_of_birth":"2020-01-01"}\n'
  printf '{"child_id":"C51","given_names":'
  head -c 70000 /dev/zero | tr '\0' '['
  head -c 70000 /dev/zero | tr '\0' ']'
  printf '}\n'
} >deep.ndjson
in_time 30 import children deep.ndjson
expect_bounded "70,000 levels of ndjson" 3 200
expect_err_has "line 2: nests arrays or objects deeper than 64 levels"
# The same 70,000 levels in a mapping and a template (YAML).
{ printf 'columns: '; head -c 70000 /dev/zero | tr '\0' '['; } >deep-mapping.yaml
in_time 30 import register hostile-register.csv --mapping deep-mapping.yaml
expect_bounded "70,000 levels of YAML mapping" 3 200
expect_err_has "deep-mapping.yaml:1:"
cp deep-mapping.yaml deep.yaml
in_time 30 templates check deep.yaml
expect_bounded "70,000 levels of YAML template" 3 200
expect_err_has "deep.yaml:1:"

# /dev/zero as a bulk file (it grew memory without end), as csv and ndjson.
in_time 20 import children /dev/zero
expect_bounded "import children /dev/zero" 3 100
expect_err_has "line 1: a record is longer than 1048576 bytes"
in_time 20 import children /dev/zero --format ndjson
expect_bounded "import children /dev/zero --format ndjson" 3 100
expect_err_has "line 1: a line is longer than 1048576 bytes"
# /dev/zero on standard input of the register import (it filled the temporary folder).
mkdir tmp
TMPDIR="$SCRATCH/tmp" in_time 20 import register - --mapping "$MAPPING" </dev/zero
expect_bounded "import register - </dev/zero" 3 100
expect_err_has "standard input: line 1 is longer than 1048576 bytes: not a csv file"
check "nothing left in the temporary folder" test -z "$(ls -A tmp)"
# A mapping or template that is /dev/zero.
in_time 20 import register hostile-register.csv --mapping /dev/zero
expect_bounded "--mapping /dev/zero" 3 100
expect_err_has "'/dev/zero' is longer than 1048576 bytes"
in_time 20 templates check /dev/zero
expect_bounded "templates check /dev/zero" 3 100
# A 50 MB field in a register export and in a bulk file; a line of commas alone.
{
  printf '%s\n' "$HEADER"
  printf 'R1,Smith,Amy,01/01/2015,F,,,Neglect,01/01/2020,,,,,,P1\n'
  printf 'R2,Smith,"'
  head -c 50000000 /dev/zero | tr '\0' x
  printf '",01/01/2015,F,,,Neglect,01/01/2020,,,,,,P2\n'
} >huge-field.csv
in_time 30 import register huge-field.csv --mapping "$MAPPING"
expect_bounded "a 50 MB register field" 3 100
expect_err_has "line 3: a record is longer than 1048576 bytes"
in_time 30 import register - --mapping "$MAPPING" <huge-field.csv
expect_bounded "a 50 MB register field on standard input" 3 100
expect_err_has "standard input: line 3 is longer than 1048576 bytes"
{ printf 'child_id,given_names\n'; head -c 5000000 /dev/zero | tr '\0' ,; } >commas.csv
in_time 30 import children - <commas.csv
expect_bounded "a line of commas" 3 100
expect_err_has "line 2: a record is longer than 1048576 bytes"
# Nothing of all this was written.
expect_rc 0 list children -o csv
check "hostile imports wrote no child" test "$(grep -c '^C5' <<<"$OUT")" = 0

finish
