// Writing plans (lib/include/pgi/write.hpp): what is written reads back as the same plan.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "pgi/io.hpp"
#include "pgi/write.hpp"

using namespace pgi;

namespace {

Plan example_plan() {
    LoadResult r = load_plan_file(pgi::test::example("lang-son-2024/plan.yaml")).value();
    REQUIRE(r.plan);
    return *r.plan;
}

Plan reload(const std::string& text, InputFormat f) {
    LoadResult r = load_plan_text(text, f == InputFormat::toml ? "w.toml" : "w.yaml", f);
    validate_loaded(r);
    INFO(render_text(r.diagnostics));
    INFO(text);
    REQUIRE(r.plan);
    CHECK(!r.diagnostics.has_errors());
    return *r.plan;
}

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

// A plan that uses every key of the format, with awkward values.
Plan awkward_plan() {
    Plan p;
    p.meta.document_number = "/KH-UBND";
    p.meta.issuer = "UBND \"tỉnh\" Mẫu: #1 \\ 'x'";
    p.meta.title = "Line one\nline two\twith a tab — and “quotes”";
    p.meta.issued = PartialDate{2024, 0, 0};
    p.meta.place = "yes";
    p.meta.language = "en";
    p.meta.period = Period{2024, 2026};
    p.meta.parents.push_back({"163/KH-UBND", PartialDate{2024, 7, 12}, "UBND tỉnh", "Về: [brackets] {braces}", {}});
    p.meta.references.push_back({"Luật Bảo vệ môi trường năm 2020", PartialDate{2020, 0, 0}, "", "", {}});
    p.meta.references.push_back({"12/QĐ-UBND", PartialDate{2024, 1, 0}, "", "", {}});
    p.meta.focal_agency = "null-office";
    ReportDeadline r;
    r.due = Date{2024, 12, 1};
    r.from = {"yes", "a.b"};
    r.to = "null-office";
    r.frequency = Recurrence::quarterly;
    r.source = "III.1";
    r.note = "- starts like a list item: and has a colon";
    p.meta.reports.push_back(r);

    Component c;
    c.id = "c.1";
    c.number = 2;
    c.name = "2024";
    c.name_en = "true";
    c.aliases = {"~", "null", ""};
    c.scale_min = Score::from_hundredths(-500);
    c.scale_max = Score::from_hundredths(1050);
    c.baseline = Baseline{2023, Score::from_hundredths(360), {}};
    Target t1;
    t1.year = 2024;
    t1.score = Score::from_hundredths(438);
    t1.stated_increase = Score::from_hundredths(78);
    t1.source = "II.3";
    t1.note = "note";
    Target t2;
    t2.year = 2025;
    t2.kind = TargetKind::rank_top;
    t2.rank = 30;
    Target t3;
    t3.year = 2026;
    t3.kind = TargetKind::rank_increase;
    t3.rank = 5;
    c.targets = {t1, t2, t3};
    p.components.push_back(c);
    p.total.targets.push_back(t2);

    auto add_owner = [&](const char* id, const char* name, const char* name_en, OwnerKind kind,
                         std::vector<std::string> members) {
        Owner o;
        o.id = id;
        o.name = name;
        o.name_en = name_en;
        o.kind = kind;
        o.members = std::move(members);
        p.owners.push_back(o);
    };
    add_owner("null-office", "Office \u2028 with a line separator", "", OwnerKind::department, {});
    add_owner("yes", "Yes", "Yes, in English", OwnerKind::other, {});
    add_owner("a.b", "A.B", "", OwnerKind::group, {"yes", "null-office"});

    Task t;
    t.id = "2024";
    t.component = "c.1";
    t.lead = "yes";
    t.cooperating = {"a.b"};
    // (a control character such as \x01 is written escaped, but reading refuses it:
    // `control-character`, test_load.cpp / validate_bad_escaped_controls_*)
    t.text = "Text with \t a tab and 100% \"quotes\"";
    t.due = PartialDate{2024, 9, 0};
    t.recurrence = Recurrence::half_yearly;
    t.status = TaskStatus::blocked;
    t.source = "II.1.đ.1";
    t.note = "Ghi chú";
    TaskUpdate u;
    u.date = Date{2024, 10, 5};
    u.status = TaskStatus::in_progress;
    u.percent = 0;
    u.period = "2024-Q3";
    u.note = "n";
    u.evidence = {"Báo cáo số 1/BC", "ảnh: hiện trường"};
    u.reported_by = "yes";
    t.updates.push_back(u);
    p.tasks.push_back(t);

    Observation o;
    o.year = 2024;
    o.published = PartialDate{2025, 5, 0};
    o.kind = ObservationKind::estimate;
    o.source = "VCCI";
    o.scores["c.1"] = Score::from_hundredths(500);
    o.total = Score::from_hundredths(500);
    o.rank = 40;
    p.observations.push_back(o);
    p.update_sources = {"updates/", "bao cáo/[đd]ợt-*.yaml"};
    return p;
}

}  // namespace

