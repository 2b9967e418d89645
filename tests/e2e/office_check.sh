#!/usr/bin/env bash
# The office formats as a reader gets them.
#
#   office_check.sh PGI
#
# Always: the .docx and .xlsx of the Lạng Sơn October 2024 report are byte-identical over two
# runs, their XML parts are there (unzip -p), a contradiction between --format and -o is a
# usage error (exit 2), and an invalid plan leaves no file at -o.
# With LibreOffice (soffice) and poppler (pdftotext): the .docx converted to PDF shows the
# header block, every component name and score, and no word broken across lines inside a
# table cell; the .xlsx converted to CSV under the vi-VN and en-US locales has the scores as
# numbers (4,84 and 4.84). Without soffice the LibreOffice part is skipped with exit 77
# (ctest reports it as skipped) after the rest has passed.
set -u
pgi=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
run_report() { "$pgi" report examples/lang-son-2024 --period 2024-10 --as-of 2024-11-05 --source-revisions none "$@"; }

run_report -o "$work/a.docx" || bad "report -o a.docx exited $?"
run_report -o "$work/b.docx" || bad "report -o b.docx exited $?"
cmp -s "$work/a.docx" "$work/b.docx" || bad "two runs gave different .docx bytes"
run_report -o "$work/a.xlsx" || bad "report -o a.xlsx exited $?"
sleep 1  # a clock-dependent timestamp would differ now
run_report -o "$work/b.xlsx" || bad "report -o b.xlsx exited $?"
cmp -s "$work/a.xlsx" "$work/b.xlsx" || bad "two runs gave different .xlsx bytes"
for p in '\[Content_Types\].xml' word/document.xml word/styles.xml word/header1.xml; do
  unzip -p "$work/a.docx" "$p" | grep -q '<?xml' || bad "a.docx has no $p"
done
unzip -p "$work/a.docx" word/document.xml | grep -q 'w:pgSz w:w="11906" w:h="16838"' || bad "the page is not A4"
unzip -p "$work/a.xlsx" docProps/core.xml | grep -q '2024-11-05T00:00:00Z' || bad "xlsx creation time is not --as-of"
"$pgi" gap examples/lang-son-2024 --as-of 2024-11-05 -o "$work/g.docx" || bad "gap -o g.docx exited $?"
"$pgi" tasks examples/lang-son-2024 --as-of 2024-11-05 -o "$work/t.xlsx" || bad "tasks -o t.xlsx exited $?"

# pgi rank as .docx/.xlsx (the example's partial table), and the rank lines in the report's
# .docx/.xlsx (the plan with rank targets and the SYNTHETIC complete table).
run_rank() { "$pgi" rank examples/lang-son-2024 --as-of 2025-06-05 "$@"; }
run_rank -o "$work/r1.docx" || bad "rank -o r1.docx exited $?"
run_rank -o "$work/r2.docx" || bad "rank -o r2.docx exited $?"
cmp -s "$work/r1.docx" "$work/r2.docx" || bad "two runs of rank gave different .docx bytes"
unzip -p "$work/r1.docx" word/document.xml > "$work/rank.xml"
for s in 'Xếp hạng PGI 2024: Lạng Sơn' 'công bố tháng 5/2025' 'bảng không đầy đủ: 8 trên 63 tỉnh có tổng điểm' \
         '31–63/63 (ước tính; bảng có 8/63 tỉnh)' '22,63 (tính từ 4 chỉ số thành phần)'; do
  grep -qF "$s" "$work/rank.xml" || bad "rank .docx does not say: $s"
