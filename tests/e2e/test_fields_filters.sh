#!/usr/bin/env bash
# Columns and rows (issue 16 items 1 and 2): --fields in every format, an unknown field, --no-headers,
# -o markdown; each filter on each list and report that takes it, on a fixture where it leaves rows
# out; a filter a report does not take; repeat-plans at its boundary; and the weekly list of overdue
# health actions that `awk -F,` got wrong, got right with --fields.
source "$(dirname "$0")/lib.sh"

fx() { expect_rc 0 "$@"; }

# --- the fixture (today 2026-11-22) -----------------------------------------------------------------
fx init -q
fx add-child --given-names "Amelia Rose" --family-name Smith --dob 2019-04-02 --sex F --nhs-number "943 476 5919"  # C1
fx add-child --given-names Ben --family-name Jones --dob 2021-07-15 --sex M                                      # C2
fx add-child --given-names Chloe --family-name Brown --dob 2015-10-01 --sex F                                    # C3
fx add-child --given-names Dan --family-name Evans --dob 2012-05-20 --sex M                                      # C4
fx add-child --given-names Eve --family-name Hall --dob 2011-02-03 --sex F                                       # C5
fx add-child --given-names Fay --family-name Green --dob 2020-02-29 --sex F                                      # C6
# P1 C1 CP (E1), P2 C2 CIN (E2), P3 C3 CP (E3): each with its template's actions, all overdue today
fx open-plan C1 --template child-protection --category NEG --start 2025-12-19 --worker "Sam Patel" --team "CP Team A"
fx open-plan C2 --template child-in-need --start 2026-01-20 --worker "Jo Bloggs" --team "CIN Team"
fx open-plan C3 --template child-protection --category PHY --start 2026-04-01 --worker "Priya Shah" --team "CP Team B"
# repeat plans: C4's P5 starts exactly 24 months after P4 ended; C5's P7 24 months and a day after P6
fx open-plan C4 --template child-protection --category SAB --start 2022-01-10 --worker "Sam Patel" --team "CP Team A"
fx close-plan --yes P4 --end 2024-01-15 --reason no-longer-at-risk
fx open-plan C4 --template child-protection --category EMO --start 2026-01-15 --worker "Sam Patel" --team "CP Team A"
fx open-plan C5 --template child-protection --category NEG --start 2021-03-01 --worker "Jo Bloggs" --team "CIN Team"
fx close-plan --yes P6 --end 2023-06-01 --reason no-longer-at-risk
fx open-plan C5 --template child-protection --category PHY --start 2025-06-02 --worker "Jo Bloggs" --team "CIN Team"
fx assign-action P1 --what "GP check, weight, height" --owner "Dr Ann Lee" --agency health --due 2026-02-16
fx assign-action P2 --what "School report" --owner "Mr Khan" --agency education --due 2026-12-02
fx record-review P1 --date 2026-03-19 --category EMO --outcome "Plan continues"
fx record-review P3 --date 2026-04-08 --kind visit --seen yes --seen-alone no
# the front door: C6 referred, assessed and enquired into; C2's episode assessed and enquired into
fx open-referral C6 --date 2026-03-02 --source 3A --need N1
fx start-assessment E6 --date 2026-03-03
fx start-enquiry E6 --date 2026-03-04
fx start-assessment E2 --date 2026-02-02
fx start-enquiry E2 --date 2026-02-05
# two import batches: children on 2026-10-01, actions today
printf 'child_id,given_names,family_name,date_of_birth,sex\nC50,Gus,Hill,2014-01-01,M\n' >children.csv
ICSCTL_TODAY=2026-10-01 fx import children children.csv -q
printf 'action_id,plan_id,section,what,owner,agency,due_date,status\nA900,P2,,Call the school,Mr Khan,education,2026-12-01,open\n' >actions.csv
fx import actions actions.csv -q

# ids CMD...: the first column of CMD's rows, space-separated (tsv never quotes).
ids() { run "$@" -o tsv --no-headers; CHECKS=$((CHECKS + 1)); [ "$RC" -eq 0 ] || fail "icsctl $* exited $RC: $ERR"; cut -f1 <<<"$OUT" | tr '\n' ' ' | sed 's/ $//'; }

