#!/usr/bin/env bash
# Mutation testing: do the tests catch real mistakes? Applies each one-line source mutant of
# tests/mutation/mutants.txt to a scratch copy of the tree, rebuilds incrementally (only the
# mutated file recompiles; the binaries that link it relink), runs the fast test subset,
# and restores the line. A mutant is "killed" when some test fails, "survived" when all pass,
# "uncompilable" or "stale" (its original line is gone) otherwise; the last two do not count.
# Prints every result, the score (killed / counted) and the run time; exits 1 when more than
# MAX_SURVIVING percent of the counted mutants survive (default 15), 2 when the unmutated
# tree fails its tests.
#
# The build: its own directory (scratch/build), no sanitizers, -O0 without debug info (the
# quickest to recompile and relink; whether a test fails does not depend on optimisation),
# tests on, ccache when present. The fast subset, the same for every mutant: the unit tests
# and every end-to-end test except the LibreOffice round trip (office_check, a minute), the
# input fuzzer, the crash-detection self-test and the docs checks (none of these judges a
# computed value). `--stop-on-failure`: a mutant is killed by its first failing test.
#
#   nice -n 10 tests/mutation/run.sh [MUTANTS_FILE]
#   PGI_MUTATION_DIR=/tmp/pgi-mutation MAX_SURVIVING=15 JOBS=2 tests/mutation/run.sh
#
# Not part of ctest (a full build, then about a minute per mutant on 2 shared cores); run it
# before changing tests or the rules they guard. Figures: docs/testing.md.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
mutants=${1:-$repo/tests/mutation/mutants.txt}
scratch=${PGI_MUTATION_DIR:-${TMPDIR:-/tmp}/pgi-mutation}
max_surviving=${MAX_SURVIVING:-15}
jobs=${JOBS:-2}
start=$(date +%s)

mkdir -p "$scratch/src"
# the working tree as git sees it (tracked and new files), without build output; every file
# gets the time of the copy (-m), so that a scratch build kept from an earlier run rebuilds it
# (with the files' own times, a file the earlier run restored after its last mutant is newer
# than the edit copied now, and the build kept its stale object)
(cd "$repo" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -m -xf - -C "$scratch/src"
# the list as it was copied, like the source (the live tree may change during a long run)
[ $# -eq 0 ] && mutants=$scratch/src/tests/mutation/mutants.txt
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$scratch/src" -B "$scratch/build" -G Ninja -DCMAKE_BUILD_TYPE=Mutation -DCMAKE_CXX_FLAGS_MUTATION=-O0 \
  -DPGI_SANITIZE=OFF -DPGI_WERROR=OFF -DPGI_BUILD_TESTS=ON \
  "${launcher[@]}" >"$scratch/configure.log" 2>&1 || { cat "$scratch/configure.log"; exit 2; }
fast_subset_excluded='office_check|fuzz_inputs|run_case_detects|^docs\.|doc_examples|doc_update_examples|mutation'


run_tests() {
  cmake --build "$scratch/build" -j "$jobs" >"$scratch/build.log" 2>&1 || return 3
  (cd "$scratch/build" && ctest -j "$jobs" -E "$fast_subset_excluded" --stop-on-failure \
    >"$scratch/test.log" 2>&1)
}
run_tests
rc=$?
if [ $rc -ne 0 ]; then
  echo "the unmutated tree does not pass its tests (status $rc); see $scratch/build.log, $scratch/test.log"
  exit 2
fi

killed=0 survived=0 skipped=0 n=0
survivors=()
while IFS=$'\t' read -r file original mutant; do
  case "$file" in '#'* | '') continue ;; esac
  n=$((n + 1))
  target="$scratch/src/$file"
  count=$(python3 -c 'import sys; print(open(sys.argv[1]).read().count(sys.argv[2]))' "$target" "$original" 2>/dev/null || echo 0)
  if [ "$count" != 1 ]; then
    echo "stale         $n $file: \`$original\` found $count times"
    skipped=$((skipped + 1))
    continue
  fi
  cp "$target" "$scratch/unmutated"  # the scratch copy's own line, not the live tree's (it may have moved on)
  python3 -c 'import sys; p,o,m=sys.argv[1:4]; s=open(p).read(); open(p,"w").write(s.replace(o,m))' \
    "$target" "$original" "$mutant"
  run_tests
  rc=$?
  cp "$scratch/unmutated" "$target"  # restore (a fresh mtime, so the next build recompiles it)
  if [ $rc -eq 3 ]; then
    echo "uncompilable  $n $file: $mutant"
    skipped=$((skipped + 1))
  elif [ $rc -ne 0 ]; then
    failed=$(grep -m1 -oE '[0-9]+ - [^ ]+ \(Failed\)' "$scratch/test.log" | sed 's/^[0-9]* - //; s/ (Failed)//')
    echo "killed        $n $file: $mutant  [${failed:-?}]"
    killed=$((killed + 1))
  else
    echo "SURVIVED      $n $file: $original  ->  $mutant"
    survived=$((survived + 1))
    survivors+=("$n")
  fi
done <"$mutants"
run_tests >/dev/null  # leave the scratch build unmutated

counted=$((killed + survived))
elapsed=$(($(date +%s) - start))
echo
echo "mutants: $n; killed $killed, survived $survived, not counted $skipped (stale or uncompilable)"
if [ $counted -gt 0 ]; then
  echo "score: $((100 * killed / counted))% killed; surviving $((100 * survived / counted))% (limit ${max_surviving}%)"
fi
echo "time: ${elapsed} s with -j$jobs"
[ $counted -gt 0 ] && [ $((100 * survived)) -gt $((max_surviving * counted)) ] && exit 1
exit 0
