#include "common.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "pgi/i18n.hpp"
#include "pgi/io.hpp"
#include "pgi/period.hpp"
#include "pgi/validate.hpp"

namespace pgi::cli {

namespace fs = std::filesystem;

void add_plan_input(CLI::App& cmd, PlanInput& in, bool many) {
    cmd.add_option("plan", in.plans,
                   many ? tr("Plan files or plan directories, each followed by its update files or directories "
                             "(default: $PGI_PLAN, else the current directory; `-` reads the first plan from "
                             "standard input)")
                        : tr("Plan file or plan directory, then update files or directories (default: $PGI_PLAN, "
                             "else the current directory; `-` reads the plan from standard input)"));
    add_input_format(cmd, in);
    add_max_findings(cmd);
}

CLI::Option* add_max_findings(CLI::App& cmd) {
    return cmd
        .add_option_function<std::size_t>(
            "--max-findings",
            [](const std::size_t& n) {
                set_finding_limits(FindingLimits{n, n * 10});
            },
            tr("Report at most N findings per file and 10*N in all, then one `too-many-findings` (default: 1000; "
               "0: no limit)"))
        ->option_text("N");
}

CLI::Option* add_quiet(CLI::App& cmd, bool& quiet, const std::string& what) {
    return cmd.add_flag("-q,--quiet", quiet, what);
}

CLI::Option* add_output(CLI::App& cmd, std::string& output, const std::string& what) {
    return cmd
        .add_option("-o,--output", output,
                    what.empty() ? tr("Write to FILE (atomically) instead of standard output") : what)
        ->option_text("FILE");
}

CLI::Option* add_lang(CLI::App& cmd, std::string& lang, const std::string& default_text) {
    return cmd
        .add_option("--lang", lang,
                    trf("Language of labels and messages: vi or en (labels: default {}; messages: see docs/cli.md, "
                        "\"Language\")",
                        default_text))
        ->check(one_of({"vi", "en"}))
        ->option_text("vi|en");
}

CLI::Option* add_message_lang(CLI::App& cmd, std::string& lang) {
    return cmd
        .add_option("--lang", lang,
                    tr("Language of messages: vi or en (default: $PGI_LANG, else $LANGUAGE, $LC_ALL, $LC_MESSAGES, "
                       "$LANG, else en)"))
        ->check(one_of({"vi", "en"}))
        ->option_text("vi|en");
}

CLI::Option* add_message_lang(CLI::App& cmd) {
    static std::string value;  // read before parsing (app.cpp); CLI11 only checks it
    return add_message_lang(cmd, value);
}

CLI::Option* add_as_of(CLI::App& cmd, std::string& as_of, const std::string& what) {
    return cmd.add_option("--as-of", as_of, what)->check(iso_date())->option_text("YYYY-MM-DD");
}

void add_decimal_options(CLI::App& cmd, DecimalCliOptions& o, const std::string& comma_help,
                         const std::string& point_help) {
    auto* comma = cmd.add_flag("--decimal-comma", o.comma, comma_help);
    auto* point = cmd.add_flag("--decimal-point", o.point,
                               point_help.empty() ? std::string(tr("Write scores as 6.58 in table, markdown and docx "
                                                                   "even with Vietnamese labels (the default there is "
                                                                   "6,58)"))
                                                  : point_help);
    point->excludes(comma);
}

CLI::Option* add_dry_run(CLI::App& cmd, bool& dry_run, const std::string& what) {
    return cmd.add_flag("-n,--dry-run", dry_run, what);
}

CLI::Validator iso_date() {
    return CLI::Validator(
        [](std::string& value) -> std::string {
            if (parse_date(value)) return {};
            return trf("`{}` is not a date YYYY-MM-DD that exists", value);
        },
        "YYYY-MM-DD");
}

CLI::Validator one_of(std::vector<std::string> names) {
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : "|") + n;
    return CLI::Validator(
        [names](std::string& value) -> std::string {
            for (const auto& n : names)
                if (n == value) return {};
            std::string shown;
            for (const auto& n : names) shown += (shown.empty() ? "" : ", ") + n;
            return trf("`{}` is not one of: {}", value, shown);
        },
        list);
}

