#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (one per loader) for a bounded time each, from a
# seed corpus made of the repository's fixtures and examples (docs/testing.md, "Fuzzing").
#
#   scripts/fuzz.sh [--build DIR] [--seconds N] [--jobs J] [TARGET…]
#
# DIR is a build made with the `fuzz` preset (default build/fuzz; built here when missing),
# N the seconds per target (default 30), TARGET one of fuzz_yaml_plan fuzz_toml_plan
# fuzz_update fuzz_import fuzz_form (default: all). The working corpus grows in
# ${PGI_FUZZ_DIR:-$TMPDIR/pgi-fuzz}/TARGET/corpus and is kept between runs, so long runs can
# be resumed; a crash, leak, timeout or sanitizer report is saved there as crash-*/leak-*/
# timeout-* and makes the script exit 1. Each target's executions and result are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/fuzz
seconds=30
jobs=1
targets=()
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_yaml_plan fuzz_toml_plan fuzz_update fuzz_import fuzz_form)
if [ ! -x "$build/tests/fuzz/${targets[0]}" ]; then
  if [ "$build" != build/fuzz ]; then
    echo "fuzz.sh: $build has no libFuzzer targets: build it with the preset fuzz or ci-clang" >&2
    exit 2
  fi
  cmake --preset fuzz $(command -v ccache >/dev/null && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache) >/dev/null
  cmake --build "$build" -j2 --target "${targets[@]}" pgi
fi
build=$(cd "$build" && pwd)
work=${PGI_FUZZ_DIR:-${TMPDIR:-/tmp}/pgi-fuzz}
mkdir -p "$work"
work=$(cd "$work" && pwd)

# seed FILE… into DIR, each prefixed with the byte PREFIX (octal escape, or empty)
seed() {
  local dir=$1 prefix=$2; shift 2
  local f n=0
  for f in "$@"; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    { printf "$prefix"; cat "$f"; } >"$dir/seed-$(printf '%04d' $n)-$(basename "$f")"
  done
}

status=0
for t in "${targets[@]}"; do
  corpus=$work/$t/corpus
  mkdir -p "$corpus"
  if [ -z "$(ls -A "$corpus")" ]; then
    case $t in
      fuzz_yaml_plan) seed "$corpus" '' $(find tests/fixtures examples -name '*.yaml' -o -name '*.yml') ;;
      fuzz_toml_plan) seed "$corpus" '' $(find tests/fixtures examples -name '*.toml') ;;
      fuzz_update)
        seed "$corpus" '\000' $(find tests/fixtures/updates tests/fixtures/tracking examples/*/updates -name '*.yaml')
        seed "$corpus" '\001' $(find tests/fixtures tests/e2e/cases -name '*.toml' | head -20) ;;
      fuzz_import) seed "$corpus" '' $(find tests/fixtures/import tests/fixtures/seed -type f) ;;
      fuzz_form)
        # an .xlsx form as `pgi form` writes it, and the CSV tables of the fixtures
        tmp=$(mktemp -d)
        SOURCE_DATE_EPOCH=1730419200 "$build/cli/pgi" form examples/lang-son-2024 --period 2024-10 -o "$tmp" >/dev/null 2>&1 || true
        seed "$corpus" '\000' "$tmp"/*.xlsx
        seed "$corpus" '\001' $(find tests/fixtures -name '*.csv')
        rm -rf "$tmp" ;;
      *) echo "unknown target $t" >&2; exit 2 ;;
    esac
  fi
  log=$work/$t/last-run.log
  start=$(date +%s)
  set +e
  rm -f "$work/$t"/fuzz-*.log
  parallel=()
  [ "$jobs" -le 1 ] || parallel=(-jobs="$jobs" -workers="$jobs")
  # from the target's directory: with --jobs above 1 libFuzzer writes fuzz-N.log there
  (cd "$work/$t" && "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
    -max_len=262144 "${parallel[@]}" -print_final_stats=1 -artifact_prefix="$work/$t/" \
    "$corpus") >"$log" 2>&1
  rc=$?
  set -e
  logs=("$log")
  for f in "$work/$t"/fuzz-*.log; do [ ! -f "$f" ] || logs+=("$f"); done
  runs=$(awk '/stat::number_of_executed_units/ {s += $2} END {print s + 0}' "${logs[@]}")
  files=$(ls "$corpus" | wc -l)
  if [ $rc -eq 0 ]; then
    echo "$t: ok, $runs runs in $(( $(date +%s) - start )) s, corpus $files inputs"
  else
    status=1
    echo "$t: FAILED (exit $rc) after $(( $(date +%s) - start )) s; log $log, artifacts in $work/$t/"
    grep -hE 'ERROR|SUMMARY|Test unit written' "${logs[@]}" | head -5 || true
  fi
done
exit $status
