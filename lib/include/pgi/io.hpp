// File input and atomic file output.
#pragma once

#include <filesystem>
#include <string>

#include "pgi/error.hpp"

namespace pgi {

/// The largest input file read: 256 MiB (a 100,000-task plan is about 40 MiB).
inline constexpr unsigned long long max_input_bytes = 256ull << 20;

/// Reads a whole regular file as bytes. Refuses directories, devices, FIFOs and sockets
/// (reading /dev/zero or a FIFO would never end) and files over max_input_bytes. On failure
/// an Error with code ErrorCode::io, the message a sentence such as
/// "cannot open file: No such file or directory", and the location the file (line 0).
Result<std::string> read_file(const std::filesystem::path& path);

/// Writes `content` to `path` as the shell's `>` would, atomically for a regular file: to a
/// temporary `.NAME.tmp-XXXXXX` in the same directory, flushed, renamed over `path`, then the
/// directory is fsync'ed, so readers never see a half-written file and a failure leaves any
/// existing file untouched. An existing file keeps its permissions (a new one gets 0666 less
/// the umask). A symlink is followed (a dangling one creates its target; more than 40 links is
/// a loop, refused) and stays a link. /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N
/// are written to that descriptor (appending when it was opened with `>>`); another device or
/// FIFO is opened and written to, never replaced. A write-protected file (not writable by the
/// caller, or with no write bit at all) is refused. While the temporary file exists, SIGINT,
/// SIGTERM and SIGHUP (those still at their default disposition; the handler is installed on
/// the first call) remove it before the process dies of the signal. On failure an Error with
/// code ErrorCode::io and a message such as "cannot rename into place: Permission denied" or
/// "the file is write-protected: Permission denied" (the path is not repeated in it; the
/// location names it).
Result<void> write_file_atomic(const std::filesystem::path& path, const std::string& content);

}  // namespace pgi
