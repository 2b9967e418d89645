#include <doctest/doctest.h>

#include "helpers.hpp"
#include "pgi/report.hpp"
#include "pgi/updates.hpp"

using namespace pgi;
using pgi::test::example;

namespace {

Plan sample() {
    return pgi::test::lang_son_with_updates();
}

PeriodicReport october(const Plan& plan) {
    ReportOptions o;
    o.period = *parse_period("2024-10");
    o.as_of = Date{2024, 11, 5};
    o.sources = {SourceFile{"examples/lang-son-2024/plan.yaml", "git 0123456789ab"},
                 SourceFile{"examples/lang-son-2024/updates/schedule.yaml", ""}};
    return build_report(plan, o);
}

// RFC 4180 records of `csv` (CRLF line ends, quoted fields with doubled quotes).
std::vector<std::vector<std::string>> parse_csv(const std::string& csv) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"')
                field += csv[++i];
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    rows.pop_back();  // after the last CRLF
    return rows;
}

const OwnerSummary& owner(const PeriodicReport& r, const char* id) {
    for (const auto& o : r.owners)
        if (o.owner.id == id) return o;
    FAIL("no owner " << id);
    return r.owners.front();
}

}  // namespace

// The expected numbers below are counted by hand from examples/lang-son-2024/updates/
// (invented sample data), as of 2024-11-05, for October 2024.
TEST_CASE("the October 2024 report of the sample: tasks by component") {
    Plan plan = sample();
    PeriodicReport r = october(plan);
    // done: c1.a.3 (Oct 28), c3.a.3 (Nov 2); blocked: c3.d.1; in progress: c1.a.2 (Oct: 90%),
    // c1.b.2 and c2.a.2 (carried), c1.b.4, c1.c.2, c1.e.2, c1.h.3, c4.a.1, c4.b.1
    CHECK(r.all_tasks.tasks == 44);
    CHECK(r.all_tasks.count(TaskStatus::done) == 2);
    CHECK(r.all_tasks.count(TaskStatus::in_progress) == 9);
    CHECK(r.all_tasks.count(TaskStatus::blocked) == 1);
    CHECK(r.all_tasks.count(TaskStatus::not_started) == 32);
    CHECK(r.all_tasks.count(TaskStatus::cancelled) == 0);
    CHECK(r.all_tasks.overdue == 1);
    CHECK(r.all_tasks.percent_done() == "4.5");  // 2 / 44
    REQUIRE(r.components.size() == 4);
    const int expected[4][5] = {{23, 1, 6, 16, 0}, {9, 0, 1, 8, 0}, {9, 1, 0, 7, 1}, {3, 0, 2, 1, 0}};
    const char* percent[4] = {"4.3", "0.0", "11.1", "0.0"};  // 1/23, 0/9, 1/9, 0/3
    for (int i = 0; i < 4; ++i) {
        const StatusCounts& c = r.components[static_cast<std::size_t>(i)].tasks;
        CAPTURE(i);
        CHECK(c.tasks == expected[i][0]);
        CHECK(c.count(TaskStatus::done) == expected[i][1]);
        CHECK(c.count(TaskStatus::in_progress) == expected[i][2]);
        CHECK(c.count(TaskStatus::not_started) == expected[i][3]);
        CHECK(c.count(TaskStatus::blocked) == expected[i][4]);
        CHECK(c.percent_done(i == 2) == (i == 2 ? std::string("11,1") : std::string(percent[i])));
    }
    CHECK(r.components[0].tasks.overdue == 1);  // c1.c.2
    REQUIRE(r.scores);
    CHECK(r.scores->target_year == 2024);
    CHECK(r.scores->total.gap == Score::from_hundredths(504));  // 22.37 - 17.33
}

