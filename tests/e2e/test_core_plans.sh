#!/usr/bin/env bash
# Plans, actions and reviews (issue 2 items 7-9): open-plan from the shipped templates with working-day
# due dates, assign/complete/cancel actions, the review clock, close-plan, list and show.
source "$(dirname "$0")/lib.sh"

# field NAME: a top-level field of the record the last `show ID -o json` printed.
field() {
  printf '%s' "$OUT" >"$SCRATCH/.json"
  sqlite3 :memory: "SELECT coalesce(json_extract(readfile('$SCRATCH/.json'), '\$[0].$1'), 'null')"
}

expect_rc 0 init -q
expect_rc 0 add-child --given-names Amelia --family-name Smith --dob 2019-04-02 --sex F --nhs-number 9434765919
expect_rc 0 add-child --given-names Ben --family-name Jones --dob 2026-01-10 --sex M
expect_out C2
expect_rc 0 add-child --given-names Cara --family-name Smith --dob 2019-04-02 --sex F --nhs-number 4010232137
expect_out C3

# --- open-plan: child protection opened on Friday 2025-12-19 (Christmas, Boxing Day, New Year) -----
expect_rc 0 open-plan C1 --template child-protection --category NEG --start 2025-12-19 --worker "Sam Patel" --team "CP Team A"
expect_out P1
expect_rc 0 show P1 -o json
check "first_review_due $(field first_review_due)" test "$(field first_review_due)" = 2026-03-19
check "next_review_due $(field next_review_due)" test "$(field next_review_due)" = 2026-03-19
HASH=$("$ICSCTL" templates show child-protection | sha256sum | cut -d' ' -f1)
check "template_hash $(field template_hash) is not the SHA-256 of the template text" test "$(field template_hash)" = "$HASH"
check "previous_cp_plans $(field previous_cp_plans)" test "$(field previous_cp_plans)" = 0
expect_out_has '{"action_id":"A1","section":"safety","what":"Hold the first core group meeting","owner":"Lead social worker","agency":"social-care","due_date":"2026-01-07","status":"open","completed_date":null}'
expect_rc 0 show P1 -o csv
expect_out "plan_id,child_id,name,template,template_version,template_hash,kind,initial_category,latest_category,start_date,end_date,end_reason,lead_worker,team,contingency,first_review_due,next_review_due,previous_cp_plans,legacy_ref,legacy_end_reason,import_batch,import_file,source_line,episode_id,conference_id
P1,C1,Amelia Smith,child-protection,1,$HASH,child-protection,NEG,NEG,2025-12-19,,,Sam Patel,CP Team A,,2026-03-19,2026-03-19,0,,,,,,E1,I1"
# every template action, due by working days (bank holidays skipped), weeks; no owner -> lead worker
expect_rc 0 list actions --plan P1 -o csv
expect_out "action_id,plan_id,section,what,owner,agency,due_date,status,completed_date,child_id
A1,P1,safety,Hold the first core group meeting,Lead social worker,social-care,2026-01-07,open,,C1
A2,P1,safety,Agree a written safety plan with the parents and share it with the core group,Lead social worker,social-care,2026-01-07,open,,C1
A3,P1,safety,Share information about any adults in the household known to police,Sam Patel,police,2025-12-30,open,,C1
A4,P1,health,\"Arrange a health assessment, including immunisations and dental care\",Health visitor or school nurse,health,2026-01-16,open,,C1
A5,P1,health,Check registration with a GP and that health appointments are attended,Sam Patel,health,2026-01-07,open,,C1
A6,P1,education,\"Report attendance, punctuality and concerns to the core group\",Designated safeguarding lead,education,2026-01-07,open,,C1
A7,P1,education,\"Review support needs and whether an education, health and care assessment is needed\",Sam Patel,education,2026-01-30,open,,C1
A8,P1,family-support,Complete an assessment of the parents' capacity to meet the child's needs,Lead social worker,social-care,2026-02-11,open,,C1
A9,P1,family-support,\"Refer the parents to substance misuse, mental health or domestic abuse services as needed\",Sam Patel,social-care,2026-01-14,open,,C1"

