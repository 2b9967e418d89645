#include <doctest/doctest.h>

#include "pgi/score.hpp"

using pgi::format_percent;
using pgi::format_score;
using pgi::parse_score;
using pgi::Score;

static Score h(long v) {
    return Score::from_hundredths(v);
}

TEST_CASE("scores parse from plan and document notation exactly in hundredths") {
    CHECK(parse_score("6.58") == h(658));
    CHECK(parse_score("6,58") == h(658));  // Vietnamese decimal comma
    CHECK(parse_score("3.6") == h(360));
    CHECK(parse_score("10") == h(1000));
    CHECK(parse_score("0.05") == h(5));
    CHECK(parse_score("-0.26") == h(-26));
    CHECK(parse_score("+1.74") == h(174));
}

TEST_CASE("text that is not a two-decimal score is rejected") {
    for (const char* bad : {"", "6.", ".5", "6.585", "1e2", " 6.58", "6.58 ", "6,5,8", "abc", "--1", "1234567890"})
        CHECK_MESSAGE(!parse_score(bad), bad);
}

TEST_CASE("a baseline plus the stated increase equals the target with no rounding error") {
    // Lạng Sơn 2024, component 1: 4.84 + 1.74 = 6.58 (in binary floating point 4.84 + 1.74 != 6.58).
    CHECK(*parse_score("4.84") + *parse_score("1.74") == *parse_score("6.58"));
    CHECK(*parse_score("6.58") - *parse_score("4.84") == *parse_score("1.74"));
    // The four component targets add up to the total target 22.37.
    Score sum = *parse_score("6.58") + *parse_score("6.11") + *parse_score("4.38") + *parse_score("5.30");
    CHECK(format_score(sum) == "22.37");
}

TEST_CASE("TOML doubles convert to hundredths only when they are two-decimal values") {
    CHECK(pgi::score_from_double(6.58) == h(658));
    CHECK(pgi::score_from_double(4.35) == h(435));  // 4.35 is 4.3499999... in binary
    CHECK(pgi::score_from_double(0.1 + 0.2) == h(30));
    CHECK(pgi::score_from_double(-2.33) == h(-233));
    CHECK(!pgi::score_from_double(6.585));
    CHECK(!pgi::score_from_double(1.0 / 0.0));
}

TEST_CASE("scores print with exactly two decimals") {
    CHECK(format_score(h(658)) == "6.58");
    CHECK(format_score(h(360)) == "3.60");
    CHECK(format_score(h(0)) == "0.00");
    CHECK(format_score(h(-26)) == "-0.26");
    CHECK(format_score(h(-5)) == "-0.05");
    CHECK(format_score(h(658), true) == "6,58");
    CHECK(pgi::format_signed_score(h(174)) == "+1.74");
    CHECK(pgi::format_signed_score(h(-233)) == "-2.33");
    CHECK(pgi::format_signed_score(h(0)) == "0.00");
}

TEST_CASE("the share of the planned increase rounds half away from zero to one decimal") {
    CHECK(format_percent(h(11), h(174)) == "6.3");     // 6.32%
    CHECK(format_percent(h(311), h(78)) == "398.7");   // 398.72%
    CHECK(format_percent(h(530), h(504)) == "105.2");  // 105.16%
    CHECK(format_percent(h(1), h(8)) == "12.5");       // exactly 12.5
    CHECK(format_percent(h(1), h(16)) == "6.3");       // 6.25 -> 6.3
    CHECK(format_percent(h(-1), h(16)) == "-6.3");
    CHECK(format_percent(h(0), h(174)) == "0.0");
    CHECK(format_percent(h(11), h(174), true) == "6,3");
    CHECK(!format_percent(h(11), h(0)));
}
