#!/usr/bin/env bash
# Installs what a bare Debian machine lacks, then configures and builds icsctl in build/.
# Usage: scripts/setup.sh [extra cmake -D options]
#        scripts/setup.sh --deps-only   (installs only: for scripts/fuzz and scripts/test.sh --sanitize)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build pkg-config python3 sqlite3 libsqlite3-dev libcli11-dev libsqlitecpp-dev
          libfmt-dev libyaml-cpp-dev doctest-dev nlohmann-json3-dev nettle-dev bsdutils
          libxlsxwriter-dev python3-openpyxl)
packages+=(man-db)  # man -l renders the manual page (tests/e2e/test_install.sh)
scripts/install-missing setup "${packages[@]}"
[ "${1:-}" = "--deps-only" ] && exit 0

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@" >/dev/null
cmake --build build -j "$(nproc)"
