#!/usr/bin/env bash
# `cmake --install` puts the binary, the library and its headers, the templates, calendars and
# mappings under the prefix, and the installed binary runs from there and finds its templates.
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

# A header compiles on its own against the installed tree.
printf '#include <ics/util/date.hpp>\nint main() { return ics::util::Date(2025, 12, 19).iso_weekday() == 5 ? 0 : 1; }\n' >t.cpp
CHECKS=$((CHECKS + 1))
g++ -std=c++20 -I"$prefix/include" t.cpp -L"$(dirname "$(ls "$prefix"/lib*/libics.so | head -1)")" -lics -lfmt \
  -Wl,-rpath,"$(dirname "$(ls "$prefix"/lib*/libics.so | head -1)")" -o t 2>"$SCRATCH/.cc" && ./t ||
  fail "a program using the installed headers and library did not build or run: $(head -5 "$SCRATCH/.cc")"
finish
