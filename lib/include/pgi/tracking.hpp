// Execution tracking (docs/tracking.md): a task's status for a reporting period,
// overdue tasks, who owns a task, reporting duties and who has reported, and the task query
// behind `pgi tasks`. Pure computations over a Plan whose updates are already merged
// (updates.hpp); nothing here reads files or the clock.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pgi/date.hpp"
#include "pgi/model.hpp"
#include "pgi/period.hpp"

namespace pgi {

/// `done` and `cancelled` end a task's work; every other status leaves it open.
bool is_closed(TaskStatus s);

/// The last day a task may be finished: the latest day of its `due` partial date
/// (`2024-12` -> 2024-12-31, `2024` -> 2024-12-31). std::nullopt for an undated task.
std::optional<Date> due_date(const Task& task);

/// The calendar unit a recurring task is reported per: monthly -> month, quarterly -> quarter,
/// half_yearly -> half, yearly -> year; continuous, daily and weekly duties are reported
/// monthly -> month. std::nullopt for a one-off task (`none`).
std::optional<PeriodKind> reporting_unit(Recurrence r);

/// The period an update reports on: its `period` when set (and valid); else, for a recurring
/// task, the reporting_unit() period containing the update's date; else the month of its date.
CalendarPeriod update_period(const Task& task, const TaskUpdate& update);

/// Where a task's status comes from.
enum class StatusOrigin {
    plan,     ///< the plan's `status` field (no update counts)
    update,   ///< an update about the period (one-off tasks: the latest update)
    carried,  ///< recurring task: an update about an earlier period
};

struct TaskState {
    TaskStatus status = TaskStatus::not_started;
    std::optional<int> percent;  ///< 0..100, from the update the status comes from
    StatusOrigin origin = StatusOrigin::plan;
    const TaskUpdate* update = nullptr;  ///< that update; nullptr for StatusOrigin::plan
    std::optional<Date> due;             ///< due_date()
    bool overdue = false;                ///< due before as_of and status not closed
    long days_overdue = 0;               ///< as_of − due in days, when overdue
};

/// The state of `task` for the reporting period `period`, as of `as_of`. Only updates dated
/// on or before `as_of` count; among several, the latest date wins, then the later in list
/// order (plan updates first, then update files in merge order).
/// - One-off task (recurrence `none`): the latest update, whatever its period; else the plan's
///   `status` — but `not_started` when the task has updates and all are dated after `as_of`
///   (the plan's `status` then describes the state after them, not before).
/// - Recurring task: the latest update whose update_period() overlaps `period`. Without one,
///   the status is carried from the latest update about an earlier period, except that `done`
///   is carried as `in_progress`: "done for 2024-Q3 does not close the task for 2024-Q4"
///   (docs/tracking.md); `percent` is not carried. Without any, the plan's `status` (or `not_started`, as
///   for one-off tasks, when every update is dated after `as_of`).
/// - Overdue: the task has a due date strictly before `as_of` (the due day itself is not
///   late) and its status is not closed. "Overdue" is never stored (docs/tracking.md).
TaskState task_state(const Task& task, const CalendarPeriod& period, const Date& as_of);

/// The span a recurring task's status "as of" a date is taken from: the month before the
/// as-of month (the period the monthly report is about, docs/tracking.md) through the end of
/// the as-of month, as a range: 2024-10-01..2024-11-30 for 2024-11-05.
CalendarPeriod current_reporting_span(const Date& as_of);

/// task_state() for current_reporting_span(as_of): a recurring task reported done for October
/// (on 2 November) is done as of 5 November, and carried as in progress from December on.
/// One-off tasks do not depend on the period. `pgi tasks --period P` uses task_state(P).
TaskState task_state_as_of(const Task& task, const Date& as_of);

/// Which owners of a task a filter looks at.
enum class OwnerRole { any, lead, cooperating };

/// Owner lookups that stay fast on large plans, and the expansion of group owners.
class OwnerIndex {
public:
    explicit OwnerIndex(const Plan& plan);

