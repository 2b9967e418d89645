// Writing progress into update files (docs/tracking.md, issue 8): `pgi update` and
// `pgi intake` record new entries in `updates/<period>/<owner>.yaml` under a plan directory,
// creating the file or extending it by appending — existing content is never reordered or
// reformatted, so the agency's own comments and layout survive.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pgi/model.hpp"
#include "pgi/period.hpp"

namespace pgi {

/// The update file for `owner` and `period` under `plan_dir`: `updates/<period>/<owner>.yaml`
/// (period in its canonical spelling, 2024-10), or the existing `.yml` / `.toml` file of that
/// name when there is one.
std::filesystem::path update_file_for(const std::filesystem::path& plan_dir, std::string_view owner,
                                      const CalendarPeriod& period);

/// The text of an update file after appending `entries` (each a task id and an update; the
/// update's `reported_by` and `period` are written only when they differ from the file's).
/// `existing` is the current text ("" for a new file, which gets `pgi: 1`, `reported_by:
/// <owner>`, `period: <period>` and `updates:`); `toml` selects TOML (`[[updates]]` tables
/// appended at the end) instead of YAML (items appended to the block list `updates:`, which
/// must then be the file's last top-level key; when the file has no `updates:` key one is
/// added at the end). Strings are double-quoted with escapes; dates are ISO. Returns the new
/// text, or std::nullopt with `error` set when the file cannot be extended without
/// reformatting it (`updates` is not the last key, or is a flow list `[...]`).
std::optional<std::string> append_updates(std::string_view existing, bool toml, std::string_view owner,
                                          std::string_view period, const std::vector<UpdateEntry>& entries,
                                          std::string& error);

/// True when `date` may be the date of an update about `period`: from the period's first day
/// to the last day of the month after it (reports on October are made in early November).
bool update_date_fits_period(const Date& date, const CalendarPeriod& period);

}  // namespace pgi
