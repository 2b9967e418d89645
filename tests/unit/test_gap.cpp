#include <doctest/doctest.h>

#include "helpers.hpp"
#include "pgi/gap.hpp"

using namespace pgi;
using pgi::test::example;

static Score h(long v) {
    return Score::from_hundredths(v);
}

static Plan seed_plan() {
    LoadResult r = load_plan_file(example("lang-son-2024/plan.yaml")).value();
    REQUIRE(r.plan);
    return *r.plan;
}

TEST_CASE("before the PGI 2024 result, Lạng Sơn's gaps are target minus 2023 baseline") {
    GapResult g = compute_gap(seed_plan(), GapOptions{Date{2024, 10, 31}, std::nullopt});
    REQUIRE(g.report);
    const GapReport& rep = *g.report;
    CHECK(rep.target_year == 2024);
    // 6.58-4.84, 6.11-4.14, 4.38-3.60, 5.30-4.75
    const long gaps[] = {174, 197, 78, 55};
    for (std::size_t i = 0; i < 4; ++i) {
        const GapRow& r = rep.components[i];
        CAPTURE(r.id);
        CHECK(r.current_source == CurrentSource::baseline);
        CHECK(r.current == r.baseline);
        CHECK(r.gap == h(gaps[i]));
        CHECK(r.met == false);
        CHECK(r.achieved_increase == h(0));
    }
    CHECK(rep.total.baseline == h(1733));  // 4.84 + 4.14 + 3.60 + 4.75
    CHECK(rep.total.current == h(1733));
    CHECK(rep.total.target == h(2237));  // 6.58 + 6.11 + 4.38 + 5.30
    CHECK(rep.total.gap == h(504));
    CHECK(rep.total.tasks == 44);
    CHECK(rep.total.tasks_by_status[static_cast<std::size_t>(TaskStatus::not_started)] == 44);
}

TEST_CASE("after May 2025 the current scores are the published PGI 2024 result") {
    GapResult g = compute_gap(seed_plan(), GapOptions{Date{2026, 11, 29}, std::nullopt});
    REQUIRE(g.report);
    const GapReport& rep = *g.report;
    CHECK(rep.target_year == 2024);  // no 2026 targets: the latest earlier target year
    // 6.58-4.95, 6.11-4.95, 4.38-6.71, 5.30-6.02
    const long gaps[] = {163, 116, -233, -72};
    const bool met[] = {false, false, true, true};
    for (std::size_t i = 0; i < 4; ++i) {
        const GapRow& r = rep.components[i];
        CAPTURE(r.id);
        CHECK(r.current_source == CurrentSource::observation);
        CHECK(r.current_year == 2024);
        CHECK(r.gap == h(gaps[i]));
        CHECK(r.met == met[i]);
    }
    CHECK(rep.components[0].achieved_increase == h(11));  // 4.95 - 4.84
    CHECK(rep.total.current == h(2263));
    CHECK(rep.total.target == h(2237));
    CHECK(rep.total.gap == h(-26));
    CHECK(rep.total.met == true);
}

TEST_CASE("an observation counts from the last day of a partial publication date") {
    Plan p = seed_plan();  // published: 2025-05
    CHECK(compute_gap(p, GapOptions{Date{2025, 5, 30}, std::nullopt}).report->components[0].current == h(484));
    CHECK(compute_gap(p, GapOptions{Date{2025, 5, 31}, std::nullopt}).report->components[0].current == h(495));
}

TEST_CASE("the latest published observation wins, and an estimate is marked as such") {
    Plan p = seed_plan();
    Observation est;
    est.year = 2025;
    est.published = PartialDate{2025, 9, 15};
    est.kind = ObservationKind::estimate;
    est.scores["pollution"] = h(520);
    p.observations.push_back(est);
    auto rep = *compute_gap(p, GapOptions{Date{2025, 10, 1}, 2024}).report;
    CHECK(rep.components[0].current == h(520));
    CHECK(rep.components[0].observation_kind == ObservationKind::estimate);
    CHECK(rep.components[1].current == h(495));  // no estimate for compliance
    // mixed sources: the total is the sum, not a published total
    CHECK(rep.total.current == h(520 + 495 + 671 + 602));
    CHECK(rep.total.current_source == CurrentSource::none);
}

TEST_CASE("the published total is used when every score comes from that observation") {
    Plan p = seed_plan();
    p.observations[0].total = h(2264);  // VCCI rounds the total on its own: ±0.01
    auto rep = *compute_gap(p, GapOptions{Date{2025, 6, 1}, std::nullopt}).report;
    CHECK(rep.total.current == h(2264));
    CHECK(rep.total.gap == h(2237 - 2264));
}

