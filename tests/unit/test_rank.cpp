// Ranks from national tables (rank.hpp): implied ranks with ties, the Nth total, points
// needed, component medians and places, regions, every rank target kind, what-if. The tables
// are SYNTHETIC: built here so that every expected figure can be worked out by hand.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "pgi/rank.hpp"
#include "pgi/rank_office.hpp"

using namespace pgi;

static Score h(long v) {
    return Score::from_hundredths(v);
}

static std::string cents(long v) {
    return format_score(h(v));
}

// A SYNTHETIC complete table for `year` (63 provinces up to 2024, 34 from 2025): the province
// at index i of provinces_for_year(year) scores 8.00 − 0.10·i on each component and has no
// published total or rank, so its total (derived) is 32.00 − 0.40·i. `rows` replaces the
// cells after the name ("c1,c2,c3,c4,total,rank") for the provinces it names; `only` keeps
// just the provinces of `rows` (an incomplete table).
static NationalTable table_of(int year, const std::map<std::string, std::string>& rows = {}, bool only = false) {
    std::string text = "province,1,2,3,4,total,rank\n";
    const auto& set = provinces_for_year(year);
    for (std::size_t i = 0; i < set.size(); ++i) {
        auto it = rows.find(set[i].name);
        if (it != rows.end()) {
            text += set[i].name + "," + it->second + "\n";
        } else if (!only) {
            std::string c = cents(800 - 10 * static_cast<long>(i));
            text += set[i].name + "," + c + "," + c + "," + c + "," + c + ",,\n";
        }
    }
    TableLoadResult r = load_national_table_text(text, "pgi-" + std::to_string(year) + ".csv");
    REQUIRE(r.table);
    REQUIRE_FALSE(r.diagnostics.has_errors());
    return *r.table;
}

// Lạng Sơn (index 4 of the 63) with its real PGI 2024 components and no published total:
// 4.95 + 4.95 + 6.71 + 6.02 = 22.63 (derived). Every other province i ≠ 4 has 32.00 − 0.40·i.
// Totals above 22.63: 32.00 − 0.40·i > 22.63 ⇔ i ≤ 23, so i = 0..23 without 4: 23 provinces.
static const char* lang_son_2024 = "4.95,4.95,6.71,6.02,,";

static NationalTable base_2024() {
    return table_of(2024, {{"Lạng Sơn", lang_son_2024}});
}

static Target rank_target(TargetKind kind, int n, int year = 2024, std::string region = {}) {
    Target t;
    t.kind = kind;
    t.rank = n;
    t.year = year;
    t.region = std::move(region);
    return t;
}

TEST_CASE("the synthetic table is what the comments say") {
    NationalTable t = base_2024();
    CHECK(t.complete());
    CHECK(t.province_count == 63);
    REQUIRE(provinces_for_year(2024)[4].id == "lang-son");
    REQUIRE(provinces_for_year(2024)[13].region == "trung-du-mien-nui-phia-bac");
    REQUIRE(provinces_for_year(2024)[14].region != "trung-du-mien-nui-phia-bac");
    const TableRow* hg = t.find("ha-giang");  // index 0
    REQUIRE(hg);
    CHECK(hg->total_or_sum() == h(3200));
}

TEST_CASE("implied rank: 1 + provinces with a higher total; derived total, not published") {
    NationalTable t = base_2024();
    Placing p = place_in(t, "lang-son");
    CHECK(p.total == h(2263));
    CHECK(p.total_derived);
    CHECK_FALSE(p.published_rank);
    CHECK(p.best == 24);  // 23 higher (see lang_son_2024)
    CHECK(p.worst == 24);
    CHECK(p.tied == 0);
    CHECK(p.of == 63);
    CHECK(p.with_total == 63);
    CHECK(p.known());
    CHECK(p.rank() == 24);
    CHECK(placing_text(p, Language::en) == "24/63 (implied)");
    CHECK(placing_text(p, Language::vi) == "24/63 (ước tính)");
}