# keeps "CMD" "FILTER ARGS" ID,FIELD 'AWK CONDITION ON $2': the filter keeps exactly the rows of the
# unfiltered output whose FIELD meets the condition, at least one, and leaves at least one out.
keeps() {
  local cmd filter fields=$3 condition=$4 all want got
  eval "cmd=($1) filter=($2)"  # words as the shell reads them: "--worker Sam\ Patel"
  # a filter on the id column itself: one column, read as $2 too
  [ "${fields%%,*}" == "${fields#*,}" ] && fields=${fields%%,*}
  all=$(ids "${cmd[@]}" --fields "$fields")
  want=$(run "${cmd[@]}" --fields "$fields" -o tsv --no-headers
         awk -F'\t' "NF == 1 { \$2 = \$1 } $condition {print \$1}" <<<"$OUT" | tr '\n' ' ' | sed 's/ $//')
  got=$(ids "${cmd[@]}" "${filter[@]}" --fields "${fields%%,*}")
  CHECKS=$((CHECKS + 1))
  [ "$got" == "$want" ] || fail "icsctl $1 $2: [$got], wanted [$want]"
  [ -n "$got" ] || fail "icsctl $1 $2 kept nothing: the fixture does not test it"
  [ "$got" != "$all" ] || fail "icsctl $1 $2 left nothing out: the fixture does not test it"
}

# --- filters, each on each list and report that takes it ------------------------------------------------
keeps "list plans" "--child C4" plan_id,child_id '$2 == "C4"'
keeps "list plans" "--worker Sam\ Patel" plan_id,lead_worker '$2 == "Sam Patel"'
keeps "list plans" "--team CIN\ Team" plan_id,team '$2 == "CIN Team"'
keeps "list plans" "--kind child-in-need" plan_id,kind '$2 == "child-in-need"'
keeps "list plans" "--category EMO" plan_id,latest_category '$2 == "EMO"'
keeps "list plans" "--since 2026-01-15" plan_id,start_date '$2 >= "2026-01-15"'
keeps "list plans" "--until 2025-12-19" plan_id,start_date '$2 <= "2025-12-19"'
keeps "list actions" "--child C2" action_id,child_id '$2 == "C2"'
keeps "list actions" "--agency health" action_id,agency '$2 == "health"'
keeps "list actions" "--owner Dr\ Ann\ Lee" action_id,owner '$2 == "Dr Ann Lee"'
keeps "list actions" "--status cancelled" action_id,status '$2 == "cancelled"'
keeps "list actions" "--due-before 2026-02-16" action_id,due_date '$2 < "2026-02-16"'
keeps "list actions" "--due-after 2026-02-16" action_id,due_date '$2 > "2026-02-16"'
keeps "list episodes" "--child C6" episode_id,child_id '$2 == "C6"'
keeps "list episodes" "--since 2026-01-20" episode_id,referral_date '$2 >= "2026-01-20"'
keeps "list episodes" "--until 2026-01-20" episode_id,referral_date '$2 <= "2026-01-20"'
for kind in assessment enquiry; do
  list=$([ $kind = assessment ] && echo assessments || echo enquiries)
  keeps "list $list" "--child C6" "${kind}_id,child_id" '$2 == "C6"'
  keeps "list $list" "--since 2026-03-03" "${kind}_id,start_date" '$2 >= "2026-03-03"'
  keeps "list $list" "--until 2026-02-28" "${kind}_id,start_date" '$2 <= "2026-02-28"'
done
keeps "list conferences" "--child C4" conference_id,child_id '$2 == "C4"'
keeps "list conferences" "--since 2026-01-01" conference_id,conference_date '$2 >= "2026-01-01"'
keeps "list conferences" "--until 2025-06-02" conference_id,conference_date '$2 <= "2025-06-02"'

