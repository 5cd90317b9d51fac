#!/usr/bin/env bash
# The configuration file (issue 16 item 8): --config PATH > ICSCTL_CONFIG > $XDG_CONFIG_HOME/icsctl/config;
# each key's precedence flag > env > config > default (the return settings: flag > database > config);
# `config show` says where each value came from; bad files are refused naming FILE:LINE and the key;
# a file another user could change is refused like the database's files.
source "$(dirname "$0")/lib.sh"

# ICSCTL_DB stays a variable of this script (the database `refused` compares), not of icsctl's.
export -n ICSCTL_DB
ICSCTL_DB=$SCRATCH/config.db
unset ICSCTL_USER ICSCTL_WAIT ICSCTL_REPORTS
export XDG_CONFIG_HOME="$SCRATCH/xdg" XDG_DATA_HOME="$SCRATCH/data"
mkdir -p xdg/icsctl
CONF=$SCRATCH/xdg/icsctl/config

# shown KEY [ARGS...]: "VALUE|SOURCE" of KEY in `icsctl ARGS config show`, read from whichever format
# the options make it print (-o is not added: the output format is one of the values shown).
shown() {
  local key=$1
  shift
  "$ICSCTL" "$@" config show 2>/dev/null | python3 -c '
import csv, json, re, sys
key, text = sys.argv[1], sys.stdin.read()
if text.startswith("["): rows = [(r["key"], r["value"], r["source"]) for r in json.loads(text)]
elif text.startswith("{"): rows = [(r["key"], r["value"], r["source"]) for r in map(json.loads, text.splitlines())]
elif text.startswith("key,"): rows = list(csv.reader(text.splitlines()))[1:]
elif text.startswith("key\t"): rows = [l.split("\t") for l in text.splitlines()[1:]]
else: rows = [re.split(r"  +", l.strip()) for l in text.splitlines()[1:]]
for k, v, s in rows:
    if k == key: print((v or "") + "|" + s)
' "$key"
}
# expect_from KEY VALUE SOURCE [ARGS...]: config show (with ARGS) gives KEY that value from that source
expect_from() {
  local key=$1 value=$2 source=$3
  shift 3
  CHECKS=$((CHECKS + 1))
  local got
  got=$(shown "$key" "$@")
  [ "$got" == "$value|$source" ] || fail "config show $*: $key was [$got], wanted [$value|$source]"
}

# --- no file at the default path: every default, and that is fine ---------------------------------
expect_rc 0 config show -o csv
expect_out_has "config,$CONF,default"
expect_out_has "db,$SCRATCH/data/icsctl/ics.db,default"
expect_out_has "output,csv,flag --output"
expect_from output table default
expect_out_has "wait,600,default"
expect_out_has "templates,,default"
expect_out_has "la_code,,default"
expect_err_has "no database at"
expect_from as "$(id -un)" default
expect_rc 4 config show templates
expect_err_has "'templates' has no value"
expect_rc 2 config show nonsense
expect_err_has "'nonsense' is not a configuration key"

# --- the default file gives defaults --------------------------------------------------------------
cat >"$CONF" <<CONF
# icsctl configuration
db: $SCRATCH/config.db
as: Config Person
output: csv
color: never
wait: 5
templates: ~/tpl
reports: $SCRATCH/reports
la_code: "202"
la_name: Camden
CONF
chmod 600 "$CONF"
expect_from config "$CONF" default
expect_from db "$SCRATCH/config.db" "config $CONF:2"
expect_from as "Config Person" "config $CONF:3"
expect_from output csv "config $CONF:4"
NO_COLOR= expect_from color never "config $CONF:5"
expect_from wait 5 "config $CONF:6"
expect_from templates "$HOME/tpl" "config $CONF:7"
expect_from reports "$SCRATCH/reports" "config $CONF:8"
expect_from la_code 202 "config $CONF:9"
expect_from la_name Camden "config $CONF:10"
# and take effect: the database is made where the file says, the actor is the file's, output csv
expect_rc 0 init -q
check "init did not make the configured database" test -f "$SCRATCH/config.db"
expect_rc 0 add-child --given-names Amy --family-name Brown --dob 2016-03-04 --sex F --nhs-number "943 476 5919"
expect_rc 0 list children
expect_out_has "child_id,given_names,family_name"
expect_rc 0 log C1
expect_out_has "Config Person"
expect_rc 0 open-plan C1 --template child-protection --category NEG --start 2026-01-05
expect_rc 0 export cp-is --dry-run
expect_out_has ",202,Camden"

# --- flag > env > config, key by key --------------------------------------------------------------
ICSCTL_DB=$SCRATCH/env.db expect_from db "$SCRATCH/env.db" "env ICSCTL_DB"
ICSCTL_DB=$SCRATCH/env.db expect_from db "$SCRATCH/flag.db" "flag --db" --db "$SCRATCH/flag.db"
expect_from db "$SCRATCH/flag.db" "flag --db" --db "$SCRATCH/flag.db"