TEST_CASE("implied rank with ties: tied provinces share the better rank, the next one skips") {
    // Gia Lai (index 40, 16.00 in the base) given Lạng Sơn's components: both 22.63
    NationalTable t = table_of(2024, {{"Lạng Sơn", lang_son_2024}, {"Gia Lai", lang_son_2024}});
    Placing ls = place_in(t, "lang-son");
    CHECK(ls.best == 24);  // still 23 higher
    CHECK(ls.worst == 24);
    CHECK(ls.tied == 1);
    Placing gl = place_in(t, "gia-lai");
    CHECK(gl.best == 24);
    CHECK(gl.tied == 1);
    // Ninh Bình (index 24): 32.00 − 9.60 = 22.40; above it the 23, Lạng Sơn and Gia Lai: 26th
    Placing nb = place_in(t, "ninh-binh");
    CHECK(nb.total == h(2240));
    CHECK(nb.best == 26);
    CHECK(nb.tied == 0);
    CHECK(placing_text(ls, Language::en) == "24/63 (implied, tied)");
}

TEST_CASE("a published rank is used as it is; a published total is not derived") {
    NationalTable t = table_of(2024, {{"Lạng Sơn", "4.95,4.95,6.71,6.02,22.63,24"}});
    Placing p = place_in(t, "lang-son");
    REQUIRE(p.published_rank);
    CHECK(*p.published_rank == 24);
    CHECK_FALSE(p.total_derived);
    CHECK(placing_text(p, Language::en) == "24/63 (published)");
}

TEST_CASE("an incomplete table gives a range, bounded by published ranks above") {
    // Only four rows: Hà Giang 32.00 and Cao Bằng 31.60 (derived), Bắc Ninh published 30th with
    // 25.05, and Lạng Sơn 22.63. Known others: 3, all higher; unknown: 63 − 1 − 3 = 59.
    NationalTable t = table_of(2024,
                               {{"Lạng Sơn", lang_son_2024},
                                {"Hà Giang", "8.00,8.00,8.00,8.00,,"},
                                {"Cao Bằng", "7.90,7.90,7.90,7.90,,"},
                                {"Bắc Ninh", ",,,,25.05,30"}},
                               true);
    CHECK_FALSE(t.complete());
    Placing p = place_in(t, "lang-son");
    // 1 + 3 higher = 4, but Bắc Ninh's published 30th with a higher total puts 30 above: 31
    CHECK(p.best == 31);
    CHECK(p.worst == 63);  // 4 + 59 unknown = 63
    CHECK_FALSE(p.known());
    CHECK(p.with_total == 4);  // Lạng Sơn and the three others
    CHECK(placing_text(p, Language::en) == "31–63/63 (implied; the table has 4 of 63 provinces)");
    // the 30th other province: Bắc Ninh's published rank covers place 30
    CHECK(nth_total(t, "lang-son", 30) == h(2505));
    // place 29 is not covered by a published rank and the table lacks totals: unknown
    CHECK(nth_total(t, "lang-son", 29) == std::nullopt);
}

TEST_CASE("nth_total: the total of the Nth other province, nationally and in a region") {
    NationalTable t = base_2024();
    // Others in descending order: i = 0, 1, 2, 3 at places 1–4, then i = p at place p ≥ 5.
    CHECK(nth_total(t, "lang-son", 1) == h(3200));
    CHECK(nth_total(t, "lang-son", 5) == h(3000));        // i = 5: 32.00 − 2.00
    CHECK(nth_total(t, "lang-son", 20) == h(2400));       // i = 20: 32.00 − 8.00
    CHECK(nth_total(t, "lang-son", 30) == h(2000));       // i = 30: 32.00 − 12.00
    CHECK(nth_total(t, "lang-son", 62) == h(720));        // i = 62: 32.00 − 24.80
    CHECK(nth_total(t, "lang-son", 63) == std::nullopt);  // only 62 others
    CHECK(nth_total(t, "lang-son", 0) == std::nullopt);
    // The region Trung du và miền núi phía Bắc is i = 0..13; the 13th other is i = 13: 26.80
    CHECK(nth_total(t, "lang-son", 13, "trung-du-mien-nui-phia-bac") == h(2680));
    Placing reg = place_in(t, "lang-son", std::nullopt, "trung-du-mien-nui-phia-bac");
    CHECK(reg.of == 14);
    CHECK(reg.best == 14);  // all 13 others score 26.80 or more
    CHECK(reg.worst == 14);
}