keeps "report overdue-actions" "--agency health" action_id,agency '$2 == "health"'
keeps "report overdue-actions" "--owner Dr\ Ann\ Lee" action_id,owner '$2 == "Dr Ann Lee"'
keeps "report overdue-actions" "--child C3" action_id,child_id '$2 == "C3"'
keeps "report overdue-actions" "--due-before 2026-02-01" action_id,due_date '$2 < "2026-02-01"'
keeps "report overdue-actions" "--due-after 2026-02-16" action_id,due_date '$2 > "2026-02-16"'
keeps "report overdue-actions" "--worker Jo\ Bloggs" action_id,plan_id '$2 == "P2" || $2 == "P7"'
keeps "report overdue-actions" "--team CP\ Team\ B" action_id,plan_id '$2 == "P3"'
keeps "report overdue-actions" "--kind child-in-need" action_id,plan_id '$2 == "P2"'
keeps "report reviews-due" "--child C1" plan_id,child_id '$2 == "C1"'
keeps "report reviews-due" "--worker Priya\ Shah" plan_id,plan_id '$2 == "P3"'
keeps "report reviews-due" "--team CIN\ Team" plan_id,plan_id '$2 == "P2" || $2 == "P7"'
keeps "report reviews-due" "--kind child-in-need" plan_id,plan_id '$2 == "P2"'
keeps "report reviews-due --as-of 2026-09-10" "--status due-soon" plan_id,status '$2 == "due-soon"'
keeps "report reviews-due" "--due-before 2026-09-01" plan_id,next_review_due '$2 < "2026-09-01"'
keeps "report reviews-due" "--due-after 2026-09-01" plan_id,next_review_due '$2 > "2026-09-01"'
keeps "report open-plans" "--worker Sam\ Patel" plan_id,lead_worker '$2 == "Sam Patel"'
keeps "report open-plans" "--team CP\ Team\ B" plan_id,team '$2 == "CP Team B"'
keeps "report open-plans" "--child C2" plan_id,child_id '$2 == "C2"'
keeps "report open-plans" "--kind child-protection" plan_id,template '$2 == "child-protection"'
keeps "report open-plans" "--category EMO" plan_id,category '$2 == "EMO"'
keeps "report open-plans" "--since 2026-01-15" plan_id,start_date '$2 >= "2026-01-15"'
keeps "report open-plans" "--until 2026-01-15" plan_id,start_date '$2 <= "2026-01-15"'
keeps "report register" "--worker Sam\ Patel" child_id,lead_worker '$2 == "Sam Patel"'
keeps "report register" "--team CIN\ Team" child_id,team '$2 == "CIN Team"'
keeps "report register" "--child C3" child_id,child_id '$2 == "C3"'
keeps "report register" "--category PHY" child_id,category '$2 == "PHY"'
keeps "report register" "--since 2026-01-01" child_id,start_date '$2 >= "2026-01-01"'
keeps "report register" "--until 2026-01-15" child_id,start_date '$2 <= "2026-01-15"'
keeps "report caseload" "--worker Jo\ Bloggs" worker,worker '$2 == "Jo Bloggs"'
keeps "report caseload" "--team CP\ Team\ A" worker,team '$2 == "CP Team A"'
keeps "report caseload" "--kind child-in-need" worker,worker '$2 == "Jo Bloggs"'
keeps "report chronology C1" "--kind review-conference" id,kind '$2 == "review-conference"'
keeps "report chronology C1" "--since 2026-03-19" id,date '$2 >= "2026-03-19"'
keeps "report chronology C1" "--until 2025-12-19" id,date '$2 <= "2025-12-19"'
keeps "report unplanned" "--child C6" episode_id,child_id '$2 == "C6"'
keeps "report unplanned" "--due-before 2026-03-20" episode_id,due_date '$2 < "2026-03-20"'
keeps "report unplanned" "--due-after 2026-03-20" episode_id,due_date '$2 > "2026-03-20"'
keeps "report assumed-safe" "--worker Priya\ Shah" plan_id,lead_worker '$2 == "Priya Shah"'
keeps "report assumed-safe" "--team CIN\ Team" plan_id,team '$2 == "CIN Team"'
keeps "report assumed-safe" "--child C1" plan_id,child_id '$2 == "C1"'
keeps "report assumed-safe" "--due-before 2026-01-01" plan_id,due_date '$2 < "2026-01-01"'
keeps "report assumed-safe" "--due-after 2026-04-08" plan_id,due_date '$2 > "2026-04-08"'
keeps "report visits-due" "--worker Sam\ Patel" plan_id,lead_worker '$2 == "Sam Patel"'
keeps "report visits-due" "--team CP\ Team\ B" plan_id,team '$2 == "CP Team B"'
keeps "report visits-due" "--child C5" plan_id,child_id '$2 == "C5"'
keeps "report visits-due" "--due-before 2026-04-01" plan_id,next_visit_due '$2 < "2026-04-01"'
keeps "report visits-due" "--due-after 2026-04-01" plan_id,next_visit_due '$2 > "2026-04-01"'
keeps "report migration" "--kind actions" batch_id,kind '$2 == "actions"'
keeps "report migration" "--since 2026-11-01" batch_id,imported_at '$2 >= "2026-11-01"'
keeps "report migration" "--until 2026-10-01" batch_id,imported_at 'substr($2, 1, 10) <= "2026-10-01"'
# visits-due --status: every row is overdue on today, so as of the day after P3's visit
keeps "report visits-due --as-of 2026-04-10" "--status ok" plan_id,status '$2 == "ok"'
keeps "report repeat-plans --threshold months=25" "--worker Sam\ Patel" plan_id,lead_worker '$2 == "Sam Patel"'
keeps "report repeat-plans --threshold months=25" "--team CIN\ Team" plan_id,team '$2 == "CIN Team"'
keeps "report repeat-plans --threshold months=25" "--child C5" plan_id,child_id '$2 == "C5"'
keeps "report repeat-plans --threshold months=25" "--category EMO" plan_id,category '$2 == "EMO"'
keeps "report repeat-plans --threshold months=25" "--since 2026-01-01" plan_id,start_date '$2 >= "2026-01-01"'
keeps "report repeat-plans --threshold months=25" "--until 2025-12-31" plan_id,start_date '$2 <= "2025-12-31"'

