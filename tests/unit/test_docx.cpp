// The .docx writer (docx.hpp, report_docx.hpp) and its zip container (zip.hpp): the parts are
// well-formed XML that carries what Nghị định 30/2020/NĐ-CP Phụ lục I asks for, and the bytes
// are the same for the same input. Golden copies of the XML parts of the Lạng Sơn October 2024
// report are in tests/golden/docx/ (PGI_UPDATE_GOLDEN=1 rewrites them).
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <pugixml.hpp>
#include <sstream>

#include "helpers.hpp"
#include "pgi/docx.hpp"
#include "pgi/report.hpp"
#include "pgi/report_docx.hpp"
#include "pgi/zip.hpp"

using namespace pgi;

namespace {

OfficialDocument lang_son_october() {
    static Plan plan = test::lang_son_with_updates();
    ReportOptions o;
    o.period = *parse_period("2024-10");
    o.as_of = Date{2024, 11, 5};
    o.sources = {{"examples/lang-son-2024/plan.yaml", "git 0123456789ab"},
                 {"examples/lang-son-2024/updates/2024-10/phong-kinh-te.yaml", "git 0123456789ab, modified"}};
    PeriodicReport r = build_report(plan, o);
    return report_document(r, plan, report_settings_with_defaults(plan), DocumentOptions{});
}

std::string part(const std::vector<ZipEntry>& parts, const std::string& name) {
    for (const auto& p : parts)
        if (p.name == name) return p.content;
    FAIL("no part " << name);
    return {};
}

pugi::xml_document parse(const std::string& xml) {
    pugi::xml_document d;
    auto res = d.load_buffer(xml.data(), xml.size());
    REQUIRE_MESSAGE(res, res.description());
    return d;
}

// The text under `n`; a line break (w:br) is "\n".
std::string all_text(const pugi::xml_node& n) {
    std::string out;
    for (auto c : n.children()) {
        std::string name = c.name();
        if (name == "w:t")
            out += c.text().get();
        else if (name == "w:br")
            out += "\n";
        else
            out += all_text(c);
    }
    return out;
}

// The text of each paragraph under `n`, in order.
std::vector<std::string> paragraphs(const pugi::xml_node& n) {
    std::vector<std::string> out;
    for (auto p : n.select_nodes(".//w:p")) out.push_back(all_text(p.node()));
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("make_zip: the same entries and date give the same bytes, and read back") {
    std::string err;
    std::vector<ZipEntry> e{{"a.xml", "<a/>"}, {"dir/b.txt", std::string(1000, 'x')}};
    auto z1 = make_zip(e, Date{2024, 11, 5}, err);
    auto z2 = make_zip(e, Date{2024, 11, 5}, err);
    REQUIRE(z1);
    REQUIRE(z2);
    CHECK(*z1 == *z2);
    // Local file header: signature PK\3\4, then the MS-DOS time at offset 10 and date at 12.
    // 2024-11-05: (2024 - 1980) << 9 | 11 << 5 | 5 = 22528 + 352 + 5 = 22885 = 0x5965; time 0.
    REQUIRE(z1->size() > 14);
    CHECK(z1->substr(0, 4) == std::string("PK\x03\x04", 4));
    CHECK(static_cast<unsigned char>((*z1)[10]) == 0);
    CHECK(static_cast<unsigned char>((*z1)[11]) == 0);
    CHECK(static_cast<unsigned char>((*z1)[12]) == 0x65);
    CHECK(static_cast<unsigned char>((*z1)[13]) == 0x59);
    auto back = read_zip(*z1, err);
    REQUIRE(back);
    REQUIRE(back->size() == 2);
    CHECK((*back)[0].name == "a.xml");
    CHECK((*back)[0].content == "<a/>");
    CHECK((*back)[1].content == std::string(1000, 'x'));
    // Another date changes the bytes.
    auto z3 = make_zip(e, Date{2024, 11, 6}, err);
    REQUIRE(z3);
    CHECK(*z3 != *z1);
    CHECK_FALSE(read_zip("not a zip", err));
}

TEST_CASE("text_twips measures Times New Roman; Vietnamese letters as their base letters") {
    // '0' is 500/1000 em; at 13 pt (26 half-points) 1 em = 260 twips: 500 * 260 / 1000 = 130.
    CHECK(text_twips("0", 26) == 130);
    // T 611 + a 444 + i 278 = 1333; "Tài" measures as "Tai": 1333 * 260 / 1000 = 346.58 -> 347.
    CHECK(text_twips("Tài", 26) == 347);
    CHECK(text_twips("Tai", 26) == 347);
    // Bold adds 6 %: 1333 * 1.06 = 1412 (integer) -> 1412 * 260 / 1000 = 367.12 -> 368.
    CHECK(text_twips("Tài", 26, true) == 368);
}

TEST_CASE("fit_columns: no column narrower than its longest word; the widths fill the text width") {
    Table t;
    t.header = {"Ngày", "Nội dung"};
    t.rows = {
        {Cell("05/11/2024"), Cell("Rà soát các điểm tập kết rác thải trên địa bàn thành phố và báo cáo kết quả")}};
    auto w = fit_columns(t, 24, 9355);
    REQUIRE(w);
    REQUIRE(w->size() == 2);
    CHECK(std::accumulate(w->begin(), w->end(), 0) == 9355);
    // "05/11/2024": 8 digits * 500 + 2 slashes * 278 = 4556 / 1000 em at 12 pt (240 twips/em)
    // = 1093.4 -> 1094, plus padding 2 * 85 + 60 = 230: 1324 at least.
    CHECK((*w)[0] >= 1324);
    // Everything fits on one line here? The text is about 72 characters: it does not, so the
    // date column gets its minimum and the text the rest.
    CHECK((*w)[0] < 2000);
    // Not even the longest words fit in 1000 twips.
    CHECK_FALSE(fit_columns(t, 24, 1000));
}

TEST_CASE("report_settings_with_defaults: from the focal agency of the Lạng Sơn plan") {
    Plan plan = test::lang_son_with_updates();
    ReportSettings s = report_settings_with_defaults(plan);
    CHECK(s.issuing_body == "Phòng Tài nguyên và Môi trường");
    CHECK(s.parent_body == "UBND thành phố Lạng Sơn");
    CHECK(s.number == "…/BC-TNMT");  // T(ài) N(guyên) [và] M(ôi) T(rường)
    CHECK(s.place == "Lạng Sơn");    // "TP. Lạng Sơn" without "TP. "
    CHECK(s.recipients == std::vector<std::string>{"UBND thành phố Lạng Sơn (báo cáo)", "Lưu: VT"});
    CHECK(s.signer_title == "TRƯỞNG PHÒNG");
    CHECK(s.signer_name.empty());

    // Settings in the plan win.
    plan.report_settings.present = true;
    plan.report_settings.number = "25/BC-TNMT";
    plan.report_settings.recipients = {"Sở Tài nguyên và Môi trường"};
    plan.report_settings.signer_name = "Nguyễn Văn A";
    s = report_settings_with_defaults(plan);
    CHECK(s.number == "25/BC-TNMT");
    CHECK(s.recipients == std::vector<std::string>{"Sở Tài nguyên và Môi trường"});
    CHECK(s.signer_name == "Nguyễn Văn A");
}

TEST_CASE("vietnamese_date_words: a leading zero for days below 10 and for January and February") {
    CHECK(vietnamese_date_words(Date{2024, 11, 5}) == "ngày 05 tháng 11 năm 2024");
    CHECK(vietnamese_date_words(Date{2025, 2, 14}) == "ngày 14 tháng 02 năm 2025");
    CHECK(vietnamese_date_words(Date{2025, 3, 1}) == "ngày 01 tháng 3 năm 2025");
}

TEST_CASE("the Lạng Sơn October 2024 report as .docx: page, fonts, header block, tables, recipients") {
    OfficialDocument d = lang_son_october();
    auto parts = docx_parts(d, Date{2024, 11, 5});
    std::vector<std::string> names;
    for (const auto& p : parts) names.push_back(p.name);
    CHECK(names == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "word/document.xml",
                                            "word/styles.xml", "word/settings.xml", "word/header1.xml",
                                            "word/header2.xml", "word/_rels/document.xml.rels", "docProps/core.xml",
                                            "docProps/app.xml"});
    for (const auto& p : parts) {
        pugi::xml_document x;
        CHECK_MESSAGE(x.load_buffer(p.content.data(), p.content.size()), p.name);
    }
    auto doc = parse(part(parts, "word/document.xml"));
    auto body = doc.child("w:document").child("w:body");
    REQUIRE(body);

    // A4 portrait, margins 20/20/30/15 mm (Phụ lục I, mục I.3-4): 1 mm = 1440 / 25.4 twips,
    // 20 mm = 1133.9 -> 1134, 30 mm = 1700.8 -> 1701, 15 mm = 850.4 -> 850.
    auto sect = body.child("w:sectPr");
    REQUIRE(sect);
    CHECK(sect.child("w:pgSz").attribute("w:w").as_int() == 11906);  // 210 mm
    CHECK(sect.child("w:pgSz").attribute("w:h").as_int() == 16838);  // 297 mm
    CHECK_FALSE(sect.child("w:pgSz").attribute("w:orient"));
    auto mar = sect.child("w:pgMar");
    CHECK(mar.attribute("w:top").as_int() == 1134);
    CHECK(mar.attribute("w:bottom").as_int() == 1134);
    CHECK(mar.attribute("w:left").as_int() == 1701);
    CHECK(mar.attribute("w:right").as_int() == 850);
    // Page numbers from page 2 (titlePg: the first page has its own, empty header).
    CHECK(sect.child("w:titlePg"));
    CHECK(part(parts, "word/header1.xml").find(" PAGE ") != std::string::npos);
    CHECK(part(parts, "word/header2.xml").find("PAGE") == std::string::npos);

    // Times New Roman 13 pt, black, by default.
    auto styles = parse(part(parts, "word/styles.xml"));
    auto rpr = styles.select_node("//w:rPrDefault/w:rPr").node();
    CHECK(std::string(rpr.child("w:rFonts").attribute("w:ascii").value()) == "Times New Roman");
    CHECK(std::string(rpr.child("w:rFonts").attribute("w:hAnsi").value()) == "Times New Roman");
    CHECK(rpr.child("w:sz").attribute("w:val").as_int() == 26);
    CHECK(std::string(rpr.child("w:color").attribute("w:val").value()) == "000000");

    // The header block: the first table, borderless, two columns.
    auto head = body.child("w:tbl");
    REQUIRE(head);
    CHECK(std::string(head.child("w:tblPr").child("w:tblBorders").child("w:top").attribute("w:val").value()) == "nil");
    auto cells = head.select_nodes("w:tr/w:tc");
    REQUIRE(cells.size() == 2);
    auto left = paragraphs(cells[0].node());
    auto right = paragraphs(cells[1].node());
    CHECK(contains(left, "UBND THÀNH PHỐ LẠNG SƠN"));
    // Too long for one line of the left column: broken into two even lines.
    CHECK(contains(left, "PHÒNG TÀI NGUYÊN\nVÀ MÔI TRƯỜNG"));
    CHECK(contains(left, "Số: …/BC-TNMT"));
    CHECK(contains(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    CHECK(contains(right, "Độc lập - Tự do - Hạnh phúc"));
    CHECK(contains(right, "Lạng Sơn, ngày 05 tháng 11 năm 2024"));
    // The place and date in italics.
    bool italic = false;
    for (auto r : cells[1].node().select_nodes(".//w:r"))
        if (all_text(r.node()).rfind("Lạng Sơn, ngày", 0) == 0) italic = bool(r.node().child("w:rPr").child("w:i"));
    CHECK(italic);

    auto text = paragraphs(body);
    CHECK(contains(text, "BÁO CÁO"));
    CHECK(contains(text, "Kết quả thực hiện kế hoạch cải thiện, nâng cao chỉ số xanh cấp tỉnh (PGI) tháng 10/2024"));
    CHECK(contains(text, "Nơi nhận:"));
    CHECK(contains(text, "- UBND thành phố Lạng Sơn (báo cáo);"));
    CHECK(contains(text, "- Lưu: VT."));
    CHECK(contains(text, "TRƯỞNG PHÒNG"));
    // The scores with a decimal comma: pollution 4,84 baseline, 6,58 target, gap 1,74.
    CHECK(contains(text, "4,84"));
    CHECK(contains(text, "6,58"));
    CHECK(contains(text, "1,74"));
    // Task ids stay off the page: tasks are named by their reference in the plan.
    std::string all = all_text(body);
    CHECK(all.find("c1.a.3") == std::string::npos);
    CHECK(all.find("phong-tai-nguyen-va-moi-truong") == std::string::npos);

    // Every data table: bordered, header row repeated, fixed widths within the text width
    // (9355 twips = 11906 − 1701 − 850) on a portrait page.
    int data_tables = 0;
    for (auto t : body.select_nodes("w:tbl")) {
        auto tbl = t.node();
        if (std::string(tbl.child("w:tblPr").child("w:tblBorders").child("w:top").attribute("w:val").value()) !=
            "single")
            continue;
        ++data_tables;
        int sum = 0;
        for (auto g : tbl.child("w:tblGrid").children("w:gridCol")) sum += g.attribute("w:w").as_int();
        CHECK(sum <= 9355);
        CHECK(tbl.child("w:tr").child("w:trPr").child("w:tblHeader"));
    }
    CHECK(data_tables >= 6);  // scores, components, owners, changes, overdue, upcoming, sources
}

TEST_CASE("the .docx bytes are the same for the same report and date; golden XML parts") {
    OfficialDocument d = lang_son_october();
    std::string err;
    auto a = render_docx(d, Date{2024, 11, 5}, err);
    auto b = render_docx(d, Date{2024, 11, 5}, err);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(*a == *b);
    auto back = read_zip(*a, err);
    REQUIRE(back);
    auto parts = docx_parts(d, Date{2024, 11, 5});
    REQUIRE(back->size() == parts.size());
    bool update = std::getenv("PGI_UPDATE_GOLDEN") != nullptr;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        CHECK((*back)[i].name == parts[i].name);
        CHECK((*back)[i].content == parts[i].content);
        // Golden copies, indented by pugixml so that a change shows as a readable diff.
        pugi::xml_document x;
        REQUIRE(x.load_buffer(parts[i].content.data(), parts[i].content.size()));
        std::ostringstream pretty;
        x.save(pretty, "  ");
        std::string name = parts[i].name;
        for (auto& c : name)
            if (c == '/') c = '_';
        std::string path = std::string(PGI_SOURCE_DIR) + "/tests/golden/docx/" + name;
        if (update) {
            std::ofstream(path, std::ios::binary) << pretty.str();
            continue;
        }
        std::ifstream in(path, std::ios::binary);
        REQUIRE_MESSAGE(in, "missing golden file " << path << " (run the unit tests with PGI_UPDATE_GOLDEN=1)");
        std::stringstream want;
        want << in.rdbuf();
        CHECK_MESSAGE(pretty.str() == want.str(), "golden file differs: " << path);
    }
}

TEST_CASE("report_settings in a plan: read, and checked") {
    auto r = test::load(std::string(test::minimal_header) + R"Y(components:
  - {id: pollution, number: 1, name: "Giảm thiểu ô nhiễm"}
report_settings:
  issuing_body: "Phòng Tài nguyên và Môi trường"
  number: "25/BC-TNMT"
  recipients: ["UBND thành phố (báo cáo)", "Lưu: VT"]
  signer: {authority: "KT. TRƯỞNG PHÒNG", title: "PHÓ TRƯỞNG PHÒNG", name: "Nguyễn Văn A"}
  sections: [scores, changes]
)Y");
    REQUIRE(r.plan);
    // Only the warning that one component is not all four; nothing about report_settings.
    CHECK(test::findings(r) == std::vector<std::string>{"7:5 incomplete-components"});
    const ReportSettings& s = r.plan->report_settings;
    CHECK(s.present);
    CHECK(s.issuing_body == "Phòng Tài nguyên và Môi trường");
    CHECK(s.number == "25/BC-TNMT");
    CHECK(s.recipients.size() == 2);
    CHECK(s.signer_authority == "KT. TRƯỞNG PHÒNG");
    CHECK(s.signer_title == "PHÓ TRƯỞNG PHÒNG");
    CHECK(s.signer_name == "Nguyễn Văn A");
    CHECK(s.sections == std::vector<std::string>{"scores", "changes"});
    // The plan's issuer "UBND tỉnh Mẫu" is not the issuing body: it is the parent body.
    CHECK(report_settings_with_defaults(*r.plan).parent_body == "UBND tỉnh Mẫu");

    auto bad = test::load(std::string(test::minimal_header) + R"Y(components:
  - {id: pollution, number: 1, name: "Giảm thiểu ô nhiễm"}
report_settings:
  signer: {titel: "TRƯỞNG PHÒNG"}
  sections: [scores, charts]
)Y");
    // Line 9 is `signer`, its key at column 12; line 10 `sections`, `charts` at column 22.
    CHECK(test::findings(bad) ==
          std::vector<std::string>{"7:5 incomplete-components", "9:12 unknown-key", "10:22 invalid-value"});
}