TEST_CASE("compute_rank: threshold, points needed, component medians, places and the top-N average") {
    NationalTable t = base_2024();
    RankOptions o;
    o.top_n = 20;
    RankResult r = compute_rank("lang-son", {t}, nullptr, o);
    REQUIRE(r.report);
    const RankReport& rep = *r.report;
    CHECK(rep.year == 2024);
    CHECK(rep.national.rank() == 24);
    CHECK(rep.regional.rank() == 14);
    CHECK(rep.threshold == h(2400));     // the 20th other province, i = 20
    CHECK(rep.points_needed == h(137));  // 24.00 − 22.63

    o.top_n = 30;
    r = compute_rank("lang-son", {t}, nullptr, o);
    REQUIRE(r.report);
    CHECK(r.report->threshold == h(2000));           // i = 30
    CHECK(r.report->points_needed == std::nullopt);  // 22.63 is above: already in the top 30

    const auto& c = r.report->components;
    // Component 1: the others score 8.00 − 0.10·i; above 4.95: i ≤ 30 without 4, 30 of them → place 31.
    // The median of 63 is the 32nd from the top: 30 above, 4.95 31st, then i = 31: 4.90.
    CHECK(c[0].score == h(495));
    CHECK(c[0].place == 31);
    CHECK(c[0].of == 63);
    CHECK(c[0].median == h(490));
    CHECK(c[0].best == h(800));
    CHECK(c[0].gap_to_median == h(-5));  // 4.90 − 4.95
    // The top 30 by total: i = 0..29 without 4 (ranks 1–23 and 25–30), and Lạng Sơn (24th).
    // Component 1 sum: Σ(800 − 10·i, i = 0..29) = 24000 − 4350 = 19650; − 760 (i = 4) + 495 = 19385;
    // / 30 = 646.17 → 6.46; gap 6.46 − 4.95 = 1.51.
    CHECK(c[0].group_average == h(646));
    CHECK(c[0].gap_to_group == h(151));
    // Component 3 (6.71): above it i ≤ 12 without 4: 12 → place 13. Median: 12 above, 6.71 13th,
    // then place p holds i = p − 1: the 32nd is i = 31, 4.90.
    CHECK(c[2].place == 13);
    CHECK(c[2].median == h(490));
    CHECK(c[2].gap_to_median == h(-181));  // 4.90 − 6.71
    // group: 19650 − 760 + 671 = 19561 / 30 = 652.03 → 6.52; gap 6.52 − 6.71 = −0.19
    CHECK(c[2].group_average == h(652));
    CHECK(c[2].gap_to_group == h(-19));
    // Component 4 (6.02): above it i ≤ 19 without 4: 19 → place 20
    CHECK(c[3].place == 20);
}

TEST_CASE("median of an even count: the mean of the two middle scores, half up to 0.01") {
    // PGI 2025 ranks 34 provinces: index i scores 8.00 − 0.10·i, except Hưng Yên (index 16, 6.40)
    // whose component 1 is 6.41. Descending, the 17th and 18th are 6.41 and 6.30 (i = 17):
    // (6.41 + 6.30) / 2 = 6.355 → 6.36.
    NationalTable t = table_of(2025, {{"Hưng Yên", "6.41,6.40,6.40,6.40,,"}});
    REQUIRE(provinces_for_year(2025)[16].name == "Hưng Yên");
    RankResult r = compute_rank("lang-son", {t}, nullptr, RankOptions{});
    REQUIRE(r.report);
    CHECK(r.report->components[0].median == h(636));
    // component 2 is unchanged: 6.40 (i = 16) and 6.30 → 6.35
    CHECK(r.report->components[1].median == h(635));
    // Lạng Sơn is index 5 of the 34: 7.50 each, 30.00; after the merger there are no regions
    CHECK(r.report->national.rank() == 6);
    CHECK(r.report->regional.of == 0);
}

