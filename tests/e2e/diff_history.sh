#!/usr/bin/env bash
# pgi diff over a scripted git history of the Lạng Sơn example (docs/diff.md). A temporary
# repository is made with the git program from examples/lang-son-2024 (plan.yaml and its
# updates/ tree): tag v1 is the example as shipped; tag v2 raises the pollution target for 2024
# (6.58 → 6.80), inserts a task in the middle of the pollution component (c1.a.4 between
# c1.a.2 and c1.a.3), hands task c1.b.2 to another lead owner, marks task c1.c.2 done through
# a new update file (updates/2024-12/phong-kinh-te.yaml) and adds a 2025 estimate observation.
# pgi reads the revisions with libgit2 (lib/src/diff_git.cpp). Each case's stdout, stderr and
# exit code must equal tests/e2e/diff_history/CASE.out; PGI_UPDATE_GOLDEN=1 rewrites them.
#
#   diff_history.sh PGI          (run from the repository root)
set -u
pgi=$1
export SOURCE_DATE_EPOCH=1764979200 NO_COLOR=1 TZ=UTC LC_ALL=C.UTF-8   # 2025-12-06
unset PGI_PLAN
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export ASAN_OPTIONS="exitcode=86${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="exitcode=87:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
command -v git >/dev/null || { echo "FAIL: git is not installed"; exit 1; }
root=$(pwd)
goldens=$root/tests/e2e/diff_history
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

mkdir -p "$tmp/repo/plan"
cp examples/lang-son-2024/plan.yaml "$tmp/repo/plan/"
cp -r examples/lang-son-2024/updates "$tmp/repo/plan/"
cd "$tmp/repo" || exit 1
commit() { git add -A && git -c user.name=t -c user.email=t@example.org commit -q -m "$1" && git tag "$2"; }
git init -q . && commit "Lạng Sơn plan as shipped" v1 || { echo "FAIL: git"; exit 1; }

python3 - plan/plan.yaml <<'PY' || { echo "FAIL: editing the plan"; exit 1; }
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
def sub(old, new):
    global s
    assert s.count(old) == 1, old
    s = s.replace(old, new)
# the pollution target for 2024 (and the increase the plan states with it)
sub("        score: 6.58\n        increase: 1.74\n", "        score: 6.80\n        increase: 1.96\n")
# a task inserted in the middle of the pollution component
sub("  - id: c1.a.3\n", """  - id: c1.a.4
    component: pollution
    lead: phong-tai-nguyen-va-moi-truong
    text: "Kiểm tra, xử lý dứt điểm các điểm tập kết rác thải tự phát trên địa bàn."
    due: 2024-12-31
    source: "II.1.a.4"
  - id: c1.a.3
""")
# another lead owner for c1.b.2
sub("  - id: c1.b.2\n    component: pollution\n    lead: phong-quan-ly-do-thi\n",
    "  - id: c1.b.2\n    component: pollution\n    lead: phong-tai-nguyen-va-moi-truong\n    cooperating: [phong-quan-ly-do-thi]\n")
# an observation: a provincial estimate of 2025
s += """  - year: 2025
    published: 2025-11-20
    kind: estimate
    source: "Khảo sát của thành phố, tháng 11/2025 (số liệu minh họa)"
    scores:
      pollution: 5.40
      compliance: 5.10
      green-practices: 6.80
      incentives: 6.10
"""
open(p, "w", encoding="utf-8").write(s)
PY
mkdir -p plan/updates/2024-12
cat >plan/updates/2024-12/phong-kinh-te.yaml <<'YAML'
# Phòng Kinh tế, December 2024 (sample data): the hazard map is published.
pgi: 1
reported_by: phong-kinh-te
period: 2024-12
updates:
  - task: c1.c.2
    date: 2024-12-10
    status: done
    percent: 100
YAML
commit "Target raised, task added, owner changed, c1.c.2 done, 2025 estimate" v2 || { echo "FAIL: git"; exit 1; }

# The expected figures, by hand (as of 2025-12-06, the 2024 targets):
# - v1: current = PGI 2024 official (4.95, 4.95, 6.71, 6.02); gaps 6.58-4.95 = 1.63,
#   6.11-4.95 = 1.16, 4.38-6.71 = -2.33, 5.30-6.02 = -0.72; total 22.37-22.63 = -0.26.
# - v2: current = the 2025 estimate (5.40, 5.10, 6.80, 6.10); gaps 6.80-5.40 = 1.40 (-0.23),
#   6.11-5.10 = 1.01 (-0.15), 4.38-6.80 = -2.42 (-0.09), 5.30-6.10 = -0.80 (-0.08); total
#   22.59-23.40 = -0.81 (-0.55); planned increase 6.80-4.84 = 1.96 (was 1.74), total 5.04 → 5.26.
# - c1.c.2 was in_progress (the 2024-10 update), done from 2024-12-10: In progress → Done.
# case NAME ARGS...: runs pgi ARGS in the repository, compares with the golden NAME.out.
case_() {
  local name=$1
  shift
  "$pgi" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  local rc=$?
  { cat "$tmp/stdout" "$tmp/stderr"; echo "exit: $rc"; } >"$tmp/actual"
  if [ "$rc" -ge 3 ] || grep -qE "ERROR: (Address|Leak)Sanitizer|runtime error:|internal error" "$tmp/stderr"; then
    echo "FAIL: pgi $* crashed (exit $rc)"
    cat "$tmp/stderr"
    status=1
    return
  fi
  if [ "${PGI_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$tmp/actual" "$goldens/$name.out"
    echo "updated $goldens/$name.out"
  elif ! cmp -s "$goldens/$name.out" "$tmp/actual"; then
    echo "FAIL: pgi $*: output differs from tests/e2e/diff_history/$name.out"
    diff -u "$goldens/$name.out" "$tmp/actual"
    status=1
  fi
}

case_ text_vi diff v1 v2 -- plan
case_ text_en diff --lang en v1 v2 -- plan
case_ markdown diff --format markdown --lang en v1 v2 -- plan
case_ json diff --format json v1 v2 -- plan
# one revision: against the work tree (v2 checked out, unchanged): no change, exit 0
case_ work_tree_same diff --lang en v2 -- plan
# the plan file alone reads no update file: the status change is not seen
case_ plan_file_only diff --lang en v1 v2 -- plan/plan.yaml
# two files on disk
git show v1:plan/plan.yaml >"$tmp/old.yaml"
cp "$tmp/old.yaml" old-plan.yaml
case_ two_files diff old-plan.yaml plan/plan.yaml --lang en --format json
rm old-plan.yaml
# errors: exit 2
case_ bad_revision diff no-such-tag -- plan
case_ too_many diff v1 v2 plan plan
[ "$status" = 0 ] && echo ok
exit "$status"
