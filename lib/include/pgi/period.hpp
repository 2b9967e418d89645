// Calendar periods for progress reporting: months (`2024-10`), quarters (`2024-Q3`), halves
// (`2024-H2`), years (`2024`) and explicit date ranges (`2024-08-01..2024-10-31`).
// Used by update files (`period:`), `pgi report --period` and reporting duties
// (docs/tracking.md). Dates are proleptic Gregorian (date.hpp); all bounds are inclusive.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pgi/date.hpp"

namespace pgi {

/// The shape of a period. `range` is any span of whole days given by its first and last day.
enum class PeriodKind { month, quarter, half, year, range };

/// A span of whole days, `first` to `last` inclusive (`first <= last` always holds for
/// values made by the functions below). For month/quarter/half/year the span is the whole
/// calendar unit: 2024-Q3 is 2024-07-01..2024-09-30.
struct CalendarPeriod {
    PeriodKind kind = PeriodKind::month;
    Date first;
    Date last;
    bool operator==(const CalendarPeriod&) const = default;

    /// The calendar year of `first`.
    int year() const { return first.year; }
    /// 1..12 for a month, 1..4 for a quarter, 1..2 for a half, 0 for a year or a range.
    int index() const;
    /// Number of days, `last − first + 1` (a leap February has 29).
    long days() const;
};

/// Parses `YYYY-MM` (month), `YYYY-Qn` (quarter, n = 1..4), `YYYY-Hn` (half, n = 1..2),
/// `YYYY` (year) or `YYYY-MM-DD..YYYY-MM-DD` (range; the end may not precede the start).
/// `q` and `h` may be lower case. Returns std::nullopt for anything else, including
/// impossible dates and months such as `2024-13`.
std::optional<CalendarPeriod> parse_period(std::string_view text);

/// The canonical spelling: `2024-10`, `2024-Q3`, `2024-H2`, `2024`,
/// `2024-08-01..2024-10-31`. parse_period(format_period(p)) == p.
std::string format_period(const CalendarPeriod& p);

/// The month, quarter, half or year containing `d` (`kind` must not be `range`; a range
/// request returns the one-day range `d..d`).
CalendarPeriod period_containing(PeriodKind kind, const Date& d);

/// The days `from`..`to` as a `range` period; std::nullopt when `to` is before `from`.
std::optional<CalendarPeriod> period_between(const Date& from, const Date& to);

/// True when `d` lies within `p` (bounds included).
bool contains(const CalendarPeriod& p, const Date& d);

/// True when the two periods share at least one day.
bool overlaps(const CalendarPeriod& a, const CalendarPeriod& b);

/// The period of the same kind right after / before `p`: 2024-12 -> 2025-01,
/// 2024-Q1 -> 2023-Q4 (previous). A range moves by its own length in days.
CalendarPeriod next_period(const CalendarPeriod& p);
CalendarPeriod previous_period(const CalendarPeriod& p);

/// The period a report, a reporting form or an update is about when the user names none: the
/// calendar month before the month of `as_of` — the usual monthly report, written early in the
/// following month (docs/tracking.md). 2024-11-01 and 2024-11-30 -> 2024-10; 2025-01-15 ->
/// 2024-12. Used by `pgi report`, `pgi form` (of --as-of) and `pgi update` (of --date).
CalendarPeriod default_report_period(const Date& as_of);

/// `d` moved by `months` calendar months (may be negative). The day is clamped to the length
/// of the target month (2024-01-31 + 1 month = 2024-02-29), and when `d` is the last day of
/// its month the result is the last day of the target month (2024-02-29 + 1 = 2024-03-31), so
/// that month-end deadlines stay month-end.
Date add_months(const Date& d, int months);

}  // namespace pgi
