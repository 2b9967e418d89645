#!/usr/bin/env bash
# Benchmark: `pgi form` and `pgi intake` on synthetic plans — 25 agencies with 100 tasks each
# (25 forms × 100 rows) and one agency with 10,000 tasks (one 10,000-row form). Every row of
# every form is filled (status, date serial, percent, note) with the test helper xlsx_fill.
# Prints a Markdown table; asserts nothing (figures go to docs/performance.md). Uses the
# release build of pgi and the dev build of the helper (tests/tools/xlsx_fill.cpp).
#
#   bench/intake.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench: needs python3" >&2; exit 2; }
[ -x build/release/cli/pgi ] || { cmake --preset release >/dev/null && cmake --build --preset release >/dev/null; }
pgi=${PGI:-build/release/cli/pgi}
fill=${XLSX_FILL:-build/dev/tests/xlsx_fill}
[ -x "$fill" ] || { echo "bench: build the dev preset first (it builds $fill)" >&2; exit 2; }
data=${BENCH_DIR:-/tmp/pgi-bench-intake}
rm -rf "$data"
mkdir -p "$data"

# A plan directory with OWNERS agencies leading TASKS tasks each.
gen() {
  python3 - "$1" "$2" "$3" <<'PY'
import os, sys
out, owners, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "plan.yaml"), "w", encoding="utf-8") as f:
    f.write("# Synthetic benchmark plan (bench/intake.sh); not real data.\npgi: 1\nplan:\n")
    f.write("  issuer: UBND tỉnh Mẫu\n  title: Kế hoạch mẫu để đo hiệu năng\n  period: {start: 2025}\n")
    f.write("  focal_agency: owner-000\ncomponents:\n")
    f.write("  - {id: pollution, number: 1, name: Giảm thiểu ô nhiễm và thiên tai, baseline: {year: 2024, score: 4.84}, targets: [{year: 2025, score: 6.58}]}\n")
    f.write("owners:\n")
    for i in range(owners):
        f.write(f"  - {{id: owner-{i:03d}, name: Phòng chuyên môn số {i}, kind: department}}\n")
    f.write("tasks:\n")
    for i in range(owners):
        for k in range(per):
            f.write(f"  - {{id: t{i:03d}-{k:05d}, component: pollution, lead: owner-{i:03d}, "
                    f"text: \"Tăng cường kiểm tra, xử lý vi phạm về bảo vệ môi trường tại cơ sở số {k}.\"}}\n")
PY
}

measure() {  # measure LABEL COMMAND…
  local label=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$data/time.txt" "$@" >/dev/null 2>"$data/err" || { cat "$data/err" >&2; exit 1; }
  read -r secs user sys kb <"$data/time.txt"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  echo "| $label | $secs | $cpu | $((kb / 1024)) |"
}

echo "| step | wall s | cpu s | peak MB |"
echo "|---|---:|---:|---:|"
for shape in "25 100" "1 10000"; do
  read -r owners per <<<"$shape"
  dir=$data/plan-$owners-$per
  gen "$dir" "$owners" "$per"
  measure "form: $owners × $per rows" "$pgi" form "$dir" --period 2025-03 --as-of 2025-04-02 -o "$data/forms-$owners"
  for f in "$data/forms-$owners"/*.xlsx; do
    "$fill" "$f" "Báo cáo" "*:G=Đang thực hiện" "*:H=#45747" "*:I=#50" "*:J=Đã kiểm tra 3 cơ sở trong tháng."
  done
  measure "intake: $owners × $per rows" "$pgi" intake "$data/forms-$owners"/*.xlsx "$dir"
  measure "report after intake ($((owners * per)) tasks)" "$pgi" report "$dir" --period 2025-03 --as-of 2025-04-05 --source-revisions none
done
