// pgi form [PLAN] [--owner ID]… [--period P]: the .xlsx progress forms agencies fill in, and
// pgi intake FORM… [PLAN]: the filled forms read back into update files (docs/tracking.md).
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>

#include "app.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "pgi/form.hpp"
#include "pgi/i18n.hpp"
#include "pgi/intake.hpp"
#include "pgi/io.hpp"
#include "pgi/update_write.hpp"
#include "pgi/validate.hpp"

namespace pgi::cli {

namespace {

namespace fs = std::filesystem;

struct FormCliOptions {
    PlanInput input;
    std::vector<std::string> owners;
    std::string period;
    std::string as_of;
    std::string output;
};

Result<CalendarPeriod> period_option(const std::string& text, const Date& as_of) {
    if (text.empty()) return default_report_period(as_of);
    return period_argument("--period", text, as_of, false);
}

Result<int> run_form(const FormCliOptions& o) {
    auto sources = resolve_one_plan(o.input, "form");
    if (!sources) return tl::unexpected(sources.error());
    auto r = load_valid_plan(*sources, o.input.input_format);
    if (!r) return tl::unexpected(r.error());
    const Plan& plan = *r->plan;
    auto when = as_of_or_default(o.as_of, plan.meta.utc_offset_minutes());
    if (!when) return tl::unexpected(when.error());
    Date as_of = *when;
    auto per = period_option(o.period, as_of);
    if (!per) return tl::unexpected(per.error());
    CalendarPeriod period = *per;
    std::vector<std::string> owners = o.owners;
    auto all = form_owners(plan);
    for (const auto& id : owners)
        if (std::find(all.begin(), all.end(), id) == all.end())
            return fail(ErrorCode::usage, trf("--owner: `{}` is not an owner with tasks in the plan", id),
                        trf("owners with tasks: {}", fmt::join(all, ", ")));
    bool one = owners.size() == 1;
    if (owners.empty()) owners = all;
    // The workbook's creation time: SOURCE_DATE_EPOCH when set, else midnight UTC of the as-of date.
    long long created = days_from_civil(as_of) * 86400LL;
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde && o.as_of.empty()) created = std::atoll(sde);
    fs::path out = o.output;
    std::error_code ec;
    if (out.empty())
        out = one ? fs::path(owners.front() + "-" + format_period(period) + ".xlsx")
                  : fs::path("forms-" + format_period(period));
    bool to_dir = !one || fs::is_directory(out, ec);
    if (to_dir) {
        fs::create_directories(out, ec);
        if (ec) return fail(ErrorCode::io, trf("cannot create the directory {}: {}", out.string(), ec.message()));
    }
    for (const auto& owner : owners) {
        fs::path file = to_dir ? out / (owner + ".xlsx") : out;
        std::string err = write_form_xlsx(plan, owner, period, as_of, created, file);
        if (!err.empty()) return fail(ErrorCode::io, err);
        std::cerr << trnf("pgi: wrote {} ({} task)\n", "pgi: wrote {} ({} tasks)\n",
                          form_rows(plan, owner, period, as_of).size(), file.string(),
                          form_rows(plan, owner, period, as_of).size());
    }
    return exit_ok;
}

struct IntakeCliOptions {
    std::vector<std::string> inputs;
    std::string by;
    std::string period;
    bool dry_run = false;
    InputFormat input_format = InputFormat::automatic;
};

Result<int> run_intake(const IntakeCliOptions& o) {
    std::vector<fs::path> forms;
    PlanInput in;
    in.input_format = o.input_format;
    for (const auto& a : o.inputs) {
        std::string ext = fs::path(a).extension().string();
        for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (ext == ".xlsx" || ext == ".csv")
            forms.push_back(a);
        else
            in.plans.push_back(a);
    }
    if (forms.empty()) return fail(ErrorCode::usage, tr("no form given"), tr("pgi intake FORM.xlsx… [PLAN]"));
    auto one = resolve_one_plan(in, "intake");
    if (!one) return tl::unexpected(one.error());
    PlanSources sources = *one;
    sources.plan_directory = true;
    sources.updates.clear();
    fs::path plan_dir = sources.plan.parent_path();
    auto current = load_valid_plan(sources, o.input_format);
    if (!current) return tl::unexpected(current.error());
    const Plan& plan = *current->plan;

    IntakeOptions io;
    io.owner = o.by;
    if (!o.period.empty()) {
        auto p = parse_period(o.period);
        if (!p) return fail(ErrorCode::usage, trf("--period: `{}` is not a period", o.period), tr(period_forms));
        io.period = p;
    }
    Diagnostics findings;
    std::vector<IntakeForm> read;
    for (const auto& f : forms) read.push_back(read_form(plan, f, io, findings));
    if (findings.has_errors()) {
        std::cerr << render_text(findings);
        print_error_line(tr("the forms have errors (see above); nothing written"));
        return exit_findings;
    }
    // One update file per owner and period; several forms for one file are appended in order.
    std::map<fs::path, std::pair<std::string, bool>> texts;  // path -> (text, existed)
    std::map<fs::path, std::size_t> counts;
    for (const auto& f : read) {
        if (f.entries.empty()) continue;
        fs::path target = update_file_for(plan_dir, f.owner, *f.period);
        auto it = texts.find(target);
        if (it == texts.end()) {
            std::string existing;
            std::error_code ec;
            bool existed = fs::exists(target, ec);
            if (existed) {
                auto t = read_file(target);
                if (!t) return tl::unexpected(t.error());
                existing = *t;
            }
            it = texts.emplace(target, std::make_pair(existing, existed)).first;
        }
        std::string err;
        auto t = append_updates(it->second.first, target.extension() == ".toml", f.owner, format_period(*f.period),
                                f.entries, err);
        if (!t) {
            print_error_line(trf("cannot extend {}: {}; nothing written", target.string(), err));
            return exit_findings;
        }
        it->second.first = *t;
        counts[target] += f.entries.size();
    }
    PlanSources with_new = sources;
    for (const auto& [p, t] : texts) with_new.overrides.emplace_back(p, t.first);
    auto after = load_plan_with_updates(with_new, o.input_format);
    if (!after) return tl::unexpected(after.error());
    validate_loaded(*after);
    if (after->diagnostics.has_errors()) {
        print_diagnostics(after->diagnostics);
        print_error_line(tr("the updates from the forms are not valid (see above); nothing written"));
        return exit_findings;
    }
    if (texts.empty()) std::cerr << tr("pgi: no changes in the forms: nothing to write\n");
    for (const auto& [p, t] : texts) {
        if (o.dry_run) {
            std::cout << "# " << p.string() << (t.second ? " (extended)" : " (new)") << "\n" << t.first;
            continue;
        }
        std::error_code ec;
        fs::create_directories(p.parent_path(), ec);
        if (ec) return fail(ErrorCode::io, trf("cannot create {}: {}", p.parent_path().string(), ec.message()));
        if (auto w = write_file_atomic(p, t.first); !w) return tl::unexpected(w.error());
        std::cerr << (t.second ? trnf("pgi: extended {} ({} update)\n", "pgi: extended {} ({} updates)\n", counts[p],
                                      p.string(), counts[p])
                               : trnf("pgi: wrote {} ({} update)\n", "pgi: wrote {} ({} updates)\n", counts[p],
                                      p.string(), counts[p]));
    }
    return exit_ok;
}

}  // namespace

