// pgi update TASK… --status S --by OWNER: record one progress change in the plan directory's
// update file for that owner and period (docs/tracking.md), validated before it is written.
#include <fmt/format.h>

#include <iostream>

#include "app.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "pgi/i18n.hpp"
#include "pgi/io.hpp"
#include "pgi/tracking.hpp"
#include "pgi/update_write.hpp"
#include "pgi/validate.hpp"

namespace pgi::cli {

namespace {

namespace fs = std::filesystem;

struct UpdateCliOptions {
    std::vector<std::string> tasks;
    std::string status;
    std::string date;
    int percent = -1;
    std::string note;
    std::vector<std::string> evidence;
    std::string by;
    std::string period;
    std::string plan;
    bool dry_run = false;
    InputFormat input_format = InputFormat::automatic;
};

Result<int> run_update(const UpdateCliOptions& o) {
    PlanInput in;
    if (!o.plan.empty()) in.plans.push_back(o.plan);
    in.input_format = o.input_format;
    auto one = resolve_one_plan(in, "update");
    if (!one) return tl::unexpected(one.error());
    PlanSources sources = *one;
    sources.plan_directory = true;  // the update files already there take part in validation
    sources.updates.clear();
    fs::path plan_dir = sources.plan.parent_path();

    auto current = load_valid_plan(sources, o.input_format);
    if (!current) return tl::unexpected(current.error());
    const Plan& plan = *current->plan;

    auto status = parse_status_label(o.status);
    if (!status)
        return fail(ErrorCode::usage, trf("--status: unknown status `{}`", o.status),
                    trf("use {}", accepted_status_text()));
    if (!plan.find_owner(o.by))
        return fail(ErrorCode::usage, trf("--by: `{}` is not an owner id of the plan", o.by),
                    tr("owner ids are listed under `owners` in the plan"));
    auto when = as_of_or_default(o.date, plan.meta.utc_offset_minutes());
    if (!when) return tl::unexpected(when.error());
    Date date = *when;
    CalendarPeriod period = default_report_period(date);
    if (!o.period.empty()) {
        auto p = parse_period(o.period);
        if (!p || p->kind == PeriodKind::range)
            return fail(ErrorCode::usage, trf("--period: `{}` is not a month, quarter, half or year", o.period),
                        tr(calendar_period_forms));
        period = *p;
    }
    if (!update_date_fits_period(date, period)) {
        print_error_line(trf("the date {} is outside the period {} (from {} to the end of the month after it); "
                             "nothing written",
                             format_date(date), format_period(period), format_date(period.first)),
                         tr("give --period, or the date of the report with --date"));
        return exit_findings;
    }

    std::vector<UpdateEntry> entries;
    for (const auto& task : o.tasks) {
        UpdateEntry e;
        e.task = task;
        e.update.date = date;
        e.update.status = *status;
        if (o.percent >= 0) e.update.percent = o.percent;
        e.update.note = o.note;
        e.update.evidence = o.evidence;
        e.update.reported_by = o.by;
        e.update.period = format_period(period);
        entries.push_back(std::move(e));
    }

    fs::path target = update_file_for(plan_dir, o.by, period);
    std::string existing;
    std::error_code ec;
    if (fs::exists(target, ec)) {
        auto text = read_file(target);
        if (!text) return tl::unexpected(text.error());
        existing = *text;
    }
    std::string err;
    auto text = append_updates(existing, target.extension() == ".toml", o.by, format_period(period), entries, err);
    if (!text) {
        print_error_line(trf("cannot extend {}: {}; nothing written", target.string(), err));
        return exit_findings;
    }

    // Validate the plan with the new file content: the update must name a task of the plan that
    // `--by` owns, and not contradict another update of the same date.
    PlanSources with_new = sources;
    with_new.overrides.emplace_back(target, *text);
    auto after = load_plan_with_updates(with_new, o.input_format);
    if (!after) return tl::unexpected(after.error());
    validate_loaded(*after);
    if (after->diagnostics.has_errors()) {
        print_diagnostics(after->diagnostics);
        print_error_line(trf("the update is not valid (see above); nothing written to {}", target.string()));
        return exit_findings;
    }
    if (o.dry_run) {
        std::cout << "# " << target.string() << (existing.empty() ? " (new)" : " (extended)") << "\n" << *text;
        return exit_ok;
    }
    fs::create_directories(target.parent_path(), ec);
    if (ec) return fail(ErrorCode::io, trf("cannot create {}: {}", target.parent_path().string(), ec.message()));
    if (auto w = write_file_atomic(target, *text); !w) return tl::unexpected(w.error());
    std::cerr << trnf("pgi: recorded {} update in {}\n", "pgi: recorded {} updates in {}\n", entries.size(),
                      entries.size(), target.string());
    return exit_ok;
}

}  // namespace

void setup_update(CLI::App& app, Action& action) {
    auto opts = std::make_shared<UpdateCliOptions>();
    auto* cmd =
        app.add_subcommand("update", tr("Record a progress update of tasks in the plan directory's update file"));
    add_message_lang(*cmd);
    cmd->add_option("task", opts->tasks, tr("Task ids to record the same change for"))->required();
    cmd->add_option("-s,--status", opts->status,
                    tr("New status: not_started, in_progress, done, blocked, cancelled, or a Vietnamese label "
                       "('hoàn thành', 'đang thực hiện', …; any case, with or without diacritics)"))
        ->required()
        ->option_text("STATUS");
    cmd->add_option("--by", opts->by, tr("Owner id of the reporting agency (the update file is named after it)"))
        ->required()
        ->option_text("OWNER");
    cmd->add_option("--date", opts->date, tr("Date of the report (default: today in the plan's time zone)"))
        ->check(iso_date())
        ->option_text("YYYY-MM-DD");
    cmd->add_option("-p,--period", opts->period,
                    tr("Period reported on: a month 2024-10, quarter, half or year (default: the month before --date)"))
        ->option_text("PERIOD");
    cmd->add_option("--percent", opts->percent, tr("Progress, 0-100"))->check(CLI::Range(0, 100))->option_text("N");
    cmd->add_option("--note", opts->note, tr("Progress note"))->option_text("TEXT");
    cmd->add_option("--evidence", opts->evidence, tr("Document number or link (repeatable)"))->option_text("REF");
    cmd->add_option("--plan", opts->plan,
                    tr("Plan directory or plan file (default: $PGI_PLAN, else the current directory)"))
        ->option_text("PATH");
    add_dry_run(*cmd, opts->dry_run, tr("Print the file as it would be written; write nothing"));
    cmd->footer(
        tr("\nWrites updates/<period>/<owner>.yaml under the plan's directory: created, or extended by\n"
           "appending (existing content is kept as it is). The plan is validated with the new entry first;\n"
           "on an error nothing is written. Exit codes: 0 recorded; 1 invalid update or plan; 2 usage error.\n"
           "Format and rules: docs/tracking.md.\n"));
    add_max_findings(*cmd);
    cmd->callback([opts, &action] { action = [opts] { return run_update(*opts); }; });
}

}  // namespace pgi::cli