TEST_CASE("the October 2024 report of the sample: agencies and who has reported") {
    PeriodicReport r = october(sample());
    REQUIRE(r.owners.size() == 13);
    const auto& tnmt = owner(r, "phong-tai-nguyen-va-moi-truong");
    CHECK(tnmt.lead_tasks == 8);
    CHECK(tnmt.cooperating_tasks == 2);  // c1.b.4, c1.e.2
    CHECK(tnmt.tasks.count(TaskStatus::done) == 1);
    CHECK(tnmt.tasks.count(TaskStatus::in_progress) == 3);  // c1.a.2, c2.a.2, c4.a.1
    CHECK(tnmt.reporting.reported);
    CHECK(tnmt.reporting.last_report == Date{2024, 11, 1});
    const auto& qldt = owner(r, "phong-quan-ly-do-thi");
    CHECK(qldt.lead_tasks == 4);
    CHECK(qldt.tasks.count(TaskStatus::in_progress) == 2);  // c1.b.2 (carried), c1.b.4
    CHECK_FALSE(qldt.reporting.reported);
    CHECK(qldt.reporting.late);
    CHECK(qldt.reporting.days_late == 2);  // due 2024-11-03
    const auto& kt = owner(r, "phong-kinh-te");
    CHECK(kt.overdue == std::vector<std::string>{"c1.c.2"});
    const auto& wards = owner(r, "ubnd-cac-phuong-xa");
    CHECK(wards.lead_tasks == 11);  // 9 of its own and the group tasks c3.h.1, c4.b.1
    CHECK(wards.cooperating_tasks == 2);
    CHECK(wards.reporting.last_report == Date{2024, 11, 4});
    CHECK(owner(r, "phong-tai-chinh-ke-hoach").tasks.count(TaskStatus::blocked) == 1);
    CHECK(owner(r, "cac-phong-ban-don-vi").lead_tasks == 1);  // c4.b.1, through its group

    REQUIRE(r.not_reported.size() == 9);
    CHECK(r.not_reported.front().owner.id == "phong-quan-ly-do-thi");
    CHECK(r.not_reported.back().owner.id == "cac-phong-ban-don-vi");
    for (const auto& o : r.not_reported) CHECK(o.reporting.to == "phong-tai-nguyen-va-moi-truong");
}

TEST_CASE("the October 2024 report of the sample: changes, overdue and upcoming deadlines") {
    PeriodicReport r = october(sample());
    REQUIRE(r.changes.size() == 9);
    CHECK(r.changes[0].task == "c1.a.3");
    CHECK(r.changes[0].date == Date{2024, 10, 28});
    CHECK(r.changes[0].before == TaskStatus::in_progress);
    CHECK(r.changes[0].after == TaskStatus::done);
    CHECK(r.changes[0].evidence.size() == 2);
    CHECK(r.changes[2].task == "c1.a.2");  // done for September, in progress for October
    CHECK(r.changes[2].before == TaskStatus::done);
    CHECK(r.changes[2].after == TaskStatus::in_progress);
    CHECK(r.changes[4].task == "c1.c.2");  // no transition, new evidence
    CHECK(r.changes[4].before == r.changes[4].after);
    CHECK(r.changes[4].evidence == std::vector<std::string>{"45/BC-KT"});
    CHECK(r.changes[6].reported_by.id == "ubnd-cac-phuong-xa");  // c1.e.2, as a cooperating owner
    for (const auto& c : r.changes) CHECK(c.task != "c2.a.2");   // its Q3 report is not about October

    REQUIRE(r.overdue.size() == 1);
    CHECK(r.overdue[0].task == "c1.c.2");
    CHECK(r.overdue[0].days == 36);
    CHECK(r.overdue[0].percent == 60);
    REQUIRE(r.upcoming.size() == 2);
    CHECK(r.upcoming[0].task == "c3.d.1");
    CHECK(r.upcoming[0].days == 10);
    CHECK(r.upcoming[1].task == "c1.b.4");
    CHECK(r.upcoming[1].days == 25);
}

