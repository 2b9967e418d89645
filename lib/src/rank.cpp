// Ranks from national tables (rank.hpp): placings, thresholds, component places, rank
// targets, what-if.
#include "pgi/rank.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "pgi/i18n.hpp"
#include "pgi/import.hpp"
#include "pgi/text.hpp"

namespace pgi {

namespace {

// The region of a province of the table's year; empty when none (after the merger).
std::string region_of(const NationalTable& table, std::string_view province) {
    for (const auto& p : provinces_for_year(table.year))
        if (p.id == province) return p.region;
    return {};
}

bool in_group(const NationalTable& table, std::string_view province, std::string_view region) {
    return region.empty() || region_of(table, province) == region;
}

int group_size(const NationalTable& table, std::string_view region) {
    if (region.empty())
        return table.province_count ? table.province_count : static_cast<int>(provinces_for_year(table.year).size());
    int n = 0;
    for (const auto& p : provinces_for_year(table.year))
        if (p.region == region) ++n;
    return n;
}

const NationalTable* table_for(const std::vector<NationalTable>& tables, int year) {
    for (const auto& t : tables)
        if (t.year == year) return &t;
    return nullptr;
}

// Half-up division of a non-negative total of hundredths by a count.
Score mean(std::int64_t sum, std::int64_t count) {
    return Score::from_hundredths((2 * sum + count) / (2 * count));
}

}  // namespace

Placing place_in(const NationalTable& table, std::string_view province, std::optional<Score> total_override,
                 std::string_view region) {
    Placing p;
    p.of = group_size(table, region);
    p.published = table.published;
    const TableRow* own = table.find(province);
    if (total_override) {
        p.total = total_override;
        p.total_derived = true;
    } else if (own) {
        p.total = own->total_or_sum();
        p.total_derived = own->total_derived();
        if (region.empty()) p.published_rank = own->rank;
    }
    int higher = 0, known = 0;
    for (const auto& r : table.rows) {
        if (r.province == province || !in_group(table, r.province, region)) continue;
        auto t = r.total_or_sum();
        if (!t) continue;
        ++known;
        if (!p.total) continue;
        if (*t > *p.total)
            ++higher;
        else if (*t == *p.total)
            ++p.tied;
    }
    p.with_total = known + (p.total ? 1 : 0);
    if (!p.total) return p;
    p.best = 1 + higher;
    p.worst = p.best + std::max(0, p.of - 1 - known);
    // A published rank r with a higher total puts r provinces above this one (it and the r − 1
    // ranked before it), whether or not their rows are in the table: from PGI 2024 VCCI
    // publishes the ranks of the top 30 only, so an incomplete table still bounds the rank.
    if (region.empty() && !p.published_rank)
        for (const auto& r : table.rows) {
            auto t = r.total_or_sum();
            if (r.province != province && r.rank && t && *t > *p.total) p.best = std::max(p.best, *r.rank + 1);
        }
    p.worst = std::max(p.worst, p.best);
    return p;
}

std::optional<Score> nth_total(const NationalTable& table, std::string_view province, int n, std::string_view region) {
    std::vector<Score> totals;
    for (const auto& r : table.rows) {
        if (r.province == province || !in_group(table, r.province, region)) continue;
        if (auto t = r.total_or_sum()) totals.push_back(*t);
    }
    int others = group_size(table, region) - (in_group(table, province, region) ? 1 : 0);
    if (static_cast<int>(totals.size()) < others) {
        // An unknown total could be anywhere, unless published ranks (national) cover place n:
        // rows sharing rank r hold places r .. r + (their count) − 1.
        const TableRow* own = table.find(province);
        if (!region.empty() || (own && own->rank)) return std::nullopt;
        std::map<int, std::vector<Score>> by_rank;
        for (const auto& r : table.rows)
            if (r.province != province && r.rank && r.total) by_rank[*r.rank].push_back(*r.total);
        for (const auto& [rank, ts] : by_rank)
            if (rank <= n && n < rank + static_cast<int>(ts.size())) return ts.front();
        return std::nullopt;
    }
    if (n < 1 || static_cast<int>(totals.size()) < n) return std::nullopt;
    std::sort(totals.begin(), totals.end(), std::greater<>());
    return totals[static_cast<std::size_t>(n - 1)];
}

RankTargetResult evaluate_rank_target(const Target& target, std::string_view province,
                                      const std::vector<NationalTable>& tables, std::optional<Score> total_override) {
    RankTargetResult res;
    res.target = target;
    const NationalTable* table = table_for(tables, target.year);
    if (!table) {
        res.reason = CannotReason::no_table;
        return res;
    }
    std::string region = target.kind == TargetKind::rank_top ? target.region : std::string();
    if (!region.empty() && (!find_region(region) || region_of(*table, province) != region)) {
        res.reason = CannotReason::region_undefined;
        return res;
    }
    res.placing = place_in(*table, province, total_override, region);
    if (!res.placing.total) {
        res.reason = CannotReason::province_unknown;
        return res;
    }
    if (target.kind == TargetKind::rank_increase) {
        const NationalTable* prev = table_for(tables, target.year - 1);
        Placing before = prev ? place_in(*prev, province) : Placing{};
        if (!prev || !before.known()) {
            res.reason = CannotReason::no_previous_rank;
            return res;
        }
        res.previous_rank = before.rank();
        res.previous_implied = !before.published_rank;
        res.needed_rank = std::max(1, before.rank() - target.rank);
    } else {
        res.needed_rank = target.rank;
    }
    res.threshold = nth_total(*table, province, res.needed_rank, region);
    const Placing& p = res.placing;
    if (p.published_rank)
        res.verdict = *p.published_rank <= res.needed_rank ? Verdict::met : Verdict::not_met;
    else if (p.worst <= res.needed_rank)
        res.verdict = Verdict::met;
    else if (p.best > res.needed_rank)
        res.verdict = Verdict::not_met;
    else
        res.reason = CannotReason::incomplete_table;
    if (res.verdict != Verdict::met && res.threshold && *res.threshold > *p.total)
        res.points_needed = *res.threshold - *p.total;
    return res;
}

std::optional<WhatIfChange> parse_what_if(std::string_view text, std::string& error) {
    auto eq = text.find('=');
    if (eq == std::string_view::npos) {
        error = trf("`{}` is not COMPONENT=SCORE", text);
        return std::nullopt;
    }
    std::string lhs = ascii_slug(text.substr(0, eq));
    std::string_view rhs = text.substr(eq + 1);
    WhatIfChange c;
    if (lhs.size() == 1 && lhs[0] >= '1' && lhs[0] <= '4') c.number = lhs[0] - '0';
    for (const auto& rc : recognise::reference_components())
        if (rc.id == lhs) c.number = rc.number;
    if (!c.number) {
        error = trf("`{}` is not a component: use 1–4 or pollution, compliance, green-practices, incentives",
                    text.substr(0, eq));
        return std::nullopt;
    }
    c.relative = !rhs.empty() && (rhs.front() == '+' || rhs.front() == '-');
    auto s = parse_score(rhs);
    if (!s) {
        error = trf("`{}` is not a score or a signed change (6.00, +0.50, -0.20)", rhs);
        return std::nullopt;
    }
    c.value = *s;
    return c;
}

std::string province_of_plan(const Plan& plan, int year) {
    std::vector<std::string> texts;
    for (const auto& d : plan.meta.parents) texts.push_back(d.issuer);
    texts.push_back(plan.meta.issuer);
    texts.push_back(plan.meta.place);
    texts.push_back(plan.meta.title);
    const auto& set = provinces_for_year(year);
    for (const auto& text : texts) {
        std::string slug = "-" + ascii_slug(to_nfc(text)) + "-";
        const Province* best = nullptr;
        std::size_t best_len = 0;
        auto consider = [&](const Province& p, const std::string& name) {
            std::string k = "-" + province_key(name) + "-";
            if (k.size() > 2 && slug.find(k) != std::string::npos && k.size() > best_len) {
                best = &p;
                best_len = k.size();
            }
        };
        for (const auto& p : set) {
            consider(p, p.name);
            for (const auto& a : p.aliases)
                if (a.size() > 4) consider(p, a);  // not "HCM"-like abbreviations inside words
        }
        if (best) return best->id;
        // a province merged on 1 July 2025: the one of the 34 that covers it
        const auto& other = provinces_for_year(year >= 2025 ? 2024 : 2025);
        for (const auto& p : other) consider(p, p.name);
        if (best) {
            if (year < 2025) return best->id;
            for (const auto& p : set)
                if (std::find(p.merged.begin(), p.merged.end(), best->id) != p.merged.end()) return p.id;
        }
    }
    return {};
}

RankResult compute_rank(std::string_view province, const std::vector<NationalTable>& tables, const Plan* plan,
                        const RankOptions& o) {
    RankResult res;
    const NationalTable* table = nullptr;
    for (const auto& t : tables)
        if (o.year ? t.year == o.year : (!table || t.year > table->year)) table = &t;
    if (!table) {
        res.diagnostics.error(SourceLocation{}, "no-table",
                              o.year ? trf("there is no national table for PGI {}", o.year)
                                     : std::string(tr("there is no national table")),
                              tr("put the table in the plan directory (tables/pgi-2024.csv) or name it with --table"));
        return res;
    }
    const TableRow* row = table->find(province);
    const Province* prov = nullptr;
    for (const auto& p : provinces_for_year(table->year))
        if (p.id == province) prov = &p;
    if (!row || !prov) {
        res.diagnostics.error(SourceLocation{table->file, 0, 0}, "unknown-province",
                              trf("the PGI {} table has no row for `{}`", table->year, province),
                              tr("check --province, or add the province's row to the table"));
        return res;
    }
    RankReport r;
    r.province = prov->id;
    r.province_name = prov->name;
    r.region = prov->region;
    if (const Region* reg = find_region(prov->region)) r.region_name = reg->name;
    r.year = table->year;
    r.top_n = o.top_n;
    r.table_file = table->file;
    r.table_source = table->source;
    r.row_source = row->source;
    r.table_published = table->published;
    r.table_partial = table->partial;
    r.table_with_total = table->rows_with_total();
    r.table_of =
        table->province_count ? table->province_count : static_cast<int>(provinces_for_year(table->year).size());
    r.national = place_in(*table, province);
    if (!r.region.empty()) r.regional = place_in(*table, province, std::nullopt, r.region);
    r.threshold = nth_total(*table, province, o.top_n);
    if (r.threshold && r.national.total && *r.threshold > *r.national.total)
        r.points_needed = *r.threshold - *r.national.total;

    // components: national median, best, the province's place, the top-N group's average
    std::vector<const TableRow*> group;
    bool complete = table->complete();
    if (complete)
        for (const auto& x : table->rows)
            if (auto t = x.total_or_sum()) {
                int higher = 0;
                for (const auto& y : table->rows)
                    if (auto u = y.total_or_sum(); u && *u > *t) ++higher;
                if (higher + 1 <= o.top_n) group.push_back(&x);
            }
    for (std::size_t k = 0; k < 4; ++k) {
        ComponentPlace& c = r.components[k];
        c.number = static_cast<int>(k) + 1;
        c.score = row->components[k];
        std::vector<Score> all;
        for (const auto& x : table->rows)
            if (x.components[k]) all.push_back(*x.components[k]);
        c.of = static_cast<int>(all.size());
        // a median, a best score and a place need every province's score
        if (all.empty() || c.of < table->province_count) continue;
        std::sort(all.begin(), all.end());
        std::size_t n = all.size();
        c.median = n % 2 ? all[n / 2] : mean(all[n / 2 - 1].hundredths() + all[n / 2].hundredths(), 2);
        c.best = all.back();
        std::int64_t sum = 0, count = 0;
        for (const auto* x : group)
            if (x->components[k]) {
                sum += x->components[k]->hundredths();
                ++count;
            }
        if (count) c.group_average = mean(sum, count);
        if (c.score) {
            c.place =
                1 + static_cast<int>(std::count_if(all.begin(), all.end(), [&](Score s) { return s > *c.score; }));
            c.gap_to_median = *c.median - *c.score;
            if (c.group_average) c.gap_to_group = *c.group_average - *c.score;
        }
    }

    // the trend: every table, oldest first
    std::vector<const NationalTable*> sorted;
    for (const auto& t : tables) sorted.push_back(&t);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->year < b->year; });
    for (const auto* t : sorted) {
        RankYear y;
        y.year = t->year;
        y.published = t->published;
        y.top_n = o.top_n;
        std::string id(province);
        // the plan's province in an older or newer set: same id, or the province covering it
        if (!t->find(id) && t->year >= 2025)
            for (const auto& p : provinces_for_year(t->year))
                if (std::find(p.merged.begin(), p.merged.end(), id) != p.merged.end()) id = p.id;
        y.placing = place_in(*t, id);
        y.threshold = nth_total(*t, id, o.top_n);
        if (y.threshold && y.placing.total && *y.threshold > *y.placing.total)
            y.points_needed = *y.threshold - *y.placing.total;
        r.trend.push_back(y);
    }

    if (plan)
        for (const auto& t : plan->total.targets)
            if (t.kind != TargetKind::score && t.year == r.year)
                r.targets.push_back(evaluate_rank_target(t, province, tables));

    if (!o.changes.empty()) {
        r.changes = o.changes;
        r.components_after = row->components;
        for (const auto& ch : o.changes) {
            auto& slot = r.components_after[static_cast<std::size_t>(ch.number - 1)];
            if (ch.relative && !slot) {
                res.diagnostics.error(SourceLocation{table->file, row->location.line, row->location.column},
                                      "what-if-invalid",
                                      trf("{} has no component {} score to change", prov->name, ch.number),
                                      tr("give an absolute score instead (--set 1=6.00)"));
                return res;
            }
            slot = ch.relative ? *slot + ch.value : ch.value;
            if (*slot < Score{} || *slot > Score::from_hundredths(1000)) {
                res.diagnostics.error(SourceLocation{}, "what-if-invalid",
                                      trf("component {} would be {}, outside 0–10", ch.number, format_score(*slot)),
                                      tr("component scores are on the 0–10 scale"));
                return res;
            }
        }
        Score sum;
        bool all = true;
        for (const auto& s : r.components_after) {
            if (!s)
                all = false;
            else
                sum += *s;
        }
        if (!all) {
            res.diagnostics.error(SourceLocation{table->file, row->location.line, row->location.column},
                                  "what-if-invalid",
                                  trf("{} lacks a component score, so no total can be derived", prov->name),
                                  tr("set every missing component with --set"));
            return res;
        }
        r.total_after = sum;
        r.national_after = place_in(*table, province, sum);
        if (plan)
            for (const auto& t : plan->total.targets)
                if (t.kind != TargetKind::score && t.year == r.year)
                    r.targets_after.push_back(evaluate_rank_target(t, province, tables, sum));
    }
    res.report = std::move(r);
    return res;
}

}  // namespace pgi
