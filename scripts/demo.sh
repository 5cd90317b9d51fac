#!/usr/bin/env bash
# Sets everything up, builds a demo database from a realistic sample and prints the reports.
# Usage: scripts/demo.sh [DB]   (default build/demo.db, made afresh)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
icsctl() { build/cmd/icsctl "$@"; }
db=${1:-build/demo.db}
rm -f "$db" "$db-wal" "$db-shm"
export ICSCTL_DB=$db ICSCTL_USER=demo
day() { date -d "$1" +%F; }  # a date relative to today, e.g. day "-40 days"
# The weekday on or before a day relative to today: a child protection plan starts at a conference, and
# conferences are not held at weekends (census rule 8875).
weekday() {
  local d
  d=$(day "$1")
  while [ "$(date -d "$d" +%u)" -gt 5 ]; do d=$(date -d "$d -1 day" +%F); done
  echo "$d"
}

icsctl init
# Children: a school-age child, a toddler, siblings and an unborn baby.
c1=$(icsctl add-child --given-names "Amelia Rose" --family-name Smith --dob 2016-04-02 --sex F \
      --nhs-number "943 476 5919" --upn R202456789012 --ethnicity WBRI --disabilities NONE)
c2=$(icsctl add-child --given-names Noah --family-name "O'Connor" --dob "$(day '-2 years -3 months')" --sex M \
      --ethnicity MWBC --disabilities NONE)
c3=$(icsctl add-child --given-names Zoë --family-name "Ó Briain" --dob 2012-09-14 --sex F --nhs-number 4010232137 \
      --ethnicity WIRI --disabilities NONE)
c4=$(icsctl add-child --given-names Leo --family-name "Ó Briain" --dob 2014-01-30 --sex M \
      --ethnicity WIRI --disabilities COMM)
c5=$(icsctl add-child --given-names Unborn --family-name Kowalski --expected-dob "$(day '+3 months')" --sex U \
      --ethnicity NOBT)

# Child protection plans of different ages, and a child in need plan.
p1=$(icsctl open-plan "$c1" --template child-protection --category NEG --start "$(weekday '-200 days')" \
      --worker "Sam Patel" --team "CP Team A")
p2=$(icsctl open-plan "$c2" --template child-protection --category PHY --start "$(weekday '-20 days')" \
      --worker "Jo Lewis" --team "0-5 Team")
# A child in need plan stepped up to a child protection plan on the day it ended (the two never overlap).
p5=$(icsctl open-plan "nhs:4010232137" --template child-in-need --start "$(day '-700 days')" --worker "Ria Shah")
icsctl record-review "$p5" --date "$(day '-500 days')" >/dev/null
icsctl close-plan --yes "$p5" --end "$(weekday '-400 days')" --reason other
p3=$(icsctl open-plan "$c3" --template child-protection --category EMO --start "$(weekday '-400 days')" \
      --worker "Sam Patel" --team "CP Team A")
p4=$(icsctl open-plan "$c4" --template child-in-need --start "$(day '-60 days')" --worker "Ria Shah" \
      --team "Children in Need (North)")

# Work across agencies: some done, some cancelled, some overdue.
icsctl assign-action "$p1" --what "Paediatric review of weight and growth" --owner "Dr Ann Lee" --agency health \
  --due "$(day '-30 days')" --section health >/dev/null
a=$(icsctl assign-action "$p1" --what "Daily attendance report to the social worker" --owner "Mr Khan" \
  --agency education --due "$(day '-10 days')" --section education)
icsctl complete-action "$a" --date "$(day '-12 days')"
icsctl assign-action "$p2" --what "Police check of new partner" --owner "DC Hughes" --agency police \
  --due "$(day '+5 days')" >/dev/null
a=$(icsctl assign-action "$p3" --what "CAMHS assessment" --owner "Dr Obi" --agency health --due "$(day '-90 days')")
icsctl cancel-action "$a" --reason "Replaced by school counselling"
icsctl list actions --plan "$p1" --status open -o tsv | tail -n +2 | head -3 | cut -f1 |
  while read -r id; do icsctl complete-action "$id" --date "$(day '-150 days')"; done

