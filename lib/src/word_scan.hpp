// Internal: eight bytes at a time, a test the loaders' byte loops make per byte, so that a
// 40 MB plan is scanned quickly. It says whether all eight bytes at `p` pass; a loop falls
// back to its byte-by-byte code where they do not.
#pragma once

#include <cstdint>
#include <cstring>

namespace pgi::detail {

/// No byte is an ASCII control character (below 0x20, or 0x7F); bytes from 0x80 pass.
inline bool no_ascii_control8(const char* p) {
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    // per byte, the high bit set when the low seven bits are at least 0x20 / are 0x7F (the
    // additions cannot carry into the next byte)
    std::uint64_t low7 = w & (ones * 0x7F);
    std::uint64_t at_least_20 = low7 + ones * 0x60;
    std::uint64_t is_7f = low7 + ones * 0x01;
    return ((~at_least_20 | is_7f) & ~w & (ones * 0x80)) == 0;
}

/// All eight bytes are printable ASCII (0x20 to 0x7E).
inline bool printable_ascii8(const char* p) {
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return (w & (ones * 0x80)) == 0 && no_ascii_control8(p);
}

}  // namespace pgi::detail
