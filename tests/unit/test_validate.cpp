#include <doctest/doctest.h>
#include <fmt/format.h>

#include "helpers.hpp"
#include "pgi/labels.hpp"
#include "pgi/tracking.hpp"

using namespace pgi;
using pgi::test::findings;
using pgi::test::load;
using pgi::test::minimal_header;

using Findings = std::vector<std::string>;

// A plan of two components, `a` and `b`, and one observation (a YAML flow mapping): line 10.
static auto with_observation(const std::string& observation) {
    return load(std::string(minimal_header) +
                "components:\n  - {id: a, name: A}\n  - {id: b, name: B}\nobservations:\n  - " + observation + "\n");
}

TEST_CASE("a target must equal baseline plus the stated increase, exactly in hundredths") {
    auto ok = load(std::string(minimal_header) + R"(components:
  - id: a
    name: A
    baseline: {year: 2023, score: 4.84}
    targets: [{year: 2024, score: 6.58, increase: 1.74}]
)");
    CHECK(ok.diagnostics.empty());
    auto bad = load(std::string(minimal_header) + R"(components:
  - id: a
    name: A
    baseline: {year: 2023, score: 4.84}
    targets: [{year: 2024, score: 6.58, increase: 1.75}]
)");
    REQUIRE(findings(bad) == Findings{"10:35 target-mismatch"});
    CHECK(bad.diagnostics.items()[0].message ==
          "target 6.58 minus baseline 4.84 is +1.74, but the stated increase is +1.75");
}

TEST_CASE("a stated total target must be the sum of the component targets") {
    auto r = load(std::string(minimal_header) + R"(components:
  - {id: a, name: A, targets: [{year: 2024, score: 6.58}]}
  - {id: b, name: B, targets: [{year: 2024, score: 6.11}]}
total:
  targets:
    - {year: 2024, score: 12.69}
    - {year: 2025, score: 13.00}
    - {year: 2024, rank_top: 30}
)");
    // 2024: 6.58 + 6.11 = 12.69 agrees; 2025 has no component targets to compare with.
    CHECK(r.diagnostics.empty());
    auto bad = load(std::string(minimal_header) + R"(components:
  - {id: a, name: A, targets: [{year: 2024, score: 6.58}]}
  - {id: b, name: B, targets: [{year: 2024, score: 6.11}]}
total:
  targets: [{year: 2024, score: 12.70}]
)");
    CHECK(findings(bad) == Findings{"10:33 target-mismatch"});
}

TEST_CASE("scores outside the component scale are errors") {
    auto r = load(std::string(minimal_header) + R"(components:
  - id: a
    name: A
    baseline: {year: 2023, score: 10.01}
    targets: [{year: 2024, score: 0}]
  - id: b
    name: B
    scale: {min: 0, max: 100}
    baseline: {year: 2023, score: 55.5}
)");
    // 0.00 is below the baseline 10.01: a warning besides the range error
    CHECK(findings(r) == Findings{"9:35 score-out-of-range", "10:35 target-below-baseline"});
}

TEST_CASE("scores on the ends of the scale are in range") {
    // 0.00 and 10.00 are the ends of the default 0-10 scale, 100 the end of a 0-100 one
    auto r = load(std::string(minimal_header) + R"(components:
  - id: a
    name: A
    baseline: {year: 2023, score: 0}
    targets: [{year: 2024, score: 10.00}]
  - id: b
    name: B
    scale: {min: 0, max: 100}
    baseline: {year: 2023, score: 55.5}
    targets: [{year: 2024, score: 100}]
)");
    CHECK(findings(r).empty());
}

TEST_CASE("a target below the baseline is a warning, and its share achieved is not computed") {
    auto r = load(std::string(minimal_header) + R"(components:
  - id: a
    name: A
    baseline: {year: 2023, score: 5.00}
    targets: [{year: 2024, score: 4.00, increase: -1.00}]
)");
    CHECK(findings(r) == Findings{"10:35 target-below-baseline"});
}

