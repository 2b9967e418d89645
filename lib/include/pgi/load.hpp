// Loading plan files (YAML or TOML) into the plan model.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "pgi/diagnostic.hpp"
#include "pgi/error.hpp"
#include "pgi/model.hpp"

namespace pgi {

enum class InputFormat { automatic, yaml, toml };

/// The format for `path` by extension: `.yaml`/`.yml` -> yaml, `.toml` -> toml;
/// std::nullopt for any other extension.
std::optional<InputFormat> format_from_extension(const std::filesystem::path& path);

/// The result of loading: the plan (absent when the file could not be read or parsed at all)
/// and every finding, sorted. A plan is returned even when schema errors were found, with the
/// offending fields left at their defaults, so that later checks can still run; callers must
/// treat `diagnostics.has_errors()` as "invalid". A file that cannot be read at all is not a
/// LoadResult but an Error (load_plan_file()).
struct LoadResult {
    std::optional<Plan> plan;
    Diagnostics diagnostics;
};

/// Parses `text` as a plan in `format` (automatic = by the extension of `file_name`, which
/// is also the name used in diagnostics; another extension is the finding `unknown-format`
/// and no plan). Reports, with 1-based line:column:
/// `invalid-utf8`, `syntax`, `duplicate-key` (YAML keys repeated in one mapping, which
/// yaml-cpp would silently collapse), `yaml-alias`, `too-deep`, `unknown-key` (with a
/// did-you-mean hint), `wrong-type`, `missing-key`, `invalid-value`, `invalid-score`
/// (more than two decimals), `invalid-date` (malformed or impossible, e.g. 2024-02-30),
/// `unsupported-version` and the warning `not-nfc`. Semantic rules (references, ranges,
/// targets) are checked by validate_plan(), not here. Never throws on malformed input.
LoadResult load_plan_text(std::string_view text, const std::string& file_name,
                          InputFormat format = InputFormat::automatic);

/// Reads `path` and calls load_plan_text(). Errors: ErrorCode::unknown_format when `format`
/// is automatic and the extension is none of .yaml/.yml/.toml (checked before reading), and
/// ErrorCode::io when the file cannot be read (io.hpp's read_file()); both located at `path`.
Result<LoadResult> load_plan_file(const std::filesystem::path& path, InputFormat format = InputFormat::automatic);

/// The result of loading an update file (docs/tracking.md): absent when the file could not be
/// read or parsed at all.
struct UpdateLoadResult {
    std::optional<UpdateFile> updates;
    Diagnostics diagnostics;
};

/// Parses `text` as an update file: top-level `pgi` (optional, 1), `reported_by` and `period`
/// (defaults for the entries), `updates` (entries: `task`, `date`, `status`, `percent`,
/// `period`, `note`, `evidence`, `reported_by`), `deadlines` (`task`, `due`, `source`,
/// `note`) and `reports` (same shape as the plan's `plan.reports`). Same diagnostics as
/// load_plan_text(); a `period` that is not a period (period.hpp) is `invalid-value`. Whether
/// the tasks and owners exist is checked after merging, by validate_plan(). Never throws.
UpdateLoadResult load_update_text(std::string_view text, const std::string& file_name,
                                  InputFormat format = InputFormat::automatic);
/// Reads `path` and calls load_update_text(); the same errors as load_plan_file().
Result<UpdateLoadResult> load_update_file(const std::filesystem::path& path,
                                          InputFormat format = InputFormat::automatic);

/// What a file given on the command line is.
enum class DocumentKind { plan, updates };

/// A file whose top-level mapping has a `plan` or `components` key is a plan; any other file
/// that parses is an update file (docs/tracking.md). Decided by parsing `text` in `format`
/// (automatic = by the extension of `file_name`), so quoted keys (`"plan":`) count and text
/// inside values (a note line `plan: …`) does not; YAML is parsed only up to the first such
/// key, without building a tree. std::nullopt when the format is unknown or the text does
/// not parse: the caller decides by position, and the loader reports what is wrong. Never
/// throws. Implemented in classify.cpp.
std::optional<DocumentKind> detect_document_kind(std::string_view text, const std::string& file_name,
                                                 InputFormat format = InputFormat::automatic);

/// detect_document_kind() of the file at `path` (format automatic = by its extension), with
/// the limits of read_file() (io.hpp): std::nullopt also when the file cannot be read. A YAML
/// file is parsed as it is read and only up to the first `plan`/`components` key, so a large
/// plan is not read twice (once to classify it, once to load it). Never throws.
std::optional<DocumentKind> detect_file_kind(const std::filesystem::path& path,
                                             InputFormat format = InputFormat::automatic);

/// The format of a text that comes without a file name (a plan on standard input): TOML
/// when the whole text parses as TOML (a YAML plan never does: `plan:` is not TOML), else
/// YAML. Decided by parsing, with the same depth guard as the loader. Never throws.
InputFormat guess_input_format(std::string_view text);

/// Where to find the plan when none is given on the command line, in order: the `PGI_PLAN`
/// environment value (`env_plan`, may be empty, returned as given: a file or a directory),
/// else plan_in_directory(`dir`) (`dir` empty = the current directory). Returns
/// std::nullopt when nothing is found. Rule documented in docs/cli.md, "Which plan".
std::optional<std::filesystem::path> discover_plan(const std::filesystem::path& dir, std::string_view env_plan);

/// The plan file of a plan directory: the first regular file of `plan.yaml`, `plan.yml`,
/// `plan.toml`, `pgi.yaml`, `pgi.yml`, `pgi.toml` in `dir` (in that order; the first wins,
/// a later one is not read). std::nullopt when none exists. Rule: docs/cli.md, "Which plan".
std::optional<std::filesystem::path> plan_in_directory(const std::filesystem::path& dir);

}  // namespace pgi
