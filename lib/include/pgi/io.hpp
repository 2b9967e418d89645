// File input and atomic file output.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace pgi {

/// Reads a whole file as bytes. On failure returns std::nullopt and sets `error` to a
/// sentence such as "cannot open file: No such file or directory".
std::optional<std::string> read_file(const std::filesystem::path& path, std::string& error);

/// Writes `content` to `path` atomically: to a temporary file in the same directory, flushed,
/// then renamed over `path`, so readers never see a half-written file and a failure leaves
/// any existing file untouched. Returns an empty string on success, else the error sentence.
std::string write_file_atomic(const std::filesystem::path& path, const std::string& content);

}  // namespace pgi