void add_input_format(CLI::App& cmd, PlanInput& in) {
    cmd.add_option("--input-format", in.input_format,
                   tr("Read plans as yaml or toml instead of guessing from the extension (for `-`, from the content)"))
        ->transform(choice<InputFormat>({{"yaml", InputFormat::yaml}, {"toml", InputFormat::toml}}))
        ->option_text("yaml|toml");
}

Result<std::vector<PlanSources>> resolve_plans(const PlanInput& in) {
    std::vector<PlanSources> out;
    std::vector<fs::path> pending;  // update paths before the first plan
    bool stdin_read = false;
    for (const auto& arg : in.plans) {
        std::error_code ec;
        if (arg == "-") {
            // The plan on standard input (`git show HEAD~1:plan.yaml | pgi gap -`); it must be
            // the first plan argument, and standard input can be read once.
            if (stdin_read || !out.empty() || !pending.empty())
                return fail(ErrorCode::usage, tr("`-` (standard input) can only stand for the first plan"),
                            tr("give `-` once, before any update file: git show HEAD:plan.yaml | pgi gap - updates/"));
            stdin_read = true;
            std::string text;
            char buffer[1 << 16];
            while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
                text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
                if (text.size() > max_input_bytes)
                    return fail(ErrorCode::io, tr("standard input is larger than 256 MiB"),
                                tr("pgi reads plans of at most 256 MiB (docs/cli.md, \"Finding the plan\")"));
            }
            if (std::cin.bad()) return fail(ErrorCode::io, tr("cannot read standard input"));
            PlanSources s{"<stdin>", false, {}, {}, {}};
            s.plan_text = std::move(text);
            out.push_back(std::move(s));
            continue;
        }
        if (fs::is_directory(arg, ec)) {
            if (auto inside = plan_in_directory(arg))
                out.push_back(PlanSources{*inside, true, {}, {}, {}});
            else
                (out.empty() ? pending : out.back().updates).push_back(arg);
            continue;
        }
        // Classified by parsing (detect_document_kind); a file that cannot be read or parsed
        // is the plan when it comes first, else an update file of the plan before it: either
        // way the loader then reports what is wrong with it.
        bool plan = out.empty() && pending.empty();
        if (fs::is_regular_file(arg, ec))
            if (auto kind = detect_file_kind(arg, in.input_format)) plan = *kind == DocumentKind::plan;
        if (plan)
            out.push_back(PlanSources{arg, false, {}, {}, {}});
        else
            (out.empty() ? pending : out.back().updates).push_back(arg);
    }
    // Only "update files" on the command line and no plan to discover: the first of them was
    // meant as the plan (`pgi validate broken.yaml`), so let the plan loader say what is wrong.
    if (out.empty() && !pending.empty() && !in.plans.empty()) {
        const char* env = std::getenv("PGI_PLAN");
        if (!discover_plan(fs::path(), env ? env : "") && fs::is_regular_file(pending.front())) {
            out.push_back(PlanSources{pending.front(), false, {}, {}, {}});
            pending.erase(pending.begin());
        }
    }
    if (out.empty()) {
        const char* env = std::getenv("PGI_PLAN");
        auto found = discover_plan(fs::path(), env ? env : "");
        if (!found)
            return fail(
                ErrorCode::usage,
                in.plans.empty()
                    ? tr("no plan given, and no plan.yaml, plan.toml, pgi.yaml or pgi.toml in the current directory")
                    : tr("only update files given, and no plan.yaml, plan.toml, pgi.yaml or pgi.toml in the current "
                         "directory"),
                tr("pass a plan file (pgi gap examples/lang-son-2024/plan.yaml) or set PGI_PLAN"));
        std::error_code ec;
        if (fs::is_directory(*found, ec)) {
            auto inside = plan_in_directory(*found);
            if (!inside)
                return fail(ErrorCode::usage,
                            trf("no plan.yaml, plan.toml, pgi.yaml or pgi.toml in directory {}", found->string()));
            out.push_back(PlanSources{*inside, true, {}, {}, {}});
        } else {
            // A plan file found here stands for this directory, `updates/` included: an analyst
            // who types `pgi report` in the plan's repository must get the agencies' updates.
            bool here = !(env && *env);
            out.push_back(PlanSources{*found, here, {}, {}, {}});
        }
    }
    out.front().updates.insert(out.front().updates.begin(), pending.begin(), pending.end());
    return out;
}

