#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "helpers.hpp"
#include "pgi/updates.hpp"

using namespace pgi;
using pgi::test::findings;
using pgi::test::fixture;

namespace {

LoadResult load_dir(std::vector<std::string> extra = {}) {
    PlanSources src;
    src.plan = fixture("updates/plan-dir/plan.yaml");
    src.plan_directory = true;
    for (const auto& e : extra) src.updates.push_back(fixture(e.c_str()));
    LoadResult r = load_plan_with_updates(src).value();
    validate_loaded(r);
    return r;
}

std::vector<std::string> codes(const Diagnostics& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds.items()) out.push_back(d.code);
    return out;
}

std::string tail(const std::string& path, std::size_t parts) {
    std::size_t pos = path.size();
    for (std::size_t i = 0; i < parts && pos != std::string::npos; ++i) pos = path.rfind('/', pos - 1);
    return pos == std::string::npos ? path : path.substr(pos + 1);
}

}  // namespace

TEST_CASE("an update file's reported_by and period apply to entries that do not set their own") {
    auto r = load_update_text(R"(pgi: 1
updates:
  - {task: t1, date: 2024-10-03, status: in_progress, percent: 40, evidence: "12/BC"}
  - {task: t2, date: 2024-10-03, status: done, period: 2024-q3, reported_by: b}
reported_by: a
period: 2024-10
)",
                              "u.yaml");
    REQUIRE(r.updates);
    CHECK(r.diagnostics.empty());
    const auto& u = r.updates->updates;
    REQUIRE(u.size() == 2);
    CHECK(u[0].task == "t1");
    CHECK(u[0].update.reported_by == "a");
    CHECK(u[0].update.period == "2024-10");
    CHECK(u[0].update.percent == 40);
    CHECK(u[0].update.evidence == std::vector<std::string>{"12/BC"});
    CHECK(u[0].update.location.line == 3);
    CHECK(u[1].update.reported_by == "b");
    CHECK(u[1].update.period == "2024-Q3");  // canonical spelling
}

TEST_CASE("update files in TOML carry the same data") {
    auto r = load_update_text(
        "reported_by = \"a\"\nperiod = \"2024-10\"\n[[updates]]\ntask = \"t1\"\ndate = 2024-10-03\n"
        "status = \"done\"\n[[deadlines]]\ntask = \"t1\"\ndue = \"2024-11\"\n",
        "u.toml");
    REQUIRE(r.updates);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.updates->updates.size() == 1);
    CHECK(r.updates->updates[0].update.date == Date{2024, 10, 3});
    REQUIRE(r.updates->deadlines.size() == 1);
    CHECK(r.updates->deadlines[0].due == PartialDate{2024, 11, 0});
}

TEST_CASE("schema errors in update files are located and coded") {
    auto r = load_update_text(R"(reported_by: a
updates:
  - {date: 2024-10-03, status: done}
  - {task: t1, date: 2024-10-03, status: finished, period: 2024-Q5}
  - {task: t1, date: 2024-02-30, status: done, percent: 120}
deadline:
  - {task: t1}
)",
                              "u.yaml");
    REQUIRE(r.updates);
    std::vector<std::string> got;
    for (const auto& d : r.diagnostics.items())
        got.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " + d.code);
    CHECK(got == std::vector<std::string>{"3:5 missing-key", "4:42 invalid-value", "4:60 invalid-value",
                                          "5:22 invalid-date", "5:57 invalid-value", "6:1 unknown-key"});
    CHECK(r.diagnostics.items().back().hint == "did you mean `deadlines`?");
}

TEST_CASE("a plan has `plan` or `components` at the top level; anything else is an update file") {
    CHECK(detect_document_kind("pgi: 1\nplan: {}\n", "x.yaml") == DocumentKind::plan);
    CHECK(detect_document_kind("components: []\n", "x.yaml") == DocumentKind::plan);
    CHECK(detect_document_kind("reported_by: a\nupdates: []\n", "x.yaml") == DocumentKind::updates);
    CHECK(detect_document_kind("[[updates]]\ntask = \"t\"\n", "x.toml") == DocumentKind::updates);
    CHECK(detect_document_kind("plan: [unclosed\n", "x.yaml") == DocumentKind::plan);  // the key comes before the error
    CHECK(!detect_document_kind("reported_by: [unclosed\n", "x.yaml"));  // unparseable: the caller decides
    CHECK(!detect_document_kind("plan: {}\n", "x.json"));                // unknown format
}

