// Tables and cells that more than one renderer shows (gap_render.cpp, report_render.cpp, and
// the office formats): written once so that `pgi gap` and `pgi report` cannot diverge.
// Internal to libpgi. Labels come from the catalogue (pgi/labels.hpp).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "pgi/gap.hpp"
#include "pgi/labels.hpp"
#include "pgi/table.hpp"

namespace pgi::render {

/// A score in points ("6.58", "6,58" with `decimal_comma`), or "—" when absent.
std::string score_text(const std::optional<Score>& s, bool decimal_comma);

/// The "Source" cell of a gap row: "PGI 2024 (published 2025-05)", "estimate 2025 (…)",
/// "baseline 2023"; "mixed sources" for a total summed from components whose current scores
/// come from different sources; "—" when there is no current score.
std::string current_source_text(const GapRow& row, Language language);

/// "met" / "not met" for a row with a target and a current score, else "—".
std::string met_text(const GapRow& row, Language language);

/// The score table of the gap report, one row per component and the total PGI: number,
/// component, baseline (with its year when it differs from the common one), current, source,
/// target, gap, [achieved share], met. Used by `pgi gap` (with `with_achieved`) and by
/// section 1 of `pgi report`.
struct ScoreTableOptions {
    Language language = Language::vi;
    bool decimal_comma = false;
    bool with_achieved = true;
};
Table score_table(const GapReport& report, const ScoreTableOptions& options);

/// The share of the planned increase reached, in percent with one decimal ("55.6"), or
/// std::nullopt when no increase was planned (target <= baseline) or a score is missing.
std::optional<std::string> achieved_percent(const GapRow& row, bool decimal_comma = false);

/// One row of the component summary (task counts by status): a component, or the total.
struct TaskCountRow {
    std::string number;  ///< "1".."4"; "" for the total and for non-PGI components
    std::string name;
    int tasks = 0;
    std::array<int, task_status_count> by_status{};  ///< indexed by TaskStatus
    int overdue = 0;
    std::optional<std::string> percent_done;  ///< "27.3"
};

/// The columns of the component summary: statuses in `order`, then optionally the overdue
/// count and the share done (with a "%" sign in the cells, or " (%)" in the header for CSV).
struct TaskCountColumns {
    std::array<TaskStatus, task_status_count> order = enum_values<TaskStatus>();
    bool overdue_and_done = false;
    bool csv = false;
    Language language = Language::vi;
};

/// The component summary table of `pgi gap` ("Tasks by status") and of `pgi report`
/// (section 1, "Task execution in the period"): #, component, tasks, one column per status,
/// [overdue, share done]. Blocked counts above zero are styled bad.
Table task_count_table(const std::vector<TaskCountRow>& rows, const TaskCountColumns& columns);

}  // namespace pgi::render
