#pragma once

#include <functional>

#include "pgi/error.hpp"

namespace pgi::cli {

/// Exit codes: four classes, documented in `pgi --help` and docs/cli.md ("Exit codes").
enum ExitCode : int {
    exit_ok = 0,  ///< success; also `pgi tasks` that matched no task (it ran fine)
    exit_findings =
        1,           ///< the input has error findings (validate --strict: also warnings); nothing matched is not this
    exit_usage = 2,  ///< bad command line, unreadable input, output that could not be written
    exit_internal = 3,  ///< a bug in pgi or out of memory (std::bad_alloc, an unexpected exception)
};

/// The exit code class of an error: invalid_input -> 1, io/unknown_format/usage -> 2,
/// internal -> 3.
int exit_code_for(const Error& e);

/// Runs a parsed command and turns whatever ends it into an exit code: its value; an Error,
/// printed once (as a finding when it names a file, else `pgi: error: …` and the hint) and
/// mapped by exit_code_for(); std::bad_alloc or any other exception, printed as an internal
/// error, exit 3.
int run_command(const std::function<Result<int>()>& command);

/// Parses the command line, runs the subcommand, prints, and returns the exit code.
/// Every error is handled here; nothing escapes as an exception.
int run(int argc, char** argv);

}  // namespace pgi::cli
