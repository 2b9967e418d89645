#include "pgi/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
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
// the singleton U+212B ANGSTROM SIGN and composition exclusions are not).
bool stable_under_nfc(utf8proc_int32_t cp) {
    utf8proc_uint8_t buf[4];
    auto n = utf8proc_encode_char(cp, buf);
    std::string_view one(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
    return to_nfc(one) == one;
}

bool compute_nfc_inert(utf8proc_int32_t cp) {
    if (cp >= 0x1160 && cp <= 0x11FF) return false;
    const utf8proc_property_t* p = utf8proc_get_property(cp);
    if (p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_MC ||
        p->category == UTF8PROC_CATEGORY_ME)
        return false;
    return !(p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0 && !stable_under_nfc(cp));
}

// True when no code point of `text` can change under NFC (nfc_inert). A table look-up per
// code point instead of a full normalisation: plans are mostly precomposed Vietnamese, and
// this check runs on every string of a 40 MB file.
bool quick_nfc(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const Utf8Char u = decode_utf8(text, i);
        if (!u.valid || !nfc_inert(u.code_point)) return false;
        i += u.size;
    }
    return true;
}
}  // namespace

bool nfc_inert(char32_t cp) {
    if (cp < 0x80) return true;
    if (cp > 0x10FFFF) return false;
    // The verdict per BMP code point, computed on first use: 0 unknown, 1 inert, 2 not.
    static std::array<std::atomic<std::uint8_t>, 0x10000> cache{};
    const auto c = static_cast<utf8proc_int32_t>(cp);
    if (cp >= 0x10000) return compute_nfc_inert(c);
    auto& slot = cache[cp];
    std::uint8_t v = slot.load(std::memory_order_relaxed);
    if (v == 0) {
        v = compute_nfc_inert(c) ? 1 : 2;
        slot.store(v, std::memory_order_relaxed);
    }
    return v == 1;
}

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
    // Well-formed two- and three-byte characters (all of Vietnamese) decoded here; anything
    // else, including every ill-formed sequence, by utf8proc_iterate
    auto cont = [&](std::size_t k) {
        return offset + k < text.size() && (static_cast<unsigned char>(text[offset + k]) & 0xC0) == 0x80;
    };
    auto low6 = [&](std::size_t k) {
        return static_cast<char32_t>(static_cast<unsigned char>(text[offset + k]) & 0x3F);
    };
    if (c >= 0xC2 && c <= 0xDF && cont(1)) return {(static_cast<char32_t>(c & 0x1F) << 6) | low6(1), 2, true};
    if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
        char32_t cp = (static_cast<char32_t>(c & 0x0F) << 12) | (low6(1) << 6) | low6(2);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3, true};  // not overlong, not a surrogate
    }
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

namespace {

bool ascii_letter(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
bool ascii_vowel(char32_t c) {
    switch (c) {
        case U'a':
        case U'e':
        case U'i':
        case U'o':
        case U'u':
        case U'y':
        case U'A':
        case U'E':
        case U'I':
        case U'O':
        case U'U':
        case U'Y':
            return true;
        default:
            return false;
    }
}
// Letters only Vietnamese (of the languages a plan holds) writes, outside Latin-1: ă Ă đ Đ ĩ Ĩ
// ũ Ũ ơ Ơ ư Ư, the Latin Extended Additional block, and combining tone marks (NFD text).
bool vietnamese_only(char32_t c) {
    return c == 0x102 || c == 0x103 || c == 0x110 || c == 0x111 || c == 0x128 || c == 0x129 || c == 0x168 ||
           c == 0x169 || c == 0x1A0 || c == 0x1A1 || c == 0x1AF || c == 0x1B0 || (c >= 0x1EA0 && c <= 0x1EF9) ||
           (c >= 0x300 && c <= 0x323);
}
// TCVN3 (ABC) letters that Windows-1252 shows as symbols: ¡–® (Ă Â Ê Ô Ơ Ư Đ ă â ê ô ơ ư đ),
// µ–¹ (à ả ã á ạ), »–¾ (ằ ẳ ẵ ắ), ß (ò).
bool tcvn3_symbol(char32_t c) {
    return (c >= 0xA1 && c <= 0xAE) || (c >= 0xB5 && c <= 0xB9) || (c >= 0xBB && c <= 0xBE) || c == 0xDF;
}
// VNI mark bytes that Windows-1252 shows as letters no Vietnamese word has in Unicode.
bool vni_mark(char32_t c) {
    switch (c) {
        case 0xE4:
        case 0xE5:
        case 0xE6:
        case 0xEB:
        case 0xEF:
        case 0xF6:
        case 0xF8:
        case 0xFB:
        case 0xFC:
        case 0xC4:
        case 0xC5:
        case 0xC6:
        case 0xCB:
        case 0xCF:
        case 0xD6:
        case 0xD8:
        case 0xDB:
        case 0xDC:
            return true;
        default:
            return false;
    }
}

// Whether `s` (lowercase ASCII) has the shape of one Vietnamese syllable: an initial consonant
// (or none), one to three vowels, a final consonant among c ch m n ng nh p t (or none). "naïve",
// "Zoë", "Noël" or "Straße" read as mojibake do not: `nave`, `zo`, `nol`, `straae`.
bool vietnamese_syllable(std::string_view s) {
    static constexpr std::string_view onsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu",
                                                  "th",  "tr", "b",  "c",  "d",  "g",  "h",  "k",  "l",
                                                  "m",   "n",  "p",  "r",  "s",  "t",  "v",  "x",  ""};
    static constexpr std::string_view finals[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};
    auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
    for (std::string_view onset : onsets) {
        if (s.substr(0, onset.size()) != onset) continue;
        std::size_t i = onset.size(), v = i;
        while (v < s.size() && vowel(s[v])) ++v;
        if (v == i || v - i > 3) continue;
        std::string_view rest = s.substr(v);
        for (std::string_view f : finals)
            if (rest == f) return true;
    }
    return false;
}

}  // namespace