# pinned: a few filters' rows by hand
check "list plans --child C4" test "$(ids list plans --child C4)" = "P4 P5"
check "list plans --child nhs:" test "$(ids list plans --child nhs:9434765919)" = "P1"
check "list assessments --child C6" test "$(ids list assessments --child C6)" = "N1"
check "list enquiries --since" test "$(ids list enquiries --since 2026-03-01)" = "S1"
check "report reviews-due --child C1 --status" test "$(ids report reviews-due --child C1 --status overdue)" = "P1"
check "filters combine" test "$(ids report overdue-actions --agency health --child C1 --owner "Dr Ann Lee")" = "A61"
check "chronology --kind" test "$(ids report chronology C3 --kind visit --fields id)" = "R2"
check "caseload --kind" test "$(ids report caseload --kind child-in-need --fields worker,open_plans)" = "Jo Bloggs"

# --- repeat-plans: exactly 24 months after the previous end is a repeat, a day more is not ----------
expect_rc 0 report repeat-plans -o csv
expect_out "child_id,name,date_of_birth,nhs_number,plan_id,start_date,category,lead_worker,team,previous_plan_id,previous_start_date,previous_end_date,previous_end_reason,days_since_previous
C4,Dan Evans,2012-05-20,,P5,2026-01-15,EMO,Sam Patel,CP Team A,P4,2022-01-10,2024-01-15,no-longer-at-risk,731"
check "repeat-plans months=25" test "$(ids report repeat-plans --threshold months=25)" = "C5 C4"
check "repeat-plans months=23" test -z "$(ids report repeat-plans --threshold months=23)"
check "repeat-plans as of before P5" test -z "$(ids report repeat-plans --as-of 2026-01-14)"
check "repeat-plans known before P5" test -z "$(ids report repeat-plans --known-at 2026-01-01 --as-of 2026-11-22)"
refused 3 "'months' is not a whole number" report repeat-plans --threshold months=two

