// pgi schema plan|update: print the JSON Schema of plan files or update files, for editors.
#include "commands.hpp"
#include "common.hpp"
#include "pgi/i18n.hpp"
#include "pgi/schema.hpp"

namespace pgi::cli {

void setup_schema(CLI::App& app, Action& action) {
    auto kind = std::make_shared<std::string>();
    auto output = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand(
        "schema", tr("Print the JSON Schema (draft 2020-12) of plan files or update files, for editors and CI"));
    cmd->add_option("KIND", *kind, tr("plan (a plan file) or update (an update file)"))
        ->required()
        ->check(one_of({"plan", "update"}))
        ->option_text("plan|update");
    add_output(*cmd, *output);
    cmd->footer(tr(
        "\nThe same schemas ship as data/schema/plan.schema.json and data/schema/update-file.schema.json.\n"
        "An editor with the YAML language server checks a plan as you type when its first line is\n"
        "  # yaml-language-server: $schema=PATH/TO/plan.schema.json\n"
        "The schema checks one file's shape; references between ids, unique ids and scores against\n"
        "baselines are checked by `pgi validate` (docs/editors.md). Exit codes: 0 printed, 2 usage or I/O error.\n"));
    cmd->callback([&action, kind, output] {
        action = [kind, output]() -> Result<int> {
            std::string text = *kind == "plan" ? schema::plan_json_schema() : schema::update_file_json_schema();
            if (auto ok = emit(text, *output, {}); !ok) return tl::unexpected(ok.error());
            return 0;
        };
    });
}

}  // namespace pgi::cli
