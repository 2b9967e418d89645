// Tables and cells shared by the renderers (render_shared.hpp).
#include "render_shared.hpp"

#include <fmt/format.h>

namespace pgi::render {

std::string score_text(const std::optional<Score>& s, bool decimal_comma) {
    return s ? format_score(*s, decimal_comma) : "—";
}

std::string current_source_text(const GapRow& r, Language l) {
    switch (r.current_source) {
        case CurrentSource::none:
            return r.current ? std::string(label(Label::source_mixed, l)) : "—";
        case CurrentSource::baseline:
            return format_label(Label::source_baseline, l, r.current_year);
        case CurrentSource::observation:
            // a total VCCI did not publish (PGI 2024: top 30 only) is the sum, never "published"
            if (r.derived && r.observation_kind == ObservationKind::official)
                return format_label(Label::source_sum, l, r.current_year);
            return format_label(
                r.observation_kind == ObservationKind::official ? Label::source_official : Label::source_estimate, l,
                r.current_year, r.published ? format_partial_date(*r.published, l) : "?");
    }
    return "—";
}

std::string met_text(const GapRow& r, Language l) {
    if (!r.met) return "—";
    return std::string(label(*r.met ? Label::met : Label::not_met, l));
}

std::optional<std::string> achieved_percent(const GapRow& r, bool decimal_comma) {
    if (!r.achieved_increase || !r.planned_increase || *r.planned_increase <= Score{}) return std::nullopt;
    return format_percent(*r.achieved_increase, *r.planned_increase, decimal_comma);
}

Table score_table(const GapReport& rep, const ScoreTableOptions& o) {
    const Language l = o.language;
    auto L = [l](Label k) { return std::string(label(k, l)); };
    auto by = [&](Label k, std::optional<int> year) { return year ? fmt::format("{} {}", L(k), *year) : L(k); };
    const std::optional<int> common_baseline_year = rep.total.baseline_year;
    Table t;
    t.header = {L(Label::col_number),  L(Label::col_component), by(Label::col_baseline, common_baseline_year),
                L(Label::col_current), L(Label::col_source),    by(Label::col_target, rep.target_year),
                L(Label::col_gap)};
    t.align = {Align::right, Align::left, Align::right, Align::right, Align::left, Align::right, Align::right};
    if (o.with_achieved) {
        t.header.push_back(L(Label::col_achieved));
        t.align.push_back(Align::right);
    }
    t.header.push_back(L(Label::col_assessment));
    t.align.push_back(Align::left);
    auto row = [&](const GapRow& r, std::string num, std::string name) {
        Style verdict = !r.met ? Style::plain : *r.met ? Style::good : Style::bad;
        std::string base = score_text(r.baseline, o.decimal_comma);
        if (r.baseline && r.baseline_year && r.baseline_year != common_baseline_year)
            base += fmt::format(" ({})", *r.baseline_year);
        std::vector<Cell> cells{Cell(std::move(num)),
                                Cell(std::move(name)),
                                Cell(base),
                                Cell(score_text(r.current, o.decimal_comma)),
                                Cell(current_source_text(r, l)),
                                Cell(score_text(r.target, o.decimal_comma)),
                                Cell(score_text(r.gap, o.decimal_comma), verdict)};
        if (o.with_achieved) {
            auto p = achieved_percent(r, o.decimal_comma);
            cells.emplace_back(p ? achieved_cell(*p, *r.achieved_increase > *r.planned_increase, l) : "—");
        }
        cells.emplace_back(met_text(r, l), r.met ? verdict : Style::plain);
        t.rows.push_back(std::move(cells));
    };
    for (const auto& r : rep.components)
        row(r, r.number ? std::to_string(r.number) : "", display_name(r.name, r.name_en, l));
    row(rep.total, "", L(Label::total_pgi));
    return t;
}

Table task_count_table(const std::vector<TaskCountRow>& rows, const TaskCountColumns& c) {
    const Language l = c.language;
    auto L = [l](Label k) { return std::string(label(k, l)); };
    Table t;
    t.header = {L(Label::col_number), L(Label::col_component), L(Label::col_tasks)};
    for (TaskStatus s : c.order) t.header.emplace_back(status_label(s, l));
    if (c.overdue_and_done) {
        t.header.push_back(L(Label::col_overdue));
        t.header.push_back(c.csv ? L(Label::col_percent_done) + " (%)" : L(Label::col_percent_done));
    }
    t.align.assign(t.header.size(), Align::right);
    t.align[1] = Align::left;
    for (const auto& r : rows) {
        std::vector<Cell> cells{Cell(r.number), Cell(r.name), Cell(std::to_string(r.tasks))};
        for (TaskStatus s : c.order) {
            int n = r.by_status[static_cast<std::size_t>(s)];
            cells.emplace_back(std::to_string(n), s == TaskStatus::blocked && n > 0 ? Style::bad : Style::plain);
        }
        if (c.overdue_and_done) {
            cells.emplace_back(std::to_string(r.overdue));
            cells.emplace_back(r.percent_done ? *r.percent_done + (c.csv ? "" : "%") : std::string("—"));
        }
        t.rows.push_back(std::move(cells));
    }
    return t;
}

}  // namespace pgi::render