done
run_rank -o "$work/r.xlsx" || bad "rank -o r.xlsx exited $?"
unzip -p "$work/r.xlsx" xl/workbook.xml | grep -q 'name="Xếp hạng"' || bad "rank .xlsx has no sheet Xếp hạng"
run_rank --format markdown -o "$work/r3.docx" 2>/dev/null
[ $? -eq 2 ] || bad "rank --format markdown -o r3.docx did not exit 2"
[ -e "$work/r3.docx" ] && bad "a file was left at r3.docx"
run_rank_report() {
  "$pgi" report tests/fixtures/plans/good_lang_son_2024_rank_targets.yaml --table tests/fixtures/tables/pgi-2024.csv \
    --table tests/fixtures/tables/pgi-2023.csv --period 2025-05 --as-of 2025-06-05 --source-revisions none "$@"
}
run_rank_report -o "$work/rr.docx" || bad "report with rank targets -o rr.docx exited $?"
unzip -p "$work/rr.docx" word/document.xml > "$work/rr.xml"
for s in 'Xếp hạng PGI 2024 (Lạng Sơn): 61/63 (ước tính, đồng hạng); bảng điểm chưa ghi ngày công bố' \
         'trong nhóm 30 tỉnh dẫn đầu: chưa đạt — hạng 61/63 (ước tính, đồng hạng); tỉnh thứ 30 đạt 25,05 điểm; cần thêm 2,42 điểm'; do
  grep -qF "$s" "$work/rr.xml" || bad "report .docx does not say: $s"
done
run_rank_report -o "$work/rr.xlsx" || bad "report with rank targets -o rr.xlsx exited $?"
unzip -p "$work/rr.xlsx" xl/workbook.xml | grep -q 'name="Xếp hạng"' || bad "report .xlsx has no sheet Xếp hạng"

# Usage errors and invalid input: exit codes, and nothing left at -o.
run_report --format markdown -o "$work/c.docx" 2>/dev/null
[ $? -eq 2 ] || bad "--format markdown -o c.docx did not exit 2"
[ -e "$work/c.docx" ] && bad "a file was left at c.docx"
printf 'pgi: 1\nplan: {issuer: X}\n' > "$work/bad.yaml"
"$pgi" report "$work/bad.yaml" --period 2024-10 -o "$work/d.docx" 2>/dev/null
[ $? -eq 1 ] || bad "an invalid plan did not exit 1"
[ -e "$work/d.docx" ] && bad "a file was left at d.docx"

if [ $fail -ne 0 ]; then exit 1; fi
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
  echo "SKIP: soffice or pdftotext not found (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils)"
  exit 77
fi

# LibreOffice keeps a profile; a private one per run keeps runs independent.
profile() {
  mkdir -p "$work/profile-$1/user"
  cat > "$work/profile-$1/user/registrymodifications.xcu" <<XCU
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>$1</value></prop></item>
</oor:items>
XCU
  echo "file://$work/profile-$1"
}
start=$(date +%s)
LC_ALL=C.UTF-8 soffice -env:UserInstallation="$(profile en-US)" --headless --convert-to pdf --outdir "$work" "$work/a.docx" >/dev/null 2>&1
[ -s "$work/a.pdf" ] || { echo "FAIL: soffice did not convert the .docx"; exit 1; }
pdftotext "$work/a.pdf" "$work/a.txt"
unzip -p "$work/a.docx" word/document.xml > "$work/document.xml"
python3 - "$work/a.txt" "$work/document.xml" <<'PY' || fail=1
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
flat = " ".join(text.split())
ok = True
def need(s):
    global ok
    if s not in flat:
        print("FAIL: the PDF does not show:", s); ok = False
for s in ["UBND THÀNH PHỐ LẠNG SƠN", "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "Số: …/BC-TNMT", "Lạng Sơn, ngày 05 tháng 11 năm 2024", "BÁO CÁO",
          "Nơi nhận:", "- UBND thành phố Lạng Sơn (báo cáo);", "- Lưu: VT.", "TRƯỞNG PHÒNG",
          # every component and its baseline, current score, target and gap (plan.yaml; as of
          # 2024-11-05 no observation is published yet, so current = baseline 2023)
          "Giảm thiểu ô nhiễm và thiên tai", "Đảm bảo tuân thủ", "Thúc đẩy thực hành xanh",
          "Chính sách khuyến khích và dịch vụ hỗ trợ", "Tổng điểm PGI"]:
    need(s)
