// Shared pieces of the command layer: finding the plan, loading it, writing output.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "pgi/date.hpp"
#include "pgi/gap.hpp"
#include "pgi/load.hpp"

namespace pgi::cli {

/// A usage or I/O problem that ends the command with exit code 2.
struct UsageError {
    std::string message;
    std::string hint;
};

enum class ColorMode { automatic, always, never };

/// Options every plan-reading subcommand shares.
struct PlanInput {
    std::vector<std::string> plans;  ///< as given; empty = discover
    InputFormat input_format = InputFormat::automatic;
};

void add_plan_input(CLI::App& cmd, PlanInput& in, bool many);
void add_input_format(CLI::App& cmd, PlanInput& in);

/// The plan files named by `in` (a directory stands for the plan file inside it), or the
/// discovered one (PGI_PLAN, then pgi.yaml/pgi.toml here). Throws UsageError when none.
std::vector<std::string> resolve_plans(const PlanInput& in);

/// Loads and validates one plan file; returns the result with sorted diagnostics.
LoadResult load_and_validate(const std::string& path, InputFormat format);

/// `--as-of` parsed, or the default (SOURCE_DATE_EPOCH, else today). Throws UsageError.
Date as_of_or_default(const std::string& text);

bool use_color(ColorMode mode);

/// Writes `content` to stdout, or atomically to `path` when not empty. Throws UsageError.
void emit(const std::string& content, const std::string& path);

/// Prints diagnostics to stderr in text form.
void print_diagnostics(const Diagnostics& ds);

std::optional<Language> language_option(const std::string& text, const std::string& plan_language);

}  // namespace pgi::cli
