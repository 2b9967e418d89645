#include "tables.hpp"

#include <iostream>

#include "common.hpp"
#include "pgi/i18n.hpp"
#include "pgi/rank.hpp"

namespace pgi::cli {

void add_table_option(CLI::App& cmd, std::vector<std::string>& tables) {
    cmd.add_option("--table", tables,
                   tr("National score table of every province (CSV or YAML, docs/rank.md); repeat for several years "
                      "(default: tables/*.csv|yaml in the plan's directory)"))
        ->option_text("FILE");
}

Result<std::vector<NationalTable>> load_tables(const std::vector<std::string>& named,
                                               const std::filesystem::path& plan_file, std::optional<int> year) {
    std::vector<std::filesystem::path> files;
    for (const auto& n : named) files.emplace_back(n);
    if (files.empty() && !plan_file.empty()) files = tables_in_directory(plan_file.parent_path());
    std::vector<NationalTable> out;
    Diagnostics all;
    bool io_error = false;
    for (const auto& f : files) {
        TableLoadResult r = load_national_table(f, named.empty() ? std::nullopt : year);
        for (const auto& d : r.diagnostics.items())
            if (d.code == "io-error") io_error = true;
        all.append(r.diagnostics);
        if (r.table) out.push_back(std::move(*r.table));
    }
    print_diagnostics(all);
    if (io_error) return fail(ErrorCode::io, tr("a national table cannot be read"), tr("check the --table path"));
    if (all.has_errors())
        return fail(ErrorCode::invalid_input, tr("the national table is invalid; fix the errors above (docs/rank.md)"));
    return out;
}

Result<std::string> resolve_province(const std::string& name, const Plan* plan, int year) {
    if (!name.empty()) {
        if (const Province* p = find_province(name, year)) return p->id;
        return fail(ErrorCode::usage, trf("`{}` is not one of the provinces of PGI {}", name, std::to_string(year)),
                    tr("use a name from data/provinces.yaml, e.g. --province \"Lạng Sơn\""));
    }
    if (plan) {
        std::string id = province_of_plan(*plan, year);
        if (!id.empty()) return id;
    }
    return fail(ErrorCode::usage, tr("cannot tell which province to rank"),
                tr("pass --province NAME (e.g. --province \"Lạng Sơn\")"));
}

}  // namespace pgi::cli
