// Bad input never crashes: truncated, mutated and random copies of the examples go through
// the loader and the checks, which must report findings and never throw. Run under ASan and
// UBSan by the `dev` and `ci` presets, this also catches memory errors.
#include <doctest/doctest.h>

#include <random>

#include "doc_tree.hpp"  // white-box: the TOML pre-scan
#include "helpers.hpp"
#include "pgi/gap.hpp"
#include "pgi/io.hpp"
#include "pgi/load.hpp"

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
                case 0:
                    m.resize(pos);
                    break;
                case 1:
                    m[pos] = junk[rng() % sizeof junk];
                    break;
                case 2:
                    m.erase(pos, rng() % 64);
                    break;
                case 3:
                    m.insert(pos, std::string(1 + rng() % 3, junk[rng() % sizeof junk]));
                    break;
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

TEST_CASE("a TOML dotted key of 40,000 parts is refused before toml++ recurses on it") {
    // toml++ 3.3 overflows the stack on this 80 kB key (SIGSEGV before the fix).
    std::string key = "x";
    for (int i = 0; i < 40000; ++i) key += ".x";
    LoadResult r = load_plan_text("pgi = 1\n" + key + " = 1\n", "deep.toml", InputFormat::toml);
    REQUIRE(r.diagnostics.has_errors());
    const auto& d = r.diagnostics.items().front();
    CHECK(d.code == "too-deep");
    CHECK(d.location.line == 2);
    CHECK(d.location.column == 2);  // the first dot
    // the same depth in a table header
    LoadResult h = load_plan_text("pgi = 1\n[" + key + "]\n", "deep.toml", InputFormat::toml);
    REQUIRE(h.diagnostics.has_errors());
    CHECK(h.diagnostics.items().front().code == "too-deep");
}

TEST_CASE("classifying a TOML file on the command line, or guessing stdin's format, does not recurse either") {
    // detect_document_kind() and guess_input_format() parse before the loader does; without
    // the same guard, `pgi validate deep.toml` crashed while deciding what the file is.
    std::string key = "x";
    for (int i = 0; i < 40000; ++i) key += ".x";
    std::string text = "pgi = 1\n" + key + " = 1\n";
    CHECK_FALSE(detect_document_kind(text, "deep.toml", InputFormat::automatic).has_value());
    CHECK(guess_input_format(text) == InputFormat::yaml);  // not TOML that parses: the YAML loader reports it
    CHECK(guess_input_format("pgi = 1\n[plan]\ntitle = \"x\"\n") == InputFormat::toml);
    CHECK(guess_input_format("pgi: 1\nplan:\n  title: x\n") == InputFormat::yaml);
}

TEST_CASE("the dotted-key scan ignores dots in strings and comments, and counts parts exactly") {
    using pgi::detail::find_deep_dotted_key;
    CHECK_FALSE(find_deep_dotted_key("a.b.c = 1\n", 4));
    CHECK_FALSE(find_deep_dotted_key("a.b.c.d = 1\n", 4));        // 4 parts: not more than 4
    CHECK(find_deep_dotted_key("a.b.c.d.e = 1\n", 4));            // 5 parts
    CHECK_FALSE(find_deep_dotted_key("x = \"a.b.c.d.e\"\n", 4));  // inside a string
    CHECK_FALSE(find_deep_dotted_key("x = 'a.b.c.d.e'\n", 4));
    CHECK_FALSE(find_deep_dotted_key("x = \"\"\"a.b.\n.c.d.e\"\"\"\n", 4));
    CHECK_FALSE(find_deep_dotted_key("x = 1 # a.b.c.d.e\n", 4));
    CHECK_FALSE(find_deep_dotted_key("a.b = 6.58\n", 4));  // the float's dot is after '='
    auto at = find_deep_dotted_key("ok = 1\n[a.b.c.d.e]\n", 4);
    REQUIRE(at);
    CHECK(at->line == 2);
    CHECK(at->column == 3);
}

TEST_CASE("the YAML reader streams the mapping items of the root key's list, and nothing else") {
    using pgi::detail::Node;
    std::vector<std::string> taken;
    pgi::detail::ListStream stream{"tasks", [&](Node& item) {
                                       for (const auto& e : item.entries)
                                           if (e.key == "id") taken.push_back(e.value.scalar);
                                   }};
    pgi::Diagnostics diagnostics;
    pgi::detail::ParseContext ctx{"x.yaml", diagnostics};
    Node root;
    // a `tasks` key below the root, a scalar item and a nested list are not streamed
    REQUIRE(pgi::detail::parse_yaml_tree(
        "a:\n  tasks:\n    - {id: inner}\ntasks:\n  - {id: t1}\n  - text\n  - [x]\n  - id: t2\n    sub: [{id: deep}]\n",
        ctx, root, &stream));
    CHECK(taken == std::vector<std::string>{"t1", "t2"});
    REQUIRE(root.entries.size() == 2);
    const Node& tasks = root.entries[1].value;
    REQUIRE(tasks.items.size() == 4);
    CHECK(tasks.items[0].taken);
    CHECK(tasks.items[0].entries.empty());
    CHECK(tasks.items[0].pos.line == 5);
    CHECK(tasks.items[1].scalar == "text");
    CHECK(tasks.items[2].kind == Node::Kind::sequence);
    CHECK(tasks.items[3].taken);
    CHECK(tasks.items[3].pos.line == 8);
    // the inner `tasks` list stays in the tree
    REQUIRE(root.entries[0].value.entries.size() == 1);
    CHECK(root.entries[0].value.entries[0].value.items[0].entries[0].value.scalar == "inner");
    CHECK(diagnostics.empty());
}
