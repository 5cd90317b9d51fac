#!/usr/bin/env bash
# `icsctl completion bash|zsh|fish` (issue 16 items 7, 10): each script is valid in its shell, and
# completes, from the words typed, commands, nested commands, options, option values, report and
# template names and ids from the database, through the hidden `icsctl __complete KIND PREFIX`.
# bash is fed COMP_WORDS as bash would; fish completes with its own `complete -C`; zsh runs the
# script's function with its completion builtins stood in for by functions that print.
source "$(dirname "$0")/lib.sh"

# A database of 12 children (C1-C12), C1 with a plan (P1, E1, I1, actions A1-A9).
expect_rc 0 init
for i in $(seq 1 12); do expect_rc 0 add-child --given-names "Child" --family-name "Number$i" --dob 2019-04-02; done
expect_rc 0 open-plan C1 --template child-protection --category NEG --start 2025-12-19
mkdir -p bin && ln -s "$ICSCTL" bin/icsctl
export PATH="$SCRATCH/bin:$PATH"
lines() { printf '%s\n' "$@"; }

# --- __complete: what the scripts ask ------------------------------------------------------------
expect_rc 0 __complete child C1
expect_out "$(lines C1 C10 C11 C12)"
expect_rc 0 __complete id P
expect_out "P1"
expect_rc 0 __complete action A
expect_out "$(lines A1 A2 A3 A4 A5 A6 A7 A8 A9)"
expect_rc 0 __complete episode ""
expect_out "E1"
expect_rc 0 __complete report assu
expect_out "assumed-safe"
expect_rc 0 __complete template child-
expect_out "$(lines child-in-need child-protection)"
expect_rc 0 __complete child P1   # the wrong letter for the kind
expect_out ""
expect_rc 0 __complete nonsense x
expect_out ""
# never loud: no database, a database others may read, nothing on stderr and exit 0
ICSCTL_DB=$SCRATCH/none.db expect_rc 0 __complete child C
expect_out ""
check "__complete without a database said [$ERR]" test -z "$ERR"
check "no database was made by __complete" test ! -e "$SCRATCH/none.db"
# restricted children are not offered (as they are left out of lists)
expect_rc 0 restrict C12 --reason "test"
expect_rc 0 -q __complete child C1
expect_out "$(lines C1 C10 C11)"
# hidden: not in --help
expect_rc 0 --help
check "--help lists __complete" test "${OUT/__complete/}" = "$OUT"
check "--help lists __man" test "${OUT/__man/}" = "$OUT"

# --- bash ----------------------------------------------------------------------------------------
expect_rc 0 completion bash
printf '%s\n' "$OUT" >icsctl.bash
check "bash -n: the bash script is not valid: $(bash -n icsctl.bash 2>&1)" bash -n icsctl.bash
# on_bash WORD...: COMPREPLY, sorted, one a line, for the words typed (the last being completed).
on_bash() {
  bash -c 'source ./icsctl.bash; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _icsctl; printf "%s\n" "${COMPREPLY[@]}" | sort' \
    _ icsctl "$@"
}
expect_bash() { # WANT WORD...: the completions of the words are WANT (lines)
  local want=$1 got
  shift
  got=$(on_bash "$@")
  CHECKS=$((CHECKS + 1))
  [ "$got" == "$want" ] || fail "bash: icsctl $* completed [$got], wanted [$want]"
}
expect_bash "add-child" add-ch
expect_bash "$(lines assumed-safe)" report assu
expect_bash "$(lines C1 C10 C11)" show C1
expect_bash "$(lines C1 C10 C11)" report chronology C1
expect_bash "$(lines C1 C10 C11)" list plans --child C1
expect_bash "$(lines P1)" assign-action P
expect_bash "children" import ch
expect_bash "$(lines check list show)" templates ""
expect_bash "$(lines child-in-need child-protection)" open-plan C2 --template ch
expect_bash "$(lines F M U)" add-child --sex ""
expect_bash "$(lines csv json markdown ndjson table tsv)" -o ""
expect_bash "$(lines csv)" --output = cs   # --output=cs: bash splits the word at '='
expect_bash "$(lines csv)" list children -o cs
expect_bash "$(lines --given-names)" add-child --giv
expect_bash "$(lines --wait)" add-child --wa   # a global option after the command
expect_bash "$(lines bash fish zsh)" completion ""
expect_bash "$(lines formats)" help form
expect_bash "" --db "$SCRATCH/none.db" show C   # the database named on the command line is asked
expect_bash "$(lines error skip update)" import children x.csv --on-conflict ""
touch report-file.csv
expect_bash "report-file.csv" import children rep

