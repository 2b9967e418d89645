#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: install dependencies, build with
# AddressSanitizer and UBSan (preset `ci`), run the unit and end-to-end tests under CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
