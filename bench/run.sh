#!/usr/bin/env bash
# Benchmark: time and peak memory of `pgi validate` and `pgi gap` on synthetic plans of
# 1k, 10k and 100k tasks, YAML and TOML. Prints a Markdown table; it asserts nothing (goals
# are in docs/performance.md). Uses the release build. Wall time depends on what else the
# machine is doing; CPU time (user + system) much less.
#
#   bench/run.sh [SIZES…]        default: 1000 10000 100000
#
# A second table times `pgi validate` and `pgi report` on a plan directory with 12 months of
# update files (one update per task and month; sizes up to $BENCH_REPORT_MAX, default 10000).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench: needs python3" >&2; exit 2; }
[ -x build/release/cli/pgi ] || { cmake --preset release >/dev/null && cmake --build --preset release >/dev/null; }
pgi=build/release/cli/pgi
data=${BENCH_DIR:-/tmp/pgi-bench}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)

echo "| tasks | format | file MB | command | wall s | cpu s | peak MB |"
echo "|---:|---|---:|---|---:|---:|---:|"
for n in "${sizes[@]}"; do
  [ -f "$data/plan-$n.yaml" ] || python3 bench/gen_plan.py "$n" "$data"
  for fmt in yaml toml; do
    f=$data/plan-$n.$fmt
    mb=$(awk -v b="$(stat -c %s "$f")" 'BEGIN { printf "%.1f", b / 1048576 }')
    for cmd in validate gap; do
      args=("$cmd" "$f")
      [ "$cmd" = gap ] && args+=(--as-of 2026-06-01 --format csv)
      /usr/bin/time -f "%e %U %S %M" -o "$data/time.txt" "$pgi" "${args[@]}" >/dev/null 2>&1 || true
      read -r secs user sys kb <"$data/time.txt"
      cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
      echo "| $n | $fmt | $mb | $cmd | $secs | $cpu | $((kb / 1024)) |"
    done
  done
done

echo
echo "| tasks | update files | updates | updates MB | command | wall s | cpu s | peak MB |"
echo "|---:|---:|---:|---:|---|---:|---:|---:|"
for n in "${sizes[@]}"; do
  [ "$n" -le "${BENCH_REPORT_MAX:-10000}" ] || continue
  d=$data/plan-$n-updates
  [ -d "$d/updates" ] || python3 bench/gen_plan.py "$n" "$data" 12
  files=$(find "$d/updates" -name '*.yaml' | wc -l)
  updates=$(cat "$d"/updates/*/*.yaml | grep -c '{task:' || true)
  mb=$(du -sm "$d/updates" | cut -f1)
  for cmd in "validate" "report --period 2025-12" "report --period 2025-12 --format csv" "report --period 2025"; do
    read -r -a words <<<"$cmd"
    args=("${words[0]}" "$d" "${words[@]:1}")
    [ "${words[0]}" = report ] && args+=(--as-of 2026-01-10 --source-revisions none)
    /usr/bin/time -f "%e %U %S %M" -o "$data/time.txt" "$pgi" "${args[@]}" >/dev/null 2>&1 || true
    read -r secs user sys kb <"$data/time.txt"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    echo "| $n | $files | $updates | $mb | $cmd | $secs | $cpu | $((kb / 1024)) |"
  done
done

# Baseline: yaml-cpp's document API (YAML::LoadFile) on the largest YAML plan, the API pgi
# does not use (docs/performance.md compares it with pgi's event-stream reader).
big=${sizes[${#sizes[@]}-1]}
if c++ -O2 -std=c++20 bench/yaml_document_api.cpp -lyaml-cpp -o "$data/yaml_document_api" 2>/dev/null; then
  echo
  echo "| tasks | YAML::LoadFile wall s | cpu s | peak MB |"
  echo "|---:|---:|---:|---:|"
  /usr/bin/time -f "%e %U %S %M" -o "$data/time.txt" "$data/yaml_document_api" "$data/plan-$big.yaml" >/dev/null 2>&1 || true
  read -r secs user sys kb <"$data/time.txt"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  echo "| $big | $secs | $cpu | $((kb / 1024)) |"
fi
