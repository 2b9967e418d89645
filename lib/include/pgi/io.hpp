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

/// Writes `content` to `path` atomically: to a temporary file in the same directory, flushed,
/// then renamed over `path`, so readers never see a half-written file and a failure leaves
/// any existing file untouched. An existing file keeps its permissions (a new one gets 0666
/// less the umask); a symlink keeps pointing at its target, which is replaced; a device or
/// FIFO (/dev/stdout) is written to directly, not replaced. On failure an Error with code
/// ErrorCode::io and a message such as "cannot rename into place: Permission denied" (the path
/// is not repeated in it; the location names it).
Result<void> write_file_atomic(const std::filesystem::path& path, const std::string& content);

}  // namespace pgi
