#!/usr/bin/env bash
# pgi import end to end through files: import a document to YAML and to TOML (-o, atomic,
# no overwrite without --force), then the written plans must pass `pgi validate --strict` and
# give the expected gap table. Then the seed document (tests/fixtures/seed): its gaps equal
# those of the hand-made example examples/lang-son-2024.
#
#   import_check.sh PGI
set -u
pgi=$1
export SOURCE_DATE_EPOCH=1764979200 NO_COLOR=1 TZ=UTC LC_ALL=C.UTF-8
unset PGI_PLAN
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

check_doc() {  # DOCUMENT EXPECTED-CSV-GAP-LINES…
  local doc=$1; shift
  "$pgi" import "$doc" -o "$tmp/p.yaml" -q 2>"$tmp/err" || { cat "$tmp/err"; fail "import $doc"; }
  "$pgi" import "$doc" -o "$tmp/p.toml" -q 2>/dev/null || fail "import $doc to TOML"
  "$pgi" import "$doc" -o "$tmp/p.yaml" -q 2>/dev/null && fail "overwrote $tmp/p.yaml without --force"
  "$pgi" import "$doc" -o "$tmp/p.yaml" --force -q 2>/dev/null || fail "--force"
  for f in "$tmp/p.yaml" "$tmp/p.toml"; do
    "$pgi" validate --strict "$f" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "validate $f"; }
    "$pgi" gap "$f" --as-of 2024-10-31 --format csv >"$tmp/gap.csv" 2>&1 || { cat "$tmp/gap.csv"; fail "gap $f"; }
    for line in "$@"; do
      grep -qF -- "$line" "$tmp/gap.csv" || { cat "$tmp/gap.csv"; fail "$f: no line with: $line"; }
    done
  done
  rm -f "$tmp/p.yaml" "$tmp/p.toml"
}

# The city fixture: targets 5.20, 6.00, 4.10, 5.10 over baselines 4.75, 5.40, 3.80, 4.90.
check_doc tests/fixtures/import/city_plan.txt \
  "pollution,1,Giảm thiểu ô nhiễm và thiên tai,2023,4.75,4.75,baseline,2023,,2024,5.20,0.45," \
  "total,,PGI,2023,18.85,18.85,baseline,2023,,2024,20.40,1.55,"
check_doc tests/fixtures/import/annex_tsv.txt \
  "total,,PGI,2023,21.20,21.20,baseline,2023,,2024,23.00,1.80,"

# The .docx route of docs/import.md, when pandoc is installed: a Word file made from the
# fixture, converted back with the documented command, imports to the same plan.
if command -v pandoc >/dev/null; then
  md_to=markdown-smart-simple_tables-multiline_tables-grid_tables
  pandoc -f markdown tests/fixtures/import/annex.md -o "$tmp/annex.docx" || fail "pandoc to docx"
  pandoc -t $md_to --wrap=none "$tmp/annex.docx" | "$pgi" import - -q 2>/dev/null | grep -v '^#' >"$tmp/via-docx.yaml" ||
    fail "import the converted docx"
  "$pgi" import tests/fixtures/import/annex.md -q 2>/dev/null | grep -v '^#' >"$tmp/direct.yaml"
  sed -i 's/  # line [0-9]*$//' "$tmp/via-docx.yaml" "$tmp/direct.yaml"
  diff "$tmp/direct.yaml" "$tmp/via-docx.yaml" || fail "the docx route gives another plan"
else
  echo "SKIPPED the pandoc check: pandoc is not installed"
fi

seed=tests/fixtures/seed/000_b1491bb89ec52fb9.txt
[ -f "$seed" ] || fail "the seed document $seed is missing"
{
  check_doc "$seed" \
    ",1.74," ",1.97," ",0.78," ",0.55," \
    "total,,PGI,2023,17.33,17.33,baseline,2023,,2024,22.37,5.04,"
  "$pgi" import "$seed" -o "$tmp/seed.yaml" 2>"$tmp/err" || fail "import seed"
  grep -q "000_b1491bb89ec52fb9.txt:111:1: warning: \[repeated-letter\]" "$tmp/err" || { cat "$tmp/err"; fail "repeated d)"; }
  grep -q "000_b1491bb89ec52fb9.txt:131:1: warning: \[skipped-letter\]" "$tmp/err" || { cat "$tmp/err"; fail "skipped c)"; }
}
echo ok
