// Reading filled progress forms back (issue 8): `pgi intake FORM.xlsx… [PLAN]`. A form is the
// workbook written by write_form_xlsx() (form.hpp), filled in with Excel or LibreOffice, or
// the same table saved as CSV. Every problem is a finding located at the cell
// (`form.xlsx:Báo cáo!G7`); the caller writes nothing when there is an error.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pgi/diagnostic.hpp"
#include "pgi/model.hpp"
#include "pgi/period.hpp"

namespace pgi {

/// One cell as stored: its text (shared or inline string, or the number as written), and
/// the number when the cell is numeric (dates are numbers: serial days since 1899-12-30).
struct ReadCell {
    std::string text;
    std::optional<double> number;
};

/// A worksheet: cells by (row, column), both 0-based.
struct ReadSheet {
    std::string name;
    std::map<std::pair<int, int>, ReadCell> cells;
    const ReadCell* at(int row, int col) const;
    /// The cell's text ("" when empty); a number is given as written in the file.
    std::string text(int row, int col) const;
};

/// Reads every worksheet of an .xlsx file (through libzip and pugixml): shared strings
/// (rich text runs joined), inline strings, formula string results, numbers and booleans.
/// Returns std::nullopt with `error` set when the file is not a readable xlsx workbook.
/// Entries over 256 MiB uncompressed are refused.
std::optional<std::vector<ReadSheet>> read_xlsx(const std::filesystem::path& path, std::string& error);

/// Reads a CSV table (RFC 4180 quoting) as one sheet named after the file: UTF-8 with or
/// without BOM, `,` or `;` as separator (whichever the first line has more of outside quotes).
/// Returns std::nullopt with `error` set for text that is not UTF-8 — saying so when it looks
/// like Windows-1258 (Vietnamese "ANSI" from Excel), which must be saved as "CSV UTF-8".
std::optional<ReadSheet> read_csv_table(const std::filesystem::path& path, std::string& error);

/// "A1" style name of a 0-based cell: (6, 6) -> "G7".
std::string cell_name(int row, int col);

/// A date from a cell: a serial number (1900 date system, as Excel and LibreOffice store
/// dates), `dd/mm/yyyy` (also `d/m/yyyy`, `-` or `.` separators) or ISO `yyyy-mm-dd`.
std::optional<Date> cell_date(const ReadCell& cell);

/// What one filled form says.
struct IntakeForm {
    std::string file;   ///< as given
    std::string owner;  ///< reporting owner id
    std::optional<CalendarPeriod> period;
    std::vector<UpdateEntry> entries;  ///< one per row with a new status, in row order
};

/// Options for reading a form: `owner` and `period` are required for CSV (a CSV has no hidden
/// sheet), and when given for an xlsx form they must match it.
struct IntakeOptions {
    std::string owner;
    std::optional<CalendarPeriod> period;
};

/// Reads and checks one form against `plan`. Findings (errors, docs/diagnostics.md):
/// `form-unreadable` (not an xlsx/CSV, not UTF-8), `form-not-pgi` (no hidden sheet: not a pgi
/// form), `form-wrong-plan` / `form-wrong-period` (made for another plan or period),
/// `form-unknown-owner`, `form-unknown-task` (a row whose task id the plan does not have),
/// `form-foreign-task` (a task the owner neither leads nor cooperates on),
/// `form-locked-cell-changed` (a pre-filled cell A–F that differs from the form as written),
/// `form-bad-status` (not a status label or code), `form-missing-status` (inputs without a new
/// status), `form-bad-date` / `form-missing-date`, `form-date-outside-period` (not from the
/// period's first day to the end of the month after it), `form-bad-percent`. Each names the
/// file, sheet and cell: `form.xlsx:Báo cáo!G7` (CSV: `form.csv!G7`). Rows without a new
/// status and without other input are skipped (no change).
IntakeForm read_form(const Plan& plan, const std::filesystem::path& path, const IntakeOptions& options,
                     Diagnostics& out);

}  // namespace pgi
