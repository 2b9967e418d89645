// Small helpers shared by the unit tests.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "pgi/load.hpp"
#include "pgi/updates.hpp"
#include "pgi/validate.hpp"

namespace pgi::test {

/// Loads `text` as a plan of the given format (named `plan.yaml` / `plan.toml` in findings)
/// and runs the semantic checks.
inline LoadResult load(const std::string& text, InputFormat f = InputFormat::yaml) {
    LoadResult r = load_plan_text(text, f == InputFormat::toml ? "plan.toml" : "plan.yaml", f);
    validate_loaded(r);
    return r;
}

/// The codes of the findings, in order, each as `line:col code` (or `code` without a line).
inline std::vector<std::string> findings(const LoadResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics.items())
        out.push_back(d.location.line
                          ? std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " + d.code
                          : d.code);
    return out;
}

inline std::string example(const char* rel) {
    return std::string(PGI_EXAMPLES_DIR) + "/" + rel;
}
inline std::string fixture(const char* rel) {
    return std::string(PGI_FIXTURES_DIR) + "/" + rel;
}

/// The Lạng Sơn example as a plan directory: plan.yaml with its sample updates/ tree,
/// validated without errors.
inline Plan lang_son_with_updates() {
    PlanSources src;
    src.plan = example("lang-son-2024/plan.yaml");
    src.plan_directory = true;
    LoadResult r = load_plan_with_updates(src).value();
    validate_loaded(r);
    REQUIRE(r.plan);
    REQUIRE_FALSE(r.diagnostics.has_errors());
    return *r.plan;
}

/// A valid plan header and one component, to which tests append.
inline const char* minimal_header = R"(pgi: 1
plan:
  issuer: UBND tỉnh Mẫu
  title: Kế hoạch mẫu
  period: {start: 2024}
)";

}  // namespace pgi::test

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string out = "{";
        for (const auto& s : v) out += (out.size() > 1 ? ", \"" : "\"") + s + "\"";
        return String((out + "}").c_str());
    }
};
}  // namespace doctest
