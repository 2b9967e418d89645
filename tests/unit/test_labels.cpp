// The label catalogue (pgi/labels.hpp) and the tables the renderers share.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "pgi/gap.hpp"
#include "pgi/labels.hpp"
#include "pgi/report.hpp"

using namespace pgi;

TEST_CASE("labels are looked up by key in both languages") {
    CHECK(label(Label::col_target, Language::vi) == "Mục tiêu");
    CHECK(label(Label::col_target, Language::en) == "Target");
    CHECK(label(Label::role_lead, Language::vi) == "Chủ trì");
    CHECK(label(Label::role_cooperating, Language::en) == "Cooperating");
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
        "| Total PGI                                     |         17.33 |   22.88 | mixed sources";
    CHECK(gap_md.find(total_cells) != std::string::npos);
    CHECK(rep_md.find(total_cells) != std::string::npos);
    rr.language = Language::vi;
    CHECK(render_report(rep, ReportFormat::markdown, rr).find("22.88 | nhiều nguồn") != std::string::npos);
}
