// The label catalogue (pgi/labels.hpp) and the tables the renderers share.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "pgi/gap.hpp"
#include "pgi/labels.hpp"
#include "pgi/report.hpp"
#include "pgi/tracking.hpp"

using namespace pgi;

TEST_CASE("labels are looked up by key in both languages") {
    CHECK(label(Label::col_target, Language::vi) == "Mục tiêu");
    CHECK(label(Label::col_target, Language::en) == "Target");
    CHECK(format_label(Label::gap_title, Language::en, 2024, "2024-10-31") ==
          "Gap to the 2024 targets as of 2024-10-31");
}

TEST_CASE("counted labels: English singular for one, Vietnamese one form") {
    CHECK(label_count(Label::days_count, Language::en, 1) == "1 day");
    CHECK(label_count(Label::days_count, Language::en, 2) == "2 days");
    CHECK(label_count(Label::days_count, Language::en, 0) == "0 days");
    CHECK(label_count(Label::days_count, Language::vi, 1) == "1 ngày");
    CHECK(label_count(Label::days_count, Language::vi, 2) == "2 ngày");
    CHECK(label_count(Label::late_by_days, Language::en, 1) == "late by 1 day");
    CHECK(label_count(Label::late_by_days, Language::en, 11) == "late by 11 days");
    CHECK(label_count(Label::report_files, Language::en, 1) == "1 file");
    CHECK(label_count(Label::target_rank_increase, Language::en, 1) == "up 1 place");
    CHECK(label_count(Label::target_rank_increase, Language::en, 3) == "up 3 places");
    // the count is argument {0}; further arguments follow it
    CHECK(label_count(Label::report_upcoming_title, Language::en, 1, "2024-11-06") ==
          "Due in the next 1 day (until 2024-11-06)");
}

TEST_CASE("one label per task status, from one table of statuses") {
    CHECK(task_status_count == 5);
    CHECK(status_label(TaskStatus::not_started, Language::vi) == "Chưa thực hiện");
    CHECK(status_label(TaskStatus::blocked, Language::vi) == "Vướng mắc");
    CHECK(status_label(TaskStatus::cancelled, Language::en) == "Cancelled");
    // every status has its own label, in both languages
    for (Language l : {Language::vi, Language::en})
        for (TaskStatus a : enum_values<TaskStatus>())
            for (TaskStatus b : enum_values<TaskStatus>())
                if (a != b) CHECK(status_label(a, l) != status_label(b, l));
}

TEST_CASE("status and role labels come from data/task-labels.yaml, each status with all its words") {
    CHECK(role_label(TaskRole::lead, Language::vi) == "Chủ trì");
    CHECK(role_label(TaskRole::cooperating, Language::vi) == "Phối hợp");
    CHECK(role_label(TaskRole::lead, Language::en) == "Lead");
    CHECK(role_label(TaskRole::cooperating, Language::en) == "Cooperating");
    CHECK(status_label(TaskStatus::in_progress, Language::en) == "In progress");
    CHECK(status_label(TaskStatus::cancelled, Language::vi) == "Đã hủy");
    // every status is in the data (none fell back to its code), and is read back from each of
    // its words: "Chưa triển khai" and "khó khăn, vướng mắc" are aliases in the data
    for (TaskStatus s : enum_values<TaskStatus>()) {
        CHECK(status_label(s, Language::vi) != to_string(s));
        REQUIRE(status_words(s).size() >= 2);
        for (const auto& w : status_words(s)) CHECK(parse_status_label(w) == s);
    }
    CHECK(parse_status_label("Chưa triển khai") == TaskStatus::not_started);
    CHECK(parse_status_label("KHÓ KHĂN, VƯỚNG MẮC") == TaskStatus::blocked);
    CHECK(parse_status_label("in progress") == TaskStatus::in_progress);
    CHECK_FALSE(parse_status_label("maybe"));
}

TEST_CASE("month names and names by language") {
    CHECK(month_label(1, Language::en) == "January");
    CHECK(month_label(12, Language::en) == "December");
    CHECK(month_label(10, Language::vi) == "tháng 10");
    CHECK(month_label(13, Language::en).empty());
    CHECK(display_name("Phòng Kinh tế", "Economic Division", Language::en) == "Economic Division");
    CHECK(display_name("Phòng Kinh tế", "", Language::en) == "Phòng Kinh tế");
    CHECK(display_name("Phòng Kinh tế", "Economic Division", Language::vi) == "Phòng Kinh tế");
    CHECK(display_name("", "", Language::vi, "kinh-te") == "kinh-te");
}

TEST_CASE("component names come from the shipped reference data") {
    CHECK(reference_component_name("pollution", Language::vi) == "Giảm thiểu ô nhiễm và thiên tai");
    CHECK(reference_component_name("incentives", Language::en) == "Environmental incentives and support services");
    CHECK_FALSE(reference_component_name("nonsense", Language::en));
}