TEST_CASE("a published total within 0.01 of the components' sum replaces it, on both sides; 0.02 does not") {
    Plan p = seed_plan();  // the 2024 components sum to 4.95 + 4.95 + 6.71 + 6.02 = 22.63
    const GapOptions may2025{Date{2025, 6, 1}, std::nullopt};
    p.observations[0].total = h(2262);  // 0.01 below the sum: VCCI's own rounding
    auto below = *compute_gap(p, may2025).report;
    CHECK(below.total.current == h(2262));
    CHECK_FALSE(below.total.derived);
    p.observations[0].total = h(2261);  // 0.02 below: a mismatch, the sum stands
    auto far_below = *compute_gap(p, may2025).report;
    CHECK(far_below.total.current == h(2263));
    CHECK(far_below.total.derived);
    p.observations[0].total = h(2265);  // 0.02 above: the sum stands too
    CHECK(compute_gap(p, may2025).report->total.current == h(2263));
}

TEST_CASE("a component without a baseline has a gap from its current score but no planned or achieved increase") {
    Plan p = seed_plan();
    p.components[0].baseline.reset();  // pollution: target 6.58, PGI 2024 score 4.95
    auto rep = *compute_gap(p, GapOptions{Date{2025, 6, 1}, std::nullopt}).report;
    const GapRow& r = rep.components[0];
    CHECK(r.current == h(495));
    CHECK(r.gap == h(163));
    CHECK_FALSE(r.planned_increase);
    CHECK_FALSE(r.achieved_increase);
    CHECK(rep.components[1].planned_increase == h(611 - 414));  // compliance keeps its baseline
}

TEST_CASE("the target year defaults to the as-of year, else the latest earlier, else the earliest") {
    Plan p = seed_plan();
    Target t2026;
    t2026.year = 2026;
    t2026.score = h(700);
    p.components[0].targets.push_back(t2026);
    CHECK(choose_target_year(p, Date{2026, 3, 1}) == 2026);
    CHECK(choose_target_year(p, Date{2025, 3, 1}) == 2024);
    CHECK(choose_target_year(p, Date{2023, 3, 1}) == 2024);
    // components without a 2026 target have no target and no gap that year
    auto rep = *compute_gap(p, GapOptions{Date{2026, 3, 1}, std::nullopt}).report;
    CHECK(rep.components[0].target == h(700));
    CHECK(!rep.components[1].target);
    CHECK(!rep.components[1].gap);
    CHECK(!rep.total.target);
}

TEST_CASE("a year without targets is an error with the available years as hint") {
    GapResult g = compute_gap(seed_plan(), GapOptions{Date{2024, 10, 31}, 2030});
    CHECK(!g.report);
    REQUIRE(g.diagnostics.items().size() == 1);
    CHECK(g.diagnostics.items()[0].code == "no-target");
    CHECK(g.diagnostics.items()[0].hint == "target years in this plan: 2024");
}

TEST_CASE("task status as of a date comes from the latest update on or before it") {
    Task t;
    t.status = TaskStatus::not_started;
    TaskUpdate a;
    a.date = Date{2024, 9, 1};
    a.status = TaskStatus::in_progress;
    TaskUpdate b;
    b.date = Date{2024, 10, 15};
    b.status = TaskStatus::done;
    t.updates = {b, a};  // file order need not be date order
    CHECK(status_as_of(t, Date{2024, 8, 31}) == TaskStatus::not_started);
    CHECK(status_as_of(t, Date{2024, 9, 1}) == TaskStatus::in_progress);
    CHECK(status_as_of(t, Date{2024, 10, 14}) == TaskStatus::in_progress);
    CHECK(status_as_of(t, Date{2024, 10, 15}) == TaskStatus::done);
}

TEST_CASE("rendered gap output is deterministic and exact") {
    auto rep = *compute_gap(seed_plan(), GapOptions{Date{2024, 10, 31}, std::nullopt}).report;
    GapRenderOptions o;
    o.language = Language::en;
    std::string csv = render_gap(rep, GapFormat::csv, o);
    CHECK(csv == render_gap(rep, GapFormat::csv, o));
    CHECK(csv.find("\r\ntotal,,PGI,2023,17.33,17.33,baseline,2023,,2024,22.37,5.04,5.04,0.00,0.0,false,44,") !=
          std::string::npos);
    std::string json = render_gap(rep, GapFormat::json, o);
    CHECK(json.find("\"gap\": 1.74") != std::string::npos);
    CHECK(json.find("\"gap\": 0.78") != std::string::npos);
    CHECK(json.find("\"target\": 22.37") != std::string::npos);
    o.decimal_comma = true;
    std::string md = render_gap(rep, GapFormat::markdown, o);
    CHECK(md.find(" 4,84 |") != std::string::npos);
}

TEST_CASE("a published total far from the sum of its components is not used") {
    Plan p = seed_plan();
    p.observations[0].total = h(2300);  // the components add up to 22.63
    auto rep = *compute_gap(p, GapOptions{Date{2025, 6, 1}, std::nullopt}).report;
    CHECK(rep.total.current == h(2263));
}

