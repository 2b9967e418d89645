// Rendering of the gap table in four formats. Pure: report in, string out.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pgi/gap.hpp"
#include "pgi/table.hpp"

namespace pgi {

namespace {

struct Labels {
    const char* title;         // "Gap to the {year} targets as of {date}"
    const char* number;
    const char* component;
    const char* baseline;
    const char* current;
    const char* source;
    const char* target;
    const char* gap;
    const char* achieved;
    const char* status;
    const char* met;
    const char* not_met;
    const char* total;
    const char* all_tasks;
    const char* from_baseline;  // "baseline {year}"
    const char* from_official;  // "PGI {year}"
    const char* from_estimate;  // "estimate {year}"
    const char* from_mixed;
    const char* tasks_title;
    const char* tasks;
    const char* statuses[5];
    const char* rank_top;       // "rank {n} or better"
    const char* rank_increase;  // "up {n} places"
    const char* other_targets;
    const char* note_gap;
};

const Labels en{"Gap to the {} targets as of {}",
                "#",
                "Component",
                "Baseline",
                "Current",
                "Source",
                "Target",
                "Gap",
                "Achieved",
                "Status",
                "met",
                "not met",
                "Total PGI",
                "All components",
                "baseline {}",
                "PGI {} (published {})",
                "estimate {} ({})",
                "mixed sources",
                "Tasks by status as of {}",
                "Tasks",
                {"Not started", "In progress", "Done", "Blocked", "Cancelled"},
                "rank {} or better",
                "up {} places",
                "Other targets for {}",
                "Gap = target − current (negative: target beaten). Achieved = share of the planned increase (target − baseline) reached."};

const Labels vi{"Khoảng cách tới mục tiêu năm {} tính đến ngày {}",
                "TT",
                "Chỉ số thành phần",
                "Điểm cơ sở",
                "Hiện tại",
                "Nguồn",
                "Mục tiêu",
                "Khoảng cách",
                "Tỷ lệ đạt",
                "Đánh giá",
                "đạt",
                "chưa đạt",
                "Tổng điểm PGI",
                "Tất cả chỉ số",
                "điểm cơ sở {}",
                "PGI {} (công bố {})",
                "ước tính {} ({})",
                "nhiều nguồn",
                "Nhiệm vụ theo trạng thái tính đến ngày {}",
                "Số nhiệm vụ",
                {"Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Vướng mắc", "Đã hủy"},
                "trong nhóm {} tỉnh dẫn đầu",
                "tăng {} bậc",
                "Mục tiêu khác năm {}",
                "Khoảng cách = mục tiêu − hiện tại (số âm: vượt mục tiêu). Tỷ lệ đạt = phần mức tăng kế hoạch (mục tiêu − điểm cơ sở) đã đạt được."};

const Labels& labels(Language l) { return l == Language::en ? en : vi; }

std::string opt_score(const std::optional<Score>& s, bool comma) { return s ? format_score(*s, comma) : "—"; }

std::string source_text(const GapRow& r, const Labels& L) {
    switch (r.current_source) {
        case CurrentSource::none: return r.current ? L.from_mixed : "—";
        case CurrentSource::baseline: return fmt::format(fmt::runtime(L.from_baseline), r.current_year);
        case CurrentSource::observation:
            return fmt::format(fmt::runtime(r.observation_kind == ObservationKind::official ? L.from_official : L.from_estimate),
                               r.current_year, r.published ? format_partial_date(*r.published) : "?");
    }
    return "—";
}

// The share of the planned increase; meaningless ("—") when no increase was planned.
std::optional<std::string> achieved_percent(const GapRow& r, bool comma = false) {
    if (!r.achieved_increase || !r.planned_increase || *r.planned_increase <= Score{}) return std::nullopt;
    return format_percent(*r.achieved_increase, *r.planned_increase, comma);
}

std::string achieved_text(const GapRow& r, bool comma) {
    if (!achieved_percent(r)) return "—";
    auto p = format_percent(*r.achieved_increase, *r.planned_increase, comma);
    return p ? *p + "%" : "—";
}

Cell status_cell(const GapRow& r, const Labels& L) {
    if (!r.met) return Cell("—");
    return *r.met ? Cell(L.met, Style::good) : Cell(L.not_met, Style::bad);
}

std::string row_name(const GapRow& r, Language lang) {
    if (lang == Language::en && !r.name_en.empty()) return r.name_en;
    return r.name;
}

Table gap_table(const GapReport& rep, const GapRenderOptions& o) {
    const Labels& L = labels(o.language);
    Table t;
    auto by = [](const char* label, std::optional<int> year) {
        return year ? fmt::format("{} {}", label, *year) : std::string(label);
    };
    std::optional<int> common_baseline_year = rep.total.baseline_year;
    t.header = {L.number, L.component, by(L.baseline, common_baseline_year), L.current, L.source,
                by(L.target, rep.target_year), L.gap, L.achieved, L.status};
    t.align = {Align::right, Align::left, Align::right, Align::right, Align::left, Align::right, Align::right,
               Align::right, Align::left};
    auto row = [&](const GapRow& r, std::string num, std::string name) {
        Style gap_style = !r.met ? Style::plain : *r.met ? Style::good : Style::bad;
        std::string base = opt_score(r.baseline, o.decimal_comma);
        if (r.baseline && r.baseline_year && r.baseline_year != common_baseline_year)
            base += fmt::format(" ({})", *r.baseline_year);
        t.rows.push_back({Cell(std::move(num)), Cell(std::move(name)), Cell(base),
                          Cell(opt_score(r.current, o.decimal_comma)), Cell(source_text(r, L)),
                          Cell(opt_score(r.target, o.decimal_comma)),
                          Cell(r.gap ? format_score(*r.gap, o.decimal_comma) : "—", gap_style),
                          Cell(achieved_text(r, o.decimal_comma)), status_cell(r, L)});
    };
    for (const auto& r : rep.components)
        row(r, r.number ? std::to_string(r.number) : "", row_name(r, o.language));
    row(rep.total, "", L.total);
    return t;
}

Table task_table(const GapReport& rep, const GapRenderOptions& o) {
    const Labels& L = labels(o.language);
    Table t;
    t.header = {L.number, L.component, L.tasks};
    for (const char* s : L.statuses) t.header.push_back(s);
    t.align = {Align::right, Align::left, Align::right, Align::right, Align::right, Align::right, Align::right,
               Align::right};
    auto row = [&](const GapRow& r, std::string num, std::string name) {
        std::vector<Cell> cells{Cell(std::move(num)), Cell(std::move(name)), Cell(std::to_string(r.tasks))};
        for (std::size_t i = 0; i < r.tasks_by_status.size(); ++i) {
            Style s = Style::plain;
            if (i == static_cast<std::size_t>(TaskStatus::blocked) && r.tasks_by_status[i] > 0) s = Style::bad;
            cells.emplace_back(std::to_string(r.tasks_by_status[i]), s);
        }
        t.rows.push_back(std::move(cells));
    };
    for (const auto& r : rep.components)
        row(r, r.number ? std::to_string(r.number) : "", row_name(r, o.language));
    row(rep.total, "", L.all_tasks);
    return t;
}

std::string other_targets(const GapReport& rep, const Labels& L, const char* bullet) {
    if (rep.total_other_targets.empty()) return {};
    std::string out = fmt::format(fmt::runtime(L.other_targets), rep.target_year) + ":\n";
    for (const auto& t : rep.total_other_targets) {
        const char* f = t.kind == TargetKind::rank_top ? L.rank_top : L.rank_increase;
        out += fmt::format("{}{}\n", bullet, fmt::format(fmt::runtime(f), t.rank));
    }
    return out;
}

std::string heading(const GapReport& rep, const Labels& L) {
    return fmt::format(fmt::runtime(L.title), rep.target_year, format_date(rep.as_of));
}

std::string plan_line(const GapReport& rep) {
    std::string s = rep.plan_issuer;
    // A draft leaves the number blank ("Số: /KH-UBND"): show the gap as "…/KH-UBND".
    std::string number = !rep.plan_document.empty() && rep.plan_document.front() == '/' ? "…" + rep.plan_document
                                                                                        : rep.plan_document;
    if (!number.empty()) s += (s.empty() ? "" : ", ") + number;
    return s;
}

nlohmann::ordered_json score_json(const std::optional<Score>& s) {
    if (!s) return nullptr;
    // hundredths / 100 printed by nlohmann's shortest round-trip: 1.63, not 1.6299999
    return static_cast<double>(s->hundredths()) / 100.0;
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
    for (std::size_t i = 0; i < r.tasks_by_status.size(); ++i)
        tasks[to_string(static_cast<TaskStatus>(i))] = r.tasks_by_status[i];
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
    return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_csv(const GapReport& rep) {
    Table t;
    t.header = {"id", "number", "name", "baseline_year", "baseline", "current", "current_source", "current_year",
                "published", "target_year", "target", "gap", "planned_increase", "achieved_increase",
                "achieved_percent", "met", "tasks", "not_started", "in_progress", "done", "blocked", "cancelled"};
    auto row = [&](const GapRow& r) {
        auto s = [](const std::optional<Score>& v) { return v ? format_score(*v) : std::string(); };
        std::vector<Cell> cells{
            Cell(r.id),
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
            Cell(achieved_percent(r).value_or("")),
            Cell(r.met ? (*r.met ? "true" : "false") : ""),
            Cell(std::to_string(r.tasks))};
        for (int n : r.tasks_by_status) cells.emplace_back(std::to_string(n));
        t.rows.push_back(std::move(cells));
    };
    for (const auto& r : rep.components) row(r);
    row(rep.total);
    return pgi::render_csv(t, true);
}

}  // namespace

std::string render_gap(const GapReport& rep, GapFormat format, const GapRenderOptions& o) {
    const Labels& L = labels(o.language);
    switch (format) {
        case GapFormat::json: return render_json(rep);
        case GapFormat::csv: return render_csv(rep);
        case GapFormat::markdown: {
            std::string out = "## " + heading(rep, L) + "\n\n";
            if (!plan_line(rep).empty()) {
                // escaped like a cell, and a leading '#', '+', '-' or '=' cannot start a heading or list
                std::string line = markdown_cell(plan_line(rep) + (rep.plan_title.empty() ? "" : ": " + rep.plan_title));
                if (!line.empty() && std::string_view("#+-=").find(line.front()) != std::string_view::npos)
                    line.insert(line.begin(), '\\');
                out += line + "\n\n";
            }
            out += render_markdown(gap_table(rep, o)) + "\n";
            out += "_" + markdown_cell(L.note_gap) + "_\n\n";
            std::string others = other_targets(rep, L, "- ");
            if (!others.empty()) out += others + "\n";
            out += "### " + fmt::format(fmt::runtime(L.tasks_title), format_date(rep.as_of)) + "\n\n";
            out += render_markdown(task_table(rep, o));
            return out;
        }
        case GapFormat::table: {
            std::string out = heading(rep, L) + "\n";
            if (!plan_line(rep).empty()) out += plan_line(rep) + "\n";
            out += "\n" + render_terminal(gap_table(rep, o), o.color);
            std::string others = other_targets(rep, L, "  - ");
            if (!others.empty()) out += "\n" + others;
            out += "\n" + fmt::format(fmt::runtime(L.tasks_title), format_date(rep.as_of)) + "\n\n";
            out += render_terminal(task_table(rep, o), o.color);
            return out;
        }
    }
    return {};
}

}  // namespace pgi
