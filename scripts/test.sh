#!/usr/bin/env bash
# Sets everything up, builds with warnings as errors, and runs every test (unit and end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh -DICS_WERROR=ON -DBUILD_TESTING=ON
cd build
ctest --output-on-failure -j "$(nproc)"
