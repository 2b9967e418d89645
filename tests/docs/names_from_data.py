#!/usr/bin/env python3
"""Every English component name printed anywhere is VCCI's, from data/ (issue 12 item 3).

    names_from_data.py REPO

Reads the four English names (`name_en`) of data/pgi-components.yaml, then scans what `pgi`
prints and what readers read — the golden outputs (tests/e2e/cases/*.out), README.md, the
docs (docs/*.md) and the example plans (examples/) — for the start of a PGI component's
English name ("Minimizing", "Maintaining minimum", "Environmental leadership",
"Environmental incentives", case-insensitive). Each one must be followed by the whole of
one of the four names, verbatim: "Minimizing pollution and climate hazards" or
"Environmental leadership" alone fail. Exits 1 listing every other spelling, 0 otherwise;
also 1 when data/ does not hold four names, or when fewer than MIN_FOUND names are found
(so that a scan that reads nothing cannot pass).
"""
import pathlib
import re
import sys

STEMS = re.compile(r"minimi[sz]ing|maintaining minimum|environmental leadership|environmental incentives", re.I)
MIN_FOUND = 20


def data_names(repo: pathlib.Path):
    text = (repo / "data" / "pgi-components.yaml").read_text(encoding="utf-8")
    return re.findall(r'^\s+name_en:\s*"([^"]+)"', text, re.M)


def main() -> int:
    repo = pathlib.Path(sys.argv[1])
    names = data_names(repo)
    if len(names) != 4:
        print(f"data/pgi-components.yaml: expected 4 English names, found {len(names)}")
        return 1
    files = sorted(repo.glob("tests/e2e/cases/*.out")) + [repo / "README.md"] + sorted(repo.glob("docs/*.md"))
    files += sorted(p for p in repo.glob("examples/**/*") if p.is_file())
    found = 0
    bad = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # .docx/.xlsx samples: their text is checked through the goldens
        for n, line in enumerate(text.splitlines(), 1):
            for m in STEMS.finditer(line):
                rest = line[m.start():]
                if any(rest.startswith(name) for name in names):
                    found += 1
                else:
                    bad.append(f"{path.relative_to(repo)}:{n}: not one of data/'s English names: {rest[:70]}")
    for b in bad:
        print(b)
    print(f"{found} English component names checked against data/pgi-components.yaml, {len(bad)} differ")
    if found < MIN_FOUND:
        print(f"expected at least {MIN_FOUND}")
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
