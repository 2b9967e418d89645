// Scores: exact two-decimal quantities on the PGI 0–10 scale (0–40 for the total).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pgi {

/// A PGI score held as a whole number of hundredths of a point, so that sums and
/// comparisons are exact: 4.84 + 1.74 == 6.58 holds, and no 1.7399999 is ever printed.
/// VCCI publishes every score with two decimals (docs/domain.md), so hundredths
/// are the natural unit; anything finer is rejected by the parsers below.
class Score {
public:
    constexpr Score() = default;
    /// A score of `hundredths` / 100 points (may be negative: gaps and increases).
    static constexpr Score from_hundredths(std::int64_t hundredths) { return Score(hundredths); }
    constexpr std::int64_t hundredths() const { return value_; }

    constexpr Score operator+(Score o) const { return Score(value_ + o.value_); }
    constexpr Score operator-(Score o) const { return Score(value_ - o.value_); }
    constexpr Score operator-() const { return Score(-value_); }
    constexpr Score& operator+=(Score o) {
        value_ += o.value_;
        return *this;
    }
    constexpr auto operator<=>(const Score&) const = default;

private:
    constexpr explicit Score(std::int64_t v) : value_(v) {}
    std::int64_t value_ = 0;
};

/// Parses a decimal score as written in a plan or a document: `6.58`, `6,58` (Vietnamese
/// decimal comma), `6.5`, `6`, `-0.26`, `+1.74`. At most two decimals and at most 9 integer
/// digits, no leading zero (`010`, which YAML 1.1 reads as octal); no exponent, no spaces,
/// no thousands separators.
/// Returns std::nullopt when the text is not such a number; the caller reports it.
std::optional<Score> parse_score(std::string_view text);

/// Converts a binary floating-point value (as TOML parsers deliver `6.58`) to a score.
/// Returns std::nullopt when the value is not within 1e-6 of a whole number of hundredths
/// (e.g. 6.585) or is not finite.
std::optional<Score> score_from_double(double value);

/// Formats with exactly two decimals: `6.58`, `-0.26`, `0.00`; with `decimal_comma`,
/// `6,58` as Vietnamese documents write it.
std::string format_score(Score s, bool decimal_comma = false);

/// Formats a difference with an explicit sign: `+1.74`, `-2.33`, `0.00`.
std::string format_signed_score(Score s, bool decimal_comma = false);

/// `part / whole` as a percentage rounded half away from zero to one decimal, e.g.
/// 0.11 / 1.74 -> "6.3". Returns std::nullopt when `whole` is zero.
std::optional<std::string> format_percent(Score part, Score whole, bool decimal_comma = false);

}  // namespace pgi
