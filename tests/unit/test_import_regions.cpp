// The region readers of `pgi import` (lib/src/import_build.hpp), each on its own: the phrase
// matcher, owners, footnotes, header, targets, task sections, annex tables and duties. The
// inputs are small texts written for these tests; expected values are read off them by hand.
#include <doctest/doctest.h>

#include "import_build.hpp"
#include "pgi/import.hpp"

using namespace pgi;
using namespace pgi::import_detail;

namespace {

Score h(long v) {
    return Score::from_hundredths(v);
}

// The paragraphs of `text` as the importer prepares them.
std::vector<recognise::Paragraph> paragraphs(std::string_view text) {
    auto prep = recognise::prepare_import_text(text, "t.txt");
    REQUIRE(prep.ok);
    return prep.paragraphs;
}

std::vector<std::string> codes(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.items()) out.push_back(std::to_string(x.location.line) + " " + x.code);
    return out;
}

// Every reader, wired as the driver wires them.
struct Readers {
    Diagnostics diags;
    Sink sink{"t.txt", diags, {}};
    Numbering numbering;
    OwnerRegistry owners{sink};
    std::vector<recognise::Footnote> footnote_texts;
    FootnoteUse footnotes{footnote_texts};
    TaskList tasks;
    HeaderReader header{sink};
    TargetCollector targets{sink, header.meta()};
    TaskSections sections{sink, owners, targets, tasks, footnotes, numbering, header.meta()};
    AnnexReader annex{sink, owners, targets, tasks, footnotes, header.meta()};
    DutyReader duties{sink, owners, numbering, header.meta()};
};

}  // namespace

TEST_CASE("the phrase matcher: folded words at word boundaries") {
    // "1 chi so thanh phan": "chi so" starts at byte 2.
    CHECK(find_phrase("1 chi so thanh phan", "chi so") == 2);
    CHECK(find_phrase("1 chi sox", "chi so") == std::string_view::npos);
    CHECK(find_phrase("achi so", "chi so") == std::string_view::npos);
    // The second occurrence, from byte 3 on: "so chi so" -> 3.
    CHECK(find_phrase("so chi so", "so", 1) == 7);
    CHECK(find_phrase("abc", "") == std::string_view::npos);
    CHECK(contains_phrase(folded_key("Tổ chức THỰC HIỆN"), "to chuc thuc hien"));
    CHECK(starts_with_phrase("can cu luat", "can cu"));
    CHECK_FALSE(starts_with_phrase("can cuoc", "can cu"));
    CHECK(starts_with_phrase("can cu", "can cu"));
    CHECK_FALSE(starts_with_phrase("can", ""));
}

TEST_CASE("regions: roman headings and heading keys") {
    CHECK(classify_roman(head_key("II. NHIỆM VỤ, GIẢI PHÁP")) == Region::tasks);
    CHECK(classify_roman(head_key("III. TỔ CHỨC THỰC HIỆN")) == Region::organisation);
    CHECK(classify_roman(head_key("I. MỤC ĐÍCH, YÊU CẦU")) == Region::purpose);
    CHECK(classify_roman(head_key("IV. KINH PHÍ")) == Region::other);
}

TEST_CASE("owners: registered once, groups, roles and partners") {
    Readers r;
    CHECK(r.owners.add_owner("Phòng Kinh tế:", 3) == "phong-kinh-te");
    CHECK(r.owners.add_owner("phòng Kinh tế", 9) == "phong-kinh-te");  // the first spelling stays
    REQUIRE(r.owners.owners().size() == 1);
    CHECK(r.owners.owners()[0].name == "Phòng Kinh tế");
    CHECK(r.owners.owners()[0].location.line == 3);
    CHECK(r.owners.owners()[0].kind == OwnerKind::department);

    SUBCASE("a heading naming two agencies is a group of them") {
        auto id = r.owners.add_lead("Phòng Kinh tế, Công an thành phố", 5);
        const Owner* g = r.owners.find(id);
        REQUIRE(g);
        CHECK(g->kind == OwnerKind::group);
        CHECK(g->members == std::vector<std::string>{"phong-kinh-te", "cong-an-thanh-pho"});
    }
    SUBCASE("the role words are not part of the name") {
        CHECK(r.owners.agency_part("Phòng Kinh tế (chủ trì)") == "Phòng Kinh tế");
        CHECK(r.owners.agency_part("Phòng Kinh tế chủ trì, phối hợp Công an thành phố") == "Phòng Kinh tế");
    }
    SUBCASE("partners after phối hợp, not the lead and not the generic ones") {
        auto ids = r.owners.cooperating(
            "Chủ trì, phối hợp với Phòng Kinh tế, Công an thành phố và các cơ quan liên quan kiểm tra.", 7,
            "thanh-tra");
        CHECK(ids == std::vector<std::string>{"phong-kinh-te", "cong-an-thanh-pho"});
        CHECK(r.owners.cooperating("Phối hợp Phòng Kinh tế kiểm tra.", 7, "phong-kinh-te").empty());
    }
}

