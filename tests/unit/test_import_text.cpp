// Text preparation for `pgi import` (prepare_import_text in lib/include/pgi/import.hpp).
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "pgi/import.hpp"
#include "pgi/text.hpp"

using namespace pgi;
using namespace pgi::recognise;

namespace {
std::vector<std::string> texts(const PreparedText& p) {
    std::vector<std::string> out;
    for (const auto& para : p.paragraphs) out.push_back(para.text);
    return out;
}
std::vector<int> lines(const PreparedText& p) {
    std::vector<int> out;
    for (const auto& para : p.paragraphs) out.push_back(para.line);
    return out;
}
}  // namespace

TEST_CASE("paragraphs: blank lines separate them, wrapped lines join, line numbers are kept") {
    auto p = prepare_import_text("KẾ HOẠCH\n\nVề việc triển khai\ncải thiện chỉ số\n\n\n- Tăng cường\n", "t.txt");
    REQUIRE(p.ok);
    CHECK(texts(p) == std::vector<std::string>{"KẾ HOẠCH", "Về việc triển khai cải thiện chỉ số", "- Tăng cường"});
    CHECK(lines(p) == std::vector<int>{1, 3, 7});
    CHECK(p.paragraphs[1].end_line == 4);
    CHECK(p.paragraphs[2].marker.kind == ListMarker::Kind::bullet);
}

TEST_CASE("paragraphs: a list item starts a new paragraph even without a blank line") {
    auto p =
        prepare_import_text("Nơi nhận:\n- UBND tỉnh;\n- Sở TNMT tỉnh;\na) Phòng Kinh tế\nb) Công an thành phố\n", "t");
    CHECK(texts(p) == std::vector<std::string>{"Nơi nhận:", "- UBND tỉnh;", "- Sở TNMT tỉnh;", "a) Phòng Kinh tế",
                                               "b) Công an thành phố"});
}

TEST_CASE("paragraphs: pandoc's hanging list lines continue the item; pdftotext's indented first line starts one") {
    // pandoc -t plain: the wrap falls after a full stop, the next line hangs under the item.
    auto p = prepare_import_text(
        "-   Quản lý chặt chẽ việc đảm bảo cấp nước sạch.\n"
        "    Kịp thời tham mưu, đề xuất cải tạo.\n",
        "plain.txt");
    CHECK(texts(p) == std::vector<std::string>{
                          "- Quản lý chặt chẽ việc đảm bảo cấp nước sạch. Kịp thời tham mưu, đề xuất cải tạo."});
    // pdftotext -layout: a paragraph's first line is indented, its other lines are not.
    p = prepare_import_text(
        "        Các cơ quan, đơn vị theo chức năng được\n"
        "    giao cùng thực hiện.\n"
        "        Thực hiện Kế hoạch số 163/KH-UBND.\n",
        "layout.txt");
    CHECK(texts(p) == std::vector<std::string>{"Các cơ quan, đơn vị theo chức năng được giao cùng thực hiện.",
                                               "Thực hiện Kế hoạch số 163/KH-UBND."});
}

TEST_CASE("a UTF-8 BOM, CRLF line ends and NFD text give the same paragraphs as clean NFC text") {
    std::string nfc = "Số: /KH-UBND\n\nTP. Lạng Sơn, ngày tháng 8 năm 2024\n\nđ) Ban Chỉ huy Quân sự thành phố\n";
    // The same text decomposed (NFD), as Word and PDF exports sometimes give it, with CRLF and a BOM.
    std::string nfd =
        "\xEF\xBB\xBF"
        "Số: /KH-UBND\r\n\r\nTP. La\xCC\xA3ng So\xCC\x9Bn, nga\xCC\x80y tha\xCC\x81ng 8 na\xCC\x86m 2024\r\n\r\n"
        "đ) Ban Chi\xCC\x89 huy Qua\xCC\x82n sư\xCC\xA3 tha\xCC\x80nh phô\xCC\x81\r\n";
    REQUIRE(!is_nfc(nfd.substr(3)));
    auto a = prepare_import_text(nfc, "a");
    auto b = prepare_import_text(nfd, "b");
    CHECK(texts(a) == texts(b));
    CHECK(lines(a) == lines(b));
    CHECK(b.paragraphs.back().marker.label == "đ");
}

TEST_CASE("invalid UTF-8 is an error with its line and column") {
    auto p = prepare_import_text(
        "KẾ HOẠCH\nK\xea ho\xa5"
        "ch\n",
        "legacy.txt");
    CHECK(!p.ok);
    REQUIRE(p.diagnostics.items().size() == 1);
    const auto& d = p.diagnostics.items()[0];
    CHECK(d.code == "invalid-utf8");
    CHECK(d.severity == Severity::error);
    CHECK(d.location.line == 2);
    CHECK(d.location.column == 2);
}

