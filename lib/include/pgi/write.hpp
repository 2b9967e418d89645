// Writing a plan as a plan file (docs/plan-format.md), in YAML or TOML.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pgi/model.hpp"

namespace pgi {

enum class PlanFormat { yaml, toml };

/// The format for an output path by extension: `.yaml`/`.yml` -> yaml, `.toml` -> toml;
/// std::nullopt for anything else.
std::optional<PlanFormat> plan_format_for(const std::filesystem::path& path);

struct WriteOptions {
    /// Lines written as `# …` comments at the top of the file (without the `# `).
    std::vector<std::string> header_comment;
    /// Adds `# line N` after each task's id, N = Task::location.line (when > 0): the line of
    /// the input document a task was imported from.
    bool task_line_comments = false;
};

/// Serialises `plan` in the schema of docs/plan-format.md. The output is deterministic (keys
/// in the order of the format's tables, lists in the plan's order, observation scores in
/// component order), reloads with load_plan_text() to a Plan equal to `plan`
/// (Plan::operator==), and is diff-friendly: one key per line, one list item per block.
/// - Text is always quoted and escaped (YAML double quotes via yaml-cpp's emitter; TOML
///   basic strings via toml++'s formatter), so no value is misread as a number, boolean or
///   date; ids are written plain when that is unambiguous.
/// - Scores have exactly two decimals (`6.58`, `3.60`, `0.00`).
/// - Full dates are written `2024-07-12` (a TOML local date); partial dates `2024-08` and
///   `2020` are strings in TOML and the year-only form is quoted in YAML.
/// - Optional fields at their defaults are left out (status not_started, recurrence none,
///   the 0–10 scale, empty text and lists); `language` and owner `kind` are always written.
std::string write_plan_yaml(const Plan& plan, const WriteOptions& options = {});
std::string write_plan_toml(const Plan& plan, const WriteOptions& options = {});
std::string write_plan(const Plan& plan, PlanFormat format, const WriteOptions& options = {});

}  // namespace pgi
