#!/usr/bin/env bash
# Stable task ids across amendments (docs/import.md, "Amended documents"): the Lạng Sơn
# document is imported, agencies report on three tasks in update files, a bullet is inserted
# at the top of the document's first component (so every later task of II.1.a moves down one
# position), and the amended document is imported again:
# - with `-o plan.yaml --force` (ids by position) pgi warns that update files name tasks whose
#   text changes (the risk is reported, not silent);
# - with `--into`, every update still points at the same task text, the new bullet gets an id
#   no task had, and `pgi diff` sees exactly one added task;
# - a document that drops a task with updates is refused (exit 1, the plan file unchanged)
#   unless --allow-orphans.
#
#   import_amend.sh PGI          (run from the repository root)
set -u
pgi=$1
export SOURCE_DATE_EPOCH=1764979200 NO_COLOR=1 TZ=UTC LC_ALL=C.UTF-8
unset PGI_PLAN
doc=$(pwd)/examples/lang-son-2024/document/ke-hoach-pgi-2024.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; for f in "$tmp"/err "$tmp"/out; do [ -f "$f" ] && cat "$f"; done; exit 1; }
cd "$tmp" || exit 1

mkdir plan
"$pgi" import "$doc" -o plan/plan.yaml -q 2>err || fail "pgi import of the seed"
mkdir -p plan/updates/2024-10
cat >plan/updates/2024-10/phong-tai-nguyen-va-moi-truong.yaml <<'YAML'
pgi: 1
reported_by: phong-tai-nguyen-va-moi-truong
period: 2024-10
updates:
  - {task: c1.a.2, date: 2024-10-20, status: in_progress, note: "thu gom rác"}
  - {task: c1.a.3, date: 2024-10-20, status: done, note: "rà soát quy hoạch"}
YAML
"$pgi" validate plan >out 2>err || fail "the imported plan with its updates is not valid"

# id -> text of every task, as pgi tasks prints them
texts() { "$pgi" tasks "$1" --format json --as-of 2024-10-31 2>/dev/null | python3 -c '
import json, sys
for t in json.load(sys.stdin)["tasks"]:
    print(t["id"] + "\t" + t["text"])'; }
texts plan >before.tsv
[ -s before.tsv ] || fail "pgi tasks --format json printed no task"
cp -r plan before

# the amendment: a bullet before the second bullet of II.1.a (line 35 of the document)
python3 - "$doc" amended.txt <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
i = next(k for k, l in enumerate(lines) if l.startswith("- Đảm bảo công tác thu gom rác thải sinh hoạt hàng ngày"))
lines[i:i] = ["- Kiểm tra, xử lý dứt điểm các điểm tập kết rác thải tự phát trên địa bàn thành phố.", ""]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY

# 1. without --into: the shift is reported
cp -r plan naive
"$pgi" import amended.txt -o naive/plan.yaml --force -q >out 2>err || fail "plain re-import"
grep -qF "warning: naive/plan.yaml: update files name 2 tasks (c1.a.2, c1.a.3)" err ||
  fail "a plain re-import over a plan with updates must warn about c1.a.2 and c1.a.3"
grep -qF -- "--into naive/plan.yaml" err || fail "the warning must suggest --into"

# 2. with --into: the ids are kept
"$pgi" import amended.txt --into plan >out 2>err || fail "import --into"
grep -qF "added c1.a.2-2 (position c1.a.2): Kiểm tra, xử lý dứt điểm" err || fail "the new bullet: want c1.a.2-2"
grep -qF "1 added, 0 removed" err || fail "want one task added and none removed"
texts plan >after.tsv
for id in c1.a.2 c1.a.3; do
  a=$(grep -P "^$id\t" before.tsv) b=$(grep -P "^$id\t" after.tsv)
  [ -n "$a" ] && [ "$a" = "$b" ] || fail "update of $id: text was [$a], now [$b]"
done
# every task of before keeps its id and text
while IFS= read -r line; do grep -qxF -- "$line" after.tsv || fail "lost or changed: $line"; done <before.tsv
[ "$(wc -l <after.tsv)" -eq $(($(wc -l <before.tsv) + 1)) ] || fail "want exactly one more task"
"$pgi" validate plan >out 2>err || fail "the amended plan with its updates is not valid"
"$pgi" diff before plan --lang en --as-of 2024-10-31 >out 2>err
[ $? = 1 ] || fail "pgi diff before plan: want exit 1 (changes)"
grep -qF "c1.a.2-2 (pollution): added: Kiểm tra, xử lý dứt điểm" out || fail "pgi diff: want the added task"
[ "$(grep -c ': added: \|renumbered\|removed' out)" = 1 ] || fail "pgi diff: want one added task and nothing else"

# 3. a document that drops c1.a.3 (which has an update) is refused, nothing written
grep -v "^- Phối hợp Phòng Quản lý đô thị rà soát Quy hoạch sử dụng đất" amended.txt >dropped.txt
cp plan/plan.yaml kept.yaml
"$pgi" import dropped.txt --into plan >out 2>err
[ $? = 1 ] || fail "dropping a task with updates: want exit 1"
grep -qF "task \`c1.a.3\` has 1 update and would be removed" err || fail "want the refusal to name c1.a.3"
cmp -s kept.yaml plan/plan.yaml || fail "the refused import changed the plan file"
"$pgi" import dropped.txt --into plan --allow-orphans >out 2>err || fail "--allow-orphans must write"
"$pgi" validate plan >out 2>&1
grep -qF "unknown-task" out || fail "after --allow-orphans, validate must report the update that names no task"
echo ok
