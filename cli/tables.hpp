// National tables for the commands that show ranks (rank, gap, report).
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pgi/error.hpp"
#include "pgi/model.hpp"
#include "pgi/national_table.hpp"

namespace pgi::cli {

/// Adds `--table FILE` (repeatable) to a command.
void add_table_option(CLI::App& cmd, std::vector<std::string>& tables);

/// The national tables: the files named with --table, else `tables/*.csv|yaml|yml` in the
/// plan's directory (none when `plan_file` is empty). Prints the findings to stderr; an
/// ErrorCode::io error when a file cannot be read, invalid_input when a table has errors.
Result<std::vector<NationalTable>> load_tables(const std::vector<std::string>& named,
                                               const std::filesystem::path& plan_file,
                                               std::optional<int> year = std::nullopt);

/// The province id for `--province NAME` (any spelling data/provinces.yaml knows, for the
/// year's set), else the plan's province (province_of_plan). A usage error when NAME is
/// not a province, or when there is neither.
Result<std::string> resolve_province(const std::string& name, const Plan* plan, int year);

}  // namespace pgi::cli
