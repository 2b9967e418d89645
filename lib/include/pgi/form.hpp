// Progress report forms (issue 8, docs/tracking.md "The monthly loop"): `pgi form` writes one
// .xlsx workbook per reporting agency and period that a clerk fills in with Excel or
// LibreOffice; `pgi intake` reads it back into update files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pgi/model.hpp"
#include "pgi/period.hpp"

namespace pgi {

/// The sheet the agency fills in, and the hidden sheet that identifies the form.
inline constexpr const char* form_sheet = "Báo cáo";
inline constexpr const char* form_meta_sheet = "pgi";
/// Row (1-based, as Excel shows it) of the column titles; data rows follow it.
inline constexpr int form_header_row = 5;

/// Columns of the form sheet (0-based: A = 0). A–F are pre-filled and locked; G–L are input.
enum FormColumn : int {
    form_col_task = 0,           ///< A: task id
    form_col_text = 1,           ///< B: task text
    form_col_component = 2,      ///< C: component name
    form_col_role = 3,           ///< D: "Chủ trì" / "Phối hợp"
    form_col_due = 4,            ///< E: due date dd/mm/yyyy, or the recurrence ("Hằng tháng")
    form_col_status = 5,         ///< F: last known status (Vietnamese label) and percent
    form_col_new_status = 6,     ///< G: new status (drop-down of the Vietnamese labels)
    form_col_date = 7,           ///< H: date of the change or report (a date cell, dd/mm/yyyy)
    form_col_percent = 8,        ///< I: progress 0–100
    form_col_note = 9,           ///< J: progress note
    form_col_evidence = 10,      ///< K: evidence (document numbers, links; `;` separates several)
    form_col_difficulties = 11,  ///< L: difficulties and proposals
    form_columns = 12
};

/// One pre-filled row of a form: the locked cells A–F as text.
struct FormRow {
    std::string cells[6];
};

/// How a plan is named in a form, to match a filled form back: document number, issuer and
/// title joined with " | ".
std::string plan_identity(const Plan& plan);

/// The reporting units that get a form: every owner that leads or cooperates on a task,
/// a group with members standing for its members (OwnerIndex::units), in plan order.
std::vector<std::string> form_owners(const Plan& plan);

/// The rows of `owner`'s form: one per task it leads or cooperates on (directly or through a
/// group), in plan order, with the status as of `as_of` for `period` (task_state()).
std::vector<FormRow> form_rows(const Plan& plan, const std::string& owner, const CalendarPeriod& period,
                               const Date& as_of);

/// Writes the form of `owner` for `period` to `path` (atomically: a temporary file in the same
/// directory, then renamed). Sheet 1 "Hướng dẫn": instructions in Vietnamese, the agency, the
/// period, the plan, where and when to send it; sheet 2 form_sheet: the rows, locked columns
/// A–F (sheet protection without password), input columns G–L unlocked, a drop-down of the
/// Vietnamese status labels in G, date and 0–100 checks in H and I; hidden sheet
/// form_meta_sheet: format version, plan identity, owner, period, as-of date, and a copy of
/// every row's A–F cells (intake compares them). The workbook's creation time is
/// `created_epoch` (seconds; from SOURCE_DATE_EPOCH or the as-of date), so the same inputs
/// give the same bytes. Returns "" or an error message.
std::string write_form_xlsx(const Plan& plan, const std::string& owner, const CalendarPeriod& period, const Date& as_of,
                            long long created_epoch, const std::filesystem::path& path);

}  // namespace pgi
