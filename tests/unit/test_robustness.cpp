// Bad input never crashes: truncated, mutated and random copies of the examples go through
// the loader and the checks, which must report findings and never throw. Run under ASan and
// UBSan by the `dev` and `ci` presets, this also catches memory errors.
#include <random>

#include <doctest/doctest.h>

#include "helpers.hpp"
#include "pgi/gap.hpp"
#include "pgi/io.hpp"

using namespace pgi;

static void exercise(const std::string& text, InputFormat f) {
    LoadResult r = load_plan_text(text, f == InputFormat::toml ? "m.toml" : "m.yaml", f);
    validate_loaded(r);
    if (r.plan && !r.diagnostics.has_errors()) {
        // a plan that still validates must still compute a gap or say why not
        GapResult g = compute_gap(*r.plan, GapOptions{Date{2025, 1, 1}, std::nullopt});
        CHECK((g.report.has_value() || g.diagnostics.has_errors()));
        if (g.report) (void)render_gap(*g.report, GapFormat::table, GapRenderOptions{});
    }
}

TEST_CASE("mutated and truncated examples never crash the loader") {
    std::mt19937 rng(20241201);
    for (const char* name : {"lang-son-2024/plan.yaml", "lang-son-2024/plan.toml"}) {
        auto text = read_file(pgi::test::example(name));
        REQUIRE(text);
        InputFormat f = std::string(name).ends_with(".toml") ? InputFormat::toml : InputFormat::yaml;
        const char junk[] = {'\0', '\xff', ':', '{', '[', '"', '\'', '\n', '-', '&', '*', '!', '#', '=', '\t', ' '};
        for (int i = 0; i < 300; ++i) {
            std::string m = *text;
            std::size_t pos = rng() % m.size();
            switch (i % 4) {
                case 0: m.resize(pos); break;
                case 1: m[pos] = junk[rng() % sizeof junk]; break;
                case 2: m.erase(pos, rng() % 64); break;
                case 3: m.insert(pos, std::string(1 + rng() % 3, junk[rng() % sizeof junk])); break;
            }
            CAPTURE(i);
            CHECK_NOTHROW(exercise(m, f));
        }
    }
}

TEST_CASE("random bytes and pathological nesting never crash the loader") {
    std::mt19937 rng(7);
    for (int i = 0; i < 200; ++i) {
        std::string s(static_cast<std::size_t>(rng() % 512), '\0');
        for (auto& c : s) c = static_cast<char>(rng() % 256);
        CHECK_NOTHROW(exercise(s, InputFormat::yaml));
        CHECK_NOTHROW(exercise(s, InputFormat::toml));
    }
    CHECK_NOTHROW(exercise(std::string(100000, '['), InputFormat::yaml));
    CHECK_NOTHROW(exercise(std::string(100000, '{'), InputFormat::yaml));
    CHECK_NOTHROW(exercise("a = " + std::string(10000, '['), InputFormat::toml));
    std::string deep_map;
    for (int i = 0; i < 2000; ++i) deep_map += std::string(static_cast<std::size_t>(i % 80), ' ') + "k:\n";
    CHECK_NOTHROW(exercise(deep_map, InputFormat::yaml));
}
