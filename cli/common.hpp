// Shared pieces of the command layer: finding the plan, loading it, writing output.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "pgi/date.hpp"
#include "pgi/error.hpp"
#include "pgi/gap.hpp"
#include "pgi/i18n.hpp"
#include "pgi/load.hpp"
#include "pgi/period.hpp"
#include "pgi/table.hpp"
#include "pgi/updates.hpp"

namespace pgi::cli {

enum class ColorMode { automatic, always, never };

/// Options every plan-reading subcommand shares.
struct PlanInput {
    std::vector<std::string> plans;  ///< as given (plans, plan directories, update files/directories); empty = discover
    InputFormat input_format = InputFormat::automatic;
};

/// A transform for an enum option: accepts the names (case-insensitively) and rejects
/// anything else with "`xml` is not one of: table, markdown, csv, json". CLI11's own
/// CheckedTransformer prints its internal mapping instead.
template <class E>
CLI::Validator choice(std::vector<std::pair<std::string, E>> names) {
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : "|") + n.first;
    return CLI::Validator(
        [names, list](std::string& value) -> std::string {
            std::string lower = CLI::detail::to_lower(value);
            for (const auto& [name, e] : names)
                if (name == lower) {
                    value = std::to_string(static_cast<int>(e));
                    return {};
                }
            std::string shown;
            for (const auto& n : names) shown += (shown.empty() ? "" : ", ") + n.first;
            return trf("`{}` is not one of: {}", value, shown);
        },
        list);
}

/// A check that the value is an existing date YYYY-MM-DD (so `--as-of ''` is an error, not
/// "today").
CLI::Validator iso_date();

/// A check that the value is one of `names` (exactly).
CLI::Validator one_of(std::vector<std::string> names);

void add_plan_input(CLI::App& cmd, PlanInput& in, bool many);
void add_input_format(CLI::App& cmd, PlanInput& in);
/// `--max-findings N`: sets the process's finding limits (diagnostic.hpp) while parsing.
CLI::Option* add_max_findings(CLI::App& cmd);

// The options several commands share, declared once so that a letter means one thing in
// every command (docs/cli.md, "Options common to several commands"): `-q` is always
// --quiet, `-o` --output, `-n` --dry-run, `-p` --period, `-f` --format.

/// `-q, --quiet`: `what` says what it leaves out.
CLI::Option* add_quiet(CLI::App& cmd, bool& quiet, const std::string& what);
/// `-o, --output FILE`; `what` defaults to "Write to FILE (atomically) instead of standard output".
CLI::Option* add_output(CLI::App& cmd, std::string& output, const std::string& what = {});
/// `--lang vi|en`; `default_text` is what the help says the default is.
/// It also sets the language of messages (decided before parsing: app.cpp, docs/cli.md "Language").
CLI::Option* add_lang(CLI::App& cmd, std::string& lang, const std::string& default_text = tr("the plan's language"));
/// `--lang vi|en` for commands without labels: the language of messages only.
CLI::Option* add_message_lang(CLI::App& cmd, std::string& lang);
CLI::Option* add_message_lang(CLI::App& cmd);
/// `--as-of YYYY-MM-DD` (checked to be a date that exists); `what` is the help text.
CLI::Option* add_as_of(CLI::App& cmd, std::string& as_of, const std::string& what);
/// `--decimal-comma` / `--decimal-point` (one or the other): the decimal separator of scores
/// and percentages in table, Markdown and .docx output. Neither: the comma with Vietnamese
/// labels, the point with English ones (pgi::DecimalMark::by_language, labels.hpp). For CSV
/// only `--decimal-comma` counts (CSV keeps the point unless asked).
struct DecimalCliOptions {
    bool comma = false;
    bool point = false;
    DecimalMark mark() const {
        return comma ? DecimalMark::comma : point ? DecimalMark::point : DecimalMark::by_language;
    }
};
/// `point_help`: the --decimal-point help when not the table/markdown/docx default text.
void add_decimal_options(CLI::App& cmd, DecimalCliOptions& o, const std::string& comma_help,
                         const std::string& point_help = {});
/// `-n, --dry-run`; `what` is the help text.
CLI::Option* add_dry_run(CLI::App& cmd, bool& dry_run, const std::string& what);

/// The plans named by `in`, each with the update files and directories named after it
/// (docs/tracking.md): a directory holding plan.yaml / plan.toml / pgi.yaml / pgi.toml is a
/// plan directory (its plan file plus its `updates/` tree); any other directory is a directory
/// of update files; a file is a plan when its top level has `plan` or `components`
/// (detect_document_kind), else an update file. Update paths given before the first plan go
/// with the first plan. Without any plan argument, the discovered plan (PGI_PLAN, then
/// plan_in_directory of the current directory) is used. Error (usage) when there is no plan.
Result<std::vector<PlanSources>> resolve_plans(const PlanInput& in);

/// The one plan of a command that takes one (`what` is the command's name, for the message).
Result<PlanSources> resolve_one_plan(const PlanInput& in, const char* what);

/// Loads and validates a plan for a command that needs a valid one: prints the findings to
/// stderr. Errors: an unreadable file (io, unknown_format) and an invalid plan
/// (invalid_input, exit 1; its findings are already printed). The plan of the result is present.
Result<LoadResult> load_valid_plan(const PlanSources& sources, InputFormat format);

