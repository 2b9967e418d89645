// Feeds texts through libpgi's text writers, for tests/e2e/escaping_property.py.
//
//   render_probe < texts.json > rendered.json
//
// Input: a JSON array of strings. Output: a JSON object with the same texts rendered by
// every writer of text for people: `markdown` (one pipe table, a row per text: the text in
// the first column, its index in the second), `markdown_lines` (each text as a list item,
// `- ` + markdown_line()), `csv_plain` / `csv_excel_vi` (render_csv in the plain and the
// excel-vi dialect, a record per text: index, text), `terminal` (render_terminal, a row per
// text: index, text), `diagnostics` (render_text of one finding per text, its message the text).
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "pgi/diagnostic.hpp"
#include "pgi/escape.hpp"
#include "pgi/table.hpp"

int main() {
    std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    auto texts = nlohmann::json::parse(input).get<std::vector<std::string>>();
    pgi::Table t;
    t.header = {"text", "n"};
    pgi::Table n;  // index first: the CSV and terminal rows
    n.header = {"n", "text"};
    std::string lines;
    pgi::Diagnostics ds;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        t.rows.push_back({pgi::Cell(texts[i]), pgi::Cell(std::to_string(i))});
        n.rows.push_back({pgi::Cell(std::to_string(i)), pgi::Cell(texts[i])});
        lines += "- " + pgi::markdown_line(texts[i]) + "\n";
        ds.error(pgi::SourceLocation{"probe.yaml", static_cast<int>(i) + 1, 1}, "probe", texts[i], "");
    }
    nlohmann::ordered_json out;
    out["markdown"] = pgi::render_markdown(t);
    out["markdown_lines"] = lines;
    out["csv_plain"] = pgi::render_csv(n, pgi::csv_dialect(pgi::CsvStyle::plain));
    out["csv_excel_vi"] = pgi::render_csv(n, pgi::csv_dialect(pgi::CsvStyle::excel_vi));
    out["terminal"] = pgi::render_terminal(n, false);
    out["diagnostics"] = pgi::render_text(ds);
    std::cout << out.dump(1, ' ', false, nlohmann::json::error_handler_t::strict) << "\n";
    return 0;
}