TEST_CASE("one official result per PGI edition; estimates differ by publication date") {
    const std::string head = std::string(minimal_header) + "components:\n  - {id: a, name: A}\nobservations:\n";
    auto two_official = load(head +
                             "  - {year: 2024, published: 2025-05, scores: {a: 5}}\n"
                             "  - {year: 2024, published: 2025-06, scores: {a: 6}}\n");
    CHECK(findings(two_official) == Findings{"10:5 duplicate-observation"});
    auto estimates = load(head +
                          "  - {year: 2025, published: 2025-03, kind: estimate, scores: {a: 5}}\n"
                          "  - {year: 2025, published: 2025-09, kind: estimate, scores: {a: 6}}\n");
    CHECK(estimates.diagnostics.empty());
}

TEST_CASE("a plan with fewer than the four PGI components is flagged, since its total is not the PGI") {
    auto r = load(std::string(minimal_header) +
                  "components:\n  - {id: a, number: 1, name: A}\n  - {id: b, number: 2, name: B}\n");
    CHECK(findings(r) == Findings{"7:5 incomplete-components"});
    auto none = load(std::string(minimal_header) + "components: []\n");
    CHECK(findings(none) == Findings{"6:13 no-components"});
}

TEST_CASE("a PGI component's English name other than VCCI's is flagged: outputs use VCCI's") {
    auto r =
        load(std::string(minimal_header) +
             "components:\n"
             "  - {id: pollution, number: 1, name: A, name_en: Minimizing pollution and climate hazards}\n"
             "  - {id: compliance, number: 2, name: B, name_en: Maintaining minimum environmental standards by firms}\n"
             "  - {id: green-practices, number: 3, name: C}\n"
             "  - {id: incentives, number: 4, name: D}\n"
             "  - {id: own, name: E, name_en: Our own index}\n");
    // line 7 names component 1 with an older English name; 2 has VCCI's verbatim, 3 and 4
    // none, and `own` is not a PGI component, so its English name is the plan's to choose
    CHECK(findings(r) == Findings{"7:5 component-name-en"});
    REQUIRE(r.plan);
    CHECK(component_names(r.plan->components[0]).name_en == "Minimizing the risk of climate hazards to firms");
    CHECK(component_names(r.plan->components[0]).name == "Giảm thiểu ô nhiễm và thiên tai");
    CHECK(component_names(r.plan->components[4]).name_en == "Our own index");
}

TEST_CASE("required text may not be empty, and numbers are digits only") {
    auto r = load(R"(pgi: 1
plan:
  issuer: ""
  title: T
  period: {start: " 2024"}
components:
  - {id: a, name: A, baseline: {year: 02023, score: 010}}
)");
    CHECK(findings(r) == Findings{"3:11 invalid-value", "5:19 wrong-type", "7:39 wrong-type", "7:53 invalid-score"});
}

TEST_CASE("references to components and owners must resolve") {
    auto r = load(std::string(minimal_header) + R"(  focal_agency: nobody
components:
  - {id: pollution, name: A}
owners:
  - {id: so-tnmt, name: S}
  - {id: nhom, name: G, kind: group, members: [so-tnmt, ubnd-xa]}
tasks:
  - {id: t1, component: pollutin, lead: so-tnmt, text: T}
  - {id: t2, component: pollution, lead: so-tnm, cooperating: [nhom, x], text: T}
observations:
  - {year: 2024, published: 2025-05, scores: {pollution: 5, other: 4}}
)");
    // each finding points at the id as written
    CHECK(findings(r) == Findings{"6:17 unknown-reference", "11:57 unknown-reference", "13:25 unknown-reference",
                                  "14:42 unknown-reference", "14:70 unknown-reference", "16:61 unknown-reference"});
    // did-you-mean for near misses
    bool hinted = false;
    for (const auto& d : r.diagnostics.items())
        if (d.message.find("pollutin") != std::string::npos) hinted = d.hint == "did you mean `pollution`?";
    CHECK(hinted);
}

TEST_CASE("duplicate ids are reported with the first occurrence") {
    auto r = load(std::string(minimal_header) + R"(components:
  - {id: a, name: A, number: 1}
  - {id: b, name: B, number: 1}
  - {id: a, name: C}
)");
    // numbers {1} only: also the incomplete-components warning
    REQUIRE(findings(r) == Findings{"7:5 incomplete-components", "8:5 duplicate-id", "9:5 duplicate-id"});
    CHECK(r.diagnostics.items()[2].related.at(0).line == 7);
}

