// Calendar dates (ISO 8601, proleptic Gregorian) and the partial dates real plans use.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace pgi {

/// A full calendar date. Always valid when produced by the functions below.
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    auto operator<=>(const Date&) const = default;
};

/// A date that may lack its day, or its month and day: `2024`, `2024-08`, `2024-08-08`.
/// Plans are often issued as drafts that leave the day blank ("ngày   tháng 8 năm 2024").
/// `month == 0` means year only; `day == 0` means year and month only.
struct PartialDate {
    int year = 0;
    int month = 0;
    int day = 0;
    bool operator==(const PartialDate&) const = default;
    /// The first and the last full date the partial date can stand for.
    Date earliest() const;
    Date latest() const;
};

/// True for 1..12 months and the days that month has (leap years per the Gregorian rule:
/// divisible by 4, except centuries not divisible by 400).
bool is_valid_date(int year, int month, int day);
int days_in_month(int year, int month);

/// Parses a full ISO date `YYYY-MM-DD`. Returns std::nullopt for any other shape and for
/// impossible dates such as 2024-02-30.
std::optional<Date> parse_date(std::string_view text);

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; std::nullopt when malformed or impossible.
std::optional<PartialDate> parse_partial_date(std::string_view text);

/// `YYYY-MM-DD`.
std::string format_date(const Date& d);
/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as much as is known.
std::string format_partial_date(const PartialDate& d);

/// Days since 1970-01-01 (negative before), and back.
long days_from_civil(const Date& d);
Date civil_from_days(long days);
Date add_days(const Date& d, long days);

/// The UTC date of `text` read as SOURCE_DATE_EPOCH: decimal seconds since 1970-01-01 UTC,
/// digits only, before year 10000. std::nullopt for anything else (`abc`, `-1`, `1.5`).
std::optional<Date> date_from_epoch_text(std::string_view text);

/// The default "as of" date: the date, in a time zone `utc_offset_minutes` east of UTC, of
/// the instant `SOURCE_DATE_EPOCH` (seconds since the epoch) when that environment variable
/// holds a valid integer, so that reproducible builds and tests get a fixed date; otherwise of
/// the system clock's now. The commands pass the plan's zone (PlanMeta::utc_offset_minutes(),
/// Vietnam's UTC+7 by default): at 06:30 on 1 November in Hà Nội (23:30 UTC on 31 October)
/// today is 1 November.
Date default_as_of(int utc_offset_minutes = 0);

/// Parses a fixed UTC offset: `+07:00`, `+0700`, `+7`, `-05:30`, each optionally after `UTC`
/// or `GMT` (`UTC+7`), or `UTC`/`Z` alone. Returns minutes east of UTC (420 for `+07:00`);
/// std::nullopt for anything else or beyond ±14:00.
std::optional<int> parse_utc_offset(std::string_view text);

}  // namespace pgi
