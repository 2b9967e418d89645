// pgi validate [PLAN…]: report every finding in the plan files.
#include <fmt/format.h>

#include <cerrno>
#include <iostream>

#include "app.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "pgi/i18n.hpp"

namespace pgi::cli {

namespace {

enum class DiagFormat { text, json, github, gitlab };

struct ValidateOptions {
    PlanInput input;
    DiagFormat format = DiagFormat::text;
    bool strict = false;
    bool quiet = false;
};

Result<int> run_validate(const ValidateOptions& o) {
    // JSON, GitHub and GitLab findings are read by programs: their messages stay English
    // whatever the message language (docs/cli.md, "Language").
    std::optional<ScopedEnglish> english;
    if (o.format != DiagFormat::text) english.emplace();
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
            summary += trf("{}: invalid: 1 error, 0 warnings\n", path);
            continue;
        }
        LoadResult& r = *loaded;
        all.append(r.diagnostics);
        if (r.diagnostics.has_errors() || !r.plan) {
            summary +=
                trf("{}: invalid: {}, {}\n", path,
                    trnf("{} error", "{} errors", r.diagnostics.error_count(), r.diagnostics.error_count()),
                    trnf("{} warning", "{} warnings", r.diagnostics.warning_count(), r.diagnostics.warning_count()));
        } else {
            const Plan& p = *r.plan;
            summary += trf("{}: valid: {}, {}, {}, {}{}\n", path,
                           trnf("{} component", "{} components", p.components.size(), p.components.size()),
                           trnf("{} owner", "{} owners", p.owners.size(), p.owners.size()),
                           trnf("{} task", "{} tasks", p.tasks.size(), p.tasks.size()),
                           trnf("{} observation", "{} observations", p.observations.size(), p.observations.size()),
                           r.diagnostics.warning_count()
                               ? ", " + trnf("{} warning", "{} warnings", r.diagnostics.warning_count(),
                                             r.diagnostics.warning_count())
                               : std::string());
        }
        keep_until_exit(std::move(r));
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
        print_error_line(flushed.error().message);
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
    auto* cmd = app.add_subcommand("validate", tr("Check plan files and report every finding with file:line:col"));
    add_message_lang(*cmd);
    add_plan_input(*cmd, opts->input, true);
    cmd->add_option("--format", opts->format,
                    tr("Output: text (default), json, github (Actions annotations) or gitlab (Code Quality report); "
                       "docs/ci.md"))
        ->transform(choice<DiagFormat>({{"text", DiagFormat::text},
                                        {"json", DiagFormat::json},
                                        {"github", DiagFormat::github},
                                        {"gitlab", DiagFormat::gitlab}}))
        ->option_text("text|json|github|gitlab");
    cmd->add_flag("--strict", opts->strict, tr("Treat warnings as errors (exit 1)"));
    add_quiet(*cmd, opts->quiet, tr("Print findings only, no summary line"));
    cmd->callback([opts, &action] { action = [opts] { return run_validate(*opts); }; });
}

}  // namespace pgi::cli