TEST_CASE("footnotes: attached to the task that cites them, else reported") {
    auto prep = recognise::prepare_import_text(
        "- Việc một⁽¹⁾.\n\n- Việc hai⁽²⁾.\n\n⁽¹⁾ Chú thích một.\n\n⁽²⁾ Chú thích hai.\n", "t.txt");
    REQUIRE(prep.paragraphs.size() == 2);
    FootnoteUse use(prep.footnotes);
    CHECK(use.note_for(prep.paragraphs[0]) == "Chú thích một.");
    Diagnostics d;
    Sink sink{"t.txt", d, {}};
    use.report_unattached(prep.paragraphs, sink);
    CHECK(codes(d) == std::vector<std::string>{"3 unattached-footnote"});  // "Việc hai" is on line 3
}

TEST_CASE("header: number, place and date, issuer, title period") {
    Readers r;
    auto paras =
        paragraphs("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ MẪU\n\nSố: 57/KH-UBND\n\nHà Mẫu, ngày 09 tháng 9 năm 2024\n");
    for (const auto& p : paras) r.header.header_paragraph(p);
    CHECK(r.header.meta().document_number == "57/KH-UBND");
    REQUIRE(r.header.meta().issued);
    CHECK(*r.header.meta().issued == PartialDate{2024, 9, 9});
    CHECK(r.header.meta().place == "Hà Mẫu");
    r.header.add_title_part("Nâng cao Chỉ số xanh năm 2024 và các năm tiếp theo");
    CHECK(r.header.update_title_period());
    CHECK(r.header.meta().period.start == 2024);
    CHECK_FALSE(r.header.meta().period.end);  // open-ended
    r.header.finish({}, {}, {});
    CHECK(r.header.meta().issuer == "UBND thành phố Hà Mẫu");
    CHECK(r.diags.items().empty());

    CHECK(issuer_from_header("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN CỘNG HÒA") == "UBND tỉnh Lạng Sơn");
    CHECK(issuer_from_header("SỞ TÀI NGUYÊN") == "");
    Period period;
    CHECK(period_in_title("Kế hoạch giai đoạn 2024 - 2025", period));
    CHECK(period == Period{2024, 2025});
    CHECK_FALSE(period_in_title("Kế hoạch cải thiện Chỉ số xanh", period));
}

TEST_CASE("header: without a title or a year, the findings say so") {
    Readers r;
    Baseline b;
    b.year = 2023;
    r.header.finish({}, {&b}, {});
    CHECK(r.header.meta().title == "Kế hoạch");
    CHECK(r.header.meta().period.start == 2024);  // the year after the baseline's 2023
    CHECK(codes(r.diags) == std::vector<std::string>{"1 missing-title", "1 missing-period", "1 missing-issuer"});
}

TEST_CASE("targets: components, the total, and the checks when finished") {
    Readers r;
    auto paras = paragraphs(
        "- Chỉ số “Đảm bảo tuân thủ” đạt từ 6,00 điểm trở lên (tăng 0,70 điểm so với năm 2023 đạt 5,40 điểm).\n\n"
        "- PGI đạt 30,00 điểm.\n\n"
        "- Chỉ số “Đảm bảo tuân thủ” năm 2024 đạt 6,10 điểm.\n\n"
        "- Cải thiện môi trường kinh doanh.\n");
    REQUIRE(paras.size() == 4);
    CHECK(r.targets.free_targets(paras[0], "I.2"));
    CHECK(r.targets.free_targets(paras[1], "I.2"));
    CHECK(r.targets.free_targets(paras[2], "I.2"));
    CHECK_FALSE(r.targets.free_targets(paras[3], "I.2"));
    Plan plan;
    r.targets.finish(plan, 2024);
    REQUIRE(plan.components.size() == 1);
    const auto& c = plan.components[0];
    CHECK(c.id == "compliance");
    REQUIRE(c.baseline);
    CHECK(c.baseline->score == h(540));
    REQUIRE(c.targets.size() == 1);  // the second 2024 score target is a duplicate
    CHECK(c.targets[0].score == h(600));
    CHECK(c.targets[0].source == "I.2");
    // 6,00 − 5,40 = 0,60, not the stated 0,70: the increase moves to the note.
    CHECK_FALSE(c.targets[0].stated_increase);
    CHECK(c.targets[0].note == "The document states an increase of 0.70; target − baseline is 0.60.");
    // The total 30,00 is not the sum of the component targets of 2024 (6,00, the only
    // component): it is not imported.
    CHECK(plan.total.targets.empty());
    CHECK(codes(r.diags) == std::vector<std::string>{"1 target-mismatch", "5 duplicate-target", "3 target-mismatch"});
}

