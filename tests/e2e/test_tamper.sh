#!/usr/bin/env bash
# The tamper-evident record (issue 15 item 1): `db check` finds each tampering done with the sqlite3
# CLI behind icsctl's back and names the record; `audit head` and `db check --head` find a chain
# rebuilt from scratch.
source "$(dirname "$0")/lib.sh"

sql() { sqlite3 "$ICSCTL_DB" "$1"; }
# tampered NAME SQL: a copy of the base database with SQL run on it, as $ICSCTL_DB.
tampered() {
  export ICSCTL_DB="$SCRATCH/$1.db"
  cp "$SCRATCH/base.db" "$ICSCTL_DB"
  sqlite3 "$ICSCTL_DB" "$2" || fail "$1: the tampering itself failed"
}
# detected WHAT TEXT...: db check exits 1 and its stdout names each TEXT.
detected() {
  local what=$1
  shift
  expect_rc 1 db check
  for text in "$@"; do
    CHECKS=$((CHECKS + 1))
    [[ "$OUT" == *"$text"* ]] || fail "$what: db check did not say [$text]: [$OUT] [$ERR]"
  done
}

export ICSCTL_DB="$SCRATCH/base.db"
expect_rc 0 init
expect_rc 0 add-child --given-names Amelia --family-name Smith --dob 2019-04-02 --sex F
expect_rc 0 add-child --given-names Tom --family-name Jones --dob 2015-01-01 --sex M
expect_rc 0 open-plan C1 --template child-protection --category NEG --start 2025-12-19 --worker "Sam Patel"
expect_rc 0 open-plan C2 --template child-protection --category PHY --start 2026-01-05
expect_rc 0 assign-action P1 --what "Home visit" --owner "Dr Ann Lee" --agency health --due 2026-01-16
expect_rc 0 record-review P1 --date 2026-03-19 --kind review-conference --outcome "Plan continues"
cat >register.csv <<'CSV'
register_ref,surname,forenames,dob,gender,nhs_number,upn,category,registration_date,deregistration_date,deregistration_reason,key_worker,team,address_postcode,person_id
CPR-1,Brown,Ella,02/04/2018,F,,,Neglect,01/02/2020,01/08/2020,NLR,Sam Patel,CP Team A,,PER1
CPR-2,Green,Amy,01/01/2015,F,,,Neglect,01/01/2022,,,Ann Lee,CP Team B,,PER2
CPR-3,White,Jo,03/03/2016,M,,,Neglect,01/03/2021,01/09/2021,NLR,,,,PER3
CPR-4,White,Joe,03/03/2016,M,9434765919,,Neglect,01/03/2022,01/12/2022,NLR,,,,PER4
CPR-5,Whyte,Joseph,03/03/2016,M,9434765919,,Neglect,01/03/2019,01/06/2019,NLR,,,,PER3
CPR-6,White,Joey,03/03/2016,M,,,Neglect,01/01/2024,,,,,,PER3
CSV
expect_rc 0 import register register.csv --mapping legacy-register -q
# The import seals its rows as it writes them and hashes again those it changes after: CPR-5
# joins PER3's child and PER4's (a child created, then deleted, its plan and episode moved), the
# later rows rename the child, and each plan's count of earlier ones is recounted. db check reads
# them back and must find the same digest.
expect_eq "PER3 and PER4 one child" "$(sql "SELECT count(DISTINCT child_id) FROM plan WHERE legacy_ref IN ('CPR-3','CPR-4','CPR-5','CPR-6')")" 1
expect_eq "named from the latest row" "$(sql "SELECT given_names FROM child WHERE legacy_id = 'PER3'")" Joey
expect_eq "plans recounted" "$(sql "SELECT group_concat(previous_cp_plans) FROM (SELECT previous_cp_plans FROM plan WHERE legacy_ref IN ('CPR-5','CPR-3','CPR-4','CPR-6') ORDER BY start_date)")" "0,1,2,3"
expect_rc 0 db check
expect_out ""
expect_err_has "is sound"

