// pgi tasks [PLAN] [UPDATES…]: list tasks with their status as of a date, filtered and sorted.
#include <fmt/format.h>

#include <iostream>

#include "app.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "pgi/i18n.hpp"
#include "pgi/report.hpp"
#include "pgi/report_xlsx.hpp"
#include "pgi/text.hpp"
#include "pgi/tracking.hpp"

namespace pgi::cli {

namespace {

struct TasksCliOptions {
    PlanInput input;
    std::string as_of;
    std::string period;
    std::vector<std::string> owners;
    OwnerRole role = OwnerRole::any;
    std::vector<std::string> components;
    std::vector<std::string> statuses;
    bool overdue = false;
    int due_within = -1;
    std::string search;
    TaskSort sort = TaskSort::plan;
    std::string format;  ///< table, markdown, csv, json or xlsx; empty: from -o's extension, else table
    std::string lang;
    CsvCliOptions csv;
    std::string output;
};

template <class T>
std::string closest(const std::string& word, const std::vector<T>& items) {
    std::vector<std::string_view> ids;
    for (const auto& item : items) ids.push_back(item.id);
    return did_you_mean(word, ids).value_or("");
}

Result<int> run_tasks(const TasksCliOptions& o) {
    auto format = choose_format(o.format, o.output, {"markdown", "csv", "json", "xlsx"}, "table");
    if (!format) return tl::unexpected(format.error());
    if (*format == "xlsx")
        if (auto ok = refuse_binary_to_terminal(o.output, *format); !ok) return tl::unexpected(ok.error());
    TaskListFormat tf = *format == "markdown" ? TaskListFormat::markdown
                        : *format == "csv"    ? TaskListFormat::csv
                        : *format == "json"   ? TaskListFormat::json
                                              : TaskListFormat::table;
    auto dialect = csv_dialect_of(o.csv, false, *format);
    if (!dialect) return tl::unexpected(dialect.error());
    auto sources = resolve_one_plan(o.input, "tasks");
    if (!sources) return tl::unexpected(sources.error());
    TaskQuery q;
    auto r = load_valid_plan(*sources, o.input.input_format);
    if (!r) return tl::unexpected(r.error());
    const Plan& plan = *r->plan;
    const auto inputs = input_paths_of(*sources, *r);
    auto as_of = as_of_or_default(o.as_of, plan.meta.utc_offset_minutes());
    if (!as_of) return tl::unexpected(as_of.error());
    q.as_of = *as_of;
    if (!o.period.empty()) {
        auto p = period_argument("--period", o.period, q.as_of, true);
        if (!p) return tl::unexpected(p.error());
        q.period = *p;
    }

    for (const auto& id : o.owners) {
        if (!plan.find_owner(id)) {
            std::string best = closest(id, plan.owners);
            return fail(
                ErrorCode::usage, trf("--owner: `{}` is not an owner of the plan", id),
                best.empty() ? tr("owner ids are listed under `owners` in the plan") : trf("did you mean `{}`?", best));
        }
    }
    q.owners = o.owners;
    q.role = o.role;
    for (const auto& c : o.components) {
        const Component* found = plan.find_component(c);
        if (!found)
            for (const auto& comp : plan.components)
                if (comp.number && std::to_string(comp.number) == c) found = &comp;
        if (!found) {
            std::string best = closest(c, plan.components);
            return fail(
                ErrorCode::usage, trf("--component: `{}` is not a component id or number of the plan", c),
                best.empty() ? tr("use an id such as `pollution` or a number 1-4") : trf("did you mean `{}`?", best));
        }
        q.components.push_back(found->id);
    }
    for (const auto& s : o.statuses) {
        auto st = parse_status_label(s);
        if (!st)
            return fail(ErrorCode::usage, trf("--status: unknown status `{}`", s),
                        trf("use {}", enum_names_text<TaskStatus>()));
        q.statuses.push_back(*st);
    }
    q.overdue = o.overdue;
    if (o.due_within >= 0) q.due_within_days = o.due_within;
    q.search = o.search;
    q.sort = o.sort;

    auto rows = query_tasks(plan, q);
    TaskListOptions lo;
    lo.language = language_option(o.lang, plan.meta.language).value_or(Language::vi);
    lo.csv = *dialect;
    // Nothing matched is a successful run (exit 0, as an empty query result is), never the
    // exit 1 of an invalid plan: docs/cli.md, "Exit codes".
    if (*format == "xlsx") {
        std::string error;
        auto bytes = render_xlsx(tasks_workbook(plan, rows, q.as_of, lo.language), q.as_of, error);
        if (!bytes) return fail(ErrorCode::io, trf("cannot make the .xlsx: {}", error));
        return emit(*bytes, o.output, inputs).map([] { return int(exit_ok); });
    }
    if (rows.empty() && (tf == TaskListFormat::table || tf == TaskListFormat::markdown)) {
        std::cerr << tr("pgi: no task matches\n");
        if (!o.output.empty()) return emit("", o.output, inputs).map([] { return int(exit_ok); });
        return exit_ok;
    }
    return emit(render_task_list(plan, rows, q.as_of, tf, lo), o.output, inputs).map([] { return int(exit_ok); });
}

}  // namespace

void setup_tasks(CLI::App& app, Action& action) {
    auto opts = std::make_shared<TasksCliOptions>();
    auto* cmd =
        app.add_subcommand("tasks", tr("List tasks with their status, owners and deadlines; filter and sort them"));
    add_plan_input(*cmd, opts->input, false);
    add_as_of(
        *cmd, opts->as_of,
        tr("Date for status, overdue and due windows (default: today in the plan's time zone, UTC+7 unless it sets "
           "time_zone; $SOURCE_DATE_EPOCH when set)"));
    cmd->add_option("-p,--period", opts->period,
                    tr("Take recurring tasks' status from the updates about this period (a month 2024-10, quarter "
                       "2024-Q3, half or year; default: the as-of month and the month before)"))
        ->option_text("PERIOD");
    cmd->add_option(
           "--owner", opts->owners,
           tr("Tasks this owner leads or cooperates on (owner id; repeatable). A group owner's tasks count for "
              "its members"))
        ->option_text("ID");
    cmd->add_option("--role", opts->role, tr("With --owner: any (default), lead or cooperating"))
        ->transform(choice<OwnerRole>(
            {{"any", OwnerRole::any}, {"lead", OwnerRole::lead}, {"cooperating", OwnerRole::cooperating}}))
        ->option_text("any|lead|cooperating");
    cmd->add_option("-c,--component", opts->components, tr("Tasks of this component (id or number 1-4; repeatable)"))
        ->option_text("ID");
    cmd->add_option(
           "-s,--status", opts->statuses,
           trf("Tasks with this status as of --as-of: {}, or a Vietnamese label such as 'hoàn thành' (any case, "
               "with or without diacritics; repeatable)",
               enum_names_text<TaskStatus>(", ")))
        ->option_text("STATUS");
    cmd->add_flag("--overdue", opts->overdue, tr("Open tasks whose due date is before --as-of"));
    cmd->add_option("--due-within", opts->due_within,
                    tr("Open tasks due within DAYS days of --as-of (with --overdue: either)"))
        ->check(CLI::Range(0, 36500))
        ->option_text("DAYS");
    cmd->add_option("--search", opts->search,
                    tr("Tasks whose id, text, note or source contains TEXT (ignoring case and Vietnamese diacritics)"))
        ->option_text("TEXT");
    cmd->add_option("--sort", opts->sort,
                    tr("Order: plan (default, document order), id, due, status, owner, component"))
        ->transform(choice<TaskSort>({{"plan", TaskSort::plan},
                                      {"id", TaskSort::id},
                                      {"due", TaskSort::due},
                                      {"status", TaskSort::status},
                                      {"owner", TaskSort::owner},
                                      {"component", TaskSort::component}}))
        ->option_text("plan|id|due|status|owner|component");
    cmd->add_option("-f,--format", opts->format,
                    tr("Output: table, markdown, csv, json or xlsx (needs -o). Default: from -o's extension "
                       "(.md, .csv, .json, .xlsx), else table"))
        ->transform(format_names({"table", "markdown", "csv", "json", "xlsx"}))
        ->option_text("table|markdown|csv|json|xlsx");
    add_lang(*cmd, opts->lang);
    add_csv_options(*cmd, opts->csv);
    add_output(*cmd, opts->output);
    cmd->footer(
        tr("\nExit codes: 0 tasks listed, or no task matches (`pgi: no task matches` on stderr); 1 the plan\n"
           "is invalid; 2 usage error, unreadable input or unwritable output; 3 internal error.\n"
           "Status, overdue and recurrence rules: docs/tracking.md.\n"));
    cmd->callback([opts, &action] { action = [opts] { return run_tasks(*opts); }; });
}

}  // namespace pgi::cli
