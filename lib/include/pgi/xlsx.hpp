// A workbook (.xlsx) written with libxlsxwriter: one sheet per table, real numbers and dates.
// Pure as far as the caller sees: a workbook model in, bytes out (libxlsxwriter writes a
// temporary file, which is read back and removed).
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "pgi/date.hpp"
#include "pgi/score.hpp"

namespace pgi {

/// How a column's cells are stored and shown.
enum class XlsxKind {
    text,
    score,    ///< a number with two decimals (number format `0.00`), from pgi::Score
    integer,  ///< a whole number (`0`)
    percent,  ///< a whole percentage 0..100 stored as 0..1 (`0%`)
    date,     ///< a real date (`dd/mm/yyyy`)
};

struct XlsxColumn {
    std::string header;
    XlsxKind kind = XlsxKind::text;
    double width = 0;  ///< in characters; 0 = from the longest cell (capped at 60)
};

/// One cell: empty, text, a score, a whole number or a date, matching its column's kind.
using XlsxValue = std::variant<std::monostate, std::string, Score, long, Date>;

/// A clustered column chart: `series` columns (by index) against the categories in column
/// `categories`, over the data rows `first_row`..`last_row` (0-based data row indexes).
struct XlsxChart {
    std::string title;
    std::size_t categories = 0;
    std::vector<std::size_t> series;
    std::size_t first_row = 0;
    std::size_t last_row = 0;
};

struct XlsxSheet {
    std::string name;  ///< at most 31 characters, none of []:*?/\ (Excel's rules)
    std::vector<XlsxColumn> columns;
    std::vector<std::vector<XlsxValue>> rows;
    std::vector<bool> bold_rows;     ///< e.g. a total row
    bool autofilter = false;         ///< a filter on the header row
    std::optional<XlsxChart> chart;  ///< placed to the right of the table
};

struct Workbook {
    std::string title;
    std::string author;
    std::vector<XlsxSheet> sheets;
};

/// The .xlsx bytes. The header row is bold and frozen; column widths are set; the
/// document's creation time is `stamp` at 00:00 UTC, so the same workbook and stamp give
/// byte-identical files. std::nullopt with `error` set when libxlsxwriter or the temporary
/// file fails.
std::optional<std::string> render_xlsx(const Workbook& workbook, const Date& stamp, std::string& error);

}  // namespace pgi