# a child in need plan (of another child: a child's CP and CIN plans never overlap); opened on Friday
# before the Spring bank holiday
expect_rc 0 open-plan nhs:4010232137 --template child-in-need --start 2026-05-22 --worker "Jo Bloggs" --team "CIN Team"
expect_out P2
expect_rc 0 list actions --plan P2 -o csv
expect_out "action_id,plan_id,section,what,owner,agency,due_date,status,completed_date,child_id
A10,P2,needs,Hold the first child in need meeting with the family and agencies,Allocated social worker,social-care,2026-06-08,open,,C3
A11,P2,needs,Agree the plan's outcomes with the child and family and give them a copy,Allocated social worker,social-care,2026-06-15,open,,C3
A12,P2,health,Confirm health needs and any referrals to community health services,Health visitor or school nurse,health,2026-06-19,open,,C3
A13,P2,education,\"Share attendance and progress, and agree support in school or early years setting\",Jo Bloggs,education,2026-06-22,open,,C3
A14,P2,family-support,Offer early help or parenting support and record whether it is taken up,Jo Bloggs,social-care,2026-06-22,open,,C3
A15,P2,family-support,\"Check entitlement to benefits, housing and childcare support\",Jo Bloggs,housing,2026-07-03,open,,C3"
expect_rc 0 show P2 -o json
check "CIN first review $(field first_review_due)" test "$(field first_review_due)" = 2026-08-22
check "CIN category $(field initial_category)" test "$(field initial_category)" = null

# refusals: second open plan of a kind, categories, start dates, templates
refused 3 "child C1 already has an open child-protection plan P1" open-plan C1 --template child-protection --category PHY --start 2026-01-02
refused 3 "already has an open child-in-need plan P2" open-plan C3 --template child-in-need
refused 3 "child C1 already has an open child-protection plan P1: a child protection plan and a child in need plan may not overlap" open-plan C1 --template child-in-need
refused 3 "'category' is required by template 'child-protection'" open-plan C2 --template child-protection --start 2026-02-01
refused 3 "'category' must be one of NEG, PHY, SAB, EMO, MUL: 'XYZ'" open-plan C2 --template child-protection --category XYZ
refused 3 "'category'" open-plan C2 --template child-protection --category neg
refused 3 "'category' does not apply to template 'child-in-need': 'NEG'" open-plan C2 --template child-in-need --category NEG
refused 3 "'start' is before the child's date of birth (2026-01-10): '2026-01-09'" open-plan C2 --template child-in-need --start 2026-01-09
refused 3 "'start' is after today: '2026-11-23'" open-plan C2 --template child-in-need --start 2026-11-23
refused 3 "'start' is not a date (YYYY-MM-DD, today, yesterday, tomorrow, sow, eow, som, eom, soy, eoy, or days, weeks, months, years or working days from today: +7d, -2w, -6m, +1y, +10wd; icsctl help dates): '2026-02-30'" open-plan C2 --template child-in-need --start 2026-02-30
refused 4 "no template 'nope'" open-plan C2 --template nope
refused 4 "no template" open-plan C2 --template ../schemas/plans/child-protection
refused 2 "CHILD is required" open-plan --template child-in-need
refused 2 "--template is required" open-plan C2
expect_rc 0 open-plan C2 --template child-protection --category PHY --start 2026-01-10   # on the day of birth
expect_out P3