TEST_CASE("page breaks: a sentence split across a page is rejoined, with a note") {
    // The seed's II.2 d): "… thực hiện đầu tư các dự" / blank / "án tuân thủ …".
    auto p = prepare_import_text(
        "d) Ban Quản lý dự án: Chủ trì hướng dẫn thực hiện đầu tư các dự\n\nán tuân thủ quy định.\n\nd) UBND các "
        "phường, xã\n",
        "s.txt");
    REQUIRE(p.paragraphs.size() == 2);
    CHECK(p.paragraphs[0].text ==
          "d) Ban Quản lý dự án: Chủ trì hướng dẫn thực hiện đầu tư các dự án tuân thủ quy định.");
    CHECK(p.paragraphs[0].line == 1);
    CHECK(p.paragraphs[0].end_line == 3);
    REQUIRE(p.diagnostics.items().size() == 1);
    CHECK(p.diagnostics.items()[0].code == "joined-paragraphs");
    CHECK(p.diagnostics.items()[0].severity == Severity::note);
    CHECK(p.diagnostics.items()[0].location.line == 3);
}

TEST_CASE("page breaks: finished sentences, headings and lettered items are not joined") {
    auto p = prepare_import_text("- Câu đã hết.\n\nsau đó viết thường\n\nb) Phòng Kinh tế\n\na) Phòng Y tế\n", "s");
    REQUIRE(p.paragraphs.size() == 4);
    // A form feed (pdftotext's page break) and a page number between the halves.
    p = prepare_import_text("- Phối hợp tuyên truyền các quy\n\n- 3 -\n\fđịnh về môi trường.\n", "s");
    REQUIRE(p.paragraphs.size() == 1);
    CHECK(p.paragraphs[0].text == "- Phối hợp tuyên truyền các quy định về môi trường.");
}

TEST_CASE("footnotes: definitions leave the text and their markers are removed from the paragraph citing them") {
    auto p = prepare_import_text(
        "- Thực hiện Đề án “Trồng 1 tỷ cây xanh”⁽¹⁾.\n\n"
        "¹ Đã được UBND tỉnh giao tại Công văn số 1272/VP-KT.\n\n"
        "g) Phòng Giáo dục và Đào tạo\n",
        "f.txt");
    REQUIRE(p.paragraphs.size() == 2);
    CHECK(p.paragraphs[0].text == "- Thực hiện Đề án “Trồng 1 tỷ cây xanh”.");
    REQUIRE(p.paragraphs[0].footnotes.size() == 1);
    REQUIRE(p.footnotes.size() == 1);
    CHECK(p.footnotes[0].number == 1);
    CHECK(p.footnotes[0].line == 3);
    CHECK(p.footnotes[0].text == "Đã được UBND tỉnh giao tại Công văn số 1272/VP-KT.");
    CHECK(p.footnotes[0].referenced);
    CHECK(p.diagnostics.empty());
}

TEST_CASE("footnotes: a footnote between the halves of a split sentence does not stop the rejoin") {
    auto p = prepare_import_text(
        "- Tuyên truyền quy định⁽²⁾ trên các\n\n² Luật Bảo vệ môi trường năm 2020.\n\nphương tiện.\n", "f");
    REQUIRE(p.paragraphs.size() == 1);
    CHECK(p.paragraphs[0].text == "- Tuyên truyền quy định trên các phương tiện.");
    CHECK(p.paragraphs[0].footnotes.size() == 1);
}

TEST_CASE("footnotes: pandoc's [1] and [^1] forms, a missing definition and an orphan one") {
    auto p = prepare_import_text("- Theo quy định [1].\n\n[1] Nghị định số 08/2022/NĐ-CP.\n", "f");
    REQUIRE(p.paragraphs.size() == 1);
    CHECK(p.paragraphs[0].text == "- Theo quy định.");
    p = prepare_import_text("- Theo quy định[^1].\n\n[^1]: Nghị định số 08/2022/NĐ-CP.\n", "f");
    CHECK(p.paragraphs[0].text == "- Theo quy định.");

    p = prepare_import_text("- Theo quy định⁽⁷⁾.\n\n³ Không được trích dẫn.\n", "f");
    std::vector<std::string> codes;
    for (const auto& d : p.diagnostics.items()) codes.push_back(d.code);
    CHECK(codes == std::vector<std::string>{"missing-footnote", "orphan-footnote"});
    CHECK(p.paragraphs[0].text == "- Theo quy định⁽⁷⁾.");  // left as written
}

