#!/usr/bin/env bash
# The monthly loop with forms, end to end (issue 8, docs/tracking.md): `pgi form` for every
# owner of a copy of examples/lang-son-2024, forms filled programmatically (xlsx_fill edits the
# sheet XML inside the zip, as Excel would save the cells) and by another tool (LibreOffice,
# when installed), `pgi intake`, then `pgi report`: the changes appear with the right agency and
# period. Then forms with each kind of wrong cell: the right finding at the right cell, exit 1,
# and the update files untouched.
#
#   form_round_trip.sh PGI XLSX_FILL
set -u
pgi=$1
fill=$2
export SOURCE_DATE_EPOCH=1764979200 NO_COLOR=1 TZ=UTC LC_ALL=C.UTF-8
unset PGI_PLAN
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "FAIL: $*"
  exit 1
}
sheet="Báo cáo"
cp -r examples/lang-son-2024 "$tmp/plan"
plan="$tmp/plan"

# 1. One form per reporting unit (13 in the sample), the same bytes twice.
"$pgi" form "$plan" --period 2024-12 --as-of 2025-01-02 -o "$tmp/forms" 2>"$tmp/err" || fail "form: $(cat "$tmp/err")"
n=$(ls "$tmp/forms"/*.xlsx | wc -l)
[ "$n" -eq 13 ] || fail "expected 13 forms, got $n"
"$pgi" form "$plan" --period 2024-12 --as-of 2025-01-02 -o "$tmp/again" 2>/dev/null
for f in "$tmp/forms"/*.xlsx; do cmp -s "$f" "$tmp/again/$(basename "$f")" || fail "$(basename "$f") differs between two runs"; done
cp -r "$tmp/forms" "$tmp/blank"

# 2. Fill two forms: a date serial and a text date, a percent, evidence, difficulties.
kt="$tmp/forms/phong-kinh-te.xlsx"
"$fill" "$kt" "$sheet" "@c1.c.2:G=Hoàn thành" "@c1.c.2:H=#45646" "@c1.c.2:I=#100" \
  "@c1.c.2:J=Đã công khai bản đồ cảnh báo" "@c1.c.2:K=50/BC-KT; https://example.vn/ban-do" || fail "fill kt"
tc="$tmp/forms/phong-tai-chinh-ke-hoach.xlsx"
"$fill" "$tc" "$sheet" "@c3.d.1:G=dang thuc hien" "@c3.d.1:H=20/12/2024" "@c3.d.1:I=#70" \
  "@c3.d.1:L=Chờ bổ sung dự toán" || fail "fill tc"
before=$(find "$plan/updates" -type f | sort | xargs cat | md5sum)
"$pgi" intake "$kt" "$tc" "$plan" --dry-run >"$tmp/dry" 2>"$tmp/err" || fail "intake --dry-run: $(cat "$tmp/err")"
[ "$(find "$plan/updates" -type f | sort | xargs cat | md5sum)" = "$before" ] || fail "--dry-run wrote files"
grep -q "updates/2024-12/phong-kinh-te.yaml (new)" "$tmp/dry" || fail "dry run does not name the new file: $(cat "$tmp/dry")"
"$pgi" intake "$kt" "$tc" "$plan" 2>"$tmp/err" || fail "intake: $(cat "$tmp/err")"
yaml="$plan/updates/2024-12/phong-kinh-te.yaml"
[ -f "$yaml" ] || fail "no $yaml"
grep -q 'date: 2024-12-20' "$yaml" || fail "the date serial 45646 is not 2024-12-20: $(cat "$yaml")"
grep -q 'status: done' "$yaml" || fail "status not done: $(cat "$yaml")"
grep -q 'evidence: \["50/BC-KT", "https://example.vn/ban-do"\]' "$yaml" || fail "evidence: $(cat "$yaml")"
grep -q 'Khó khăn, vướng mắc: Chờ bổ sung dự toán' "$plan/updates/2024-12/phong-tai-chinh-ke-hoach.yaml" ||
  fail "difficulties not in the note"
"$pgi" validate "$plan" >/dev/null 2>"$tmp/err" || fail "the plan with the intake is invalid: $(cat "$tmp/err")"

# 3. The report for December: both changes, by the right agency, about December.
"$pgi" report "$plan" --period 2024-12 --as-of 2025-01-05 --format csv --source-revisions none >"$tmp/report.csv" ||
  fail "report"
grep -q '^changes,2024-12-20,c1.c.2,phong-kinh-te,Phòng Kinh tế,2024-12,Đang thực hiện,Hoàn thành,100,50/BC-KT; https://example.vn/ban-do,' "$tmp/report.csv" ||
  fail "c1.c.2 change missing: $(grep '^changes' "$tmp/report.csv")"
grep -q '^changes,2024-12-20,c3.d.1,phong-tai-chinh-ke-hoach,Phòng Tài chính - Kế hoạch,2024-12,Vướng mắc,Đang thực hiện,70,' "$tmp/report.csv" ||
  fail "c3.d.1 change missing: $(grep '^changes' "$tmp/report.csv")"
grep -q '^owners,phong-kinh-te,.*,Có,2024-12-20,' "$tmp/report.csv" || fail "Phòng Kinh tế not reported: $(grep '^owners' "$tmp/report.csv")"

# 4. Intake again extends the files by appending: the first entries stay as they were.
cp "$tmp/blank/phong-kinh-te.xlsx" "$tmp/kt2.xlsx"
"$fill" "$tmp/kt2.xlsx" "$sheet" "@c1.c.1:G=Hoàn thành" "@c1.c.1:H=28/12/2024" || fail "fill kt2"
cp "$yaml" "$tmp/before.yaml"
"$pgi" intake "$tmp/kt2.xlsx" "$plan" 2>"$tmp/err" || fail "second intake: $(cat "$tmp/err")"
cmp -s -n "$(stat -c %s "$tmp/before.yaml")" "$tmp/before.yaml" "$yaml" || fail "the second intake changed the existing content"
grep -q 'task: "c1.c.1"' "$yaml" || fail "the second intake did not append"

# 5. Wrong cells: finding at the cell, exit 1, nothing written.
state=$(find "$plan/updates" -type f | sort | xargs cat | md5sum)
row_of() {  # the row of a task in the blank Phòng Kinh tế form
  # the rows follow the plan order of the owner's tasks (lead or cooperating), from row 6
  local t=$1
  "$pgi" tasks "$plan" --owner phong-kinh-te --format csv --as-of 2025-01-02 | tail -n +2 | cut -d, -f1 | grep -n -x "$t" | cut -d: -f1
}
r=$(( $(row_of c1.c.2) + 5 ))
last=$(( $("$pgi" tasks "$plan" --owner phong-kinh-te --format csv --as-of 2025-01-02 | tail -n +2 | wc -l) + 5 ))
bad() {  # bad NAME CODE CELL [intake options] -- SPEC…
  local name=$1 code=$2 cell=$3
  shift 3
  local opts=()
  while [ "$1" != -- ]; do opts+=("$1"); shift; done
  shift
  local f="$tmp/$name.xlsx"
  cp "$tmp/blank/phong-kinh-te.xlsx" "$f"
  local target="$sheet"
  if [ $# -gt 0 ] && [ "${1:0:4}" = "pgi:" ]; then target=pgi; set -- "${1#pgi:}"; fi
  [ $# -eq 0 ] || "$fill" "$f" "$target" "$@" || fail "fill $name"
  "$pgi" intake "$f" "$plan" "${opts[@]}" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  [ $rc -eq 1 ] || fail "$name: exit $rc, expected 1: $(cat "$tmp/err")"
  grep -qF "$name.xlsx:$cell: error: [$code]" "$tmp/err" ||
    fail "$name: no $code at $cell: $(cat "$tmp/err")"
  [ "$(find "$plan/updates" -type f | sort | xargs cat | md5sum)" = "$state" ] || fail "$name: files were written"
}
bad bad-status form-bad-status "$sheet!G$r" -- "@c1.c.2:G=Xong rồi" "@c1.c.2:H=20/12/2024"
bad outside form-date-outside-period "$sheet!H$r" -- "@c1.c.2:G=Hoàn thành" "@c1.c.2:H=#45717"
bad bad-date form-bad-date "$sheet!H$r" -- "@c1.c.2:G=Hoàn thành" "@c1.c.2:H=31/02/2024"
bad no-date form-missing-date "$sheet!H$r" -- "@c1.c.2:G=Hoàn thành"
bad no-status form-missing-status "$sheet!G$r" -- "@c1.c.2:J=Đã làm xong"
bad bad-percent form-bad-percent "$sheet!I$r" -- "@c1.c.2:G=Hoàn thành" "@c1.c.2:H=20/12/2024" "@c1.c.2:I=#150"
bad locked form-locked-cell-changed "$sheet!B$r" -- "@c1.c.2:B=Nội dung khác" "@c1.c.2:G=Hoàn thành" "@c1.c.2:H=20/12/2024"
bad unknown form-unknown-task "$sheet!A$((last + 1))" -- "A$((last + 1))=c9.z.9" "G$((last + 1))=Hoàn thành" "H$((last + 1))=20/12/2024"
bad foreign form-foreign-task "$sheet!A$((last + 1))" -- "A$((last + 1))=c3.d.1" "G$((last + 1))=Hoàn thành" "H$((last + 1))=20/12/2024"
bad other-plan form-wrong-plan "pgi!B2" -- "pgi:B2=/KH-UBND | UBND tỉnh khác | Kế hoạch khác"
bad other-period form-wrong-period "pgi!B4" --period 2024-11 --
# a file that is not a workbook at all
printf 'not a zip' >"$tmp/junk.xlsx"
"$pgi" intake "$tmp/junk.xlsx" "$plan" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "form-unreadable" "$tmp/err" || fail "junk.xlsx: $(cat "$tmp/err")"

# 6. The same table as CSV: UTF-8 with BOM and `;`, then Windows-1258 refused.
printf '\xEF\xBB\xBFMã nhiệm vụ;Nội dung nhiệm vụ;Chỉ số thành phần;Vai trò;Thời hạn;Tình trạng trước;Tình trạng mới;Ngày cập nhật;Tỷ lệ hoàn thành (%%);Kết quả thực hiện;Minh chứng;Khó khăn, vướng mắc, đề xuất\r\nc1.b.4;;;;;;HOÀN THÀNH;30/12/2024;100;"Rà soát xong; đã báo cáo";;\r\n' >"$tmp/qldt.csv"
"$pgi" intake "$tmp/qldt.csv" "$plan" --by phong-quan-ly-do-thi --period 2024-12 2>"$tmp/err" || fail "csv intake: $(cat "$tmp/err")"
grep -q 'note: "Rà soát xong; đã báo cáo"' "$plan/updates/2024-12/phong-quan-ly-do-thi.yaml" || fail "csv note"
printf 'M\xE3 nhi\xEA\xD2m vu\xDE;T\xECnh tra\xECng m\xF5\xE1i\r\n' >"$tmp/ansi.csv"
"$pgi" intake "$tmp/ansi.csv" "$plan" --by phong-quan-ly-do-thi --period 2024-12 >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "Windows-1258" "$tmp/err" || fail "Windows-1258 not refused: $(cat "$tmp/err")"

# 7. Workbooks written by another tool: LibreOffice re-saving a filled form, and converting a CSV.
if command -v soffice >/dev/null 2>&1; then
  lo="$tmp/lo"
  mkdir -p "$lo/in"
  cp "$tmp/blank/cong-an-thanh-pho.xlsx" "$lo/in/ca.xlsx"
  "$fill" "$lo/in/ca.xlsx" "$sheet" "@c1.d.1:G=Đang thực hiện" "@c1.d.1:H=15/12/2024" || fail "fill ca"
  HOME="$lo" soffice --headless --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$lo/out" "$lo/in/ca.xlsx" >/dev/null 2>&1 ||
    fail "soffice could not convert the form"
  "$pgi" intake "$lo/out/ca.xlsx" "$plan" 2>"$tmp/err" || fail "intake of LibreOffice's xlsx: $(cat "$tmp/err")"
  grep -q 'task: "c1.d.1"' "$plan/updates/2024-12/cong-an-thanh-pho.yaml" || fail "LibreOffice form: no c1.d.1"
  printf 'Mã nhiệm vụ,Nội dung nhiệm vụ,Chỉ số thành phần,Vai trò,Thời hạn,Tình trạng trước,Tình trạng mới,Ngày cập nhật,Tỷ lệ hoàn thành (%%),Kết quả thực hiện,Minh chứng,"Khó khăn, vướng mắc, đề xuất"\nc4.a.1,,,,,,Hoàn thành,2024-12-18,,Đã tổ chức hội nghị,,\n' >"$lo/in/tnmt.csv"
  HOME="$lo" soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$lo/out" "$lo/in/tnmt.csv" >/dev/null 2>&1 ||
    fail "soffice could not convert the CSV"
  "$pgi" intake "$lo/out/tnmt.xlsx" "$plan" --by phong-tai-nguyen-va-moi-truong --period 2024-12 2>"$tmp/err" ||
    fail "intake of LibreOffice's CSV conversion: $(cat "$tmp/err")"
  grep -q 'task: "c4.a.1"' "$plan/updates/2024-12/phong-tai-nguyen-va-moi-truong.yaml" || fail "LibreOffice CSV: no c4.a.1"
else
  echo "SKIP: soffice not found; the LibreOffice-written workbooks were not tried"
fi
echo "form round trip: ok"
