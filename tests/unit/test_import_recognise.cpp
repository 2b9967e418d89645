// The recognisers of `pgi import`, one at a time (lib/include/pgi/import.hpp). Expected
// values are read off the inputs by hand.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "pgi/import.hpp"

using namespace pgi;
using namespace pgi::recognise;

static Score h(long v) {
    return Score::from_hundredths(v);
}

// ---- List markers --------------------------------------------------------------------

TEST_CASE("list markers: roman numerals, numbers, Vietnamese letters and bullets") {
    auto m = parse_list_marker("II. NHIỆM VỤ, GIẢI PHÁP");
    CHECK(m.kind == ListMarker::Kind::roman);
    CHECK(m.label == "II");
    CHECK(m.value == 2);
    CHECK(std::string("II. NHIỆM VỤ").substr(m.text_begin) == "NHIỆM VỤ");

    m = parse_list_marker("1. Chỉ số “Giảm thiểu ô nhiễm và thiên tai”");
    CHECK(m.kind == ListMarker::Kind::number);
    CHECK(m.label == "1");
    m = parse_list_marker("2.1. Chỉ số thành phần");
    CHECK(m.kind == ListMarker::Kind::number);
    CHECK(m.label == "2.1");
    CHECK(m.value == 1);
    CHECK(parse_list_marker("2.1 Chỉ số").kind == ListMarker::Kind::number);

    m = parse_list_marker("đ) Ban Chỉ huy Quân sự thành phố: Phối hợp");
    CHECK(m.kind == ListMarker::Kind::letter);
    CHECK(m.label == "đ");
    CHECK(m.value == 4);
    CHECK(parse_list_marker("a. Phòng Kinh tế").kind == ListMarker::Kind::letter);

    for (const char* bullet :
         {"- Tăng cường", "– Tăng cường", "• Tăng cường", "+ Tăng cường", "* Tăng cường", "\xEF\x82\xB7 Tăng cường"}) {
        CAPTURE(bullet);
        m = parse_list_marker(bullet);
        CHECK(m.kind == ListMarker::Kind::bullet);
        CHECK(std::string(bullet).substr(m.text_begin) == "Tăng cường");
    }
}

TEST_CASE("list markers: ordinary sentences, scores, years and abbreviations are not list items") {
    for (const char* text : {"Mục tiêu phấn đấu đạt từ 6,58 điểm", "4.84 điểm năm 2023", "2024. Năm", "TP. Lạng Sơn",
                             "IIII. Không phải số La Mã", "-3 độ", "Việt Nam", "123. Quá lớn", ""}) {
        CAPTURE(text);
        CHECK(parse_list_marker(text).kind == ListMarker::Kind::none);
    }
}

// ---- Lettering -------------------------------------------------------------------------

TEST_CASE("the Vietnamese list alphabet has đ after d and no f, j, w or z") {
    CHECK(vietnamese_letter_index("a") == 0);
    CHECK(vietnamese_letter_index("d") == 3);
    CHECK(vietnamese_letter_index("đ") == 4);
    CHECK(vietnamese_letter_index("e") == 5);
    CHECK(vietnamese_letter_index("g") == 6);
    CHECK(vietnamese_letter_index("y") == 22);
    CHECK(vietnamese_letter_index("f") == -1);
    CHECK(vietnamese_letter_index("z") == -1);
    CHECK(letter_id("đ") == "dd");
    CHECK(letter_id("d") == "d");
}

TEST_CASE("lettering: a list that follows the alphabet, with or without đ, has no anomaly") {
    CHECK(check_lettering({{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"đ", 5}, {"e", 6}, {"g", 7}, {"h", 8}}).empty());
    CHECK(check_lettering({{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"e", 5}}).empty());
    CHECK(check_lettering({}).empty());
}

