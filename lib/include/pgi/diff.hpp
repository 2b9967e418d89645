// `pgi diff`: what changed between two versions of a plan, in plan terms (targets, baselines
// and the gap they imply, components, tasks, statuses, observations), and reading a plan as
// it was at a git revision (from the object database through libgit2, never checked out).
// Rules and output: docs/diff.md.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pgi/date.hpp"
#include "pgi/error.hpp"
#include "pgi/labels.hpp"
#include "pgi/load.hpp"
#include "pgi/model.hpp"
#include "pgi/score.hpp"

namespace pgi {

/// A target or baseline of one component (or of the total, `component` = "total") that was
/// added, removed or changed. Scores in points (0–10 a component, 0–40 the total).
struct ScoreChange {
    enum class What { baseline, target };
    What what = What::target;
    std::string component;  ///< component id, or "total"
    int year = 0;           ///< the target's year; a baseline's: the new one's, else the old one's
    TargetKind kind = TargetKind::score;
    std::optional<Score> old_score, new_score;  ///< score targets and baselines; absent = none
    std::optional<int> old_rank, new_rank;      ///< rank targets (Target::rank)
    std::optional<int> old_year, new_year;      ///< baselines: the baseline year on each side
    bool operator==(const ScoreChange&) const = default;
};

/// The gap of one row of the gap table (gap.hpp) before and after, for the same target year
/// and `as_of`: only rows whose gap or planned increase differ. gap = target − current,
/// planned increase = target − baseline; absent when that side has no such figure.
struct GapChange {
    std::string component;  ///< component id, or "total"
    std::optional<Score> old_gap, new_gap;
    std::optional<Score> old_planned_increase, new_planned_increase;
    bool operator==(const GapChange&) const = default;
};

/// A component added, removed or renamed (same id, another `name` or `name_en`).
struct ComponentChange {
    enum class Kind { added, removed, renamed };
    Kind kind = Kind::renamed;
    std::string id;
    std::string old_name, new_name;  ///< `name`, then ` / name_en` when there is one
    bool operator==(const ComponentChange&) const = default;
};

/// One change to one task. A task changed in several ways gives one entry per way, in the
/// order of Kind.
struct TaskDiff {
    enum class Kind {
        added,        ///< new_value: the text
        removed,      ///< old_value: the text
        renumbered,   ///< matched by text, its id changed: old_value → new_value are the ids
        reworded,     ///< the text changed: old_value → new_value; `similarity` in percent
        moved,        ///< to another component: component ids
        lead,         ///< another lead owner: owner ids
        cooperating,  ///< other cooperating owners: ids joined with ", " ("" = none)
        due,          ///< another deadline: ISO (partial) dates, "" = none
        status,       ///< another status as of the date compared: TaskStatus spellings
    };
    Kind kind = Kind::added;
    std::string id;         ///< the task's id in the new plan (the old plan's for `removed`)
    std::string component;  ///< its component in the new plan (the old one's for `removed`)
    std::string old_value, new_value;
    int similarity = 0;  ///< text_similarity() of the old and new text, percent (matched tasks)
    bool operator==(const TaskDiff&) const = default;
};

/// An observation added, removed or whose figures changed; identified by (year, kind,
/// published). `old_scores`/`new_scores` hold component id → score on each side.
struct ObservationChange {
    enum class Kind { added, removed, changed };
    Kind kind = Kind::added;
    int year = 0;
    ObservationKind observation_kind = ObservationKind::official;
    PartialDate published;
    std::vector<std::pair<std::string, Score>> old_scores, new_scores;  ///< in plan component order
    std::optional<Score> old_total, new_total;
    bool operator==(const ObservationChange&) const = default;
};

/// Everything `pgi diff` reports. Each list is in the new plan's order (removed items after,
/// in the old plan's order).
struct PlanDiff {
    std::string old_label, new_label;  ///< how the two sides were named (`HEAD~1:plan.yaml`)
    Date as_of;                        ///< the date task statuses and current scores are taken at
    std::optional<int> target_year;    ///< of the gap comparison (absent: neither plan has targets)
    std::vector<ScoreChange> scores;
    std::vector<GapChange> gaps;
    std::vector<ComponentChange> components;
    std::vector<TaskDiff> tasks;
    std::vector<ObservationChange> observations;
    /// Nothing changed in the terms above. Other edits (comments, owners' names, metadata,
    /// report settings, notes) are not compared: docs/diff.md lists what is.
    bool empty() const;
    bool operator==(const PlanDiff&) const = default;
};

struct DiffOptions {
    Date as_of;                      ///< task statuses (updates included) and current scores as of this date
    std::optional<int> target_year;  ///< the gap's target year; default choose_target_year(new plan, as_of)
    /// Tasks of the same id whose texts are less alike than this (percent) are taken as two
    /// different tasks, and tasks left unmatched by id are paired by text when at least this
    /// alike (similarity.hpp, match_by_similarity).
    int match_threshold = 50;
};

/// Compares two plans (each with its update files merged, updates.hpp). Rules (docs/diff.md):
/// - targets (by component, year and kind) and baselines, old → new; the gap of every row of
///   the gap table computed for both plans at `as_of` and the same target year (compute_gap,
///   exact in hundredths), listed when it or the planned increase differs;
/// - components by id: added, removed, renamed;
/// - tasks matched by id first; a pair by id whose texts are less than `match_threshold`
///   alike is split, and the tasks then unmatched are paired by text similarity (any
///   component, any owner): a pair with different ids is `renumbered`. A matched task reports
///   reworded (text), moved (component), lead, cooperating (as sets), due and status
///   (status_as_of(as_of), so an update file changes it);
/// - observations by (year, kind, published): added, removed, changed figures.
/// Never fails; the plans need not be valid (a task with an unknown component is still compared).
PlanDiff diff_plans(const Plan& old_plan, const Plan& new_plan, const DiffOptions& options);

enum class DiffFormat { text, markdown, json };

/// The diff as text (labels in `language`, through labels.def), Markdown or JSON (keys and
/// values in English snake_case, scores as numbers with two decimals, ISO dates; schema in
/// docs/diff.md). Text and Markdown write scores (points, two decimals) with the decimal
/// separator `mark` chooses (by default the comma with Vietnamese labels: "1,63") and dates as
/// `language` writes them (format_date / format_partial_date: "30/09/2024", "tháng 5/2025";
/// ISO in English). An empty diff gives one line saying so (JSON: `"changes": 0`).
std::string render_diff(const PlanDiff& diff, DiffFormat format, Language language,
                        DecimalMark mark = DecimalMark::by_language);

/// A plan file or plan directory as it was at a git revision.
/// `revision`: anything git rev-parse takes (`HEAD~1`, `v1`, a commit id), peeled to a commit.
/// `path`: a path in a git work tree (relative to the current directory or absolute; it need
/// not exist on disk any more); the repository is found from its nearest existing directory
/// upwards. At the revision, a blob is a plan file, read alone with the plan's own `updates:`
/// list; a tree is a plan directory: its plan file (plan.yaml, plan.yml, plan.toml, pgi.yaml,
/// pgi.yml, pgi.toml, the first present) plus every update file of its `updates/` tree (by
/// extension, skipping names that begin with '.', bytewise path order), then the plan's
/// `updates:` list, each file once — the rules of load_plan_with_updates() applied to the
/// revision's tree. Files are read from the object database; nothing is checked out and the
/// work tree is not touched. File names in findings are `REVISION:path-in-repository`.
/// Errors: io when there is no repository, the revision does not resolve, the path is not in
/// the revision, or a directory holds no plan file.
Result<LoadResult> load_plan_at_revision(const std::string& revision, const std::filesystem::path& path);

/// True when `text` resolves to a commit in the repository found from `dir` (for telling a
/// revision from a path on the command line). Never fails.
bool is_git_revision(const std::string& text, const std::filesystem::path& dir);

}  // namespace pgi
