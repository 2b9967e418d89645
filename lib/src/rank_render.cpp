// Rendering of `pgi rank` and of rank-target lines (rank.hpp). Pure: data in, string out.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pgi/escape.hpp"
#include "pgi/import.hpp"
#include "pgi/rank.hpp"
#include "pgi/table.hpp"
#include "rank_json.hpp"

namespace pgi {

namespace {

struct Labels {
    const char* title;          // "PGI {year} rank: {province}"
    const char* total;
    const char* rank;
    const char* region;         // "Region {name}"
    const char* threshold;      // "Province no. {n}: {score} points"
    const char* needed;         // "{} points needed"
    const char* already;        // "already in the group"
    const char* published;
    const char* derived;        // sum of the published components
    const char* implied;
    const char* tied;
    const char* range;          // "implied: {} provinces without a total"
    const char* number;
    const char* component;
    const char* score;
    const char* place;
    const char* median;
    const char* best;
    const char* gap_median;
    const char* group_avg;      // "Top {} average"
    const char* gap_group;
    const char* points_needed;  // trend column
    bool english;
    const char* targets_title;  // "Rank targets for {}"
    const char* trend_title;
    const char* year;
    const char* source;
    const char* what_if_title;
    const char* before_after;   // "{} → {}"
    const char* met;
    const char* not_met;
    const char* cannot;
    const char* rank_top;
    const char* rank_top_region;
    const char* rank_increase;
    const char* rank_not_below;
    const char* rank_is;        // "rank {}"
    const char* previous;       // "{year}: rank {rank}; needs rank {needed}"
    const char* nth_scores;     // "province no. {} scores {}"
    const char* points_to_go;   // "{} points needed"
    const char* no_table;
    const char* province_unknown;
    const char* incomplete;
    const char* no_previous;
    const char* region_undefined;
    const char* note;
};

const Labels en{"PGI {} rank: {}",
                "Total",
                "Rank",
                "Region: {}",
                "Province no. {}",
                "{} points needed",
                "already there",
                "published",
                "sum of the published components",
                "implied",
                "tied",
                "implied; the table is incomplete",
                "#",
                "Component",
                "Score",
                "Place",
                "National median",
                "Best",
                "Gap to median",
                "Top {} average",
                "Gap to top {}",
                "Points needed",
                true,
                "Rank targets for {}",
                "Trend",
                "Year",
                "Total source",
                "What if",
                "{} → {}",
                "met",
                "not met",
                "cannot be evaluated",
                "top {}",
                "top {} of the region {}",
                "up {} places",
                "not below rank {}",
                "rank {}",
                "PGI {}: rank {}; needs rank {}",
                "province no. {} scores {}",
                "{} points needed",
                "no national table for {}",
                "the table has no total for the province",
                "the rank is not published and the table lacks the totals of some provinces",
                "no rank for the year before (no table for {})",
                "region `{}` is not defined for this province and year",
                "Implied ranks order provinces by total (published, else the sum of the published components); tied provinces share the better rank. Gap = reference − score."};

const Labels vi{"Xếp hạng PGI {}: {}",
                "Tổng điểm",
                "Xếp hạng",
                "Vùng: {}",
                "Tỉnh thứ {}",
                "cần thêm {} điểm",
                "đã trong nhóm",
                "công bố",
                "tính từ 4 chỉ số thành phần",
                "ước tính",
                "đồng hạng",
                "ước tính; bảng chưa đủ các tỉnh",
                "TT",
                "Chỉ số thành phần",
                "Điểm",
                "Hạng",
                "Trung vị cả nước",
                "Cao nhất",
                "Cách trung vị",
                "TB nhóm {} dẫn đầu",
                "Cách TB nhóm {}",
                "Cần thêm",
                false,
                "Mục tiêu xếp hạng năm {}",
                "Diễn biến qua các năm",
                "Năm",
                "Nguồn tổng điểm",
                "Giả định",
                "{} → {}",
                "đạt",
                "chưa đạt",
                "chưa đánh giá được",
                "trong nhóm {} tỉnh dẫn đầu",
                "trong nhóm {} tỉnh dẫn đầu vùng {}",
                "tăng {} bậc",
                "không thấp hơn hạng {}",
                "hạng {}",
                "PGI {}: hạng {}; cần đạt hạng {}",
                "tỉnh thứ {} đạt {} điểm",
                "cần thêm {} điểm",
                "không có bảng điểm toàn quốc năm {}",
                "bảng không có tổng điểm của tỉnh",
                "hạng không được công bố và bảng thiếu tổng điểm của một số tỉnh",
                "không có hạng năm trước (không có bảng năm {})",
                "vùng `{}` không xác định cho tỉnh và năm này",
                "Hạng ước tính xếp các tỉnh theo tổng điểm (công bố, nếu không thì tổng 4 chỉ số thành phần đã công bố); các tỉnh bằng điểm cùng nhận hạng cao hơn. Khoảng cách = mốc so sánh − điểm."};

const Labels& labels(bool english) { return english ? en : vi; }

template <class... A>
std::string f(const char* fmt_string, A&&... a) {
    return fmt::format(fmt::runtime(fmt_string), std::forward<A>(a)...);
}

std::string sc(const std::optional<Score>& s, bool comma) { return s ? format_score(*s, comma) : "—"; }

std::string total_text(const Placing& p, const Labels& L, bool comma) {
    if (!p.total) return "—";
    return fmt::format("{} ({})", format_score(*p.total, comma), p.total_derived ? L.derived : L.published);
}

std::string rank_text(const Placing& p, const Labels& L) {
    if (p.published_rank) return fmt::format("{}/{} ({})", *p.published_rank, p.of, L.published);
    if (!p.best) return "—";
    if (p.best != p.worst) return fmt::format("{}–{}/{} ({})", p.best, p.worst, p.of, L.range);
    return fmt::format("{}/{} ({}{})", p.best, p.of, L.implied, p.tied ? std::string(", ") + L.tied : "");
}

std::string target_label(const Target& t, const Labels& L) {
    switch (t.kind) {
        case TargetKind::rank_top:
            if (!t.region.empty()) {
                const Region* r = find_region(t.region);
                return f(L.rank_top_region, t.rank, r ? (L.english ? r->name_en : r->name) : t.region);
            }
            return f(L.rank_top, t.rank);
        case TargetKind::rank_increase: return f(L.rank_increase, t.rank);
        case TargetKind::rank_not_below: return f(L.rank_not_below, t.rank);
        case TargetKind::score: break;
    }
    return {};
}

std::string verdict_text(const RankTargetResult& r, const Labels& L) {
    switch (r.verdict) {
        case Verdict::met: return L.met;
        case Verdict::not_met: return L.not_met;
        case Verdict::cannot_evaluate: break;
    }
    return L.cannot;
}

std::string reason_text(const RankTargetResult& r, const Labels& L) {
    switch (r.reason) {
        case CannotReason::none: return {};
        case CannotReason::no_table: return f(L.no_table, r.target.year);
        case CannotReason::province_unknown: return L.province_unknown;
        case CannotReason::incomplete_table: return L.incomplete;
        case CannotReason::no_previous_rank: return f(L.no_previous, r.target.year - 1);
        case CannotReason::region_undefined: return f(L.region_undefined, r.target.region);
    }
    return {};
}

std::string target_line(const RankTargetResult& r, const Labels& L, bool comma) {
    std::string s = target_label(r.target, L) + ": " + verdict_text(r, L);
    std::vector<std::string> parts;
    if (r.reason != CannotReason::none) parts.push_back(reason_text(r, L));
    if (r.placing.best || r.placing.published_rank) parts.push_back(f(L.rank_is, rank_text(r.placing, L)));
    if (r.previous_rank)
        parts.push_back(f(L.previous, r.target.year - 1,
                          fmt::format("{}{}", *r.previous_rank, r.previous_implied ? std::string(" (") + L.implied + ")" : ""),
                          r.needed_rank));
    if (r.threshold) parts.push_back(f(L.nth_scores, r.needed_rank, format_score(*r.threshold, comma)));
    if (r.points_needed) parts.push_back(f(L.points_to_go, format_score(*r.points_needed, comma)));
    if (!parts.empty()) s += " — " + fmt::format("{}", fmt::join(parts, "; "));
    return s;
}

std::string component_name(int number, bool english) {
    for (const auto& c : recognise::reference_components())
        if (c.number == number) return english && !c.name_en.empty() ? c.name_en : c.name;
    return std::to_string(number);
}

const char* component_id(int number) {
    static const char* ids[] = {"", "pollution", "compliance", "green-practices", "incentives"};
    return number >= 1 && number <= 4 ? ids[number] : "";
}

Table component_table(const RankReport& r, const Labels& L, bool english, bool comma) {
    Table t;
    t.header = {L.number, L.component, L.score, L.place, L.median, L.best, L.gap_median,
                f(L.group_avg, r.top_n), f(L.gap_group, r.top_n)};
    t.align = {Align::right, Align::left, Align::right, Align::right, Align::right, Align::right, Align::right,
               Align::right, Align::right};
    for (const auto& c : r.components) {
        auto gap = [&](const std::optional<Score>& g) { return g ? format_signed_score(*g, comma) : std::string("—"); };
        t.rows.push_back({Cell(std::to_string(c.number)), Cell(component_name(c.number, english)),
                          Cell(sc(c.score, comma)), Cell(c.place ? fmt::format("{}/{}", c.place, c.of) : "—"),
                          Cell(sc(c.median, comma)), Cell(sc(c.best, comma)), Cell(gap(c.gap_to_median)),
                          Cell(sc(c.group_average, comma)), Cell(gap(c.gap_to_group))});
    }
    return t;
}

Table trend_table(const RankReport& r, const Labels& L, bool comma) {
    Table t;
    t.header = {L.year, L.total, L.source, L.rank, f(L.threshold, r.top_n), L.points_needed};
    t.align = {Align::left, Align::right, Align::left, Align::left, Align::right, Align::right};
    for (const auto& y : r.trend) {
        t.rows.push_back({Cell(std::to_string(y.year)), Cell(sc(y.placing.total, comma)),
                          Cell(!y.placing.total ? "—" : y.placing.total_derived ? L.derived : L.published),
                          Cell(rank_text(y.placing, L)), Cell(sc(y.threshold, comma)),
                          Cell(y.points_needed ? format_score(*y.points_needed, comma)
                               : y.threshold && y.placing.total ? L.already
                                                                : "—")});
    }
    return t;
}

std::string summary_lines(const RankReport& r, const Labels& L, bool comma, const char* bullet) {
    std::string out;
    out += fmt::format("{}{}: {}\n", bullet, L.total, total_text(r.national, L, comma));
    out += fmt::format("{}{}: {}\n", bullet, L.rank, rank_text(r.national, L));
    if (r.regional.of) {
        const Region* reg = find_region(r.region);
        std::string name = reg ? (L.english ? reg->name_en : reg->name) : r.region_name;
        out += fmt::format("{}{}: {}\n", bullet, f(L.region, name), rank_text(r.regional, L));
    }
    if (r.threshold)
        out += fmt::format("{}{}: {} — {}\n", bullet, f(L.threshold, r.top_n), format_score(*r.threshold, comma),
                           r.points_needed ? f(L.needed, format_score(*r.points_needed, comma)) : L.already);
    return out;
}

std::string what_if_lines(const RankReport& r, const Labels& L, bool english, bool comma, const char* bullet) {
    if (r.changes.empty()) return {};
    std::string out;
    for (std::size_t k = 0; k < 4; ++k) {
        bool changed = false;
        for (const auto& ch : r.changes) changed = changed || ch.number == static_cast<int>(k) + 1;
        if (!changed) continue;
        out += fmt::format("{}{} {}: {}\n", bullet, k + 1, component_name(static_cast<int>(k) + 1, english),
                           f(L.before_after, sc(r.components[k].score, comma), sc(r.components_after[k], comma)));
    }
    out += fmt::format("{}{}: {}\n", bullet, L.total,
                       f(L.before_after, sc(r.national.total, comma),
                         r.total_after ? fmt::format("{} ({})", format_score(*r.total_after, comma), L.derived) : "—"));
    out += fmt::format("{}{}: {}\n", bullet, L.rank, f(L.before_after, rank_text(r.national, L), rank_text(r.national_after, L)));
    for (const auto& t : r.targets_after) out += bullet + target_line(t, L, comma) + "\n";
    return out;
}

std::string render_text(const RankReport& r, const RankRenderOptions& o, bool markdown) {
    const Labels& L = labels(o.english);
    bool comma = o.decimal_comma;
    const char* bullet = markdown ? "- " : "  ";
    // Names come from the plan and the national tables: escaped for Markdown, and shown
    // without control characters in the terminal (the whole text, at the end).
    auto md = [&](const std::string& lines) { return markdown ? markdown_lines(lines, bullet) : lines; };
    std::string out = (markdown ? "## " + markdown_line(f(L.title, r.year, r.province_name)) : f(L.title, r.year, r.province_name)) + "\n\n";
    out += md(summary_lines(r, L, comma, bullet)) + "\n";
    Table comps = component_table(r, L, o.english, comma);
    out += markdown ? render_markdown(comps) : render_terminal(comps, false);
    out += "\n";
    if (!r.targets.empty()) {
        out += (markdown ? "### " : "") + f(L.targets_title, r.year) + "\n\n";
        for (const auto& t : r.targets) out += md(bullet + target_line(t, L, comma)) + "\n";
        out += "\n";
    }
    if (r.trend.size() > 1) {
        out += (markdown ? "### " : "") + std::string(L.trend_title) + "\n\n";
        Table tr = trend_table(r, L, comma);
        out += (markdown ? render_markdown(tr) : render_terminal(tr, false)) + "\n";
    }
    if (!r.changes.empty()) {
        out += (markdown ? "### " : "") + std::string(L.what_if_title) + "\n\n";
        out += md(what_if_lines(r, L, o.english, comma, bullet)) + "\n";
    }
    out += markdown ? "_" + markdown_cell(L.note) + "_\n" : std::string(L.note) + "\n";
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
    return j;
}

namespace {
const char* verdict_id(Verdict v) {
    switch (v) {
        case Verdict::met: return "met";
        case Verdict::not_met: return "not_met";
        case Verdict::cannot_evaluate: break;
    }
    return "cannot_evaluate";
}

const char* reason_id(CannotReason r) {
    switch (r) {
        case CannotReason::none: return "";
        case CannotReason::no_table: return "no_table";
        case CannotReason::province_unknown: return "province_unknown";
        case CannotReason::incomplete_table: return "incomplete_table";
        case CannotReason::no_previous_rank: return "no_previous_rank";
        case CannotReason::region_undefined: return "region_undefined";
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
    root["national"] = placing_json(r.national);
    root["regional"] = r.regional.of ? placing_json(r.regional) : nlohmann::ordered_json(nullptr);
    root["top_n"] = r.top_n;
    root["threshold"] = score_json(r.threshold);
    root["points_needed"] = score_json(r.points_needed);
    auto comps = nlohmann::ordered_json::array();
    for (const auto& c : r.components)
        comps.push_back({{"number", c.number}, {"id", component_id(c.number)}, {"score", score_json(c.score)},
                         {"place", c.place ? nlohmann::ordered_json(c.place) : nlohmann::ordered_json(nullptr)},
                         {"of", c.of}, {"median", score_json(c.median)}, {"best", score_json(c.best)},
                         {"gap_to_median", score_json(c.gap_to_median)}, {"group_average", score_json(c.group_average)},
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
            changes.push_back({{"number", ch.number}, {"id", component_id(ch.number)},
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
    t.header = {"section", "year", "item", "score", "basis", "rank", "rank_basis", "rank_best", "rank_worst", "of",
                "median", "best", "gap_to_median", "group_average", "gap_to_group", "threshold_n", "threshold",
                "points_needed", "verdict", "reason"};
    auto s = [&dialect](const std::optional<Score>& v) {
        return v ? format_score(*v, dialect.decimal_comma) : std::string();
    };
    auto placing_row = [&](const char* section, int year, const std::string& item, const Placing& p,
                           const std::optional<Score>& thr, const std::optional<Score>& need, int n) {
        std::vector<Cell> c{Cell(section), Cell(std::to_string(year)), Cell(item), Cell(s(p.total)),
                            Cell(!p.total ? "" : p.total_derived ? "sum_of_components" : "published"),
                            Cell(p.known() ? std::to_string(p.rank()) : ""),
                            Cell(p.published_rank ? "published" : p.best ? "implied" : ""),
                            Cell(p.best ? std::to_string(p.best) : ""), Cell(p.worst ? std::to_string(p.worst) : ""),
                            Cell(std::to_string(p.of)), Cell(""), Cell(""), Cell(""), Cell(""), Cell(""),
                            Cell(n ? std::to_string(n) : ""), Cell(s(thr)), Cell(s(need)), Cell(""), Cell("")};
        t.rows.push_back(std::move(c));
    };
    placing_row("national", r.year, r.province, r.national, r.threshold, r.points_needed, r.top_n);
    if (r.regional.of) placing_row("regional", r.year, r.region, r.regional, std::nullopt, std::nullopt, 0);
    for (const auto& c : r.components)
        t.rows.push_back({Cell("component"), Cell(std::to_string(r.year)), Cell(component_id(c.number)), Cell(s(c.score)),
                          Cell(c.score ? "published" : ""), Cell(c.place ? std::to_string(c.place) : ""), Cell(""),
                          Cell(""), Cell(""), Cell(std::to_string(c.of)), Cell(s(c.median)), Cell(s(c.best)),
                          Cell(s(c.gap_to_median)), Cell(s(c.group_average)), Cell(s(c.gap_to_group)),
                          Cell(std::to_string(r.top_n)), Cell(""), Cell(""), Cell(""), Cell("")});
    for (const auto& y : r.trend) placing_row("trend", y.year, r.province, y.placing, y.threshold, y.points_needed, y.top_n);
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

std::string placing_text(const Placing& p, bool english) { return rank_text(p, labels(english)); }

std::string rank_target_line(const RankTargetResult& r, bool english, bool decimal_comma) {
    return target_line(r, labels(english), decimal_comma);
}

std::string render_rank(const RankReport& report, RankFormat format, const RankRenderOptions& o) {
    switch (format) {
        case RankFormat::json: return render_json(report);
        case RankFormat::csv: return render_csv_rank(report, o.csv);
        case RankFormat::markdown: return render_text(report, o, true);
        case RankFormat::table: return render_text(report, o, false);
    }
    return {};
}

}  // namespace pgi
