#!/usr/bin/env python3
"""Splits a `perf record --call-graph dwarf` profile of `pgi` into yaml-cpp's parser and pgi's own
work, and pgi's own work into phases. Used by bench/profile.sh (docs/performance.md, "Cost per
task"); reads `perf script -F ip,sym,dso` output on standard input.

A sample belongs to the innermost frame that is either in the pgi executable or in libyaml-cpp:
malloc, memcpy, the C++ library and the kernel's page faults count for whoever called them, so
yaml-cpp's own allocations are the parser's and the allocations of pgi's tree are pgi's. A pgi
sample is then given the phase of the innermost phase function on its stack (PHASES, below; a
frame of yaml-cpp above pgi, as in the tree builder called back by the parser, ends the search).

    perf script -i perf.data -F ip,sym,dso | bench/attribute.py PGI_BINARY
"""
import collections
import re
import subprocess
import sys

# Phases, innermost first: the first of these names found on a pgi sample's stack (leaf to root)
# names its phase.
PHASES = [
    ("classify (detect_document_kind)", ("detect_document_kind", "guess_input_format")),
    ("tree teardown (~Node)", ("Node::~Node", "~vector<pgi::detail::Node", "~vector<pgi::detail::Entry")),
    ("plan teardown (~Plan, ~LoadResult)", ("Plan::~Plan", "~LoadResult", "~_Optional_payload<pgi::Plan")),
    ("tree building (TreeBuilder)", ("TreeBuilder", "LineTable")),
    ("byte checks (UTF-8, controls)", ("first_invalid_utf8", "line_column_at")),
    ("scalar checks (check_scalars)", ("check_scalar", "guess_legacy_vietnamese")),
    ("schema mapping (read_plan)", ("read_plan", "read_task", "read_fields", "Reader::")),
    ("validation (validate_plan)", ("validate_plan", "validate_loaded", "Checker")),
    ("merging updates (merge_updates)", ("merge_updates", "load_plan_with_updates")),
    ("sorting and rendering findings", ("Diagnostics::sort", "render_text", "render_json")),
    ("reading the file (read_file)", ("read_file", "read_input")),
    ("parse_tree (other)", ("parse_tree", "parse_yaml_tree")),
]


def main():
    binary = sys.argv[1]
    samples = []
    cur = []
    for line in sys.stdin:
        line = line.strip()
        if not line:
            if cur:
                samples.append(cur)
            cur = []
            continue
        parts = line.split(None, 1)
        if len(parts) < 2:
            continue
        ip, rest = parts
        dso = rest[rest.rfind("(") + 1:-1] if rest.endswith(")") else ""
        sym = rest[: rest.rfind("(")].strip() if "(" in rest else rest
        cur.append((ip, sym, dso))
    if cur:
        samples.append(cur)

    # resolve pgi's addresses with addr2line (perf may not read the executable's symbols)
    addrs = sorted({ip for s in samples for ip, sym, dso in s if dso.endswith(binary.split("/")[-1])})
    names = {}
    if addrs:
        out = subprocess.run(["addr2line", "-f", "-C", "-i", "-e", binary, "-a", *("0x" + a for a in addrs)],
                             capture_output=True, text=True).stdout.splitlines()
        key = None
        for l in out:
            if l.startswith("0x"):
                key = l[2:].lstrip("0") or "0"
                names[key] = []
            elif key is not None and not re.match(r"^\S*:[0-9?]+( \(discriminator \d+\))?$", l):
                names[key].append(l)

    counts = collections.Counter()
    phases = collections.Counter()
    leaves = collections.Counter()
    total = len(samples)
    for s in samples:
        owner = None
        phase = None
        leaf = None
        for ip, sym, dso in s:
            if leaf is None:
                leaf = (names.get(ip.lstrip("0") or "0") or [sym])[0][:70] + " [" + dso.split("/")[-1] + "]"
            if "libyaml-cpp" in dso:
                owner = owner or "parser"
                break
            if dso.endswith(binary.split("/")[-1]):
                owner = owner or "pgi"
                fn = " | ".join(names.get(ip.lstrip("0") or "0", [])) or sym
                for label, keys in PHASES:
                    if any(k in fn for k in keys):
                        phase = phase or label
                        break
                if phase:
                    break
        owner = owner or "other (loader, start-up)"
        counts[owner] += 1
        if owner == "pgi":
            phases[phase or "other pgi"] += 1
            leaves[(phase or "other pgi", leaf)] += 1

    print(f"samples: {total}")
    for k, v in counts.most_common():
        print(f"  {k:<40} {v:6d}  {100.0 * v / total:5.1f}%")
    if counts["parser"]:
        print(f"pgi's own work / parser: {counts['pgi'] / counts['parser']:.3f}")
    print("pgi's own work by phase:")
    for k, v in phases.most_common():
        print(f"  {k:<40} {v:6d}  {100.0 * v / total:5.1f}%")
        if "-v" in sys.argv:
            for (ph, lf), n in leaves.most_common():
                if ph == k and n * 100 >= v * 5:
                    print(f"      {n:6d}  {lf}")


if __name__ == "__main__":
    main()
