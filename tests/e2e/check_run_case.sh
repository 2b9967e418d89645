#!/usr/bin/env bash
# Tests run_case.sh with stand-in "pgi" programs that crash in the ways a sanitized build does:
# each case must fail, with a matching golden file and with PGI_UPDATE_GOLDEN=1, and a clean
# program with a matching golden must pass.
#
#   check_run_case.sh RUN_CASE_SH
set -u
run_case=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

# stand-in NAME BODY: a program that ignores its arguments
stand_in() {
  printf '#!/usr/bin/env bash\n%s\n' "$2" >"$tmp/$1"
  chmod +x "$tmp/$1"
}
# ASan and UBSan under -fno-sanitize-recover exit 1 by default (as an invalid plan does) or
# with the exitcode their *_OPTIONS give, as these stand-ins do.
code='c=$(printf %s "$OPTS" | sed -n "s/.*exitcode=\([0-9]*\).*/\1/p"); exit ${c:-1}'
stand_in asan "echo '==1==ERROR: AddressSanitizer: heap-use-after-free' >&2; OPTS=\$ASAN_OPTIONS; $code"
stand_in ubsan "echo 'lib/src/gap.cpp:10:5: runtime error: signed integer overflow' >&2; OPTS=\$UBSAN_OPTIONS; $code"
stand_in ubsan_plain "echo 'lib/src/gap.cpp:10:5: runtime error: signed integer overflow' >&2; exit 1"
stand_in segv "kill -SEGV \$\$"
stand_in internal "echo 'pgi: internal error: vector::_M_range_check' >&2; exit 3"
stand_in clean "echo 'plan.yaml: error: [syntax] bad' >&2; exit 1"

echo "gap x.yaml" >"$tmp/case.cmd"
expect() {  # PROGRAM WANT(pass|fail) [env…]
  local prog=$1 want=$2; shift 2
  # a golden that agrees with whatever the program prints
  (cd "$tmp" && env "$@" "$tmp/$prog" >out 2>err; rc=$?; { cat out err; echo "exit: $rc"; } >"$tmp/case.out")
  if env "$@" bash "$run_case" "$tmp/$prog" "$tmp/case.cmd" >"$tmp/log" 2>&1; then got=pass; else got=fail; fi
  if [ "$got" != "$want" ]; then
    echo "FAIL: $prog ${*:-}: run_case.sh says $got, want $want"
    cat "$tmp/log"
    failures=$((failures + 1))
  fi
}
for prog in asan ubsan ubsan_plain segv internal; do
  expect "$prog" fail
  expect "$prog" fail PGI_UPDATE_GOLDEN=1
done
expect clean pass
expect clean pass PGI_UPDATE_GOLDEN=1
[ "$failures" -eq 0 ] && echo ok
exit "$failures"
