#include "pgi/date.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <string>

namespace pgi {

namespace {
bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Reads exactly `n` ASCII digits at `pos`.
std::optional<int> digits(std::string_view s, std::size_t pos, std::size_t n) {
    if (pos + n > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}
}  // namespace

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

bool is_valid_date(int year, int month, int day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

Date PartialDate::earliest() const {
    return Date{year, month == 0 ? 1 : month, day == 0 ? 1 : day};
}

Date PartialDate::latest() const {
    int m = month == 0 ? 12 : month;
    return Date{year, m, day == 0 ? days_in_month(year, m) : day};
}

std::optional<PartialDate> parse_partial_date(std::string_view text) {
    auto y = digits(text, 0, 4);
    if (!y || *y < 1) return std::nullopt;
    if (text.size() == 4) return PartialDate{*y, 0, 0};
    if (text.size() < 7 || text[4] != '-') return std::nullopt;
    auto m = digits(text, 5, 2);
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    if (text.size() == 7) return PartialDate{*y, *m, 0};
    if (text.size() != 10 || text[7] != '-') return std::nullopt;
    auto d = digits(text, 8, 2);
    if (!d || !is_valid_date(*y, *m, *d)) return std::nullopt;
    return PartialDate{*y, *m, *d};
}

std::optional<Date> parse_date(std::string_view text) {
    auto p = parse_partial_date(text);
    if (!p || p->day == 0) return std::nullopt;
    return Date{p->year, p->month, p->day};
}

std::string format_date(const Date& d) {
    return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::string format_partial_date(const PartialDate& d) {
    if (d.month == 0) return fmt::format("{:04}", d.year);
    if (d.day == 0) return fmt::format("{:04}-{:02}", d.year, d.month);
    return format_date(Date{d.year, d.month, d.day});
}

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain,
// http://howardhinnant.github.io/date_algorithms.html).
long days_from_civil(const Date& d) {
    long y = d.year - (d.month <= 2 ? 1 : 0);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d.month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

Date add_days(const Date& d, long days) {
    return civil_from_days(days_from_civil(d) + days);
}

namespace {
std::optional<long long> epoch_seconds(std::string_view text) {
    if (text.empty() || text.size() > 12) return std::nullopt;
    long long secs = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        secs = secs * 10 + (c - '0');
    }
    if (secs >= 253402300800LL) return std::nullopt;  // 10000-01-01
    return secs;
}

Date date_at(long long secs, int offset_minutes) {
    long long local = secs + static_cast<long long>(offset_minutes) * 60;
    long long days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    return civil_from_days(static_cast<long>(days));
}
}  // namespace

std::optional<Date> date_from_epoch_text(std::string_view text) {
    auto secs = epoch_seconds(text);
    if (!secs) return std::nullopt;
    return date_at(*secs, 0);
}

Date default_as_of(int utc_offset_minutes) {
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde)
        if (auto secs = epoch_seconds(sde)) return date_at(*secs, utc_offset_minutes);
    auto now = std::chrono::system_clock::now();
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    return date_at(static_cast<long long>(secs), utc_offset_minutes);
}

std::optional<int> parse_utc_offset(std::string_view t) {
    if (t == "Z" || t == "UTC" || t == "GMT") return 0;
    if (t.substr(0, 3) == "UTC" || t.substr(0, 3) == "GMT") t.remove_prefix(3);
    if (t.size() < 2 || (t[0] != '+' && t[0] != '-')) return std::nullopt;
    int sign = t[0] == '-' ? -1 : 1;
    t.remove_prefix(1);
    auto all_digits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    int h = 0, m = 0;
    if (auto colon = t.find(':'); colon != std::string_view::npos) {
        auto hs = t.substr(0, colon), ms = t.substr(colon + 1);
        if (!all_digits(hs) || hs.size() > 2 || !all_digits(ms) || ms.size() != 2) return std::nullopt;
        h = std::stoi(std::string(hs));
        m = std::stoi(std::string(ms));
    } else if (all_digits(t) && t.size() <= 2) {
        h = std::stoi(std::string(t));
    } else if (all_digits(t) && t.size() == 4) {
        h = std::stoi(std::string(t.substr(0, 2)));
        m = std::stoi(std::string(t.substr(2)));
    } else {
        return std::nullopt;
    }
    if (m >= 60 || h * 60 + m > 14 * 60) return std::nullopt;
    return sign * (h * 60 + m);
}

}  // namespace pgi
