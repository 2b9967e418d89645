#!/usr/bin/env bash
# pgi report names the git revision of each input file: `git <HEAD>` for a file committed
# unchanged, `git <HEAD>, modified` once it is edited, `git: untracked` for a file git does not
# track. Checked in a real temporary repository.
#
#   git_provenance.sh PGI
set -u
pgi=$1
export SOURCE_DATE_EPOCH=1764979200 NO_COLOR=1 TZ=UTC LC_ALL=C.UTF-8
unset PGI_PLAN
command -v git >/dev/null || { echo "FAIL: git is not installed"; exit 1; }
src=$(pwd)/tests/fixtures/updates/plan-dir
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; cat "$tmp/out" 2>/dev/null; exit 1; }

cp -r "$src" "$tmp/repo"
cd "$tmp/repo" || exit 1
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
git init -q . && git add -A &&
  git -c user.name=t -c user.email=t@example.org commit -q -m fixture || fail "git commit"
head=$(git rev-parse --short=12 HEAD)
report() { "$pgi" report . --period 2024-Q3 --as-of 2024-10-05 --lang en >"$tmp/out" 2>&1 || fail "pgi report"; }

report
grep -qF "\`./plan.yaml\` (git $head)" "$tmp/out" || fail "committed plan: want (git $head)"
grep -q "modified\|untracked" "$tmp/out" && fail "nothing is modified or untracked yet"

echo "# edited" >>plan.yaml
report
grep -qF "\`./plan.yaml\` (git $head, modified)" "$tmp/out" || fail "edited plan: want (git $head, modified)"

# an untracked file in the same period folder (a file in another folder must state that
# folder's period: period-folder-mismatch)
cp updates/2024-Q3/so-tnmt.yaml updates/2024-Q3/new.yaml
report
grep -qF "git: untracked" "$tmp/out" || fail "new update file: want git: untracked"
echo ok