# --- refused filters and values ----------------------------------------------------------------------
refused 2 "report reviews-due takes no --agency: its filters are --worker --team --child --kind --status=overdue|due-soon|ok --due-before --due-after" report reviews-due --agency health
refused 2 "list children takes no --child: it takes no filters" list children --child C1
refused 2 "list episodes takes no --agency" list episodes --agency health
refused 2 "report plan-stats takes no --since" report plan-stats --year 2026 --since 2026-01-01
refused 3 "'status' must be one of overdue, due-soon, ok: 'late'" report reviews-due --status late
refused 3 "'status' must be one of open, done, cancelled" list actions --status late
refused 3 "'agency' is not in the agency list" report overdue-actions --agency helth
refused 3 "'category' must be one of NEG, PHY, SAB, EMO, MUL" report register --category NEGLECT
refused 3 "'due-before'" report overdue-actions --due-before 2026-02-30
refused 3 "'kind' must be one of" report chronology C1 --kind vist
refused 4 "no child 'C77'" report overdue-actions --child C77
refused 2 "empty value" list plans --worker ''
refused 3 "must not be blank" report caseload --worker "  "
expect_rc 0 report --list -o csv --fields name,filters
expect_out_has 'repeat-plans,worker team child category since until'
expect_out_has 'reviews-due,worker team child kind status=overdue|due-soon|ok due-before due-after'
expect_out_has 'plan-stats,'

# --- --fields in every format --------------------------------------------------------------------------
F=(report overdue-actions --child C1 --agency health --fields due_date,action_id,name)
expect_rc 0 "${F[@]}" -o csv
expect_out "due_date,action_id,name
2026-01-07,A5,Amelia Rose Smith
2026-01-16,A4,Amelia Rose Smith
2026-02-16,A61,Amelia Rose Smith"
expect_rc 0 "${F[@]}" -o tsv
expect_out "$(printf 'due_date\taction_id\tname\n2026-01-07\tA5\tAmelia Rose Smith\n2026-01-16\tA4\tAmelia Rose Smith\n2026-02-16\tA61\tAmelia Rose Smith')"
expect_rc 0 "${F[@]}" -o json
expect_out '[
{"due_date":"2026-01-07","action_id":"A5","name":"Amelia Rose Smith"},
{"due_date":"2026-01-16","action_id":"A4","name":"Amelia Rose Smith"},
{"due_date":"2026-02-16","action_id":"A61","name":"Amelia Rose Smith"}
]'
expect_rc 0 "${F[@]}" -o ndjson
expect_out '{"due_date":"2026-01-07","action_id":"A5","name":"Amelia Rose Smith"}
{"due_date":"2026-01-16","action_id":"A4","name":"Amelia Rose Smith"}
{"due_date":"2026-02-16","action_id":"A61","name":"Amelia Rose Smith"}'
expect_rc 0 "${F[@]}" -o markdown
expect_out '| due_date | action_id | name |
| --- | --- | --- |
| 2026-01-07 | A5 | Amelia Rose Smith |
| 2026-01-16 | A4 | Amelia Rose Smith |
| 2026-02-16 | A61 | Amelia Rose Smith |'
expect_rc 0 "${F[@]}" -o table
expect_out 'due_date    action_id  name
2026-01-07  A5         Amelia Rose Smith
2026-01-16  A4         Amelia Rose Smith
2026-02-16  A61        Amelia Rose Smith'
# --no-headers: csv, tsv, table
expect_rc 0 "${F[@]}" -o csv --no-headers
expect_out "2026-01-07,A5,Amelia Rose Smith
2026-01-16,A4,Amelia Rose Smith
2026-02-16,A61,Amelia Rose Smith"
expect_rc 0 "${F[@]}" --no-headers
expect_out '2026-01-07  A5   Amelia Rose Smith
2026-01-16  A4   Amelia Rose Smith
2026-02-16  A61  Amelia Rose Smith'
expect_rc 0 "${F[@]}" --no-headers -o tsv
check "tsv --no-headers" test "$(wc -l <<<"$OUT")" = 3
for format in json ndjson markdown; do
  refused 2 "--no-headers: applies to -o table, csv and tsv, not $format" "${F[@]}" -o $format --no-headers
done
# an unknown field: exit 2 listing the valid ones, nothing printed, whatever the format
for format in table csv json; do
  refused 2 "--fields: no field 'nmae' here: the fields are action_id, plan_id, child_id, section, what, owner, agency, due_date, days_overdue, name, date_of_birth, nhs_number" \
    report overdue-actions --fields action_id,nmae -o $format