TEST_CASE("task sections: owner headings, tasks, lettering and missing targets") {
    Readers r;
    auto paras = paragraphs(
        "1. Chỉ số “Đảm bảo tuân thủ”\n\n"
        "a) Phòng Kinh tế: Rà soát hồ sơ môi trường, hoàn thành trước ngày 30/11/2024.\n\n"
        "c) Công an thành phố\n\n"
        "- Xử lý vi phạm; phối hợp Phòng Kinh tế.\n\n"
        "- Tuyên truyền pháp luật.\n\n"
        "2. Chỉ số “Không có thật”\n\n"
        "a) Phòng Kinh tế: Việc bị bỏ qua.\n");
    r.numbering.roman = "II";
    for (const auto& p : paras) r.sections.paragraph(p);
    r.sections.close();
    auto& tasks = r.tasks.tasks;
    REQUIRE(tasks.size() == 3);
    CHECK(tasks[0].id == "c2.a.1");
    CHECK(tasks[0].source == "II.1.a.1");
    CHECK(tasks[0].lead == "phong-kinh-te");
    CHECK(tasks[0].text == "Rà soát hồ sơ môi trường, hoàn thành trước ngày 30/11/2024.");
    REQUIRE(tasks[0].due);
    CHECK(*tasks[0].due == PartialDate{2024, 11, 30});
    CHECK(tasks[1].id == "c2.c.1");
    CHECK(tasks[1].lead == "cong-an-thanh-pho");
    CHECK(tasks[1].cooperating == std::vector<std::string>{"phong-kinh-te"});
    CHECK(tasks[2].id == "c2.c.2");
    CHECK(tasks[2].note == "The document skips the letter b) in section II.1: the headings run a), c).");
    CHECK(codes(r.diags) == std::vector<std::string>{"5 skipped-letter", "1 missing-target", "11 unmatched-component"});
}

TEST_CASE("annex tables: header, group rows, task rows") {
    Readers r;
    auto paras = paragraphs(
        "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
        "|---|---|---|---|---|\n"
        "| I | Chỉ số “Đảm bảo tuân thủ” | | | |\n"
        "| 1 | Kiểm tra cơ sở | Sở Tài nguyên và Môi trường | Công an tỉnh; các cơ quan liên quan | Quý III/2024 |\n"
        "| 2 | Tập huấn | | | Hằng năm |\n"
        "| 3 | Báo cáo | Sở Công Thương | | Khi có yêu cầu |\n");
    r.annex.annex_heading(1);
    for (const auto& p : paras) r.annex.row(p);
    r.annex.finish();
    auto& tasks = r.tasks.tasks;
    REQUIRE(tasks.size() == 2);
    CHECK(tasks[0].id == "c2.1");
    CHECK(tasks[0].source == "PL.I.1");
    CHECK(tasks[0].lead == "so-tai-nguyen-va-moi-truong");
    CHECK(tasks[0].cooperating == std::vector<std::string>{"cong-an-tinh"});
    REQUIRE(tasks[0].due);
    CHECK(*tasks[0].due == PartialDate{2024, 9, 0});  // the quarter's last month
    CHECK(tasks[1].note == "Thời gian hoàn thành: Khi có yêu cầu.");
    CHECK(codes(r.diags) == std::vector<std::string>{"5 missing-lead", "6 unrecognised-deadline"});

    SUBCASE("an annex without a readable table is reported") {
        Readers empty;
        empty.annex.annex_heading(40);
        empty.annex.finish();
        CHECK(codes(empty.diags) == std::vector<std::string>{"40 unreadable-table"});
    }
}

