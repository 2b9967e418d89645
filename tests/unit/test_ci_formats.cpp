// CI annotation formats of `pgi validate` (docs/ci.md): GitHub Actions workflow commands and
// GitLab Code Quality reports, checked against their documented shapes.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "pgi/diagnostic.hpp"

using namespace pgi;

namespace {
Diagnostics sample() {
    Diagnostics ds;
    ds.error({"plans/plan, 1.yaml", 12, 5}, "unknown-owner", "`so-tnmt` is not an owner: 50%\nsecond line",
             "did you mean `so-tn-mt`?");
    ds.warning({"plan.yaml", 0, 0}, "missing-province", "55 provinces have no row");
    return ds;
}
}  // namespace

TEST_CASE("github: one workflow command per finding, escaped as actions/toolkit does") {
    std::string out = render_github(sample());
    // properties: ',' -> %2C, ':' -> %3A; data: '%' -> %25, LF -> %0A, ':' kept.
    CHECK(out ==
          "::error file=plans/plan%2C 1.yaml,line=12,col=5,title=pgi [unknown-owner]::"
          "`so-tnmt` is not an owner: 50%25%0Asecond line%0Ahint: did you mean `so-tn-mt`?\n"
          "::warning file=plan.yaml,title=pgi [missing-province]::55 provinces have no row\n");
    CHECK(render_github(Diagnostics{}).empty());
}

TEST_CASE("gitlab: a Code Quality array with the fields GitLab reads") {
    auto j = nlohmann::json::parse(render_gitlab(sample()));
    REQUIRE(j.is_array());
    REQUIRE(j.size() == 2);
    CHECK(j[0]["check_name"] == "pgi/unknown-owner");
    CHECK(j[0]["severity"] == "major");
    CHECK(j[0]["description"] == "`so-tnmt` is not an owner: 50%\nsecond line — did you mean `so-tn-mt`?");
    CHECK(j[0]["location"]["path"] == "plans/plan, 1.yaml");
    CHECK(j[0]["location"]["lines"]["begin"] == 12);
    CHECK(j[1]["severity"] == "minor");
    CHECK(j[1]["location"]["lines"]["begin"] == 1);  // line unknown: GitLab needs a line, 1
    const std::string f0 = j[0]["fingerprint"], f1 = j[1]["fingerprint"];
    CHECK(f0.size() == 32);
    CHECK(f0.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(f0 != f1);
    // stable across runs: the same findings give the same fingerprints
    CHECK(nlohmann::json::parse(render_gitlab(sample()))[0]["fingerprint"] == f0);
    CHECK(render_gitlab(Diagnostics{}) == "[]\n");
}
