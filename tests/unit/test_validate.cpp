#include <doctest/doctest.h>

#include "helpers.hpp"

using namespace pgi;
using pgi::test::findings;
using pgi::test::load;
using pgi::test::minimal_header;

using Findings = std::vector<std::string>;

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
    const std::string head =
        std::string(minimal_header) + "components:\n  - {id: a, name: A}\n  - {id: b, name: B}\nobservations:\n";
    auto rounding = load(head + "  - {year: 2024, published: 2025-05, scores: {a: 4.95, b: 4.95}, total: 9.91}\n");
    CHECK(rounding.diagnostics.empty());
    auto off = load(head + "  - {year: 2024, published: 2025-05, scores: {a: 4.95, b: 4.95}, total: 9.92}\n");
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
