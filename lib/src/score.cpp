#include "pgi/score.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace pgi {

std::optional<Score> parse_score(std::string_view text) {
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    }
    std::int64_t whole = 0;
    int int_digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (++int_digits > 9) return std::nullopt;
        whole = whole * 10 + (text[i] - '0');
        ++i;
    }
    std::int64_t frac = 0;
    int frac_digits = 0;
    if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
        ++i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (++frac_digits > 2) return std::nullopt;
            frac = frac * 10 + (text[i] - '0');
            ++i;
        }
        if (frac_digits == 0) return std::nullopt;  // "6." is not a score
    }
    if (i != text.size() || int_digits == 0) return std::nullopt;
    // "010" is 8 to a YAML 1.1 reader and 10 to us: refuse the ambiguity.
    if (int_digits > 1 && text[negative || text[0] == '+' ? 1 : 0] == '0') return std::nullopt;
    if (frac_digits == 1) frac *= 10;
    std::int64_t v = whole * 100 + frac;
    return Score::from_hundredths(negative ? -v : v);
}

std::optional<Score> score_from_double(double value) {
    if (!std::isfinite(value) || std::fabs(value) > 1e9) return std::nullopt;
    double scaled = value * 100.0;
    double rounded = std::round(scaled);
    if (std::fabs(scaled - rounded) > 1e-6) return std::nullopt;
    return Score::from_hundredths(static_cast<std::int64_t>(rounded));
}

std::string format_score(Score s, bool decimal_comma) {
    std::int64_t v = s.hundredths();
    const char* sign = v < 0 ? "-" : "";
    std::int64_t a = v < 0 ? -v : v;
    return fmt::format("{}{}{}{:02}", sign, a / 100, decimal_comma ? ',' : '.', a % 100);
}

std::string format_signed_score(Score s, bool decimal_comma) {
    if (s.hundredths() > 0) return "+" + format_score(s, decimal_comma);
    return format_score(s, decimal_comma);
}

std::optional<std::string> format_percent(Score part, Score whole, bool decimal_comma) {
    std::int64_t d = whole.hundredths();
    if (d == 0) return std::nullopt;
    // tenths of a percent = part * 1000 / whole, rounded half away from zero
    std::int64_t n = part.hundredths() * 1000;
    bool negative = (n < 0) != (d < 0);
    std::int64_t an = std::llabs(n), ad = std::llabs(d);
    std::int64_t q = (an * 2 + ad) / (ad * 2);
    if (negative && q != 0) q = -q;
    std::int64_t aq = std::llabs(q);
    return fmt::format("{}{}{}{}", q < 0 ? "-" : "", aq / 10, decimal_comma ? ',' : '.', aq % 10);
}

}  // namespace pgi