# --- assign-action -------------------------------------------------------------------------------
expect_rc 0 assign-action P1 --what "Health visitor home visit" --owner "Dr Ann Lee" --agency health --due 2026-01-16
expect_out A25
expect_rc 0 assign-action p1 --what "School report" --owner "Mr Khan" --agency education --due 2026-02-02 --section education
expect_out A26
expect_rc 0 show A26 -o csv
expect_out "action_id,plan_id,child_id,section,what,owner,agency,due_date,status,completed_date,cancel_reason
A26,P1,C1,education,School report,Mr Khan,education,2026-02-02,open,,"
act=(--what x --owner o --agency health)
refused 3 "'due' is not a date (YYYY-MM-DD, today, yesterday, tomorrow, sow, eow, som, eom, soy, eoy, or days, weeks, months, years or working days from today: +7d, -2w, -6m, +1y, +10wd; icsctl help dates): '2026-01-32'" assign-action P1 "${act[@]}" --due 2026-01-32
refused 3 "'due' is before the plan's start (2025-12-19): '2025-12-18'" assign-action P1 "${act[@]}" --due 2025-12-18
refused 4 "no plan 'P99'" assign-action P99 "${act[@]}" --due 2026-01-16
refused 3 "'plan' is not a plan id (like P42): 'Q1'" assign-action Q1 "${act[@]}" --due 2026-01-16
refused 3 "'plan'" assign-action C1 "${act[@]}" --due 2026-01-16
refused 3 "'section' is not a section of template 'child-protection': 'nope'" assign-action P1 "${act[@]}" --due 2026-01-16 --section nope
refused 3 "'section'" assign-action P2 "${act[@]}" --due 2026-06-01 --section safety
refused 3 "'what' must not be empty" assign-action P1 --what " " --owner o --agency health --due 2026-01-16
refused 2 "--due is required" assign-action P1 --what x --owner o --agency health

# --- complete-action and cancel-action -----------------------------------------------------------
expect_rc 0 complete-action A1
expect_out ""
expect_err_has "A1 done on 2026-11-22"
expect_rc 0 complete-action A2 --date 2026-01-05
expect_rc 0 list actions --plan P1 --status done -o csv
expect_out "action_id,plan_id,section,what,owner,agency,due_date,status,completed_date,child_id
A1,P1,safety,Hold the first core group meeting,Lead social worker,social-care,2026-01-07,done,2026-11-22,C1
A2,P1,safety,Agree a written safety plan with the parents and share it with the core group,Lead social worker,social-care,2026-01-07,done,2026-01-05,C1"
refused 3 "action 'A1' is already done" complete-action A1
refused 3 "'date' is after today: '2026-11-23'" complete-action A3 --date 2026-11-23
refused 3 "'date' is before the plan's start (2025-12-19)" complete-action A3 --date 2025-12-18
refused 3 "'date' is not a date" complete-action A3 --date 2026-02-29
refused 4 "no action 'A99'" complete-action A99
refused 3 "'action'" complete-action P1
refused 2 "--reason is required" cancel-action A3
refused 2 "option '--reason' is given an empty value" cancel-action A3 --reason ""
refused 3 "'reason' must not be empty" cancel-action A3 --reason " "
expect_rc 0 cancel-action A3 --reason "Not needed: no adults known"
expect_rc 0 show A3 -o csv
expect_out_has "A3,P1,C1,safety,Share information about any adults in the household known to police,Sam Patel,police,2025-12-30,cancelled,2026-11-22,Not needed: no adults known"
refused 3 "action 'A3' is already cancelled" cancel-action A3 --reason again
refused 3 "action 'A1' is already done" cancel-action A1 --reason again
refused 3 "already cancelled" complete-action A3

# --- reviews: core groups leave the clock; review conferences move it; categories -----------------
expect_rc 0 record-review P1 --date 2026-01-07 --kind core-group
expect_out R1
expect_rc 0 show P1 -o json
check "a core group moved next_review_due to $(field next_review_due)" test "$(field next_review_due)" = 2026-03-19
expect_rc 0 record-review P1 --date 2026-03-19 --category EMO --outcome "Plan continues"
expect_out R2
expect_rc 0 show P1 -o json
check "review conference: next_review_due $(field next_review_due)" test "$(field next_review_due)" = 2026-09-19
check "first_review_due changed to $(field first_review_due)" test "$(field first_review_due)" = 2026-03-19
check "latest_category $(field latest_category)" test "$(field latest_category)" = EMO
check "initial_category $(field initial_category)" test "$(field initial_category)" = NEG
expect_rc 0 record-review P1 --date 2026-04-01 --kind visit
expect_out R3
expect_rc 0 show R2 -o csv
expect_out "review_id,plan_id,child_id,kind,review_date,category,outcome,next_review_due,seen,seen_alone
R2,P1,C1,review-conference,2026-03-19,EMO,Plan continues,2026-09-19,,"
expect_rc 0 show R3 -o csv
expect_out "review_id,plan_id,child_id,kind,review_date,category,outcome,next_review_due,seen,seen_alone
R3,P1,C1,visit,2026-04-01,,,,,"
expect_rc 0 record-review P2 --date 2026-08-20 --outcome "Good progress"   # child in need: 6 months on
expect_rc 0 show P2 -o json
check "CIN review: next_review_due $(field next_review_due)" test "$(field next_review_due)" = 2027-02-20
refused 3 "'kind' must be one of initial-conference, review-conference, core-group, visit: 'bogus'" record-review P1 --date 2026-04-02 --kind bogus
refused 3 "'date' is after today" record-review P1 --date 2026-11-23
refused 3 "'date' is before the plan's start" record-review P1 --date 2025-12-18
refused 3 "'date' is not a date" record-review P1 --date 2026-04-31
refused 3 "'category' does not apply to a child-in-need plan: 'NEG'" record-review P2 --date 2026-08-21 --category NEG
refused 3 "'category' must be one of NEG, PHY, SAB, EMO, MUL: 'ZZZ'" record-review P1 --date 2026-04-02 --category ZZZ
refused 4 "no plan 'P99'" record-review P99 --date 2026-04-02
refused 3 "'plan'" record-review A1 --date 2026-04-02
refused 2 "--date is required" record-review P1

