// diff.hpp and similarity.hpp: plan changes in plan terms; expected figures by hand.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "pgi/amend.hpp"
#include "pgi/diff.hpp"
#include "pgi/io.hpp"
#include "pgi/similarity.hpp"

using namespace pgi;

namespace {

Plan minimal() {
    auto text = read_file(test::fixture("plans/good_minimal.yaml")).value();
    LoadResult r = test::load(text);
    REQUIRE(r.plan);
    return *r.plan;
}

Task task(const std::string& id, const std::string& text) {
    Task t;
    t.id = id;
    t.component = "pollution";
    t.lead = "so-tnmt";
    t.text = text;
    return t;
}

const DiffOptions at_2025_10_01{Date{2025, 10, 1}, std::nullopt, 50};

}  // namespace

TEST_CASE("text_similarity is the Dice coefficient of the words, in whole percent") {
    // 4 words and 6 words, the 4 in common: 200 × 4 / 10 = 80
    CHECK(text_similarity("Thu gom rác thải", "Thu gom rác thải sinh hoạt") == 80);
    // case, punctuation and NFC do not count; diacritics do
    CHECK(text_similarity("Thu gom, RÁC thải.", "thu gom rác thải") == 100);
    CHECK(text_similarity("Thu gom rác thải", "Kiểm tra cơ sở") == 0);
    // 1 of 2 + 1 of 3 words: 200 × 1 / 5 = 40 (rounded down from 40.0)
    CHECK(text_similarity("phòng kinh", "phong kinh tế") == 40);
    CHECK(text_similarity("", "") == 100);
    CHECK(text_similarity("", "a") == 0);
}

TEST_CASE("match_by_similarity pairs the most alike first, each text once, above the threshold") {
    std::vector<std::string_view> olds{"a b c d", "e f g h"};
    std::vector<std::string_view> news{"x y z", "e f g h", "a b c d e"};
    auto pairs = match_by_similarity(olds, news, 50);
    REQUIRE(pairs.size() == 2);
    // sorted by new index: e f g h (100), then a b c d e (200 × 4 / 9 = 88)
    CHECK(pairs[0] == SimilarPair{1, 1, 100});
    CHECK(pairs[1] == SimilarPair{0, 2, 88});
    // a filter that forbids the second pair leaves the first
    auto only = match_by_similarity(olds, news, 50, [](std::size_t o, std::size_t) { return o == 1; });
    CHECK(only.size() == 1);
}

TEST_CASE("two equal plans have no changes") {
    Plan p = minimal();
    PlanDiff d = diff_plans(p, p, at_2025_10_01);
    CHECK(d.empty());
    CHECK(d.target_year == 2025);
}

TEST_CASE("a target raised: old → new and the gap it implies, exact in hundredths") {
    Plan a = minimal(), b = minimal();
    b.components[0].targets[0].score = Score::from_hundredths(625);
    PlanDiff d = diff_plans(a, b, at_2025_10_01);
    REQUIRE(d.scores.size() == 1);
    CHECK(d.scores[0].component == "pollution");
    CHECK(d.scores[0].what == ScoreChange::What::target);
    CHECK(d.scores[0].old_score == Score::from_hundredths(600));
    CHECK(d.scores[0].new_score == Score::from_hundredths(625));
    // pollution's current score on 2025-10-01 is the estimate 5.60 (published 2025-09-15):
    // gap 6.00 − 5.60 = 0.40 → 6.25 − 5.60 = 0.65; planned increase 6.00 − 5.10 = 0.90 → 1.15.
    REQUIRE(d.gaps.size() == 2);
    CHECK(d.gaps[0].component == "pollution");
    CHECK(d.gaps[0].old_gap == Score::from_hundredths(40));
    CHECK(d.gaps[0].new_gap == Score::from_hundredths(65));
    CHECK(d.gaps[0].old_planned_increase == Score::from_hundredths(90));
    CHECK(d.gaps[0].new_planned_increase == Score::from_hundredths(115));
    // the total's target is the sum of the component targets: it moves by the same 0.25
    CHECK(d.gaps[1].component == "total");
    CHECK(*d.gaps[1].new_gap - *d.gaps[1].old_gap == Score::from_hundredths(25));
    CHECK(!d.empty());
}