TEST_CASE("medians need every province's score") {
    NationalTable t = table_of(2024, {{"Lạng Sơn", lang_son_2024}, {"Gia Lai", "N/A,7.00,7.00,7.00,,"}});
    RankResult r = compute_rank("lang-son", {t}, nullptr, RankOptions{});
    REQUIRE(r.report);
    CHECK(r.report->components[0].of == 62);
    CHECK(r.report->components[0].median == std::nullopt);
    CHECK(r.report->components[0].place == 0);
    CHECK(r.report->components[1].median.has_value());
}

TEST_CASE("rank targets: top N, met and not met, with the threshold and points needed") {
    std::vector<NationalTable> tables{base_2024()};
    RankTargetResult top30 = evaluate_rank_target(rank_target(TargetKind::rank_top, 30), "lang-son", tables);
    CHECK(top30.verdict == Verdict::met);  // 24 ≤ 30
    CHECK(top30.needed_rank == 30);
    CHECK(top30.threshold == h(2000));
    CHECK(top30.points_needed == std::nullopt);

    RankTargetResult top20 = evaluate_rank_target(rank_target(TargetKind::rank_top, 20), "lang-son", tables);
    CHECK(top20.verdict == Verdict::not_met);  // 24 > 20
    CHECK(top20.reason == CannotReason::none);
    CHECK(top20.threshold == h(2400));
    CHECK(top20.points_needed == h(137));  // 24.00 − 22.63
    CHECK(rank_target_line(top20, Language::en, false) ==
          "top 20: not met — rank 24/63 (implied); province no. 20 scores 24.00; 1.37 points needed");
    CHECK(
        rank_target_line(top20, Language::vi, true) ==
        "trong nhóm 20 tỉnh dẫn đầu: chưa đạt — hạng 24/63 (ước tính); tỉnh thứ 20 đạt 24,00 điểm; cần thêm 1,37 điểm");
}

TEST_CASE("rank targets: not below N") {
    std::vector<NationalTable> tables{base_2024()};
    RankTargetResult nb24 = evaluate_rank_target(rank_target(TargetKind::rank_not_below, 24), "lang-son", tables);
    CHECK(nb24.verdict == Verdict::met);  // 24 ≤ 24
    RankTargetResult nb23 = evaluate_rank_target(rank_target(TargetKind::rank_not_below, 23), "lang-son", tables);
    CHECK(nb23.verdict == Verdict::not_met);
    CHECK(nb23.threshold == h(2280));    // the 23rd other, i = 23: 32.00 − 9.20
    CHECK(nb23.points_needed == h(17));  // 22.80 − 22.63
}

TEST_CASE("rank targets: up N places against the previous year's table") {
    // PGI 2023: Lạng Sơn (index 4) given 20.10 in total: above it 32.00 − 0.40·i > 20.10 ⇔ i ≤ 29,
    // without 4: 29 → rank 30 in 2023.
    std::vector<NationalTable> tables{base_2024(), table_of(2023, {{"Lạng Sơn", "5.00,5.00,5.00,5.10,,"}})};
    RankTargetResult up5 = evaluate_rank_target(rank_target(TargetKind::rank_increase, 5), "lang-son", tables);
    REQUIRE(up5.previous_rank);
    CHECK(*up5.previous_rank == 30);
    CHECK(up5.previous_implied);
    CHECK(up5.needed_rank == 25);        // 30 − 5
    CHECK(up5.verdict == Verdict::met);  // 24 ≤ 25
    RankTargetResult up10 = evaluate_rank_target(rank_target(TargetKind::rank_increase, 10), "lang-son", tables);
    CHECK(up10.needed_rank == 20);
    CHECK(up10.verdict == Verdict::not_met);
    CHECK(up10.points_needed == h(137));  // the 20th other: 24.00 − 22.63
    // without the 2023 table: cannot be evaluated
    RankTargetResult alone = evaluate_rank_target(rank_target(TargetKind::rank_increase, 5), "lang-son", {base_2024()});
    CHECK(alone.verdict == Verdict::cannot_evaluate);
    CHECK(alone.reason == CannotReason::no_previous_rank);
}

