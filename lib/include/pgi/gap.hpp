// The gap to target: how far each component, and the total PGI, is from its target.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "pgi/date.hpp"
#include "pgi/diagnostic.hpp"
#include "pgi/labels.hpp"
#include "pgi/model.hpp"
#include "pgi/national_table.hpp"
#include "pgi/rank.hpp"
#include "pgi/score.hpp"
#include "pgi/table.hpp"

namespace pgi {

/// Where a "current" score comes from.
enum class CurrentSource { none, baseline, observation };

/// One line of the gap table (a component, or the total PGI). All scores in points.
struct GapRow {
    std::string id;  ///< component id; "total" for the total
    int number = 0;
    std::string name;
    std::string name_en;
    std::optional<int> baseline_year;
    std::optional<Score> baseline;
    std::optional<Score> current;
    CurrentSource current_source = CurrentSource::none;
    int current_year = 0;                  ///< reference year of the observation or the baseline
    std::optional<PartialDate> published;  ///< publication date of the observation
    ObservationKind observation_kind = ObservationKind::official;
    /// Total row only: the current total is the sum of the component scores of one
    /// observation (VCCI published no total, as for every province outside the top 30 from
    /// PGI 2024), not a published total. Renderers say "sum of the published components".
    bool derived = false;
    std::optional<Score> target;                           ///< the "at least" target for the target year
    std::optional<Score> gap;                              ///< target − current; negative = target beaten
    std::optional<Score> planned_increase;                 ///< target − baseline
    std::optional<Score> achieved_increase;                ///< current − baseline
    std::optional<bool> met;                               ///< current >= target
    std::array<int, task_status_count> tasks_by_status{};  ///< indexed by TaskStatus
    int tasks = 0;
};

struct GapReport {
    std::string plan_title;
    std::string plan_issuer;
    std::string plan_document;
    std::string language;  ///< the plan's language, `vi` or `en`
    Date as_of;
    int target_year = 0;
    std::vector<GapRow> components;  ///< in plan order
    GapRow total;
    std::vector<Target> total_other_targets;  ///< rank targets for the target year
    /// The rank targets for the target year, evaluated against the national tables (each
    /// says met / not met / cannot be evaluated and why; without tables: `no_table`).
    std::vector<RankTargetResult> rank_targets;
    /// The province's placing in the table of the year of the total's current score (the
    /// observation's, or the baseline's before any result), when a table for that year is
    /// given; `rank_year` is that year. The placing carries the table's publication date
    /// (Placing::published) for the output; a table given is taken as known, also for
    /// evaluating rank targets, whatever its date.
    std::optional<Placing> rank;
    int rank_year = 0;
    std::string province_name;
};

struct GapOptions {
    GapOptions() = default;
    GapOptions(Date as_of_, std::optional<int> target_year_) : as_of(as_of_), target_year(target_year_) {}
    Date as_of;
    std::optional<int> target_year;  ///< default: see choose_target_year()
    /// National tables (national_table.hpp) for rank lines and rank targets; may be null.
    const std::vector<NationalTable>* tables = nullptr;
    std::string province;  ///< province id; empty = province_of_plan()
};

/// The target year used when none is given: the year of `as_of` if any component has a
/// score target for it (or the total a score or rank target); otherwise the latest target
/// year before it; otherwise the earliest target year. std::nullopt when the plan has no
/// targets.
std::optional<int> choose_target_year(const Plan& plan, const Date& as_of);

/// The status of `task` as of a date: the status of its latest update dated on or before
/// `as_of` (the later one in file order on a tie), else its `status` field. A recurring task
/// counts only updates about the period containing `as_of` and does not carry `done` into a
/// new period (tracking.hpp, task_state_as_of()).
TaskStatus status_as_of(const Task& task, const Date& as_of);

/// Computes the gap table. Per component: the current score is the latest observation
/// published on or before `as_of` (a partial publication date counts from its last day; the
/// later reference year wins a tie), else the baseline. gap = target − current, exact in
/// hundredths; met when current >= target ("at least" semantics of the plan's targets). The
/// total row sums the components (the PGI score is the sum of the four component indices,
/// docs/domain.md); when every current score comes from one observation that states
/// a published total within ±0.01 of the sum, that total is used, since VCCI rounds it on its
/// own; without a published total the sum is used and the row is marked `derived` (never
/// "published"). A plan's stated total baseline (`total.baseline`) is the total row's
/// baseline; when the components give no current score, the current total is the latest
/// observation's published total, else that baseline (total-only plans).
/// Task counts use status_as_of().
/// Rank targets of the total for the target year are evaluated with evaluate_rank_target()
/// (rank.hpp) against `options.tables`.
/// Errors (returned in `diagnostics`, report absent): `no-target` when the plan has no
/// target (score or rank) for the requested year, or no targets at all.
struct GapResult {
    std::optional<GapReport> report;
    Diagnostics diagnostics;
};
GapResult compute_gap(const Plan& plan, const GapOptions& options);

enum class GapFormat { table, markdown, csv, json };

struct GapRenderOptions {
    Language language = Language::vi;
    bool color = false;          ///< ANSI colours (table format only)
    bool decimal_comma = false;  ///< 6,58 instead of 6.58 (table and markdown)
    CsvDialect csv;              ///< csv only: separator, BOM and decimal mark (table.hpp)
};

/// Renders the report. `table`: aligned terminal tables; `markdown`: a heading and pipe
/// tables; `csv`: one header row of stable snake_case column names and one row per
/// component plus `total` (in `options.csv`'s dialect: scores and `achieved_percent` with its
/// decimal mark; CRLF); `json`: an object with `as_of`, `target_year`,
/// `components` (objects with `id`, `baseline`, `current`, `target`, `gap` … as numbers in
/// points) and `total`. Deterministic: the same report gives byte-identical output.
std::string render_gap(const GapReport& report, GapFormat format, const GapRenderOptions& options);

}  // namespace pgi