export ICSCTL_USER=envuser
expect_from as envuser "env ICSCTL_USER"
expect_from as flaguser "flag --as" --as flaguser
expect_rc 0 add-child --given-names Bo --family-name Green --dob 2018-01-01
expect_rc 0 log C2
expect_out_has "envuser"
unset ICSCTL_USER
expect_from as flaguser "flag --as" --as flaguser

expect_from output json "flag --output" -o json
expect_rc 0 -o json list children
expect_out_has '"child_id":"C1"'

# colour: --color > NO_COLOR / CLICOLOR_FORCE / FORCE_COLOR > config > auto
unset NO_COLOR
expect_from color always "flag --color" --color always
NO_COLOR=1 expect_from color never "env NO_COLOR"
FORCE_COLOR=1 expect_from color always "env FORCE_COLOR"
CLICOLOR_FORCE=1 expect_from color always "env CLICOLOR_FORCE"
NO_COLOR=1 expect_from color always "flag --color" --color always
sed -i 's/^color: never/color: always/' "$CONF"
expect_rc 4 show C99
check "config color: always did not colour the error into a pipe: [$ERR]" grep -q $'\033\\[' <<<"$ERR"
NO_COLOR=1 expect_rc 4 show C99
check "NO_COLOR did not win over the configuration's colour" test -z "$(grep $'\033' <<<"$ERR")"
expect_rc 4 --color never show C99
check "--color never did not win over the configuration's colour" test -z "$(grep $'\033' <<<"$ERR")"
sed -i 's/^color: always/color: never/' "$CONF"
export NO_COLOR=1

ICSCTL_WAIT=7 expect_from wait 7 "env ICSCTL_WAIT"
ICSCTL_WAIT=7 expect_from wait 9 "flag --wait" --wait 9

ICSCTL_TEMPLATES=$SCRATCH/envtpl expect_from templates "$SCRATCH/envtpl" "env ICSCTL_TEMPLATES"
ICSCTL_TEMPLATES=$SCRATCH/envtpl expect_from templates "$SCRATCH/flagtpl" "flag --templates" --templates "$SCRATCH/flagtpl"
ICSCTL_REPORTS=$SCRATCH/envreports expect_from reports "$SCRATCH/envreports" "env ICSCTL_REPORTS"

# the configured templates folder is searched first
mkdir -p "$SCRATCH/tpl2"
sed 's/^name: child-protection/name: my-plan/' "$ICS_SOURCE_DIR/schemas/plans/child-protection.yaml" >"$SCRATCH/tpl2/my-plan.yaml"
echo "templates: $SCRATCH/tpl2" >"$SCRATCH/c2"
chmod 600 "$SCRATCH/c2"
expect_rc 0 --config "$SCRATCH/c2" templates list -o csv
expect_out_has "my-plan"

# --- return settings: --la > database > config ----------------------------------------------------
expect_rc 0 settings set la_code 888
expect_from la_code 888 database
expect_rc 0 export cp-is --dry-run
expect_out_has ",888,Camden"
expect_rc 0 export cp-is --dry-run --la 201
expect_out_has ",201,Camden"
# `settings show` shows the database's own settings: la_name is the configuration's only
expect_rc 4 settings show la_name
expect_from la_name Camden "config $CONF:10"

# --- which file: --config > ICSCTL_CONFIG > the default path --------------------------------------
printf 'output: tsv\n' >"$SCRATCH/env.conf"
printf 'output: json\n' >"$SCRATCH/flag.conf"
chmod 600 "$SCRATCH/env.conf" "$SCRATCH/flag.conf"
export ICSCTL_CONFIG=$SCRATCH/env.conf
expect_from config "$SCRATCH/env.conf" "env ICSCTL_CONFIG"
expect_from output tsv "config $SCRATCH/env.conf:1"
expect_from db "$SCRATCH/data/icsctl/ics.db" default  # the default file is not read as well
expect_from config "$SCRATCH/flag.conf" "flag --config" --config "$SCRATCH/flag.conf"
expect_from output json "config $SCRATCH/flag.conf:1" --config "$SCRATCH/flag.conf"
expect_from output csv "flag --output" --config "$SCRATCH/flag.conf" -o csv
unset ICSCTL_CONFIG
# a file named and missing is an error; the default one missing is not
refused 4 "no configuration file '$SCRATCH/missing.conf' (named by --config)" --config "$SCRATCH/missing.conf" list children
ICSCTL_CONFIG=$SCRATCH/missing.conf refused 4 "(named by ICSCTL_CONFIG)" list children
ICSCTL_CONFIG= expect_from config "$CONF" default
refused 2 "--config" --config "" list children
XDG_CONFIG_HOME=$SCRATCH/nowhere expect_rc 0 config show
XDG_CONFIG_HOME=relative HOME=$SCRATCH/home expect_from config "$SCRATCH/home/.config/icsctl/config" default
# a link to a file of the user's own is followed
ln -s "$SCRATCH/flag.conf" "$SCRATCH/link.conf"
expect_from output json "config $SCRATCH/link.conf:1" --config "$SCRATCH/link.conf"

