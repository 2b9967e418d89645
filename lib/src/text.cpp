#include "pgi/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

namespace pgi {

namespace {
bool all_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}
}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const Utf8Char u = decode_utf8(text, i);
        if (!u.valid) return i;
        i += u.size;
    }
    return std::nullopt;
}

std::string to_nfc(std::string_view text) {
    if (all_ascii(text)) return std::string(text);
    utf8proc_uint8_t* out = nullptr;
    auto n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                     &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n < 0) return std::string(text);
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

namespace {
// Whether a code point with a canonical decomposition is its own NFC (precomposed "ạ" is;
// the singleton U+212B ANGSTROM SIGN and composition exclusions are not). Computed once per
// BMP code point and cached; other planes are computed each time.
bool stable_under_nfc(utf8proc_int32_t cp) {
    static std::array<std::atomic<std::uint8_t>, 0x10000> cache{};  // 0 unknown, 1 stable, 2 not
    auto compute = [cp] {
        utf8proc_uint8_t buf[4];
        auto n = utf8proc_encode_char(cp, buf);
        std::string_view one(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
        return to_nfc(one) == one;
    };
    if (cp >= 0x10000) return compute();
    auto& slot = cache[static_cast<std::size_t>(cp)];
    std::uint8_t v = slot.load(std::memory_order_relaxed);
    if (v == 0) {
        v = compute() ? 1 : 2;
        slot.store(v, std::memory_order_relaxed);
    }
    return v == 1;
}

// True when no code point of `text` can change under NFC: no combining marks (which may
// compose with what precedes them), no conjoining Hangul vowels/trailers, and no character
// whose canonical decomposition is excluded from composition (singletons such as U+212B).
// A table look-up per code point instead of a full normalisation: plans are mostly
// precomposed Vietnamese, and this check runs on every string of a 40 MB file.
bool quick_nfc(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const Utf8Char u = decode_utf8(text, i);
        utf8proc_int32_t cp = static_cast<utf8proc_int32_t>(u.code_point);
        const auto n = u.size;
        if (!u.valid) return false;
        i += n;
        if (cp >= 0x1160 && cp <= 0x11FF) return false;
        const utf8proc_property_t* p = utf8proc_get_property(cp);
        if (p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_MC ||
            p->category == UTF8PROC_CATEGORY_ME)
            return false;
        if (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0 && !stable_under_nfc(cp)) return false;
    }
    return true;
}
}  // namespace

bool is_nfc(std::string_view text) {
    if (quick_nfc(text)) return true;
    return to_nfc(text) == text;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0, i = 0;
    while (i < text.size()) {
        const Utf8Char u = decode_utf8(text, i);
        utf8proc_int32_t cp = static_cast<utf8proc_int32_t>(u.code_point);
        const auto n = u.size;
        if (!u.valid) {
            ++width;
            ++i;
            continue;
        }
        int w = utf8proc_charwidth(cp);
        width += static_cast<std::size_t>(w < 0 ? 0 : w);
        i += n;
    }
    return width;
}

std::size_t code_point_count(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) i += decode_utf8(text, i).size;
    return count;
}

std::string ascii_slug(std::string_view text) {
    std::string out;
    bool pending_dash = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const Utf8Char u = decode_utf8(text, i);
        utf8proc_int32_t cp = static_cast<utf8proc_int32_t>(u.code_point);
        const auto n = u.size;
        if (!u.valid) {
            ++i;
            pending_dash = true;
            continue;
        }
        i += n;
        if (cp == 0x0110 || cp == 0x0111) cp = 'd';  // Đ đ: no decomposition in Unicode
        // Decompose and keep the base letter.
        utf8proc_int32_t buf[8];
        int lbc = 0;
        auto m = utf8proc_decompose_char(
            cp, buf, 8, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD),
            &lbc);
        if (m <= 0) continue;
        for (utf8proc_ssize_t k = 0; k < m && k < 8; ++k) {
            utf8proc_int32_t c = buf[k];
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pending_dash && !out.empty()) out += '-';
                pending_dash = false;
                out += static_cast<char>(c);
            } else if (c >= 'A' && c <= 'Z') {
                if (pending_dash && !out.empty()) out += '-';
                pending_dash = false;
                out += static_cast<char>(c - 'A' + 'a');
            } else if (utf8proc_category(c) != UTF8PROC_CATEGORY_MN) {
                pending_dash = true;
            }
        }
    }
    return out;
}

LineColumn line_column_at(std::string_view text, std::size_t offset) {
    if (offset > text.size()) offset = text.size();
    LineColumn lc;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++lc.line;
            line_start = i + 1;
        }
    }
    lc.column = static_cast<int>(code_point_count(text.substr(line_start, offset - line_start))) + 1;
    return lc;
}

}  // namespace pgi

namespace pgi {

Utf8Char decode_utf8(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) return {};
    auto c = static_cast<unsigned char>(text[offset]);
    if (c < 0x80) return {c, 1, true};
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + offset),
                              static_cast<utf8proc_ssize_t>(text.size() - offset), &cp);
    if (n <= 0 || cp < 0) return {U'\uFFFD', 1, false};
    return {static_cast<char32_t>(cp), static_cast<std::size_t>(n), true};
}

namespace {
std::u32string code_points(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        auto u = decode_utf8(s, i);
        out += u.code_point;
        i += u.size;
    }
    return out;
}
}  // namespace

std::size_t edit_distance(std::string_view a8, std::string_view b8) {
    const std::u32string a = code_points(a8), b = code_points(b8);
    // d[i][j]: distance between the first i of a and the first j of b; three rows suffice.
    std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], before[j - 2] + 1);
        }
        std::swap(before, prev);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
    const std::size_t n = code_point_count(word);
    std::size_t limit = std::min<std::size_t>(3, n / 3);
    std::optional<std::string> best;
    for (auto c : candidates) {
        std::size_t d = edit_distance(word, c);
        if (d <= limit) {
            best = std::string(c);
            if (d == 0) break;
            limit = d - 1;  // only a strictly nearer candidate replaces it
        }
    }
    return best;
}

}  // namespace pgi