TEST_CASE("the total row's source cell is the same in pgi gap and pgi report") {
    // Component 1's current score is a 2025 estimate, the others come from PGI 2024: the
    // total (5.20 + 4.95 + 6.71 + 6.02 = 22.88) is a sum over mixed sources.
    Plan p = pgi::test::lang_son_with_updates();
    Observation est;
    est.year = 2025;
    est.published = PartialDate{2025, 9, 15};
    est.kind = ObservationKind::estimate;
    est.scores["pollution"] = Score::from_hundredths(520);
    p.observations.push_back(est);
    GapRenderOptions go;
    go.language = Language::en;
    auto gap = *compute_gap(p, GapOptions{Date{2025, 10, 1}, 2024}).report;
    REQUIRE(gap.total.current == Score::from_hundredths(520 + 495 + 671 + 602));
    std::string gap_md = render_gap(gap, GapFormat::markdown, go);
    ReportOptions ro;
    ro.period = *parse_period("2025-09");
    ro.as_of = Date{2025, 10, 1};
    PeriodicReport rep = build_report(p, ro);
    REQUIRE(rep.scores);
    ReportRenderOptions rr;
    rr.language = Language::en;
    std::string rep_md = render_report(rep, ReportFormat::markdown, rr);
    const std::string total_cells =
        "| Total PGI                                            |         17.33 |   22.88 | mixed sources";
    CHECK(gap_md.find(total_cells) != std::string::npos);
    CHECK(rep_md.find(total_cells) != std::string::npos);
    rr.language = Language::vi;
    CHECK(render_report(rep, ReportFormat::markdown, rr).find("22.88 | nhiều nguồn") != std::string::npos);
    rr.decimal_comma = decimal_comma_for(DecimalMark::by_language, Language::vi);
    CHECK(render_report(rep, ReportFormat::markdown, rr).find("22,88 | nhiều nguồn") != std::string::npos);
}

TEST_CASE("dates as each language writes them: day first in Vietnamese, ISO in English") {
    CHECK(format_date(Date{2026, 11, 29}, Language::vi) == "29/11/2026");
    CHECK(format_date(Date{2024, 7, 2}, Language::vi) == "02/07/2024");
    CHECK(format_date(Date{2024, 7, 2}, Language::en) == "2024-07-02");
    CHECK(format_partial_date(PartialDate{2025, 5, 0}, Language::vi) == "tháng 5/2025");
    CHECK(format_partial_date(PartialDate{2025, 5, 0}, Language::en) == "2025-05");
    CHECK(format_partial_date(PartialDate{2025, 12, 9}, Language::vi) == "09/12/2025");
    CHECK(format_partial_date(PartialDate{2025, 0, 0}, Language::vi) == "2025");
    CHECK(format_partial_date(PartialDate{2025, 0, 0}, Language::en) == "2025");
    CHECK(format_label(Label::source_official, Language::vi, 2024,
                       format_partial_date(PartialDate{2025, 5, 0}, Language::vi)) ==
          "PGI 2024 (công bố tháng 5/2025)");
}

TEST_CASE("the decimal separator: the comma with Vietnamese labels unless the user asks for the point") {
    CHECK(decimal_comma_for(DecimalMark::by_language, Language::vi));
    CHECK_FALSE(decimal_comma_for(DecimalMark::by_language, Language::en));
    CHECK_FALSE(decimal_comma_for(DecimalMark::point, Language::vi));
    CHECK(decimal_comma_for(DecimalMark::comma, Language::en));
    // the one score formatter: 658 hundredths
    CHECK(format_score(Score::from_hundredths(658), decimal_comma_for(DecimalMark::by_language, Language::vi)) ==
          "6,58");
    CHECK(format_score(Score::from_hundredths(658), decimal_comma_for(DecimalMark::by_language, Language::en)) ==
          "6.58");
}

TEST_CASE("the progress cell marks a planned increase beaten, so 398,7% cannot read as 398,7% of the target") {
    // component 3 of the Lạng Sơn plan: baseline 3.60, target 4.38, current 6.71:
    // (6.71 − 3.60) / (4.38 − 3.60) = 3.11 / 0.78 = 3.987… → 398,7%
    auto p = format_percent(Score::from_hundredths(311), Score::from_hundredths(78), true);
    REQUIRE(p);
    CHECK(*p == "398,7");
    CHECK(achieved_cell(*p, true, Language::vi) == "vượt (398,7%)");
    CHECK(achieved_cell("398.7", true, Language::en) == "398.7%");
    CHECK(achieved_cell("41,1", false, Language::vi) == "41,1%");
    CHECK(label(Label::col_achieved, Language::vi) == "Mức tăng đạt được / kế hoạch");
}