TEST_CASE("pandoc Markdown: superscript footnote numbers, underline spans and raw blocks") {
    auto p = prepare_import_text(
        "- Theo quy định^1^ và [gạch chân]{.underline} nữa^(2)^.\n\n"
        "```{=html}\n<!-- -->\n```\n"
        "^1^ Nghị định số 08/2022/NĐ-CP.\n\n^(2)^ Luật Bảo vệ môi trường năm 2020.\n",
        "p.md");
    REQUIRE(p.paragraphs.size() == 1);
    CHECK(p.paragraphs[0].text == "- Theo quy định và gạch chân nữa.");
    CHECK(p.paragraphs[0].footnotes.size() == 2);
    REQUIRE(p.footnotes.size() == 2);
    CHECK(p.footnotes[1].text == "Luật Bảo vệ môi trường năm 2020.");
}

TEST_CASE("Markdown: headings, emphasis and escapes are removed; tables become rows of cells") {
    auto p = prepare_import_text(
        "## II. NHIỆM VỤ\n\n1\\. Chỉ số **“Đảm bảo tuân thủ”**\n\n"
        "(*gửi Phòng Tài nguyên và Môi trường*) **chậm nhất ngày 01/12/2024.**\n\n"
        "| STT | Nhiệm vụ | Cơ quan chủ trì |\n|:---:|---|---|\n| 1 | Kiểm tra \\| giám sát | Sở Y tế |\n",
        "m.md");
    REQUIRE(p.paragraphs.size() == 5);
    CHECK(p.paragraphs[0].text == "II. NHIỆM VỤ");
    CHECK(p.paragraphs[0].marker.kind == ListMarker::Kind::roman);
    CHECK(p.paragraphs[1].text == "1. Chỉ số “Đảm bảo tuân thủ”");
    CHECK(p.paragraphs[1].marker.kind == ListMarker::Kind::number);
    CHECK(p.paragraphs[2].text == "(gửi Phòng Tài nguyên và Môi trường) chậm nhất ngày 01/12/2024.");
    CHECK(p.paragraphs[3].table_row);
    CHECK(p.paragraphs[3].cells == std::vector<std::string>{"STT", "Nhiệm vụ", "Cơ quan chủ trì"});
    CHECK(p.paragraphs[4].cells == std::vector<std::string>{"1", "Kiểm tra | giám sát", "Sở Y tế"});
    CHECK(p.paragraphs[4].line == 9);  // the separator row is not a row
}

TEST_CASE("tab-separated rows keep their empty trailing cells") {
    auto p = prepare_import_text("I\tChỉ số Đảm bảo tuân thủ\t\t\t\n1\tKiểm tra\tSở Y tế\t\tHằng năm\n", "t.txt");
    REQUIRE(p.paragraphs.size() == 2);
    CHECK(p.paragraphs[0].table_row);
    CHECK(p.paragraphs[0].cells == std::vector<std::string>{"I", "Chỉ số Đảm bảo tuân thủ", "", "", ""});
    CHECK(p.paragraphs[1].cells == std::vector<std::string>{"1", "Kiểm tra", "Sở Y tế", "", "Hằng năm"});
}

TEST_CASE("the two-column header of pdftotext -layout is split into its columns") {
    auto p = prepare_import_text(
        "ỦY BAN NHÂN DÂN           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "THÀNH PHỐ HÀ MẪU             Độc lập - Tự do - Hạnh phúc\n"
        "Số: 57/KH-UBND        Hà Mẫu, ngày 09 tháng 9 năm 2024\n\nKẾ HOẠCH\n",
        "layout.txt");
    // The national motto (CỘNG HÒA … / Độc lập …) is no part of the plan: it is dropped.
    CHECK(texts(p) == std::vector<std::string>{"ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ MẪU", "Số: 57/KH-UBND",
                                               "Hà Mẫu, ngày 09 tháng 9 năm 2024", "KẾ HOẠCH"});
    CHECK(lines(p) == std::vector<int>{1, 2, 3, 3, 5});
}

TEST_CASE("unicode spaces and invisible characters are normalised") {
    auto p = prepare_import_text("Phòng\xC2\xA0Kinh\xE2\x80\x8B tế\tthành phố\n", "u");
    REQUIRE(p.paragraphs.size() == 1);
    CHECK(p.paragraphs[0].text == "Phòng Kinh tế thành phố");
}