TEST_CASE("the Markdown report: Vietnamese labels, dd/mm/yyyy dates, escaped cells") {
    PeriodicReport r = october(sample());
    std::string md = render_report(r, ReportFormat::markdown, {});
    CHECK(md.rfind("# Báo cáo tình hình thực hiện kế hoạch cải thiện chỉ số PGI — tháng 10/2024\n", 0) == 0);
    CHECK(md.find("- **Kỳ báo cáo:** tháng 10/2024 (từ 01/10/2024 đến 31/10/2024)\n") != std::string::npos);
    CHECK(md.find("- **Số liệu tính đến ngày:** 05/11/2024\n") != std::string::npos);
    CHECK(md.find("  - `examples/lang-son-2024/plan.yaml` (git 0123456789ab)\n") != std::string::npos);
    CHECK(md.find("  - `examples/lang-son-2024/updates/schedule.yaml`\n") != std::string::npos);
    CHECK(md.find("## 5. Cơ quan, đơn vị chưa báo cáo") != std::string::npos);
    CHECK(md.find("2 điểm tập kết \\| đã xử lý") != std::string::npos);  // the pipe in c1.a.2's note
    CHECK(md.find("Hoàn thành → Đang thực hiện") != std::string::npos);
    CHECK(md.find("| chậm 2 ngày |") != std::string::npos);
    CHECK(md.find("4.3%") != std::string::npos);
    CHECK(md == render_report(october(sample()), ReportFormat::markdown, {}));  // byte-identical

    ReportRenderOptions comma;
    comma.decimal_comma = true;
    std::string md2 = render_report(r, ReportFormat::markdown, comma);
    CHECK(md2.find("4,3%") != std::string::npos);
    CHECK(md2.find("11,1%") != std::string::npos);
    CHECK(md2.find("6,58") != std::string::npos);
    CHECK(md2.find("4.3%") == std::string::npos);
}

TEST_CASE("the English report") {
    ReportRenderOptions en;
    en.language = Language::en;
    std::string md = render_report(october(sample()), ReportFormat::markdown, en);
    CHECK(md.rfind("# Progress report on the PGI improvement plan — October 2024\n", 0) == 0);
    CHECK(md.find("- **As of:** 2024-11-05\n") != std::string::npos);
    CHECK(md.find("City Division of Urban Management") != std::string::npos);
    CHECK(md.find("Not reported, late by 2 days") != std::string::npos);
}

TEST_CASE("the CSV report: BOM on request, one rectangular RFC 4180 table with section keys") {
    PeriodicReport r = october(sample());
    ReportRenderOptions excel;
    excel.csv = csv_dialect(CsvStyle::excel);
    std::string csv = render_report(r, ReportFormat::csv, excel);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(render_report(r, ReportFormat::csv, {}).rfind("header,", 0) == 0);
    auto rows = parse_csv(csv.substr(3));
    REQUIRE(rows.size() > 10);
    for (const auto& row : rows) CHECK(row.size() == rows[0].size());
    std::size_t owners = 0, changes = 0, not_reported = 0;
    for (const auto& row : rows) {
        owners += row[0] == "owners";
        changes += row[0] == "changes";
        not_reported += row[0] == "not_reported";
    }
    CHECK(owners == 14);  // a label record and 13 agencies
    CHECK(changes == 10);
    CHECK(not_reported == 10);
    bool found = false;
    for (const auto& row : rows)
        if (row[0] == "components" && row[1].empty()) {  // the all-components row
            found = true;
            CHECK(row[2] == "Tổng cộng");
            CHECK(row[3] == "44");
            CHECK(row[10] == "4.5");
        }
    CHECK(found);

    ReportRenderOptions comma;
    comma.decimal_comma = true;
    CHECK(render_report(r, ReportFormat::csv, comma).find(",\"4,5\",") != std::string::npos);
    ReportRenderOptions vi;  // excel-vi: `;` between fields, so 4,5 needs no quotes
    vi.csv = csv_dialect(CsvStyle::excel_vi);
    std::string vi_csv = render_report(r, ReportFormat::csv, vi);
    CHECK(vi_csv.rfind("\xEF\xBB\xBF"
                       "header;",
                       0) == 0);
    CHECK(vi_csv.find(";4,5;") != std::string::npos);
}

TEST_CASE("report cells cannot inject formulas or break tables") {
    Plan plan = sample();
    for (auto& t : plan.tasks)
        if (t.id == "c1.c.2") {
            t.updates.back().note = "=HYPERLINK(\"http://x\")";
            t.updates[1].note = "line one\nline two | three";  // the October update
        }
    PeriodicReport r = october(plan);
    std::string csv = render_report(r, ReportFormat::csv, {});
    CHECK(csv.find("=HYPERLINK") == std::string::npos);  // a November update: not in the October report
    std::string md = render_report(r, ReportFormat::markdown, {});
    CHECK(md.find("line one<br>line two \\| three") != std::string::npos);
    CHECK(csv.find("\"line one\nline two | three\"") != std::string::npos);
    r.changes[0].note = "=1+2";
    r.changes[1].note = "@SUM(A1)";
    csv = render_report(r, ReportFormat::csv, {});
    CHECK(csv.find(",'=1+2,") != std::string::npos);
    CHECK(csv.find(",'@SUM(A1),") != std::string::npos);
}

