#!/usr/bin/env bash
# The CSV dialects as a spreadsheet reads them (docs/cli.md, "CSV dialects").
#
#   csv_dialect_check.sh PGI
#
# Writes the `excel-vi` CSV of `pgi gap`, `pgi report` and `pgi rank` for the Lạng Sơn plan
# and opens it in LibreOffice Calc set to vi-VN the way Excel set to Vietnamese opens a CSV
# by double-click: `;` between fields, UTF-8, numbers read with the Vietnamese decimal comma
# (import filter options 59,34,76,1,,1066). The scores must come back as numbers (value type
# float, value 4.84) and the Vietnamese text as written (no byte order mark in the first
# cell). The `excel` dialect is read the same way under en-US (44,…,1033). As a control, the
# `plain` file read under vi-VN must NOT give numbers, so the check can fail.
# Without soffice the test is skipped with exit 77.
set -u
pgi=$1
if ! command -v soffice >/dev/null; then
  echo "SKIP: soffice not found (apt-get install libreoffice-calc-nogui)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
bad() { echo "FAIL: $*"; cat "$work/pgi-stderr"; fail=1; }
plan=examples/lang-son-2024
mkdir -p "$work/vi" "$work/en" "$work/plain"
exec 3>&2 2>"$work/pgi-stderr"  # pgi's notes and warnings; shown on failure
"$pgi" gap $plan/plan.yaml --as-of 2024-11-05 --csv-dialect excel-vi -o "$work/vi/gap.csv" || bad "gap excel-vi exited $?"
"$pgi" report $plan --period 2024-10 --as-of 2024-11-05 --source-revisions none --csv-dialect excel-vi \
  -o "$work/vi/report.csv" || bad "report excel-vi exited $?"
"$pgi" rank tests/fixtures/plans/good_lang_son_2024_rank_targets.yaml --table tests/fixtures/tables/pgi-2024.csv \
  -f csv --csv-dialect excel-vi -o "$work/vi/rank.csv" || bad "rank excel-vi exited $?"
"$pgi" gap $plan/plan.yaml --as-of 2024-11-05 --csv-dialect excel -o "$work/en/gap.csv" || bad "gap excel exited $?"
"$pgi" gap $plan/plan.yaml --as-of 2024-11-05 -o "$work/plain/gap.csv" || bad "gap plain exited $?"

exec 2>&3 3>&-

# LibreOffice keeps a profile; a private one per locale keeps runs independent.
profile() {
  mkdir -p "$work/profile-$1/user"
  cat > "$work/profile-$1/user/registrymodifications.xcu" <<XCU
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>$1</value></prop></item>
</oor:items>
XCU
  echo "file://$work/profile-$1"
}
open_as() {  # open_as LOCALE FILTER-OPTIONS DIR: every CSV of DIR to flat ODS in DIR/out
  LC_ALL=C.UTF-8 soffice -env:UserInstallation="$(profile "$1")" --headless --infilter="CSV:$2" \
    --convert-to fods --outdir "$3/out" "$3"/*.csv >/dev/null 2>&1
}
start=$(date +%s)
open_as vi-VN 59,34,76,1,,1066 "$work/vi"
open_as en-US 44,34,76,1,,1033 "$work/en"
open_as vi-VN 59,34,76,1,,1066 "$work/plain"

python3 - "$work" <<'PY' || fail=1
import sys, xml.etree.ElementTree as ET
work = sys.argv[1]
T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
X = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
ok = True

def rows(path):
    """The first sheet as rows of (value type, value, shown text)."""
    try:
        tree = ET.parse(path)
    except (OSError, ET.ParseError) as e:
        print("FAIL: LibreOffice did not convert", path, e)
        return []
    out = []
    for row in next(tree.iter(T + "table")).iter(T + "table-row"):
        cells = []
        for c in row.findall(T + "table-cell"):
            n = int(c.get(T + "number-columns-repeated", "1"))
            text = "".join("".join(p.itertext()) for p in c.iter(X + "p"))
            cells += [(c.get(O + "value-type"), c.get(O + "value"), text)] * min(n, 64)
        out.append(cells)
    return out

def need(cond, what):
    global ok
    if not cond:
        print("FAIL:", what); ok = False

def column(rs, name):
    return [c[2] for c in rs[0]].index(name)

def number(cell, want, what):
    need(cell[0] == "float" and cell[1] is not None and abs(float(cell[1]) - want) < 1e-9,
         f"{what}: not the number {want} but {cell}")

# gap, as of 2024-11-05 (no observation published yet: current = baseline 2023).
# Component 1: baseline 4.84, target 6.58, gap 6.58 - 4.84 = 1.74.
# Total: baseline 4.84 + 4.14 + 3.60 + 4.75 = 17.33; target 6.58 + 6.11 + 4.38 + 5.30 = 22.37;
# gap 22.37 - 17.33 = 5.04.
for d in ("vi", "en"):
    g = rows(f"{work}/{d}/out/gap.fods")
    if not g: ok = False; continue
    need(g[0][0][2] == "id", f"{d}: the first cell is {g[0][0][2]!r}, not 'id' (a byte order mark shown?)")
    name = column(g, "name")
    need(g[1][name][2] == "Giảm thiểu ô nhiễm và thiên tai", f"{d}: component 1's name is {g[1][name][2]!r}")
    for col, c1, total in (("baseline", 4.84, 17.33), ("current", 4.84, 17.33), ("target", 6.58, 22.37), ("gap", 1.74, 5.04)):
        number(g[1][column(g, col)], c1, f"{d} gap.csv component 1 {col}")
        number(g[5][column(g, col)], total, f"{d} gap.csv total {col}")

# report, October 2024: the scores section and the % done of the components section.
r = rows(f"{work}/vi/out/report.fods")
scores = [row for row in r if row and row[0][2] == "scores"]
need(len(scores) == 6, f"report.csv: {len(scores)} scores records, want a header record and 5 rows")
if len(scores) == 6:
    # columns: key, number, component, baseline 2023, current, source, target 2024, gap
    number(scores[1][3], 4.84, "report.csv scores component 1 baseline")
    number(scores[1][6], 6.58, "report.csv scores component 1 target")
    number(scores[5][7], 5.04, "report.csv scores total gap")
header = [row for row in r if row and row[0][2] == "header"]
need(header and header[0][2][2].startswith("/KH-UBND, Về việc triển khai"), "report.csv: the plan line is not intact")

# rank 2024: Lạng Sơn's row of tests/fixtures/tables/pgi-2024.csv has no published total, so
# the total is the sum of its components, 4.95 + 4.95 + 6.71 + 6.02 = 22.63.
k = rows(f"{work}/vi/out/rank.fods")
if k:
    need(k[1][0][2] == "national", f"rank.csv: first row is {k[1][0][2]!r}")
    number(k[1][column(k, "score")], 22.63, "rank.csv national score")

# Control: the plain dialect read as Excel set to Vietnamese reads it gives one text column.
p = rows(f"{work}/plain/out/gap.fods")
need(p and p[1][0][0] == "string" and "," in p[1][0][2], f"plain under vi-VN unexpectedly split: {p[1][:2] if p else p}")
sys.exit(0 if ok else 1)
PY
echo "LibreOffice checks took $(( $(date +%s) - start )) s"
[ $fail -eq 0 ] && echo "csv dialects: all checks passed"
exit $fail
