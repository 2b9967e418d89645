// pgi report [PLAN] [UPDATES…] --period P: the periodic report (báo cáo định kỳ).
#include <iostream>

#include "app.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "pgi/i18n.hpp"
#include "pgi/provenance.hpp"
#include "pgi/report.hpp"
#include "pgi/report_docx.hpp"
#include "pgi/report_xlsx.hpp"
#include "tables.hpp"

namespace pgi::cli {

namespace {

enum class SourceRevisions { automatic, none };

struct ReportCliOptions {
    PlanInput input;
    std::string period;
    std::string from;
    std::string to;
    std::string as_of;
    std::string format;  ///< markdown, csv, docx or xlsx; empty: from -o's extension, else markdown
    std::string lang;
    DecimalCliOptions decimal;
    CsvCliOptions csv;
    bool no_appendix = false;
    int window = 30;
    SourceRevisions revisions = SourceRevisions::automatic;
    std::string output;
    std::vector<std::string> tables;
};

// The revision of each input file (provenance.hpp): `git <HEAD>`, `git <HEAD>, modified`,
// `git: untracked`, `git: no commit yet`; empty outside a git work tree or with
// --source-revisions none.
std::vector<SourceFile> describe_sources(const std::vector<std::string>& files, SourceRevisions mode) {
    std::vector<SourceFile> out;
    for (const auto& f : files) out.push_back(SourceFile{f, ""});
    if (mode == SourceRevisions::none) return out;
    auto states = provenance_of(files);
    for (std::size_t i = 0; i < files.size(); ++i) out[i].revision = states[i].describe();
    return out;
}

Result<CalendarPeriod> resolve_period(const ReportCliOptions& o, const Date& as_of) {
    if (!o.period.empty()) return period_argument("--period", o.period, as_of, true);
    if (!o.to.empty() && o.from.empty())
        return fail(ErrorCode::usage, tr("--to needs --from"), tr("e.g. --from 2024-08-01 --to 2024-10-31"));
    if (!o.from.empty()) {
        auto from = parse_date(o.from);
        if (!from) return fail(ErrorCode::usage, trf("--from must be a date YYYY-MM-DD that exists, not `{}`", o.from));
        Date to = as_of;
        if (!o.to.empty()) {
            auto t = parse_date(o.to);
            if (!t) return fail(ErrorCode::usage, trf("--to must be a date YYYY-MM-DD that exists, not `{}`", o.to));
            to = *t;
        }
        auto p = period_between(*from, to);
        if (!p && *from > as_of && o.to.empty())
            return fail(ErrorCode::usage,
                        trf("--from {} starts after the as-of date {}: nothing in it has happened yet", o.from,
                            format_date(as_of)),
                        tr("choose a period that has begun, or pass --as-of with a date in it"));
        if (!p)
            return fail(ErrorCode::usage,
                        trf("the period ends before it starts (--from {}, to {})", o.from, format_date(to)));
        if (p->first > as_of)
            return fail(ErrorCode::usage,
                        trf("--from {} starts after the as-of date {}: nothing in it has happened yet", o.from,
                            format_date(as_of)),
                        trf("choose a period that has begun, or pass --as-of with a date in it (e.g. --as-of {})",
                            format_date(p->last)));
        return *p;
    }
    return default_report_period(as_of);
}

Result<int> run_report(const ReportCliOptions& o) {
    auto format = choose_format(o.format, o.output, {"markdown", "csv", "docx", "xlsx"}, "markdown");
    if (!format) return tl::unexpected(format.error());
    if (*format == "docx" || *format == "xlsx")
        if (auto ok = refuse_binary_to_terminal(o.output, *format); !ok) return tl::unexpected(ok.error());
    auto dialect = csv_dialect_of(o.csv, o.decimal.comma, *format);
    if (!dialect) return tl::unexpected(dialect.error());
    auto sources = resolve_one_plan(o.input, "report");
    if (!sources) return tl::unexpected(sources.error());
    auto r = load_valid_plan(*sources, o.input.input_format);
    if (!r) return tl::unexpected(r.error());
    const Plan& plan = *r->plan;
    auto as_of = as_of_or_default(o.as_of, plan.meta.utc_offset_minutes());
    if (!as_of) return tl::unexpected(as_of.error());
    auto period = resolve_period(o, *as_of);
    if (!period) return tl::unexpected(period.error());
    ReportOptions ro;
    ro.as_of = *as_of;
    ro.as_of_is_today = o.as_of.empty();
    ro.period = *period;
    ro.due_window_days = o.window;
    if (ro.as_of_is_today && past_period_as_of_today(ro.period, ro.as_of))
        std::cerr << "pgi: " << tr("note") << ": "
                  << trf("the period {} ended on {}, but without --as-of the figures are as of today, {}: days late "
                         "and overdue count to today. Pin the date the report was due, e.g. --as-of {}",
                         format_period(ro.period), format_date(ro.period.last), format_date(ro.as_of),
                         format_date(add_days(ro.period.last, 5)))
                  << "\n";
    std::vector<std::string> files{plan.file};
    files.insert(files.end(), plan.update_files.begin(), plan.update_files.end());
    ro.sources = describe_sources(files, o.revisions);
    auto tables = load_tables(o.tables, sources->plan);
    if (!tables) return tl::unexpected(tables.error());
    ro.tables = &*tables;
    auto inputs = input_paths_of(*sources, *r);
    for (const auto& t : *tables) inputs.emplace_back(t.file);
    PeriodicReport report = build_report(plan, ro);
    Language language = language_option(o.lang, plan.meta.language).value_or(Language::vi);
    if (*format == "docx") {
        DocumentOptions doc;
        doc.language = language;
        doc.decimal_comma = decimal_comma_for(o.decimal.mark(), language);
        doc.appendix = !o.no_appendix;
        OfficialDocument d = report_document(report, plan, report_settings_with_defaults(plan), doc);
        std::string error;
        auto bytes = render_docx(d, ro.as_of, error);
        if (!bytes) return fail(ErrorCode::internal, trf("cannot make the .docx: {}", error));
        return emit(*bytes, o.output, inputs).map([] { return int(exit_ok); });
    }
    if (*format == "xlsx") {
        std::string error;
        auto bytes = render_xlsx(report_workbook(report, plan, language), ro.as_of, error);
        if (!bytes) return fail(ErrorCode::io, trf("cannot make the .xlsx: {}", error));
        return emit(*bytes, o.output, inputs).map([] { return int(exit_ok); });
    }
    ReportRenderOptions render;
    render.language = language;
    // CSV keeps the point unless asked (--decimal-comma or the excel-vi dialect)
    render.decimal_comma = *format == "csv" ? o.decimal.comma : decimal_comma_for(o.decimal.mark(), language);
    render.csv = *dialect;
    return emit(render_report(report, *format == "csv" ? ReportFormat::csv : ReportFormat::markdown, render), o.output,
                inputs)
        .map([] { return int(exit_ok); });
}

}  // namespace

void setup_report(CLI::App& app, Action& action) {
    auto opts = std::make_shared<ReportCliOptions>();
    auto* cmd =
        app.add_subcommand("report", tr("Write the periodic progress report for a month, quarter, half or year"));
    add_plan_input(*cmd, opts->input, false);
    auto* period = cmd->add_option("-p,--period", opts->period,
                                   tr("Reporting period: a month 2024-10, quarter 2024-Q3, half 2024-H2 or year 2024 "
                                      "(default: the month before --as-of)"))
                       ->option_text("PERIOD");
    auto* from = cmd->add_option("--from", opts->from, tr("First day of a custom period (instead of --period)"))
                     ->check(iso_date())
                     ->option_text("YYYY-MM-DD");
    auto* to = cmd->add_option("--to", opts->to, tr("Last day of a custom period (default: --as-of)"))
                   ->check(iso_date())
                   ->option_text("YYYY-MM-DD");
    period->excludes(from)->excludes(to);
    add_as_of(
        *cmd, opts->as_of,
        tr("Date the figures are taken at (default: today in the plan's time zone, UTC+7 unless it sets time_zone; "
           "$SOURCE_DATE_EPOCH when set)"));
    cmd->add_option(
           "-f,--format", opts->format,
           tr("Output: markdown, csv, docx (a Word document laid out as Nghị định 30/2020/NĐ-CP asks) or xlsx "
              "(docx and xlsx need -o). Default: from -o's extension (.md, .csv, .docx, .xlsx), else markdown"))
        ->transform(format_names({"markdown", "csv", "docx", "xlsx"}))
        ->option_text("markdown|csv|docx|xlsx");
    add_lang(*cmd, opts->lang);
    add_decimal_options(*cmd, opts->decimal,
                        tr("Write numbers as 6,58 and 27,3% (Vietnamese style) in markdown, docx and csv (the default "
                           "in markdown and docx with Vietnamese labels)"));
    add_csv_options(*cmd, opts->csv);
    cmd->add_flag("--no-appendix", opts->no_appendix,
                  tr("docx: leave out the appendix page that lists the input files and their git revisions"));
    cmd->add_option("--window", opts->window, tr("Days ahead for the upcoming-deadlines list (default 30)"))
        ->check(CLI::Range(0, 3650))
        ->option_text("DAYS");
    cmd->add_option("--source-revisions", opts->revisions,
                    tr("auto (default): name the git revision of each input file when it is in a git work tree; none"))
        ->transform(choice<SourceRevisions>({{"auto", SourceRevisions::automatic}, {"none", SourceRevisions::none}}))
        ->option_text("auto|none");
    add_output(*cmd, opts->output);
    add_table_option(*cmd, opts->tables);
    cmd->footer(
        tr("\nExit codes: 0 report written; 1 the plan or an update file is invalid; 2 usage error,\n"
           "unreadable input, or output that could not be written; 3 internal error.\n"
           "The same inputs and --as-of give byte-identical output. Rules and format: docs/tracking.md;\n"
           "a monthly cron/CI recipe with pandoc: docs/monthly-report.md.\n"));
    cmd->callback([opts, &action] { action = [opts] { return run_report(*opts); }; });
}

}  // namespace pgi::cli