TEST_CASE("rank targets: top N of the region") {
    std::vector<NationalTable> tables{base_2024()};
    const std::string north = "trung-du-mien-nui-phia-bac";
    RankTargetResult r14 = evaluate_rank_target(rank_target(TargetKind::rank_top, 14, 2024, north), "lang-son", tables);
    CHECK(r14.verdict == Verdict::met);  // 14th of 14
    CHECK(r14.placing.of == 14);
    RankTargetResult r13 = evaluate_rank_target(rank_target(TargetKind::rank_top, 13, 2024, north), "lang-son", tables);
    CHECK(r13.verdict == Verdict::not_met);
    CHECK(r13.threshold == h(2680));     // the 13th other of the region, i = 13
    CHECK(r13.points_needed == h(417));  // 26.80 − 22.63
    // a region the province is not in, and a region that does not exist
    RankTargetResult other =
        evaluate_rank_target(rank_target(TargetKind::rank_top, 3, 2024, "dong-nam-bo"), "lang-son", tables);
    CHECK(other.verdict == Verdict::cannot_evaluate);
    CHECK(other.reason == CannotReason::region_undefined);
    RankTargetResult none =
        evaluate_rank_target(rank_target(TargetKind::rank_top, 3, 2024, "atlantis"), "lang-son", tables);
    CHECK(none.reason == CannotReason::region_undefined);
    // after the merger the 34 provinces have no regions
    RankTargetResult merged =
        evaluate_rank_target(rank_target(TargetKind::rank_top, 3, 2025, north), "lang-son", {table_of(2025)});
    CHECK(merged.reason == CannotReason::region_undefined);
}

TEST_CASE("rank targets that cannot be evaluated say why") {
    // no table for the target year
    RankTargetResult no_table =
        evaluate_rank_target(rank_target(TargetKind::rank_top, 30, 2025), "lang-son", {base_2024()});
    CHECK(no_table.verdict == Verdict::cannot_evaluate);
    CHECK(no_table.reason == CannotReason::no_table);
    CHECK(rank_target_line(no_table, Language::en, false) ==
          "top 30: cannot be evaluated — no national table for 2025");
    // the province's row has no total and not four components
    RankTargetResult unknown = evaluate_rank_target(rank_target(TargetKind::rank_top, 30), "lang-son",
                                                    {table_of(2024, {{"Lạng Sơn", "N/A,N/A,6.71,6.02,,"}})});
    CHECK(unknown.reason == CannotReason::province_unknown);
    // incomplete: Lạng Sơn and two higher provinces only: 3..62 could be anything; top 30 is
    // neither certain (worst 62 > 30) nor impossible (best 3 ≤ 30)
    NationalTable part = table_of(
        2024,
        {{"Lạng Sơn", lang_son_2024}, {"Hà Giang", "8.00,8.00,8.00,8.00,,"}, {"Cao Bằng", "7.90,7.90,7.90,7.90,,"}},
        true);
    RankTargetResult inc = evaluate_rank_target(rank_target(TargetKind::rank_top, 30), "lang-son", {part});
    CHECK(inc.placing.best == 3);
    CHECK(inc.placing.worst == 63);  // 3 + (63 − 1 − 2) = 63
    CHECK(inc.verdict == Verdict::cannot_evaluate);
    CHECK(inc.reason == CannotReason::incomplete_table);
    CHECK(inc.placing.with_total == 3);
    CHECK(rank_target_line(inc, Language::en, false) ==
          "top 30: cannot be evaluated — the rank is not published and the table is incomplete (3 of 63 provinces "
          "have a total); rank 3–63/63 (implied; the table has 3 of 63 provinces)");
    // but "top 2" is not met whatever the missing rows say (best 3 > 2)
    CHECK(evaluate_rank_target(rank_target(TargetKind::rank_top, 2), "lang-son", {part}).verdict == Verdict::not_met);
}

