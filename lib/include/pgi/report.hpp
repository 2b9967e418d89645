// The periodic report (báo cáo định kỳ) of `pgi report` and the task list of `pgi tasks`:
// a model computed from a Plan with its updates merged (updates.hpp), and pure renderers
// (model in, string out; no clock, no file system). Rules: docs/tracking.md.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "pgi/date.hpp"
#include "pgi/gap.hpp"
#include "pgi/model.hpp"
#include "pgi/period.hpp"
#include "pgi/table.hpp"
#include "pgi/tracking.hpp"

namespace pgi {

/// An input file named in the report header.
struct SourceFile {
    std::string path;      ///< as given or found; relative paths stay relative
    std::string revision;  ///< e.g. `git 55ab219c04e1` or `git 55ab219c04e1, modified`; empty: unknown
};

/// An owner as the report names it: id and both names (the renderer picks by language).
struct OwnerName {
    std::string id;
    std::string name;     ///< in the plan's language; the id when the owner is unknown
    std::string name_en;  ///< may be empty
};

/// Task counts by status for a reporting period; `overdue` counts open tasks past due and
/// overlaps the status counts (an overdue task is also `in_progress`, say).
struct StatusCounts {
    int tasks = 0;
    std::array<int, task_status_count> by_status{};  ///< indexed by TaskStatus
    int overdue = 0;
    int count(TaskStatus s) const { return by_status[static_cast<std::size_t>(s)]; }
    /// Share of tasks done among those not cancelled, in percent with one decimal as text
    /// ("27.3"; decimal comma on request); std::nullopt when every task is cancelled or none.
    std::optional<std::string> percent_done(bool decimal_comma = false) const;
};

struct ComponentSummary {
    std::string id;
    int number = 0;
    std::string name;
    std::string name_en;
    StatusCounts tasks;
};

struct OwnerSummary {
    OwnerName owner;                   ///< a reporting unit (OwnerIndex::units)
    int lead_tasks = 0;                ///< tasks it leads (directly or through a group)
    int cooperating_tasks = 0;         ///< tasks it cooperates on and does not lead
    StatusCounts tasks;                ///< over the tasks it leads
    std::vector<std::string> overdue;  ///< ids of the overdue tasks it leads, plan order
    ReportingStatus reporting;         ///< has it reported for the period (tracking.hpp)
};

/// One update about the period: a status transition and/or new evidence.
struct TaskChange {
    Date date;
    std::string task;                             ///< task id
    OwnerName reported_by;                        ///< the update's `reported_by`, else the task's lead
    std::string period;                           ///< the period the update is about (format_period)
    TaskStatus before = TaskStatus::not_started;  ///< status before it: the previous update's, else not_started
    TaskStatus after = TaskStatus::not_started;
    std::optional<int> percent;
    std::vector<std::string> evidence;
    std::string note;
};

/// An open task with a deadline: overdue, or due soon.
struct DeadlineItem {
    std::string task;  ///< task id
    OwnerName lead;
    std::string text;
    Date due;
    TaskStatus status = TaskStatus::not_started;
    std::optional<int> percent;
    long days = 0;  ///< overdue: days past due (>= 1); upcoming: days left (>= 0)
};

struct PeriodicReport {
    std::string plan_title;
    std::string plan_issuer;
    std::string plan_document;
    std::string language;    ///< the plan's language, `vi` or `en`
    OwnerName focal_agency;  ///< empty id when the plan names none
    CalendarPeriod period;
    Date as_of;
    /// The as-of date is today's (no --as-of) and the period ended more than a month before
    /// it: the header says that days late and overdue count to today (past_period_as_of_today()).
    bool as_of_is_today_for_past_period = false;
    int due_window_days = 30;
    std::vector<SourceFile> sources;
    std::optional<GapReport> scores;           ///< scores and gaps; absent when the plan has no score targets
    std::vector<ComponentSummary> components;  ///< plan order
    StatusCounts all_tasks;
    std::vector<OwnerSummary> owners;        ///< reporting units, plan order
    std::vector<TaskChange> changes;         ///< by date, then plan order, then update order
    std::vector<DeadlineItem> overdue;       ///< by due date, then plan order
    std::vector<DeadlineItem> upcoming;      ///< due in [as_of, as_of + due_window_days], by due date
    std::vector<OwnerSummary> not_reported;  ///< late first (longest late first), then by due, then plan order
};

struct ReportOptions {
    CalendarPeriod period;
    Date as_of;
    bool as_of_is_today = false;      ///< no --as-of: the header notes a past period (past_period_as_of_today())
    int due_window_days = 30;         ///< section "deadlines in the next N days"
    std::vector<SourceFile> sources;  ///< listed in the header as given
    /// National tables for the rank line and rank targets of the scores section; may be null.
    const std::vector<NationalTable>* tables = nullptr;
};

/// Builds the report for `options.period` as of `options.as_of`:
/// - task status for the period: task_state() (recurring tasks per period, one-off tasks the
///   latest update dated on or before as_of); overdue as task_state() says;
/// - scores: compute_gap() as of `as_of` (gap.hpp), absent when it reports `no-target`;
/// - owners: reporting_status() units; a unit leads a task when it is among the units of the
///   task's lead (OwnerIndex::units);
/// - changes: every update dated on or before as_of whose update_period() overlaps the
///   period; `before` is the status of the task's previous update (by date, then order);
/// - overdue / upcoming: open tasks past due / due within `due_window_days` days of as_of;
/// - not reported: units that owe a report for the period or lead a task, and have not
///   reported for it.
PeriodicReport build_report(const Plan& plan, const ReportOptions& options);

/// True when `period` ended more than a month before `as_of` (its last day is before
/// add_months(as_of, -1)): a report on it "as of today" counts days late and overdue to
/// today, not to the reporting date; the command says so and suggests --as-of. The usual
/// monthly report (the month before the as-of date) never is.
bool past_period_as_of_today(const CalendarPeriod& period, const Date& as_of);

enum class ReportFormat { markdown, csv };

struct ReportRenderOptions {
    Language language = Language::vi;
    bool decimal_comma = false;  ///< 6,58 and 27,3% (Vietnamese number style), Markdown and CSV
    CsvDialect csv;              ///< CSV only: separator, BOM, and decimal comma also when set here (table.hpp)
};

/// The report as a document. Markdown: a `#` title, a header list (plan, issuer, focal
/// agency, period, as-of date, sources with revisions — past 20 files, the plan file and one
/// line per directory of update files with their count and revisions), then five numbered `##` sections
/// (components; agencies; changes; overdue and upcoming deadlines; agencies that have not
/// reported) with pipe tables whose cells are escaped with markdown_cell(); dates are
/// dd/mm/yyyy in Vietnamese, ISO in English. CSV (in `options.csv`'s dialect, CRLF, formulas
/// neutralised with csv_field(); scores and percentages with its decimal mark): one table in which every record starts
/// with a stable section key (`header`, `scores`, `components`, `owners`, `changes`, `overdue`, `upcoming`,
/// `not_reported`), each section opening with a record of its column labels; every record has the same number of
/// fields; dates ISO. The same report and options give byte-identical output.
std::string render_report(const PeriodicReport& report, ReportFormat format, const ReportRenderOptions& options);

/// `pgi tasks` output formats.
enum class TaskListFormat { table, markdown, csv, json };

struct TaskListOptions {
    Language language = Language::vi;
    CsvDialect csv;                ///< CSV only: separator and BOM (no decimals in the task list)
    std::size_t text_width = 60;   ///< table format: task text cut to this many columns with "…"
    std::size_t owner_width = 32;  ///< table format: lead owner name cut likewise
};

/// Renders query_tasks() rows. `table`: aligned terminal columns (id, component number, lead
/// cut to `owner_width`, status, percent, due, overdue days, text cut to `text_width`); `markdown`: the same with
/// the full text and cooperating owners; `csv`: stable snake_case columns `id, component,
/// lead, cooperating, status, percent, due, overdue_days, recurrence, last_update, text,
/// source` (in `o.csv`'s dialect, CRLF); `json`: `{"as_of": …, "tasks": [{…}]}` with the same fields.
/// Owner names come from `plan`.
std::string render_task_list(const Plan& plan, const std::vector<TaskRow>& rows, const Date& as_of,
                             TaskListFormat format, const TaskListOptions& options);

/// A period in words ("tháng 10/2024", "quý III/2024", "October 2024", "Q3 2024"); labels
/// from the catalogue (labels.hpp, which also has status_label()).
std::string period_label(const CalendarPeriod& p, Language language);

}  // namespace pgi
