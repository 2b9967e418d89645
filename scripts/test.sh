#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: install dependencies, build with
# AddressSanitizer and UBSan (preset `ci`), run the unit and end-to-end tests under CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
# With PGI_TEST_CLANG=1, also build with clang (preset ci-clang, -Werror) and run the unit
# tests there. Opt-in until its run time on CI's 2 cores has been measured.
if [ "${PGI_TEST_CLANG:-}" = 1 ]; then
  cmake --preset ci-clang
  cmake --build --preset ci-clang --target pgi_unit_tests
  ctest --preset ci-clang -R '^unit$'
fi
# With PGI_TEST_FUZZ=1, also build the libFuzzer targets (preset fuzz, clang) and run each for
# 30 s over its seed corpus (scripts/fuzz.sh; docs/testing.md, "Fuzzing"). Opt-in: a second full
# build with clang plus 2.5 min of fuzzing, not yet timed on CI.
if [ "${PGI_TEST_FUZZ:-}" = 1 ]; then
  scripts/fuzz.sh --seconds 30
fi