TEST_CASE("lettering: the seed's repeated d) in II.2 and skipped c) in II.3") {
    // II.2: a) 91, b) 99, c) 105, d) 107, d) 111
    auto a = check_lettering({{"a", 91}, {"b", 99}, {"c", 105}, {"d", 107}, {"d", 111}});
    REQUIRE(a.size() == 1);
    CHECK(a[0].kind == LetterAnomaly::Kind::repeated);
    CHECK(a[0].letter == "d");
    CHECK(a[0].line == 111);
    CHECK(a[0].other_line == 107);
    // II.3: a) 121, b) 129, d) 131, e) 133, g) 137, h) 139 — c) is missing; đ) may be left out
    a = check_lettering({{"a", 121}, {"b", 129}, {"d", 131}, {"e", 133}, {"g", 137}, {"h", 139}});
    REQUIRE(a.size() == 1);
    CHECK(a[0].kind == LetterAnomaly::Kind::skipped);
    CHECK(a[0].letter == "d");
    CHECK(a[0].previous == "b");
    CHECK(a[0].missing == std::vector<std::string>{"c"});
    CHECK(a[0].line == 131);
    CHECK(a[0].other_line == 129);
}

TEST_CASE("lettering: a list that does not start at a, several missing letters, and going back") {
    auto a = check_lettering({{"c", 10}});
    REQUIRE(a.size() == 1);
    CHECK(a[0].kind == LetterAnomaly::Kind::skipped);
    CHECK(a[0].missing == std::vector<std::string>{"a", "b"});
    CHECK(a[0].previous.empty());

    a = check_lettering({{"a", 1}, {"e", 2}});  // b c d (đ is optional)
    REQUIRE(a.size() == 1);
    CHECK(a[0].missing == std::vector<std::string>{"b", "c", "d"});

    a = check_lettering({{"a", 1}, {"b", 2}, {"c", 3}, {"b", 4}});
    REQUIRE(a.size() == 1);
    CHECK(a[0].kind == LetterAnomaly::Kind::repeated);

    a = check_lettering({{"a", 1}, {"c", 2}, {"b", 3}});
    REQUIRE(a.size() == 2);
    CHECK(a[0].kind == LetterAnomaly::Kind::skipped);
    CHECK(a[1].kind == LetterAnomaly::Kind::out_of_order);
    CHECK(a[1].letter == "b");
    CHECK(a[1].previous == "c");
}

TEST_CASE("lettering: a list with f follows the Latin alphabet, where e) f) g) is no gap") {
    CHECK(check_lettering({{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"e", 5}, {"f", 6}, {"g", 7}}).empty());
    auto a = check_lettering({{"a", 1}, {"f", 2}});
    REQUIRE(a.size() == 1);
    CHECK(a[0].missing == std::vector<std::string>{"b", "c", "d", "e"});
}

// ---- Dates -----------------------------------------------------------------------------

TEST_CASE("dates: day-first numeric dates") {
    auto d = find_dates("Kế hoạch số 163/KH-UBND ngày 12/7/2024 của UBND tỉnh");
    REQUIRE(d.size() == 1);
    CHECK(d[0].date == PartialDate{2024, 7, 12});
    CHECK(std::string("Kế hoạch số 163/KH-UBND ngày 12/7/2024 của").substr(d[0].begin, d[0].end - d[0].begin) ==
          "12/7/2024");
    CHECK(find_dates("ngày 01/4/2021 và 10-01-2022 và 07.7.2022").size() == 3);
    CHECK(find_dates("31/2/2024").empty());      // no such day
    CHECK(find_dates("08/2022/NĐ-CP").empty());  // a decree number, not a date
    CHECK(find_dates("giai đoạn 2021-2025").empty());
    CHECK(find_dates("12/7/1066").empty());  // outside 1900..2200
}

