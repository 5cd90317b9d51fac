#!/usr/bin/env bash
# `icsctl db migrate` of a schema-version-1 database (tests/fixtures/v1: made, and its reports
# answered, by the version-1 icsctl): this build refuses it until migrated, then every old report
# gives version 1's answers; every plan has an episode of its own and every child protection plan
# its transfer-in conference; each record has the date it was entered; the foreign keys hold; and
# the episodes break the rules of returns-spec §5.4 only where the old plans did.
source "$(dirname "$0")/lib.sh"

FIXTURE=$ICS_SOURCE_DIR/tests/fixtures/v1
sql() { sqlite3 "$ICSCTL_DB" "$1"; }

sqlite3 "$ICSCTL_DB" <"$FIXTURE/database.sql" || fail "the fixture did not load"
expect_eq "fixture's schema version" "$(sql 'PRAGMA user_version')" 1
before=$(db_snapshot)

# --- refused until migrated, and nothing changed by the refusal --------------------------------
expect_rc 1 report register
expect_err_has "has schema version 1: run 'icsctl db migrate' to reach"
expect_unchanged "$before"

expect_rc 0 db migrate
expect_eq "schema version" "$(sql 'PRAGMA user_version')" "$(sql "SELECT json_extract(after, '\$.schema_version') FROM audit ORDER BY seq DESC LIMIT 1")"
CHECKS=$((CHECKS + 1))
[ "$(sql 'PRAGMA user_version')" -ge 2 ] || fail "the schema is still at version $(sql 'PRAGMA user_version')"
expect_eq "integrity" "$(sql 'PRAGMA integrity_check')" ok
expect_eq "foreign keys" "$(sql 'PRAGMA foreign_key_check')" ""
migrated=$(db_snapshot)
expect_rc 0 db migrate  # nothing left to do
expect_unchanged "$migrated"

