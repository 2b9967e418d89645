#!/usr/bin/env python3
"""Keeps tests/mutation/mutants.txt in step with the source (the ctest `mutation.mutants_current`).

Each mutant names a FILE and an ORIGINAL line that must occur exactly once in it, and a MUTANT
that differs from it; otherwise tests/mutation/run.sh would report the mutant "stale" and the
mutation score would silently count fewer mutants. Exits 1 naming every stale mutant, 0 when
all apply. Run from the repository root:  python3 tests/mutation/check_mutants.py
"""
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parents[2]
mutants = root / "tests/mutation/mutants.txt"
bad = 0
count = 0
for number, line in enumerate(mutants.read_text(encoding="utf-8").split("\n"), 1):
    if not line.strip() or line.startswith("#"):
        continue
    count += 1
    parts = line.split("\t")
    if len(parts) != 3:
        print(f"{mutants}:{number}: expected FILE<TAB>ORIGINAL<TAB>MUTANT, got {len(parts)} fields")
        bad += 1
        continue
    file, original, mutant = parts
    path = root / file
    if not path.is_file():
        print(f"{mutants}:{number}: {file} does not exist")
        bad += 1
        continue
    found = path.read_text(encoding="utf-8").count(original)
    if found != 1:
        print(f"{mutants}:{number}: the original line occurs {found} times in {file} (must be once): {original.strip()}")
        bad += 1
    elif mutant == original:
        print(f"{mutants}:{number}: the mutant equals the original")
        bad += 1
print(f"{count} mutants, {bad} stale")
sys.exit(1 if bad else 0)