TEST_CASE("a baseline changed and a component renamed") {
    Plan a = minimal(), b = minimal();
    b.components[1].baseline->score = Score::from_hundredths(430);
    b.components[1].name = "Tuân thủ";
    PlanDiff d = diff_plans(a, b, at_2025_10_01);
    REQUIRE(d.scores.size() == 1);
    CHECK(d.scores[0].what == ScoreChange::What::baseline);
    CHECK(d.scores[0].old_score == Score::from_hundredths(425));
    CHECK(d.scores[0].new_score == Score::from_hundredths(430));
    REQUIRE(d.components.size() == 1);
    CHECK(d.components[0].kind == ComponentChange::Kind::renamed);
    CHECK(d.components[0].new_name == "Tuân thủ");
    // compliance's current is the estimate 5.05, so only its planned increase moves:
    // 5.00 − 4.25 = 0.75 → 5.00 − 4.30 = 0.70
    REQUIRE(d.gaps.size() == 2);
    CHECK(d.gaps[0].old_gap == d.gaps[0].new_gap);
    CHECK(d.gaps[0].new_planned_increase == Score::from_hundredths(70));
    // the total: targets 6.00 + 5.00 + 5.50 + 4.40 = 20.90, baselines 5.10 + 4.25 + 5.00 + 4.00
    // = 18.35 → 18.40, so the planned increase goes 2.55 → 2.50
    CHECK(d.gaps[1].component == "total");
    CHECK(d.gaps[1].old_planned_increase == Score::from_hundredths(255));
    CHECK(d.gaps[1].new_planned_increase == Score::from_hundredths(250));
}

TEST_CASE("a task inserted before others that were renumbered: matched by text, not by position") {
    Plan a = minimal(), b = minimal();
    const std::string A = "Thu gom rác thải sinh hoạt hằng ngày", B = "Kiểm tra cơ sở sản xuất kinh doanh";
    a.tasks = {task("t1", A), task("t2", B)};
    b.tasks = {task("t1", "Trồng cây xanh tại các tuyến phố"), task("t2", A), task("t3", B)};
    PlanDiff d = diff_plans(a, b, at_2025_10_01);
    REQUIRE(d.tasks.size() == 3);
    CHECK(d.tasks[0].kind == TaskDiff::Kind::added);
    CHECK(d.tasks[0].id == "t1");
    CHECK(d.tasks[1].kind == TaskDiff::Kind::renumbered);
    CHECK(d.tasks[1].old_value == "t1");
    CHECK(d.tasks[1].new_value == "t2");
    CHECK(d.tasks[2].kind == TaskDiff::Kind::renumbered);
    CHECK(d.tasks[2].old_value == "t2");
}

TEST_CASE("a task reworded, moved, re-owned, given a deadline and a status through an update") {
    Plan a = minimal(), b = minimal();
    a.tasks = {task("t1", "Thu gom rác thải sinh hoạt hằng ngày")};
    b.tasks = {task("t1", "Thu gom rác thải sinh hoạt hằng ngày, không để tồn đọng")};
    b.tasks[0].component = "compliance";
    b.tasks[0].lead = "so-xd";
    b.tasks[0].cooperating = {"so-tc"};
    b.tasks[0].due = PartialDate{2025, 12, 31};
    TaskUpdate u;
    u.date = Date{2025, 9, 1};
    u.status = TaskStatus::done;
    b.tasks[0].updates.push_back(u);
    PlanDiff d = diff_plans(a, b, at_2025_10_01);
    REQUIRE(d.tasks.size() == 6);
    using K = TaskDiff::Kind;
    CHECK(d.tasks[0].kind == K::reworded);
    // 8 words and 12 words, the 8 in common: 200 × 8 / 20 = 80
    CHECK(d.tasks[0].similarity == 80);
    CHECK(d.tasks[1].kind == K::moved);
    CHECK(d.tasks[1].new_value == "compliance");
    CHECK(d.tasks[2].kind == K::lead);
    CHECK(d.tasks[3].kind == K::cooperating);
    CHECK(d.tasks[3].old_value == "");
    CHECK(d.tasks[4].kind == K::due);
    CHECK(d.tasks[4].new_value == "2025-12-31");
    CHECK(d.tasks[5].kind == K::status);
    CHECK(d.tasks[5].old_value == "not_started");
    CHECK(d.tasks[5].new_value == "done");
    // before the update's date the status is the same on both sides
    PlanDiff before = diff_plans(a, b, DiffOptions{Date{2025, 8, 31}, std::nullopt, 50});
    CHECK(before.tasks.size() == 5);
}

