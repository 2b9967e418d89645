#include "app.hpp"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <functional>
#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "pgi/text.hpp"

namespace pgi::cli {

namespace {
constexpr const char* exit_code_help =
    "\nExit codes:\n"
    "  0  success (validate: the plan is valid, warnings allowed unless --strict; tasks: also\n"
    "     when no task matches)\n"
    "  1  the plan is invalid (validate --strict: also when there are warnings)\n"
    "  2  usage error, unreadable input, or output that could not be written\n"
    "  3  internal error (a bug in pgi, or out of memory)\n"
    "\nThe plan: PLAN arguments, else $PGI_PLAN, else the current directory. A directory\n"
    "stands for the first of plan.yaml, plan.yml, plan.toml, pgi.yaml, pgi.yml, pgi.toml in it.\n"
    "Docs: docs/cli.md, docs/plan-format.md, docs/diagnostics.md.\n";
// Says what went wrong, once: as a finding when the error is about a file, else as a
// `pgi: error:` line; the hint on its own line.
void print_error(const Error& e) {
    if (e.location) {
        std::cerr << render_text(to_diagnostic(e));
        return;
    }
    std::cerr << "pgi: error: " << e.message << "\n";
    if (!e.hint.empty()) std::cerr << "  hint: " << e.hint << "\n";
}

}  // namespace

int exit_code_for(const Error& e) {
    switch (e.code) {
        case ErrorCode::invalid_input:
            return exit_findings;
        case ErrorCode::io:
        case ErrorCode::unknown_format:
        case ErrorCode::usage:
            return exit_usage;
        case ErrorCode::internal:
            return exit_internal;
    }
    return exit_internal;
}

int run(int argc, char** argv) {
    CLI::App app{"pgi: plans, gaps and reports for Provincial Green Index (PGI) improvement plans", "pgi"};
    app.set_version_flag("-V,--version", std::string("pgi ") + PGI_VERSION);
    app.require_subcommand(1);
    app.footer(exit_code_help);
    app.set_help_all_flag("--help-all", "Show help for every command");

    // Subcommands, wired here once, in the order --help lists them.
    Action action;
    setup_validate(app, action);
    setup_gap(app, action);
    setup_import(app, action);
    setup_tasks(app, action);
    setup_report(app, action);
    setup_update(app, action);
    setup_form(app, action);
    setup_intake(app, action);
    setup_rank(app, action);
    setup_schema(app, action);
    setup_diff(app, action);
    // A repeatable option takes one value per occurrence (`--owner A --owner B`): CLI11 would
    // let `--owner A plan.yaml` take the plan as a second owner, then find no plan.
    for (CLI::App* sub : app.get_subcommands({}))
        for (CLI::Option* opt : sub->get_options())
            if (!opt->get_positional() && opt->get_allow_extra_args()) opt->allow_extra_args(false);

    // A first word that is not an option must name a command; say so with a suggestion
    // rather than CLI11's generic "a subcommand is required".
    if (argc > 1 && argv[1][0] != '-') {
        std::string word = argv[1];
        const CLI::App* match = nullptr;
        std::vector<std::string_view> names;
        for (const CLI::App* sub : app.get_subcommands({})) {
            if (sub->get_name() == word) match = sub;
            names.push_back(sub->get_name());
        }
        if (!match) {
            auto best = did_you_mean(word, names);
            std::cerr << "pgi: error: unknown command `" << word << "`\n";
            std::cerr << "  hint: "
                      << (best ? "did you mean `pgi " + *best + "`?" : "run `pgi --help` for the list of commands")
                      << "\n";
            return exit_usage;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {  // --help, --version: their text must arrive (`> /dev/full` fails)
            errno = 0;
            int code = app.exit(e);
            if (auto flushed = flush_stdout(); !flushed) {
                print_error(flushed.error());
                return exit_usage;
            }
            return code;
        }
        std::cerr << "pgi: error: " << e.what() << "\n";
        std::cerr << "  hint: run `pgi --help` or `pgi <command> --help`\n";
        return exit_usage;
    }
    if (!action) return exit_usage;
    return run_command(action);
}

int run_command(const std::function<Result<int>()>& command) {
    try {
        Result<int> code = command();
        if (code) return *code;
        print_error(code.error());
        return exit_code_for(code.error());
    } catch (const std::bad_alloc&) {
        std::cerr << "pgi: error: out of memory\n"
                  << "  hint: the input is larger than this machine can hold; a plan needs a few megabytes\n";
        return exit_internal;
    } catch (const std::exception& e) {
        std::cerr << "pgi: internal error: " << e.what() << "\n"
                  << "  hint: this is a bug in pgi; please report it with the input that caused it\n";
        return exit_internal;
    } catch (...) {
        std::cerr << "pgi: internal error: an unknown exception\n"
                  << "  hint: this is a bug in pgi; please report it with the input that caused it\n";
        return exit_internal;
    }
}

}  // namespace pgi::cli
