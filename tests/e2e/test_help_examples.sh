#!/usr/bin/env bash
# Every command's --help ends with examples (schemas/help/examples.yaml), and every example runs as
# written and exits as it says (0 unless its line says "(exit N)"), each command's examples in order
# on a fresh copy of one prepared database: fixed ids, ICSCTL_TODAY, the files the examples read.
# The commands are found by walking --help itself, so that a command nobody gave examples fails here.
source "$(dirname "$0")/lib.sh"

# --- the database the examples are written for (schemas/help/examples.yaml says what it holds) ----
base=$SCRATCH/base
mkdir -p "$base"
export ICSCTL_DB=$base/ics.db
prepare() { expect_rc 0 "$@"; }
prepare init
for setting in "la_code 202" "software_code ICSCTL" "release 0.1" "serial_no 001" "la_name Example"; do
  prepare settings set $setting
done
prepare add-child --given-names Ava --family-name Clarke --dob 2019-04-02 --sex F --nhs-number 4010232137 --ethnicity WBRI --disabilities NONE
prepare add-child --given-names Kai --family-name Brown --dob 2017-05-05 --sex M --ethnicity WBRI --disabilities NONE  # C2
prepare add-child --given-names Lily --family-name Evans --dob 2020-01-15 --sex F --ethnicity WBRI --disabilities NONE # C3
prepare add-child --given-names Mia --family-name Green --dob 2015-06-30 --sex F --ethnicity WBRI --disabilities NONE  # C4
prepare add-child --given-names Leo --family-name Hall --dob 2018-02-11 --sex M --ref CPR-0000042 --ethnicity WBRI --disabilities NONE
prepare add-child --given-names Zoe --family-name King --dob 2016-08-08 --sex F --ethnicity WBRI --disabilities NONE   # C6
prepare add-child --given-names Sam --family-name Lee --dob 2014-03-03 --sex M --ethnicity WBRI --disabilities NONE    # C7
prepare add-child --given-names Ivy --family-name Moss --dob 2013-09-09 --sex F --ethnicity WBRI --disabilities NONE   # C8
prepare add-child --given-names Max --family-name Ward --dob 2012-12-12 --sex M --ethnicity WBRI --disabilities NONE   # C9
prepare add-child --given-names Ben --family-name Ford --dob 2011-11-11 --sex M --ethnicity WBRI --disabilities NONE   # C10
prepare open-plan C1 --template child-protection --category NEG --start 2025-12-19 --worker "Sam Patel" \
  --team "CP Team A"                                                  # P1, its episode E1, A1-A9
prepare record-review P1 --date 2026-01-07 --kind core-group                    # R1
prepare open-referral C7 --date 2026-03-02 --source 3A --need N1                # E2: referred
prepare open-referral C8 --date 2026-03-02 --source 3A --need N1                # E3: assessed, enquiry
prepare start-assessment E3 --date 2026-03-03
prepare start-enquiry E3 --date 2026-03-04
prepare open-referral C9 --date 2026-03-02 --source 3A --need N1                # E4: referred
prepare open-referral C10 --date 2026-03-02 --source 3A --need N1               # E5: enquiry
prepare start-enquiry E5 --date 2026-03-04
prepare restrict C6 --reason "Restricted in the examples' database"
cd "$base" || exit 1
for kind in children episodes assessments enquiries conferences reviews; do
  "$ICSCTL" --include-restricted export $kind >$kind.csv
done
"$ICSCTL" --include-restricted export plans -o ndjson >plans.ndjson
"$ICSCTL" --include-restricted export actions -o tsv >actions.tsv
python3 "$ICS_SOURCE_DIR/scripts/gen-register.py" 40 7 export.csv >/dev/null
cp "$ICS_SOURCE_DIR/schemas/mappings/legacy-register.yaml" my-mapping.yaml
"$ICSCTL" templates show child-in-need >my-plan.yaml
"$ICSCTL" reports show caseload | sed 's/^name: caseload$/name: my-caseload/' >my-caseload.yaml
cd "$SCRATCH" || exit 1
check "the base database has no plan P1" "$ICSCTL" show P1 -o csv

# --- every command, from --help down --------------------------------------------------------------
mapfile -t commands < <(command_paths)
check "only ${#commands[@]} commands found in --help" test ${#commands[@]} -ge 60
for wanted in "add-child" "import children" "templates show" "list plans" "help" "completion" "version"; do
  check "--help does not lead to '$wanted'" printf '%s\n' "${commands[@]}" | grep -qx "$wanted"
done

# --- each has examples, last in its --help ----------------------------------------------------------
declare -A examples
missing=()
for cmd in "${commands[@]}"; do
  text=$("$ICSCTL" $cmd --help)
  section=$(awk '/^Examples:$/ { found = 1; next } found' <<<"$text")
  if [ -z "$section" ]; then
    missing+=("$cmd")
    continue
  fi
  check "$cmd --help: the Examples section holds other lines: [$section]" \
    test -z "$(grep -v '^  # ' <<<"$section" | grep -v '^  [a-z(]' | grep -v '^$')"
  examples[$cmd]=$section
done
CHECKS=$((CHECKS + 1))
[ ${#missing[@]} -eq 0 ] || fail "commands whose --help has no examples: ${missing[*]} (add them to schemas/help/examples.yaml)"

# --- run them: each command's in order, on a fresh copy of the base --------------------------------
icsctl() { "$ICSCTL" "$@"; }
ran=0
for cmd in "${commands[@]}"; do
  [ -n "${examples[$cmd]:-}" ] || continue
  work=$SCRATCH/run/${cmd// /-}
  mkdir -p "$work/home"
  cp -p "$base"/* "$work"/
  want=0
  while IFS= read -r line; do
    case $line in
      "  # "*)
        want=0
        [[ $line =~ \(exit\ ([0-9]+)\)$ ]] && want=${BASH_REMATCH[1]}
        ;;
      "  "?*)
        example=${line#  }
        CHECKS=$((CHECKS + 1))
        (cd "$work" && HOME=$work/home ICSCTL_DB=$work/ics.db eval "$example") >"$work/.out" 2>"$work/.err"
        rc=$?
        ran=$((ran + 1))
        [ "$rc" -eq "$want" ] || fail "$cmd: example exited $rc, wanted $want: $example; stderr: $(head -c 600 "$work/.err")"
        ;;
    esac
  done <<<"${examples[$cmd]}"
done
check "only $ran examples ran" test "$ran" -ge 100

finish
