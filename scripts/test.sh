#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: install dependencies, build with
# AddressSanitizer and UBSan (preset `ci`, gcc), run the unit and end-to-end tests under CTest;
# then the same with clang (preset `ci-clang`) plus a short run of each libFuzzer target.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
# The second compiler (issue 13): clang builds everything again with -Werror, ASan, UBSan and
# the libFuzzer targets (preset ci-clang), then runs the unit tests, the end-to-end cases and
# each libFuzzer target for 30 s over its seed corpus (ctest label `fuzz`). Left out there:
# what does not depend on the compiler (format, docs, schema, mutation) and the slow
# LibreOffice and random-input checks the gcc build already ran. PGI_TEST_CLANG=0 skips it.
# Cost on 2 cores: docs/testing.md, "The clang build".
if [ "${PGI_TEST_CLANG:-1}" != 0 ]; then
  cmake --preset ci-clang
  cmake --build --preset ci-clang
  ctest --preset ci-clang --parallel "$(nproc)" -E '^(format|mutation[.].*|docs[.].*|schema[.].*|e2e[.](fuzz_inputs|office_check|csv_dialect_check|form_round_trip))$'
fi