void setup_form(CLI::App& app, Action& action) {
    auto opts = std::make_shared<FormCliOptions>();
    auto* cmd =
        app.add_subcommand("form", tr("Write .xlsx progress forms for agencies to fill in (one per owner and period)"));
    add_message_lang(*cmd);
    add_plan_input(*cmd, opts->input, false);
    cmd->add_option("--owner", opts->owners,
                    tr("Owner id to make the form for (repeatable; default: every owner with tasks)"))
        ->option_text("ID");
    cmd->add_option("-p,--period", opts->period,
                    tr("Period reported on: 2024-10, 2024-Q3, … (default: the month before --as-of)"))
        ->option_text("PERIOD");
    add_as_of(*cmd, opts->as_of, tr("Date of the pre-filled status (default: today in the plan's time zone)"));
    add_output(*cmd, opts->output,
               tr("One --owner: the .xlsx file (default OWNER-PERIOD.xlsx); else a directory, one OWNER.xlsx each "
                  "(default forms-PERIOD/)"))
        ->option_text("PATH");
    cmd->footer(
        tr("\nThe form: instructions in Vietnamese on the first sheet; on the sheet \"Báo cáo\" one row per task\n"
           "the owner leads or cooperates on, pre-filled and locked, and input cells for the new status (a\n"
           "drop-down), date, progress, note, evidence and difficulties. Read filled forms with pgi intake.\n"
           "Same inputs and --as-of (or SOURCE_DATE_EPOCH): the same bytes. Guide: docs/tracking.md.\n"));
    cmd->callback([opts, &action] { action = [opts] { return run_form(*opts); }; });
}

void setup_intake(CLI::App& app, Action& action) {
    auto opts = std::make_shared<IntakeCliOptions>();
    auto* cmd =
        app.add_subcommand("intake", tr("Read filled progress forms (.xlsx or CSV) into the plan's update files"));
    add_message_lang(*cmd);
    cmd->add_option(
           "inputs", opts->inputs,
           tr("Filled forms (.xlsx, .csv), then the plan directory (default: $PGI_PLAN, else the current directory)"))
        ->required();
    cmd->add_option("--by", opts->by, tr("Owner id of a CSV form (an .xlsx form says it itself)"))
        ->option_text("OWNER");
    cmd->add_option("-p,--period", opts->period,
                    tr("Period of a CSV form; for .xlsx forms, the period they must be for"))
        ->option_text("PERIOD");
    add_dry_run(*cmd, opts->dry_run, tr("Print the update files as they would be written; write nothing"));
    cmd->add_option("--input-format", opts->input_format, tr("Read the plan as yaml or toml instead of guessing"))
        ->transform(choice<InputFormat>({{"yaml", InputFormat::yaml}, {"toml", InputFormat::toml}}))
        ->option_text("yaml|toml");
    add_max_findings(*cmd);
    cmd->footer(
        tr("\nWrites or extends updates/<period>/<owner>.yaml under the plan directory (atomically, appending).\n"
           "Every form is checked first; a finding names the cell (form.xlsx:Báo cáo!G7) and nothing is\n"
           "written when there is an error. Exit codes: 0 written; 1 a form or the plan has errors; 2 usage.\n"));
    cmd->callback([opts, &action] { action = [opts] { return run_intake(*opts); }; });
}

}  // namespace pgi::cli
