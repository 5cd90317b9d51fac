#!/usr/bin/env bash
# `cmake --install` puts the binary, the library and its headers, the templates, calendars and
# mappings and the manual page under the prefix, and the installed binary runs from there and finds
# its templates.
source "$(dirname "$0")/lib.sh"
: "${ICS_BUILD_DIR:?}"

prefix=$SCRATCH/prefix
CHECKS=$((CHECKS + 1))
cmake --install "$ICS_BUILD_DIR" --prefix "$prefix" >/dev/null 2>&1 || fail "cmake --install failed"
for f in bin/icsctl include/ics/store/database.hpp include/ics/plan/template.hpp \
         share/icsctl/plans/child-protection.yaml share/icsctl/plans/child-in-need.yaml \
         share/icsctl/calendars/england-and-wales.yaml share/icsctl/mappings/legacy-register.yaml; do
  CHECKS=$((CHECKS + 1)); [ -f "$prefix/$f" ] || fail "not installed: $f"
done
CHECKS=$((CHECKS + 1)); ls "$prefix"/lib*/libics.so* >/dev/null 2>&1 || fail "libics.so not installed"

installed=$prefix/bin/icsctl
OUT=$("$installed" --version); CHECKS=$((CHECKS + 1))
[[ "$OUT" == "icsctl "*"(schema version "* ]] || fail "installed --version printed [$OUT]"
OUT=$("$installed" init 2>&1 && "$installed" templates list -o csv); CHECKS=$((CHECKS + 1))
[[ "$OUT" == *"child-protection,1,child-protection,"*",$prefix/share/icsctl/plans/child-protection.yaml"* ]] ||
  fail "installed templates list does not read the installed templates: [$OUT]"

# The manual page, made at build time by icsctl __man: installed, rendered by man, naming every command.
page=$prefix/share/man/man1/icsctl.1
CHECKS=$((CHECKS + 1))
if [ ! -f "$page" ]; then
  fail "not installed: share/man/man1/icsctl.1"
elif ! command -v man >/dev/null; then
  fail "no man (Debian man-db, which scripts/setup.sh installs) to render the manual page"
else
  text=$(MANWIDTH=100 man --warnings -l "$page" 2>"$SCRATCH/.man" | col -b)
  CHECKS=$((CHECKS + 1))
  [ -s "$SCRATCH/.man" ] && fail "man -l warned about the page: $(head -5 "$SCRATCH/.man")"
  for section in NAME SYNOPSIS DESCRIPTION "GLOBAL OPTIONS" COMMANDS "HELP TOPICS" ENVIRONMENT "EXIT STATUS"; do
    check "the manual page has no section $section" grep -qx "$section" <<<"$text"
  done
  mapfile -t commands < <(command_paths "$installed")
  check "too few commands found: ${#commands[@]}" test ${#commands[@]} -ge 50
  for c in "${commands[@]}"; do
    check "the manual page does not name '$c'" grep -qx "   $c" <<<"$text"
  done
  for topic in formats dates filters import reports; do
    check "the manual page lacks the topic $topic" grep -qx "   $topic" <<<"$text"
  done
  check "the manual page lacks add-child's examples" grep -q "icsctl add-child --given-names" <<<"$text"
  check "the manual page lacks --on-conflict" grep -q -- "--on-conflict" <<<"$text"
fi

libdir=$(dirname "$(ls "$prefix"/lib*/libics.so | head -1)")

# The public API: exactly the headers marked ICS_API_BEGIN (and api.hpp) are installed.
marked=$(cd "$ICS_SOURCE_DIR/lib" && { grep -rlx 'ICS_API_BEGIN' ics --include='*.hpp'; echo ics/api.hpp; } | sort)
installed_headers=$(cd "$prefix/include" && find ics -name '*.hpp' | sort)
CHECKS=$((CHECKS + 1))
[ "$installed_headers" == "$marked" ] ||
  fail "installed headers differ from the marked ones: $(diff <(echo "$marked") <(echo "$installed_headers") | head -10)"
CHECKS=$((CHECKS + 1))
[ "$(echo "$marked" | wc -l)" -ge 20 ] || fail "too few public headers: [$marked]"

# Every #include <ics/...> in cmd/ is a public header.
for h in $(grep -rhoE '#include <ics/[^>]+>' "$ICS_SOURCE_DIR/cmd" | sed 's/#include <//; s/>//' | sort -u); do
  CHECKS=$((CHECKS + 1))
  grep -qxF "$h" <<<"$marked" || fail "cmd/ includes $h, which is not a public header"
done

# Every installed header compiles on its own against the installed tree (one translation unit each).
broken=$(printf '%s\n' $installed_headers | xargs -P "$(nproc)" -I{} sh -c \
  'echo "#include <{}>" | g++ -std=c++20 -fsyntax-only -I"$1/include" -x c++ - >/dev/null 2>&1 || echo {}' _ "$prefix")
CHECKS=$((CHECKS + $(echo "$installed_headers" | wc -l)))
[ -z "$broken" ] || fail "installed headers that do not compile on their own: $broken"

# A program embedding libics: open a database, add a child through the record API, read it back.
cat >t.cpp <<'CPP'
#include <ics/record/children.hpp>
#include <ics/store/database.hpp>
#include <ics/store/records.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/error.hpp>

int main() {
  const ics::store::AuditContext who{"embedder", "add-child", "2026-11-22T10:00:00Z"};
  ics::store::Database::init("embed.db", who);
  ics::store::Database db("embed.db", ics::store::OpenMode::write);
  ics::model::Child child;
  child.given_names = "Ada";
  child.family_name = "Lovelace";
  ics::store::WriteTransaction tx(db, who);
  const auto id = ics::record::add_child(tx, child, ics::util::Date(2026, 11, 22));
  tx.commit();
  if (ics::store::get_child(db, id).family_name != "Lovelace") return 1;
  try {
    ics::store::get_child(db, id + 1);
  } catch (const ics::NotFound&) {
    return 0;
  }
  return 2;
}
CPP
CHECKS=$((CHECKS + 1))
g++ -std=c++20 -I"$prefix/include" t.cpp -L"$libdir" -lics -lfmt -Wl,-rpath,"$libdir" -o t 2>"$SCRATCH/.cc" && ./t ||
  fail "a program using the installed headers and library did not build or run: $(head -5 "$SCRATCH/.cc")"
CHECKS=$((CHECKS + 1))
ICSCTL_DB=embed.db "$installed" list children -o csv | grep -q Lovelace ||
  fail "icsctl does not see the child the embedding program added"

# libics exports the API and nothing private to lib/.
symbols=$(nm -D --defined-only -C "$libdir/libics.so")
CHECKS=$((CHECKS + 1))
grep -q 'ics::record::add_child' <<<"$symbols" || fail "libics does not export ics::record::add_child"
for private in 'CheckedRows' 'ChildMatcher' 'RowBatch' 'RegisterWrites' 'ics::util::Sha256' 'SQLite::'; do
  CHECKS=$((CHECKS + 1))
  ! grep -q "$private" <<<"$symbols" || fail "libics exports a private symbol: $(grep "$private" <<<"$symbols" | head -3)"
done
finish
