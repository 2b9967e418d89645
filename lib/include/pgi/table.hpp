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

/// Columns padded to the widest cell by display width (diacritics and combining marks do not
/// shift columns), two spaces apart, a rule under the header, no trailing spaces; each cell one
/// line of visible text (visible_line()). With `color`, styled cells get SGR codes (after padding).
std::string render_terminal(const Table& t, bool color);

/// A pipe table: `| a | b |`, a `|---|--:|` delimiter row, cells padded for readability.
/// Cell text is escaped with markdown_cell().
std::string render_markdown(const Table& t);

/// Escapes text for a Markdown table cell or inline text so it renders as the same text, never
/// markup, on GitHub, GitLab and pandoc: the rules (`|`, line breaks -> `<br>`, `& ~ # $ ' "`
/// …, control characters -> U+FFFD) are listed at markdown_line() in escape.hpp.
std::string markdown_cell(std::string_view text);

/// How a CSV file is written: field separator, decimal mark of numbers, and whether it
/// starts with a UTF-8 byte order mark. Every command that writes CSV takes one (docs/cli.md,
/// "CSV dialects"); records always end in CRLF (RFC 4180).
struct CsvDialect {
    char separator = ',';        ///< `,` (RFC 4180) or `;` (the list separator of Excel in vi-VN, de-DE, …)
    bool decimal_comma = false;  ///< numbers as 6,58 and 27,3 (the renderer formats them so)
    bool bom = false;            ///< start with EF BB BF, which Excel needs to read UTF-8 when opened by double-click
    bool operator==(const CsvDialect&) const = default;
};

/// The named dialects of `--csv-dialect`. `plain`: RFC 4180 as tools read it (`,`, `6.58`,
/// no BOM; the default). `excel`: the same with a BOM (Excel with `,` as list separator,
/// e.g. en-US). `excel_vi`: BOM, `;` and `6,58` together, which Excel under Vietnamese regional
/// settings (list separator `;`, decimal symbol `,`) opens by double-click with scores as
/// numbers.
enum class CsvStyle { plain, excel, excel_vi };

/// The dialect of a named style; `decimal_comma` additionally asks for 6,58 in `plain`/`excel`.
CsvDialect csv_dialect(CsvStyle style, bool decimal_comma = false);

/// One CSV field in `dialect`: control/bidi characters -> U+FFFD (escape.hpp); with
/// `neutralize_formulas`, `'` before a field that begins with `=`, `+`, `-`, `@`, tab or CR
/// or after the OTHER of `,`/`;` (`a;=1` -> `a;'=1`; numbers such as `-0,26` excepted; OWASP);
/// quoted, `"` doubled, when it holds the separator, a tab, `"`, CR, LF, or edge spaces.
std::string csv_field(std::string_view text, const CsvDialect& dialect, bool neutralize_formulas = true);

/// csv_field() in the plain dialect.
std::string csv_field(std::string_view text, bool neutralize_formulas = true);

/// Records as CSV in `dialect`: the BOM when the dialect has one, fields by csv_field(),
/// each record ending in CRLF. Records shorter than the longest are padded with empty fields
/// when `rectangular`.
std::string render_csv_records(const std::vector<std::vector<std::string>>& records, const CsvDialect& dialect,
                               bool neutralize_formulas = true, bool rectangular = false);

/// Header and rows as CSV in `dialect` (render_csv_records()); the cell styles are ignored.
std::string render_csv(const Table& t, const CsvDialect& dialect, bool neutralize_formulas = true);

/// render_csv() in the plain dialect.
std::string render_csv(const Table& t, bool neutralize_formulas = true);

}  // namespace pgi
