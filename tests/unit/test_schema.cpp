// The schema as data (pgi/schema.hpp, lib/src/schema_tables.cpp): write → load is the
// identity on every plan we have, equality ignores positions and nothing else, and the docs'
// field tables are the schema's.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "helpers.hpp"
#include "pgi/io.hpp"
#include "pgi/schema.hpp"
#include "pgi/write.hpp"

using namespace pgi;
namespace fs = std::filesystem;

namespace {

Plan reload(const std::string& text, InputFormat f) {
    LoadResult r = load_plan_text(text, f == InputFormat::toml ? "w.toml" : "w.yaml", f);
    INFO(render_text(r.diagnostics));
    INFO(text);
    REQUIRE(r.plan);
    CHECK(!r.diagnostics.has_errors());
    return *r.plan;
}

// Every plan file under `dir` that loads without errors (update files and bad_* fixtures
// are left out by that test).
std::vector<fs::path> loadable_plans(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        auto ext = e.path().extension();
        if (!e.is_regular_file() || (ext != ".yaml" && ext != ".yml" && ext != ".toml")) continue;
        auto loaded = load_plan_file(e.path());
        if (!loaded) continue;
        const LoadResult& r = *loaded;
        if (r.plan && !r.diagnostics.has_errors() && !r.plan->meta.issuer.empty()) out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("every example and fixture plan, written as YAML and as TOML, reads back equal") {
    std::vector<fs::path> plans = loadable_plans(PGI_EXAMPLES_DIR);
    for (const auto& p : loadable_plans(PGI_FIXTURES_DIR)) plans.push_back(p);
    // examples/lang-son-2024/plan.{yaml,toml}, good_minimal, good_update_sources, warn_not_nfc,
    // and the plans of the discovery and import fixtures: never silently none
    REQUIRE(plans.size() >= 5);
    for (const auto& path : plans) {
        CAPTURE(path.string());
        Plan p = *load_plan_file(path).value().plan;
        std::string y = write_plan_yaml(p), t = write_plan_toml(p);
        CHECK(reload(y, InputFormat::yaml) == p);
        CHECK(reload(t, InputFormat::toml) == p);
        CHECK(write_plan_yaml(reload(y, InputFormat::yaml)) == y);
        CHECK(write_plan_toml(reload(t, InputFormat::toml)) == t);
    }
}

TEST_CASE("the plan's own updates: list is written and reads back") {
    LoadResult r = load_plan_file(pgi::test::fixture("plans/good_update_sources.yaml")).value();
    REQUIRE(r.plan);
    const std::vector<std::string> sources{"updates/", "bao-cao/**/*.yaml"};
    CHECK(r.plan->update_sources == sources);
    std::string y = write_plan_yaml(*r.plan), t = write_plan_toml(*r.plan);
    CHECK(y.find("updates:\n  - \"updates/\"\n  - \"bao-cao/**/*.yaml\"\n") != std::string::npos);
    CHECK(t.find("updates = [\"updates/\", \"bao-cao/**/*.yaml\"]\n") != std::string::npos);
    CHECK(reload(y, InputFormat::yaml).update_sources == sources);
    CHECK(reload(t, InputFormat::toml).update_sources == sources);
}

TEST_CASE("plan equality ignores source positions and the origin, and nothing else") {
    LoadResult r = load_plan_file(pgi::test::example("lang-son-2024/plan.yaml")).value();
    REQUIRE(r.plan);
    const Plan& p = *r.plan;
    REQUIRE(!p.tasks.empty());
    REQUIRE(!p.owners.empty());
    REQUIRE(!p.observations.empty());

    Plan moved = p;
    moved.file = "elsewhere.yaml";
    moved.meta.location.line += 7;
    moved.tasks[0].location.line += 7;
    moved.tasks[0].lead_at.column += 2;
    moved.tasks[0].cooperating_at.clear();
    moved.observations[0].score_locations.clear();
    moved.update_files.push_back("x.yaml");
    CHECK(moved == p);

    // one changed value anywhere makes the plans differ
    auto differs = [&](auto change) {
        Plan q = p;
        change(q);
        return !(q == p);
    };
    CHECK(differs([](Plan& q) { q.meta.place += "!"; }));
    CHECK(differs([](Plan& q) { q.meta.period.end = 2099; }));
    CHECK(differs([](Plan& q) { q.components[0].aliases.push_back("x"); }));
    CHECK(differs([](Plan& q) { q.components[0].scale_max = Score::from_hundredths(999); }));
    CHECK(differs([](Plan& q) { q.tasks[0].note += "!"; }));
    CHECK(differs([](Plan& q) { q.tasks[0].recurrence = Recurrence::weekly; }));
    CHECK(differs([](Plan& q) { q.owners[0].kind = OwnerKind::police; }));
    CHECK(differs([](Plan& q) { q.observations[0].rank = 63; }));
    CHECK(differs([](Plan& q) { q.update_sources.push_back("u/"); }));
    CHECK(differs([](Plan& q) {
        TaskUpdate u;
        u.evidence = {"1/BC"};
        q.tasks[0].updates.push_back(u);
    }));
}

TEST_CASE("one spelling table per enum: names and parsing agree") {
    for (TaskStatus s : enum_values<TaskStatus>()) CHECK(parse_task_status(to_string(s)) == s);
    for (Recurrence x : enum_values<Recurrence>()) CHECK(parse_recurrence(to_string(x)) == x);
    for (OwnerKind x : enum_values<OwnerKind>()) CHECK(parse_owner_kind(to_string(x)) == x);
    CHECK(enum_count<TaskStatus> == 5);
    CHECK(enum_count<Recurrence> == 8);
    CHECK(enum_names_text<TaskStatus>() == "not_started, in_progress, done, blocked or cancelled");
    CHECK_FALSE(parse_task_status("Done"));
    CHECK_FALSE(parse_enum<ObservationKind>("offical"));
}

TEST_CASE("the schema tables: keys, required keys and allowed values as the reader takes them") {
    const schema::StructInfo* tasks = nullptr;
    for (const auto* s : schema::plan_structs())
        if (s->name == "tasks[]") tasks = s;
    REQUIRE(tasks);
    std::vector<std::string> keys, required;
    for (const auto& f : tasks->fields) {
        keys.push_back(f.key);
        if (f.required) required.push_back(f.key);
    }
    CHECK(keys == std::vector<std::string>{"id", "component", "lead", "cooperating", "text", "due", "recurrence",
                                           "status", "source", "note", "updates"});
    CHECK(required == std::vector<std::string>{"id", "component", "lead", "text"});
    const auto& status = tasks->fields[7];
    CHECK(status.allowed == std::vector<std::string>{"not_started", "in_progress", "done", "blocked", "cancelled"});
    CHECK(status.default_text == "not_started");
    // a key the tables do not have is reported with the table's keys, in table order
    auto r = pgi::test::load("pgi: 1\nplan: {issuer: U, title: T, period: {start: 2024}, plce: x}\ncomponents: []\n");
    REQUIRE(!r.diagnostics.items().empty());
    CHECK(r.diagnostics.items()[0].code == "unknown-key");
    CHECK(r.diagnostics.items()[0].hint == "did you mean `place`?");
}

TEST_CASE("the docs' field tables are generated from the schema") {
    for (const char* doc : {"docs/plan-format.md", "docs/tracking.md"}) {
        CAPTURE(doc);
        auto text = read_file(std::string(PGI_SOURCE_DIR) + "/" + doc);
        REQUIRE(text);
        std::vector<std::string> unknown;
        CHECK(schema::regenerate_docs(*text, &unknown) == *text);
        CHECK(unknown.empty());
    }
    // a block is rewritten from the table, whatever it held
    std::string stale = "x\n<!-- schema: plan.period -->\n| old |\n<!-- /schema -->\ny\n";
    CHECK(schema::regenerate_docs(stale) ==
          "x\n<!-- schema: plan.period -->\n| key | type | required | meaning |\n|---|---|---|---|\n"
          "| `start` | year | yes | the first year |\n"
          "| `end` | year | no | the last year; omit for an open-ended plan |\n<!-- /schema -->\ny\n");
}
