// pgi import INPUT [-o FILE]: turn the text of a plan document into a plan file.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <iterator>

#include "app.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "import_into.hpp"
#include "pgi/i18n.hpp"
#include "pgi/import.hpp"
#include "pgi/io.hpp"
#include "pgi/write.hpp"

namespace pgi::cli {

namespace {

struct ImportCliOptions {
    std::string input;
    std::string output;
    std::optional<PlanFormat> format;
    bool force = false;
    bool quiet = false;
    std::string into;  ///< --into PLAN: keep its task ids (cmd_import_into.cpp)
    bool allow_orphans = false;
};

constexpr const char* import_footer =
    N_("\nInput: a .txt or .md file, or - for standard input (UTF-8, LF or CRLF, NFC or NFD).\n"
       "From .docx: pandoc -t markdown-smart-simple_tables-multiline_tables-grid_tables plan.docx\n"
       "From .pdf:  pdftotext -layout plan.pdf -        (docs/import.md has the details)\n"
       "\nExit codes:\n"
       "  0  the plan was written (warnings about what could not be placed go to stderr)\n"
       "  1  no recognisable plan structure, no target and no task, or the input is not UTF-8:\n"
       "     nothing written\n"
       "  2  usage error, unreadable input, an existing output without --force, or a failed write\n"
       "  3  internal error (a bug in pgi, or out of memory)\n");

Result<int> run_import(const ImportCliOptions& o) {
    // Decide where and how to write before reading anything, so a refusal costs nothing.
    bool to_file = !o.output.empty() && o.output != "-";
    PlanFormat format = o.format.value_or(PlanFormat::yaml);
    if (to_file) {
        auto by_ext = plan_format_for(o.output);
        if (!o.format && !by_ext)
            return fail(ErrorCode::usage, trf("cannot tell the output format from the name `{}`", o.output),
                        tr("name the output .yaml, .yml or .toml, or pass --format yaml|toml"));
        if (!o.format) format = *by_ext;
        std::error_code ec;
        if (std::filesystem::exists(o.output, ec) && !o.force)
            return fail(ErrorCode::usage, trf("refusing to overwrite the existing file {}", o.output),
                        tr("pass --force to replace it, or choose another name with -o"));
    }

    std::string text, name;
    if (o.input == "-") {
        // read in blocks, up to the same cap as files: `pgi import - < /dev/zero` must end
        char block[65536];
        while (std::cin.read(block, sizeof block) || std::cin.gcount() > 0) {
            text.append(block, static_cast<std::size_t>(std::cin.gcount()));
            if (text.size() > max_input_bytes)
                return fail(ErrorCode::usage,
                            trf("standard input is larger than {} MiB", std::to_string(max_input_bytes >> 20)),
                            tr("a plan document is a few hundred kilobytes of text"));
        }
        if (std::cin.bad()) return fail(ErrorCode::io, tr("cannot read standard input"));
        name = "<stdin>";
    } else {
        auto content = read_file(o.input);
        if (!content) return fail(ErrorCode::io, trf("cannot read {}: {}", o.input, content.error().message));
        text = std::move(*content);
        name = o.input;
    }

    ImportResult r = import_plan_text(text, ImportOptions{name});
    print_diagnostics(r.diagnostics);
    if (!r.plan) {
        print_error_line(trf("{}: no plan written", name));
        return exit_findings;
    }
    if (!o.into.empty())
        return run_import_into({name, o.into, o.output, o.format, o.allow_orphans, o.quiet}, std::move(*r.plan));
    if (to_file) warn_reimport_risk(o.output, *r.plan);
    WriteOptions wo;
    wo.header_comment = {
        fmt::format("Imported by `pgi import` from {}.", name),
        "Review it against the document; English names and observations are not in documents.",
        "`# line N` after a task id is the line of the input the task comes from.",
    };
    wo.task_line_comments = true;
    if (auto written = emit(write_plan(*r.plan, format, wo), to_file ? o.output : "", {std::filesystem::path(o.input)});
        !written)
        return tl::unexpected(written.error());
    if (!o.quiet) {
        const Plan& p = *r.plan;
        std::cerr << trf(
            "pgi: imported {}, {}, {} ({}){}\n",
            trnf("{} component", "{} components", p.components.size(), p.components.size()),
            trnf("{} owner", "{} owners", p.owners.size(), p.owners.size()),
            trnf("{} task", "{} tasks", p.tasks.size(), p.tasks.size()),
            trnf("{} warning", "{} warnings", r.diagnostics.warning_count(), r.diagnostics.warning_count()),
            to_file ? trf(" into {}", o.output) : std::string());
    }
    return exit_ok;
}

}  // namespace

void setup_import(CLI::App& app, Action& action) {
    auto opts = std::make_shared<ImportCliOptions>();
    auto* cmd = app.add_subcommand("import", tr("Turn the text of a plan document (.txt, .md) into a plan file"));
    add_message_lang(*cmd);
    cmd->add_option("input", opts->input, tr("The document's text: a file, or - for standard input"))->required();
    add_output(*cmd, opts->output,
               tr("Write the plan to FILE (.yaml, .yml or .toml; atomically) instead of standard output"));
    cmd->add_option("-f,--format", opts->format, tr("Plan format: yaml (default on standard output) or toml"))
        ->transform(choice<PlanFormat>({{"yaml", PlanFormat::yaml}, {"toml", PlanFormat::toml}}));
    cmd->add_flag("--force", opts->force, tr("Overwrite FILE if it exists"));
    cmd->add_option("--into", opts->into,
                    tr("Amend the existing plan PLAN (file or directory): tasks that match its tasks by text keep "
                       "their ids, new tasks get new ids; writes PLAN's file (or -o FILE). Refuses when a task with "
                       "updates would be removed or moved"))
        ->option_text("PLAN");
    cmd->add_flag("--allow-orphans", opts->allow_orphans,
                  tr("With --into: write even when tasks with updates would be removed or moved"));
    add_quiet(*cmd, opts->quiet, tr("No summary line on standard error (warnings are still printed)"));
    add_max_findings(*cmd);
    cmd->footer(tr(import_footer));
    cmd->callback([opts, &action] { action = [opts] { return run_import(*opts); }; });
}

}  // namespace pgi::cli
