// pgi diff [OLD] [NEW] [-- PATH]: what changed between two versions of a plan, in plan terms
// (lib's diff.hpp; docs/diff.md). This file only tells paths from revisions and prints.
#include <cstdlib>
#include <iostream>

#include "app.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "pgi/diff.hpp"
#include "pgi/i18n.hpp"

namespace pgi::cli {

namespace {

namespace fs = std::filesystem;

struct DiffCliOptions {
    std::vector<std::string> args;
    std::vector<std::string> after_dashes;  ///< what follows `--`: paths, never revisions
    PlanInput input;                        ///< only its --input-format: the plans are `args`
    std::string as_of;
    int year = 0;
    std::string format;
    std::string lang;
    DecimalCliOptions decimal;
    std::string output;
};

// One side of the comparison: a plan file or directory on disk, or one at a git revision.
struct Side {
    std::string revision;  ///< empty: on disk
    fs::path path;
    std::string label() const { return revision.empty() ? path.string() : revision + ":" + path.string(); }
};

Result<std::pair<Side, Side>> sides_of(const std::vector<std::string>& args, const std::vector<std::string>& after) {
    std::vector<std::string> revisions;
    std::vector<fs::path> paths;
    std::error_code ec;
    for (const auto& a : after)
        if (a.size() > 1 && a[0] == '-' && a != "--")
            return fail(ErrorCode::usage, trf("unknown option `{}`", a),
                        tr("options come before `--`; see pgi diff --help"));
    // Revisions are looked up in the repository of the first path given, else of the current directory.
    fs::path repo_dir = after.empty() || after[0] == "--" ? fs::path(".") : fs::path(after[0]);
    if (after.empty())
        for (const auto& a : args)
            if (fs::exists(a, ec)) {
                repo_dir = fs::is_directory(a, ec) ? fs::path(a) : fs::path(a).parent_path();
                if (repo_dir.empty()) repo_dir = ".";
                break;
            }
    for (const auto& a : args) {
        if (fs::exists(a, ec)) {
            paths.emplace_back(a);
        } else if (is_git_revision(a, repo_dir)) {
            if (!paths.empty())
                return fail(ErrorCode::usage, trf("`{}` is a revision after a path: give revisions first", a),
                            tr("pgi diff [OLD-REVISION [NEW-REVISION]] [--] [PATH]"));
            revisions.push_back(a);
        } else {
            return fail(ErrorCode::usage, trf("`{}` is neither a file, a directory nor a git revision", a),
                        tr("pgi diff OLD NEW compares two plan files or directories; pgi diff REVISION [--] PATH "
                           "compares PATH at REVISION with PATH on disk"));
        }
    }
    for (const auto& a : after)
        if (a != "--") paths.emplace_back(a);  // after `--`, a path even when it does not exist (any more)
    if (paths.size() == 2 && revisions.empty()) return std::pair{Side{"", paths[0]}, Side{"", paths[1]}};
    if (paths.size() > 1 || revisions.size() > 2)
        return fail(ErrorCode::usage, tr("too many plans to compare"),
                    tr("pgi diff takes two plans, or up to two revisions and one path"));
    fs::path path;
    if (!paths.empty()) {
        path = paths.front();
    } else {
        const char* env = std::getenv("PGI_PLAN");
        if (env && *env)
            path = env;
        else if (plan_in_directory("."))
            path = ".";
        else
            return fail(ErrorCode::usage, tr("no plan to compare: no plan.yaml, plan.toml, pgi.yaml or pgi.toml here"),
                        tr("name the plan file or directory after the revisions: pgi diff HEAD~1 -- path/plan.yaml"));
    }
    if (revisions.empty()) return std::pair{Side{"HEAD", path}, Side{"", path}};
    if (revisions.size() == 1) return std::pair{Side{revisions[0], path}, Side{"", path}};
    return std::pair{Side{revisions[0], path}, Side{revisions[1], path}};
}

Result<LoadResult> load_side(const Side& s, InputFormat format) {
    Result<LoadResult> r;
    if (!s.revision.empty()) {
        r = load_plan_at_revision(s.revision, s.path);
    } else {
        PlanSources src;
        std::error_code ec;
        if (fs::is_directory(s.path, ec)) {
            auto file = plan_in_directory(s.path);
            if (!file)
                return fail(ErrorCode::usage,
                            trf("`{}` holds no plan.yaml, plan.yml, plan.toml, pgi.yaml or pgi.toml", s.path.string()));
            src.plan = *file;
            src.plan_directory = true;
        } else {
            src.plan = s.path;
        }
        r = load_and_validate(src, format);
    }
    if (!r) return r;
    print_diagnostics(r->diagnostics);
    if (!r->plan || r->diagnostics.has_errors())
        return fail(ErrorCode::usage, trf("cannot compare `{}`: the plan is invalid (errors above)", s.label()),
                    tr("fix them, or compare another revision"));
    return r;
}

Result<int> run_diff(const DiffCliOptions& o) {
    auto format = choose_format(o.format, o.output, {"text", "markdown", "json"}, "text");
    if (!format) return tl::unexpected(format.error());
    auto sides = sides_of(o.args, o.after_dashes);
    if (!sides) return tl::unexpected(sides.error());
    auto old_plan = load_side(sides->first, o.input.input_format);
    if (!old_plan) return tl::unexpected(old_plan.error());
    auto new_plan = load_side(sides->second, o.input.input_format);
    if (!new_plan) return tl::unexpected(new_plan.error());
    auto as_of = as_of_or_default(o.as_of, new_plan->plan->meta.utc_offset_minutes());
    if (!as_of) return tl::unexpected(as_of.error());
    DiffOptions opts;
    opts.as_of = *as_of;
    if (o.year) opts.target_year = o.year;
    PlanDiff d = diff_plans(*old_plan->plan, *new_plan->plan, opts);
    d.old_label = sides->first.label();
    d.new_label = sides->second.label();
    auto lang = language_option(o.lang, new_plan->plan->meta.language).value_or(Language::vi);
    DiffFormat f = *format == "json"       ? DiffFormat::json
                   : *format == "markdown" ? DiffFormat::markdown
                                           : DiffFormat::text;
    std::vector<fs::path> inputs;
    for (const Side* s : {&sides->first, &sides->second})
        if (s->revision.empty()) inputs.push_back(s->path);
    return emit(render_diff(d, f, lang, o.decimal.mark()), o.output, inputs).map([&] { return d.empty() ? 0 : 1; });
}

}  // namespace

void setup_diff(CLI::App& app, Action& action) {
    auto opts = std::make_shared<DiffCliOptions>();
    auto* cmd = app.add_subcommand(
        "diff",
        tr("Show what changed between two versions of a plan (files, directories or git revisions), in plan terms"));
    cmd->add_option(
        "args", opts->args,
        tr("OLD NEW: two plan files or directories; or [OLD-REVISION [NEW-REVISION]] [--] [PATH]: PATH (default: "
           "$PGI_PLAN, else the current directory) at git revisions, the second defaulting to the work tree "
           "and the first to HEAD. An argument that exists on disk is a path, any other a revision"));
    add_input_format(*cmd, opts->input);
    add_as_of(*cmd, opts->as_of,
              tr("Date task statuses (update files included) and current scores are taken at (default: today in "
                 "the plan's time zone; $SOURCE_DATE_EPOCH when set)"));
    cmd->add_option("--year", opts->year, tr("Target year of the gap comparison (default: as pgi gap chooses it)"))
        ->check(CLI::Range(1900, 2200))
        ->option_text("YEAR");
    cmd->add_option("-f,--format", opts->format,
                    tr("Output: text, markdown or json. Default: from -o's extension (.md, .json), else text"))
        ->transform(format_names({"text", "markdown", "json"}))
        ->option_text("text|markdown|json");
    add_lang(*cmd, opts->lang, tr("the new plan's language"));
    add_decimal_options(*cmd, opts->decimal,
                        tr("Write scores as 6,58 (Vietnamese style) in text and markdown (the default there with "
                           "Vietnamese labels; json keeps numbers)"),
                        tr("Write scores as 6.58 in text and markdown even with Vietnamese labels (the default there "
                           "is 6,58)"));
    add_output(*cmd, opts->output);
    cmd->footer(
        tr("\nExit codes (like diff(1)): 0 no change, 1 changes shown, 2 error (an argument that is neither a path "
           "nor\na revision, an unreadable or invalid plan). Docs: docs/diff.md.\n"));
    // CLI11 2.1 hands `--` and what follows to the parent command unless a positional still
    // expects a value; this hidden one does (it is never filled: `args` takes every value), so
    // `pgi diff v1 v2 -- plan` parses like `pgi diff v1 v2 plan`.
    cmd->add_option("after-dashes", opts->after_dashes)->expected(1)->group("");
    cmd->callback([opts, &action] { action = [opts] { return run_diff(*opts); }; });
}

}  // namespace pgi::cli
