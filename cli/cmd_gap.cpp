// pgi gap [PLAN]: how far each component and the total PGI are from their targets.
#include <iostream>

#include "app.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "pgi/i18n.hpp"
#include "pgi/report_docx.hpp"
#include "pgi/report_xlsx.hpp"
#include "tables.hpp"

namespace pgi::cli {

namespace {

struct GapCliOptions {
    PlanInput input;
    std::string as_of;
    int year = 0;
    std::string format;  ///< table, markdown, csv, json, docx or xlsx; empty: from -o's extension, else table
    std::string lang;
    ColorMode color = ColorMode::automatic;
    DecimalCliOptions decimal;
    CsvCliOptions csv;
    std::string output;
    std::vector<std::string> tables;
    std::string province;
};

Result<int> run_gap(const GapCliOptions& o) {
    auto format = choose_format(o.format, o.output, {"markdown", "csv", "json", "docx", "xlsx"}, "table");
    if (!format) return tl::unexpected(format.error());
    if (*format == "docx" || *format == "xlsx")
        if (auto ok = refuse_binary_to_terminal(o.output, *format); !ok) return tl::unexpected(ok.error());
    auto dialect = csv_dialect_of(o.csv, o.decimal.comma, *format);
    if (!dialect) return tl::unexpected(dialect.error());
    auto sources = resolve_one_plan(o.input, "gap");
    if (!sources) return tl::unexpected(sources.error());
    auto r = load_valid_plan(*sources, o.input.input_format);
    if (!r) return tl::unexpected(r.error());
    auto as_of = as_of_or_default(o.as_of, r->plan->meta.utc_offset_minutes());
    if (!as_of) return tl::unexpected(as_of.error());
    GapOptions go{*as_of, o.year ? std::optional<int>(o.year) : std::nullopt};
    auto tables = load_tables(o.tables, sources->plan);
    if (!tables) return tl::unexpected(tables.error());
    go.tables = &*tables;
    auto inputs = input_paths_of(*sources, *r);
    for (const auto& t : *tables) inputs.emplace_back(t.file);
    if (!o.province.empty()) {
        auto province = resolve_province(o.province, &*r->plan, as_of->year);
        if (!province) return tl::unexpected(province.error());
        go.province = *province;
    }
    GapResult g = compute_gap(*r->plan, go);
    if (!g.report) {
        print_diagnostics(g.diagnostics);
        return exit_findings;
    }
    auto lang = language_option(o.lang, r->plan->meta.language);
    if (*format == "docx") {
        DocumentOptions doc;
        doc.language = lang.value_or(Language::vi);
        doc.decimal_comma = decimal_comma_for(o.decimal.mark(), doc.language);
        OfficialDocument d = gap_document(*g.report, report_settings_with_defaults(*r->plan), doc);
        std::string error;
        auto bytes = render_docx(d, *as_of, error);
        if (!bytes) return fail(ErrorCode::internal, trf("cannot make the .docx: {}", error));
        return emit(*bytes, o.output, inputs).map([] { return int(exit_ok); });
    }
    if (*format == "xlsx") {
        std::string error;
        auto bytes = render_xlsx(gap_workbook(*g.report, lang.value_or(Language::vi)), *as_of, error);
        if (!bytes) return fail(ErrorCode::io, trf("cannot make the .xlsx: {}", error));
        return emit(*bytes, o.output, inputs).map([] { return int(exit_ok); });
    }
    GapFormat gf = *format == "markdown" ? GapFormat::markdown
                   : *format == "csv"    ? GapFormat::csv
                   : *format == "json"   ? GapFormat::json
                                         : GapFormat::table;
    GapRenderOptions ro;
    ro.language = lang.value_or(Language::vi);
    ro.color = o.output.empty() && gf == GapFormat::table && use_color(o.color);
    ro.decimal_comma = decimal_comma_for(o.decimal.mark(), ro.language);
    ro.csv = *dialect;
    return emit(render_gap(*g.report, gf, ro), o.output, inputs).map([] { return int(exit_ok); });
}

}  // namespace

void setup_gap(CLI::App& app, Action& action) {
    auto opts = std::make_shared<GapCliOptions>();
    auto* cmd =
        app.add_subcommand("gap", tr("Show each component's gap to its target (target − current) and the total PGI"));
    add_plan_input(*cmd, opts->input, false);
    add_as_of(*cmd, opts->as_of,
              tr("Date for \"current\" scores and task status (default: today in the plan's time zone, UTC+7 unless it "
                 "sets time_zone; $SOURCE_DATE_EPOCH when set)"));
    cmd->add_option(
           "--year", opts->year,
           tr("Target year (default: the --as-of year if it has targets, else the latest earlier target year)"))
        ->check(CLI::Range(1900, 2200))
        ->option_text("YEAR");
    cmd->add_option("-f,--format", opts->format,
                    tr("Output: table, markdown, csv, json, docx or xlsx (docx and xlsx need -o). Default: from -o's "
                       "extension (.md, .csv, .json, .docx, .xlsx), else table"))
        ->transform(format_names({"table", "markdown", "csv", "json", "docx", "xlsx"}))
        ->option_text("table|markdown|csv|json|docx|xlsx");
    add_lang(*cmd, opts->lang);
    cmd->add_option("--color", opts->color,
                    tr("Colour: auto (default; off when NO_COLOR is set or not a terminal), always, never"))
        ->transform(choice<ColorMode>(
            {{"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}}))
        ->option_text("auto|always|never");
    add_decimal_options(*cmd, opts->decimal,
                        tr("Write scores as 6,58 (Vietnamese style) in table, markdown, docx and csv (the default in "
                           "table, markdown and docx with Vietnamese labels)"));
    add_csv_options(*cmd, opts->csv);
    add_output(*cmd, opts->output);
    add_table_option(*cmd, opts->tables);
    cmd->add_option("--province", opts->province,
                    tr("Province for the rank line and rank targets (default: the one the plan names)"))
        ->option_text("NAME");
    cmd->callback([opts, &action] { action = [opts] { return run_gap(*opts); }; });
}

}  // namespace pgi::cli
