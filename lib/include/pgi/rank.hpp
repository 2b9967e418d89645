// Where a province stands among all provinces: published or implied rank, the score of the
// Nth province, per-component places, regional groups, rank targets and what-if changes
// (docs/rank.md). Everything is computed from national tables (national_table.hpp).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pgi/labels.hpp"
#include "pgi/model.hpp"
#include "pgi/national_table.hpp"
#include "pgi/score.hpp"
#include "pgi/table.hpp"

namespace pgi {

/// A province's place in a table, nationally or within a region.
/// The implied rank follows VCCI's ordering by total with "competition" ties: a province's
/// rank is 1 + the number of provinces with a strictly higher total, so tied provinces share
/// the better rank. A province without a total (an N/A row, a missing row) could be anywhere,
/// so the implied rank is a range `best`..`worst` that is exact only for a complete table.
struct Placing {
    std::optional<Score> total;         ///< the published total, else the sum of the components
    bool total_derived = false;         ///< `total` is the sum of the published components
    std::optional<int> published_rank;  ///< national placings only; never set for what-if
    int best = 0;                       ///< 1 + provinces with a higher total; 0 when `total` is unknown
    int worst = 0;                      ///< `best` + provinces of the group whose total is unknown
    int tied = 0;                       ///< other provinces with the same total
    int of = 0;                         ///< provinces in the group (63, 34, or the region's)
    int with_total = 0;                 ///< provinces of the group with a total in the table, this one included
    /// When the table's figures were published (NationalTable::published); absent when the
    /// table does not say.
    std::optional<PartialDate> published;
    bool known() const { return published_rank.has_value() || (best > 0 && best == worst); }
    /// The published rank, else the implied one (meaningful when known()).
    int rank() const { return published_rank ? *published_rank : best; }
};

/// The province's placing in `table` (national when `region` is empty, else among the
/// provinces of that region). `total_override` replaces the province's total (what-if); the
/// placing is then implied, never published.
Placing place_in(const NationalTable& table, std::string_view province, std::optional<Score> total_override = {},
                 std::string_view region = {});

/// The total of the province at place `n` among the OTHER provinces of the group (national,
/// or `region`): reaching it puts the province at rank `n` or better (ties share the better
/// rank). std::nullopt when fewer than `n` other provinces have a total, or when the table is
/// incomplete for the group (the Nth total is then unknown).
std::optional<Score> nth_total(const NationalTable& table, std::string_view province, int n,
                               std::string_view region = {});

/// One component's national picture for the province. Scores in points (0–10). The median,
/// best and place need a score for every province of the year: absent otherwise.
struct ComponentPlace {
    int number = 0;              ///< 1..4
    std::optional<Score> score;  ///< the province's published score
    std::optional<Score>
        median;  ///< national median (mean of the two middle values, rounded half up to 0.01, for an even count)
    std::optional<Score> best;           ///< the highest score of any province
    int place = 0;                       ///< 1 + provinces with a higher score; 0 when unknown
    int of = 0;                          ///< provinces with a score for this component
    std::optional<Score> group_average;  ///< mean over the top-N provinces by total (rounded half up to 0.01)
    std::optional<Score> gap_to_median;  ///< median − score (positive: below the median)
    std::optional<Score> gap_to_group;   ///< group_average − score
};

/// How a rank target came out.
enum class Verdict { met, not_met, cannot_evaluate };

/// Why a rank target cannot be evaluated.
enum class CannotReason {
    none,
    no_table,          ///< no national table for the target year
    province_unknown,  ///< the plan's province is not known, or has no row with a total
    incomplete_table,  ///< no published rank, and provinces without a total could be above or below
    no_previous_rank,  ///< `rank_increase`: no table (or no known rank) for the year before
    region_undefined,  ///< `region` names no region, or the year's provinces have no regions (2025+)
};

/// One rank target, evaluated. `needed_rank` is the rank that meets it: N for top N and not
/// below N; previous rank − N for up N places.
struct RankTargetResult {
    Target target;
    Verdict verdict = Verdict::cannot_evaluate;
    CannotReason reason = CannotReason::none;
    Placing placing;  ///< in the target year (regional for a regional target)
    int needed_rank = 0;
    std::optional<int> previous_rank;  ///< rank_increase: rank in the year before
    bool previous_implied = false;
    std::optional<Score> threshold;  ///< total needed for `needed_rank` (nth_total())
    std::optional<Score>
        points_needed;  ///< threshold − total when not met: the smallest total rise that meets the target
};

/// Evaluates a rank target for `province` against the tables (any years). `total_override`
/// as in place_in (what-if). Rules: met when the rank (published, else implied, worst case)
/// is ≤ needed_rank; not met when even the best case is above it; otherwise cannot be
/// evaluated (`incomplete_table`). `rank_increase` compares with the previous year's table.
RankTargetResult evaluate_rank_target(const Target& target, std::string_view province,
                                      const std::vector<NationalTable>& tables,
                                      std::optional<Score> total_override = {});

/// A what-if change: component `number` (1–4) set to `value`, or changed by it when `relative`.
struct WhatIfChange {
    int number = 0;
    Score value;
    bool relative = false;
};

/// Parses `1=6.00`, `compliance=+0.50`, `pollution=-0.2`, `3=6,10`: a component by number or
/// id (data/pgi-components.yaml ids), then `=`, then a score (absolute) or a signed change.
/// std::nullopt with `error` set when the text is not such a change.
std::optional<WhatIfChange> parse_what_if(std::string_view text, std::string& error);

/// One year of the trend: the province's total and placing in that year's table.
struct RankYear {
    int year = 0;
    std::optional<PartialDate> published;  ///< that table's publication date
    Placing placing;
    int top_n = 0;
    std::optional<Score> threshold;      ///< nth_total(top_n)
    std::optional<Score> points_needed;  ///< threshold − total, when positive
};

struct RankOptions {
    int year = 0;    ///< the table year shown in detail; 0 = the latest table
    int top_n = 30;  ///< the threshold group ("top 30")
    std::vector<WhatIfChange> changes;
};

/// Everything `pgi rank` shows.
struct RankReport {
    std::string province;  ///< id
    std::string province_name;
    std::string region;  ///< region id; empty after the merger
    std::string region_name;
    int year = 0;
    int top_n = 30;
    // the table of `year`: where and when its figures were published, and how much of it there is
    std::string table_file;
    std::string table_source;                    ///< NationalTable::source; may be empty
    std::string row_source;                      ///< the source of the province's own row
    std::optional<PartialDate> table_published;  ///< absent: the table does not say
    bool table_partial = false;                  ///< declared partial (NationalTable::partial)
    int table_with_total = 0;                    ///< provinces with a total in the table
    int table_of = 0;                            ///< provinces of the year (63 or 34)
    Placing national;
    Placing regional;                    ///< of == 0 when there is no region
    std::optional<Score> threshold;      ///< the total of the top_n-th province (among the others)
    std::optional<Score> points_needed;  ///< threshold − total, when positive
    std::array<ComponentPlace, 4> components;
    std::vector<RankYear> trend;            ///< every table's year, oldest first
    std::vector<RankTargetResult> targets;  ///< the plan's rank targets for `year`
    // what-if (changes non-empty)
    std::vector<WhatIfChange> changes;
    std::array<std::optional<Score>, 4> components_after;
    std::optional<Score> total_after;  ///< the sum of the changed components (derived)
    Placing national_after;
    std::vector<RankTargetResult> targets_after;
};

struct RankResult {
    std::optional<RankReport> report;
    Diagnostics diagnostics;
};

/// Computes the report for `province` (an id of provinces_for_year()) from `tables` (at least
/// one), with the rank targets of `plan` (may be null) for the shown year. Errors (report
/// absent): `no-table` when no table has the requested year; `unknown-province` when the
/// province has no row in it; `what-if-invalid` when a change leaves a component outside
/// 0–10 or the row lacks a component score to change.
RankResult compute_rank(std::string_view province, const std::vector<NationalTable>& tables, const Plan* plan,
                        const RankOptions& options);

/// The province a plan is about: the first province named in its parents' issuers ("UBND
/// tỉnh Lạng Sơn"), then its issuer, place and title (a city or district plan uses its
/// province's scores: docs/domain.md). For `year` ≥ 2025 a province merged on 1 July
/// 2025 maps to the province that covers it. Empty when none is named.
std::string province_of_plan(const Plan& plan, int year);

enum class RankFormat { table, markdown, csv, json };

struct RankRenderOptions {
    Language language = Language::vi;
    bool decimal_comma = false;  ///< table and markdown
    CsvDialect csv;              ///< csv only: separator, BOM and decimal mark of the scores (table.hpp)
};

/// Renders the report: `table` (terminal) and `markdown` with headings; `csv`: one row per
/// year and section (stable snake_case columns in `o.csv`'s dialect, the table's publication date last); `json`:
/// one object with a `table` object (file, source, published, partial, provinces with a total).
/// Every output says where and when the table's figures were published ("Bảng điểm PGI 2024:
/// …; công bố 2025-05", or that the table gives no date). Implied ranks are marked "ước tính"
/// / "implied", derived totals "tính từ 4 chỉ số thành phần" / "sum of the published
/// components". Labels: labels.def. Deterministic.
std::string render_rank(const RankReport& report, RankFormat format, const RankRenderOptions& options);

/// A placing as text: "61/63 (implied)", "28/63 (published)", "31–63/63 (implied; the table
/// has 8 of 63 provinces)", "—" when unknown.
std::string placing_text(const Placing& p, Language language);

/// One line about a rank target for the gap table and the report, e.g. "top 30: not met —
/// rank 61/63 (implied); province no. 30 scores 25.05; 2.42 points needed".
std::string rank_target_line(const RankTargetResult& r, Language language, bool decimal_comma);

/// The rank line of gap and the report: "Xếp hạng PGI 2024 (Lạng Sơn): 31–63/63 (ước tính;
/// bảng có 8/63 tỉnh); bảng điểm công bố tháng 5/2025" (or "bảng điểm chưa ghi ngày công
/// bố"); in English "…; table published 2025-05" (dates: format_partial_date(d, language)).
std::string rank_line(int year, const std::string& province_name, const Placing& p, Language language);

}  // namespace pgi
