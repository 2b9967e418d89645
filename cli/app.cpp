#include "app.hpp"

#include <fmt/args.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <regex>

#include "commands.hpp"
#include "common.hpp"
#include "pgi/i18n.hpp"
#include "pgi/text.hpp"

namespace pgi::cli {

namespace {
constexpr const char* exit_code_help =
    N_("\nExit codes:\n"
       "  0  success (validate: the plan is valid, warnings allowed unless --strict; tasks: also\n"
       "     when no task matches)\n"
       "  1  the plan is invalid (validate --strict: also when there are warnings)\n"
       "  2  usage error, unreadable input, or output that could not be written\n"
       "  3  internal error (a bug in pgi, or out of memory)\n"
       "\nThe plan: PLAN arguments, else $PGI_PLAN, else the current directory. A directory\n"
       "stands for the first of plan.yaml, plan.yml, plan.toml, pgi.yaml, pgi.yml, pgi.toml in it.\n"
       "Docs: docs/cli.md, docs/plan-format.md, docs/diagnostics.md.\n");
// Says what went wrong, once: as a finding when the error is about a file, else as a
// `pgi: error:` line; the hint on its own line.
void print_error(const Error& e) {
    if (e.location) {
        std::cerr << render_text(to_diagnostic(e));
        return;
    }
    print_error_line(e.message, e.hint);
}

// The value of the last `--lang X` / `--lang=X` before `--`, or "": the language of messages
// must be known before CLI11 builds the help text and parses (docs/cli.md, "Language").
std::string lang_argument(int argc, char** argv) {
    std::string lang;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == "--") break;
        if (a == "--lang" && i + 1 < argc)
            lang = argv[++i];
        else if (a.rfind("--lang=", 0) == 0)
            lang = a.substr(7);
    }
    return lang == "vi" || lang == "en" ? lang : std::string();
}

// CLI11's own parse errors, in the message language: the English texts of CLI11 2.1
// (CLI/Error.hpp) as patterns, each with its translatable form.
std::string cli11_message(const std::string& what) {
    if (message_language() == "en") return what;
    struct Pattern {
        const char* regex;
        const char* msgid;
    };
    static const Pattern patterns[] = {
        {"^The following argument was not expected: (.*)$", N_("The following argument was not expected: {}")},
        {"^The following arguments were not expected: (.*)$", N_("The following arguments were not expected: {}")},
        {"^A subcommand is required$", N_("A subcommand is required")},
        {"^(.*): ([0-9]+) required (.*) missing$", N_("{}: {} required {} missing")},
        {"^(.*) is required$", N_("{} is required")},
        {"^(.*) requires (.*)$", N_("{} requires {}")},
        {"^(.*) excludes (.*)$", N_("{} excludes {}")},
        {"^Could not convert: (.*) = (.*)$", N_("Could not convert: {} = {}")},
        {"^The value (.*) is not an allowed value for (.*)$", N_("The value {} is not an allowed value for {}")},
        {"^(.*): too many inputs for a flag$", N_("{}: too many inputs for a flag")},
        {"^(.*): Should be true/false or a number$", N_("{}: Should be true/false or a number")},
        {"^Expected exactly ([0-9]+) arguments to (.*), got ([0-9]+)$",
         N_("Expected exactly {} arguments to {}, got {}")},
        {"^(.*) not found$", N_("{} not found")},
    };
    std::smatch m;
    for (const auto& p : patterns) {
        if (!std::regex_match(what, m, std::regex(p.regex))) continue;
        fmt::dynamic_format_arg_store<fmt::format_context> store;
        for (std::size_t i = 1; i < m.size(); ++i) store.push_back(m[i].str());
        try {
            return fmt::vformat(tr(p.msgid), store);
        } catch (const fmt::format_error&) {
            return what;
        }
    }
    return what;
}

// CLI11's help layout words, in the message language.
void translate_help_labels(CLI::App& app) {
    auto f = app.get_formatter();
    f->label("Usage", tr("Usage"));
    f->label("OPTIONS", tr("OPTIONS"));
    f->label("SUBCOMMAND", tr("SUBCOMMAND"));
    f->label("SUBCOMMANDS", tr("SUBCOMMANDS"));
    f->label("Positionals", tr("Positionals"));
    f->label("REQUIRED", tr("REQUIRED"));
    f->label("Env", tr("Env"));
    f->label("Needs", tr("Needs"));
    f->label("Excludes", tr("Excludes"));
    f->label("TEXT", tr("TEXT"));
    f->label("INT", tr("INT"));
    app.option_defaults()->group(tr("Options"));
    app.get_help_ptr()->group(tr("Options"));
    app.get_help_ptr()->description(tr("Print this help message and exit"));
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
    // The language of messages first: the help text below is built in it.
    set_message_language(
        resolve_message_language(lang_argument(argc, argv), [](const char* n) { return std::getenv(n); }));
    CLI::App app{tr("pgi: plans, gaps and reports for Provincial Green Index (PGI) improvement plans"), "pgi"};
    translate_help_labels(app);
    app.set_version_flag("-V,--version", std::string("pgi ") + PGI_VERSION,
                         tr("Display program version information and exit"));
    app.require_subcommand(1);
    app.footer(tr(exit_code_help));
    app.set_help_all_flag("--help-all", tr("Show help for every command"));
    std::string lang;
    add_message_lang(app, lang);

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
    // CLI11 gives a subcommand its help flags before the parent's option group: name the group
    // again, and the group `pgi --help` lists the commands under.
    for (CLI::App* sub : app.get_subcommands({})) {
        sub->group(tr("Subcommands"));
        if (auto* h = sub->get_help_ptr()) h->group(tr("Options"));
        // CLI11 2.1 hands out the help-all flag as const only; the group is a display setting.
        if (const auto* h = sub->get_help_all_ptr()) const_cast<CLI::Option*>(h)->group(tr("Options"));
    }

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
            print_error_line(trf("unknown command `{}`", word), best ? trf("did you mean `pgi {}`?", *best)
                                                                     : tr("run `pgi --help` for the list of commands"));
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
        print_error_line(cli11_message(e.what()), tr("run `pgi --help` or `pgi <command> --help`"));
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
        print_error_line(tr("out of memory"),
                         tr("the input is larger than this machine can hold; a plan needs a few megabytes"));
        return exit_internal;
    } catch (const std::exception& e) {
        std::cerr << "pgi: " << tr("internal error") << ": " << e.what() << "\n"
                  << "  " << tr("hint") << ": "
                  << tr("this is a bug in pgi; please report it with the input that caused it") << "\n";
        return exit_internal;
    } catch (...) {
        std::cerr << "pgi: " << tr("internal error") << ": " << tr("an unknown exception") << "\n"
                  << "  " << tr("hint") << ": "
                  << tr("this is a bug in pgi; please report it with the input that caused it") << "\n";
        return exit_internal;
    }
}

}  // namespace pgi::cli
