#!/usr/bin/env python3
"""The JSON Schemas and `pgi validate` agree (the ctest `schema.agreement`, issue 10 item 4).

Every plan file and update file of examples/ and tests/fixtures/ is loaded the way an editor's
YAML/TOML tooling loads it (PyYAML with YAML 1.2's plain-scalar rules for dates, so a date
stays text; Python's tomllib, with TOML dates turned into their ISO text) and validated with
python3-jsonschema against data/schema/*.json, and with `pgi validate --format json`. The
verdicts must agree in both directions that a schema can judge:

  1. a file in which pgi finds no error must be valid under the schema (an editor never
     underlines what pgi accepts);
  2. a file in which pgi finds a *shape* error (SHAPE_CODES: a key that is unknown, missing
     or of the wrong type, a value outside its enumeration or range, a malformed date or
     score) must be invalid under the schema.

Errors the schema cannot see (references between ids, duplicate ids, targets against
baselines, two decimals inside a number, Unicode normalisation, duplicate keys, which a YAML
loader merges silently) are pgi's alone: docs/editors.md, "What the schema checks". Files
that do not parse at all (syntax fixtures) are skipped, as are files that are neither a plan
nor an update file (national tables). Prints one line per file and a summary; exits 1 on a
disagreement.

    python3 tests/schema/agree.py PGI_BINARY [REPO_ROOT]
"""
import datetime
import json
import pathlib
import subprocess
import sys
import tomllib

import jsonschema
import yaml

SHAPE_CODES = {"unknown-key", "missing-key", "wrong-type", "invalid-value", "invalid-date", "unsupported-version"}


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1's timestamp rule: 2024-09-30 stays the text it is in
    YAML 1.2 (what yaml-cpp and the YAML language server read)."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in rules if tag != "tag:yaml.org,2002:timestamp"]
    for first, rules in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def plain(value):
    """TOML dates and times as their ISO text, as the schema describes the data."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    return value


def load(path):
    text = path.read_bytes()
    if path.suffix == ".toml":
        return plain(tomllib.loads(text.decode("utf-8")))
    return yaml.load(text.decode("utf-8"), Loader=Yaml12Loader)


def owning_plan(path, root):
    """The plan an update file belongs to: the nearest plan.yaml above it in its fixture
    directory, else the shipped example."""
    for parent in path.parents:
        if parent == root:
            break
        for name in ("plan.yaml", "plan.toml", "pgi.yaml"):
            if (parent / name).is_file() and (parent / name) != path:
                return parent / name
    return root / "examples/lang-son-2024/plan.yaml"


def pgi_errors(pgi, args, path, cwd):
    """(codes of the errors pgi reports located in `path`, pgi's exit code)."""
    run = subprocess.run([pgi, "validate", "--format", "json", *args], cwd=cwd, capture_output=True, text=True)
    try:
        findings = json.loads(run.stdout)
    except json.JSONDecodeError:
        return None, run.returncode
    if isinstance(findings, dict):
        findings = findings.get("diagnostics", findings.get("findings", []))
    target = path.resolve()
    codes = set()
    for f in findings:
        file = f.get("file") or f.get("location", {}).get("file", "")
        if f.get("severity") == "error" and file and (cwd / file).resolve() == target:
            codes.add(f.get("code"))
    return codes, run.returncode


def main():
    pgi = sys.argv[1]
    root = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else ".").resolve()
    schemas = {
        kind: jsonschema.Draft202012Validator(
            json.loads((root / f"data/schema/{kind}.schema.json").read_text()),
            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,  # `format: date` refuses 2024-02-30
        )
        for kind in ("plan", "update-file")
    }
    files = sorted(
        p for d in ("examples", "tests/fixtures") for p in (root / d).rglob("*")
        if p.suffix in (".yaml", ".yml", ".toml") and p.is_file()
    )
    checked = disagreements = 0
    for path in files:
        rel = path.relative_to(root)
        try:
            data = load(path)
        except Exception:  # noqa: BLE001 - syntax fixtures: not a schema question
            print(f"skip (does not parse): {rel}")
            continue
        if not isinstance(data, dict):
            print(f"skip (not a mapping): {rel}")
            continue
        if "plan" in data or "components" in data:
            kind, args = "plan", [str(rel)]
        elif "updates" in data or "reports" in data or "reporter" in data:
            kind, args = "update-file", [str(owning_plan(path, root).relative_to(root)), str(rel)]
        else:
            print(f"skip (neither a plan nor an update file): {rel}")
            continue
        codes, rc = pgi_errors(pgi, args, path, root)
        if codes is None:
            print(f"DISAGREE {rel}: pgi validate printed no JSON (exit {rc})")
            disagreements += 1
            continue
        problems = sorted(schemas[kind].iter_errors(data), key=lambda e: list(e.absolute_path))
        schema_ok = not problems
        checked += 1
        shape = codes & SHAPE_CODES
        if not codes and not schema_ok:
            first = problems[0]
            where = "/".join(str(p) for p in first.absolute_path)
            print(f"DISAGREE {rel}: pgi finds no error, the {kind} schema refuses {where}: {first.message}")
            disagreements += 1
        elif shape and schema_ok:
            print(f"DISAGREE {rel}: pgi reports {', '.join(sorted(shape))}, the {kind} schema accepts it")
            disagreements += 1
        else:
            verdict = "valid" if schema_ok else "invalid"
            print(f"agree {rel} ({kind}): schema {verdict}, pgi errors: {', '.join(sorted(codes)) or 'none'}")
    print(f"{checked} files checked, {disagreements} disagreements")
    sys.exit(1 if disagreements or checked == 0 else 0)


main()
