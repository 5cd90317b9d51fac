#!/usr/bin/env bash
# An option given an empty value is a usage error, never its default (issue 12 item 6). Every
# command, nested ones included, and every option that takes a value are read from the binary's own
# --help, so that a new command or option is tested without editing this file. Each runs with '' (and
# a long option also as --name=): exit 2, the option named on stderr, nothing on stdout, nothing
# written anywhere.
source "$(dirname "$0")/lib.sh"

export HOME="$SCRATCH/home"  # a fallback to the default database would create it under here
mkdir -p "$HOME"

# commands HELP: the subcommands a --help text lists, under its headings other than Options:.
commands() {
  awk '/^[A-Z][A-Za-z ]*:$/ && !/^(Options|Positionals|Examples):$/ { group = 1; next } /^$/ { group = 0 }
       group && /^  [a-z][a-z-]*   */ { print $1 }' <<<"$1"
}
# value_options HELP: the options of a --help text that take a value (a type such as TEXT or INT
# follows the names), as NAMES (-o,--output).
value_options() { awk '/^Options:$/ { on = 1; next } /^[^ ]/ { on = 0 } on && /^  -/ && $2 ~ /^[A-Z][A-Z]+(:.*)?$/ { print $1 }' <<<"$1"; }
# long_name NAMES: the long name of -o,--output, else the only name.
long_name() { local n; for n in ${1//,/ }; do [[ $n == --* ]] && { echo "$n"; return; }; done; echo "${1%%,*}"; }

# empty_refused WHAT ARGS...: icsctl ARGS exits 2 naming the option WHAT and prints nothing on stdout.
empty_refused() {
  local what=$1; shift
  expect_rc 2 "$@"
  expect_err_has "icsctl: error: option '$what' is given an empty value"
  expect_out ""
}

expect_rc 0 init
expect_rc 0 add-child --given-names Amelia --family-name Smith --dob 2019-04-02
expect_rc 0 open-plan C1 --template child-protection --category NEG --start 2026-09-01
before=$(db_snapshot)
files_before=$(find "$SCRATCH" -not -name '.std*' | sort)

# every command path: top-level commands, then what each of them nests, to any depth
expect_rc 0 --help
top_help=$OUT
paths=()
queue=($(commands "$top_help"))
while [ ${#queue[@]} -gt 0 ]; do
  path=${queue[0]}
  queue=("${queue[@]:1}")
  paths+=("$path")
  [ ${#paths[@]} -le 100 ] || { fail "more than 100 commands: ${paths[*]}"; break; }
  expect_rc 0 $path --help
  for nested in $(commands "$OUT"); do queue+=("$path $nested"); done
done

tested=()
# the global options, before the command and after it
for names in $(value_options "$top_help"); do
  long=$(long_name "$names")
  for name in ${names//,/ }; do
    empty_refused "$long" "$name" "" list children
    empty_refused "$long" list children "$name" ""
  done
  empty_refused "$long" "$long=" list children
  tested+=("$long")
done
# each command's own options
for path in "${paths[@]}"; do
  expect_rc 0 $path --help
  for names in $(value_options "$OUT"); do
    long=$(long_name "$names")
    for name in ${names//,/ }; do empty_refused "$long" $path "$name" ""; done
    [[ $long == --* ]] && empty_refused "$long" $path "$long="
    tested+=("$path $long")
  done
done

check "only ${#paths[@]} commands were found: ${paths[*]}" test ${#paths[@]} -ge 25
check "only ${#tested[@]} options were tested" test ${#tested[@]} -ge 40
for want in --db --output --as --color --templates "open-plan --start" "complete-action --date" \
  "report --as-of" "import register --mapping" "import register --rejects" "import children --on-conflict" \
  "log --limit"; do
  check "option '$want' was not tested" grep -qxF -- "$want" < <(printf '%s\n' "${tested[@]}")
done
check "the nested command 'import register' was not found" grep -qx "import register" < <(printf '%s\n' "${paths[@]}")
check "the nested command 'db backup' was not found" grep -qx "db backup" < <(printf '%s\n' "${paths[@]}")

# nothing was written: the database, and no file appeared (no default database, no backup, no rejects)
expect_unchanged "$before"
check "files appeared: $(diff <(echo "$files_before") <(find "$SCRATCH" -not -name '.std*' | sort))" \
  test "$(find "$SCRATCH" -not -name '.std*' | sort)" = "$files_before"

# a value that is only spaces is a value: the command's own check answers (exit 3)
refused 3 "'worker' must not be empty when given" open-plan C1 --template child-in-need --worker " "

finish
