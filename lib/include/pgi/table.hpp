// Tables rendered as aligned terminal text, GitHub/GitLab/pandoc Markdown, or CSV.
// Pure functions: data in, string out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pgi {

enum class Align { left, right };
/// Terminal colour of a cell; shown only when rendering with colour on.
enum class Style { plain, good, bad, dim, bold };

struct Cell {
    std::string text;
    Style style = Style::plain;
    Cell() = default;
    Cell(std::string t, Style s = Style::plain) : text(std::move(t)), style(s) {}
    Cell(const char* t, Style s = Style::plain) : text(t), style(s) {}
};

struct Table {
    std::vector<std::string> header;
    std::vector<Align> align;  ///< per column; missing entries are left-aligned
    std::vector<std::vector<Cell>> rows;
};

/// Columns padded to the widest cell by terminal display width (so Vietnamese diacritics and
/// combining marks do not shift columns), separated by two spaces, a rule under the header,
/// no trailing spaces. With `color`, styled cells get ANSI SGR codes (after padding).
std::string render_terminal(const Table& t, bool color);

/// A pipe table: `| a | b |`, a `|---|--:|` delimiter row, cells padded for readability.
/// Cell text is escaped with markdown_cell().
std::string render_markdown(const Table& t);

/// Escapes text for a Markdown table cell: `|` -> `\|`, line breaks -> `<br>`, and the
/// characters `\`, `*`, `_`, `` ` ``, `<`, `>`, `[`, `]` backslash-escaped so that task text
/// renders literally on GitHub, GitLab and pandoc.
std::string markdown_cell(std::string_view text);

/// One RFC 4180 field: quoted when it holds `,`, `"`, CR or LF (or leading/trailing spaces),
/// with `"` doubled. With `neutralize_formulas`, a field that begins with `=`, `+`, `-`, `@`,
/// tab or CR is prefixed with `'` so spreadsheets do not run it as a formula (OWASP "CSV
/// injection"); numbers such as `-0.26` are left alone.
std::string csv_field(std::string_view text, bool neutralize_formulas = true);

/// Header and rows as CSV lines ending in CRLF, as RFC 4180 specifies.
std::string render_csv(const Table& t, bool neutralize_formulas = true);

}  // namespace pgi
