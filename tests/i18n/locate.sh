#!/usr/bin/env bash
# The catalogue is found with no setting by the build-tree binary and by an installed copy,
# on a machine where only the C and C.UTF-8 locales exist (vi_VN.UTF-8 is looked for by name
# only); an unusable PGI_LOCALEDIR falls back to English without failing.
#
#   locate.sh PGI BUILD_DIR
set -u
pgi=$1 build=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
run() { env -i PATH=/usr/bin:/bin HOME="$tmp" "$@" 2>&1; }
check() {  # check NAME EXPECTED-SUBSTRING COMMAND…
  local name=$1 want=$2
  shift 2
  local out
  out=$(run "$@")
  if [[ "$out" != *"$want"* ]]; then echo "FAIL $name: no \`$want\` in:"; echo "$out"; fail=1; else echo "ok   $name"; fi
}
vi_err='lỗi: [io-error] không mở được tệp: không có tệp hay thư mục này'
en_err='error: [io-error] cannot open file: No such file or directory'
check "build tree, --lang vi" "$vi_err" "$pgi" validate --lang vi "$tmp/none.yaml"
check "build tree, PGI_LANG=vi, LANG=C.UTF-8" "$vi_err" env PGI_LANG=vi LANG=C.UTF-8 "$pgi" validate "$tmp/none.yaml"
check "build tree, LANG=vi_VN.UTF-8 (no such locale)" "$vi_err" env LANG=vi_VN.UTF-8 "$pgi" validate "$tmp/none.yaml"
check "build tree, LANGUAGE=vi with LANG=C" "$vi_err" env LANGUAGE=vi LANG=C "$pgi" validate "$tmp/none.yaml"
check "build tree, LANG=C.UTF-8" "$en_err" env LANG=C.UTF-8 "$pgi" validate "$tmp/none.yaml"
check "LC_ALL=C.UTF-8 beats LANG=vi" "$en_err" env LC_ALL=C.UTF-8 LANG=vi_VN.UTF-8 "$pgi" validate "$tmp/none.yaml"
check "--lang en beats PGI_LANG=vi" "$en_err" env PGI_LANG=vi "$pgi" validate --lang en "$tmp/none.yaml"
check "bad PGI_LOCALEDIR: English" "$en_err" env PGI_LOCALEDIR=/nonexistent PGI_LANG=vi "$pgi" validate "$tmp/none.yaml"
# Installed: bin/pgi finds share/locale/vi/LC_MESSAGES/pgi.mo next to it.
if cmake --install "$build" --prefix "$tmp/prefix" >/dev/null 2>&1; then
  check "installed, --lang vi" "$vi_err" "$tmp/prefix/bin/pgi" validate --lang vi "$tmp/none.yaml"
  [ -f "$tmp/prefix/share/locale/vi/LC_MESSAGES/pgi.mo" ] || { echo "FAIL: no installed pgi.mo"; fail=1; }
  # A copy of the binary elsewhere, with the catalogue named by PGI_LOCALEDIR.
  mkdir -p "$tmp/elsewhere" && cp "$tmp/prefix/bin/pgi" "$tmp/elsewhere/pgi"
  check "PGI_LOCALEDIR" "$vi_err" env PGI_LOCALEDIR="$tmp/prefix/share/locale" "$tmp/elsewhere/pgi" validate --lang vi "$tmp/none.yaml"
else
  echo "FAIL: cmake --install failed"; fail=1
fi
exit $fail
