#!/usr/bin/env bash
# A tool that explains itself (issue 16 item 7): `icsctl help` and its topics, `help COMMAND`,
# did-you-mean for a misspelt command, option, report, template or topic, `icsctl version`, `-` as
# input on a terminal, and no colour for TERM=dumb.
source "$(dirname "$0")/lib.sh"
unset NO_COLOR

# --- help: the topics ----------------------------------------------------------------------------
topics="formats exit-codes environment dates filters import reports"
expect_rc 0 help
for t in $topics; do expect_out_has "  $t "; done
expect_out_has "icsctl help COMMAND"
for t in $topics; do
  expect_rc 0 help "$t"
  check "help $t is short: $(wc -l <<<"$OUT") lines" test "$(wc -l <<<"$OUT")" -ge 10
  check "help $t printed on stderr: [$ERR]" test -z "$ERR"
  check "help $t has no examples" grep -q "^Examples:" <<<"$OUT"
done
expect_rc 0 help exit-codes
for code in 0 1 2 3 4 75 130; do check "help exit-codes lacks $code" grep -qE "^  $code +[a-z]" <<<"$OUT"; done
expect_rc 0 help environment
for v in ICSCTL_DB ICSCTL_USER ICSCTL_TODAY ICSCTL_TEMPLATES ICSCTL_WAIT NO_COLOR TERM; do
  expect_out_has "$v"
done
expect_rc 0 help formats
for f in table csv tsv json ndjson; do check "help formats lacks $f" grep -qE "^  $f " <<<"$OUT"; done

# --- help COMMAND: the command's own help --------------------------------------------------------
expect_rc 0 help add-child
help_text=$OUT
expect_rc 0 add-child --help
check "help add-child differs from add-child --help" test "$OUT" = "$help_text"
expect_rc 0 help import children
help_text=$OUT
expect_rc 0 import children --help
check "help import children differs from import children --help" test "$OUT" = "$help_text"
expect_out_has "bulk import children"
expect_out_has "Examples:"

# --- an unknown topic: exit 2, the nearest one, and the list -------------------------------------
expect_rc 2 help fromats
expect_err_has "no help topic or command 'fromats' (did you mean 'formats'?)"
expect_err_has "the topics are dates, environment, exit-codes, filters, formats, import, reports"
expect_out ""
expect_rc 2 help add-chlid
expect_err_has "(did you mean 'add-child'?)"
expect_rc 2 help zzzzzz
check "a far word got a suggestion: [$ERR]" test "${ERR/did you mean/}" = "$ERR"

# --- did you mean: commands, options, reports, templates -----------------------------------------
expect_rc 2 add-chlid --given-names A
expect_err_has "icsctl: error: no command 'add-chlid' (did you mean 'add-child'?)"
expect_out ""
expect_rc 2 reprot --list
expect_err_has "(did you mean 'report'?)"
expect_rc 2 xyzzy
check "a far command got a suggestion: [$ERR]" test "${ERR/did you mean/}" = "$ERR"
expect_rc 0 init
expect_rc 2 list actions --stauts open
expect_err_has "(did you mean '--status'?)"
expect_rc 2 add-child --given-names A --family-name B --dob 2019-01-01 --ethnicty WBRI
expect_err_has "(did you mean '--ethnicity'?)"
expect_rc 2 list children --dbb x.db  # a global option, after the command
expect_err_has "(did you mean '--db'?)"
expect_rc 4 report assumd-safe
expect_err_has "no report 'assumd-safe' (did you mean 'assumed-safe'?)"
expect_rc 4 report nothing-like-it
check "a far report got a suggestion: [$ERR]" test "${ERR/did you mean/}" = "$ERR"
expect_rc 0 add-child --given-names A --family-name B --dob 2019-01-01
expect_rc 4 open-plan C1 --template child-protectoin --category NEG
expect_err_has "no template 'child-protectoin' (did you mean 'child-protection'?)"
expect_rc 4 templates show child-in-nede
expect_err_has "(did you mean 'child-in-need'?)"

# --- version ---------------------------------------------------------------------------------------
expect_rc 0 version -o json
json=$OUT
for key in icsctl libics schema sqlite fmt yaml_cpp cli11 sqlitecpp nlohmann_json libxlsxwriter; do
  check "version -o json lacks $key: [$json]" python3 -c '
import json, sys
row = json.loads(sys.argv[1])[0]
sys.exit(0 if row.get(sys.argv[2]) else 1)' "$json" "$key"
done
python3 - "$json" "$("$ICSCTL" --version)" "$(sqlite3 -version | cut -d' ' -f1)" <<'PY' || fail "version -o json: $json"
import json, re, sys
row = json.loads(sys.argv[1])[0]
assert len(json.loads(sys.argv[1])) == 1
assert sys.argv[2] == f"icsctl {row['icsctl']} (schema version {row['schema']})", sys.argv[2]
assert row["sqlite"].startswith(sys.argv[3].rsplit(".", 1)[0]), (row["sqlite"], sys.argv[3])
for key, value in row.items():
    assert re.fullmatch(r"[0-9]+(\.[0-9]+)+|[0-9]+", value), (key, value)
assert row["cli11"] == "2.1.2" and row["sqlitecpp"] == "3.2.1", row
PY
expect_rc 0 version
expect_out_has "component"
expect_out_has "sqlite"
expect_rc 0 version -o csv
check "version -o csv is not a header and one row" test "$(wc -l <<<"$OUT")" -eq 2
expect_rc 0 --version
expect_out_has "(schema version"

# --- `-` on a terminal: a hint and exit 2, not a wait -----------------------------------------------
I=$(printf '%q' "$ICSCTL")
if command -v script >/dev/null; then
  for cmd in "import children -" "import register - --mapping legacy-register"; do
    before=$(db_snapshot)
    tty_out=$(timeout 20 script -qec "$I $cmd; echo \"exit=\$?\"" /dev/null)
    check "$cmd on a terminal did not exit 2: [$tty_out]" grep -q "exit=2" <<<"$tty_out"
    check "$cmd on a terminal gave no hint: [$tty_out]" \
      grep -q "reading from standard input, which is a terminal: pipe a file in or name it" <<<"$tty_out"
    expect_unchanged "$before"
  done
  # from a pipe, `-` is read as before
  printf 'child_id,given_names,family_name,date_of_birth,sex\n,Piped,Child,2018-01-01,U\n' |
    "$ICSCTL" -q import children - >/dev/null 2>&1
  check "import children - from a pipe did not import" test "$("$ICSCTL" list children -o csv | grep -c Piped)" -eq 1
else
  fail "no 'script' (util-linux, Debian bsdutils) for the terminal tests"
fi

# --- TERM=dumb: no colour in what a terminal shows ------------------------------------------------
if command -v script >/dev/null; then
  tty_out=$(TERM=dumb script -qec "$I list children; $I show C99; $I help formats; $I add-chlid" /dev/null </dev/null)
  check "TERM=dumb: colour on a terminal: [$(cat -v <<<"$tty_out" | head -5)]" test "${tty_out/$'\033['/}" = "$tty_out"
  tty_out=$(TERM=xterm script -qec "$I show C99" /dev/null </dev/null)
  check "TERM=xterm: no colour on a terminal (the check above proves nothing)" test "${tty_out/$'\033['/}" != "$tty_out"
fi

finish