TEST_CASE("dates: written out, with the day or the month left blank in a draft") {
    auto d = find_dates("TP. Lạng Sơn, ngày tháng 8 năm 2024");
    REQUIRE(d.size() == 1);
    CHECK(d[0].date == PartialDate{2024, 8, 0});
    d = find_dates("Hà Mẫu, ngày 09 tháng 9 năm 2024");
    REQUIRE(d.size() == 1);
    CHECK(d[0].date == PartialDate{2024, 9, 9});
    d = find_dates("ngày …… tháng …… năm 2024");
    REQUIRE(d.size() == 1);
    CHECK(d[0].date == PartialDate{2024, 0, 0});
    d = find_dates("hoàn thành trong tháng 10/2024");
    REQUIRE(d.size() == 1);
    CHECK(d[0].date == PartialDate{2024, 10, 0});
    d = find_dates("tháng 8 năm 2024");
    REQUIRE(d.size() == 1);
    CHECK(d[0].date == PartialDate{2024, 8, 0});
    d = find_dates("ngày 31 tháng 12 năm 2024");  // the last day a month can have
    REQUIRE(d.size() == 1);
    CHECK(d[0].date == PartialDate{2024, 12, 31});
    d = find_dates("ngày 32 tháng 12 năm 2024");  // no such day: the month still stands
    REQUIRE(d.size() == 1);
    CHECK(d[0].date == PartialDate{2024, 12, 0});
    CHECK(find_dates("ngày 30 tháng 2 năm 2024").empty());
    CHECK(find_dates("tháng 13 năm 2024").empty());
}

TEST_CASE("deadlines: the annex column's recurrences and dated forms") {
    auto d = parse_deadline("Thường xuyên");
    CHECK(d.recognised);
    CHECK(d.recurrence == Recurrence::continuous);
    CHECK(!d.due);

    d = parse_deadline("Hằng năm");
    CHECK(d.recurrence == Recurrence::yearly);
    CHECK(parse_deadline("Hàng năm").recurrence == Recurrence::yearly);
    CHECK(parse_deadline("Hằng quý").recurrence == Recurrence::quarterly);
    CHECK(parse_deadline("Hằng tháng").recurrence == Recurrence::monthly);
    CHECK(parse_deadline("Định kỳ 6 tháng").recurrence == Recurrence::half_yearly);

    d = parse_deadline("Quý III/2024");  // the end of the quarter: September 2024
    CHECK(d.due == PartialDate{2024, 9, 0});
    CHECK(d.recurrence == Recurrence::none);
    CHECK(parse_deadline("Quý 4 năm 2024").due == PartialDate{2024, 12, 0});
    CHECK(parse_deadline("Quý I").due == std::nullopt);
    CHECK(parse_deadline("Quý I", 2025).due == PartialDate{2025, 3, 0});

    CHECK(parse_deadline("Trước 15/12/2024").due == PartialDate{2024, 12, 15});
    CHECK(parse_deadline("Trước ngày 15/12/2024").due == PartialDate{2024, 12, 15});
    CHECK(parse_deadline("Tháng 10/2024").due == PartialDate{2024, 10, 0});
    CHECK(parse_deadline("Năm 2024").due == PartialDate{2024, 0, 0});
    CHECK(parse_deadline("6 tháng đầu năm 2025").due == PartialDate{2025, 6, 0});
    CHECK(parse_deadline("6 tháng cuối năm 2025").due == PartialDate{2025, 12, 0});

    d = parse_deadline("trước ngày 15/12 hằng năm", 2024);
    CHECK(d.due == PartialDate{2024, 12, 15});
    CHECK(d.recurrence == Recurrence::yearly);

    d = parse_deadline("Sau khi có hướng dẫn của Trung ương");
    CHECK(!d.recognised);
}

TEST_CASE("recurrence inferred from a task's wording") {
    CHECK(infer_recurrence("Đảm bảo công tác thu gom rác thải sinh hoạt hàng ngày, không để tồn đọng.") ==
          Recurrence::daily);
    CHECK(
        infer_recurrence("Quản lý, thu gom bao gói thuốc bảo vệ thực vật sau sử dụng; hằng năm, tổng hợp tình hình") ==
        Recurrence::yearly);
    CHECK(infer_recurrence("Tăng cường quản lý thoát nước trên địa bàn thành phố") == Recurrence::continuous);
    CHECK(infer_recurrence("Tuyên truyền sâu rộng tới cán bộ") == Recurrence::continuous);
    CHECK(infer_recurrence("Công khai bản đồ cảnh báo các khu vực có nguy cơ sạt lở") == Recurrence::none);
    CHECK(infer_recurrence("Chủ trì, phối hợp Phòng Tài nguyên và Môi trường rà soát các Quy hoạch xây dựng") ==
          Recurrence::none);
    CHECK(infer_recurrence("Phối hợp Phòng Quản lý đô thị rà soát Quy hoạch sử dụng đất") == Recurrence::none);
}