# --- bad files: exit 3, naming FILE:LINE, the key and the reason; nothing is done -----------------
bad() { # bad TEXT MESSAGE: a file holding TEXT is refused with MESSAGE
  printf '%b' "$1" >"$SCRATCH/bad.conf"
  chmod 600 "$SCRATCH/bad.conf"
  refused 3 "$2" --config "$SCRATCH/bad.conf" list children
}
bad 'output: csv\ncolour: always\n' "$SCRATCH/bad.conf:2: 'colour' is not a configuration key: the keys are db, as, output, color, wait, templates, reports, la_code"
bad 'output: xml\n' "$SCRATCH/bad.conf:1: 'output' must be one of table, csv, tsv, json, ndjson, markdown: 'xml'"
bad 'color: yes\n' "$SCRATCH/bad.conf:1: 'color' must be one of auto, always, never: 'yes'"
bad '\n\nwait: soon\n' "$SCRATCH/bad.conf:3: 'wait' is not a number of seconds from 0 to 86400: 'soon'"
bad 'db: ics.db\n' "$SCRATCH/bad.conf:1: 'db' must be an absolute path, or begin with ~/: 'ics.db'"
bad 'templates: ./tpl\n' "'templates' must be an absolute path"
bad 'db:\n' "$SCRATCH/bad.conf:1: 'db' has no value"
bad 'as: ""\n' "$SCRATCH/bad.conf:1: 'as' has no value"
bad 'la_code: 12\n' "$SCRATCH/bad.conf:1: 'la_code' must be 3 digits"
bad 'serial_no: x1\n' "$SCRATCH/bad.conf:1: 'serial_no' must be 3 or more digits"
bad 'la_phone: call me\n' "'la_phone' is not a phone number"
bad 'output: csv\noutput: json\n' "$SCRATCH/bad.conf:2:1: 'output' is set twice"
bad 'db: [a, b]\n' "$SCRATCH/bad.conf:1:5: 'db' must be one value, not a list"
bad 'output: csv\n  - x\n' "$SCRATCH/bad.conf:"
bad '- db\n' "$SCRATCH/bad.conf:1:1: the file must be a map of keys"
bad 'as: \xff\n' "$SCRATCH/bad.conf:1:5: text is not valid UTF-8"
# an empty file, or comments alone, sets nothing
for empty in '' '# nothing yet\n' '\n\n'; do
  printf '%b' "$empty" >"$SCRATCH/empty.conf"
  expect_from output table default --config "$SCRATCH/empty.conf"
done
# a folder or a FIFO named as the file: refused, not read (and nothing hangs)
mkdir "$SCRATCH/dir.conf"
refused 3 "configuration '$SCRATCH/dir.conf' is not a regular file" --config "$SCRATCH/dir.conf" list children
mkfifo -m 600 "$SCRATCH/fifo.conf"
refused 3 "is not a regular file" --config "$SCRATCH/fifo.conf" list children
# a bad configuration fails every command, config show included (it is how to find out)
printf 'output: xml\n' >"$CONF"
refused 3 "$CONF:1: 'output'" config show
printf 'output: csv\n' >"$CONF"

# --- a file another user could change is refused like the database's files ------------------------
chmod 620 "$CONF"
refused 1 "refusing to read configuration '$CONF': another user could change what icsctl does with it" config show
expect_err_has "'$CONF' is writable by group (mode 0620): chmod go-w '$CONF'"
chmod 602 "$CONF"
refused 1 "is writable by others (mode 0602)" list children
expect_rc 0 --allow-shared config show
expect_err_has "warning: '$CONF' is writable by others (mode 0602): chmod go-w '$CONF' (going on: --allow-shared)"
expect_from output csv "config $CONF:1" --allow-shared
chmod 644 "$CONF"  # readable by others is fine: it holds no secret
expect_rc 0 config show
if [ "$(id -u)" = 0 ]; then
  chown nobody "$CONF"
  refused 1 "'$CONF' is owned by 'nobody'" config show
  expect_err_has "use a copy of your own"
  chown root "$CONF"
  expect_rc 0 config show  # root's file is trusted, as ssh trusts it
fi
# a link to someone else's file: the file it points at is what is judged
chmod 666 "$SCRATCH/flag.conf"
refused 1 "'$SCRATCH/link.conf' is writable by group and others (mode 0666)" --config "$SCRATCH/link.conf" list children

# --- config show in every format -----------------------------------------------------------------
expect_rc 0 config show -o json
expect_out_has '{"key":"config","value":"'"$CONF"'","source":"default"}'
expect_out_has '{"key":"output","value":"json","source":"flag --output"}'
expect_out_has '{"key":"templates","value":null,"source":"default"}'
expect_rc 0 config show -o ndjson
check "config show -o ndjson: $(wc -l <<<"$OUT") lines" test "$(wc -l <<<"$OUT")" = 15
expect_rc 0 config show -o table
expect_out_has "source"
expect_rc 0 config show output
expect_out "csv"

finish
