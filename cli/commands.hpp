// One setup function per subcommand; app.cpp wires them in help order.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "pgi/error.hpp"

namespace pgi::cli {

/// What the chosen subcommand runs after parsing: the exit code (0, or 1 after printing
/// findings), or the Error that ends it, which run() prints and maps to an exit code.
using Action = std::function<Result<int>()>;

void setup_validate(CLI::App& app, Action& action);
void setup_gap(CLI::App& app, Action& action);
void setup_import(CLI::App& app, Action& action);
void setup_tasks(CLI::App& app, Action& action);
void setup_report(CLI::App& app, Action& action);
void setup_update(CLI::App& app, Action& action);
void setup_form(CLI::App& app, Action& action);
void setup_intake(CLI::App& app, Action& action);
void setup_rank(CLI::App& app, Action& action);
void setup_schema(CLI::App& app, Action& action);
void setup_diff(CLI::App& app, Action& action);

}  // namespace pgi::cli
