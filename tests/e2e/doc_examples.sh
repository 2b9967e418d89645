#!/usr/bin/env bash
# The examples in the docs are real: every ```yaml and ```toml block of
# docs/plan-format.md that starts a plan (`pgi: 1` / `pgi = 1`) must pass `pgi validate --strict`.
set -u
pgi=$1
doc=${2:-docs/plan-format.md}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk -v dir="$work" '
  /^```(yaml|toml)$/ { lang = substr($0, 4); n++; file = dir "/block" n "." lang; inblock = 1; next }
  /^```$/ { inblock = 0; next }
  inblock { print > file }
' "$doc"
passed=0 failed=0
for f in "$work"/block*; do
  [ -f "$f" ] || continue
  grep -qE '^pgi( =|:) 1' "$f" || continue
  if "$pgi" validate --strict --quiet "$f"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "a plan example in $doc does not validate: $(head -3 "$f")"
  fi
done
echo "$passed passed, $failed failed"
[ "$passed" -gt 0 ] && [ "$failed" -eq 0 ]
