#!/usr/bin/env bash
# Help, version and usage errors (issue 2 item 11): every subcommand's --help ends with examples
# (run by test_help_examples.sh), and a bad command line is exit 2 before the database is touched.
source "$(dirname "$0")/lib.sh"

# --- version -----------------------------------------------------------------------------------
expect_rc 0 --version
[[ "$OUT" =~ ^icsctl\ [0-9]+\.[0-9]+\.[0-9]+\ \(schema\ version\ [1-9][0-9]*\)$ ]]
check "--version printed [$OUT]" test $? = 0
expect_out_has "schema version"

# --- top-level help ----------------------------------------------------------------------------
expect_rc 0 --help
help=$OUT
# the commands are listed in groups ("Commands that change the database:" ...), two spaces in
commands=$(awk '/^[A-Z][a-z ]*:$/ && !/^Options:$/ { group = 1; next } /^$/ { group = 0 } group && /^  [a-z]/ { print $1 }' <<<"$help")
check "icsctl --help lists no subcommands" test -n "$commands"
for core in init add-child open-plan assign-action complete-action cancel-action record-review \
  close-plan show list report templates db log; do
  check "icsctl --help does not list $core" grep -qx -- "$core" <<<"$commands"
done
expect_out_has "Exit codes: 0 ok, 1 runtime or storage error, 2 usage error, 3 invalid input, 4 not found"
expect_rc 0 -h
check "-h differs from --help" test "$OUT" = "$help"

# --- each subcommand's --help ends with examples, and each runs: tests/e2e/test_help_examples.sh ----
expect_rc 0 add-child --help
expect_out_has "Examples:
  # add a girl born on 2 April 2019, with her NHS number; prints her new id
  icsctl add-child --given-names"
expect_rc 0 init
expect_rc 0 add-child --given-names "Amelia Rose" --family-name Smith --dob 2019-04-02 --sex F

# --- global options before the command: main sets up only the command it finds after them --------
expect_rc 0 --as report -o csv list children  # the value of --as is not taken for the command
expect_out_has "child_id,given_names,family_name"
expect_rc 0 -ocsv --db="$ICSCTL_DB" -q list children
expect_out_has "child_id,given_names,family_name"
expect_rc 0 -q --color never report --help
expect_out_has "report name (see --list)"
expect_rc 0 report --list -o csv
expect_out_has "chronology"

# --- usage errors: exit 2 with `icsctl: error:`, nothing on stdout, no database touched ------------
before=$(db_snapshot)
usage() { expect_rc 2 "$@"; expect_err_has "icsctl: error:"; expect_out ""; }
usage
usage bogus-command
expect_err_has "icsctl: error: no command 'bogus-command'"
usage -- list children
usage --db
usage --bogus list children
usage list children --bogus
usage add-child --given-names A
usage show
usage show C1 C2
usage complete-action
usage -o xml list children
usage --color sometimes list children
usage log -n 0
usage log -n many
usage templates
usage db
usage db backup
expect_unchanged "$before"

# --- errors at run time: a bad ICSCTL_TODAY; the error prefix follows --color ------------------------
ICSCTL_TODAY=2026-02-30 expect_rc 3 list children
expect_err_has "'ICSCTL_TODAY' is not a date (YYYY-MM-DD): '2026-02-30'"
expect_rc 4 --color never show C99
check "--color never: stderr [$ERR]" test "$ERR" = "icsctl: error: no child 'C99'"
expect_rc 4 --color always show C99
check "--color always: the error prefix is not coloured: [$(cat -v <<<"$ERR")]" \
  test "$ERR" = $'icsctl: \033[1;31merror:\033[0m no child \'C99\''

finish