LegacyEncoding guess_legacy_vietnamese(std::string_view text) {
    // quick exit: pure ASCII, the common case
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return LegacyEncoding::none;
    // quick exit: a letter only Vietnamese has (ư, ạ …), the common case of non-ASCII text;
    // looked for before anything is allocated
    for (std::size_t i = 0; i < text.size();) {
        Utf8Char ch = decode_utf8(text, i);
        if (ch.size == 0) break;
        if (vietnamese_only(ch.code_point)) return LegacyEncoding::none;
        i += ch.size;
    }
    std::vector<char32_t> cps;
    cps.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        Utf8Char ch = decode_utf8(text, i);
        if (ch.size == 0) break;
        cps.push_back(ch.code_point);
        i += ch.size;
    }
    int tcvn3 = 0, vni = 0;
    std::size_t i = 0;
    while (i < cps.size()) {
        // a word: a run of letters, digits and Latin-1 characters (TCVN3's letters are symbols)
        auto in_word = [](char32_t c) {
            return ascii_letter(c) || (c >= U'0' && c <= U'9') || (c >= 0xA1 && c <= 0xFF);
        };
        if (!in_word(cps[i])) {
            ++i;
            continue;
        }
        std::size_t b = i;
        while (i < cps.size() && in_word(cps[i])) ++i;
        bool t = false, v = false;
        for (std::size_t k = b; k < i; ++k) {
            char32_t c = cps[k];
            char32_t prev = k > b ? cps[k - 1] : 0, next = k + 1 < i ? cps[k + 1] : 0;
            bool prev_lower = prev >= U'a' && prev <= U'z';
            // TCVN3: a symbol after a letter and before a letter or the word's end ("L¹ng", "vµ"),
            // or a word-initial đ ă â ê ơ (® ¨ © ª ¬) before a letter; a capital after a lowercase
            // letter ("ChÝnh"), × (ì) included
            // (« and » end a word only as French quotation marks: not counted there)
            if (tcvn3_symbol(c) && ascii_letter(prev) && (ascii_letter(next) || (next == 0 && c != 0xAB && c != 0xBB)))
                t = true;
            if (k == b && (c == 0xAE || c == 0xA8 || c == 0xA9 || c == 0xAA || c == 0xAC) && ascii_letter(next))
                t = true;
            if (c >= 0xC0 && c <= 0xDE && prev_lower) t = true;
            // VNI: a mark after a vowel ("Vieät", "UÛy"), or đ written ñ/Ñ before a vowel or ư/ơ
            if (vni_mark(c) && ascii_vowel(prev)) v = true;
            if (k == b && (c == 0xF1 || c == 0xD1) && (ascii_vowel(next) || next == 0xF6 || next == 0xF4)) v = true;
        }
        // A hit counts only when the word, read back, has the shape of a Vietnamese syllable:
        // TCVN3's symbols are its vowels (® is đ); VNI's marks follow the letters they mark
        // (ñ is đ, ô and ö are ơ and ư)
        if (t || v) {
            std::string tcvn3_word, vni_word;
            for (std::size_t k = b; k < i; ++k) {
                char32_t c = cps[k];
                char lower = c < 0x80 ? static_cast<char>(std::tolower(static_cast<int>(c))) : 0;
                tcvn3_word += lower ? lower : (c == 0xAE || c == 0xA7) ? 'd' : 'a';
                if (lower)
                    vni_word += lower;
                else if (c == 0xF1 || c == 0xD1)
                    vni_word += 'd';
                else if (c == 0xF4 || c == 0xD4)
                    vni_word += 'o';
                else if (c == 0xF6 || c == 0xD6)
                    vni_word += 'u';
            }
            tcvn3 += t && vietnamese_syllable(tcvn3_word);
            vni += v && vietnamese_syllable(vni_word);
        }
    }
    if (tcvn3 >= 2 && tcvn3 >= vni) return LegacyEncoding::tcvn3;
    if (vni >= 2) return LegacyEncoding::vni;
    return LegacyEncoding::none;
}

}  // namespace pgi
