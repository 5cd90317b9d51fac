#!/usr/bin/env bash
# The terminal (issue 12 item 4), on a real pseudo-terminal made by util-linux `script`: colour and
# the progress line appear there and never into a pipe or a file; each stream's colour follows that
# stream; NO_COLOR and TERM=dumb turn colour off, --color always and CLICOLOR_FORCE turn it on into
# a pipe; a wide table fits a 60-column terminal and is not cut into a pipe.
source "$(dirname "$0")/lib.sh"
unset NO_COLOR CLICOLOR_FORCE FORCE_COLOR COLUMNS
export TERM=xterm
ESC=$'\033['

has() { [[ "$1" == *"$2"* ]]; }
lacks() { [[ "$1" != *"$2"* ]]; }
# on_tty COMMAND: runs the shell COMMAND with stdout and stderr on a terminal; what it shows is in $TTY.
on_tty() { TTY=$(script -qec "$1" /dev/null </dev/null); }
# widest TEXT: the most columns (code points) of a line of TEXT, carriage returns dropped.
widest() {
  python3 -c 'import re, sys; print(max(len(re.sub(r"\x1b\[[0-9;]*[A-Za-z]|\r", "", l)) for l in sys.stdin.read().split("\n")))' <<<"$1"
}

command -v script >/dev/null || { fail "no 'script' (util-linux, Debian bsdutils)"; finish; exit; }
I=$(printf '%q' "$ICSCTL")

expect_rc 0 init
expect_rc 0 add-child --given-names "Amelia Rose Evangeline Harriet" --family-name "Montgomery-Fotheringham-Smythe" \
  --dob 2019-04-02 --sex F --nhs-number "943 476 5919" --ethnicity WBRI --ref CPR-0000042
expect_rc 0 add-child --given-names Tom --family-name Jones --dob 2015-01-01

# --- colour: a terminal gets it; a pipe or a file does not; each stream decides for itself ------------
on_tty "$I list children"
check "list on a terminal: no bold header: [$(cat -v <<<"$TTY")]" has "$TTY" "${ESC}1mchild_"
on_tty "$I show C99"
check "an error on a terminal: no red prefix: [$(cat -v <<<"$TTY")]" has "$TTY" "icsctl: ${ESC}1;31merror:"
on_tty "$I show C99 2>err.txt"
check "stderr into a file is coloured: [$(cat -v err.txt)]" lacks "$(cat err.txt)" "$ESC"
on_tty "$I list children >out.txt"
check "stdout into a file is coloured: [$(cat -v out.txt)]" lacks "$(cat out.txt)" "$ESC"
out=$("$ICSCTL" list children 2>&1 | cat)
check "list into a pipe is coloured" lacks "$out" "$ESC"
out=$("$ICSCTL" show C99 2>&1 | cat)
check "an error into a pipe is coloured" lacks "$out" "$ESC"

# --- the environment and --color ----------------------------------------------------------------
for setting in NO_COLOR=1 TERM=dumb "NO_COLOR=1 CLICOLOR_FORCE=1"; do
  on_tty "env $setting $I list children; env $setting $I show C99"
  check "$setting: colour on a terminal: [$(cat -v <<<"$TTY")]" lacks "$TTY" "$ESC"
done
on_tty "NO_COLOR=1 $I --color always show C99"
check "--color always under NO_COLOR: no colour" has "$TTY" "${ESC}1;31m"
on_tty "$I --color never list children; $I --color never show C99"
check "--color never: colour on a terminal" lacks "$TTY" "$ESC"
for setting in "--color always" "CLICOLOR_FORCE=1" "FORCE_COLOR=1"; do
  if [[ "$setting" == --* ]]; then flags=($setting) envs=(); else flags=() envs=("$setting"); fi
  out=$(env "${envs[@]}" "$ICSCTL" "${flags[@]}" list children | cat)
  check "$setting: a table into a pipe is not coloured" has "$out" "${ESC}1mchild_id"
  out=$(env "${envs[@]}" "$ICSCTL" "${flags[@]}" show C99 2>&1 | cat)
  check "$setting: an error into a pipe is not coloured" has "$out" "${ESC}1;31m"
