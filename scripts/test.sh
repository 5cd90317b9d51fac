#!/usr/bin/env bash
# Sets everything up, builds with warnings as errors, and runs every test (unit and end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
# The shells whose completion scripts tests/e2e/test_completion.sh checks (it skips them, loudly,
# when they are missing).
missing=()
for p in zsh fish; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
scripts/setup.sh -DICS_WERROR=ON -DBUILD_TESTING=ON
cd build
ctest --output-on-failure -j "$(nproc)"
