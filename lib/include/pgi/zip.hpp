// A zip archive built in memory (the container of .docx files), through libzip.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pgi/date.hpp"

namespace pgi {

struct ZipEntry {
    std::string name;     ///< path inside the archive, `/`-separated, e.g. `word/document.xml`
    std::string content;  ///< the bytes
};

/// The archive holding `entries` in the order given, each deflated, every entry stamped with
/// the MS-DOS date `stamp` at 00:00:00 (MS-DOS times have no time zone, so the bytes do not
/// depend on TZ). The same entries and stamp give byte-identical archives. Dates before
/// 1980 (the MS-DOS epoch) are stamped 1980-01-01. Returns std::nullopt and sets `error` when
/// libzip fails (out of memory; it does not fail on valid input).
std::optional<std::string> make_zip(const std::vector<ZipEntry>& entries, const Date& stamp, std::string& error);

/// The entries of a zip archive held in memory, in archive order, or std::nullopt with
/// `error` set when the bytes are not a readable zip archive. For tests and checks.
std::optional<std::vector<ZipEntry>> read_zip(const std::string& archive, std::string& error);

}  // namespace pgi