done
out=$(CLICOLOR_FORCE=0 FORCE_COLOR=0 "$ICSCTL" show C99 2>&1 | cat)
check "CLICOLOR_FORCE=0 colours a pipe" lacks "$out" "$ESC"

# --- width: a table fits the terminal; into a pipe it is not cut ---------------------------------
wide=$("$ICSCTL" list children | cat)
check "the table is narrower than 61 columns anyway: $(widest "$wide")" test "$(widest "$wide")" -gt 60
on_tty "stty cols 60; $I list children"
check "stty cols 60: a line is $(widest "$TTY") columns: [$TTY]" test "$(widest "$TTY")" -le 60
check "stty cols 60: no cell was cut with an ellipsis" has "$TTY" "…"
check "stty cols 60: the short row lost its id" has "$TTY" "C2"
on_tty "COLUMNS=60 $I list children"
check "COLUMNS=60: a line is $(widest "$TTY") columns" test "$(widest "$TTY")" -le 60
out=$(COLUMNS=60 "$ICSCTL" list children | cat)
check "COLUMNS=60 cut a table into a pipe" test "$out" = "$wide"
on_tty "$I list children -o csv"
check "csv on a terminal was cut" has "$TTY" "Montgomery-Fotheringham-Smythe"

# --- progress: drawn on a terminal's stderr, never into a pipe or a file, nor with --quiet ----------
python3 - <<'PY'
with open("children.csv", "w") as f:
    f.write("child_id,given_names,family_name,date_of_birth,sex\n")
    for i in range(2500):
        f.write(f",Child{i},Family{i},2015-01-01,U\n")
PY
python3 "$ICS_SOURCE_DIR/scripts/gen-register.py" 40 7 export.csv >/dev/null
cp "$ICS_SOURCE_DIR/schemas/mappings/legacy-register.yaml" mapping.yaml
on_tty "$I import register export.csv --mapping mapping.yaml --dry-run"
check "import register on a terminal drew no progress: [$(cat -v <<<"$TTY")]" has "$TTY" $'\rimport register: '
check "the progress line was not erased before the summary" has "$TTY" $'\r\033[Kdry run of'
on_tty "$I import children children.csv --on-conflict skip"
check "import children on a terminal drew no progress: [$(cat -v <<<"$TTY" | head -c 400)]" \
  has "$TTY" $'\rimport children: '
check "import children's progress had no percentage" has "$TTY" "% (1000 rows"
expect_rc 0 list children -o csv
check "import children on a terminal imported $(($(wc -l <<<"$OUT") - 1)) children" test "$(wc -l <<<"$OUT")" -eq 2503
on_tty "$I import children children.csv --on-conflict skip --quiet; $I -q import register export.csv --mapping mapping.yaml --dry-run"
check "--quiet drew progress: [$(cat -v <<<"$TTY")]" lacks "$TTY" "import children:"
check "--quiet drew progress" lacks "$TTY" "import register:"
on_tty "TERM=dumb $I import register export.csv --mapping mapping.yaml --dry-run"
check "TERM=dumb drew progress" lacks "$TTY" "import register:"
on_tty "$I import children children.csv --on-conflict skip 2>err.txt; $I import register export.csv --mapping mapping.yaml --dry-run 2>>err.txt"
check "progress into a file: [$(cat -v err.txt | head -c 400)]" lacks "$(cat err.txt)" "import children:"
check "progress into a file" lacks "$(cat err.txt)" "import register:"
check "progress into a file" lacks "$(cat err.txt)" $'\r'
out=$("$ICSCTL" import children children.csv --on-conflict skip 2>&1 | cat; "$ICSCTL" import register export.csv --mapping mapping.yaml --dry-run 2>&1 | cat)
check "progress into a pipe: [$(cat -v <<<"$out" | head -c 400)]" lacks "$out" "import children:"
check "progress into a pipe" lacks "$out" "import register:"
check "the imports into a pipe did not run" has "$out" "imported children from children.csv"

finish