TEST_CASE("parse_what_if: a component by number or id, an absolute score or a signed change") {
    std::string error;
    auto a = parse_what_if("1=6.00", error);
    REQUIRE(a);
    CHECK(a->number == 1);
    CHECK(a->value == h(600));
    CHECK_FALSE(a->relative);
    auto b = parse_what_if("compliance=+0.50", error);
    REQUIRE(b);
    CHECK(b->number == 2);
    CHECK(b->value == h(50));
    CHECK(b->relative);
    auto c = parse_what_if("pollution=-0.2", error);
    REQUIRE(c);
    CHECK(c->number == 1);
    CHECK(c->value == h(-20));
    CHECK(c->relative);
    auto d = parse_what_if("3=6,10", error);
    REQUIRE(d);
    CHECK(d->number == 3);
    CHECK(d->value == h(610));
    auto e = parse_what_if("Green-Practices=7", error);
    REQUIRE(e);
    CHECK(e->number == 3);
    for (const char* bad : {"5=1.00", "x=1.00", "1", "1=abc", "1=6.001", "=6.00"}) {
        CAPTURE(bad);
        error.clear();
        CHECK_FALSE(parse_what_if(bad, error));
        CHECK_FALSE(error.empty());
    }
}

TEST_CASE("what-if: absolute and signed changes recompute the total and the implied rank") {
    NationalTable t = base_2024();
    Plan plan;
    plan.total.targets.push_back(rank_target(TargetKind::rank_top, 20));
    RankOptions o;
    std::string error;
    o.changes = {*parse_what_if("1=+1.37", error)};
    RankResult r = compute_rank("lang-son", {t}, &plan, o);
    REQUIRE(r.report);
    // 6.32 + 4.95 + 6.71 + 6.02 = 24.00: above it 32.00 − 0.40·i > 24.00 ⇔ i ≤ 19, without 4: 19;
    // tied with i = 20 (24.00) → rank 20
    CHECK(r.report->components_after[0] == h(632));
    CHECK(r.report->total_after == h(2400));
    CHECK(r.report->national_after.best == 20);
    CHECK(r.report->national_after.tied == 1);
    CHECK_FALSE(r.report->national_after.published_rank);
    REQUIRE(r.report->targets.size() == 1);
    CHECK(r.report->targets[0].verdict == Verdict::not_met);  // before: 24th
    REQUIRE(r.report->targets_after.size() == 1);
    CHECK(r.report->targets_after[0].verdict == Verdict::met);  // after: 20th

    // absolute: component 3 to 8.00: 4.95 + 4.95 + 8.00 + 6.02 = 23.92; above it i ≤ 20, without 4: 20 → 21
    o.changes = {*parse_what_if("3=8.00", error)};
    r = compute_rank("lang-son", {t}, &plan, o);
    REQUIRE(r.report);
    CHECK(r.report->total_after == h(2392));
    CHECK(r.report->national_after.best == 21);
    CHECK(r.report->national_after.tied == 0);

    // two changes: 6.00 + (4.95 + 0.50) + 6.71 + 6.02 = 24.18; above it i ≤ 19 → 19 → 20th
    o.changes = {*parse_what_if("1=6.00", error), *parse_what_if("compliance=+0.50", error)};
    r = compute_rank("lang-son", {t}, &plan, o);
    REQUIRE(r.report);
    CHECK(r.report->total_after == h(2418));
    CHECK(r.report->national_after.best == 20);
}

TEST_CASE("what-if: a change that leaves a component outside 0-10 or cannot be applied") {
    NationalTable t = base_2024();
    RankOptions o;
    std::string error;
    o.changes = {*parse_what_if("3=+3.30", error)};  // 6.71 + 3.30 = 10.01
    RankResult r = compute_rank("lang-son", {t}, nullptr, o);
    CHECK_FALSE(r.report);
    REQUIRE(r.diagnostics.items().size() == 1);
    CHECK(r.diagnostics.items()[0].code == "what-if-invalid");
    o.changes = {*parse_what_if("1=-5.00", error)};  // 4.95 − 5.00 = −0.05
    CHECK_FALSE(compute_rank("lang-son", {t}, nullptr, o).report);
    // a relative change to a component the row does not have
    NationalTable n = table_of(2024, {{"Lạng Sơn", "N/A,4.95,6.71,6.02,22.63,"}});
    o.changes = {*parse_what_if("1=+0.10", error)};
    r = compute_rank("lang-son", {n}, nullptr, o);
    CHECK_FALSE(r.report);
    CHECK(r.diagnostics.items()[0].code == "what-if-invalid");
    // an absolute one fills it in: 5.00 + 4.95 + 6.71 + 6.02 = 22.68
    o.changes = {*parse_what_if("1=5.00", error)};
    r = compute_rank("lang-son", {n}, nullptr, o);
    REQUIRE(r.report);
    CHECK(r.report->total_after == h(2268));
}