// ---- Targets ---------------------------------------------------------------------------

TEST_CASE("targets: the seed's sentence gives target, stated increase and baseline") {
    auto t = parse_target_statement(
        "Mục tiêu phấn đấu đạt từ 6,58 điểm trở lên (tăng 1,74 điểm so với năm 2023 đạt 4,84 điểm).");
    REQUIRE(t.scores.size() == 1);
    CHECK(t.scores[0].score == h(658));
    CHECK(t.scores[0].increase == h(174));
    CHECK(t.scores[0].year == 0);  // the sentence names no target year
    CHECK(t.baseline_year == 2023);
    CHECK(t.baseline_score == h(484));
    CHECK(t.ranks.empty());
}

TEST_CASE("targets: II.4 of the seed omits `điểm` after the baseline") {
    auto t =
        parse_target_statement("Mục tiêu phấn đấu đạt từ 5,30 điểm trở lên (tăng 0,55 điểm so với năm 2023 đạt 4,75).");
    REQUIRE(t.scores.size() == 1);
    CHECK(t.scores[0].score == h(530));
    CHECK(t.scores[0].increase == h(55));
    CHECK(t.baseline_score == h(475));
}

TEST_CASE("targets: decimal point, a total score, several years and rank targets") {
    auto t = parse_target_statement("Năm 2024, PGI của tỉnh đạt 22,24 điểm, trong nhóm 30 tỉnh, thành phố đứng đầu.");
    REQUIRE(t.scores.size() == 1);
    CHECK(t.scores[0].year == 2024);
    CHECK(t.scores[0].score == h(2224));
    REQUIRE(t.ranks.size() == 1);
    CHECK(t.ranks[0].kind == TargetKind::rank_top);
    CHECK(t.ranks[0].rank == 30);
    CHECK(t.ranks[0].year == 2024);

    t = parse_target_statement("năm 2024 đạt 6.00 điểm, năm 2025 đạt 6,50 điểm");
    REQUIRE(t.scores.size() == 2);
    CHECK(t.scores[0].year == 2024);
    CHECK(t.scores[0].score == h(600));
    CHECK(t.scores[1].year == 2025);
    CHECK(t.scores[1].score == h(650));

    t = parse_target_statement("Chỉ số tăng 0,36 điểm");
    CHECK(t.scores.empty());  // an increase alone is not a target

    t = parse_target_statement("Năm 2025, PGI của tỉnh tăng 3 bậc so với năm 2024.");
    REQUIRE(t.ranks.size() == 1);
    CHECK(t.ranks[0].kind == TargetKind::rank_increase);
    CHECK(t.ranks[0].rank == 3);
    CHECK(t.ranks[0].year == 2025);

    t = parse_target_statement("phấn đấu xếp thứ 15 cả nước");
    REQUIRE(t.ranks.size() == 1);
    CHECK(t.ranks[0].rank == 15);

    t = parse_target_statement("đạt từ 6,585 điểm");
    CHECK(t.scores.empty());  // three decimals is not a score

    CHECK(parse_target_statement("Triển khai 04 chỉ số thành phần, gồm 03 chỉ số giảm điểm và 01 chỉ số tăng điểm")
              .empty());
}

// ---- Documents -------------------------------------------------------------------------

