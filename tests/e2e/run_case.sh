#!/usr/bin/env bash
# Runs one end-to-end case against the built pgi binary and compares with its golden file.
#
#   run_case.sh PGI CASE.cmd
#
# CASE.cmd holds the pgi arguments on one line (shell words, run from the repository root).
# CASE.stdin, if present, is fed to standard input. CASE.env, if present, holds VAR=value
# lines that replace the fixed environment below (e.g. another SOURCE_DATE_EPOCH, to put the
# clock at an hour where the UTC date and Vietnam's differ, or LANG=vi_VN.UTF-8 for messages in
# Vietnamese). The observed output is standard output,
# then standard error, then a line `exit: N`; it must equal CASE.out byte for byte. On a
# mismatch the unified diff is printed. PGI_UPDATE_GOLDEN=1 rewrites CASE.out instead
# (review the diff with git before committing it), but never for a run that crashed.
#
# A crash fails the case whatever the golden says: a signal (exit above 128), an internal
# error (exit 3, docs/cli.md), or a sanitizer report. ASan and UBSan exit 1 by default, the
# same as "the plan is invalid", so they are given exit codes of their own here (86, 87) and
# their reports are looked for on standard error as well.
set -u
pgi=$1
case_file=$2
golden=${case_file%.cmd}.out
stdin_file=${case_file%.cmd}.stdin
[ -f "$stdin_file" ] || stdin_file=/dev/null

# A fixed environment: the same inputs give the same bytes.
export SOURCE_DATE_EPOCH=1764979200   # 2025-12-06
export NO_COLOR=1 TZ=UTC LC_ALL=C.UTF-8
# Messages in English unless a case asks otherwise (docs/cli.md, "Language"): nothing of the
# caller's language settings leaks in. A Vietnamese case's .env sets e.g. `LC_ALL=` (empty
# counts as unset) and `LANG=vi_VN.UTF-8`, or PGI_LANG; the locale need not be installed.
unset PGI_PLAN PGI_LANG LANGUAGE LC_MESSAGES LANG PGI_LOCALEDIR
env_file=${case_file%.cmd}.env
if [ -f "$env_file" ]; then set -a; . "$env_file"; set +a; fi
export ASAN_OPTIONS="exitcode=86${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="exitcode=87:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
args=$(head -n 1 "$case_file")
eval "set -- $args"
"$pgi" "$@" <"$stdin_file" >"$tmp/stdout" 2>"$tmp/stderr"
rc=$?
{ cat "$tmp/stdout" "$tmp/stderr"; echo "exit: $rc"; } >"$tmp/actual"

if [ "$rc" -ge 3 ] || grep -qE "ERROR: (Address|Leak)Sanitizer|runtime error:|internal error|lỗi nội bộ" "$tmp/stderr"; then
  echo "pgi $args crashed (exit $rc):"
  cat "$tmp/stderr"
  exit 1
fi
if [ "${PGI_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$tmp/actual" "$golden"
  echo "updated $golden"
  exit 0
fi
if [ ! -f "$golden" ]; then
  echo "missing golden file $golden; observed:"
  cat "$tmp/actual"
  exit 1
fi
if ! cmp -s "$golden" "$tmp/actual"; then
  echo "pgi $args: output differs from $golden"
  diff -u "$golden" "$tmp/actual" | sed 's/\x1b/<ESC>/g'
  exit 1
fi
exit 0