# Reviews: core groups, visits, review conferences (one changes the category).
icsctl record-review "$p1" --kind core-group --date "$(day '-190 days')" >/dev/null
icsctl record-review "$p1" --date "$(day '-110 days')" --outcome "Plan continues" >/dev/null
icsctl record-review "$p3" --date "$(day '-310 days')" --category MUL --outcome "Plan continues" >/dev/null
icsctl record-review "$p3" --kind visit --date "$(day '-5 days')" >/dev/null

for report in register open-plans overdue-actions reviews-due caseload; do
  printf '\n== icsctl report %s\n' "$report"
  icsctl report "$report"
done
printf '\n== icsctl report chronology %s\n' "$c3"
icsctl report chronology "$c3"

# A month at the front door: referrals to plans, and the two questions the register could not answer.
scripts/demo-front-door.sh build/cmd/icsctl "$db"

# Migrating a legacy register: a generated export of 5,000 registrations (messy rows included) into
# a database of its own, then the migration report and the register as it stood on the export date.
legacy=build/demo-register.db
rm -f "$legacy" "$legacy-wal" "$legacy-shm"
python3 scripts/gen-register.py 5000 7 build/demo-register.csv
icsctl --db "$legacy" init -q
printf '\n== icsctl import register build/demo-register.csv --mapping legacy-register\n'
icsctl --db "$legacy" import register build/demo-register.csv --mapping legacy-register \
  --rejects build/demo-rejects.csv -o json || true
printf '\n== first rejected rows (build/demo-rejects.csv)\n'
head -6 build/demo-rejects.csv
printf '\n== icsctl report migration\n'
icsctl --db "$legacy" report migration
icsctl --db "$legacy" report register --as-of 2024-03-31 >build/demo-register.txt
printf '\n== icsctl report register --as-of 2024-03-31 (first 10 of %s)\n' "$(($(wc -l <build/demo-register.txt) - 1))"
head -11 build/demo-register.txt

# The children in need census of the demo authority for the census year under way (1 April to 31 March):
# the return settings, the census rules, then the XML.
census_year=$(date +%Y)
[ "$(date +%m)" -ge 4 ] && census_year=$((census_year + 1))
icsctl -q settings set la_code 202
icsctl -q settings set software_code icsctl
icsctl -q settings set release "$(build/cmd/icsctl --version | cut -d' ' -f2)"
icsctl -q settings set serial_no 001
printf '\n== icsctl check census --year %s (first 15 findings)\n' "$census_year"
icsctl check census --year "$census_year" | head -16 || true
# The findings are queries (children of school age with no UPN recorded, assessments and an enquiry
# running late), which do not stop the census; an error would (exit 3, nothing written) unless --force.
printf '\n== icsctl export cin-census --year %s --out build/demo-cin-census.xml\n' "$census_year"
if ! icsctl export cin-census --year "$census_year" --out build/demo-cin-census.xml; then
  echo "(the census rules found errors on today's dates: written anyway with --force)"
  icsctl export cin-census --year "$census_year" --out build/demo-cin-census.xml --force
fi
printf 'census XML of the demo authority: %s\n' build/demo-cin-census.xml

# Ofsted's Annex A lists 3-7 for an inspection today: the six months before it.
annex_from=$(date -d '6 months ago' +%F) annex_to=$(date +%F)
printf '\n== icsctl export annex-a --from %s --to %s --out build/demo-annex-a.xlsx\n' "$annex_from" "$annex_to"
icsctl export annex-a --from "$annex_from" --to "$annex_to" --out build/demo-annex-a.xlsx
printf 'Annex A workbook of the demo authority: %s (list 7, child protection:)\n' build/demo-annex-a.xlsx
icsctl export annex-a --from "$annex_from" --to "$annex_to" --list 7 | head -6

printf '\ndemo databases: %s and %s (try: ICSCTL_DB=%s build/cmd/icsctl report overdue-actions -o json)\n' \
  "$db" "$legacy" "$db" >&2