TEST_CASE("document numbers: the header's Số line, with the number left blank in a draft") {
    CHECK(parse_document_number("Số: 163/KH-UBND") == "163/KH-UBND");
    CHECK(parse_document_number("Số: /KH-UBND") == "/KH-UBND");
    CHECK(parse_document_number("Số:      /KH-UBND") == "/KH-UBND");
    CHECK(parse_document_number("Số: ......./KH-UBND") == "/KH-UBND");
    CHECK(parse_document_number("Số 08/2022/NĐ-CP") == "08/2022/NĐ-CP");
    CHECK(parse_document_number("Số liệu năm 2023") == std::nullopt);
    CHECK(parse_document_number("Sở Tài nguyên và Môi trường") == std::nullopt);
}

TEST_CASE("cited documents: the seed's parent plan with its issuer and title") {
    auto docs = find_cited_documents(
        "Thực hiện Kế hoạch số 163/KH-UBND ngày 12/7/2024 của Ủy ban nhân dân tỉnh về cải thiện, nâng cao chỉ số "
        "xanh cấp tỉnh (PGI) năm 2024 và các năm tiếp theo trên địa bàn tỉnh Lạng Sơn. UBND thành phố ban hành Kế "
        "hoạch thực hiện như sau:");
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].kind == "Kế hoạch");
    CHECK(docs[0].ref.number == "163/KH-UBND");
    CHECK(docs[0].ref.date == PartialDate{2024, 7, 12});
    CHECK(docs[0].ref.issuer == "UBND tỉnh Lạng Sơn");
    CHECK(docs[0].ref.title ==
          "Về cải thiện, nâng cao chỉ số xanh cấp tỉnh (PGI) năm 2024 và các năm tiếp theo trên địa bàn tỉnh Lạng Sơn");
}

TEST_CASE("cited documents: decisions, letters, decrees and laws") {
    auto docs = find_cited_documents(
        "Luật Bảo vệ môi trường năm 2020; Nghị định số 08/2022/NĐ-CP ngày 10/01/2022 của Chính phủ quy định chi tiết "
        "một số điều của Luật Bảo vệ môi trường; Nghị định số 45/2022/NĐ-CP ngày 07/7/2022 của Chính phủ quy định xử "
        "phạt vi phạm hành chính trong lĩnh vực bảo vệ môi trường và các văn bản pháp luật có liên quan.");
    REQUIRE(docs.size() == 3);
    CHECK(docs[0].kind == "Luật");
    CHECK(docs[0].ref.number == "Luật Bảo vệ môi trường năm 2020");
    CHECK(docs[0].ref.date == PartialDate{2020, 0, 0});
    CHECK(docs[1].ref.number == "08/2022/NĐ-CP");
    CHECK(docs[1].ref.date == PartialDate{2022, 1, 10});
    CHECK(docs[1].ref.issuer == "Chính phủ");
    CHECK(docs[1].ref.title == "Quy định chi tiết một số điều của Luật Bảo vệ môi trường");
    CHECK(docs[2].ref.number == "45/2022/NĐ-CP");
    CHECK(docs[2].ref.title == "Quy định xử phạt vi phạm hành chính trong lĩnh vực bảo vệ môi trường");

    docs = find_cited_documents(
        "Đã được UBND tỉnh giao tại Công văn số 1272/VP-KT ngày 07/4/2021 của Văn phòng UBND tỉnh về việc triển khai "
        "thực hiện Quyết định số 524/QĐ-TTg ngày 01/4/2021 của Thủ tướng Chính phủ phê duyệt Đề án “Trồng 1 tỷ cây "
        "xanh giai đoạn 2021-2025”.");
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].kind == "Công văn");
    CHECK(docs[0].ref.number == "1272/VP-KT");
    CHECK(docs[0].ref.issuer == "Văn phòng UBND tỉnh");
    CHECK(docs[0].ref.title ==
          "Về việc triển khai thực hiện Quyết định số 524/QĐ-TTg ngày 01/4/2021 của Thủ tướng Chính phủ phê duyệt Đề "
          "án “Trồng 1 tỷ cây xanh giai đoạn 2021-2025”");
    CHECK(docs[1].kind == "Quyết định");
    CHECK(docs[1].ref.number == "524/QĐ-TTg");
    CHECK(docs[1].ref.date == PartialDate{2021, 4, 1});
    CHECK(docs[1].ref.issuer == "Thủ tướng Chính phủ");
    CHECK(docs[1].ref.title == "Phê duyệt Đề án “Trồng 1 tỷ cây xanh giai đoạn 2021-2025”");

    // Laws named without their year, and kinds without a number, are not references.
    CHECK(find_cited_documents("các quy định của Luật Bảo vệ môi trường và các văn bản").empty());
    CHECK(find_cited_documents("đã phân công tại Kế hoạch này").empty());
}