TEST_CASE("compute_rank: no table for the year, no row for the province") {
    RankOptions o;
    o.year = 2023;
    RankResult r = compute_rank("lang-son", {base_2024()}, nullptr, o);
    CHECK_FALSE(r.report);
    CHECK(r.diagnostics.items()[0].code == "no-table");
    NationalTable part = table_of(2024, {{"Hà Giang", "8.00,8.00,8.00,8.00,,"}}, true);
    r = compute_rank("lang-son", {part}, nullptr, RankOptions{});
    CHECK_FALSE(r.report);
    CHECK(r.diagnostics.items()[0].code == "unknown-province");
}

TEST_CASE("trend: every table's year, oldest first") {
    std::vector<NationalTable> tables{base_2024(), table_of(2023, {{"Lạng Sơn", "5.00,5.00,5.00,5.10,,"}})};
    RankResult r = compute_rank("lang-son", tables, nullptr, RankOptions{});
    REQUIRE(r.report);
    REQUIRE(r.report->trend.size() == 2);
    CHECK(r.report->trend[0].year == 2023);
    CHECK(r.report->trend[0].placing.rank() == 30);
    CHECK(r.report->trend[0].threshold == h(2000));           // the 30th other in 2023: i = 30
    CHECK(r.report->trend[0].points_needed == std::nullopt);  // 20.10 ≥ 20.00
    CHECK(r.report->trend[1].year == 2024);
    CHECK(r.report->trend[1].placing.rank() == 24);
}

TEST_CASE("province_of_plan: the parent's issuer names the province") {
    Plan plan;
    plan.meta.issuer = "UBND thành phố Lạng Sơn";
    CHECK(province_of_plan(plan, 2024) == "lang-son");
    Plan other;
    other.meta.issuer = "UBND huyện Mẫu";
    CHECK(province_of_plan(other, 2024).empty());
}

TEST_CASE("the table's publication date and partial flag reach the report and the placings") {
    // a partial table of 2 rows, published May 2025
    TableLoadResult t = load_national_table_text(
        "# published: 2025-05\n# partial: yes\n# source: VCCI\n"
        "province,1,2,3,4,total,rank\n"
        "Lạng Sơn,4.95,4.95,6.71,6.02,,\n"
        "Gia Lai,,,,,25.05,30\n",
        "pgi-2024.csv");
    REQUIRE(t.table);
    CHECK(t.diagnostics.empty());  // partial: no missing-province warning
    RankResult r = compute_rank("lang-son", {*t.table}, nullptr, RankOptions{});
    REQUIRE(r.report);
    const RankReport& rep = *r.report;
    REQUIRE(rep.table_published);
    CHECK(format_partial_date(*rep.table_published) == "2025-05");
    CHECK(rep.table_partial);
    CHECK(rep.table_source == "VCCI");
    CHECK(rep.table_with_total == 2);
    CHECK(rep.table_of == 63);
    REQUIRE(rep.national.published);
    // best: Gia Lai published 30th above 22.63 → 31; worst: 1 + 1 + 61 unknown = 63
    CHECK(rep.national.best == 31);
    CHECK(rep.national.worst == 63);
    CHECK(rank_line(2024, "Lạng Sơn", rep.national, Language::vi) ==
          "Xếp hạng PGI 2024 (Lạng Sơn): 31–63/63 (ước tính; bảng có 2/63 tỉnh); bảng điểm công bố tháng 5/2025");
    std::string text = render_rank(rep, RankFormat::table, RankRenderOptions{});
    CHECK(text.find("Bảng điểm PGI 2024: VCCI; công bố tháng 5/2025; bảng không đầy đủ: 2 trên 63 tỉnh có tổng điểm") !=
          std::string::npos);
    // without a date the output says so
    NationalTable undated = base_2024();
    RankResult u = compute_rank("lang-son", {undated}, nullptr, RankOptions{});
    REQUIRE(u.report);
    RankRenderOptions en;
    en.language = Language::en;
    CHECK(render_rank(*u.report, RankFormat::table, en).find("; publication date not given") != std::string::npos);
    CHECK(rank_line(2024, "Lạng Sơn", u.report->national, Language::en) ==
          "Rank in PGI 2024 (Lạng Sơn): 24/63 (implied); the table gives no publication date");
}