TEST_CASE("the Lạng Sơn example written as YAML and as TOML reads back as the same plan") {
    Plan p = example_plan();
    CHECK(reload(write_plan_yaml(p), InputFormat::yaml) == p);
    CHECK(reload(write_plan_toml(p), InputFormat::toml) == p);
    CHECK(reload(write_plan(p, PlanFormat::toml), InputFormat::toml) ==
          reload(write_plan(p, PlanFormat::yaml), InputFormat::yaml));
}

TEST_CASE("writing is deterministic and idempotent") {
    Plan p = example_plan();
    std::string y = write_plan_yaml(p);
    CHECK(y == write_plan_yaml(p));
    CHECK(write_plan_yaml(reload(y, InputFormat::yaml)) == y);
    std::string t = write_plan_toml(p);
    CHECK(write_plan_toml(reload(t, InputFormat::toml)) == t);
}

TEST_CASE("scores have exactly two decimals; partial dates stay strings") {
    Plan p = example_plan();
    std::string y = write_plan_yaml(p);
    CHECK(contains(y, "baseline: {year: 2023, score: 3.60}"));
    CHECK(contains(y, "score: 5.30"));
    CHECK(contains(y, "issued: 2024-08\n"));
    CHECK(contains(y, "date: \"2020\""));  // a year alone is quoted, so YAML keeps it a string
    std::string t = write_plan_toml(p);
    CHECK(contains(t, "baseline = { year = 2023, score = 3.60 }"));
    CHECK(contains(t, "score = 5.30\n"));
    CHECK(contains(t, "issued = \"2024-08\"\n"));
    CHECK(contains(t, "date = 2024-07-12\n"));  // a full date is a TOML date
    CHECK(contains(t, "date = \"2020\"\n"));
    CHECK(contains(t, "period = { start = 2024 }"));
}

TEST_CASE("awkward values: quotes, colons, YAML words, control characters, dotted ids, every key") {
    Plan p = awkward_plan();
    {
        Diagnostics d;
        validate_plan(p, d);
        REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    }
    std::string y = write_plan_yaml(p);
    std::string t = write_plan_toml(p);
    CHECK(reload(y, InputFormat::yaml) == p);
    CHECK(reload(t, InputFormat::toml) == p);
    // Text is always quoted; ids that YAML would read as something else are quoted too.
    CHECK(contains(y, "place: \"yes\""));
    CHECK(contains(y, "lead: \"yes\""));
    CHECK(contains(y, "id: \"2024\""));
    CHECK(contains(y, "focal_agency: null-office"));
    CHECK(contains(t, "\"c.1\" = 5.00"));  // a dotted key is quoted in TOML
}