/// Loads one plan with its update files (load_plan_with_updates) and validates it; returns
/// the result with sorted diagnostics, or the error of a file that could not be read.
Result<LoadResult> load_and_validate(const PlanSources& sources, InputFormat format);

/// Keeps `loaded` until the process ends and never frees it: the operating system takes a
/// process's memory back at once at exit, while freeing a 100,000-task plan object by object
/// costs about 1 % of `pgi validate` (docs/performance.md, "Cost per task"). Only the last
/// plan given is kept (the one before is freed), so a command that reads several plans
/// needs no more memory than before. For the end of a command, after its output is written.
void keep_until_exit(LoadResult&& loaded);

/// `--as-of` parsed, or the default: the date of SOURCE_DATE_EPOCH, else of now, in the
/// plan's time zone (`utc_offset_minutes` east of UTC; PlanMeta::utc_offset_minutes()).
/// Error (usage) for a malformed date or SOURCE_DATE_EPOCH.
Result<Date> as_of_or_default(const std::string& text, int utc_offset_minutes);

/// Once per plan: when `sources` names a plan file (not its directory) and an `updates/`
/// directory lies beside it, says on stderr that those update files are not read and how to
/// name the directory instead (docs/tracking.md).
void note_updates_beside(const PlanSources& sources);

bool use_color(ColorMode mode);

/// The accepted spellings of a period, for hints: every form, ranges included
/// (`period_forms`), or the calendar periods only (`calendar_period_forms`).
extern const char* const period_forms;
extern const char* const calendar_period_forms;

/// A period given on the command line as `option` (`--period`), checked against the as-of
/// date by the one rule of docs/cli.md ("Periods and dates"): a period that starts after
/// `as_of` is refused, as `--from` after it is; one that has begun may end after it. Ranges
/// only when `ranges`. Errors: usage, with every accepted form in the hint.
Result<CalendarPeriod> period_argument(const std::string& option, const std::string& text, const Date& as_of,
                                       bool ranges);

/// Flushes standard output. Errors: io, "cannot write to standard output: <reason>" with the
/// reason of the failed write (No space left on device, Broken pipe), as errno said it.
/// Callers set errno to 0 before their first write, so that an older errno is not taken.
Result<void> flush_stdout();

/// Writes `content` to stdout, or atomically to `path` when not empty. Errors: io (cannot
/// write), usage (`path` is one of `inputs` or inside one of them that is a directory: pgi
/// never modifies an input file).
Result<void> emit(const std::string& content, const std::string& path,
                  const std::vector<std::filesystem::path>& inputs);

/// The paths a plan's run reads, for emit(): the plan file, its `updates/` directory (a plan
/// directory), the update paths named after it, and every update file actually read (the
/// plan's own `updates:` globs, symlinks in updates/).
std::vector<std::filesystem::path> input_paths_of(const PlanSources& sources, const LoadResult& loaded);

/// A check for --format: one of `names` (case-insensitive; `md` stands for `markdown`),
/// normalised to lower case.
CLI::Validator format_names(std::vector<std::string> names);

/// The output format named by `-o FILE`'s extension (`.md` → `markdown`, `.csv`, `.json`,
/// `.docx`, `.xlsx`; case-insensitive), or an empty string for another or no extension.
std::string format_of_extension(const std::string& path);

/// The format a command writes: `given` (--format, may be empty) checked against the
/// extension of `path` (-o). No --format: the extension's format when it is one of `allowed`,
/// else `fallback`. Both given and they disagree (`--format markdown -o x.docx`): a usage Error
/// (exit 2). `given` names are compared after `aliases` (e.g. md → markdown) are applied.
Result<std::string> choose_format(const std::string& given, const std::string& path,
                                  const std::vector<std::string>& allowed, const std::string& fallback);

/// Refuses to write a binary format (.docx, .xlsx) to a terminal: a usage Error asking for -o.
Result<void> refuse_binary_to_terminal(const std::string& path, const std::string& format);

/// The CSV options of every command that writes CSV (gap, tasks, report, rank), added by
/// add_csv_options(): `--csv-dialect plain|excel|excel-vi` and `--excel` (the same as
/// `--csv-dialect excel`, kept from before the dialects; the two exclude each other).
struct CsvCliOptions {
    CsvStyle style = CsvStyle::plain;
    bool excel = false;
    CLI::Option* dialect_option = nullptr;
    CLI::Option* excel_option = nullptr;
};
void add_csv_options(CLI::App& cmd, CsvCliOptions& o);

/// The dialect CSV output is written in (lib's csv_dialect()): the named style, with
/// `decimal_comma` (the command's --decimal-comma) added. `format` is the command's chosen
/// output format: --csv-dialect or --excel with another format is a usage Error (exit 2),
/// since it would silently do nothing.
Result<CsvDialect> csv_dialect_of(const CsvCliOptions& o, bool decimal_comma, const std::string& format);

/// Prints diagnostics to stderr in text form.
void print_diagnostics(const Diagnostics& ds);

/// `pgi: error: MESSAGE` and, when given, `  hint: HINT` on standard error, with the words
/// "error" and "hint" in the message language (pgi/i18n.hpp).
void print_error_line(const std::string& message, const std::string& hint = {});

std::optional<Language> language_option(const std::string& text, const std::string& plan_language);

}  // namespace pgi::cli
