// pgi validate [PLAN…]: report every finding in the plan files.
#include <fmt/format.h>

#include <cerrno>
#include <iostream>

#include "app.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace pgi::cli {

namespace {

enum class DiagFormat { text, json, github, gitlab };

struct ValidateOptions {
    PlanInput input;
    DiagFormat format = DiagFormat::text;
    bool strict = false;
    bool quiet = false;
};

std::string plural(std::size_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

Result<int> run_validate(const ValidateOptions& o) {
    auto plans = resolve_plans(o.input);
    if (!plans) return tl::unexpected(plans.error());
    Diagnostics all;
    bool io_error = false;
    std::string summary;
    for (const auto& sources : *plans) {
        const std::string path = sources.plan.string();
        auto loaded = load_and_validate(sources, o.input.input_format);
        if (!loaded) {
            // listed with the other plans' findings, so that one unreadable plan of several
            // does not hide what is wrong with the rest; the exit code is still 2
            io_error = true;
            all.add(to_diagnostic(loaded.error()));
            summary += fmt::format("{}: invalid: 1 error, 0 warnings\n", path);
            continue;
        }
        const LoadResult& r = *loaded;
        all.append(r.diagnostics);
        if (r.diagnostics.has_errors() || !r.plan) {
            summary += fmt::format("{}: invalid: {}, {}\n", path, plural(r.diagnostics.error_count(), "error"),
                                   plural(r.diagnostics.warning_count(), "warning"));
        } else {
            const Plan& p = *r.plan;
            summary +=
                fmt::format("{}: valid: {}, {}, {}, {}{}\n", path, plural(p.components.size(), "component"),
                            plural(p.owners.size(), "owner"), plural(p.tasks.size(), "task"),
                            plural(p.observations.size(), "observation"),
                            r.diagnostics.warning_count() ? ", " + plural(r.diagnostics.warning_count(), "warning")
                                                          : std::string());
        }
    }
    errno = 0;  // flush_stdout() names the reason of a failed write
    if (o.format == DiagFormat::json) {
        std::cout << render_json(all);
    } else if (o.format == DiagFormat::github) {
        std::cout << render_github(all);
    } else if (o.format == DiagFormat::gitlab) {
        std::cout << render_gitlab(all);
    } else {
        std::cout << render_text(all);
        if (!o.quiet) std::cout << summary;
    }
    if (auto flushed = flush_stdout(); !flushed) {
        std::cerr << "pgi: error: " << flushed.error().message << "\n";
        return exit_usage;
    }
    if (io_error) return exit_usage;
    if (all.has_errors()) return exit_findings;
    if (o.strict && all.warning_count() > 0) return exit_findings;
    return exit_ok;
}

}  // namespace

void setup_validate(CLI::App& app, Action& action) {
    auto opts = std::make_shared<ValidateOptions>();
    auto* cmd = app.add_subcommand("validate", "Check plan files and report every finding with file:line:col");
    add_plan_input(*cmd, opts->input, true);
    cmd->add_option("--format", opts->format,
                    "Output: text (default), json, github (Actions annotations) or gitlab (Code Quality report); "
                    "docs/ci.md")
        ->transform(choice<DiagFormat>({{"text", DiagFormat::text},
                                        {"json", DiagFormat::json},
                                        {"github", DiagFormat::github},
                                        {"gitlab", DiagFormat::gitlab}}))
        ->option_text("text|json|github|gitlab");
    cmd->add_flag("--strict", opts->strict, "Treat warnings as errors (exit 1)");
    add_quiet(*cmd, opts->quiet, "Print findings only, no summary line");
    cmd->callback([opts, &action] { action = [opts] { return run_validate(*opts); }; });
}

}  // namespace pgi::cli
