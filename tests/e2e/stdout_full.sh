#!/usr/bin/env bash
# Output that cannot be written is an error that names its reason (docs/cli.md, "Exit codes"):
# `--help`, a report and validate's findings sent to /dev/full (every write fails with ENOSPC)
# exit 2 with "cannot write to standard output: No space left on device".
#
#   stdout_full.sh PGI
set -u
pgi=$1
[ -w /dev/full ] || { echo "no /dev/full here"; exit 77; }
export SOURCE_DATE_EPOCH=1764979200 NO_COLOR=1 LC_ALL=C.UTF-8
unset PGI_PLAN
fail=0
check() {  # check WHAT ARGS…
  local what=$1; shift
  local err rc
  err=$("$pgi" "$@" 2>&1 >/dev/full)
  rc=$?
  if [ "$rc" -ne 2 ] || ! grep -q "cannot write to standard output: No space left on device" <<<"$err"; then
    echo "FAIL: $what: pgi $* >/dev/full exited $rc with: $err"
    fail=1
  else
    echo "ok: $what"
  fi
}
check "--help" --help
check "a command's --help" gap --help
check "--version" --version
check "a gap table" gap examples/lang-son-2024/plan.yaml --as-of 2024-10-01
check "validate's findings" validate tests/fixtures/plans/bad_date.yaml
exit $fail
