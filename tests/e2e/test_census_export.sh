#!/usr/bin/env bash
# export cin-census (issue 14 items 2 and 8): the census XML of a small authority written for the
# purpose (census_fixture.sql: every element, codes of every list, records inside and outside the
# period, a migrated register plan, an unborn child, a transfer-in) against a golden file; well formed,
# elements in the order of returns-spec §1.3, none empty; the header from the settings; --out
# owner-only and never partial; refused with exit 3 when the census rules find an error, unless --force.
source "$(dirname "$0")/lib.sh"

check() { local what=$1; shift; CHECKS=$((CHECKS + 1)); "$@" || fail "$what"; }
settings() { sqlite3 "$ICSCTL_DB" "$1" || fail "settings did not load"; }

expect_rc 0 init -q
sqlite3 "$ICSCTL_DB" <"$ICS_SOURCE_DIR/tests/e2e/census_fixture.sql" || fail "the fixture did not load"

# --- the header's settings ------------------------------------------------------------------------
refused 4 "setting 'la_code' is not set: icsctl settings set la_code" export cin-census --year 2026
expect_rc 0 settings set la_code 202
expect_rc 0 settings set software_code icsctl
expect_rc 0 settings set release 1.0
refused 4 "setting 'serial_no' is not set: icsctl settings set serial_no" export cin-census --year 2026
expect_rc 0 settings set serial_no 001

# --- usage and bad values -------------------------------------------------------------------------
expect_rc 2 export cin-census
expect_err_has "--year is required"
refused 3 "--year" export cin-census --year 1999
refused 3 "'--la'" export cin-census --year 2026 --la 12
refused 3 "'--la'" export cin-census --year 2026 --la 000
expect_rc 2 export cin-census --year 2026 --out ""

# --- the golden census ----------------------------------------------------------------------------
# Checked by hand against the fixture's comments: C10 (referred after the period) and E3 (closed before
# it), N4/S2 (over before it), I3 (after it) and the review after 31 March are left out; P8's end
# after 31 March is blank; the unborn child is sex U with only an expected date; C3's migrated plan
# carries its transfer-in conference as the episode's DateOfInitialCPC and source 10, need N0.
expect_rc 0 export cin-census --year 2026
expect_golden census_2026.xml
xml=$OUT
expect_err_has "census 2026: 9 children"
printf '%s\n' "$xml" >census.xml
check "the census XML is well formed, in the spec's order, with no empty element" python3 - census.xml <<'PY'
import sys, xml.etree.ElementTree as ET
order = {
  "Message": ["Header", "Children"],
  "Header": ["CollectionDetails", "Source"],
  "CollectionDetails": ["Collection", "Year", "ReferenceDate"],
  "Source": ["SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"],
  "Children": ["Child"],
  "Child": ["ChildIdentifiers", "ChildCharacteristics", "CINdetails"],
  "ChildIdentifiers": ["LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate",
                       "ExpectedPersonBirthDate", "Sex", "PersonDeathDate"],
  "ChildCharacteristics": ["Ethnicity", "Disabilities"],
  "Disabilities": ["Disability"],
  "CINdetails": ["CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
                 "DateOfInitialCPC", "Assessments", "CINPlanDates", "Section47", "ReferralNFA",
                 "ChildProtectionPlans"],
  "Assessments": ["AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate",
                  "FactorsIdentifiedAtAssessment"],
  "FactorsIdentifiedAtAssessment": ["AssessmentFactors"],
  "CINPlanDates": ["CINPlanStartDate", "CINPlanEndDate"],
  "Section47": ["S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"],
  "ChildProtectionPlans": ["CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
                           "NumberOfPreviousCPP", "Reviews"],
  "Reviews": ["CPPreviewDate"],
}
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "Message", root.tag
seen = set()
def walk(e):
    kids = list(e)
    if not kids:
        assert e.text and e.text.strip(), f"empty element {e.tag}"
        seen.add(e.tag)
        return
    allowed = order[e.tag]
    positions = [allowed.index(k.tag) for k in kids]
    assert positions == sorted(positions), f"{e.tag}: {[k.tag for k in kids]}"
    for k in kids: walk(k)
walk(root)
leaves = {t for kids in order.values() for t in kids if t not in order}
missing = leaves - seen - {"AssessmentInternalReviewDate"}
assert not missing, f"elements never written: {sorted(missing)}"
PY

# --- --out: owner-only, the same bytes; --la overrides la_code --------------------------------------
expect_rc 0 export cin-census --year 2026 --out cin.xml
expect_out ""
expect_err_has "written to cin.xml"
check "--out is owner-only" [ "$(stat -c %a cin.xml)" = 600 ]
check "--out holds what stdout held" cmp -s cin.xml census.xml
expect_rc 0 export cin-census --year 2026 --la 201 -q
check "--la overrides the setting" grep -q '<LEA>201</LEA>' <<<"$OUT"
expect_rc 1 export cin-census --year 2026 --out missing-dir/cin.xml
check "no file in a folder that does not exist" [ ! -e missing-dir ]

# --- another year reads the same records again (the fixture is clean for 2026 only: --force) ------
expect_rc 0 export cin-census --year 2027 --force -q
check "2027 holds the child referred in April 2026" grep -q '<LAchildID>C10</LAchildID>' <<<"$OUT"
check "2027 leaves out the episode closed in 2025-26" bash -c '! grep -q "<LAchildID>C7</LAchildID>" <<<"$1"' _ "$OUT"
check "2027 shows P8's end" grep -q '<CINPlanEndDate>2026-05-01</CINPlanEndDate>' <<<"$OUT"
expect_rc 0 export cin-census --year 2025 --force -q
check "2025 holds the episode closed in March 2025" grep -q '<CINclosureDate>2025-03-28</CINclosureDate>' <<<"$OUT"

# --- refused on an error of the census rules, unless --force -----------------------------------------
# A child with no ethnicity and a sex outside M/F/U (rules 4220, 4180).
settings "UPDATE child SET ethnicity = NULL, sex = 'X' WHERE id = 1;"
if "$ICSCTL" check census --help >/dev/null 2>&1; then
  refused 3 "nothing written" export cin-census --year 2026 --out refused.xml
  expect_err_has "list them with 'icsctl check census --year 2026'"
  check "a refused census leaves no file" [ ! -e refused.xml ] && [ ! -e refused.xml.part ]
  expect_rc 0 export cin-census --year 2026 --out forced.xml --force
  expect_err_has "(--force)"
  check "--force writes the census" grep -q '<Sex>X</Sex>' forced.xml
  # with --force, standard output gets the census as it is made (no temporary file): the same bytes
  expect_rc 0 export cin-census --year 2026 --force -q
  check "--force on standard output writes what --out writes" cmp -s forced.xml <(printf '%s\n' "$OUT")
else
  echo "NOTE: no 'check census' command in this build: the refusal on census errors is not tested" >&2
  expect_rc 0 export cin-census --year 2026 --force -q
fi

finish