// ---- Footnotes -------------------------------------------------------------------------

TEST_CASE("footnote markers: Word's ⁽¹⁾, superscripts, [1] and [^1]") {
    auto m = find_footnote_markers("giai đoạn 2021-2025”⁽¹⁾.");
    REQUIRE(m.size() == 1);
    CHECK(m[0].number == 1);
    CHECK(m[0].style == FootnoteMarker::Style::parenthesised);
    m = find_footnote_markers("bảo vệ môi trường² trên; xem [3] và [^12]");
    REQUIRE(m.size() == 3);
    CHECK(m[0].number == 2);
    CHECK(m[0].style == FootnoteMarker::Style::superscript);
    CHECK(m[1].number == 3);
    CHECK(m[1].style == FootnoteMarker::Style::bracket);
    CHECK(m[2].number == 12);
    CHECK(m[2].style == FootnoteMarker::Style::caret);
    CHECK(find_footnote_markers("diện tích 20 m²").size() == 1);  // found, but only removed when a footnote 2 exists
    m = find_footnote_markers("quy định^1^ và nữa^(2)^ và 2^10 và x^a^");  // pandoc's superscript formatting
    REQUIRE(m.size() == 2);
    CHECK(m[0].number == 1);
    CHECK(m[0].style == FootnoteMarker::Style::superscript);
    CHECK(m[1].number == 2);
    CHECK(m[1].style == FootnoteMarker::Style::parenthesised);
    CHECK(find_footnote_markers("[a] và [] và [1234]").empty());
}

TEST_CASE("footnote definitions and removing markers") {
    auto d = parse_footnote_definition("¹ Đã được UBND tỉnh giao tại Công văn số 1272/VP-KT");
    REQUIRE(d);
    CHECK(d->number == 1);
    CHECK(d->text == "Đã được UBND tỉnh giao tại Công văn số 1272/VP-KT");
    d = parse_footnote_definition("[^2]: Luật Bảo vệ môi trường năm 2020");
    REQUIRE(d);
    CHECK(d->number == 2);
    CHECK(d->text == "Luật Bảo vệ môi trường năm 2020");
    CHECK(parse_footnote_definition("[12] Theo Quyết định số 12/QĐ-UBND")->number == 12);
    CHECK(!parse_footnote_definition("Đã được giao¹"));
    CHECK(!parse_footnote_definition("¹"));

    CHECK(remove_footnote_markers("giai đoạn 2021-2025”⁽¹⁾.", {1}) == "giai đoạn 2021-2025”.");
    CHECK(remove_footnote_markers("môi trường⁽²⁾ trên các phương tiện", {2}) == "môi trường trên các phương tiện");
    CHECK(remove_footnote_markers("theo quy định [3].", {3}) == "theo quy định.");
    CHECK(remove_footnote_markers("diện tích 20 m²", {1}) == "diện tích 20 m²");
}

// ---- Components and agencies ------------------------------------------------------------

TEST_CASE("the embedded reference data holds the four PGI components in VCCI's order") {
    const auto& all = reference_components();
    REQUIRE(all.size() == 4);
    CHECK(all[0].id == "pollution");
    CHECK(all[1].id == "compliance");
    CHECK(all[2].id == "green-practices");
    CHECK(all[3].id == "incentives");
    CHECK(all[2].number == 3);
    CHECK(all[0].name == "Giảm thiểu ô nhiễm và thiên tai");
    CHECK(all[3].name_en == "Environmental incentives and support services");
}