    const Owner* find(std::string_view id) const;
    /// Position of the owner in `plan.owners` (plan order), or `plan.owners.size()` when unknown.
    std::size_t position(std::string_view id) const;
    /// The reporting units an owner stands for: a `group` owner with `members` stands for its
    /// members (recursively; each once; membership cycles are cut); every other owner —
    /// including a group without members and the ward/commune committees group "UBND các
    /// phường, xã", which the plan does not split into wards — stands for itself. Unknown ids
    /// stand for themselves.
    std::vector<std::string> units(std::string_view id) const;
    /// The owners of `task` in `role`: the lead and/or cooperating owners as written, plus all
    /// their members, recursively (nested groups and units), without repeats, in plan order
    /// (unknown ids last, in order of appearance).
    std::vector<std::string> task_owners(const Task& task, OwnerRole role) const;
    /// True when `owner` is among task_owners(task, role).
    bool is_owner(const Task& task, std::string_view owner, OwnerRole role = OwnerRole::any) const;

private:
    const Plan* plan_;
    std::map<std::string, std::size_t, std::less<>> position_;
    struct Expansion;  // the ids found so far and the groups being expanded, as hash sets
    void expand(std::string_view id, Expansion& x, bool groups_too) const;
};

/// One occurrence of a reporting duty: a report about `covers`, due on `due`.
struct DutyOccurrence {
    Date due;
    CalendarPeriod covers;
};

/// The occurrences of `report` whose covered period overlaps `period`, earliest first.
/// - frequency `none` (or `continuous`): one occurrence, due on `report.due`, covering
///   1 January of the plan's start year (else of the due year) to the due date — the seed's
///   "report the 2024 results by 01/12/2024";
/// - daily, weekly, monthly, quarterly, half_yearly, yearly: occurrence k is due on
///   `report.due` + k days / weeks / months / quarters / halves / years, always counted from
///   `report.due` (add_months(): the day is clamped to the month's length, and a month-end
///   date stays month-end), so a monthly duty due on the 28th–31st is due exactly once a month;
///   daily and weekly occurrences cover the day / the 7 days ending on their due date; the
///   others cover the unit (month, quarter, half, year) before the one their due date falls in
///   (`covers: previous`), or that unit itself (`covers: current`); without `covers`, `current`
///   exactly when `report.due` is the last day of its unit. A monthly report due 2024-11-03
///   covers 2024-10; one due on the 30th covers January on 29 February and February on 30
///   March; a quarterly report due 2024-09-30 covers 2024-Q3. Occurrences start at
///   `report.due`; at most 100 000 are generated.
std::vector<DutyOccurrence> duty_occurrences(const Plan& plan, const ReportDeadline& report,
                                             const CalendarPeriod& period);

/// The reporting units a duty applies to: the units of its `from` owners, or, when `from` is
/// empty, the units of every owner of a task (lead or cooperating) — the seed's "every
/// unit"; in plan order, without repeats.
std::vector<std::string> duty_senders(const Plan& plan, const OwnerIndex& owners, const ReportDeadline& report);

/// Whether one reporting unit owes and has sent its report for a period.
struct ReportingStatus {
    std::string owner;        ///< a reporting unit (owner id)
    bool owes = false;        ///< a duty occurrence covers (overlaps) the period
    int owed = 0;             ///< reports owed: duty occurrences covering the period (a monthly duty in a quarter: 3)
    int missing = 0;          ///< owed reports not sent: no update about the occurrence's period
    int late_reports = 0;     ///< missing reports whose due date is before as_of
    std::optional<Date> due;  ///< due date of the earliest missing report (all sent: of the first)
    std::string to;           ///< recipient of that duty (owner id; default the focal agency)
    bool reported =
        false;  ///< owes: every owed report sent; else: any update about the period dated on or before as_of
    std::optional<Date> last_report;  ///< the date of the latest such update
    int updates = 0;                  ///< how many such updates
    bool late = false;                ///< a missing report is past its due date
    long days_late = 0;               ///< as_of − the earliest such due date, in days
};

/// The reporting status for `period` as of `as_of` of every reporting unit that owns a task
/// (lead or cooperating, expanded with OwnerIndex::units) or is a sender of a duty, in plan
/// order. Duties are `plan.meta.reports` (including those merged from update files). An update
/// is "about the period" when its update_period() overlaps `period`; it counts for the units
/// of its `reported_by` (empty: for nobody — validate_plan() reports `update-no-reporter`).
/// A duty is owed once per occurrence (duty_occurrences()) whose period ends in `period` (the
/// October report does not owe the yearly report due 01/12): an occurrence is sent when one of
/// the unit's updates about the period also overlaps the occurrence's period, so a monthly duty
/// reported for August only is one report missing of two for 2024-Q3.
std::vector<ReportingStatus> reporting_status(const Plan& plan, const OwnerIndex& owners, const CalendarPeriod& period,
                                              const Date& as_of);

/// The Vietnamese labels of the statuses, in TaskStatus order: "Chưa thực hiện", "Đang thực
/// hiện", "Hoàn thành", "Vướng mắc", "Đã hủy" (the labels of the reports and forms).
const std::vector<std::string>& vietnamese_status_labels();

/// A task status from its code (`in_progress`, also `in progress`) or a word of
/// data/task-labels.yaml: the Vietnamese labels above, the English ones ("In progress") and
/// the aliases there ("Đã hoàn thành", "Chưa triển khai", "Khó khăn, vướng mắc", "Hủy"); compared after
/// search_key() folding, so case, diacritics (NFC or NFD, "huỷ"/"hủy") and runs of spaces do
/// not matter ("HOAN THANH", "hoàn  thành"). std::nullopt for anything else. Used by update
/// files, plan files, form intake and every `--status` option (issue 8).
std::optional<TaskStatus> parse_status_label(std::string_view text);

/// The accepted spellings for a hint: "not_started, …, cancelled, or Chưa thực hiện, …".
std::string accepted_status_text();

/// `text` folded for searching: Unicode NFKD without combining marks, case-folded, and
/// đ/Đ -> d, so that "DIA CHAT", "địa chất" and "Địa Chất" all fold to "dia chat".
std::string search_key(std::string_view text);

/// Orders of `pgi tasks`. `plan` is document order; `id` compares ids with digit runs as
/// numbers (c1.a.2 < c1.a.10); `due` puts undated tasks last; `status` follows the enum order
/// (not_started, in_progress, done, blocked, cancelled); `owner` and `component` follow plan
/// order of the lead owner and the component. Ties keep plan order.
enum class TaskSort { plan, id, due, status, owner, component };

/// Filters of `pgi tasks`; every given filter must match (a list matches when any entry does).
struct TaskQuery {
    Date as_of;                            ///< for status, overdue and due windows
    std::optional<CalendarPeriod> period;  ///< status for this period (task_state()); default task_state_as_of()
    std::vector<std::string> owners;       ///< owner ids, matched with OwnerIndex::is_owner
    OwnerRole role = OwnerRole::any;
    std::vector<std::string> components;  ///< component ids
    std::vector<TaskStatus> statuses;     ///< status as of `as_of` (task_state_as_of)
    bool overdue = false;                 ///< overdue as of `as_of`
    std::optional<int> due_within_days;   ///< open tasks due in [as_of, as_of + N days]
    std::string search;                   ///< in id, text, note and source; search_key() folded
    TaskSort sort = TaskSort::plan;
};
// With both `overdue` and `due_within_days`, a task matches when either holds: the list an
// analyst chases.

struct TaskRow {
    const Task* task = nullptr;
    TaskState state;
};

/// The tasks matching `query`, sorted. Rows point into `plan`.
std::vector<TaskRow> query_tasks(const Plan& plan, const TaskQuery& query);

/// Natural order of ids: digit runs compare as numbers, other characters bytewise.
bool natural_less(std::string_view a, std::string_view b);

}  // namespace pgi