# --- audit head ------------------------------------------------------------------------------
expect_rc 0 audit head -o csv
last=$(sql "SELECT seq || ':' || hash FROM audit ORDER BY seq DESC LIMIT 1")
expect_out "seq,hash,head
${last%%:*},${last#*:},$last"
expect_rc 0 audit head -o json
expect_out_has "\"head\":\"$last\""
HEAD=$last
expect_rc 0 db check --head "$HEAD"
expect_rc 2 db check --head ''
expect_rc 3 db check --head 12
expect_err_has "is not a chain head"
expect_rc 3 db check --head "1:XYZ"
# a head further than the chain: a chain cut short
expect_rc 1 db check --head "999:$(printf '%064d' 0)"
expect_out_has "audit record 999 of the head given is missing"
# a later write keeps the earlier head valid
cp base.db grown.db
ICSCTL_DB=grown.db expect_rc 0 add-child --given-names Ann --family-name Lee --dob 2016-01-01
ICSCTL_DB=grown.db expect_rc 0 db check --head "$HEAD"

# --- the tamperings of issue 15 --------------------------------------------------------------
plan_seq=$(sql "SELECT max(seq) FROM audit WHERE entity = 'P1'")
c1_seq=$(sql "SELECT max(seq) FROM audit WHERE entity = 'C1'")
p2_action=A$(sql "SELECT min(id) FROM action WHERE plan_id = 2")
tampered replace "INSERT OR REPLACE INTO audit (seq, at, actor, command, entity, before, after, prev_hash, hash)
  SELECT seq, at, 'someone else', command, entity, before, after, prev_hash, hash FROM audit WHERE entity = 'C1'"
detected "INSERT OR REPLACE on audit" "audit record $c1_seq (C1) was rewritten"

tampered trigger "DROP TRIGGER audit_no_update; UPDATE audit SET after = replace(after, 'Amelia', 'Emily') WHERE entity = 'C1';
  UPDATE child SET given_names = 'Emily' WHERE id = 1"
detected "dropped trigger and edit" "audit record $c1_seq (C1) was rewritten"

tampered start "UPDATE plan SET start_date = '2025-12-01' WHERE id = 1"
detected "plan start date" "P1: start_date is '2025-12-01', audit record $plan_seq has '2025-12-19'"

tampered category "UPDATE plan SET initial_category = 'EMO', latest_category = 'EMO' WHERE id = 2"
detected "plan category" "P2: initial_category is 'EMO'" "latest_category is 'EMO'"

tampered rename "UPDATE child SET family_name = 'Smyth' WHERE id = 1"
detected "child renamed" "C1: family_name is 'Smyth', audit record $c1_seq has 'Smith'"

tampered delete_plan "PRAGMA foreign_keys = OFF; DELETE FROM action WHERE plan_id = 2; DELETE FROM plan WHERE id = 2"
detected "plan deleted with its actions" "P2: it is missing" "$p2_action: it is missing"

tampered delete_review "DELETE FROM review"
detected "review deleted" "R1: it is missing"

tampered forge "UPDATE action SET status = 'done', completed_date = '2026-01-10' WHERE id = 1"
detected "action completion forged" "A1: status is 'done'" "completed_date is '2026-01-10'"

# rows of an import batch: no audit record each, the batch's digest
tampered batch_edit "UPDATE plan SET start_date = '2019-01-01' WHERE legacy_ref = 'CPR-2'"
detected "a register plan edited" "B1: the plan records P"
tampered batch_delete "UPDATE child SET given_names = 'Eva' WHERE legacy_id = 'PER1'"
detected "a register child edited" "B1: the child records C"
tampered forged_child "INSERT INTO child (given_names, family_name, sex, recorded_on) VALUES ('No', 'Body', 'U', '2026-01-01')"
detected "a child added behind icsctl's back" "the child records C1…C1023 differ from the digest sealed"

# --- a chain rebuilt from scratch passes alone, not with the head kept elsewhere ---------------
tampered rebuilt "UPDATE child SET family_name = 'Smyth' WHERE id = 1"
cat >rebuild.py <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DROP TRIGGER audit_no_update")
def field(v):
    if v is None: return b"-\n"
    b = str(v).encode()
    return str(len(b)).encode() + b":" + b + b"\n"
prev = "0" * 64
for row in db.execute("SELECT seq, at, actor, command, entity, before, after FROM audit ORDER BY seq").fetchall():
    seq, at, actor, command, entity, before, after = row
    if entity == "C1" and after: after = after.replace('"Smith"', '"Smyth"')
    h = hashlib.sha256(b"icsctl-audit-v1\n" + b"".join(field(v) for v in (seq, at, actor, command, entity, before, after, prev))).hexdigest()
    db.execute("UPDATE audit SET after = ?, prev_hash = ?, hash = ? WHERE seq = ?", (after, prev, h, seq))
    prev = h
db.commit()
PY
python3 rebuild.py "$ICSCTL_DB" || fail "the rebuild failed"
expect_rc 0 db check
expect_rc 1 db check --head "$HEAD"
expect_out_has "audit record ${HEAD%%:*} has hash"
expect_out_has "the chain up to it was rewritten"

finish
