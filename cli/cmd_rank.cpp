// pgi rank [PLAN]: where the province stands among all provinces, from national tables.
#include <iostream>

#include "app.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "pgi/i18n.hpp"
#include "pgi/rank.hpp"
#include "pgi/rank_office.hpp"
#include "pgi/report_docx.hpp"
#include "pgi/xlsx.hpp"
#include "tables.hpp"

namespace pgi::cli {

namespace {

struct RankCliOptions {
    PlanInput input;
    std::vector<std::string> tables;
    std::string province;
    int year = 0;
    int top = 30;
    std::vector<std::string> sets;
    std::string format;  ///< table, markdown, csv, json, docx or xlsx; empty: from -o's extension, else table
    std::string as_of;
    std::string lang;
    DecimalCliOptions decimal;
    CsvCliOptions csv;
    std::string output;
};

Result<int> run_rank(const RankCliOptions& o) {
    auto format = choose_format(o.format, o.output, {"markdown", "csv", "json", "docx", "xlsx"}, "table");
    if (!format) return tl::unexpected(format.error());
    if (*format == "docx" || *format == "xlsx")
        if (auto ok = refuse_binary_to_terminal(o.output, *format); !ok) return tl::unexpected(ok.error());
    auto dialect = csv_dialect_of(o.csv, o.decimal.comma, *format);
    if (!dialect) return tl::unexpected(dialect.error());
    // A plan is optional when --table and --province say everything.
    std::optional<LoadResult> loaded;
    std::filesystem::path plan_file;
    std::vector<std::filesystem::path> inputs;
    if (!o.input.plans.empty() || o.province.empty() || o.tables.empty()) {
        auto sources = resolve_one_plan(o.input, "rank");
        if (!sources) return tl::unexpected(sources.error());
        auto r = load_valid_plan(*sources, o.input.input_format);
        if (!r) return tl::unexpected(r.error());
        inputs = input_paths_of(*sources, *r);
        loaded = std::move(*r);
        plan_file = sources->plan;
    }
    const Plan* plan = loaded ? &*loaded->plan : nullptr;
    std::vector<WhatIfChange> changes;
    for (const auto& s : o.sets) {
        std::string error;
        auto c = parse_what_if(s, error);
        if (!c)
            return fail(ErrorCode::usage, trf("--set {}", error), tr("examples: --set 1=6.00, --set compliance=+0.50"));
        changes.push_back(*c);
    }
    auto tables = load_tables(o.tables, plan_file);
    if (!tables) return tl::unexpected(tables.error());
    for (const auto& t : *tables) inputs.emplace_back(t.file);
    if (tables->empty())
        return fail(ErrorCode::usage, tr("no national table"),
                    tr("put it in the plan directory (tables/pgi-2024.csv) or name it with --table"));
    int year = o.year;
    if (!year)
        for (const auto& t : *tables) year = std::max(year, t.year);
    auto province = resolve_province(o.province, plan, year);
    if (!province) return tl::unexpected(province.error());
    RankOptions ro;
    ro.year = o.year;
    ro.top_n = o.top;
    ro.changes = changes;
    RankResult r = compute_rank(*province, *tables, plan, ro);
    if (!r.report) {
        print_diagnostics(r.diagnostics);
        return exit_findings;
    }
    auto lang = language_option(o.lang, plan ? plan->meta.language : "vi");
    Language language = lang.value_or(Language::vi);
    if (*format == "docx") {
        auto as_of = as_of_or_default(o.as_of, plan ? plan->meta.utc_offset_minutes() : 420);
        if (!as_of) return tl::unexpected(as_of.error());
        DocumentOptions doc;
        doc.language = language;
        doc.decimal_comma = decimal_comma_for(o.decimal.mark(), language);
        OfficialDocument d =
            rank_document(*r.report, report_settings_with_defaults(plan ? *plan : Plan{}), *as_of, doc);
        std::string error;
        auto bytes = render_docx(d, *as_of, error);
        if (!bytes) return fail(ErrorCode::internal, trf("cannot make the .docx: {}", error));
        return emit(*bytes, o.output, inputs).map([] { return int(exit_ok); });
    }
    if (*format == "xlsx") {
        auto as_of = as_of_or_default(o.as_of, plan ? plan->meta.utc_offset_minutes() : 420);
        if (!as_of) return tl::unexpected(as_of.error());
        std::string error;
        auto bytes = render_xlsx(rank_workbook(*r.report, language), *as_of, error);
        if (!bytes) return fail(ErrorCode::io, trf("cannot make the .xlsx: {}", error));
        return emit(*bytes, o.output, inputs).map([] { return int(exit_ok); });
    }
    RankRenderOptions rr;
    rr.language = language;
    rr.decimal_comma = decimal_comma_for(o.decimal.mark(), language);  // table, markdown; CSV: the dialect
    RankFormat rf = *format == "markdown" ? RankFormat::markdown
                    : *format == "csv"    ? RankFormat::csv
                    : *format == "json"   ? RankFormat::json
                                          : RankFormat::table;
    rr.csv = *dialect;
    return emit(render_rank(*r.report, rf, rr), o.output, inputs).map([] { return int(exit_ok); });
}

}  // namespace

void setup_rank(CLI::App& app, Action& action) {
    auto opts = std::make_shared<RankCliOptions>();
    auto* cmd = app.add_subcommand(
        "rank",
        tr("Show the province's rank among all provinces (published or implied), the score of the Nth province, "
           "component places, rank targets and what-if changes, from national tables"));
    add_plan_input(*cmd, opts->input, false);
    add_table_option(*cmd, opts->tables);
    cmd->add_option("--province", opts->province,
                    tr("Province to rank (default: the one the plan names, e.g. \"UBND tỉnh Lạng Sơn\")"))
        ->option_text("NAME");
    cmd->add_option("--year", opts->year, tr("PGI edition to show in detail (default: the latest table)"))
        ->check(CLI::Range(2000, 2099))
        ->option_text("YEAR");
    cmd->add_option("--top", opts->top,
                    tr("Threshold group: the score of the Nth province and the points needed (default 30)"))
        ->check(CLI::Range(1, 100))
        ->option_text("N");
    cmd->add_option("--set", opts->sets,
                    tr("What-if: a component (1-4 or its id) set to a score (1=6.00) or changed by a signed amount "
                       "(compliance=+0.50); repeatable. Recomputes the total and the implied rank"))
        ->option_text("C=SCORE");
    cmd->add_option("-f,--format", opts->format,
                    tr("Output: table, markdown, csv, json, docx or xlsx (docx and xlsx need -o). Default: from -o's "
                       "extension (.md, .csv, .json, .docx, .xlsx), else table"))
        ->transform(format_names({"table", "markdown", "csv", "json", "docx", "xlsx"}))
        ->option_text("table|markdown|csv|json|docx|xlsx");
    cmd->add_option(
           "--as-of", opts->as_of,
           tr("Date written on a .docx or .xlsx (default: today in the plan's time zone; $SOURCE_DATE_EPOCH when set)"))
        ->check(iso_date())
        ->option_text("YYYY-MM-DD");
    add_lang(*cmd, opts->lang, tr("the plan's language, else vi"));
    add_decimal_options(*cmd, opts->decimal,
                        tr("Write scores as 6,58 (Vietnamese style) in table, markdown, docx and csv (the default in "
                           "table, markdown and docx with Vietnamese labels)"));
    add_csv_options(*cmd, opts->csv);
    add_output(*cmd, opts->output);
    cmd->footer(
        tr("\nImplied ranks (\"ước tính\" / \"implied\") order provinces by total: the published total, else the sum\n"
           "of the published components (VCCI publishes totals and ranks only for the top 30 from PGI 2024).\n"
           "Tables: docs/rank.md. Exit codes: 0 shown, 1 invalid plan or table, 2 usage or I/O error.\n"));
    cmd->callback([opts, &action] { action = [opts] { return run_rank(*opts); }; });
}

}  // namespace pgi::cli
