#!/usr/bin/env bash
# Cost per task (issue 14 item 7): how much of `pgi validate PLAN` is pgi's own work and how
# much yaml-cpp's parser, three ways (docs/performance.md, "Cost per task"):
#   1. CPU time: `pgi validate PLAN` against bench/yaml_events.cpp (yaml-cpp's event parser
#      alone on the same file), RUNS runs each, interleaved; the least of each is kept (the
#      other builds on a shared machine only ever add time);
#   2. PROFILES profiles (default 3; `perf record --call-graph dwarf`, when perf is installed
#      and allowed), each sample given to yaml-cpp or to pgi by bench/attribute.py; the first
#      is shown with pgi's part by phase, then the ratio of each and their median (two
#      profiles of one binary differ by up to 0.04 on a shared machine).
#   3. instructions, when valgrind is installed: `cachegrind` counts the
#      instructions each program executes on the 10,000-task plan. Exact and repeatable, but
#      user space only and blind to cache misses and page faults, which are most of the
#      difference in time, so it bounds pgi's own work from below.
# Prints figures; asserts nothing.
#
#   bench/profile.sh [PLAN] [PGI]   default PLAN: the 100,000-task plan of bench/gen_plan.py,
#                                   default PGI: build/release/cli/pgi
# RUNS (default 3) sets the number of timed runs of each program, PROFILES (default 3) the
# number of profiles.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
data=${BENCH_DIR:-/tmp/pgi-bench}
mkdir -p "$data"
plan=${1:-$data/plan-100000.yaml}
pgi=${2:-build/release/cli/pgi}
[ -f "$plan" ] || python3 bench/gen_plan.py 100000 "$data" >/dev/null
[ -x "$pgi" ] || { cmake --preset release >/dev/null && cmake --build --preset release --target pgi >/dev/null; }
c++ -O2 -std=c++20 bench/yaml_events.cpp -lyaml-cpp -o "$data/yaml_events"
tasks=$(grep -c '^  - id: ' "$plan" || true)

cpu() {  # CPU seconds (user + system) and peak MB of one run
    /usr/bin/time -f "%U %S %M" -o "$data/time.txt" "$@" >/dev/null 2>&1 || true
    awk '{ printf "%.2f %d\n", $1 + $2, $3 / 1024 }' "$data/time.txt"
}
best_pgi=999999 best_parser=999999 peak_pgi=0 peak_parser=0
for ((i = 0; i < ${RUNS:-3}; i++)); do
    read -r c m < <(cpu "$pgi" validate "$plan")
    best_pgi=$(awk -v a="$best_pgi" -v b="$c" 'BEGIN { print (b < a ? b : a) }')
    peak_pgi=$m
    read -r c m < <(cpu "$data/yaml_events" "$plan")
    best_parser=$(awk -v a="$best_parser" -v b="$c" 'BEGIN { print (b < a ? b : a) }')
    peak_parser=$m
done
echo "plan: $plan ($tasks tasks); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| program | least CPU s of ${RUNS:-3} | peak MB |"
echo "|---|---:|---:|"
echo "| pgi validate | $best_pgi | $peak_pgi |"
echo "| yaml-cpp's parser alone (bench/yaml_events.cpp) | $best_parser | $peak_parser |"
awk -v p="$best_pgi" -v y="$best_parser" -v n="$tasks" 'BEGIN {
    own = p - y
    printf "pgi'\''s own work: %.2f s, %.1f µs per task, %.2f× the parser'\''s time\n", own, own * 1e6 / n, own / y }'

if command -v perf >/dev/null && perf record -e cpu-clock -o "$data/perf.probe" true >/dev/null 2>&1; then
    echo
    echo "profile (perf record -e cpu-clock --call-graph dwarf):"
    ratios=()
    for ((i = 0; i < ${PROFILES:-3}; i++)); do
        perf record -e cpu-clock -F 499 --call-graph dwarf,16384 -o "$data/perf.data" "$pgi" validate "$plan" \
            >/dev/null 2>&1 || true
        perf script -i "$data/perf.data" -F ip,sym,dso 2>/dev/null | python3 bench/attribute.py "$pgi" \
            >"$data/attribute.txt"
        ((i == 0)) && cat "$data/attribute.txt"
        ratios+=("$(sed -n "s/^pgi's own work \/ parser: //p" "$data/attribute.txt")")
    done
    printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1; all = all (NR > 1 ? ", " : "") $1 }
        END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
              printf "own work / parser in %d profiles: %s; median %.3f\n", NR, all, m }'
else
    echo "(perf is not installed or not allowed here: no profile)"
fi

if command -v valgrind >/dev/null; then
    small=$data/plan-10000.yaml
    [ -f "$small" ] || python3 bench/gen_plan.py 10000 "$data" >/dev/null
    instructions() {  # instructions executed, counted by cachegrind (user space)
        valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
            sed -n 's/.*I *refs: *//p' | tr -d ,
    }
    ip=$(instructions "$pgi" validate "$small")
    iy=$(instructions "$data/yaml_events" "$small")
    echo
    awk -v p="$ip" -v y="$iy" 'BEGIN {
        printf "instructions on %s (cachegrind): pgi validate %.3g, the parser alone %.3g;", "plan-10000.yaml", p, y
        printf " own work %.3f× the parser'\''s\n", (p - y) / y }'
else
    echo "(valgrind is not installed: no instruction counts)"
fi