TEST_CASE("on the same publication date an official result beats an estimate, whatever the order") {
    Plan p = seed_plan();
    Observation est = p.observations[0];
    est.kind = ObservationKind::estimate;
    est.scores["pollution"] = h(700);
    p.observations.insert(p.observations.begin(), est);
    CHECK(compute_gap(p, GapOptions{Date{2025, 6, 1}, std::nullopt}).report->components[0].current == h(495));
    std::swap(p.observations[0], p.observations[1]);
    CHECK(compute_gap(p, GapOptions{Date{2025, 6, 1}, std::nullopt}).report->components[0].current == h(495));
}

TEST_CASE("a stated total score target counts even in a year without component targets") {
    Plan p = seed_plan();
    Target t;
    t.year = 2025;
    t.score = h(2500);
    p.total.targets.push_back(t);
    auto rep = *compute_gap(p, GapOptions{Date{2025, 6, 1}, 2025}).report;
    CHECK(!rep.components[0].target);
    CHECK(rep.total.target == h(2500));
    CHECK(rep.total.gap == h(2500 - 2263));
}

TEST_CASE("no share achieved is computed when the target does not exceed the baseline") {
    Plan p = seed_plan();
    p.components[0].targets[0].score = h(484);  // target == baseline 4.84
    p.components[0].targets[0].stated_increase.reset();
    auto rep = *compute_gap(p, GapOptions{Date{2025, 6, 1}, std::nullopt}).report;
    GapRenderOptions o;
    o.language = Language::en;
    std::string csv = render_gap(rep, GapFormat::csv, o);
    // planned increase 0.00, achieved 0.11: the percentage column stays empty
    CHECK(csv.find("\r\npollution,1,Giảm thiểu ô nhiễm và thiên "
                   "tai,2023,4.84,4.95,observation,2024,2025-05,2024,4.84,-0.11,0.00,0.11,,true,") !=
          std::string::npos);
}

TEST_CASE("before a task's first update its status is not started, whatever the plan says now") {
    Task t;
    t.status = TaskStatus::done;  // the state after the updates below
    TaskUpdate a;
    a.date = Date{2024, 10, 1};
    a.status = TaskStatus::in_progress;
    TaskUpdate b;
    b.date = Date{2025, 1, 1};
    b.status = TaskStatus::done;
    t.updates = {a, b};
    CHECK(status_as_of(t, Date{2024, 6, 1}) == TaskStatus::not_started);
    CHECK(status_as_of(t, Date{2024, 10, 1}) == TaskStatus::in_progress);
    CHECK(status_as_of(t, Date{2025, 1, 2}) == TaskStatus::done);
    Task plain;
    plain.status = TaskStatus::blocked;  // no updates: the plan's status stands
    CHECK(status_as_of(plain, Date{2024, 6, 1}) == TaskStatus::blocked);
}

TEST_CASE("a target is met when the current score equals it, not only above it") {
    // good_minimal's targets 6.00, 5.00, 5.50, 4.40; the estimate says pollution 6.00 (equal),
    // compliance 4.99 (one hundredth short), green-practices 5.51 (one above); incentives keeps
    // its baseline 4.00.
    LoadResult r = pgi::test::load(std::string(pgi::test::minimal_header) + R"(components:
  - {id: pollution, number: 1, name: A, baseline: {year: 2024, score: 5.10}, targets: [{year: 2025, score: 6.00}]}
  - {id: compliance, number: 2, name: B, baseline: {year: 2024, score: 4.25}, targets: [{year: 2025, score: 5.00}]}
  - {id: green-practices, number: 3, name: C, baseline: {year: 2024, score: 5.00}, targets: [{year: 2025, score: 5.50}]}
  - {id: incentives, number: 4, name: D, baseline: {year: 2024, score: 4.00}, targets: [{year: 2025, score: 4.40}]}
observations:
  - {year: 2025, published: 2025-09-15, kind: estimate, source: survey, scores: {pollution: 6.00, compliance: 4.99, green-practices: 5.51}}
)");
    REQUIRE(r.plan);
    REQUIRE_FALSE(r.diagnostics.has_errors());
    GapResult g = compute_gap(*r.plan, GapOptions{Date{2025, 10, 1}, std::nullopt});
    REQUIRE(g.report);
    const auto& c = g.report->components;
    REQUIRE(c.size() == 4);
    CHECK(c[0].gap == h(0));  // 6.00 - 6.00
    CHECK(c[0].met == true);
    CHECK(c[1].gap == h(1));  // 5.00 - 4.99
    CHECK(c[1].met == false);
    CHECK(c[2].gap == h(-1));  // 5.50 - 5.51
    CHECK(c[2].met == true);
    CHECK(c[3].gap == h(40));  // 4.40 - 4.00
    CHECK(c[3].met == false);
    // an observation published after --as-of is not known yet: the day before it, baselines
    GapResult before = compute_gap(*r.plan, GapOptions{Date{2025, 9, 14}, std::nullopt});
    REQUIRE(before.report);
    CHECK(before.report->components[0].gap == h(90));  // 6.00 - 5.10
    GapResult on_day = compute_gap(*r.plan, GapOptions{Date{2025, 9, 15}, std::nullopt});
    REQUIRE(on_day.report);
    CHECK(on_day.report->components[0].gap == h(0));  // published that day: known
}
