#!/usr/bin/env bash
# The examples in the docs are real.
#
#   doc_examples.sh PGI DOC           every ```yaml/```toml block of DOC that is a plan
#                                     (`pgi: 1` / `pgi = 1` with `plan`) passes `pgi validate --strict`
#   doc_examples.sh PGI DOC PLAN      every block that is an update file (it has `task`
#                                     entries) passes `pgi validate --strict PLAN BLOCK`
set -u
pgi=$1
doc=$2
plan=${3:-}
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
  if [ -z "$plan" ]; then
    grep -qE '^pgi( =|:) 1' "$f" && grep -qE '^(\[)?plan' "$f" || continue
    set -- "$f"
  else
    grep -qE '^ *(- )?task( =|:)' "$f" || continue
    set -- "$plan" "$f"
  fi
  if "$pgi" validate --strict --quiet "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "an example in $doc does not validate: $(head -3 "$f")"
  fi
done
echo "$passed passed, $failed failed"
[ "$passed" -gt 0 ] && [ "$failed" -eq 0 ]