# --- zsh -----------------------------------------------------------------------------------------
if command -v zsh >/dev/null; then
  expect_rc 0 completion zsh
  printf '%s\n' "$OUT" >_icsctl
  check "zsh -n: the zsh script is not valid: $(zsh -n _icsctl 2>&1)" zsh -n _icsctl
  on_zsh() { # WORD...: what the script offers, names only, sorted
    zsh -fc '
      compadd() { [[ $1 == -a ]] && print -rl -- "${(@P)2}" }
      _describe() { print -rl -- "${(@)${(@P)${@[-1]}}%%:*}" }
      _files() { print -r -- "(files)" }
      compset() { PREFIX=${PREFIX#*=} }
      compdef() { : }
      source ./_icsctl
      words=(icsctl "$@"); CURRENT=$#words; PREFIX=${words[-1]}
      _icsctl' _ "$@" | sort
  }
  expect_zsh() {
    local want=$1 got
    shift
    got=$(on_zsh "$@")
    CHECKS=$((CHECKS + 1))
    [ "$got" == "$want" ] || fail "zsh: icsctl $* offered [$(head -c 300 <<<"$got")], wanted [$want]"
  }
  got=$(on_zsh add-ch)
  check "zsh: the commands offered lack add-child: [$got]" grep -qx add-child <<<"$got"
  expect_zsh "$(lines assessments children conferences enquiries episodes plans register reviews actions | sort)" import ch
  expect_zsh "$(lines C1 C10 C11)" show C1
  expect_zsh "$(lines F M U)" add-child --sex ""
  expect_zsh "$(lines csv json markdown ndjson table tsv)" --output=c
  expect_zsh "$(lines child-in-need child-protection)" open-plan C2 --template ch
  expect_zsh "(files)" import children ""
else
  echo "SKIPPED: no zsh, so the zsh script is not checked (scripts/test.sh installs zsh)" >&2
fi

# --- fish ----------------------------------------------------------------------------------------
if command -v fish >/dev/null; then
  expect_rc 0 completion fish
  printf '%s\n' "$OUT" >icsctl.fish
  check "fish -n: the fish script is not valid: $(fish -n icsctl.fish 2>&1)" fish -n icsctl.fish
  on_fish() { # COMMAND LINE: fish's completions of it, names only, sorted
    HOME=$SCRATCH fish --no-config -c "source ./icsctl.fish; complete -C '$1'" 2>&1 | cut -f1 | sort
  }
  expect_fish() {
    local want=$1 got
    got=$(on_fish "$2")
    CHECKS=$((CHECKS + 1))
    [ "$got" == "$want" ] || fail "fish: [$2] completed [$(head -c 300 <<<"$got")], wanted [$want]"
  }
  expect_fish "add-child" "icsctl add-ch"
  expect_fish "assumed-safe" "icsctl report assu"
  expect_fish "$(lines C1 C10 C11)" "icsctl show C1"
  expect_fish "children" "icsctl import ch"
  expect_fish "$(lines F M U)" "icsctl add-child --sex "
  expect_fish "--given-names" "icsctl add-child --giv"
  expect_fish "$(lines C1 C10 C11)" "icsctl list plans --child C1"
else
  echo "SKIPPED: no fish, so the fish script is not checked (scripts/test.sh installs fish)" >&2
fi

finish