TEST_CASE("duties: the focal agency and reports") {
    Readers r;
    r.header.meta().period.start = 2024;
    r.numbering.roman = "III";
    r.numbering.number = "2";
    auto paras = paragraphs(
        "Giao Phòng Kinh tế là cơ quan đầu mối theo dõi, đôn đốc thực hiện Kế hoạch.\n\n"
        "Các cơ quan báo cáo kết quả hằng năm trước ngày 15/12 gửi về Văn phòng HĐND và UBND thành phố.\n\n"
        "Định kỳ báo cáo trước ngày 20/6/2024.\n");
    for (const auto& p : paras) r.duties.paragraph(p);
    PlanMeta meta;
    r.duties.finish(meta);
    CHECK(meta.focal_agency == "phong-kinh-te");
    REQUIRE(meta.reports.size() == 2);
    CHECK(meta.reports[0].due == Date{2024, 12, 15});
    CHECK(meta.reports[0].frequency == Recurrence::yearly);
    CHECK(meta.reports[0].source == "III.2");
    CHECK(meta.reports[0].to == "van-phong-hdnd-va-ubnd-thanh-pho");
    CHECK(meta.reports[1].due == Date{2024, 6, 20});
    CHECK(meta.reports[1].to == "phong-kinh-te");  // no `gửi`: to the focal agency
}

TEST_CASE("regions: the six of data/provinces.yaml by name, by id words, after vùng or khu vực") {
    using recognise::match_region;
    CHECK(match_region("vùng Trung du và miền núi phía Bắc") == "trung-du-mien-nui-phia-bac");
    CHECK(match_region("vùng Trung du, miền núi phía Bắc") == "trung-du-mien-nui-phia-bac");  // no "và"
    CHECK(match_region("vùng TRUNG DU MIỀN NÚI PHÍA BẮC") == "trung-du-mien-nui-phia-bac");
    CHECK(match_region("khu vực Đồng bằng sông Cửu Long") == "dong-bang-song-cuu-long");
    CHECK(match_region("vùng Đồng bằng sông Hồng") == "dong-bang-song-hong");
    CHECK(match_region("vùng Bắc Trung Bộ và Duyên hải miền Trung") == "bac-trung-bo-duyen-hai-mien-trung");
    CHECK(match_region("vùng Đông Nam Bộ") == "dong-nam-bo");
    // The clause may go on after the region's name.
    CHECK(match_region("vùng Tây Nguyên và tăng 2 bậc") == "tay-nguyen");
    // Not one of the six (Tây Bắc is part of a region, not a region), or no name at all.
    CHECK(match_region("khu vực Tây Bắc") == "");
    CHECK(match_region("vùng") == "");
}

TEST_CASE("targets: regional rank, places up, not below; an unknown region is a warning on its line") {
    Readers r;
    r.header.meta().period = Period{2024, 2025};
    auto paras = paragraphs(
        "- Năm 2025, PGI của tỉnh nằm trong nhóm 3 tỉnh dẫn đầu vùng Trung du và miền núi phía Bắc.\n\n"
        "- Năm 2025, PGI của tỉnh nằm trong nhóm 30 tỉnh dẫn đầu cả nước.\n\n"
        "- Năm 2025, PGI của tỉnh tăng ít nhất 5 bậc so với năm 2023.\n\n"
        "- Năm 2025, PGI của tỉnh không thấp hơn vị trí thứ 20/63.\n\n"
        "- Năm 2025, PGI của tỉnh nằm trong nhóm 2 tỉnh dẫn đầu khu vực Tây Bắc.\n");
    REQUIRE(paras.size() == 5);
    for (const auto& p : paras) CHECK(r.targets.free_targets(p, "I.1"));
    Plan plan;
    r.targets.finish(plan, 2024);
    const auto& t = plan.total.targets;
    REQUIRE(t.size() == 4);
    // top 3 of the region and top 30 of the country are two targets, not duplicates
    CHECK(t[0].kind == TargetKind::rank_top);
    CHECK(t[0].rank == 3);
    CHECK(t[0].region == "trung-du-mien-nui-phia-bac");
    CHECK(t[0].year == 2025);
    CHECK(t[0].location.line == 1);
    CHECK(t[1].kind == TargetKind::rank_top);
    CHECK(t[1].rank == 30);
    CHECK(t[1].region.empty());
    CHECK(t[2].kind == TargetKind::rank_increase);
    CHECK(t[2].rank == 5);
    CHECK(t[3].kind == TargetKind::rank_not_below);
    CHECK(t[3].rank == 20);
    CHECK(t[3].region.empty());
    // "khu vực Tây Bắc" is none of the six: not imported, and said on line 9.
    CHECK(codes(r.diags) == std::vector<std::string>{"9 unknown-region"});
}