# --- the old reports give version 1's answers ----------------------------------------------------
# Each row of version 1's answer, in its order, with the same values; a report may have gained
# columns since (not compared). A chronology may also have gained events of the new records
# (episodes, conferences...), but holds every old event, in order.
compare() {  # compare OLD_JSON NEW_JSON LABEL
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
old, new, label = json.load(open(sys.argv[1])), json.loads(sys.argv[2]), sys.argv[3]
old_kinds = {"birth", "plan-start", "plan-end", "initial-conference", "review-conference", "core-group",
             "visit", "action-due", "action-done", "action-cancelled"}
def same(o, n):
    return all(k in n and n[k] == v for k, v in o.items())
if label.startswith("chronology"):
    kept = [n for n in new if n.get("kind") in old_kinds]
    if len(kept) != len(old) or not all(same(o, n) for o, n in zip(old, kept)):
        sys.exit(f"{label}: old events differ:\nold {old}\nnew {kept}")
elif len(old) != len(new) or not all(same(o, n) for o, n in zip(old, new)):
    sys.exit(f"{label}: differs:\nold {old}\nnew {new}")
PY
}
reports=0
for golden in "$FIXTURE"/reports/*.json; do
  name=$(basename "$golden" .json)  # REPORT-DAY or chronology-CHILD-DAY
  day=${name: -10}
  if [[ $name == chronology-* ]]; then
    child=${name#chronology-}
    child=${child%-"$day"}
    expect_rc 0 report chronology "$child" --as-of "$day" -o json
  else
    expect_rc 0 report "${name%-"$day"}" --as-of "$day" -o json
  fi
  CHECKS=$((CHECKS + 1))
  compare "$golden" "$OUT" "$name" >&2 || fail "report $name differs from version 1's answer"
  reports=$((reports + 1))
done
CHECKS=$((CHECKS + 1))
[ "$reports" -ge 20 ] || fail "only $reports of version 1's answers found in $FIXTURE/reports"
CHECKS=$((CHECKS + 1))
[ "$(grep -c '"child_id"' "$FIXTURE/reports/register-2026-06-15.json")" -ge 5 ] ||
  fail "the register of the fixture is nearly empty: the comparison would prove little"

# --- an episode for every plan, a conference for every child protection plan --------------------
expect_eq "plans" "$(sql 'SELECT count(*) FROM plan')" 12
expect_eq "plans without their own episode" "$(sql "SELECT count(*) FROM plan p LEFT JOIN episode e ON e.id = p.episode_id
  WHERE e.id IS NULL OR e.id <> p.id OR e.child_id <> p.child_id OR e.made_by IS NOT 'migration'
     OR e.referral_date <> p.start_date OR e.closure_date IS NOT p.end_date
     OR e.closure_reason IS NOT (CASE WHEN p.end_date IS NOT NULL THEN 'RC7' END)
     OR e.referral_source IS NOT NULL OR e.primary_need IS NOT NULL OR e.nfa <> 0")" 0
expect_eq "episodes of no plan" "$(sql 'SELECT count(*) FROM episode WHERE id NOT IN (SELECT episode_id FROM plan)')" 0
expect_eq "child protection plans without their transfer-in conference" "$(sql "SELECT count(*) FROM plan p
  LEFT JOIN conference i ON i.id = p.conference_id
  WHERE p.kind = 'child-protection' AND (i.id IS NULL OR i.episode_id <> p.episode_id OR i.enquiry_id IS NOT NULL
     OR i.conference_date <> p.start_date OR i.outcome <> 'plan')")" 0
expect_eq "conferences of child in need plans" "$(sql "SELECT count(*) FROM plan WHERE kind <> 'child-protection' AND conference_id IS NOT NULL")" 0
expect_eq "conferences" "$(sql 'SELECT count(*) FROM conference')" "$(sql "SELECT count(*) FROM plan WHERE kind = 'child-protection'")"

# --- the date each record was entered ----------------------------------------------------------
for table in child plan episode conference action review; do
  expect_eq "$table rows without recorded_on" "$(sql "SELECT count(*) FROM $table WHERE recorded_on IS NULL")" 0
done
# by a command: the day of its audit record, also for a visit recorded days after it happened
expect_eq "C5 entered" "$(sql 'SELECT recorded_on FROM child WHERE id = 5')" 2025-11-17
expect_eq "C5's plan entered" "$(sql 'SELECT recorded_on || "|" || start_date FROM plan WHERE child_id = 5')" "2025-11-17|2025-11-15"
expect_eq "a late visit entered" "$(sql "SELECT recorded_on || '|' || review_date FROM review WHERE kind = 'visit'")" "2026-02-10|2026-02-05"
# an action done or cancelled, and a plan ended, on a later day: the day of the audit record that
# first showed it (a plan closed, its open actions cancelled with it)
expect_eq "actions entered" "$(sql "SELECT group_concat(what || '=' || recorded_on || '/' || coalesce(completed_recorded_on, '-'), ' | ')
  FROM (SELECT * FROM action WHERE owner IN ('Dr Ann Lee', 'Mr Khan', 'Dr Obi') ORDER BY id)")" \
  "Paediatric review of weight and growth=2025-09-03/- | Daily attendance report=2025-09-03/2025-11-28 | CAMHS referral=2025-09-03/2025-09-20"
expect_eq "a plan ended later" "$(sql 'SELECT recorded_on || "|" || end_recorded_on FROM plan WHERE id = 2')" "2024-01-08|2024-09-02"
expect_eq "its episode closed later" "$(sql 'SELECT recorded_on || "|" || closure_recorded_on FROM episode WHERE id = 2')" "2024-01-08|2024-09-02"
expect_eq "actions cancelled with a plan" "$(sql "SELECT DISTINCT completed_recorded_on FROM action WHERE plan_id = 2 AND status = 'cancelled'")" 2024-09-02
# by the register import: its batch's day, for the child, the plan, its episode and conference
expect_eq "imported records entered" "$(sql "SELECT DISTINCT p.recorded_on || '|' || e.recorded_on || '|' || i.recorded_on
  FROM plan p JOIN episode e ON e.id = p.episode_id JOIN conference i ON i.id = p.conference_id WHERE p.batch_id IS NOT NULL")" \
  "2026-01-05|2026-01-05|2026-01-05"
expect_eq "imported child entered" "$(sql 'SELECT recorded_on FROM child WHERE batch_id IS NOT NULL')" 2026-01-05

# --- returns-spec §5.4: the migrated episodes break a rule only where the old plans did ----------
# Each query lists the children whose records break the rule.
expect_eq "8820: episodes of a child overlap" "$(sql "SELECT DISTINCT 'C' || a.child_id FROM episode a JOIN episode b
  ON b.child_id = a.child_id AND b.id <> a.id AND b.referral_date >= a.referral_date
     AND (a.closure_date IS NULL OR b.referral_date < a.closure_date)")" C3
expect_eq "8815: two open episodes" "$(sql "SELECT 'C' || child_id FROM episode WHERE closure_date IS NULL GROUP BY child_id HAVING count(*) > 1")" C3
expect_eq "1103-1105: plans outside their episode" "$(sql "SELECT count(*) FROM plan p JOIN episode e ON e.id = p.episode_id
  WHERE p.start_date < e.referral_date OR (e.closure_date IS NOT NULL AND (p.end_date IS NULL OR p.end_date > e.closure_date))")" 0
expect_eq "2885: a CPP not started on a conference of its episode" "$(sql "SELECT count(*) FROM plan p WHERE p.kind = 'child-protection'
  AND NOT EXISTS (SELECT 1 FROM conference i WHERE i.episode_id = p.episode_id AND i.conference_date = p.start_date)")" 0
expect_eq "8875: a conference on a weekend" "$(sql "SELECT 'C' || e.child_id FROM conference i JOIN episode e ON e.id = i.episode_id
  WHERE strftime('%w', i.conference_date) IN ('0', '6')")" C5
expect_eq "8940: a CPP starting on or before the previous one's end" "$(sql "SELECT DISTINCT 'C' || a.child_id FROM plan a JOIN plan b
  ON b.child_id = a.child_id AND b.id <> a.id AND a.kind = 'child-protection' AND b.kind = 'child-protection'
     AND b.start_date >= a.start_date AND (a.end_date IS NULL OR b.start_date <= a.end_date)")" C4
expect_eq "4001/4016/4017: a CPP and a CIN plan overlap" "$(sql "SELECT DISTINCT 'C' || a.child_id FROM plan a JOIN plan b
  ON b.child_id = a.child_id AND a.kind = 'child-protection' AND b.kind = 'child-in-need'
     AND a.start_date < coalesce(b.end_date, '9999-12-31') AND b.start_date < coalesce(a.end_date, '9999-12-31')")" C3
# the step-down of C2 (a child in need plan from the day the child protection plan ended) is two
# episodes that meet, which no rule forbids
expect_eq "C2's episodes" "$(sql "SELECT group_concat(referral_date || '..' || coalesce(closure_date, ''), ' ') FROM
  (SELECT * FROM episode WHERE child_id = 2 ORDER BY referral_date)")" "2024-01-08..2024-09-02 2024-09-02.."

finish