TEST_CASE("header comments and task line comments") {
    Plan p = example_plan();
    p.tasks[0].location.line = 33;
    WriteOptions o;
    o.header_comment = {"Imported by pgi import from seed.txt.", ""};
    o.task_line_comments = true;
    std::string y = write_plan_yaml(p, o);
    CHECK(y.rfind("# Imported by pgi import from seed.txt.\n#\n\npgi: 1\n", 0) == 0);
    CHECK(contains(y, "- id: c1.a.1  # line 33\n"));
    std::string t = write_plan_toml(p, o);
    CHECK(t.rfind("# Imported by pgi import from seed.txt.\n#\n\npgi = 1\n", 0) == 0);
    CHECK(contains(t, "id = \"c1.a.1\"  # line 33\n"));
    CHECK(reload(y, InputFormat::yaml) == p);
    CHECK(reload(t, InputFormat::toml) == p);
}

TEST_CASE("a header comment line cannot end the comment: a file name with line breaks injects no key") {
    // pgi import puts the input file's name in the header comment; a name may hold LF, CR,
    // U+2028 (a line break to YAML 1.1 readers) or an escape sequence.
    Plan p = example_plan();
    WriteOptions o;
    o.header_comment = {"Imported from a\nplan: {title: x}\rfocal_agency: y\u2028z: 1\x1b[2J.yaml."};
    for (PlanFormat f : {PlanFormat::yaml, PlanFormat::toml}) {
        std::string out = write_plan(p, f, o);
        std::string first = out.substr(0, out.find('\n'));
        // one comment line, line breaks shown as spaces, ESC as U+FFFD
        CHECK(first == "# Imported from a plan: {title: x} focal_agency: y z: 1\xEF\xBF\xBD[2J.yaml.");
        CHECK(out.find("\r") == std::string::npos);
        CHECK(out.find("\xE2\x80\xA8") == std::string::npos);
        CHECK(reload(out, f == PlanFormat::yaml ? InputFormat::yaml : InputFormat::toml) == p);
    }
}

TEST_CASE("YAML double-quoted strings carry U+2028 and U+2029 as escapes") {
    // Raw, libyaml and PyYAML read them as line breaks and fold the spaces around them.
    // (U+0085 is a C1 control, refused on reading; yaml-cpp writes it as \x85 itself.)
    Plan p = example_plan();
    p.tasks[0].text = "before\u2028after \u2029para";
    std::string y = write_plan_yaml(p);
    CHECK(contains(y, "\"before\\Lafter \\Ppara\""));
    CHECK(y.find("\xE2\x80\xA8") == std::string::npos);
    CHECK(y.find("\xE2\x80\xA9") == std::string::npos);
    CHECK(y.find("\xC2\x85") == std::string::npos);
    CHECK(reload(y, InputFormat::yaml).tasks[0].text == p.tasks[0].text);
}

TEST_CASE("a plan without components writes the required keys and reads back") {
    Plan p;
    p.meta.issuer = "UBND";
    p.meta.title = "T";
    p.meta.period.start = 2024;
    std::string y = write_plan_yaml(p), t = write_plan_toml(p);
    CHECK(contains(y, "components: []\n"));
    CHECK(t.rfind("pgi = 1\ncomponents = []\n", 0) == 0);  // before any [table], so it stays top-level
    LoadResult ry = load_plan_text(y, "e.yaml"), rt = load_plan_text(t, "e.toml");
    REQUIRE(ry.plan);
    REQUIRE(rt.plan);
    CHECK(*ry.plan == p);
    CHECK(*rt.plan == p);
}

TEST_CASE("output formats by extension") {
    CHECK(plan_format_for("p.yaml") == PlanFormat::yaml);
    CHECK(plan_format_for("P.YML") == PlanFormat::yaml);
    CHECK(plan_format_for("dir/p.toml") == PlanFormat::toml);
    CHECK(plan_format_for("p.json") == std::nullopt);
    CHECK(plan_format_for("p") == std::nullopt);
}