tokens = set(flat.split())
for score in ["4,84", "6,58", "1,74", "4,14", "6,11", "1,97", "3,60", "4,38", "0,78", "4,75", "5,30", "0,55",
              "17,33", "22,37", "5,04"]:
    if score not in tokens:
        print("FAIL: the PDF does not show the score", score); ok = False
# No word broken across lines: every token of the PDF is a word of the document, or a piece
# of one cut where a line may break (after '-' or '/'). A word cut elsewhere (`thàn` / `h`)
# gives tokens that are not.
xml = open(sys.argv[2], encoding="utf-8").read()
words = set()
for t in re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml):
    t = t.replace("\u200b", "").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    words.update(t.split())
pieces = set()
for w in words:
    cuts = [0] + [i + 1 for i, c in enumerate(w) if c in "-/"] + [len(w)]
    for a in range(len(cuts)):
        for b in range(a + 1, len(cuts)):
            pieces.add(w[cuts[a]:cuts[b]])
# pdftotext joins a word broken after a hyphen without the hyphen: compare without hyphens.
pieces = {p.replace("-", "") for p in pieces}
broken = sorted(t for t in tokens if t.replace("-", "") not in pieces and not t.isdigit())
if broken:
    print("FAIL: words broken across lines (or not in the document):", broken[:20]); ok = False
sys.exit(0 if ok else 1)
PY
# The rank .docx as a reader sees it (pdftotext joins the page's lines).
LC_ALL=C.UTF-8 soffice -env:UserInstallation="$(profile en-US)" --headless --convert-to pdf --outdir "$work" \
  "$work/r1.docx" "$work/rr.docx" >/dev/null 2>&1
for f in r1 rr; do [ -s "$work/$f.pdf" ] || { echo "FAIL: soffice did not convert $f.docx"; fail=1; }; done
python3 - "$work/r1.pdf" "$work/rr.pdf" <<'PY' || fail=1
import subprocess, sys
def flat(pdf):
    return " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout.split())
ok = True
r1, rr = flat(sys.argv[1]), flat(sys.argv[2])
for s in ["BÁO CÁO", "Vị trí của tỉnh Lạng Sơn trong bảng xếp hạng chỉ số xanh cấp tỉnh (PGI) năm 2024",
          "Xếp hạng PGI 2024: Lạng Sơn", "công bố tháng 5/2025", "31–63/63", "Tỉnh thứ 30: 25,05 — cần thêm 2,42 điểm",
          "Giảm thiểu ô nhiễm và thiên tai", "4,95", "6,71", "6,02"]:
    if s not in r1:
        print("FAIL: the rank PDF does not show:", s); ok = False
for s in ["trong nhóm 30 tỉnh dẫn đầu: chưa đạt", "cần thêm 2,42 điểm", "không thấp hơn hạng 62: đạt"]:
    if s not in rr:
        print("FAIL: the report PDF does not show:", s); ok = False
sys.exit(0 if ok else 1)
PY
for loc in vi-VN en-US; do
  rm -rf "$work/csv-$loc"
  LC_ALL=C.UTF-8 soffice -env:UserInstallation="$(profile $loc)" --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false,false,-1' \
    --outdir "$work/csv-$loc" "$work/a.xlsx" >/dev/null 2>&1
  f="$work/csv-$loc/a-Điểm số.csv"
  [ -s "$f" ] || { echo "FAIL: no scores sheet from the .xlsx under $loc"; fail=1; continue; }
  # A number is shown in the locale's style; text would stay as written.
  if [ $loc = vi-VN ]; then want='1;Giảm thiểu ô nhiễm và thiên tai;4,84;4,84;6,58;1,74;chưa đạt'
  else want='1;Giảm thiểu ô nhiễm và thiên tai;4.84;4.84;6.58;1.74;chưa đạt'; fi
  grep -qF "$want" "$f" || { echo "FAIL: under $loc the scores are not numbers: $(sed -n 2p "$f")"; fail=1; }
done
echo "LibreOffice checks took $(( $(date +%s) - start )) s"
[ $fail -eq 0 ] && echo "office formats: all checks passed"
exit $fail
