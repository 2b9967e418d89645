#pragma once

namespace pgi::cli {

/// Exit codes, documented in `pgi --help` and docs/cli.md.
enum ExitCode : int {
    exit_ok = 0,        ///< success (validate: valid, warnings allowed)
    exit_invalid = 1,   ///< the plan is invalid (or, with --strict, has warnings)
    exit_usage = 2,     ///< bad command line, unreadable file, cannot write output
};

/// Parses the command line, runs the subcommand, prints, and returns the exit code.
/// Every error is handled here; nothing escapes as an exception.
int run(int argc, char** argv);

}  // namespace pgi::cli
