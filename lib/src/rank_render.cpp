// Rendering of `pgi rank` and of rank-target lines (rank.hpp). Pure: data in, string out.
#include "rank_render.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "pgi/escape.hpp"
#include "pgi/import.hpp"
#include "pgi/labels.hpp"
#include "pgi/rank.hpp"
#include "pgi/table.hpp"
#include "rank_json.hpp"

namespace pgi {

namespace {

std::string L(Label key, Language l) {
    return std::string(label(key, l));
}

std::string sc(const std::optional<Score>& s, bool comma) {
    return s ? format_score(*s, comma) : "—";
}

std::string basis_text(bool derived, Language l) {
    return L(derived ? Label::rank_basis_derived : Label::rank_basis_published, l);
}

std::string total_text(const Placing& p, Language l, bool comma) {
    if (!p.total) return "—";
    return fmt::format("{} ({})", format_score(*p.total, comma), basis_text(p.total_derived, l));
}

std::string rank_text(const Placing& p, Language l) {
    if (p.published_rank) return fmt::format("{}/{} ({})", *p.published_rank, p.of, L(Label::rank_basis_published, l));
    if (!p.best) return "—";
    if (p.best != p.worst)
        return fmt::format("{}–{}/{} ({})", p.best, p.worst, p.of,
                           format_label(Label::rank_range, l, p.with_total, p.of));
    return fmt::format("{}/{} ({}{})", p.best, p.of, L(Label::rank_implied, l),
                       p.tied ? ", " + L(Label::rank_tied, l) : std::string());
}

std::string region_name(const std::string& id, Language l) {
    const Region* r = find_region(id);
    return r ? (l == Language::en ? r->name_en : r->name) : id;
}

std::string target_label(const Target& t, Language l) {
    switch (t.kind) {
        case TargetKind::rank_top:
            if (!t.region.empty())
                return format_label(Label::rank_target_top_region, l, t.rank, region_name(t.region, l));
            return format_label(Label::target_rank_top, l, t.rank);
        case TargetKind::rank_increase:
            return label_count(Label::target_rank_increase, l, t.rank);
        case TargetKind::rank_not_below:
            return format_label(Label::rank_target_not_below, l, t.rank);
        case TargetKind::score:
            break;
    }
    return {};
}

std::string verdict_text(const RankTargetResult& r, Language l) {
    switch (r.verdict) {
        case Verdict::met:
            return L(Label::met, l);
        case Verdict::not_met:
            return L(Label::not_met, l);
        case Verdict::cannot_evaluate:
            break;
    }
    return L(Label::rank_cannot, l);
}

std::string reason_text(const RankTargetResult& r, Language l) {
    switch (r.reason) {
        case CannotReason::none:
            return {};
        case CannotReason::no_table:
            return format_label(Label::rank_no_table, l, r.target.year);
        case CannotReason::province_unknown:
            return L(Label::rank_province_unknown, l);
        case CannotReason::incomplete_table:
            return format_label(Label::rank_incomplete, l, r.placing.with_total, r.placing.of);
        case CannotReason::no_previous_rank:
            return format_label(Label::rank_no_previous, l, r.target.year - 1);
        case CannotReason::region_undefined:
            return format_label(Label::rank_region_undefined, l, r.target.region);
    }
    return {};
}

std::string target_line(const RankTargetResult& r, Language l, bool comma) {
    std::string s = target_label(r.target, l) + ": " + verdict_text(r, l);
    std::vector<std::string> parts;
    if (r.reason != CannotReason::none) parts.push_back(reason_text(r, l));
    if (r.placing.best || r.placing.published_rank)
        parts.push_back(format_label(Label::rank_is, l, rank_text(r.placing, l)));
    if (r.previous_rank)
        parts.push_back(format_label(
            Label::rank_previous, l, r.target.year - 1,
            fmt::format("{}{}", *r.previous_rank, r.previous_implied ? " (" + L(Label::rank_implied, l) + ")" : ""),
            r.needed_rank));
    if (r.threshold)
        parts.push_back(format_label(Label::rank_nth_scores, l, r.needed_rank, format_score(*r.threshold, comma)));
    if (r.points_needed)
        parts.push_back(format_label(Label::rank_points_needed, l, format_score(*r.points_needed, comma)));
    if (!parts.empty()) s += " — " + fmt::format("{}", fmt::join(parts, "; "));
    return s;
}

std::string component_name(int number, Language l) {
    static const char* ids[] = {"", "pollution", "compliance", "green-practices", "incentives"};
    if (number < 1 || number > 4) return std::to_string(number);
    return reference_component_name(ids[number], l).value_or(std::to_string(number));
}

const char* component_id(int number) {
    static const char* ids[] = {"", "pollution", "compliance", "green-practices", "incentives"};
    return number >= 1 && number <= 4 ? ids[number] : "";
}

std::string published_text(const std::optional<PartialDate>& d, Language l) {
    return d ? format_label(Label::rank_published_on, l, format_partial_date(*d, l)) : L(Label::rank_no_date, l);
}

}  // namespace

// ---- shared with the office formats (rank_office.cpp) ----

std::string detail::rank_target_label(const Target& t, Language l) {
    return target_label(t, l);
}
std::string detail::rank_verdict_text(const RankTargetResult& r, Language l) {
    return verdict_text(r, l);
}
std::string detail::rank_reason_text(const RankTargetResult& r, Language l) {
    return reason_text(r, l);
}

std::string detail::rank_table_line(const RankReport& r, Language l) {
    std::string where = !r.table_source.empty() ? r.table_source : !r.row_source.empty() ? r.row_source : r.table_file;
    std::string s = format_label(Label::rank_table_line, l, r.year, where, published_text(r.table_published, l));
    if (r.table_with_total < r.table_of)
        s += "; " + format_label(Label::rank_partial, l, r.table_with_total, r.table_of);
    return s;
}

std::vector<std::pair<std::string, std::string>> detail::rank_summary(const RankReport& r, Language l, bool comma) {
    std::vector<std::pair<std::string, std::string>> out;
    out.emplace_back(L(Label::rank_total, l), total_text(r.national, l, comma));
    out.emplace_back(L(Label::rank_rank, l), rank_text(r.national, l));
    if (r.regional.of)
        out.emplace_back(format_label(Label::rank_region, l, region_name(r.region, l)), rank_text(r.regional, l));
    if (r.threshold)
        out.emplace_back(
            format_label(Label::rank_nth_province, l, r.top_n),
            format_score(*r.threshold, comma) + " — " +
                (r.points_needed ? format_label(Label::rank_points_needed, l, format_score(*r.points_needed, comma))
                                 : L(Label::rank_already, l)));
    return out;
}

Table detail::rank_component_table(const RankReport& r, Language l, bool comma) {
    Table t;
    t.header = {L(Label::col_number, l),
                L(Label::col_component, l),
                L(Label::rank_col_score, l),
                L(Label::rank_col_place, l),
                L(Label::rank_col_median, l),
                L(Label::rank_col_best, l),
                L(Label::rank_col_gap_median, l),
                format_label(Label::rank_col_group_avg, l, r.top_n),
                format_label(Label::rank_col_gap_group, l, r.top_n)};
    t.align = {Align::right, Align::left,  Align::right, Align::right, Align::right,
               Align::right, Align::right, Align::right, Align::right};
    for (const auto& c : r.components) {
        auto gap = [&](const std::optional<Score>& g) { return g ? format_signed_score(*g, comma) : std::string("—"); };
        t.rows.push_back({Cell(std::to_string(c.number)), Cell(component_name(c.number, l)), Cell(sc(c.score, comma)),
                          Cell(c.place ? fmt::format("{}/{}", c.place, c.of) : "—"), Cell(sc(c.median, comma)),
                          Cell(sc(c.best, comma)), Cell(gap(c.gap_to_median)), Cell(sc(c.group_average, comma)),
                          Cell(gap(c.gap_to_group))});
    }
    return t;
}

Table detail::rank_trend_table(const RankReport& r, Language l, bool comma) {
    Table t;
    t.header = {L(Label::rank_col_year, l),
                L(Label::rank_total, l),
                L(Label::rank_col_total_basis, l),
                L(Label::rank_rank, l),
                format_label(Label::rank_nth_province, l, r.top_n),
                L(Label::rank_col_points_needed, l),
                L(Label::rank_col_published, l)};
    t.align = {Align::left, Align::right, Align::left, Align::left, Align::right, Align::right, Align::left};
    for (const auto& y : r.trend) {
        t.rows.push_back({Cell(std::to_string(y.year)), Cell(sc(y.placing.total, comma)),
                          Cell(!y.placing.total ? "—" : basis_text(y.placing.total_derived, l)),
                          Cell(rank_text(y.placing, l)), Cell(sc(y.threshold, comma)),
                          Cell(y.points_needed                  ? format_score(*y.points_needed, comma)
                               : y.threshold && y.placing.total ? L(Label::rank_already, l)
                                                                : "—"),
                          Cell(y.published ? format_partial_date(*y.published, l) : "—")});
    }
    return t;
}

std::vector<std::string> detail::rank_target_lines(const std::vector<RankTargetResult>& ts, Language l, bool comma) {
    std::vector<std::string> out;
    for (const auto& t : ts) out.push_back(target_line(t, l, comma));
    return out;
}

std::vector<std::string> detail::rank_what_if_lines(const RankReport& r, Language l, bool comma) {
    std::vector<std::string> out;
    if (r.changes.empty()) return out;
    auto arrow = [](const std::string& a, const std::string& b) { return a + " → " + b; };
    for (std::size_t k = 0; k < 4; ++k) {
        bool changed = false;
        for (const auto& ch : r.changes) changed = changed || ch.number == static_cast<int>(k) + 1;
        if (!changed) continue;
        out.push_back(fmt::format("{} {}: {}", k + 1, component_name(static_cast<int>(k) + 1, l),
                                  arrow(sc(r.components[k].score, comma), sc(r.components_after[k], comma))));
    }
    out.push_back(fmt::format(
        "{}: {}", L(Label::rank_total, l),
        arrow(sc(r.national.total, comma), r.total_after ? fmt::format("{} ({})", format_score(*r.total_after, comma),
                                                                       L(Label::rank_basis_what_if, l))
                                                         : "—")));
    out.push_back(
        fmt::format("{}: {}", L(Label::rank_rank, l), arrow(rank_text(r.national, l), rank_text(r.national_after, l))));
    for (const auto& t : r.targets_after) out.push_back(target_line(t, l, comma));
    return out;
}

namespace {

std::string render_text(const RankReport& r, const RankRenderOptions& o, bool markdown) {
    Language l = o.language;
    bool comma = o.decimal_comma;
    const char* bullet = markdown ? "- " : "  ";
    // Names come from the plan and the national tables: escaped for Markdown, and shown
    // without control characters in the terminal (the whole text, at the end).
    auto line = [&](const std::string& s) { return bullet + (markdown ? markdown_line(s) : s) + "\n"; };
    std::string out = (markdown ? "## " : "") + format_label(Label::rank_title, l, r.year, r.province_name) + "\n\n";
    out += (markdown ? markdown_line(detail::rank_table_line(r, l)) : detail::rank_table_line(r, l)) + "\n\n";
    for (const auto& [k, v] : detail::rank_summary(r, l, comma)) out += line(k + ": " + v);
    out += "\n";
    Table comps = detail::rank_component_table(r, l, comma);
    out += markdown ? render_markdown(comps) : render_terminal(comps, false);
    out += "\n";
    if (!r.targets.empty()) {
        out += (markdown ? "### " : "") + format_label(Label::gap_rank_targets, l, r.year) + "\n\n";
        for (const auto& s : detail::rank_target_lines(r.targets, l, comma)) out += line(s);
        out += "\n";
    }
    if (r.trend.size() > 1) {
        out += (markdown ? "### " : "") + L(Label::rank_trend_title, l) + "\n\n";
        Table tr = detail::rank_trend_table(r, l, comma);
        out += (markdown ? render_markdown(tr) : render_terminal(tr, false)) + "\n";
    }
    if (!r.changes.empty()) {
        out += (markdown ? "### " : "") + L(Label::rank_what_if_title, l) + "\n\n";
        for (const auto& s : detail::rank_what_if_lines(r, l, comma)) out += line(s);
        out += "\n";
    }
    out += markdown ? "_" + markdown_cell(L(Label::rank_note, l)) + "_\n" : L(Label::rank_note, l) + "\n";
    return markdown ? out : visible_text(out);
}

nlohmann::ordered_json score_json(const std::optional<Score>& s) {
    if (!s) return nullptr;
    return static_cast<double>(s->hundredths()) / 100.0;
}

}  // namespace

nlohmann::ordered_json detail::placing_json(const Placing& p) {
    nlohmann::ordered_json j;
    j["total"] = score_json(p.total);
    j["total_basis"] = !p.total ? nullptr : nlohmann::ordered_json(p.total_derived ? "sum_of_components" : "published");
    j["rank"] = p.known() ? nlohmann::ordered_json(p.rank()) : nlohmann::ordered_json(nullptr);
    j["rank_basis"] = p.published_rank ? "published" : p.best ? "implied" : "none";
    j["rank_best"] = p.best ? nlohmann::ordered_json(p.best) : nlohmann::ordered_json(nullptr);
    j["rank_worst"] = p.worst ? nlohmann::ordered_json(p.worst) : nlohmann::ordered_json(nullptr);
    j["tied_with"] = p.tied;
    j["of"] = p.of;
    j["with_total"] = p.with_total;
    j["table_published"] = p.published ? nlohmann::ordered_json(format_partial_date(*p.published)) : nullptr;
    return j;
}

namespace {
const char* verdict_id(Verdict v) {
    switch (v) {
        case Verdict::met:
            return "met";
        case Verdict::not_met:
            return "not_met";
        case Verdict::cannot_evaluate:
            break;
    }
    return "cannot_evaluate";
}

const char* reason_id(CannotReason r) {
    switch (r) {
        case CannotReason::none:
            return "";
        case CannotReason::no_table:
            return "no_table";
        case CannotReason::province_unknown:
            return "province_unknown";
        case CannotReason::incomplete_table:
            return "incomplete_table";
        case CannotReason::no_previous_rank:
            return "no_previous_rank";
        case CannotReason::region_undefined:
            return "region_undefined";
    }
    return "";
}

}  // namespace

nlohmann::ordered_json detail::rank_target_json(const RankTargetResult& t) {
    nlohmann::ordered_json j;
    j["year"] = t.target.year;
    j["kind"] = to_string(t.target.kind);
    j["n"] = t.target.rank;
    if (!t.target.region.empty()) j["region"] = t.target.region;
    j["verdict"] = verdict_id(t.verdict);
    j["reason"] = t.reason == CannotReason::none ? nullptr : nlohmann::ordered_json(reason_id(t.reason));
    j["placing"] = detail::placing_json(t.placing);
    j["needed_rank"] = t.needed_rank ? nlohmann::ordered_json(t.needed_rank) : nlohmann::ordered_json(nullptr);
    j["previous_rank"] = t.previous_rank ? nlohmann::ordered_json(*t.previous_rank) : nlohmann::ordered_json(nullptr);
    j["threshold"] = score_json(t.threshold);
    j["points_needed"] = score_json(t.points_needed);
    return j;
}

namespace {

using detail::placing_json;
std::string render_json(const RankReport& r) {
    nlohmann::ordered_json root;
    root["province"] = {{"id", r.province}, {"name", r.province_name}};
    root["region"] = r.region.empty() ? nullptr : nlohmann::ordered_json({{"id", r.region}, {"name", r.region_name}});
    root["year"] = r.year;
    root["table"] = {
        {"file", r.table_file},
        {"source", r.table_source.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.table_source)},
        {"published", r.table_published ? nlohmann::ordered_json(format_partial_date(*r.table_published))
                                        : nlohmann::ordered_json(nullptr)},
        {"partial", r.table_partial},
        {"with_total", r.table_with_total},
        {"of", r.table_of}};
    root["national"] = placing_json(r.national);
    root["regional"] = r.regional.of ? placing_json(r.regional) : nlohmann::ordered_json(nullptr);
    root["top_n"] = r.top_n;
    root["threshold"] = score_json(r.threshold);
    root["points_needed"] = score_json(r.points_needed);
    auto comps = nlohmann::ordered_json::array();
    for (const auto& c : r.components)
        comps.push_back({{"number", c.number},
                         {"id", component_id(c.number)},
                         {"score", score_json(c.score)},
                         {"place", c.place ? nlohmann::ordered_json(c.place) : nlohmann::ordered_json(nullptr)},
                         {"of", c.of},
                         {"median", score_json(c.median)},
                         {"best", score_json(c.best)},
                         {"gap_to_median", score_json(c.gap_to_median)},
                         {"group_average", score_json(c.group_average)},
                         {"gap_to_group", score_json(c.gap_to_group)}});
    root["components"] = comps;
    auto targets = nlohmann::ordered_json::array();
    for (const auto& t : r.targets) targets.push_back(detail::rank_target_json(t));
    root["targets"] = targets;
    auto trend = nlohmann::ordered_json::array();
    for (const auto& y : r.trend) {
        auto j = placing_json(y.placing);
        j["year"] = y.year;
        j["threshold"] = score_json(y.threshold);
        j["points_needed"] = score_json(y.points_needed);
        trend.push_back(j);
    }
    root["trend"] = trend;
    if (!r.changes.empty()) {
        nlohmann::ordered_json w;
        auto changes = nlohmann::ordered_json::array();
        for (const auto& ch : r.changes)
            changes.push_back({{"number", ch.number},
                               {"id", component_id(ch.number)},
                               {ch.relative ? "change" : "score", score_json(ch.value)}});
        w["changes"] = changes;
        auto after = nlohmann::ordered_json::array();
        for (const auto& s : r.components_after) after.push_back(score_json(s));
        w["components"] = after;
        w["national"] = placing_json(r.national_after);
        auto ta = nlohmann::ordered_json::array();
        for (const auto& t : r.targets_after) ta.push_back(detail::rank_target_json(t));
        w["targets"] = ta;
        root["what_if"] = w;
    } else {
        root["what_if"] = nullptr;
    }
    return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_csv_rank(const RankReport& r, const CsvDialect& dialect) {
    Table t;
    t.header = {"section",       "year",          "item",           "score",       "basis",     "rank",
                "rank_basis",    "rank_best",     "rank_worst",     "of",          "median",    "best",
                "gap_to_median", "group_average", "gap_to_group",   "threshold_n", "threshold", "points_needed",
                "verdict",       "reason",        "table_published"};
    auto s = [&dialect](const std::optional<Score>& v) {
        return v ? format_score(*v, dialect.decimal_comma) : std::string();
    };
    auto placing_row = [&](const char* section, int year, const std::string& item, const Placing& p,
                           const std::optional<Score>& thr, const std::optional<Score>& need, int n) {
        std::vector<Cell> c{Cell(section),
                            Cell(std::to_string(year)),
                            Cell(item),
                            Cell(s(p.total)),
                            Cell(!p.total          ? ""
                                 : p.total_derived ? "sum_of_components"
                                                   : "published"),
                            Cell(p.known() ? std::to_string(p.rank()) : ""),
                            Cell(p.published_rank ? "published"
                                 : p.best         ? "implied"
                                                  : ""),
                            Cell(p.best ? std::to_string(p.best) : ""),
                            Cell(p.worst ? std::to_string(p.worst) : ""),
                            Cell(std::to_string(p.of)),
                            Cell(""),
                            Cell(""),
                            Cell(""),
                            Cell(""),
                            Cell(""),
                            Cell(n ? std::to_string(n) : ""),
                            Cell(s(thr)),
                            Cell(s(need)),
                            Cell(""),
                            Cell(""),
                            Cell(p.published ? format_partial_date(*p.published) : "")};
        t.rows.push_back(std::move(c));
    };
    placing_row("national", r.year, r.province, r.national, r.threshold, r.points_needed, r.top_n);
    if (r.regional.of) placing_row("regional", r.year, r.region, r.regional, std::nullopt, std::nullopt, 0);
    for (const auto& c : r.components)
        t.rows.push_back({Cell("component"),
                          Cell(std::to_string(r.year)),
                          Cell(component_id(c.number)),
                          Cell(s(c.score)),
                          Cell(c.score ? "published" : ""),
                          Cell(c.place ? std::to_string(c.place) : ""),
                          Cell(""),
                          Cell(""),
                          Cell(""),
                          Cell(std::to_string(c.of)),
                          Cell(s(c.median)),
                          Cell(s(c.best)),
                          Cell(s(c.gap_to_median)),
                          Cell(s(c.group_average)),
                          Cell(s(c.gap_to_group)),
                          Cell(std::to_string(r.top_n)),
                          Cell(""),
                          Cell(""),
                          Cell(""),
                          Cell(""),
                          Cell(r.table_published ? format_partial_date(*r.table_published) : "")});
    for (const auto& y : r.trend)
        placing_row("trend", y.year, r.province, y.placing, y.threshold, y.points_needed, y.top_n);
    auto target_rows = [&](const char* section, const std::vector<RankTargetResult>& ts) {
        for (const auto& x : ts) {
            std::string item = fmt::format("{}={}{}", to_string(x.target.kind), x.target.rank,
                                           x.target.region.empty() ? "" : "@" + x.target.region);
            placing_row(section, x.target.year, item, x.placing, x.threshold, x.points_needed, x.needed_rank);
            t.rows.back()[18] = Cell(verdict_id(x.verdict));
            t.rows.back()[19] = Cell(reason_id(x.reason));
        }
    };
    target_rows("target", r.targets);
    if (!r.changes.empty()) {
        placing_row("what_if", r.year, r.province, r.national_after, std::nullopt, std::nullopt, 0);
        target_rows("what_if_target", r.targets_after);
    }
    return render_csv(t, dialect, true);
}

}  // namespace

std::string placing_text(const Placing& p, Language language) {
    return rank_text(p, language);
}

std::string rank_target_line(const RankTargetResult& r, Language language, bool decimal_comma) {
    return target_line(r, language, decimal_comma);
}

std::string rank_line(int year, const std::string& province_name, const Placing& p, Language language) {
    return format_label(Label::gap_rank_line, language, year, province_name, rank_text(p, language)) + "; " +
           (p.published
                ? format_label(Label::rank_table_published, language, format_partial_date(*p.published, language))
                : L(Label::rank_table_no_date, language));
}

std::string render_rank(const RankReport& report, RankFormat format, const RankRenderOptions& o) {
    switch (format) {
        case RankFormat::json:
            return render_json(report);
        case RankFormat::csv:
            return render_csv_rank(report, o.csv);
        case RankFormat::markdown:
            return render_text(report, o, true);
        case RankFormat::table:
            return render_text(report, o, false);
    }
    return {};
}

}  // namespace pgi