# --- close-plan: open actions are cancelled with it; a closed plan takes nothing more ---------------
refused 3 "'end' is before the plan's start (2025-12-19): '2025-12-18'" close-plan --yes P1 --end 2025-12-18 --reason other
refused 3 "'reason' must be one of no-longer-at-risk, transferred-out, looked-after, adopted, age-18, died, other: 'bogus'" close-plan --yes P1 --end 2026-09-30 --reason bogus
refused 3 "'end' is after today: '2026-11-23'" close-plan --yes P1 --end 2026-11-23 --reason other
refused 3 "'end' is not a date" close-plan --yes P1 --end 2026-09-31 --reason other
refused 2 "--reason is required" close-plan --yes P1 --end 2026-09-30
refused 4 "no plan 'P99'" close-plan --yes P99 --end 2026-09-30 --reason other
expect_rc 0 close-plan --yes P1 --end 2026-09-30 --reason no-longer-at-risk
expect_out ""
expect_rc 0 list actions --plan P1 -o csv
check "close-plan left open actions" test "$(grep -c ',open,' <<<"$OUT")" = 0
check "close-plan: cancelled actions $(grep -c ',cancelled,2026-09-30,C1$' <<<"$OUT"), wanted 8" test "$(grep -c ',cancelled,2026-09-30,C1$' <<<"$OUT")" = 8
expect_out_has "A1,P1,safety,Hold the first core group meeting,Lead social worker,social-care,2026-01-07,done,2026-11-22"
expect_out_has "A3,P1,safety,Share information about any adults in the household known to police,Sam Patel,police,2025-12-30,cancelled,2026-11-22"
expect_rc 0 show A4 -o csv
expect_out_has ",cancelled,2026-09-30,plan closed"
refused 3 "plan 'P1' was closed on 2026-09-30" close-plan --yes P1 --end 2026-10-30 --reason other
refused 3 "plan 'P1' was closed on 2026-09-30" assign-action P1 "${act[@]}" --due 2026-10-01
refused 3 "plan 'P1' was closed on 2026-09-30" record-review P1 --date 2026-10-01
refused 3 "already cancelled" complete-action A4
# a new child protection plan after the last one ended counts it
expect_rc 0 open-plan C1 --template child-protection --category MUL --start 2026-10-05 --worker "Sam Patel"
expect_out P4
expect_rc 0 show P4 -o json
check "previous_cp_plans $(field previous_cp_plans), wanted 1" test "$(field previous_cp_plans)" = 1

