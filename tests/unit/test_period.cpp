#include <doctest/doctest.h>

#include "pgi/period.hpp"

using namespace pgi;

static CalendarPeriod P(const char* text) {
    auto p = parse_period(text);
    REQUIRE_MESSAGE(p, text);
    return *p;
}

TEST_CASE("months, quarters, halves, years and ranges parse to their first and last day") {
    CHECK(P("2024-10").first == Date{2024, 10, 1});
    CHECK(P("2024-10").last == Date{2024, 10, 31});
    CHECK(P("2024-Q3").first == Date{2024, 7, 1});
    CHECK(P("2024-Q3").last == Date{2024, 9, 30});
    CHECK(P("2024-q1").last == Date{2024, 3, 31});
    CHECK(P("2024-H1").last == Date{2024, 6, 30});
    CHECK(P("2024-H2").first == Date{2024, 7, 1});
    CHECK(P("2024").first == Date{2024, 1, 1});
    CHECK(P("2024").last == Date{2024, 12, 31});
    CHECK(P("2024-08-01..2024-10-31").kind == PeriodKind::range);
    CHECK(P("2024-08-01..2024-10-31").last == Date{2024, 10, 31});
    CHECK(P("2024-Q3").index() == 3);
    CHECK(P("2024-H2").index() == 2);
    CHECK(P("2024-10").index() == 10);
    CHECK(P("2024").index() == 0);
}

TEST_CASE("February has 29 days in leap years: every 4th year, except centuries not divisible by 400") {
    CHECK(P("2024-02").last == Date{2024, 2, 29});
    CHECK(P("2023-02").last == Date{2023, 2, 28});
    CHECK(P("1900-02").last == Date{1900, 2, 28});
    CHECK(P("2000-02").last == Date{2000, 2, 29});
    CHECK(P("2024").days() == 366);
    CHECK(P("2023").days() == 365);
    CHECK(P("2024-Q1").days() == 91);  // 31 + 29 + 31
    CHECK(P("2023-Q1").days() == 90);
    CHECK(P("2024-02-28..2024-03-01").days() == 3);
}

TEST_CASE("malformed or impossible periods are rejected") {
    for (const char* bad :
         {"", "24", "2024-13", "2024-00", "2024-Q0", "2024-Q5", "2024-H3", "2024-1", "2024/10", "2024-10-01",
          "2024-10-01..2024-09-30", "2024-02-30..2024-03-01", "2024-10..2024-11", "Q3-2024", "2024-W40"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_period(bad));
    }
}

TEST_CASE("format_period gives the canonical spelling and round-trips") {
    for (const char* s : {"2024-10", "2024-Q3", "2024-H2", "2024", "2024-08-01..2024-10-31"}) {
        CAPTURE(s);
        CHECK(format_period(P(s)) == s);
    }
    CHECK(format_period(P("2024-q4")) == "2024-Q4");
    CHECK(format_period(P("2024-h1")) == "2024-H1");
}

TEST_CASE("next and previous periods cross year ends") {
    CHECK(next_period(P("2024-12")) == P("2025-01"));
    CHECK(previous_period(P("2024-01")) == P("2023-12"));
    CHECK(previous_period(P("2024-Q1")) == P("2023-Q4"));
    CHECK(next_period(P("2024-Q4")) == P("2025-Q1"));
    CHECK(next_period(P("2024-H2")) == P("2025-H1"));
    CHECK(previous_period(P("2024")) == P("2023"));
    CHECK(next_period(P("2024-02")) == P("2024-03"));
    // a range moves by its own length
    CHECK(next_period(P("2024-08-01..2024-08-10")) == P("2024-08-11..2024-08-20"));
    CHECK(previous_period(P("2024-03-01..2024-03-01")) == P("2024-02-29..2024-02-29"));
}

TEST_CASE("containment and overlap include both ends") {
    CHECK(contains(P("2024-Q3"), Date{2024, 9, 30}));
    CHECK(contains(P("2024-Q3"), Date{2024, 7, 1}));
    CHECK_FALSE(contains(P("2024-Q3"), Date{2024, 10, 1}));
    CHECK_FALSE(contains(P("2024-Q3"), Date{2024, 6, 30}));
    CHECK(overlaps(P("2024-Q3"), P("2024-09")));
    CHECK_FALSE(overlaps(P("2024-Q3"), P("2024-10")));
    CHECK(overlaps(P("2024"), P("2024-Q4")));
    CHECK(overlaps(P("2024-10"), P("2024-10-31..2024-11-02")));
    CHECK_FALSE(overlaps(P("2024-10"), P("2024-11-01..2024-11-02")));
    // one shared day, on either side: a's first day is b's last day and the other way round
    CHECK(overlaps(P("2024-10-31..2024-11-02"), P("2024-10")));
    CHECK(overlaps(P("2024-11"), P("2024-10-30..2024-11-01")));
}

TEST_CASE("the period containing a date") {
    CHECK(period_containing(PeriodKind::month, Date{2024, 2, 29}) == P("2024-02"));
    CHECK(period_containing(PeriodKind::quarter, Date{2024, 5, 15}) == P("2024-Q2"));
    CHECK(period_containing(PeriodKind::quarter, Date{2024, 12, 31}) == P("2024-Q4"));
    CHECK(period_containing(PeriodKind::half, Date{2024, 7, 1}) == P("2024-H2"));
    CHECK(period_containing(PeriodKind::year, Date{2024, 7, 1}) == P("2024"));
    CHECK_FALSE(period_between(Date{2024, 10, 2}, Date{2024, 10, 1}));
    CHECK(period_between(Date{2024, 10, 1}, Date{2024, 10, 1})->days() == 1);
}

TEST_CASE("adding months clamps to the month's length and keeps month ends month ends") {
    CHECK(add_months(Date{2024, 1, 31}, 1) == Date{2024, 2, 29});
    CHECK(add_months(Date{2023, 1, 31}, 1) == Date{2023, 2, 28});
    CHECK(add_months(Date{2024, 2, 29}, 1) == Date{2024, 3, 31});
    CHECK(add_months(Date{2024, 2, 29}, 12) == Date{2025, 2, 28});
    CHECK(add_months(Date{2024, 1, 15}, -1) == Date{2023, 12, 15});
    CHECK(add_months(Date{2024, 3, 30}, -1) == Date{2024, 2, 29});
    CHECK(add_months(Date{2024, 9, 3}, 2) == Date{2024, 11, 3});
    CHECK(add_months(Date{2024, 9, 30}, 3) == Date{2024, 12, 31});
    CHECK(add_months(Date{2024, 11, 3}, 14) == Date{2026, 1, 3});
}

TEST_CASE("the default report period is the month before the as-of month, at the month's edges") {
    // first and last day of November: both give October
    CHECK(default_report_period(Date{2024, 11, 1}) == P("2024-10"));
    CHECK(default_report_period(Date{2024, 11, 30}) == P("2024-10"));
    // 31 October still reports on September (the report for October is written in November)
    CHECK(default_report_period(Date{2024, 10, 31}) == P("2024-09"));
    // across the year: January reports on December of the year before
    CHECK(default_report_period(Date{2025, 1, 1}) == P("2024-12"));
    // 1 March of a leap year: February has 29 days
    CHECK(default_report_period(Date{2024, 3, 1}).last == Date{2024, 2, 29});
    CHECK(default_report_period(Date{2024, 3, 1}).kind == PeriodKind::month);
}