Result<PlanSources> resolve_one_plan(const PlanInput& in, const char* what) {
    auto plans = resolve_plans(in);
    if (!plans) return tl::unexpected(std::move(plans.error()));
    if (plans->size() != 1)
        return fail(ErrorCode::usage, trf("{} takes one plan", what),
                    tr("give one plan file or plan directory, then update files"));
    return std::move(plans->front());
}

std::vector<fs::path> input_paths_of(const PlanSources& sources, const LoadResult& loaded) {
    std::vector<fs::path> out;
    if (!sources.plan_text) out.push_back(sources.plan);
    if (sources.plan_directory) out.push_back(sources.plan.parent_path() / "updates");
    out.insert(out.end(), sources.updates.begin(), sources.updates.end());
    if (loaded.plan) out.insert(out.end(), loaded.plan->update_files.begin(), loaded.plan->update_files.end());
    return out;
}

namespace {
// note_updates_beside(), not when some of those files are read anyway (through the plan's own
// `updates:` list: `read`).
void note_updates_beside_read(const PlanSources& sources, const std::vector<std::string>& read) {
    if (sources.plan_directory || sources.plan_text) return;
    fs::path dir = sources.plan.parent_path();
    std::error_code ec;
    if (!fs::is_directory((dir.empty() ? fs::path(".") : dir) / "updates", ec)) return;
    // Naming some of those files or folders after the plan file is deliberate: no note.
    std::string tree = fs::weakly_canonical((dir.empty() ? fs::path(".") : dir) / "updates", ec).string();
    for (const auto& u : sources.updates) {
        std::string c = fs::weakly_canonical(u, ec).string();
        if (c == tree || c.rfind(tree + "/", 0) == 0) return;
    }
    for (const auto& u : read)  // the plan's own `updates:` list reads from there
        if (fs::weakly_canonical(u, ec).string().rfind(tree + "/", 0) == 0) return;
    static std::vector<fs::path> said;
    if (std::find(said.begin(), said.end(), sources.plan) != said.end()) return;
    said.push_back(sources.plan);
    std::string shown_dir = dir.empty() ? std::string(".") : dir.string();
    std::cerr << "pgi: " << tr("note") << ": "
              << trf("{} is named as a file, so the update files in {}/ are not read; name the plan directory {} "
                     "instead to read them",
                     sources.plan.string(), (dir / "updates").string(), shown_dir)
              << "\n";
}
}  // namespace

void note_updates_beside(const PlanSources& sources) {
    note_updates_beside_read(sources, {});
}

Result<LoadResult> load_and_validate(const PlanSources& sources, InputFormat format) {
    auto loaded = load_plan_with_updates(sources, format);
    if (!loaded) return loaded;
    LoadResult& r = *loaded;
    if (r.plan) note_updates_beside_read(sources, r.plan->update_files);
    validate_loaded(r);
    return loaded;
}

void keep_until_exit(LoadResult&& loaded) {
    // reachable through this pointer to the end, so leak checkers do not report it
    static LoadResult* kept = nullptr;
    delete kept;
    kept = new LoadResult(std::move(loaded));
}

Result<LoadResult> load_valid_plan(const PlanSources& sources, InputFormat format) {
    auto r = load_and_validate(sources, format);
    if (!r) return r;
    print_diagnostics(r->diagnostics);
    if (r->diagnostics.has_errors() || !r->plan)
        return fail(ErrorCode::invalid_input,
                    trf("the plan is invalid; fix the errors above (pgi validate {})", sources.plan.string()));
    return r;
}

