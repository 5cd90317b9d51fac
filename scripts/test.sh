#!/usr/bin/env bash
# Sets everything up, builds with warnings as errors, and runs every test (unit and end-to-end).
# Usage: scripts/test.sh              the build in build/ and every test
#        scripts/test.sh --sanitize   the same tests against a build with AddressSanitizer and
#                                     UndefinedBehaviorSanitizer in build-sanitize/: the first error
#                                     ends the program that made it, and so fails its test
set -euo pipefail
cd "$(dirname "$0")/.."
# The shells whose completion scripts tests/e2e/test_completion.sh checks (it skips them, loudly,
# when they are missing).
scripts/install-missing test zsh fish
if [ "${1:-}" = "--sanitize" ]; then
  scripts/setup.sh --deps-only
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  flags="-fsanitize=address,undefined -fno-omit-frame-pointer"
  cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON "${launcher[@]}" \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" -DCMAKE_SHARED_LINKER_FLAGS="$flags" >/dev/null
  cmake --build build-sanitize -j "$(nproc)"
  export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  export ICS_SANITIZED=1  # for the few e2e checks that measure memory or time (they say so when skipped)
  cd build-sanitize
  exec ctest --output-on-failure -j "$(nproc)"
fi
scripts/setup.sh -DICS_WERROR=ON -DBUILD_TESTING=ON
cd build
ctest --output-on-failure -j "$(nproc)"