TEST_CASE("a published total may differ from the sum of its components by 0.01, not more") {
    auto rounding = with_observation("{year: 2024, published: 2025-05, scores: {a: 4.95, b: 4.95}, total: 9.91}");
    CHECK(rounding.diagnostics.empty());
    auto off = with_observation("{year: 2024, published: 2025-05, scores: {a: 4.95, b: 4.95}, total: 9.92}");
    REQUIRE(findings(off) == Findings{"10:5 total-mismatch"});
    CHECK(off.diagnostics.items()[0].severity == Severity::warning);
}

TEST_CASE("a target must be of exactly one kind") {
    auto r = load(std::string(minimal_header) + R"(components:
  - id: a
    name: A
    targets:
      - {year: 2024}
      - {year: 2025, score: 5, rank_top: 10}
      - {year: 2026, rank_increase: 3, increase: 0.5}
)");
    CHECK(findings(r) == Findings{"10:9 missing-key", "11:9 invalid-value", "12:9 invalid-value"});
}

TEST_CASE("two targets of one kind for one year are a conflict") {
    auto r = load(std::string(minimal_header) + R"(components:
  - id: a
    name: A
    targets: [{year: 2024, score: 5}, {year: 2024, score: 6}]
)");
    CHECK(findings(r) == Findings{"9:59 duplicate-target"});
}

TEST_CASE("a period may not end before it starts") {
    auto r = load(R"(pgi: 1
plan:
  issuer: U
  title: T
  period: {start: 2025, end: 2024}
components: [{id: a, name: A}]
)");
    CHECK(findings(r) == Findings{"5:11 invalid-value"});
}

TEST_CASE("a group that contains itself through other groups is an error") {
    auto r = load(std::string(minimal_header) + R"(components: [{id: a, name: A}]
owners:
  - {id: x, name: X}
  - {id: g, name: G, kind: group, members: [g2]}
  - {id: g2, name: G2, kind: group, members: [x, g]}
  - {id: ok, name: OK, kind: group, members: [x, g2]}
)");
    // g -> g2 -> g and g2 -> g -> g2; `ok` reaches the cycle but is not part of it
    CHECK(findings(r) == Findings{"9:5 group-cycle", "10:5 group-cycle"});
}

TEST_CASE("a chain of nested groups ending in a cycle: only the groups on the cycle are reported") {
    // g0 -> g1 -> … -> g299 -> g297: the cycle is g297 -> g298 -> g299 -> g297, so three
    // findings, at the lines of g297..g299 (owner i is on line 8 + i of this text).
    std::string text = std::string(minimal_header) + "components: [{id: a, name: A}]\nowners:\n";
    for (int i = 0; i < 300; ++i)
        text += fmt::format("  - {{id: g{}, name: G, kind: group, members: [g{}]}}\n", i, i == 299 ? 297 : i + 1);
    auto r = load(text);
    CHECK(findings(r) == Findings{"305:5 group-cycle", "306:5 group-cycle", "307:5 group-cycle"});
    // The same owners as a plain chain (g299 lists an agency): no cycle.
    auto pos = text.rfind("members: [g297]}");  // g299's line (g296 lists g297 too)
    REQUIRE(pos != std::string::npos);
    text.replace(pos, 16, "members: [x]}");
    text += "  - {id: x, name: X}\n";
    CHECK(findings(load(text)).empty());
}

TEST_CASE("owner groups: task_owners expands nested groups once each, in plan order") {
    // d is reached through b and through c (a diamond); e is a member of d.
    auto r = load(std::string(minimal_header) + R"(components: [{id: a, name: A}]
owners:
  - {id: top, name: T, kind: group, members: [b, c]}
  - {id: b, name: B, kind: group, members: [d]}
  - {id: c, name: C, kind: group, members: [d]}
  - {id: d, name: D, kind: group, members: [e]}
  - {id: e, name: E}
tasks:
  - {id: t1, component: a, lead: top, text: T}
)");
    REQUIRE(r.plan);
    OwnerIndex idx(*r.plan);
    CHECK(idx.task_owners(r.plan->tasks[0], OwnerRole::any) == std::vector<std::string>{"top", "b", "c", "d", "e"});
    CHECK(idx.units("top") == std::vector<std::string>{"e"});
}