TEST_CASE("component names match by name or alias, ignoring case, quotes and diacritics") {
    auto id = [](const char* name) {
        auto c = match_component(name);
        return c ? c->id : std::string("-");
    };
    CHECK(id("Giảm thiểu ô nhiễm và thiên tai") == "pollution");
    CHECK(id("Chỉ số “Đảm bảo tuân thủ”") == "compliance");
    CHECK(id("CHỈ SỐ THÚC ĐẨY THỰC HÀNH XANH") == "green-practices");
    CHECK(id("Chinh sach khuyen khich va dich vu ho tro") == "incentives");
    CHECK(id("Chỉ số thành phần 1: Giảm thiểu ô nhiễm môi trường và tác động tiêu cực của biến đổi khí hậu") ==
          "pollution");
    CHECK(id("Vai trò lãnh đạo của chính quyền tỉnh trong bảo vệ môi trường") == "green-practices");
    CHECK(id("Chỉ số thành phần 2") == "compliance");
    CHECK(id("Giảm thiểu ô nhiễm") == "pollution");  // a shortened name that starts one component's name
    CHECK(id("Thu hút đầu tư xanh") == "-");
    CHECK(id("") == "-");
}

TEST_CASE("every component form and equivalent of data/pgi-components.yaml matches its component") {
    // Each name, alias and form matches its own component, quoted under a heading too.
    for (const auto& c : reference_components()) {
        std::vector<std::string> names{c.name, c.name_long, c.name_en};
        names.insert(names.end(), c.aliases.begin(), c.aliases.end());
        names.insert(names.end(), c.forms.begin(), c.forms.end());
        for (const auto& n : names) {
            CAPTURE(n);
            const auto* m = match_component(n);
            REQUIRE(m);
            CHECK(m->id == c.id);
            const auto* q = match_component("Chỉ số thành phần " + std::to_string(c.number) + ": “" + n + "”");
            REQUIRE(q);
            CHECK(q->id == c.id);
        }
    }
    auto id = [](const char* name) {
        auto c = match_component(name);
        return c ? c->id : std::string("-");
    };
    // One test per equivalent, in a name as a province would write it.
    REQUIRE(name_equivalents().size() == 7);
    CHECK(component_key("Bảo đảm tuân thủ") == "dam bao tuan thu");
    CHECK(id("Bảo đảm tuân thủ các tiêu chuẩn môi trường tối thiểu") == "compliance");            // Bảo đảm
    CHECK(id("Giảm thiểu ô nhiễm môi trường và tác động tiêu cực của BĐKH") == "pollution");      // BĐKH
    CHECK(id("Chính sách ưu đãi và dịch vụ hỗ trợ doanh nghiệp trong BVMT") == "incentives");     // BVMT
    CHECK(id("Vai trò lãnh đạo của chính quyền tỉnh trong bảo vệ MT") == "green-practices");      // MT
    CHECK(id("Chính sách ưu đãi và dịch vụ hỗ trợ DN trong bảo vệ môi trường") == "incentives");  // DN
    CHECK(component_key("Chỉ số PGI") == "chi so chi so xanh cap tinh");                          // PGI
    CHECK(id("Vai trò lãnh đạo của chính quyền cấp tỉnh trong bảo vệ môi trường") == "green-practices");
    // The examples: VCCI's long name of component 4 without "ưu đãi", and the number.
    CHECK(id("Chính sách và dịch vụ hỗ trợ doanh nghiệp trong bảo vệ môi trường") == "incentives");
    CHECK(id("Chỉ số thành phần 3") == "green-practices");
    // An equivalent is a whole word: "MTV" is not "MT".
    CHECK(component_key("Công ty TNHH MTV") == "cong ty tnhh mtv");
}

