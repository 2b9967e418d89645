#!/usr/bin/env bash
# Regenerates po/pgi.pot (the message template) from the sources, and merges it into every
# po/<lang>.po (new messages arrive untranslated, changed ones fuzzy: translate them, then
# drop the `#, fuzzy` line). Run from anywhere:
#
#   scripts/update-pot.sh           # rewrite po/pgi.pot and merge into po/*.po
#   scripts/update-pot.sh --check   # exit 1 when po/pgi.pot is not what the sources give
#
# The keywords are those of lib/include/pgi/i18n.hpp: tr("…"), trf("…", args…), N_("…"),
# trn/trnf(singular, plural, n…).
# Locations are file names only and the output is sorted by msgid, so moving code does not
# change the template; only adding, changing or removing a message does.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mapfile -t sources < <(find lib cli -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort)
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
xgettext --language=C++ --from-code=UTF-8 --keyword= --keyword=tr --keyword=trf --keyword=N_ --keyword=trn:1,2 --keyword=trnf:1,2 \
  --add-comments=TRANSLATORS: --sort-output --add-location=file --no-wrap \
  --package-name=pgi --msgid-bugs-address=https://example.invalid/pgi/issues \
  --copyright-holder="the pgi authors" -o - "${sources[@]}" |
  sed -e '/^"POT-Creation-Date:/d' >"$tmp"
if [ "${1:-}" = --check ]; then
  if ! cmp -s "$tmp" po/pgi.pot; then
    echo "po/pgi.pot is stale: run scripts/update-pot.sh, translate the new messages in po/*.po"
    diff -u po/pgi.pot "$tmp" | head -60
    exit 1
  fi
  exit 0
fi
cp "$tmp" po/pgi.pot
for po in po/*.po; do
  msgmerge --quiet --update --backup=none --no-wrap --sort-output "$po" po/pgi.pot
done
echo "updated po/pgi.pot and merged it into po/*.po"
