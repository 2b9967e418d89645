#!/usr/bin/env bash
# Benchmark: hostile and careless plans (issue 14) — time and peak memory of `pgi validate`
# (text and --format json) on files built to make the work grow faster than the input:
#   alias-flood      a YAML plan holding one million aliases `*a` (3.9 MB): one finding each
#   invalid-ids      one task whose `cooperating` lists one million invalid ids (`x y`, 8 MB)
#   unknown-refs     10,000 tasks, 2,000 owners, each task naming an unknown lead (quadratic
#                    did-you-mean and owner search before: references × owners)
#   group-chain      4,000 owner groups nested in a chain (cubic cycle check before)
#   tasks-owners     100,000 tasks × 20,000 owners, all valid (a linear owner search per
#                    reference before)
# Prints a Markdown table; asserts nothing (goals and figures: docs/performance.md).
#
#   bench/hostile.sh [PGI]        default PGI: build/release/cli/pgi
#
# Each run is stopped after $BENCH_TIMEOUT seconds (default 300; the row then says exit 124).
# BENCH_FORMATS (default "text json") chooses the --format runs.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench: needs python3" >&2; exit 2; }
pgi=${1:-build/release/cli/pgi}
[ -x "$pgi" ] || { cmake --preset release >/dev/null && cmake --build --preset release --target pgi >/dev/null; }
data=${BENCH_DIR:-/tmp/pgi-bench-hostile}
mkdir -p "$data"

python3 - "$data" <<'PY'
import os, sys
out = sys.argv[1]
head = ("pgi: 1\nplan:\n  issuer: UBND tỉnh Mẫu\n  title: Kế hoạch mẫu\n  period: {start: 2025}\n"
        "components: [{id: a, number: 1, name: A}]\n")
def write(name, body):
    p = os.path.join(out, name)
    if not os.path.exists(p):
        with open(p, "w", encoding="utf-8") as f:
            f.write(body)
write("alias-flood.yaml", head + "owners:\n  - &a {id: o, name: O}\ntasks: [" + "*a, " * 1_000_000 + "]\n")
write("invalid-ids.yaml", head + "owners: [{id: o, name: O}]\ntasks:\n  - {id: t, component: a, lead: o, text: T, "
      "cooperating: [" + '"x y", ' * 1_000_000 + "]}\n")
owners = "".join(f"  - {{id: owner-{i:05d}, name: Phòng {i}}}\n" for i in range(2_000))
write("unknown-refs.yaml", head + "owners:\n" + owners + "tasks:\n" +
      "".join(f"  - {{id: t{i}, component: a, lead: nobody-{i}, text: T}}\n" for i in range(10_000)))
write("group-chain.yaml", head + "owners:\n" +
      "".join(f"  - {{id: g{i}, name: G, kind: group, members: [g{i + 1}]}}\n" for i in range(4000)) +
      "  - {id: g4000, name: X}\n")
owners = "".join(f"  - {{id: owner-{i:05d}, name: Phòng {i}}}\n" for i in range(20_000))
write("tasks-owners.yaml", head + "owners:\n" + owners + "tasks:\n" +
      "".join(f"  - {{id: t{i}, component: a, lead: owner-{i % 20000:05d}, cooperating: [owner-{(i * 7) % 20000:05d}], "
              "text: T}\n" for i in range(100_000)))
PY

echo "| case | file MB | command | exit | wall s | cpu s | peak MB | output lines |"
echo "|---|---:|---|---:|---:|---:|---:|---:|"
for c in alias-flood invalid-ids unknown-refs group-chain tasks-owners; do
  f=$data/$c.yaml
  mb=$(awk -v b="$(stat -c %s "$f")" 'BEGIN { printf "%.1f", b / 1048576 }')
  for fmt in ${BENCH_FORMATS:-text json}; do
    set +e
    /usr/bin/time -f "%e %U %S %M" -o "$data/time.txt" timeout "${BENCH_TIMEOUT:-300}" "$pgi" validate "$f" --format "$fmt" >"$data/out.txt" 2>&1
    rc=$?
    set -e
    read -r secs user sys kb < <(tail -n 1 "$data/time.txt")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    echo "| $c | $mb | validate --format $fmt | $rc | $secs | $cpu | $((kb / 1024)) | $(wc -l <"$data/out.txt") |"
  done
done
