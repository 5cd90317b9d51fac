# Shared helpers for the end-to-end tests. Each test_*.sh sources this file, runs the built binary
# ($ICSCTL, set by ctest) in a scratch directory, and ends with `finish`.
set -u
: "${ICSCTL:?ICSCTL must point at the built icsctl}"
: "${ICS_SOURCE_DIR:?}"
: "${ICS_GOLDEN:=$ICS_SOURCE_DIR/tests/golden}"

# Files made here are owner-only, as icsctl makes its own: a database a test writes with sqlite3 is
# then one icsctl opens (it refuses a database others could read: README, "Files and permissions").
umask 077
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
cd "$SCRATCH" || exit 1
export ICSCTL_DB="$SCRATCH/ics.db" ICSCTL_TODAY=2026-11-22 ICSCTL_USER=tester NO_COLOR=1
unset ICSCTL_TEMPLATES XDG_DATA_HOME
unset ICSCTL_REPORTS
# Not the configuration file of whoever runs the tests (README "Configuration"): none, unless a test writes one.
unset ICSCTL_CONFIG; export XDG_CONFIG_HOME="$SCRATCH/.config"
FAILURES=0
CHECKS=0

fail() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }

# run CMD...: runs icsctl, keeping stdout in $OUT, stderr in $ERR and the exit code in $RC.
run() {
  OUT=$("$ICSCTL" "$@" 2>"$SCRATCH/.stderr"); RC=$?
  ERR=$(cat "$SCRATCH/.stderr")
}

# check WHAT CMD...: CMD succeeds, else the failure is WHAT.
check() { local what=$1; shift; CHECKS=$((CHECKS + 1)); "$@" || fail "$what"; }

# expect_rc CODE CMD...: runs icsctl and checks its exit code.
expect_rc() {
  local want=$1; shift
  run "$@"; CHECKS=$((CHECKS + 1))
  [ "$RC" -eq "$want" ] || fail "icsctl $* exited $RC, wanted $want; stderr: $ERR"
}

# expect_out TEXT: the last run's stdout equals TEXT exactly.
expect_out() {
  CHECKS=$((CHECKS + 1))
  [ "$OUT" == "$1" ] || fail "stdout was [$OUT], wanted [$1]"
}

# expect_err_has TEXT: the last run's stderr contains TEXT.
expect_err_has() {
  CHECKS=$((CHECKS + 1))
  [[ "$ERR" == *"$1"* ]] || fail "stderr [$ERR] lacks [$1]"
}

# expect_out_has TEXT: the last run's stdout contains TEXT.
expect_out_has() {
  CHECKS=$((CHECKS + 1))
  [[ "$OUT" == *"$1"* ]] || fail "stdout lacks [$1]: [$OUT]"
}

# expect_eq WHAT GOT WANT: GOT (say, a value read with sqlite3) is WANT.
expect_eq() {
  CHECKS=$((CHECKS + 1))
  [ "$2" == "$3" ] || fail "$1: got [$2], wanted [$3]"
}

# expect_golden NAME: the last run's stdout equals tests/golden/NAME (UPDATE_GOLDEN=1 rewrites it).
expect_golden() {
  CHECKS=$((CHECKS + 1))
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then printf '%s\n' "$OUT" >"$ICS_GOLDEN/$1"; return; fi
  [ -f "$ICS_GOLDEN/$1" ] || { fail "no golden file $1"; return; }
  diff <(printf '%s\n' "$OUT") "$ICS_GOLDEN/$1" >"$SCRATCH/.diff" || fail "output differs from golden $1: $(head -20 "$SCRATCH/.diff")"
}

# db_snapshot: a text dump of the database, to prove a failed command changed nothing.
# A database sqlite3 cannot read gives a different text each time, so that the check fails.
db_snapshot() { sqlite3 "$ICSCTL_DB" .dump 2>/dev/null || echo "unreadable database $RANDOM$RANDOM"; }

# expect_unchanged BEFORE: the database dump equals BEFORE.
expect_unchanged() {
  CHECKS=$((CHECKS + 1))
  [ "$(db_snapshot)" == "$1" ] || fail "the database changed"
}

# refused CODE TEXT ARGS...: icsctl ARGS exits CODE, stderr has TEXT, stdout is empty and the
# database is byte-for-byte unchanged.
refused() {
  local code=$1 text=$2
  shift 2
  local before
  before=$(db_snapshot)
  expect_rc "$code" "$@"
  expect_err_has "$text"
  expect_out ""
  expect_unchanged "$before"
}

# command_paths [ICSCTL]: every command that --help leads to, nested ones as "import children", one
# a line, found by walking each command's --help (the names listed under its headings).
command_paths() {
  local bin=${1:-$ICSCTL} parent name
  local -a queue=("")
  while [ ${#queue[@]} -gt 0 ]; do
    parent=${queue[0]}
    queue=("${queue[@]:1}")
    for name in $("$bin" $parent --help | awk '/^[A-Z][A-Za-z ]*:$/ && !/^(Options|Positionals|Examples):$/ { list = 1; next }
                                             /^$/ { list = 0 } list && /^  [a-z]/ { print $1 }'); do
      echo "${parent:+$parent }$name"
      queue+=("${parent:+$parent }$name")
    done
  done
}

finish() {
  local passed=$((CHECKS - FAILURES))
  echo "$passed passed, $FAILURES failed"
  [ "$FAILURES" -eq 0 ]
}
