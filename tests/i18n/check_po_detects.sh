#!/usr/bin/env bash
# check_po.py must fail on each way a catalogue can be wrong: a missing, an empty and a fuzzy
# translation, and a translation whose fmt placeholders differ from its msgid's.
set -u
py=$1 check=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/t.pot" <<'POT'
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

msgid "plain"
msgstr ""

msgid "{} `{}` is not a known owner"
msgstr ""
POT
good='msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: vi\n"

msgid "plain"
msgstr "thường"
'
fail=0
expect() {  # expect RC NAME TRANSLATION-ENTRY
  printf '%s\n%s\n' "$good" "$3" >"$tmp/t.po"
  "$py" "$check" "$tmp/t.pot" "$tmp/t.po" >"$tmp/out"
  rc=$?
  if [ "$rc" != "$1" ]; then echo "FAIL $2: exit $rc, expected $1"; cat "$tmp/out"; fail=1; fi
}
expect 0 "good, same order" $'msgid "{} `{}` is not a known owner"\nmsgstr "{} `{}` không phải là cơ quan đã khai báo"'
expect 0 "good, numbered" $'msgid "{} `{}` is not a known owner"\nmsgstr "`{1}` ({0}) không phải là cơ quan đã khai báo"'
expect 1 "missing" ''
expect 1 "empty" $'msgid "{} `{}` is not a known owner"\nmsgstr ""'
expect 1 "fuzzy" $'#, fuzzy\nmsgid "{} `{}` is not a known owner"\nmsgstr "{} `{}` không phải là cơ quan"'
expect 1 "one placeholder lost" $'msgid "{} `{}` is not a known owner"\nmsgstr "`{}` không phải là cơ quan"'
expect 1 "extra placeholder" $'msgid "{} `{}` is not a known owner"\nmsgstr "{} `{}` {} không phải"'
expect 1 "spec changed" $'msgid "{} `{}` is not a known owner"\nmsgstr "{:d} `{}` không phải"'
expect 1 "unbalanced" $'msgid "{} `{}` is not a known owner"\nmsgstr "{} `{` không phải"'
expect 1 "mixed numbering" $'msgid "{} `{}` is not a known owner"\nmsgstr "{1} `{}` không phải"'
[ $fail = 0 ] && echo "check_po.py detects every broken catalogue"
exit $fail