TEST_CASE("an observation added, and the text rendering in both languages") {
    Plan a = minimal(), b = minimal();
    Observation o;
    o.year = 2025;
    o.published = PartialDate{2026, 5, 0};
    o.scores = {{"pollution", Score::from_hundredths(610)}};
    b.observations.push_back(o);
    PlanDiff d = diff_plans(a, b, DiffOptions{Date{2026, 6, 1}, 2025, 50});
    REQUIRE(d.observations.size() == 1);
    CHECK(d.observations[0].kind == ObservationChange::Kind::added);
    d.old_label = "a";
    d.new_label = "b";
    std::string en = render_diff(d, DiffFormat::text, Language::en);
    CHECK(en.find("PGI 2025 (official, published 2026-05): added: pollution 6.10") != std::string::npos);
    // pollution: 6.00 − 5.60 = 0.40 → 6.00 − 6.10 = −0.10, difference −0.50
    CHECK(en.find("pollution: gap 0.40 → -0.10 (-0.50)") != std::string::npos);
    std::string vi = render_diff(d, DiffFormat::text, Language::vi);
    // Vietnamese text: decimal comma and a month as "tháng 5/2026" by default; the point on request
    CHECK(vi.find("thêm mới: pollution 6,10") != std::string::npos);
    CHECK(vi.find("khoảng cách 0,40 → -0,10 (-0,50)") != std::string::npos);
    CHECK(vi.find("tháng 5/2026") != std::string::npos);
    CHECK(vi.find("01/06/2026") != std::string::npos);
    CHECK(vi.find("2026-06-01") == std::string::npos);
    std::string vi_point = render_diff(d, DiffFormat::text, Language::vi, DecimalMark::point);
    CHECK(vi_point.find("thêm mới: pollution 6.10") != std::string::npos);
    // JSON stays machine-readable whatever the mark: ISO dates, numbers with a point
    std::string json = render_diff(d, DiffFormat::json, Language::vi, DecimalMark::comma);
    CHECK(json.find("\"as_of\": \"2026-06-01\"") != std::string::npos);
    CHECK(json.find("6.1") != std::string::npos);
    CHECK(render_diff(d, DiffFormat::json, Language::en).find("\"changes\": 1") != std::string::npos);
}

TEST_CASE("amend_plan keeps the ids of tasks matched by text and never reuses an id") {
    Plan existing = minimal();
    const std::string A = "Thu gom rác thải sinh hoạt hằng ngày", B = "Kiểm tra cơ sở sản xuất kinh doanh";
    existing.tasks = {task("t1", A), task("t2", B)};
    existing.tasks[1].status = TaskStatus::in_progress;
    Plan imported = minimal();
    imported.observations.clear();
    // by position the new bullet took `t1`, A moved to `t2`, B to `t3` and was reworded
    imported.tasks = {task("t1", "Trồng cây xanh tại các tuyến phố"), task("t2", A),
                      task("t3", "Kiểm tra cơ sở sản xuất kinh doanh trên địa bàn")};
    AmendResult r = amend_plan(existing, imported, {{"t2", 1}, {"t9", 2}});
    REQUIRE(r.plan.tasks.size() == 3);
    // t1 is taken by the existing plan: the new task gets t1-2
    CHECK(r.plan.tasks[0].id == "t1-2");
    CHECK(r.tasks[0].kind == AmendedTask::Kind::added);
    CHECK(r.plan.tasks[1].id == "t1");
    CHECK(r.tasks[1].kind == AmendedTask::Kind::kept);
    CHECK(r.plan.tasks[2].id == "t2");
    CHECK(r.tasks[2].kind == AmendedTask::Kind::changed);
    // 8 words and 11 words, the 8 in common: 200 × 8 / 19 = 84
    CHECK(r.tasks[2].similarity == 84);
    CHECK(r.tasks[2].updates == 1);
    CHECK(r.plan.tasks[2].status == TaskStatus::in_progress);  // kept from the plan
    CHECK(r.plan.observations == existing.observations);       // carried over
    CHECK(r.orphans().empty());

    // dropping B, which has an update, makes an orphan; an id named by an update (t9) is never given
    imported.tasks = {task("t9", "Trồng cây xanh tại các tuyến phố"), task("t2", A)};
    AmendResult dropped = amend_plan(existing, imported, {{"t2", 1}, {"t9", 2}});
    CHECK(dropped.plan.tasks[0].id == "t9-2");
    REQUIRE(dropped.orphans().size() == 1);
    CHECK(dropped.orphans()[0]->id == "t2");
    CHECK(dropped.orphans()[0]->kind == AmendedTask::Kind::removed);

    // a task handed to another lead owner is matched only when at least 80% alike: a move
    imported.tasks = {task("t1", A), task("t2", B)};
    imported.tasks[1].lead = "so-xd";
    AmendResult moved = amend_plan(existing, imported, {{"t2", 1}});
    CHECK(moved.tasks[1].kind == AmendedTask::Kind::moved);
    CHECK(moved.orphans().size() == 1);
}