TEST_CASE("the office formats say the same as the text: table line with the date, summary, targets") {
    TableLoadResult t = load_national_table_text(
        "# published: 2025-05\n# partial: true\n# source: VCCI\n"
        "province,1,2,3,4,total,rank\n"
        "Lạng Sơn,4.95,4.95,6.71,6.02,,\n"
        "Gia Lai,,,,,25.05,30\n",
        "pgi-2024.csv");
    REQUIRE(t.table);
    Plan plan;
    plan.total.targets.push_back(rank_target(TargetKind::rank_top, 30));
    RankResult r = compute_rank("lang-son", {*t.table}, &plan, RankOptions{});
    REQUIRE(r.report);
    DocumentOptions o;  // Vietnamese, decimal comma
    OfficialDocument d = rank_document(*r.report, ReportSettings{}, Date{2025, 6, 5}, o);
    CHECK(d.kind == "BÁO CÁO");
    REQUIRE(d.body.size() >= 2);
    // office documents write the date 05/2025 (report_docx.cpp's style), not 2025-05
    CHECK(d.body[0].text ==
          "Bảng điểm PGI 2024: VCCI; công bố tháng 5/2025; bảng không đầy đủ: 2 trên 63 tỉnh có tổng điểm.");
    std::string all;
    for (const auto& b : d.body) all += b.text + "\n";
    CHECK(all.find("- Tổng điểm: 22,63 (tính từ 4 chỉ số thành phần).") != std::string::npos);
    // best 31 (Gia Lai published 30th above): the top 30 is not met even with 2 rows
    CHECK(all.find("- trong nhóm 30 tỉnh dẫn đầu: chưa đạt — hạng 31–63/63 (ước tính; bảng có 2/63 tỉnh); "
                   "tỉnh thứ 30 đạt 25,05 điểm; cần thêm 2,42 điểm.") != std::string::npos);
    Workbook wb = rank_workbook(*r.report, Language::en);
    REQUIRE(wb.sheets.size() == 3);
    CHECK(wb.sheets[0].name == "Rank");
    REQUIRE(wb.sheets[1].rows.size() == 4);
    CHECK(std::get<Score>(wb.sheets[1].rows[2][2]) == h(671));  // component 3's score as a number
}

TEST_CASE("the rank blocks of the gap document and workbook") {
    GapReport g;
    CHECK(gap_rank_blocks(g, DocumentOptions{}).empty());
    CHECK_FALSE(gap_rank_sheet(g, Language::vi));
    g.rank = place_in(base_2024(), "lang-son");
    g.rank_year = 2024;
    g.province_name = "Lạng Sơn";
    g.rank_targets.push_back(evaluate_rank_target(rank_target(TargetKind::rank_top, 20), "lang-son", {base_2024()}));
    auto blocks = gap_rank_blocks(g, DocumentOptions{});
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].text == "- Xếp hạng PGI 2024 (Lạng Sơn): 24/63 (ước tính); bảng điểm chưa ghi ngày công bố.");
    auto sheet = gap_rank_sheet(g, Language::vi);
    REQUIRE(sheet);
    REQUIRE(sheet->rows.size() == 2);
    CHECK(std::get<long>(sheet->rows[1][3]) == 20);        // the rank needed
    CHECK(std::get<Score>(sheet->rows[1][4]) == h(2400));  // the 20th other province
    CHECK(std::get<Score>(sheet->rows[1][5]) == h(137));   // 24.00 − 22.63
}