TEST_CASE("Plan::find_* by hash index: after growth, after a rename in place, first of duplicates") {
    Plan p;
    for (int i = 0; i < 50; ++i) {
        Owner o;
        o.id = fmt::format("o{}", i);
        p.owners.push_back(o);
        REQUIRE(p.find_owner(o.id) == &p.owners.back());  // the list reallocates as it grows
    }
    CHECK(p.find_owner("o50") == nullptr);
    // A rename in place: the old id's stale entry is noticed (and the index rebuilt), so the
    // new id is found next.
    p.owners[3].id = "renamed";
    CHECK(p.find_owner("o3") == nullptr);
    CHECK(p.find_owner("renamed") == &p.owners[3]);
    p.owners[10].id = "o20";      // a duplicate before the first: a linear search finds index 10
    p.owners.push_back(Owner{});  // a change of size rebuilds the index
    CHECK(p.find_owner("o20") == &p.owners[10]);
    Plan copy = p;
    CHECK(copy.find_owner("o49") == &copy.owners[49]);  // a copy looks up in its own lists
}

TEST_CASE("findings are capped per file and in total, with one too-many-findings per file") {
    Diagnostics d;  // default limits: 1000 per file, 10000 in all
    for (int i = 1; i <= 1500; ++i) d.error({"a.yaml", i, 1}, "unknown-reference", fmt::format("ref {}", i));
    for (int i = 1; i <= 3; ++i) d.warning({"b.yaml", i, 1}, "not-nfc", "w");
    d.sort();
    // a.yaml: 1000 kept + 1 summary; b.yaml: 3 kept. 1500 - 1000 = 500 left out, all errors.
    REQUIRE(d.items().size() == 1004);
    CHECK(d.error_count() == 1500);
    CHECK(d.warning_count() == 3);
    CHECK(d.left_out() == 500);
    const Diagnostic* summary = nullptr;
    for (const auto& x : d.items())
        if (x.code == "too-many-findings") summary = &x;
    REQUIRE(summary);
    CHECK(summary->severity == Severity::error);
    CHECK(summary->location == SourceLocation{"a.yaml", 1001, 1});  // the first left out
    CHECK(summary->message ==
          "500 more findings in this file are not shown (500 errors, 0 warnings): at most 1000 per file and 10000 in "
          "all are reported");
    // Appending keeps the cap and carries the count of what the other one left out.
    Diagnostics all;
    all.append(d);
    CHECK(all.items().size() == 1004);
    CHECK(all.error_count() == 1500);
    // Under a limit of 2 per file and 20 in all, from a fresh collection.
    set_finding_limits({2, 20});
    Diagnostics small;
    for (int i = 1; i <= 5; ++i) small.warning({"c.yaml", i, 1}, "not-nfc", "w");
    set_finding_limits({});
    CHECK(small.items().size() == 3);
    CHECK(small.warning_count() == 5);
    CHECK(small.items().back().severity == Severity::warning);
    CHECK(small.items().back().message ==
          "3 more findings in this file are not shown (0 errors, 3 warnings): at most 2 per file and 20 in all are "
          "reported");
}

TEST_CASE("score bounds are inclusive: an observed total of exactly the components' maximum is in range") {
    auto full = with_observation("{year: 2024, published: 2025-05, scores: {a: 10, b: 10}, total: 20}");
    CHECK(full.diagnostics.empty());
    auto over = with_observation("{year: 2024, published: 2025-05, scores: {a: 10, b: 10}, total: 20.01}");
    CHECK(findings(over) == Findings{"10:5 score-out-of-range"});  // 0.01 off the sum: no mismatch
}

TEST_CASE("a target in the baseline's own year is not after it; the next year is") {
    auto same = load(std::string(minimal_header) + R"(components:
  - id: a
    name: A
    baseline: {year: 2024, score: 4.84}
    targets: [{year: 2024, score: 6.58}]
)");
    CHECK(findings(same) == Findings{"10:35 target-before-baseline"});
    auto next = load(std::string(minimal_header) + R"(components:
  - id: a
    name: A
    baseline: {year: 2023, score: 4.84}
    targets: [{year: 2024, score: 6.58}]
)");
    CHECK(next.diagnostics.empty());
}
