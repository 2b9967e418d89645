#!/usr/bin/env bash
# The update-file examples in docs/tracking.md are real: every ```yaml and ```toml block that
# is an update file (it has `task` entries) must pass `pgi validate --strict` together with the
# Lạng Sơn plan.
set -u
pgi=$1
doc=${2:-docs/tracking.md}
plan=${3:-examples/lang-son-2024/plan.yaml}
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
  grep -qE '^ *(- )?task( =|:)' "$f" || continue
  if "$pgi" validate --strict --quiet "$plan" "$f"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "an update-file example in $doc does not validate: $(head -3 "$f")"
  fi
done
echo "$passed passed, $failed failed"
[ "$passed" -gt 0 ] && [ "$failed" -eq 0 ]
