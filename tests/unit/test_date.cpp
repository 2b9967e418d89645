#include <doctest/doctest.h>

#include <cstdlib>

#include "pgi/date.hpp"
#include "pgi/model.hpp"

using namespace pgi;

TEST_CASE("impossible calendar dates are rejected") {
    CHECK(parse_date("2024-02-29"));  // 2024 is a leap year
    CHECK(!parse_date("2025-02-29"));
    CHECK(!parse_date("2024-02-30"));
    CHECK(!parse_date("2024-04-31"));
    CHECK(!parse_date("2024-13-01"));
    CHECK(!parse_date("2024-00-10"));
    CHECK(parse_date("2000-02-29"));   // divisible by 400
    CHECK(!parse_date("1900-02-29"));  // century not divisible by 400
    CHECK(!parse_date("2024-2-3"));
    CHECK(!parse_date("12/7/2024"));
    CHECK(!parse_date("2024-08"));  // partial: not a full date
}

TEST_CASE("partial dates keep what is known and span a period") {
    auto m = parse_partial_date("2024-08");
    REQUIRE(m);
    CHECK(*m == PartialDate{2024, 8, 0});
    CHECK(m->earliest() == Date{2024, 8, 1});
    CHECK(m->latest() == Date{2024, 8, 31});
    auto y = parse_partial_date("2024");
    REQUIRE(y);
    CHECK(y->latest() == Date{2024, 12, 31});
    CHECK(parse_partial_date("2024-02")->latest() == Date{2024, 2, 29});
    CHECK(format_partial_date(*m) == "2024-08");
    CHECK(format_partial_date(PartialDate{2024, 7, 12}) == "2024-07-12");
    CHECK(!parse_partial_date("2024-8"));
    CHECK(!parse_partial_date("2024-08-"));
}

TEST_CASE("day arithmetic crosses months, years and leap days") {
    CHECK(days_from_civil(Date{1970, 1, 1}) == 0);
    CHECK(days_from_civil(Date{2024, 3, 1}) - days_from_civil(Date{2024, 2, 28}) == 2);
    CHECK(add_days(Date{2024, 12, 2}, 30) == Date{2025, 1, 1});
    CHECK(add_days(Date{2024, 3, 1}, -1) == Date{2024, 2, 29});
    CHECK(civil_from_days(days_from_civil(Date{2026, 11, 29})) == Date{2026, 11, 29});
}

TEST_CASE("the default as-of date follows SOURCE_DATE_EPOCH") {
    ::setenv("SOURCE_DATE_EPOCH", "1730332800", 1);  // 2024-10-31T00:00:00Z
    CHECK(default_as_of() == Date{2024, 10, 31});
    ::setenv("SOURCE_DATE_EPOCH", "1730419199", 1);  // 2024-10-31T23:59:59Z
    CHECK(default_as_of() == Date{2024, 10, 31});
    ::setenv("SOURCE_DATE_EPOCH", "not-a-number", 1);  // ignored: falls back to the clock
    CHECK(default_as_of().year >= 2025);
    ::setenv("SOURCE_DATE_EPOCH", "1764979200", 1);  // restore the value CTest sets
}

TEST_CASE("today is the date in the plan's time zone: 06:30 on 1 November in Hà Nội is 1 November") {
    ::setenv("SOURCE_DATE_EPOCH", "1730417400", 1);  // 2024-10-31T23:30:00Z = 2024-11-01 06:30 UTC+7
    CHECK(default_as_of() == Date{2024, 10, 31});    // UTC
    CHECK(default_as_of(7 * 60) == Date{2024, 11, 1});
    CHECK(default_as_of(-12 * 60) == Date{2024, 10, 31});  // 11:30 on 31 October at UTC-12
    Plan plan;
    CHECK(plan.meta.utc_offset_minutes() == 420);  // Vietnam unless the plan says otherwise
    plan.meta.time_zone = "UTC-5";
    CHECK(plan.meta.utc_offset_minutes() == -300);
    ::setenv("SOURCE_DATE_EPOCH", "1730332800", 1);  // 2024-10-31T00:00:00Z: 07:00 in Hà Nội
    CHECK(default_as_of(7 * 60) == Date{2024, 10, 31});
    CHECK(default_as_of(-60) == Date{2024, 10, 30});  // 23:00 the day before at UTC-1
    ::setenv("SOURCE_DATE_EPOCH", "1764979200", 1);   // restore the value CTest sets
}

TEST_CASE("UTC offsets: +07:00, +0700, +7, UTC+7, UTC, Z; nothing else") {
    CHECK(parse_utc_offset("+07:00") == 420);
    CHECK(parse_utc_offset("+0700") == 420);
    CHECK(parse_utc_offset("UTC+7") == 420);
    CHECK(parse_utc_offset("GMT+07:00") == 420);
    CHECK(parse_utc_offset("-05:30") == -330);
    CHECK(parse_utc_offset("UTC") == 0);
    CHECK(parse_utc_offset("Z") == 0);
    CHECK(!parse_utc_offset("Asia/Ho_Chi_Minh"));
    CHECK(!parse_utc_offset("+7:5"));
    CHECK(!parse_utc_offset("+15:00"));
    CHECK(!parse_utc_offset("+07:60"));
    CHECK(!parse_utc_offset(""));
    CHECK(!parse_utc_offset("7"));
}

TEST_CASE("SOURCE_DATE_EPOCH text is whole seconds since the epoch, nothing else") {
    CHECK(date_from_epoch_text("0") == Date{1970, 1, 1});
    CHECK(date_from_epoch_text("1730332800") == Date{2024, 10, 31});
    CHECK(!date_from_epoch_text(""));
    CHECK(!date_from_epoch_text("-1"));
    CHECK(!date_from_epoch_text("1730332800.5"));
    CHECK(!date_from_epoch_text("abc"));
    CHECK(!date_from_epoch_text("253402300800"));  // year 10000
}
