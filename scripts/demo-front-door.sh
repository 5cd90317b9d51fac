#!/usr/bin/env bash
# A month at an authority's front door, for the demo (scripts/demo.sh runs it on its database):
# referrals, some with no further action, assessments, section 47 enquiries, initial conferences with
# and without a plan, a child in need plan, visits, a repeat referral and a step-down, all through the
# episode commands, then the two reports that find the overlooked child and the child assumed safe.
# Usage: scripts/demo-front-door.sh ICSCTL DB   (dates are relative to today)
set -euo pipefail
bin=$1
export ICSCTL_DB=$2 ICSCTL_USER=${ICSCTL_USER:-demo}
icsctl() { "$bin" "$@"; }
day() { date -d "$1" +%F; }
# A weekday on or before the given day: conferences are not held at weekends.
weekday() {
  local d
  d=$(day "$1")
  while [ "$(date -d "$d" +%u)" -gt 5 ]; do d=$(date -d "$d -1 day" +%F); done
  echo "$d"
}
# A child with the census details a front door records: ethnicity and disabilities (NONE).
child() {
  icsctl add-child --given-names "$1" --family-name "$2" --dob "$3" --sex "$4" --ethnicity "${5:-WBRI}" \
    --disabilities "${6:-NONE}"
}

# Mia: a school's referral; the assessment found domestic abuse and parental mental health three
# weeks ago, and no plan has followed (need-without-plan).
c=$(child Mia Hussain 2015-06-11 F)
e=$(icsctl open-referral "$c" --date "$(day '-40 days')" --source 2A --need N1)
icsctl -q start-assessment "$e" --date "$(day '-39 days')" >/dev/null
icsctl -q complete-assessment "$e" --date "$(day '-25 days')" --factors 3B,4B

# Oscar: a police notification with no further action, closed the same day.
c=$(child Oscar Wright 2019-02-03 M)
e=$(icsctl open-referral "$c" --date "$(day '-25 days')" --source 6 --nfa)

# Ava: a health visitor's referral whose assessment was started and never finished (assessment-overdue).
c=$(child Ava Nowak "$(day '-14 months')" F)
e=$(icsctl open-referral "$c" --date "$(day '-80 days')" --source 3B --need N4)
icsctl -q start-assessment "$e" --date "$(day '-78 days')" >/dev/null

# Ethan: a section 47 enquiry after a strategy discussion, past its conference target with no
# conference (enquiry-overdue).
c=$(child Ethan Clarke 2013-11-20 M)
e=$(icsctl open-referral "$c" --date "$(day '-32 days')" --source 6 --need N1)
icsctl -q start-assessment "$e" --date "$(day '-31 days')" >/dev/null
icsctl -q start-enquiry "$e" --date "$(day '-30 days')" >/dev/null

# Lily: referred by her grandmother; enquiry, initial conference, child protection plan; seen alone
# on her last visit.
c=$(child Lily Evans 2017-08-08 F)
e=$(icsctl open-referral "$c" --date "$(day '-24 days')" --source 1A --need N1)
icsctl -q start-assessment "$e" --date "$(day '-23 days')" >/dev/null
icsctl -q start-enquiry "$e" --date "$(day '-22 days')" >/dev/null
p=$(icsctl record-conference "$e" --date "$(weekday '-8 days')" --outcome plan --category PHY \
  --worker "Jo Lewis" --team "CP Team B")
icsctl record-review "$p" --kind core-group --date "$(weekday '-3 days')" >/dev/null
icsctl record-review "$p" --kind visit --date "$(day '-2 days')" --seen yes --seen-alone yes >/dev/null

# Theo: an enquiry whose conference decided on no plan; a child in need plan followed the assessment.
c=$(child Theo Baptiste 2011-03-29 M)
e=$(icsctl open-referral "$c" --date "$(day '-20 days')" --source 2A --need N5)
icsctl -q start-assessment "$e" --date "$(day '-19 days')" >/dev/null
icsctl -q start-enquiry "$e" --date "$(day '-19 days')" >/dev/null
icsctl -q record-conference "$e" --date "$(weekday '-9 days')" --outcome no-plan >/dev/null
icsctl -q complete-assessment "$e" --date "$(day '-6 days')" --factors 4B
icsctl open-plan "$c" --episode "$e" --template child-in-need --start "$(day '-2 days')" --worker "Ria Shah" \
  --team "Children in Need (North)" >/dev/null

# Grace: referred again ten days ago, eight months after her last episode closed (repeat-referral).
c=$(child Grace Okafor 2016-01-15 F)
e=$(icsctl open-referral "$c" --date "$(day '-9 months')" --source 2A --need N5)
icsctl -q start-assessment "$e" --date "$(day '-9 months +1 day')" >/dev/null
icsctl -q complete-assessment "$e" --date "$(day '-8 months')" --factors 21
icsctl -q close-episode "$e" --date "$(day '-8 months +1 day')" --reason RC8
e=$(icsctl open-referral "$c" --date "$(day '-10 days')" --source 5D --need N5)
icsctl -q start-assessment "$e" --date "$(day '-9 days')" >/dev/null

# Jayden: on a plan for eleven weeks; last visited six weeks ago and not seen alone, no core group
# (visit-overdue, not-seen-alone, core-group-overdue).
c=$(child Jayden Price 2014-05-02 M)
e=$(icsctl open-referral "$c" --date "$(day '-90 days')" --source 3E --need N1)
icsctl -q start-assessment "$e" --date "$(day '-89 days')" >/dev/null
icsctl -q start-enquiry "$e" --date "$(day '-88 days')" >/dev/null
icsctl -q complete-assessment "$e" --date "$(day '-70 days')" --factors 16A,3B
p=$(icsctl record-conference "$e" --date "$(weekday '-77 days')" --outcome plan --category NEG \
  --worker "Sam Patel" --team "CP Team A")
icsctl record-review "$p" --kind visit --date "$(day '-42 days')" --seen yes --seen-alone no >/dev/null

# Ruby: her child protection plan ended six weeks ago; the episode is open and no child in need plan
# followed (stepped-down-without-plan).
c=$(child Ruby Adeyemi 2012-12-12 F)
e=$(icsctl open-referral "$c" --date "$(day '-300 days')" --source 2A --need N1)
icsctl -q start-assessment "$e" --date "$(day '-299 days')" >/dev/null
icsctl -q start-enquiry "$e" --date "$(day '-298 days')" >/dev/null
icsctl -q complete-assessment "$e" --date "$(day '-270 days')" --factors 17A
p=$(icsctl record-conference "$e" --date "$(weekday '-285 days')" --outcome plan --category EMO \
  --worker "Sam Patel" --team "CP Team A")
icsctl close-plan --yes "$p" --end "$(day '-42 days')" --reason no-longer-at-risk

# Freddie: self-referred; assessed, nothing found, closed (RC8).
c=$(child Freddie Moore 2009-07-07 M)
e=$(icsctl open-referral "$c" --date "$(day '-27 days')" --source 1C --need N9)
icsctl -q start-assessment "$e" --date "$(day '-26 days')" >/dev/null
icsctl -q complete-assessment "$e" --date "$(day '-12 days')" --factors 21
icsctl -q close-episode "$e" --date "$(day '-10 days')" --reason RC8

for report in unplanned assumed-safe visits-due; do
  printf '\n== icsctl report %s\n' "$report"
  icsctl report "$report"
done
