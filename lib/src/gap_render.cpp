// Rendering of the gap table in four formats. Pure: report in, string out.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "pgi/escape.hpp"
#include "pgi/gap.hpp"
#include "pgi/labels.hpp"
#include "pgi/table.hpp"
#include "rank_json.hpp"
#include "render_shared.hpp"

namespace pgi {

namespace {

using render::achieved_percent;

Table gap_table(const GapReport& rep, const GapRenderOptions& o) {
    return render::score_table(rep, {o.language, o.decimal_comma, /*with_achieved=*/true});
}

render::TaskCountRow count_row(const GapRow& r, std::string number, std::string name) {
    render::TaskCountRow c;
    c.number = std::move(number);
    c.name = std::move(name);
    c.tasks = r.tasks;
    c.by_status = r.tasks_by_status;
    return c;
}

// The component summary: task counts by status in TaskStatus order, no overdue column.
Table task_table(const GapReport& rep, const GapRenderOptions& o) {
    std::vector<render::TaskCountRow> rows;
    for (const auto& r : rep.components)
        rows.push_back(
            count_row(r, r.number ? std::to_string(r.number) : "", display_name(r.name, r.name_en, o.language)));
    rows.push_back(count_row(rep.total, "", std::string(label(Label::all_components, o.language))));
    render::TaskCountColumns columns;
    columns.language = o.language;
    return render::task_count_table(rows, columns);
}

// The rank line (when a table gives the province's placing) and the rank targets, each
// evaluated: met / not met / cannot be evaluated and why (rank.hpp).
std::string other_targets(const GapReport& rep, Language l, const char* bullet, bool comma) {
    std::string out;
    if (rep.rank) out += rank_line(rep.rank_year, rep.province_name, *rep.rank, l) + "\n";
    if (rep.rank_targets.empty()) return out;
    if (!out.empty()) out += "\n";
    out += format_label(Label::gap_rank_targets, l, rep.target_year) + ":\n";
    for (const auto& t : rep.rank_targets) out += fmt::format("{}{}\n", bullet, rank_target_line(t, l, comma));
    return out;
}

std::string heading(const GapReport& rep, Language l) {
    return format_label(Label::gap_title, l, rep.target_year, format_date(rep.as_of, l));
}

std::string plan_line(const GapReport& rep) {
    std::string s = rep.plan_issuer;
    // A draft leaves the number blank ("Số: /KH-UBND"): show the gap as "…/KH-UBND".
    std::string number =
        !rep.plan_document.empty() && rep.plan_document.front() == '/' ? "…" + rep.plan_document : rep.plan_document;
    if (!number.empty()) s += (s.empty() ? "" : ", ") + number;
    return s;
}

nlohmann::ordered_json score_json(const std::optional<Score>& s) {
    if (!s) return nullptr;
    // hundredths / 100 printed by nlohmann's shortest round-trip: 1.63, not 1.6299999
    return static_cast<double>(s->hundredths()) / 100.0;
}

// Whether the current score was published as it stands, derived as the sum of published
// component scores, or is the plan's baseline; empty when there is none or sources are mixed.
const char* current_basis(const GapRow& r) {
    switch (r.current_source) {
        case CurrentSource::observation:
            return r.derived ? "sum_of_components" : "published";
        case CurrentSource::baseline:
            return "baseline";
        case CurrentSource::none:
            break;
    }
    return "";
}

nlohmann::ordered_json row_json(const GapRow& r) {
    nlohmann::ordered_json j;
    j["id"] = r.id;
    if (r.number) j["number"] = r.number;
    j["name"] = r.name;
    if (!r.name_en.empty()) j["name_en"] = r.name_en;
    j["baseline_year"] = r.baseline_year ? nlohmann::ordered_json(*r.baseline_year) : nlohmann::ordered_json(nullptr);
    j["baseline"] = score_json(r.baseline);
    j["current"] = score_json(r.current);
    j["current_source"] = r.current_source == CurrentSource::observation ? "observation"
                          : r.current_source == CurrentSource::baseline  ? "baseline"
                                                                         : "none";
    j["current_year"] = r.current_year ? nlohmann::ordered_json(r.current_year) : nlohmann::ordered_json(nullptr);
    j["current_basis"] = current_basis(r);
    if (r.current_source == CurrentSource::observation) {
        j["published"] = r.published ? format_partial_date(*r.published) : "";
        j["observation_kind"] = to_string(r.observation_kind);
    }
    j["target"] = score_json(r.target);
    j["gap"] = score_json(r.gap);
    j["planned_increase"] = score_json(r.planned_increase);
    j["achieved_increase"] = score_json(r.achieved_increase);
    auto pct = achieved_percent(r);
    j["achieved_percent"] = pct ? nlohmann::ordered_json(std::stod(*pct)) : nlohmann::ordered_json(nullptr);
    j["met"] = r.met ? nlohmann::ordered_json(*r.met) : nlohmann::ordered_json(nullptr);
    nlohmann::ordered_json tasks;
    tasks["total"] = r.tasks;
    for (TaskStatus s : enum_values<TaskStatus>()) tasks[to_string(s)] = r.tasks_by_status[static_cast<std::size_t>(s)];
    j["tasks"] = tasks;
    return j;
}

std::string render_json(const GapReport& rep) {
    nlohmann::ordered_json root;
    root["plan"] = {{"document", rep.plan_document}, {"issuer", rep.plan_issuer}, {"title", rep.plan_title}};
    root["as_of"] = format_date(rep.as_of);
    root["target_year"] = rep.target_year;
    auto comps = nlohmann::ordered_json::array();
    for (const auto& r : rep.components) comps.push_back(row_json(r));
    root["components"] = comps;
    root["total"] = row_json(rep.total);
    auto others = nlohmann::ordered_json::array();
    for (const auto& t : rep.total_other_targets)
        others.push_back({{"year", t.year}, {"kind", to_string(t.kind)}, {"rank", t.rank}});
    root["total_other_targets"] = others;
    auto ranks = nlohmann::ordered_json::array();
    for (const auto& r : rep.rank_targets) ranks.push_back(detail::rank_target_json(r));
    root["rank_targets"] = ranks;
    if (rep.rank) {
        auto j = detail::placing_json(*rep.rank);
        j["year"] = rep.rank_year;
        j["province"] = rep.province_name;
        root["rank"] = j;
    } else {
        root["rank"] = nullptr;
    }
    return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_csv(const GapReport& rep, const CsvDialect& dialect) {
    const bool comma = dialect.decimal_comma;
    Table t;
    t.header = {"id",
                "number",
                "name",
                "baseline_year",
                "baseline",
                "current",
                "current_source",
                "current_year",
                "published",
                "target_year",
                "target",
                "gap",
                "planned_increase",
                "achieved_increase",
                "achieved_percent",
                "met",
                "tasks"};
    for (TaskStatus s : enum_values<TaskStatus>()) t.header.emplace_back(to_string(s));
    t.header.emplace_back("current_basis");  // last: added in issue 9, earlier columns keep their places
    auto row = [&](const GapRow& r) {
        auto s = [comma](const std::optional<Score>& v) { return v ? format_score(*v, comma) : std::string(); };
        std::vector<Cell> cells{Cell(r.id),
                                Cell(r.number ? std::to_string(r.number) : ""),
                                Cell(r.name),
                                Cell(r.baseline_year ? std::to_string(*r.baseline_year) : ""),
                                Cell(s(r.baseline)),
                                Cell(s(r.current)),
                                Cell(r.current_source == CurrentSource::observation ? "observation"
                                     : r.current_source == CurrentSource::baseline  ? "baseline"
                                                                                    : ""),
                                Cell(r.current_year ? std::to_string(r.current_year) : ""),
                                Cell(r.published ? format_partial_date(*r.published) : ""),
                                Cell(std::to_string(rep.target_year)),
                                Cell(s(r.target)),
                                Cell(s(r.gap)),
                                Cell(s(r.planned_increase)),
                                Cell(s(r.achieved_increase)),
                                Cell(achieved_percent(r, comma).value_or("")),
                                Cell(r.met ? (*r.met ? "true" : "false") : ""),
                                Cell(std::to_string(r.tasks))};
        for (int n : r.tasks_by_status) cells.emplace_back(std::to_string(n));
        cells.emplace_back(current_basis(r));  // last: added in issue 9, earlier columns keep their places
        t.rows.push_back(std::move(cells));
    };
    for (const auto& r : rep.components) row(r);
    row(rep.total);
    return pgi::render_csv(t, dialect, true);
}

}  // namespace

std::string render_gap(const GapReport& rep, GapFormat format, const GapRenderOptions& o) {
    const Language l = o.language;
    switch (format) {
        case GapFormat::json:
            return render_json(rep);
        case GapFormat::csv:
            return render_csv(rep, o.csv);
        case GapFormat::markdown: {
            std::string out = "## " + heading(rep, l) + "\n\n";
            if (!plan_line(rep).empty()) {
                // escaped so that it can start neither a heading nor a list
                out += markdown_line(plan_line(rep) + (rep.plan_title.empty() ? "" : ": " + rep.plan_title)) + "\n\n";
            }
            out += render_markdown(gap_table(rep, o)) + "\n";
            out += "_" + markdown_cell(label(Label::gap_note, l)) + "_\n\n";
            std::string others = markdown_lines(other_targets(rep, l, "- ", o.decimal_comma), "- ");
            if (!others.empty()) out += others + "\n";
            out += "### " + format_label(Label::gap_tasks_title, l, format_date(rep.as_of, l)) + "\n\n";
            out += render_markdown(task_table(rep, o));
            return out;
        }
        case GapFormat::table: {
            std::string out = heading(rep, l) + "\n";
            if (!plan_line(rep).empty()) out += visible_line(plan_line(rep)) + "\n";
            out += "\n" + render_terminal(gap_table(rep, o), o.color);
            std::string others = visible_text(other_targets(rep, l, "  - ", o.decimal_comma));
            if (!others.empty()) out += "\n" + others;
            out += "\n" + format_label(Label::gap_tasks_title, l, format_date(rep.as_of, l)) + "\n\n";
            out += render_terminal(task_table(rep, o), o.color);
            return out;
        }
    }
    return {};
}

}  // namespace pgi