TEST_CASE("plan or update file is decided by parsing, not by the look of lines") {
    // quoted keys are keys: a plan written `"plan":` (JSON-style YAML) is a plan
    CHECK(detect_document_kind("\"pgi\": 1\n\"plan\":\n  issuer: UBND\n\"components\": []\n", "x.yaml") ==
          DocumentKind::plan);
    CHECK(detect_document_kind("'plan': {issuer: UBND}\n", "x.yml") == DocumentKind::plan);
    CHECK(detect_document_kind("\"plan\" = {issuer = \"UBND\"}\n", "x.toml") == DocumentKind::plan);
    CHECK(detect_document_kind("[\"plan\"]\nissuer = \"UBND\"\n", "x.toml") == DocumentKind::plan);
    // a note whose continuation line starts `plan:` is text in a scalar, not a key
    // (whereas after an empty block scalar `note: |`, a line `plan: …` at column 1 is a top-level key)
    CHECK(detect_document_kind("reported_by: so-tnmt\nupdates:\n  - task: t1\n    note: |\nplan: nothing\n",
                               "x.yaml") == DocumentKind::plan);
    CHECK(detect_document_kind("reported_by: so-tnmt\nupdates:\n  - task: t1\n    date: 2024-10-01\n    note: \"Xong "
                               "bước 1;\nplan: bước 2 trong quý IV\"\n",
                               "x.yaml") == DocumentKind::updates);
    CHECK(detect_document_kind(
              "reported_by = \"so-tnmt\"\n[[updates]]\ntask = \"t1\"\nnote = \"\"\"\nplan = later\n\"\"\"\n",
              "x.toml") == DocumentKind::updates);
    // keys below the top level do not count
    CHECK(detect_document_kind("updates:\n  - task: t1\n    plan: x\n", "x.yaml") == DocumentKind::updates);
    // --input-format overrides the extension
    CHECK(detect_document_kind("plan = {}\n", "plan.txt", InputFormat::toml) == DocumentKind::plan);
}

TEST_CASE("a file is classified as its text is, read only as far as needed") {
    // detect_file_kind() streams a YAML file into the parser instead of reading it whole;
    // it must decide as detect_document_kind() does on the same bytes
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("pgi-classify-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    struct Case {
        const char* name;
        std::string text;
    };
    const Case cases[] = {
        {"plan.yaml", "pgi: 1\nplan: {}\n"},
        {"bom.yaml",
         "\xEF\xBB\xBF"
         "components: []\n"},  // a UTF-8 byte-order mark is skipped
        {"update.yml", "reported_by: a\nupdates: []\n"},
        {"note.yaml", "reported_by: so-tnmt\nupdates:\n  - task: t1\n    note: |\nplan: nothing\n"},
        {"broken.yaml", "reported_by: [unclosed\n"},
        {"late-error.yaml", "plan: [unclosed\n"},
        {"empty.yaml", ""},
        {"short.yaml", "ab"},  // shorter than a byte-order mark
        {"update.toml", "[[updates]]\ntask = \"t\"\n"},
        {"plan.toml", "\"plan\" = {issuer = \"UBND\"}\n"},
        {"plan.json", "plan: {}\n"},  // unknown format
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        std::ofstream(dir / c.name, std::ios::binary) << c.text;
        CHECK(detect_file_kind(dir / c.name) == detect_document_kind(c.text, c.name));
    }
    CHECK(detect_file_kind(dir / "plan.json") == std::nullopt);
    CHECK(detect_file_kind(dir / "bom.yaml") == DocumentKind::plan);
    CHECK(detect_file_kind(dir / "update.yml") == DocumentKind::updates);
    CHECK(detect_file_kind(dir / "broken.yaml") == std::nullopt);
    // --input-format overrides the extension
    CHECK(detect_file_kind(dir / "plan.json", InputFormat::yaml) == DocumentKind::plan);
    // what read_file() refuses cannot be classified: a directory, a missing file
    fs::create_directories(dir / "d.yaml");
    CHECK(detect_file_kind(dir / "d.yaml") == std::nullopt);
    CHECK(detect_file_kind(dir / "missing.yaml") == std::nullopt);
    fs::remove_all(dir);
}