Result<Date> as_of_or_default(const std::string& text, int utc_offset_minutes) {
    if (text.empty()) {
        // The reproducible-builds convention: a malformed SOURCE_DATE_EPOCH is an error, not
        // a silent fall-back to today.
        const char* sde = std::getenv("SOURCE_DATE_EPOCH");
        if (sde && *sde && !date_from_epoch_text(sde)) {
            std::string_view v(sde);
            bool digits = v.find_first_not_of("0123456789") == std::string_view::npos;
            return fail(ErrorCode::usage,
                        digits ? trf("SOURCE_DATE_EPOCH is out of range: `{}` seconds is after 9999-12-31", sde)
                               : trf("SOURCE_DATE_EPOCH is not a whole number of seconds: `{}`", sde),
                        tr("unset it, or pass --as-of YYYY-MM-DD"));
        }
        return default_as_of(utc_offset_minutes);
    }
    auto d = parse_date(text);
    if (!d) return fail(ErrorCode::usage, trf("--as-of must be a date YYYY-MM-DD that exists, not `{}`", text));
    return *d;
}

const char* const period_forms =
    N_("write a month 2024-10, a quarter 2024-Q3, a half 2024-H2, a year 2024, or a range 2024-08-01..2024-10-31");
const char* const calendar_period_forms = N_("write a month 2024-10, a quarter 2024-Q3, a half 2024-H2 or a year 2024");

Result<CalendarPeriod> period_argument(const std::string& option, const std::string& text, const Date& as_of,
                                       bool ranges) {
    auto p = parse_period(text);
    if (!p || (!ranges && p->kind == PeriodKind::range))
        return fail(ErrorCode::usage,
                    ranges ? trf("{}: `{}` is not a period", option, text)
                           : trf("{}: `{}` is not a month, quarter, half or year", option, text),
                    tr(ranges ? period_forms : calendar_period_forms));
    if (p->first > as_of)
        return fail(ErrorCode::usage,
                    trf("{} {} starts after the as-of date {}: nothing in it has happened yet", option, text,
                        format_date(as_of)),
                    trf("choose a period that has begun, or pass --as-of with a date in it (e.g. --as-of {})",
                        format_date(p->last)));
    return *p;
}

bool use_color(ColorMode mode) {
    if (mode == ColorMode::always) return true;
    if (mode == ColorMode::never) return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    if (term && std::string(term) == "dumb") return false;
    return ::isatty(STDOUT_FILENO) == 1;
}

Result<void> flush_stdout() {
    int before = errno;
    std::cout.flush();
    int err = errno != before ? errno : 0;
    if (std::cout && std::fflush(stdout) == 0) return {};
    if (!err) err = errno ? errno : EIO;
    std::cout.clear();
    return fail(ErrorCode::io, trf("cannot write to standard output: {}", error_text(err)),
                err == ENOSPC  ? tr("the disk or device is full")
                : err == EPIPE ? tr("the reader of the pipe has gone")
                               : "");
}

Result<void> emit(const std::string& content, const std::string& path, const std::vector<fs::path>& inputs) {
    if (path.empty() || path == "-") {
        errno = 0;
        std::cout << content;
        return flush_stdout();
    }
    std::error_code ec;
    for (const auto& in : inputs) {
        bool same = fs::equivalent(in, path, ec);
        bool inside =
            !same && fs::is_directory(in, ec) &&
            fs::weakly_canonical(path, ec).string().rfind(fs::weakly_canonical(in, ec).string() + "/", 0) == 0;
        if (same || inside)
            return fail(ErrorCode::usage,
                        trf("refusing to write {}: it is {}", path,
                            (same ? tr("an input file") : tr("inside an input directory"))),
                        tr("pgi never overwrites its inputs; choose another name with -o"));
    }
    // -o /dev/stdout writes to descriptor 1 itself: what was printed before goes first.
    std::cout.flush();
    std::cerr.flush();
    auto written = write_file_atomic(path, content);
    if (!written) return fail(ErrorCode::io, trf("cannot write {}: {}", path, written.error().message));
    return {};
}