TEST_CASE("agencies in running text, with their canonical names and kinds") {
    auto names = [](const char* text, std::vector<std::string> known = {}) {
        std::vector<std::string> out;
        for (const auto& a : find_agencies(text, known)) out.push_back(a.name);
        return out;
    };
    CHECK(names("phối hợp Phòng Tài nguyên và Môi trường, UBND các phường, xã và các cơ quan liên quan") ==
          std::vector<std::string>{"Phòng Tài nguyên và Môi trường", "UBND các phường, xã"});
    CHECK(names("thẩm quyền của UBND cấp xã theo quy định") == std::vector<std::string>{"UBND các phường, xã"});
    CHECK(names("phối hợp với cơ quan liên quan, UBND phường, xã tuyên truyền") ==
          std::vector<std::string>{"UBND các phường, xã"});
    CHECK(names("báo cáo UBND tỉnh (gửi về Sở Tài nguyên và Môi trường) theo quy định") ==
          std::vector<std::string>{"UBND tỉnh", "Sở Tài nguyên và Môi trường"});
    CHECK(names("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các tổ chức chính trị - xã hội thành phố phối "
                "hợp") == std::vector<std::string>{"Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
                                                   "Các tổ chức chính trị - xã hội thành phố"});
    CHECK(names("Ủy ban nhân dân thành phố Lạng Sơn ban hành") == std::vector<std::string>{"UBND thành phố Lạng Sơn"});
    CHECK(names("các phòng nghiệp vụ và Công an phường, xã thường xuyên") ==
          std::vector<std::string>{"Công an phường, xã"});
    // Ministries and the government are not owners of a local plan; verbs are not agencies.
    CHECK(names("theo chỉ đạo của Thủ tướng Chính phủ, Bộ Tài nguyên và Môi trường").empty());
    CHECK(names("phòng, chống thiên tai; số liệu năm 2023").empty());
    // A name the document uses in a heading matches without its hyphen or capitals.
    CHECK(names("2. Trung tâm Văn hóa thể thao: Thực hiện", {"Trung tâm Văn hóa - Thể thao"}) ==
          std::vector<std::string>{"Trung tâm Văn hóa - Thể thao"});
}

TEST_CASE("agency kinds follow the head word of the name") {
    CHECK(agency_kind("Phòng Kinh tế") == OwnerKind::department);
    CHECK(agency_kind("Sở Tài nguyên và Môi trường") == OwnerKind::department);
    CHECK(agency_kind("UBND các phường, xã") == OwnerKind::ward_committees);
    CHECK(agency_kind("UBND thành phố") == OwnerKind::people_committee);
    CHECK(agency_kind("Công an thành phố") == OwnerKind::police);
    CHECK(agency_kind("Ban Chỉ huy Quân sự thành phố") == OwnerKind::military);
    CHECK(agency_kind("Thanh tra thành phố") == OwnerKind::inspectorate);
    CHECK(agency_kind("Ban Quản lý dự án Đầu tư xây dựng thành phố") == OwnerKind::project_board);
    CHECK(agency_kind("Trung tâm Văn hóa - Thể thao") == OwnerKind::centre);
    CHECK(agency_kind("Các ban, ngành, cơ quan, đơn vị khác") == OwnerKind::group);
    CHECK(agency_kind("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố") == OwnerKind::other);
}

TEST_CASE("owner headings read as agencies; task sentences do not") {
    CHECK(looks_like_agency("Phòng Tài nguyên và Môi trường"));
    CHECK(looks_like_agency("Ban Quản lý dự án Đầu tư xây dựng thành phố"));
    CHECK(looks_like_agency("Các ban, ngành, cơ quan, đơn vị khác và UBND các phường, xã"));
    CHECK(looks_like_agency("Sở Công Thương"));
    CHECK(!looks_like_agency("Công khai bản đồ cảnh báo"));
    CHECK(!looks_like_agency("Ban hành quy chế phối hợp"));
    CHECK(!looks_like_agency("Phòng, chống thiên tai"));
    CHECK(!looks_like_agency("Số liệu thống kê"));
    CHECK(!looks_like_agency("Phòng Kinh tế chủ trì thực hiện."));
}