TEST_CASE("glob patterns: * and ? stay within a component, ** spans any number") {
    CHECK(glob_match("updates/**/*.yaml", "updates/a.yaml"));
    CHECK(glob_match("updates/**/*.yaml", "updates/2024-10/a.yaml"));
    CHECK(glob_match("updates/**/*.yaml", "updates/2024/10/a.yaml"));
    CHECK_FALSE(glob_match("updates/**/*.yaml", "updates/a.toml"));
    CHECK_FALSE(glob_match("updates/*.yaml", "updates/2024-10/a.yaml"));
    CHECK(glob_match("updates/2024-1?/*", "updates/2024-10/x.toml"));
    CHECK_FALSE(glob_match("updates/2024-1?/*", "updates/2024-1/x.toml"));
    CHECK(glob_match("u/?.yaml", "u/đ.yaml"));  // one code point, two bytes
    CHECK(glob_match("u/2024-[01][0-9]/*.yaml", "u/2024-09/a.yaml"));
    CHECK_FALSE(glob_match("u/2024-[!0]*/*.yaml", "u/2024-09/a.yaml"));
    CHECK(glob_match("**", "a/b/c"));
    CHECK(glob_match("./u/*.yaml", "u/a.yaml"));
    // non-ASCII in a class: one character, not two bytes (fnmatch in a UTF-8 locale)
    CHECK(glob_match("updates/[đd]ợt-1.yaml", "updates/đợt-1.yaml"));
    CHECK(glob_match("updates/[đd]ợt-1.yaml", "updates/dợt-1.yaml"));
    CHECK_FALSE(glob_match("updates/[đd]ợt-1.yaml", "updates/eợt-1.yaml"));
    CHECK(glob_match("u/[!đ]*.yaml", "u/a.yaml"));
    CHECK_FALSE(glob_match("u/[!đ]*.yaml", "u/đ.yaml"));
    CHECK(glob_match("u/a\\b.yaml", "u/a\\b.yaml"));  // no escapes: a backslash is itself
}

TEST_CASE("a plan directory merges its updates/ tree in path order, skipping hidden and non-plan files") {
    LoadResult r = load_dir();
    REQUIRE(r.plan);
    CHECK(r.diagnostics.empty());
    const Plan& p = *r.plan;
    REQUIRE(p.update_files.size() == 2);
    CHECK(tail(p.update_files[0], 3) == "updates/2024-10/ubnd-cac-xa.toml");  // "2024-10" < "2024-Q3"
    CHECK(tail(p.update_files[1], 3) == "updates/2024-Q3/so-tnmt.yaml");
    const Task* t1 = p.find_task("t1");
    REQUIRE(t1->updates.size() == 1);
    CHECK(t1->updates[0].reported_by == "so-tnmt");
    CHECK(t1->updates[0].period == "2024-Q3");
    CHECK(p.find_task("t3")->updates.at(0).note == "Tuyên truyền | loa phát thanh");
}

TEST_CASE("a plan file given alone does not read the updates/ tree beside it") {
    PlanSources src;
    src.plan = fixture("updates/plan-dir/plan.yaml");
    LoadResult r = load_plan_with_updates(src).value();
    REQUIRE(r.plan);
    CHECK(r.plan->update_files.empty());
    CHECK(r.plan->find_task("t1")->updates.empty());
}

TEST_CASE("validate: two statuses on one date, unknown tasks and non-owners are errors with both locations") {
    LoadResult r =
        load_dir({"updates/bad_conflict.yaml", "updates/bad_unknown_task.yaml", "updates/bad_not_owner.yaml"});
    REQUIRE(r.plan);
    REQUIRE(codes(r.diagnostics) ==
            std::vector<std::string>{"conflicting-updates", "update-not-owner", "unknown-task"});
    const auto& conflict = r.diagnostics.items()[0];
    CHECK(tail(conflict.location.file, 1) == "bad_conflict.yaml");
    CHECK(conflict.location.line == 4);
    REQUIRE(conflict.related.size() == 1);
    CHECK(tail(conflict.related[0].file, 1) == "so-tnmt.yaml");
    CHECK(conflict.related[0].line == 5);
    const auto& not_owner = r.diagnostics.items()[1];
    CHECK(not_owner.location.line == 7);  // t2; t1 (cooperating) and t3 (member of the lead group) are fine
    CHECK(not_owner.message == "task `t2`: `so-xd` reports on it but is neither its lead nor a cooperating owner");
    CHECK(not_owner.related.at(0).line == 29);  // the task in plan.yaml
    CHECK(r.diagnostics.items()[2].hint == "did you mean `t1`?");
    CHECK(r.plan->unmatched_updates.size() == 1);
}

