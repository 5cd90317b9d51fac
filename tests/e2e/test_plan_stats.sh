#!/usr/bin/env bash
# The DfE's child protection indicators (issue 14 item 6): `report plan-stats --year YYYY` on the
# plans of returns_fixture.sql, every figure worked out by hand below and pinned by a golden csv;
# the ICPC counting convention as a threshold; --year only for a report that takes it.
source "$(dirname "$0")/lib.sh"

check() { local what=$1; shift; CHECKS=$((CHECKS + 1)); "$@" || fail "$what"; }

expect_rc 0 init -q
sqlite3 "$ICSCTL_DB" <"$ICS_SOURCE_DIR/tests/e2e/returns_fixture.sql" || fail "the fixture did not load"

# Year 2026: S = 2025-04-01, E = 2026-03-31 (the plans are listed in the fixture's comments).
# started (S <= start <= E): P6, P7, P12 = 3 plans; children C6, C5 = 2
# ended (S <= end <= E): P6, P8, P9, P10, P11 (on S), P12 = 6 plans, 6 children
# at any point (start <= E, no end or end >= S): P3, P6-P12 = 8 plans; children C4-C10 = 7
# at 31 March (start <= E, no end or end > E): P3, P7 = 2 plans, 2 children
# at 31 March by initial category: P3 PHY, P7 NEG; by latest (reviews by E): P3 EMO, P7 NEG
# started by initial category: P6 MUL, P7 NEG, P12 EMO (of 3)
# durations of the 6 ended: P6 <= 3 months; P8 (start + 6 months exactly), P9 (start + 3 months
# clamped to 2025-04-30, ended 2025-05-01) over 3 up to 6; P12 over 6 under 12; P10 (exactly 1 year)
# 1-2 years; P11 (exactly 2 years) 2 years or more: 1, 2, 1, 1, 1; 2 years or more 1 of 6 (16.7%)
# second or subsequent: C6's P7 (1 earlier plan) of children starting C6, C5: 1 of 2; within 2 years
# of the earlier one's end (P6, 2025-07-31): 1 of 2
# reviewed within timescales: the cohort is P3 and P7 (open on 31 March, started by 2025-12-31); P3's
# reviews all on time and the next due 2026-04-01 >= E; P7's first late: 1 of 2
# ICPCs of an enquiry held in the year: S5, S6, S7, S8, S9 = 5; S8's before its enquiry (1 of 5, not
# timed); working days after the start of the 4 timed: S7 3 (0-10), S5 13 (11-15), S6 20 (16-20),
# S9 22 (21+); on time (<= 15) S7, S5: 2 of 4
expect_rc 0 report plan-stats --year 2026 -o csv
expect_golden plan_stats_2026.csv
expect_rc 0 report plan-stats --year 2026 -o json
expect_out_has '{"indicator":"cpp_at31","breakdown":"plans","value":2,"denominator":null,"percent":null,"convention":null}'

# the start as day 1 (the validator's way): S5 14, S6 21, S7 4, S9 23 -> 1, 1, 0, 2; on time 2
expect_rc 0 report plan-stats --year 2026 --threshold s47_start_counts=1 -o csv
expect_out_has "icpc_working_days,16-20 working days,0,4,0.0,\"s47_start_counts=1: the enquiry's start, when a working day, is day 1; icpc_working_days=15\""
expect_out_has "icpc_working_days,21 or more working days,2,4,50.0,"
expect_out_has "icpc_within_timescale,on time,2,4,50.0,"
# a stricter local timescale: within 10 working days, only S7
expect_rc 0 report plan-stats --year 2026 --threshold icpc_working_days=10 -o csv
expect_out_has "icpc_within_timescale,on time,1,4,25.0,s47_start_counts=0: working days after the enquiry's start (the start is day 0); icpc_working_days=10"

# year 2027 so far: P1, P5, P13 started; P3, P7 ended
expect_rc 0 report plan-stats --year 2027 -o csv
expect_out_has "cpp_start,plans,3,,,"
expect_out_has "cpp_end,plans,2,,,"

# --year: required by plan-stats, refused by the others, checked
expect_rc 2 report plan-stats
expect_err_has "--year YYYY for report 'plan-stats'"
expect_rc 2 report register --year 2026
expect_err_has "report 'register' takes no --year"
expect_rc 3 report plan-stats --year 26
expect_err_has "'year' is not a year YYYY (the year ending 31 March YYYY): '26'"
expect_rc 3 report plan-stats --year 20x6
expect_rc 0 report --list -o csv
expect_out_has "plan-stats,indicator and breakdown,as_of year,"

finish
