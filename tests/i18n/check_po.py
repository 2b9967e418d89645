#!/usr/bin/env python3
"""Checks a translation catalogue against the template: every message of po/pgi.pot has a
translation in the .po that is neither empty nor fuzzy, and every translation of an fmt
format string has the placeholders of its msgid (same argument indexes with the same format
specs; a translation may number them, {1} … {0}, to change the word order). Any failure is
listed and the exit code is 1.

    check_po.py po/pgi.pot po/vi.po
"""
import re
import sys


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    body = s[1:-1]
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            n = body[i + 1]
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(n, "\\" + n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse(path):
    """{msgid: (msgstr, fuzzy)}; obsolete (#~) entries are left out."""
    entries = {}
    cur = None
    field = None
    flags = ""

    def flush():
        if cur is not None and "msgid" in cur:
            entries[cur["msgid"]] = (cur.get("msgstr", ""), "fuzzy" in cur.get("flags", ""))

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#~"):
                continue
            if not line.strip():
                flush()
                cur, field, flags = None, None, ""
                continue
            if line.startswith("#,"):
                flags += line
                continue
            if line.startswith("#"):
                continue
            if cur is None:
                cur = {"flags": flags}
            m = re.match(r'^(msgid|msgstr|msgctxt|msgid_plural|msgstr\[\d+\])\s+(".*")$', line)
            if m:
                field = m.group(1)
                if field == "msgstr[0]":
                    field = "msgstr"
                cur[field] = unquote(m.group(2))
            elif line.startswith('"'):
                cur[field] = cur.get(field, "") + unquote(line)
    flush()
    return entries


FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def placeholders(s):
    """[(index or None, spec)] of an fmt format string; raises ValueError on a stray brace."""
    out = []
    for m in FIELD.finditer(s):
        if m.group(0) in ("{{", "}}"):
            continue
        inner = m.group(1)
        name, _, spec = inner.partition(":")
        out.append((int(name) if name.isdigit() else None if name == "" else name, spec))
    rest = FIELD.sub("", s)
    if "{" in rest or "}" in rest:
        raise ValueError("unbalanced brace")
    return out


def numbered(ph):
    if all(i is None for i, _ in ph):
        return sorted((n, spec) for n, (_, spec) in enumerate(ph))
    if any(i is None for i, _ in ph):
        raise ValueError("mixes automatic and numbered fields")
    return sorted(ph)


def main():
    pot, po = sys.argv[1], sys.argv[2]
    template = parse(pot)
    catalogue = parse(po)
    problems = []
    for msgid in template:
        if msgid == "":
            continue
        if msgid not in catalogue:
            problems.append(f"no translation: {msgid!r}")
            continue
        msgstr, fuzzy = catalogue[msgid]
        if not msgstr:
            problems.append(f"empty translation: {msgid!r}")
            continue
        if fuzzy:
            problems.append(f"fuzzy translation: {msgid!r}")
        if "{" in msgid or "}" in msgid or "{" in msgstr or "}" in msgstr:
            try:
                want = numbered(placeholders(msgid))
            except ValueError:
                continue  # not an fmt format string (tr, not trf)
            try:
                got = numbered(placeholders(msgstr))
            except ValueError as e:
                problems.append(f"placeholders ({e}): {msgid!r} -> {msgstr!r}")
                continue
            if got != want:
                problems.append(f"placeholders differ: {msgid!r} -> {msgstr!r}")
    for p in problems:
        print(f"{po}: {p}")
    print(f"{po}: {len(template) - 1} messages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