TEST_CASE("duties: the period each report covers, and every deadline of a clause") {
    Readers r;
    r.header.meta().period = Period{2024, 2025};
    r.header.meta().issued = PartialDate{2024, 8, 8};
    r.numbering.roman = "III";
    auto paras = paragraphs(
        "Giao Phòng Kinh tế là cơ quan đầu mối theo dõi, đôn đốc thực hiện Kế hoạch.\n\n"                     // 1
        "Hằng tháng, các cơ quan báo cáo kết quả thực hiện tháng trước trước ngày 05.\n\n"                    // 3
        "Định kỳ hằng tháng, các cơ quan báo cáo trước ngày 10 tháng sau.\n\n"                                // 5
        "Báo cáo định kỳ hằng quý trước ngày 15 của tháng cuối quý.\n\n"                                      // 7
        "Chốt số liệu ngày 25, gửi báo cáo trước ngày 28 hằng tháng.\n\n"                                     // 9
        "Báo cáo tiến độ trước ngày 20 hằng tháng.\n\n"                                                       // 11
        "Báo cáo quý trước ngày 10 của tháng đầu quý sau.\n\n"                                                // 13
        "Báo cáo sơ kết trước ngày 15/6/2025 và ngày 15/12/2025; báo cáo năm trước ngày 15/12 hằng năm.\n");  // 15
    for (const auto& p : paras) r.duties.paragraph(p);
    PlanMeta meta;
    r.duties.finish(meta);
    REQUIRE(meta.reports.size() == 9);
    const auto& rep = meta.reports;
    // "kết quả … tháng trước trước ngày 05": the first 5th after the issue date 8/8/2024 is
    // 5/9/2024; it reports on August (previous).
    CHECK(rep[0].due == Date{2024, 9, 5});
    CHECK(rep[0].frequency == Recurrence::monthly);
    CHECK(rep[0].covers == ReportCovers::previous);
    // "trước ngày 10 tháng sau": due in the month after the one reported on; the first month
    // reported on is August, the month of issue, so 10/9/2024 (10/8/2024 would be about July).
    CHECK(rep[1].due == Date{2024, 9, 10});
    CHECK(rep[1].covers == ReportCovers::previous);
    // "hằng quý trước ngày 15 của tháng cuối quý": 15/9/2024, about 2024-Q3 (current).
    CHECK(rep[2].due == Date{2024, 9, 15});
    CHECK(rep[2].frequency == Recurrence::quarterly);
    CHECK(rep[2].covers == ReportCovers::current);
    // "chốt số liệu ngày 25, gửi … trước ngày 28 hằng tháng": 28/8/2024, about August.
    CHECK(rep[3].due == Date{2024, 8, 28});
    CHECK(rep[3].covers == ReportCovers::current);
    // "trước ngày 20 hằng tháng" says nothing: previous, the default, with a note; about
    // August (the month of issue) first, so due 20/9/2024, not 20/8/2024 (about July).
    CHECK(rep[4].due == Date{2024, 9, 20});
    CHECK(rep[4].covers == ReportCovers::previous);
    // "báo cáo quý trước ngày 10 của tháng đầu quý sau": 10/10/2024, about 2024-Q3.
    CHECK(rep[5].due == Date{2024, 10, 10});
    CHECK(rep[5].frequency == Recurrence::quarterly);
    CHECK(rep[5].covers == ReportCovers::previous);
    // Two dates joined by "và": two one-off reports, no period to cover.
    CHECK(rep[6].due == Date{2025, 6, 15});
    CHECK(rep[6].frequency == Recurrence::none);
    CHECK(rep[7].due == Date{2025, 12, 15});
    CHECK(rep[7].frequency == Recurrence::none);
    CHECK(rep[6].covers == ReportCovers::automatic);
    // "báo cáo năm trước ngày 15/12 hằng năm": 15/12/2024 (the plan's first year), in the
    // last month of the year it reports on.
    CHECK(rep[8].due == Date{2024, 12, 15});
    CHECK(rep[8].frequency == Recurrence::yearly);
    CHECK(rep[8].covers == ReportCovers::current);
    for (const auto& x : rep) CHECK(x.to == "phong-kinh-te");
    CHECK(codes(r.diags) == std::vector<std::string>{"11 assumed-covers"});
}