TEST_CASE("a recurring task may have two statuses on one date for two different periods") {
    LoadResult r = pgi::test::load(std::string(pgi::test::minimal_header) + R"(components: [{id: c, name: C}]
owners: [{id: o, name: O}]
tasks:
  - id: t
    component: c
    lead: o
    text: T
    recurrence: quarterly
    updates:
      - {date: 2024-10-02, status: done, period: 2024-Q3, reported_by: o}
      - {date: 2024-10-02, status: in_progress, period: 2024-Q4, reported_by: o}
      - {date: 2024-10-02, status: blocked, period: 2024-Q4, reported_by: o}
)");
    CHECK(findings(r) == std::vector<std::string>{"17:9 conflicting-updates"});
}

TEST_CASE("deadlines set due dates, warn when they replace one, and reports add duties") {
    LoadResult r = load_dir({"updates/deadlines.yaml"});
    REQUIRE(r.plan);
    REQUIRE(codes(r.diagnostics) == std::vector<std::string>{"due-overridden", "unknown-task"});
    CHECK(r.diagnostics.items()[0].severity == Severity::warning);
    CHECK(r.plan->find_task("t1")->due == PartialDate{2024, 11, 15});
    CHECK(r.plan->find_task("t2")->due == PartialDate{2024, 12, 31});
    REQUIRE(r.plan->meta.reports.size() == 2);  // the plan's quarterly one, then the file's
    CHECK(r.plan->meta.reports[1].from == std::vector<std::string>{"so-xd"});
    CHECK(r.plan->meta.reports[1].frequency == Recurrence::monthly);
}

TEST_CASE("a plan's own updates list expands paths and globs once each, skipping hidden directories") {
    PlanSources src;
    src.plan = fixture("updates/globbed/plan.yaml");
    LoadResult r = load_plan_with_updates(src).value();
    validate_loaded(r);
    REQUIRE(r.plan);
    CHECK(r.diagnostics.empty());
    std::vector<std::string> files;
    for (const auto& f : r.plan->update_files) files.push_back(tail(f, 4));
    CHECK(files == std::vector<std::string>{"reports/2024/10/a.yaml", "updates/globbed/reports/b.yaml",
                                            "fixtures/updates/globbed/extra.toml"});
    CHECK(r.plan->find_task("t1")->updates.size() == 3);
}

TEST_CASE("a missing literal entry in a plan's updates list is an io-error at the key") {
    Plan p;
    p.file = fixture("updates/globbed/plan.yaml");
    p.update_sources = {"no-such-file.yaml", "no-such-dir/**/*.yaml"};
    p.update_sources_location = SourceLocation{p.file, 14, 1};
    Diagnostics d;
    CHECK(expand_update_sources(p, d).empty());
    REQUIRE(d.items().size() == 1);  // a glob that matches nothing is fine
    CHECK(d.items()[0].code == "io-error");
    CHECK(d.items()[0].location.line == 14);
}

TEST_CASE("the same update file named twice is merged once") {
    LoadResult r = load_dir({"updates/plan-dir/updates/2024-Q3/so-tnmt.yaml", "updates/plan-dir/updates"});
    REQUIRE(r.plan);
    CHECK(r.diagnostics.empty());
    CHECK(r.plan->update_files.size() == 2);
}

TEST_CASE("an unreadable update file is an I/O error naming the file") {
    PlanSources src;
    src.plan = fixture("updates/plan-dir/plan.yaml");
    src.updates = {fixture("updates/no-such-file.yaml")};
    auto r = load_plan_with_updates(src);
    REQUIRE(!r);
    CHECK(r.error().code == ErrorCode::io);
    REQUIRE(r.error().location);
    CHECK(r.error().location->file == fixture("updates/no-such-file.yaml"));
}

TEST_CASE("a plan's updates pattern with a non-ASCII class reads the file it names") {
    PlanSources src;
    src.plan = fixture("updates/vietnamese-glob/plan.yaml");
    LoadResult r = load_plan_with_updates(src).value();
    validate_loaded(r);
    REQUIRE(r.plan);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.plan->update_files.size() == 1);
    CHECK(tail(r.plan->update_files[0], 2) == "updates/đợt-1.yaml");
    REQUIRE(r.plan->find_task("t1")->updates.size() == 1);
    CHECK(r.plan->find_task("t1")->updates[0].percent == 40);
}