TEST_CASE("period labels in both languages") {
    auto label = [](const char* p, Language l) { return period_label(*parse_period(p), l); };
    CHECK(label("2024-10", Language::vi) == "tháng 10/2024");
    CHECK(label("2024-Q3", Language::vi) == "quý III/2024");
    CHECK(label("2024-H1", Language::vi) == "6 tháng đầu năm 2024");
    CHECK(label("2024-H2", Language::vi) == "6 tháng cuối năm 2024");
    CHECK(label("2024", Language::vi) == "năm 2024");
    CHECK(label("2024-08-01..2024-10-31", Language::vi) == "từ 01/08/2024 đến 31/10/2024");
    CHECK(label("2024-10", Language::en) == "October 2024");
    CHECK(label("2024-Q3", Language::en) == "Q3 2024");
    CHECK(label("2024-H2", Language::en) == "second half of 2024");
    CHECK(label("2024-08-01..2024-10-31", Language::en) == "2024-08-01 to 2024-10-31");
    CHECK(status_label(TaskStatus::blocked, Language::vi) == "Vướng mắc");
}

TEST_CASE("the task list in CSV and JSON") {
    Plan plan = sample();
    TaskQuery q;
    q.as_of = Date{2024, 12, 2};
    q.overdue = true;
    auto rows = query_tasks(plan, q);
    TaskListOptions o;
    o.csv = csv_dialect(CsvStyle::excel);
    std::string csv = render_task_list(plan, rows, q.as_of, TaskListFormat::csv, o);
    auto records = parse_csv(csv.substr(3));
    REQUIRE(records.size() == 4);
    CHECK(records[0][0] == "id");
    CHECK(records[2][0] == "c1.c.2");
    CHECK(records[2][4] == "in_progress");
    CHECK(records[2][7] == "63");
    std::string json = render_task_list(plan, rows, q.as_of, TaskListFormat::json, {});
    CHECK(json.find("\"count\": 3") != std::string::npos);
    CHECK(json.find("\"overdue_days\": 17") != std::string::npos);
    std::string table = render_task_list(plan, rows, q.as_of, TaskListFormat::table, {});
    CHECK(table.find("63 ngày") != std::string::npos);
    CHECK(table.find("…") != std::string::npos);  // long text is cut
}

TEST_CASE("past 20 sources the Markdown header lists update files per directory, the CSV every file") {
    PeriodicReport r = october(sample());
    r.sources = {SourceFile{"p/plan.yaml", "git abc"}};
    for (int i = 0; i < 12; ++i) r.sources.push_back({"p/updates/2024-10/a" + std::to_string(i) + ".yaml", "git abc"});
    for (int i = 0; i < 10; ++i)
        r.sources.push_back(
            {"p/updates/2024-11/b" + std::to_string(i) + ".yaml", i < 8 ? "git abc" : "git abc, modified"});
    r.sources.push_back({"p/updates/schedule.yaml", ""});
    std::string md = render_report(r, ReportFormat::markdown, {});
    CHECK(md.find("  - `p/plan.yaml` (git abc)\n"
                  "  - `p/updates/2024-10/` — 12 tệp (git abc)\n"
                  "  - `p/updates/2024-11/` — 10 tệp (git abc: 8; git abc, modified: 2)\n"
                  "  - `p/updates/` — 1 tệp\n\n") != std::string::npos);
    CHECK(md.find("a3.yaml") == std::string::npos);
    std::string csv = render_report(r, ReportFormat::csv, {});
    CHECK(csv.find("p/updates/2024-10/a3.yaml,git abc") != std::string::npos);
}

// The sample's first update is dated 2024-09-02 (examples/lang-son-2024/updates/2024-09/).
TEST_CASE("the default period as of a day before any update: July 2024, nothing changed, nobody reported") {
    Plan plan = sample();
    ReportOptions o;
    o.as_of = Date{2024, 8, 15};
    o.period = default_report_period(o.as_of);
    CHECK(o.period == *parse_period("2024-07"));
    PeriodicReport r = build_report(plan, o);
    CHECK(r.changes.empty());
    REQUIRE_FALSE(r.owners.empty());
    for (const auto& ow : r.owners) CHECK_FALSE(ow.reporting.reported);
}