CLI::Validator format_names(std::vector<std::string> names) {
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : "|") + n;
    return CLI::Validator(
        [names](std::string& v) -> std::string {
            std::string l = CLI::detail::to_lower(v);
            if (l == "md") l = "markdown";
            if (std::find(names.begin(), names.end(), l) == names.end()) {
                std::string shown;
                for (const auto& n : names) shown += (shown.empty() ? "" : ", ") + n;
                return trf("`{}` is not one of: {}", v, shown);
            }
            v = l;
            return {};
        },
        list);
}

std::string format_of_extension(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".md" || ext == ".markdown") return "markdown";
    if (ext == ".csv") return "csv";
    if (ext == ".json") return "json";
    if (ext == ".docx") return "docx";
    if (ext == ".xlsx") return "xlsx";
    return {};
}

Result<std::string> choose_format(const std::string& given, const std::string& path,
                                  const std::vector<std::string>& allowed, const std::string& fallback) {
    std::string ext = path.empty() || path == "-" ? std::string() : format_of_extension(path);
    bool known = std::find(allowed.begin(), allowed.end(), ext) != allowed.end();
    if (given.empty()) {
        if (!ext.empty() && !known)
            return fail(ErrorCode::usage, trf("cannot write {} (the extension of {})", ext, path),
                        tr("use one of the formats this command writes, or another file name"));
        return known ? ext : fallback;
    }
    if (!ext.empty() && ext != given)
        return fail(ErrorCode::usage, trf("--format {} contradicts the file name {} ({})", given, path, ext),
                    trf("drop --format to follow the extension, or name the file .{}",
                        (given == "markdown" ? std::string("md") : given)));
    return given;
}

Result<void> refuse_binary_to_terminal(const std::string& path, const std::string& format) {
    if ((path.empty() || path == "-") && ::isatty(STDOUT_FILENO))
        return fail(ErrorCode::usage, trf("--format {} writes a binary file, not text for the terminal", format),
                    trf("name the file with -o, e.g. -o report.{}", format));
    return {};
}

void add_csv_options(CLI::App& cmd, CsvCliOptions& o) {
    o.dialect_option =
        cmd.add_option(
               "--csv-dialect", o.style,
               tr("CSV: plain (default: `,` and 6.58, no BOM), excel (with a UTF-8 byte order mark) or excel-vi "
                  "(BOM, `;` and 6,58: opens by double-click in Excel set to Vietnamese, scores as numbers)"))
            ->transform(choice<CsvStyle>(
                {{"plain", CsvStyle::plain}, {"excel", CsvStyle::excel}, {"excel-vi", CsvStyle::excel_vi}}))
            ->option_text("plain|excel|excel-vi");
    o.excel_option =
        cmd.add_flag("--excel", o.excel, tr("CSV: the same as --csv-dialect excel (a UTF-8 byte order mark)"));
    o.excel_option->excludes(o.dialect_option);
}

Result<CsvDialect> csv_dialect_of(const CsvCliOptions& o, bool decimal_comma, const std::string& format) {
    bool named = o.dialect_option && o.dialect_option->count() > 0;
    if (format != "csv" && (named || o.excel))
        return fail(ErrorCode::usage,
                    trf("{} applies to CSV output, not {}", named ? "--csv-dialect" : "--excel", format),
                    tr("add --format csv or name the file .csv with -o"));
    return csv_dialect(o.excel ? CsvStyle::excel : o.style, decimal_comma);
}

void print_diagnostics(const Diagnostics& ds) {
    std::cerr << render_text(ds);
}

std::optional<Language> language_option(const std::string& text, const std::string& plan_language) {
    std::string l = text.empty() ? plan_language : text;
    if (l == "en") return Language::en;
    if (l == "vi" || l.empty()) return Language::vi;
    return std::nullopt;
}

void print_error_line(const std::string& message, const std::string& hint) {
    std::cerr << "pgi: " << tr("error") << ": " << message << "\n";
    if (!hint.empty()) std::cerr << "  " << tr("hint") << ": " << hint << "\n";
}

}  // namespace pgi::cli
