#!/usr/bin/env bash
# pgi report names the git revision of each input file: `git <HEAD>` for a file committed
# unchanged, `git <HEAD>, modified` once it is edited (or its edit is staged), `git: untracked`
# for a file git does not track, `git: no commit yet` before the first commit. Checked in a
# real temporary repository made with the git program; pgi reads it with libgit2
# (lib/src/provenance.cpp), so the two implementations are checked against each other.
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
report() { "$pgi" report . --period 2024-Q3 --as-of 2024-10-05 --lang en >"$tmp/out" 2>&1 || fail "pgi report"; }

git init -q . && git add -A || fail "git add"
report
grep -qF "\`./plan.yaml\` (git: no commit yet)" "$tmp/out" || fail "before the first commit: want (git: no commit yet)"

git -c user.name=t -c user.email=t@example.org commit -q -m fixture || fail "git commit"
head=$(git rev-parse --short=12 HEAD)

report
grep -qF "\`./plan.yaml\` (git $head)" "$tmp/out" || fail "committed plan: want (git $head)"
grep -q "modified\|untracked" "$tmp/out" && fail "nothing is modified or untracked yet"

echo "# edited" >>plan.yaml
report
grep -qF "\`./plan.yaml\` (git $head, modified)" "$tmp/out" || fail "edited plan: want (git $head, modified)"

git add plan.yaml
report
grep -qF "\`./plan.yaml\` (git $head, modified)" "$tmp/out" || fail "staged edit: want (git $head, modified)"

git -c user.name=t -c user.email=t@example.org commit -q -m edit || fail "git commit"
head2=$(git rev-parse --short=12 HEAD)
report
grep -qF "\`./plan.yaml\` (git $head2)" "$tmp/out" || fail "committed edit: want (git $head2)"

# --source-revisions none: no git line at all
"$pgi" report . --period 2024-Q3 --as-of 2024-10-05 --lang en --source-revisions none >"$tmp/out" 2>&1 || fail "pgi report"
grep -q "(git" "$tmp/out" && fail "--source-revisions none still names revisions"

# an untracked file in the same period folder (a file in another folder must state that
# folder's period: period-folder-mismatch)
cp updates/2024-Q3/so-tnmt.yaml updates/2024-Q3/new.yaml
report
grep -qF "git: untracked" "$tmp/out" || fail "new update file: want git: untracked"
echo ok
