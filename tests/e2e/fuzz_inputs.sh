#!/usr/bin/env bash
# Robustness: feeds the built pgi truncated and byte-mutated copies of the shipped examples
# and requires a clean exit each time: 0 (still valid), 1 (invalid plan) or 2 (unreadable),
# never a crash, a sanitizer report or a hang.
#
#   fuzz_inputs.sh PGI [ROUNDS]
#
# Deterministic: the mutations come from a fixed seed, so a failure can be reproduced; the
# failing input is kept in a temporary directory and its path printed.
set -u
pgi=$1
rounds=${2:-150}
work=$(mktemp -d)
export SOURCE_DATE_EPOCH=1764979200 NO_COLOR=1
failures=0
runs=0

check() {  # file, description
  local f=$1 what=$2 rc
  for cmd in validate gap; do
    timeout 20 "$pgi" "$cmd" "$f" --as-of 2025-01-01 >/dev/null 2>"$work/err"
    rc=$?
    runs=$((runs + 1))
    if [ $rc -gt 2 ] || grep -q "Sanitizer\|runtime error\|internal error" "$work/err"; then
      failures=$((failures + 1))
      keep=$work/failure-$failures.${f##*.}
      cp "$f" "$keep"
      echo "FAIL ($what): pgi $cmd exited $rc; input kept at $keep"
      head -5 "$work/err"
    fi
  done
}

RANDOM=4242
for src in examples/*/plan.yaml examples/*/plan.toml; do
  [ -f "$src" ] || continue
  ext=${src##*.}
  size=$(stat -c %s "$src")
  for ((i = 0; i < rounds; i++)); do
    f=$work/case.$ext
    pos=$(( (RANDOM * 32768 + RANDOM) % size ))
    case $((i % 5)) in
      0) head -c "$pos" "$src" >"$f" ;;                                  # truncate
      1) { head -c "$pos" "$src"; printf '\xff\xfe'; tail -c +$((pos + 1)) "$src"; } >"$f" ;;  # junk bytes
      2) { head -c "$pos" "$src"; printf '%s' ':[{"'; tail -c +$((pos + 1)) "$src"; } >"$f" ;;  # syntax
      3) { head -c "$pos" "$src"; tail -c +$((pos + 40)) "$src"; } >"$f" ;;  # delete a span
      4) { head -c "$pos" "$src"; printf '9'; tail -c +$((pos + 2)) "$src"; } >"$f" ;;  # flip a byte to a digit
    esac
    check "$f" "$(basename "$src") mutation $i at byte $pos"
  done
done
# Pathological shapes.
printf '%0.s[' $(seq 1 5000) >"$work/deep.yaml"; check "$work/deep.yaml" "deep nesting"
printf 'a: &x [1]\nb: *x\n' >"$work/alias.yaml"; check "$work/alias.yaml" "alias"
awk 'BEGIN { srand(7); for (i = 0; i < 4096; i++) printf "%c", 1 + int(rand() * 255) }' >"$work/random.yaml"; check "$work/random.yaml" "random bytes"
: >"$work/empty.toml"; check "$work/empty.toml" "empty TOML"
echo "mutations: $runs runs, $failures failures"
[ $failures -eq 0 ] && rm -rf "$work"
echo "$((runs - failures)) passed, $failures failed"
[ $failures -eq 0 ]
