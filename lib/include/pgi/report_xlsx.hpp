// The periodic report, the gap table and the task list as workbooks (xlsx.hpp): one sheet per
// table, scores as numbers with two decimals, dates as dates, counts as whole numbers.
// Pure: data in, workbook model out; render_xlsx() makes the bytes.
#pragma once

#include <vector>

#include "pgi/gap.hpp"
#include "pgi/report.hpp"
#include "pgi/tracking.hpp"
#include "pgi/xlsx.hpp"

namespace pgi {

/// Sheets: scores (with a column chart of each component's baseline, current score and
/// target; absent when the plan has no score targets), by component, by agency, changes,
/// overdue, upcoming, not reported, sources. Task and agency ids are columns of their own,
/// beside the names, so that the sheets can be filtered and joined.
Workbook report_workbook(const PeriodicReport& report, const Plan& plan, Language language);

/// Sheets: the gap table (baseline, current, target, gap per component and the total, with
/// the column chart) and the task counts by status.
Workbook gap_workbook(const GapReport& gap, Language language);

/// One sheet of tasks with an autofilter: id, plan section, component, lead, cooperating,
/// status, percent, due date, days overdue, recurrence, last update, text. A partial due date
/// (`2024-12`) is given as its last day.
Workbook tasks_workbook(const Plan& plan, const std::vector<TaskRow>& rows, const Date& as_of, Language language);

}  // namespace pgi