done
refused 2 "names the field 'name' twice" report overdue-actions --fields name,name
refused 2 "has an empty field name" report overdue-actions --fields name,,what
# every read command: lists, show, log, export, settings show, templates list
expect_rc 0 list children --fields family_name,child_id -o csv --no-headers
expect_out "Smith,C1
Jones,C2
Brown,C3
Evans,C4
Hall,C5
Green,C6
Hill,C50"
expect_rc 0 show C1 --fields nhs_number,child_id -o csv
expect_out "nhs_number,child_id
9434765919,C1"
expect_rc 0 show C1 --fields child_id,plans -o json
check "show --fields json: only the field and the list asked for" python3 -c '
import json, sys
[obj] = json.loads(sys.argv[1])
assert list(obj) == ["child_id", "plans"], list(obj)
assert [p["plan_id"] for p in obj["plans"]] == ["P1"], obj' "$OUT"
expect_rc 0 show C1 --fields given_names,plans
expect_out_has "given_names  Amelia Rose"
expect_out_has "plans:"
check "show table: no episodes unless asked" test "$(grep -c 'episodes:' <<<"$OUT")" = 0
refused 2 "'plans' is a list of related records: csv and tsv carry the record's own fields only" show C1 --fields child_id,plans -o csv
refused 2 "the fields are child_id, given_names" show C1 --fields child_id,colour
expect_rc 0 show P1 -o markdown --fields plan_id,kind,reviews
expect_out_has "| field | value |"
expect_out_has "| plan\\_id | P1 |"  # a field's name is a cell here: its _ escaped
expect_out_has "reviews:"
expect_rc 0 log -n 1 --fields command,actor -o csv --no-headers
expect_out "import actions,tester"
expect_rc 0 export children --fields child_id,nhs_number -o csv
check "export --fields" test "$(head -2 <<<"$OUT")" = "child_id,nhs_number
C1,9434765919"
refused 2 "export all writes every field of every kind" export all --fields child_id
refused 2 "export all writes ndjson or json" export all -o markdown
expect_rc 0 templates list --fields name -o csv --no-headers
expect_out "child-in-need
child-protection"
expect_rc 0 export actions --for-agency health --fields action_id,name -o csv
expect_out_has "A61,Amelia Rose Smith"
before_log=$(sqlite3 "$ICSCTL_DB" "SELECT count(*) FROM audit")
refused 2 "no field 'colour'" export actions --for-agency health --fields action_id,colour
check "a refused --fields is no disclosure" test "$(sqlite3 "$ICSCTL_DB" "SELECT count(*) FROM audit")" = "$before_log"

# -o markdown: a pipe table whose cells cannot become markup; formula cells neutralised
fx assign-action P3 --what 'Check | split, [link](http://x) and =SUM(A1)' --owner '=cmd' --agency health --due 2026-05-01
expect_rc 0 list actions --child C3 --agency health --owner '=cmd' --fields action_id,what,owner -o markdown
expect_out '| action_id | what | owner |
| --- | --- | --- |
| A901 | Check \| split, \[link\](http://x) and =SUM(A1) | '"'"'=cmd |'
expect_rc 0 list actions --child C3 --agency health --owner '=cmd' --fields owner -o markdown --raw-cells
expect_out_has "| =cmd |"

# --- the week's overdue health actions: awk -F, on the csv loses the rows whose `what` holds a comma ---
expect_rc 0 report overdue-actions -o csv
by_awk=$(awk -F, '$7 == "health"' <<<"$OUT" | wc -l)
expect_rc 0 report overdue-actions --agency health --fields action_id,child_id,name,nhs_number,due_date -o csv --no-headers
by_filter=$(wc -l <<<"$OUT")
check "health actions by filter: $by_filter" test "$by_filter" = 11
check "awk -F, lost the quoted-comma rows: $by_awk of $by_filter" test "$by_awk" = 5
check "--fields: awk -F, reads every row" test "$(awk -F, '{print $1}' <<<"$OUT" | tr '\n' ' ' | sed 's/ $//')" = "$(ids report overdue-actions --agency health)"

finish
