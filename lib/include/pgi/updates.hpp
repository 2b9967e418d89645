// Update files (docs/tracking.md): where a plan's progress updates come from, and how they
// are merged into the Plan. Each agency reports on its own, one file per agency and period
// (`updates/2024-10/phong-kinh-te.yaml`); the focal agency merges them. Parsing is
// load_update_text() in load.hpp.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "pgi/diagnostic.hpp"
#include "pgi/load.hpp"
#include "pgi/model.hpp"

namespace pgi {

/// True for the extensions update files may have: `.yaml`, `.yml`, `.toml`.
bool is_update_file_name(const std::filesystem::path& path);

/// The update files under `dir`: every `.yaml`, `.yml` and `.toml` file in it and in its
/// subdirectories, skipping files and directories whose name begins with '.', sorted by
/// path (bytewise) so that merge order never depends on the file system. Paths are `dir`
/// joined with the relative path, so a relative `dir` gives relative paths. Empty when `dir`
/// does not exist or is not a directory.
std::vector<std::filesystem::path> update_files_under(const std::filesystem::path& dir);

/// Matches a relative path (components separated by '/') against a glob pattern, component
/// by component with fnmatch(3) in the C.UTF-8 locale: `*` is any run of characters within
/// one component, `?` one character (a UTF-8 code point), `[abc]`, `[a-z]`, `[!abc]` one
/// character of (not of) a set, so `[đd]ợt-1.yaml` matches `đợt-1.yaml`. A whole component
/// `**` (our own addition) is any number of components, none included. No backslash escapes:
/// everything else matches itself. Names are compared as written (no Unicode normalisation).
bool glob_match(std::string_view pattern, std::string_view path);

/// Expands the plan's own `updates:` list (plan.update_sources), each entry relative to the
/// directory of `plan.file`: a pattern with `*`, `?` or `[` gives the update files (by
/// extension, not hidden) whose path matches it, sorted; a directory gives
/// update_files_under(); a file gives itself. A literal entry that does not exist is an
/// `io-error` at the `updates` key (a pattern that matches nothing is fine: no update yet).
std::vector<std::filesystem::path> expand_update_sources(const Plan& plan, Diagnostics& out);

/// Merges update files into `plan`, in the order given:
/// - each update is appended to its task's `updates` (after the plan's own updates and those
///   of earlier files); an update whose task id names no task goes to
///   `plan.unmatched_updates`, which validate_plan() reports as `unknown-task`;
/// - each deadline sets its task's `due`; replacing a different due date (the plan's or an
///   earlier deadline's) is a warning `due-overridden` with both locations; a deadline for an
///   unknown task is an `unknown-task` error;
/// - each report is appended to `plan.meta.reports` (validate_plan() checks its owners);
/// - each file name is appended to `plan.update_files`.
/// Runs in time linear in the number of tasks and updates.
void merge_updates(Plan& plan, std::vector<UpdateFile> files, Diagnostics& out);

/// Where one plan's inputs come from.
struct PlanSources {
    std::filesystem::path plan;                  ///< the plan file
    bool plan_directory = false;                 ///< given as a directory: read its `updates/` tree
    std::vector<std::filesystem::path> updates;  ///< update files or directories given with it
    /// Update files read from these texts instead of the disk (added when not found otherwise):
    /// `pgi update` and `pgi intake` validate the plan with a file's new content before writing it.
    std::vector<std::pair<std::filesystem::path, std::string>> overrides;
    /// The plan's text when it was read from standard input (`-`): `plan` is then only its
    /// name in diagnostics (`<stdin>`), and the plan's own `updates:` globs are relative to
    /// the current directory. With InputFormat::automatic its format is guess_input_format().
    std::optional<std::string> plan_text;
};

/// Loads the plan file and every update file that goes with it, and merges them: first the
/// `updates/` tree of a plan directory, then the plan's own `updates:` list, then
/// `sources.updates` (a directory stands for update_files_under() it), each file once (by
/// canonical path), in that order. `plan_format` applies to the plan file only; update files
/// are read by extension. Returns the plan (absent only when the plan file could not be
/// parsed) and every diagnostic of every file, sorted. Errors: the first file (plan, then
/// update files in merge order) that cannot be read or whose format is unknown, as
/// load_plan_file() reports it. Semantic checks are validate_plan()'s job.
Result<LoadResult> load_plan_with_updates(const PlanSources& sources, InputFormat plan_format = InputFormat::automatic);

}  // namespace pgi
