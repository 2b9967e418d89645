#!/usr/bin/env python3
"""Vietnamese tables and text follow Vietnamese conventions (issue 12 item 2, docs/reports.md).

Scans the golden files of tests/e2e/cases whose output is a Vietnamese table or text (the
table and Markdown outputs of gap, tasks, report and rank with Vietnamese labels) and fails
on any line that holds

- an ISO date (2024-09-30) or an ISO month (2025-05) outside a code span or a file path:
  Vietnamese output writes 30/09/2024 and "tháng 5/2025";
- a number with a decimal point (6.58, 41.1%): Vietnamese output writes 6,58 and 41,1%
  unless the case asks for --decimal-point.

CSV and JSON cases, English cases (--lang en, or an English plan) and the messages on
standard error (lines starting `pgi:` and findings `file:line:col:`) are not scanned: they
stay machine-readable or belong to the message catalogue.

    vi_conventions_check.py CASES_DIR [GOLDEN...]

GOLDEN: further Vietnamese text goldens scanned whatever their command (pgi diff's
tests/e2e/diff_history/text_vi.out).

Exits 1 listing every offending line, 0 otherwise; also fails when it finds fewer
Vietnamese goldens than it expects (so that a renamed label cannot make it scan nothing).
"""
import pathlib
import re
import sys

# A golden is Vietnamese table/text output when it holds one of these labels.
VI_MARKERS = ("Chỉ số thành phần", "Khoảng cách tới mục tiêu", "Xếp hạng PGI", "Trạng thái", "Kỳ báo cáo")
MACHINE_FORMATS = re.compile(r"(--format|-f)\s+(csv|json|github|gitlab)\b|-o\s+\S+\.(csv|json)\b|--csv-dialect|--excel")
ISO_DATE = re.compile(r"(?<![\w/.\-])\d{4}-\d{2}(-\d{2})?(?![\w\-])")
# a score or percentage: one or two decimals (6.58, 41.1); "1.200" (a Vietnamese thousands
# separator in a task's text) is not one
DECIMAL_POINT = re.compile(r"(?<![\w.\-/])\d+\.\d{1,2}(?![\w.])")
CODE_SPAN = re.compile(r"`[^`]*`")
PATH = re.compile(r"\S*/\S*")  # updates/2024-10/x.yaml, tables/pgi-2024.csv
MESSAGE = re.compile(r"^(pgi:|exit: |\S+:\d+:\d+: )")
MIN_GOLDENS = 8


def offending(line: str):
    if MESSAGE.match(line):
        return []
    text = PATH.sub(" ", CODE_SPAN.sub(" ", line))
    found = []
    for m in ISO_DATE.finditer(text):
        found.append(f"ISO date {m.group(0)}")
    for m in DECIMAL_POINT.finditer(text):
        found.append(f"decimal point {m.group(0)}")
    return found


def main() -> int:
    cases = pathlib.Path(sys.argv[1])
    scanned = 0
    failures = []
    for cmd in sorted(cases.glob("*.cmd")):
        args = cmd.read_text(encoding="utf-8").splitlines()[0]
        if MACHINE_FORMATS.search(args) or "--lang en" in args or "--decimal-point" in args:
            continue
        out = cmd.with_suffix(".out")
        if not out.exists():
            continue
        text = out.read_text(encoding="utf-8")
        if not any(m in text for m in VI_MARKERS):
            continue
        scanned += 1
        for n, line in enumerate(text.splitlines(), 1):
            for what in offending(line):
                failures.append(f"{out.name}:{n}: {what}: {line.strip()}")
    for extra in sys.argv[2:]:
        out = pathlib.Path(extra)
        scanned += 1
        for n, line in enumerate(out.read_text(encoding="utf-8").splitlines(), 1):
            for what in offending(line):
                failures.append(f"{out.name}:{n}: {what}: {line.strip()}")
    for f in failures:
        print(f)
    print(f"{scanned} Vietnamese goldens scanned, {len(failures)} lines break the conventions")
    if scanned < MIN_GOLDENS:
        print(f"expected at least {MIN_GOLDENS} Vietnamese goldens")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
