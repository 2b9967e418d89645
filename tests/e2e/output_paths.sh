#!/usr/bin/env bash
# `-o PATH` behaves as the shell's `>` would (docs/cli.md, "Output paths"):
#  - /dev/stdout, /dev/stderr, /dev/fd/N write to that descriptor, so a stream redirected with
#    `>>` to a regular file is appended to, never replaced;
#  - a write-protected (0444) file is refused, exit 2, and left as it was;
#  - a dangling symlink is written through: its target is created, the link stays a link;
#  - a symlink loop is an error (exit 2), nothing is created;
#  - SIGTERM or SIGINT while the temporary .NAME.tmp-XXXXXX is open removes it (the signal is
#    delivered at the write's fsync by strace's fault injection, so the timing is exact), and
#    the process still dies of that signal;
#  - after the rename the directory is fsync'ed (seen with strace).
#
#   output_paths.sh PGI
set -u
pgi=$1
export SOURCE_DATE_EPOCH=1764979200 NO_COLOR=1 TZ=UTC LC_ALL=C.UTF-8
unset PGI_PLAN
plan=$(pwd)/examples/lang-son-2024/plan.yaml
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }
gap() { "$pgi" gap "$plan" --format csv --lang en "$@"; }
gap >"$tmp/expected.csv" 2>"$tmp/err" || { echo "FAIL: pgi gap on $plan: $(cat "$tmp/err")"; exit 1; }

# 1. Append through /dev/stdout, /dev/fd/1 and /dev/stderr.
for dev in /dev/stdout /dev/fd/1; do
  printf 'earlier line\n' >"$tmp/archive.csv"
  gap -o "$dev" >>"$tmp/archive.csv" 2>/dev/null || fail "-o $dev under >>: exit $?"
  { printf 'earlier line\n'; cat "$tmp/expected.csv"; } | cmp -s - "$tmp/archive.csv" \
    || fail "-o $dev under >> must append to the file, not replace it"
done
printf 'earlier line\n' >"$tmp/errors.log"
gap -o /dev/stderr 2>>"$tmp/errors.log" >/dev/null || fail "-o /dev/stderr under 2>>: exit $?"
head -n 1 "$tmp/errors.log" | grep -qx 'earlier line' || fail "-o /dev/stderr under 2>> replaced the file"
grep -qF "$(head -n 1 "$tmp/expected.csv")" "$tmp/errors.log" || fail "-o /dev/stderr: the report is missing"
# The device is written to, never replaced by a regular file.
[ -c /dev/null ] && gap -o /dev/null 2>/dev/null && [ -c /dev/null ] || fail "-o /dev/null"

# 2. A write-protected file is refused, as `>` refuses it, and kept.
printf 'protected\n' >"$tmp/ro.csv"
chmod 0444 "$tmp/ro.csv"
gap -o "$tmp/ro.csv" >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || fail "-o on a 0444 file: want exit 2, got $rc"
grep -q "write-protected" "$tmp/err" || fail "-o on a 0444 file: want a 'write-protected' message, got: $(cat "$tmp/err")"
[ "$(cat "$tmp/ro.csv")" = protected ] || fail "-o on a 0444 file changed it"
[ "$(stat -c %a "$tmp/ro.csv")" = 444 ] || fail "-o on a 0444 file changed its mode"

# 3. A dangling symlink is written through (relative target, resolved from the link's directory).
mkdir "$tmp/sub"
ln -s sub/target.csv "$tmp/link.csv"
gap -o "$tmp/link.csv" >/dev/null 2>"$tmp/err" || fail "-o on a dangling symlink: exit $?: $(cat "$tmp/err")"
[ -L "$tmp/link.csv" ] || fail "-o on a dangling symlink replaced the link with a file"
cmp -s "$tmp/expected.csv" "$tmp/sub/target.csv" || fail "-o on a dangling symlink: the target was not written"
# A link into a directory that does not exist is refused, as `>` refuses it.
ln -s nowhere/target.csv "$tmp/bad-link.csv"
gap -o "$tmp/bad-link.csv" >/dev/null 2>&1
rc=$?
[ "$rc" = 2 ] || fail "-o on a link into a missing directory: want exit 2, got $rc"
[ -L "$tmp/bad-link.csv" ] || fail "-o on a link into a missing directory replaced the link"

# 4. A symlink loop is an error; both links stay.
ln -s loop-b.csv "$tmp/loop-a.csv"
ln -s loop-a.csv "$tmp/loop-b.csv"
gap -o "$tmp/loop-a.csv" >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || fail "-o on a symlink loop: want exit 2, got $rc"
grep -q "symbolic link" "$tmp/err" || fail "-o on a symlink loop: want a message about the link, got: $(cat "$tmp/err")"
[ -L "$tmp/loop-a.csv" ] && [ -L "$tmp/loop-b.csv" ] || fail "-o on a symlink loop replaced a link"

# 5 and 6 need strace (ptrace); LeakSanitizer cannot run under it.
if ! command -v strace >/dev/null || ! strace -o /dev/null true 2>/dev/null; then
  echo "FAIL: strace is missing or cannot trace here (scripts/install-deps.sh installs it)"
  exit 1
fi
export ASAN_OPTIONS=detect_leaks=0
# 5. A signal while the temporary file is open: it is removed, the old output is intact, and
#    the process dies of the signal (exit 128 + N).
for sig in TERM INT; do
  mkdir "$tmp/sig-$sig"
  printf 'old report\n' >"$tmp/sig-$sig/out.csv"
  strace -f -o /dev/null -e trace=fsync -e inject=fsync:signal=$sig:when=1 \
    "$pgi" gap "$plan" --format csv --lang en -o "$tmp/sig-$sig/out.csv" >/dev/null 2>&1
  rc=$?
  case $sig in TERM) want=143 ;; INT) want=130 ;; esac
  [ "$rc" = "$want" ] || fail "SIG$sig during the write: want exit $want, got $rc"
  left=$(cd "$tmp/sig-$sig" && ls -A | grep -v '^out.csv$')
  [ -z "$left" ] || fail "SIG$sig during the write left $left behind"
  [ "$(cat "$tmp/sig-$sig/out.csv")" = "old report" ] || fail "SIG$sig during the write changed the old output"
done

# 6. The directory is fsync'ed after the rename: the last fsync is of the directory's descriptor.
strace -f -o "$tmp/trace" -e trace=openat,fsync,rename "$pgi" gap "$plan" --format csv -o "$tmp/durable.csv" \
  >/dev/null 2>&1 || fail "pgi gap -o under strace"
awk '/rename\(/ { r = 1 } r && /O_DIRECTORY/ { match($0, /= [0-9]+/); fd = substr($0, RSTART + 2, RLENGTH - 2) }
     r && fd != "" && $0 ~ "fsync\\(" fd "\\)" { ok = 1 } END { exit !ok }' "$tmp/trace" \
  || fail "no fsync of the directory after the rename: $(grep -E 'rename|fsync|O_DIRECTORY' "$tmp/trace")"

[ "$failed" = 0 ] && echo "output paths: all cases pass"
exit "$failed"
