// One setup function per subcommand; app.cpp wires them in help order.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace pgi::cli {

/// What the chosen subcommand runs after parsing; returns the exit code.
using Action = std::function<int()>;

void setup_validate(CLI::App& app, Action& action);
void setup_gap(CLI::App& app, Action& action);
void setup_import(CLI::App& app, Action& action);
void setup_tasks(CLI::App& app, Action& action);
void setup_report(CLI::App& app, Action& action);

}  // namespace pgi::cli
