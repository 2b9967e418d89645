// The one error type of libpgi's fallible calls (reading and writing files, resolving what the
// user asked for). Findings about a plan's content are not errors in this sense: they are data,
// pgi::Diagnostics (diagnostic.hpp), and a plan with findings is still loaded.
//
// A call that can fail returns pgi::Result<T> (tl::expected<T, pgi::Error>): the value, or the
// Error saying what went wrong, what to do about it, and where when a place in a file is known.
// The command layer turns an Error into a message and an exit code once, in cli/app.cpp
// (docs/cli.md, "Exit codes").
#pragma once

#include <optional>
#include <string>
#include <tl/expected.hpp>
#include <utility>

#include "pgi/diagnostic.hpp"

namespace pgi {

/// What kind of failure an Error is; decides the exit code class (docs/cli.md).
enum class ErrorCode {
    io,              ///< a file could not be read or written (`io-error`; exit 2)
    unknown_format,  ///< a file's format cannot be told from its name (`unknown-format`; exit 2)
    usage,           ///< the command line asks for something impossible (`usage`; exit 2)
    invalid_input,   ///< the input has error findings, already reported (`invalid-input`; exit 1)
    internal,        ///< a bug in pgi (`internal`; exit 3)
};

/// The stable kebab-case name of `code`: `io-error`, `unknown-format`, `usage`,
/// `invalid-input`, `internal` (the first two are also finding codes in docs/diagnostics.md).
const char* to_string(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::internal;
    std::string message;  ///< one sentence, no trailing period, e.g. "cannot open file: No such file or directory"
    std::string hint;     ///< what to do about it; may be empty
    std::optional<SourceLocation> location;  ///< the file (and line:col when known) it is about
};

/// The result of a fallible call: a T, or the Error.
template <class T>
using Result = tl::expected<T, Error>;

/// `tl::unexpected(Error{…})`, for `return fail(ErrorCode::io, "…");`.
inline tl::unexpected<Error> fail(ErrorCode code, std::string message, std::string hint = {},
                                  std::optional<SourceLocation> location = std::nullopt) {
    return tl::unexpected<Error>(Error{code, std::move(message), std::move(hint), std::move(location)});
}

/// The error as a finding (severity error, code to_string(e.code), the location or an empty
/// one), for commands that list it with the plan's findings (`pgi validate`).
Diagnostic to_diagnostic(const Error& e);

}  // namespace pgi
