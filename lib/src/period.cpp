#include "pgi/period.hpp"

#include <fmt/format.h>

namespace pgi {

namespace {

// Months per unit of a calendar kind; 0 for a range.
int months_of(PeriodKind k) {
    switch (k) {
        case PeriodKind::month:
            return 1;
        case PeriodKind::quarter:
            return 3;
        case PeriodKind::half:
            return 6;
        case PeriodKind::year:
            return 12;
        case PeriodKind::range:
            return 0;
    }
    return 0;
}

// The calendar unit of `months` months that starts in year `y`, unit number `n` (1-based).
CalendarPeriod unit(PeriodKind kind, int y, int n) {
    int span = months_of(kind);
    int first_month = (n - 1) * span + 1;
    int last_month = first_month + span - 1;
    return CalendarPeriod{kind, Date{y, first_month, 1}, Date{y, last_month, days_in_month(y, last_month)}};
}

std::optional<int> number(std::string_view s) {
    if (s.empty() || s.size() > 4) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

}  // namespace

int CalendarPeriod::index() const {
    int span = months_of(kind);
    return span == 0 || span == 12 ? 0 : (first.month - 1) / span + 1;
}

long CalendarPeriod::days() const {
    return days_from_civil(last) - days_from_civil(first) + 1;
}

std::optional<CalendarPeriod> parse_period(std::string_view text) {
    if (auto dots = text.find(".."); dots != std::string_view::npos) {
        auto from = parse_date(text.substr(0, dots));
        auto to = parse_date(text.substr(dots + 2));
        if (!from || !to) return std::nullopt;
        return period_between(*from, *to);
    }
    if (text.size() < 4) return std::nullopt;
    auto y = number(text.substr(0, 4));
    if (!y || *y < 1) return std::nullopt;
    if (text.size() == 4) return unit(PeriodKind::year, *y, 1);
    if (text[4] != '-') return std::nullopt;
    std::string_view rest = text.substr(5);
    if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'q' || rest[0] == 'H' || rest[0] == 'h')) {
        bool quarter = rest[0] == 'Q' || rest[0] == 'q';
        auto n = number(rest.substr(1));
        if (!n || *n < 1 || *n > (quarter ? 4 : 2)) return std::nullopt;
        return unit(quarter ? PeriodKind::quarter : PeriodKind::half, *y, *n);
    }
    if (rest.size() != 2) return std::nullopt;
    auto m = number(rest);
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    return unit(PeriodKind::month, *y, *m);
}

std::string format_period(const CalendarPeriod& p) {
    switch (p.kind) {
        case PeriodKind::month:
            return fmt::format("{:04}-{:02}", p.first.year, p.first.month);
        case PeriodKind::quarter:
            return fmt::format("{:04}-Q{}", p.first.year, p.index());
        case PeriodKind::half:
            return fmt::format("{:04}-H{}", p.first.year, p.index());
        case PeriodKind::year:
            return fmt::format("{:04}", p.first.year);
        case PeriodKind::range:
            return format_date(p.first) + ".." + format_date(p.last);
    }
    return {};
}

CalendarPeriod period_containing(PeriodKind kind, const Date& d) {
    int span = months_of(kind);
    if (span == 0) return CalendarPeriod{PeriodKind::range, d, d};
    return unit(kind, d.year, (d.month - 1) / span + 1);
}

std::optional<CalendarPeriod> period_between(const Date& from, const Date& to) {
    if (to < from) return std::nullopt;
    return CalendarPeriod{PeriodKind::range, from, to};
}

bool contains(const CalendarPeriod& p, const Date& d) {
    return p.first <= d && d <= p.last;
}

bool overlaps(const CalendarPeriod& a, const CalendarPeriod& b) {
    return a.first <= b.last && b.first <= a.last;
}

CalendarPeriod next_period(const CalendarPeriod& p) {
    if (p.kind == PeriodKind::range) {
        long n = p.days();
        return CalendarPeriod{PeriodKind::range, add_days(p.first, n), add_days(p.last, n)};
    }
    return period_containing(p.kind, add_days(p.last, 1));
}

CalendarPeriod previous_period(const CalendarPeriod& p) {
    if (p.kind == PeriodKind::range) {
        long n = p.days();
        return CalendarPeriod{PeriodKind::range, add_days(p.first, -n), add_days(p.last, -n)};
    }
    return period_containing(p.kind, add_days(p.first, -1));
}

CalendarPeriod default_report_period(const Date& as_of) {
    return previous_period(period_containing(PeriodKind::month, as_of));
}

Date add_months(const Date& d, int months) {
    long total = static_cast<long>(d.year) * 12 + (d.month - 1) + months;
    int y = static_cast<int>(total >= 0 ? total / 12 : (total - 11) / 12);
    int m = static_cast<int>(total - static_cast<long>(y) * 12) + 1;
    int dim = days_in_month(y, m);
    bool month_end = d.day == days_in_month(d.year, d.month);
    return Date{y, m, month_end || d.day > dim ? dim : d.day};
}

}  // namespace pgi