# --- list ------------------------------------------------------------------------------------------
expect_rc 0 list children -o csv
expect_out "child_id,given_names,family_name,date_of_birth,expected_dob,sex,nhs_number,upn,ethnicity,open_plans
C1,Amelia,Smith,2019-04-02,,F,9434765919,,,1
C2,Ben,Jones,2026-01-10,,M,,,,1
C3,Cara,Smith,2019-04-02,,F,4010232137,,,1"
expect_rc 0 list plans -o csv
expect_out "plan_id,child_id,template,kind,initial_category,latest_category,start_date,end_date,end_reason,lead_worker,team
P1,C1,child-protection,child-protection,NEG,EMO,2025-12-19,2026-09-30,no-longer-at-risk,Sam Patel,CP Team A
P2,C3,child-in-need,child-in-need,,,2026-05-22,,,Jo Bloggs,CIN Team
P3,C2,child-protection,child-protection,PHY,PHY,2026-01-10,,,,
P4,C1,child-protection,child-protection,MUL,MUL,2026-10-05,,,Sam Patel,"
expect_rc 0 list plans --child C1 --open -o csv
check "list plans --child C1 --open: [$OUT]" test "$(cut -d, -f1 <<<"$OUT" | paste -sd' ')" = "plan_id P4"
expect_rc 0 list plans --child nhs:9434765919 -o csv
check "list plans --child nhs:…: [$OUT]" test "$(cut -d, -f1 <<<"$OUT" | paste -sd' ')" = "plan_id P1 P4"
expect_rc 0 list plans --open -o csv
check "list plans --open: [$OUT]" test "$(cut -d, -f1 <<<"$OUT" | paste -sd' ')" = "plan_id P2 P3 P4"
expect_rc 0 list actions --status cancelled -o csv
check "list actions --status cancelled: $(cut -d, -f1 <<<"$OUT" | paste -sd' ')" \
  test "$(cut -d, -f1 <<<"$OUT" | paste -sd' ')" = "action_id A3 A4 A5 A6 A7 A8 A9 A25 A26"
expect_rc 0 list actions --plan P2 --status open -o tsv
check "list actions --plan P2 --status open -o tsv: $(cut -f1 <<<"$OUT" | paste -sd' ')" \
  test "$(cut -f1 <<<"$OUT" | paste -sd' ')" = "action_id A10 A11 A12 A13 A14 A15"
expect_rc 0 list children -o ndjson
check "list children -o ndjson: $(wc -l <<<"$OUT") lines" test "$(wc -l <<<"$OUT")" = 3
refused 4 "no child 'C9'" list plans --child C9
refused 3 "'plan'" list actions --plan X
refused 2 "icsctl: error:" list
refused 2 "icsctl: error:" list plans --bogus

# --- show: each kind of id; unknown ids exit 4, non-ids exit 3 -------------------------------------
expect_rc 0 show C2 -o json
expect_out '[
{"child_id":"C2","given_names":"Ben","family_name":"Jones","date_of_birth":"2026-01-10","expected_dob":null,"sex":"M","nhs_number":null,"upn":null,"ethnicity":null,"refs":null,"import_batch":null,"source_line":null,"disabilities":null,"upn_unknown":null,"former_upn":null,"mother_nhs_number":null,"date_of_death":null,"restricted":"no","episodes":[{"episode_id":"E3","referral_date":"2026-01-10","referral_source":null,"primary_need":null,"nfa":"no","closure_date":null,"closure_reason":null,"made_by":"open-plan"}],"plans":[{"plan_id":"P3","template":"child-protection","kind":"child-protection","category":"PHY","start_date":"2026-01-10","end_date":null,"end_reason":null,"lead_worker":null}]}
]'
expect_rc 0 show R1 -o ndjson
expect_out '{"review_id":"R1","plan_id":"P1","child_id":"C1","kind":"core-group","review_date":"2026-01-07","category":null,"outcome":null,"next_review_due":null,"seen":null,"seen_alone":null}'
for id in C99 P99 A99 R99 B99; do refused 4 "'$id'" show "$id"; done
for id in X1 P 1 P1x ""; do refused 3 "'id'" show "$id"; done

# --- known gaps, last so that they cannot disturb the checks above ---------------------------------
# a filter value that is not a status, or a plan that does not exist, is an error, not an empty list
refused 3 "'status'" list actions --status bogus
refused 4 "no plan 'P99'" list actions --plan P99
# a new plan may not start while the child's last plan of that kind was still open (P1 ran to 2026-09-30)
expect_rc 0 close-plan --yes P4 --end 2026-10-06 --reason other
refused 3 "start" open-plan C1 --template child-protection --category NEG --start 2026-09-01

finish
