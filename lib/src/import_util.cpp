// Code-point and word helpers for the importer (see import_detail.hpp).
#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "import_detail.hpp"
#include "pgi/text.hpp"

namespace pgi::import_detail {

char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) {
    if (i >= s.size()) {
        len = 1;
        return 0;
    }
    const Utf8Char u = decode_utf8(s, i);
    len = u.size;
    return u.code_point;
}

char32_t decode_before(std::string_view s, std::size_t end, std::size_t* len) {
    if (end == 0 || end > s.size()) {
        if (len) *len = 0;
        return 0;
    }
    std::size_t start = end - 1;
    while (start > 0 && end - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    std::size_t n = 0;
    char32_t cp = decode_at(s, start, n);
    if (start + n != end) {  // not a whole sequence: treat the last byte alone
        if (len) *len = 1;
        return 0xFFFD;
    }
    if (len) *len = n;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    utf8proc_uint8_t buf[4];
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

bool is_letter(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp > 0x10FFFF) return false;
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT ||
           cat == UTF8PROC_CATEGORY_LM || cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_MN ||
           cat == UTF8PROC_CATEGORY_MC;
}

bool is_uppercase_text(std::string_view t) {
    int letters = 0;
    std::size_t i = 0;
    while (i < t.size()) {
        std::size_t n = 0;
        char32_t cp = decode_at(t, i, n);
        if (is_lower(cp)) return false;
        if (is_upper(cp)) ++letters;
        i += n;
    }
    return letters >= 2;
}

bool is_upper(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    if (cp > 0x10FFFF) return false;
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool is_lower(char32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    if (cp > 0x10FFFF) return false;
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LL;
}

bool is_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == '\v';
}

namespace {
// The ASCII base letter of every code point below U+2000 (Latin-1, Latin Extended A/B,
// Latin Extended Additional where Vietnamese lives), computed once with utf8proc: 0 for
// combining marks and code points without one. Folding is the importer's hot path.
constexpr char32_t fold_table_size = 0x2000;

const std::vector<char>& fold_table() {
    static const std::vector<char> table = [] {
        std::vector<char> t(fold_table_size, 0);
        for (char32_t cp = 0; cp < fold_table_size; ++cp) {
            if (cp < 0x80) {
                if (cp >= 'A' && cp <= 'Z')
                    t[cp] = static_cast<char>(cp - 'A' + 'a');
                else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
                    t[cp] = static_cast<char>(cp);
                continue;
            }
            if (cp == 0x0110 || cp == 0x0111) {  // Đ đ have no decomposition
                t[cp] = 'd';
                continue;
            }
            utf8proc_int32_t buf[8];
            int lbc = 0;
            auto m = utf8proc_decompose_char(
                static_cast<utf8proc_int32_t>(cp), buf, 8,
                static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD), &lbc);
            if (m >= 1 && m <= 8 && buf[0] >= 'a' && buf[0] <= 'z')
                t[cp] = static_cast<char>(buf[0]);
            else if (m >= 1 && m <= 8 && buf[0] >= '0' && buf[0] <= '9')
                t[cp] = static_cast<char>(buf[0]);
        }
        return t;
    }();
    return table;
}
}  // namespace

std::string fold(std::string_view word) {
    // Lower case without diacritics, as ascii_slug() does for ids, but through a table.
    const auto& table = fold_table();
    std::string out;
    out.reserve(word.size());
    std::size_t i = 0;
    while (i < word.size()) {
        std::size_t n = 0;
        char32_t cp = decode_at(word, i, n);
        if (cp < fold_table_size) {
            if (char c = table[cp]) out += c;
        } else if (is_letter(cp) || is_digit(cp)) {
            out.append(word.substr(i, n));  // other scripts: kept as written
        }
        i += n;
    }
    return out;
}

namespace {
std::string map_case(std::string_view text, bool upper_first_only, bool to_upper) {
    std::string out;
    out.reserve(text.size());
    bool done = false;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n = 0;
        char32_t cp = decode_at(text, i, n);
        if (!done && (is_letter(cp) || !upper_first_only) && cp != 0xFFFD) {
            auto m = to_upper ? utf8proc_toupper(static_cast<utf8proc_int32_t>(cp))
                              : utf8proc_tolower(static_cast<utf8proc_int32_t>(cp));
            append_utf8(out, static_cast<char32_t>(m));
            if (upper_first_only && is_letter(cp)) done = true;
        } else {
            out.append(text.substr(i, n));
        }
        i += n;
    }
    return out;
}
}  // namespace

std::string capitalise(std::string_view text) {
    return map_case(text, true, true);
}
std::string lower(std::string_view text) {
    return map_case(text, false, false);
}

std::string_view trim(std::string_view s) {
    std::size_t b = 0;
    while (b < s.size()) {
        std::size_t n = 0;
        char32_t cp = decode_at(s, b, n);
        if (!is_space(cp) && cp != '\n' && cp != '\r') break;
        b += n;
    }
    std::size_t e = s.size();
    while (e > b) {
        std::size_t n = 0;
        char32_t cp = decode_before(s, e, &n);
        if (n == 0 || (!is_space(cp) && cp != '\n' && cp != '\r')) break;
        e -= n;
    }
    return s.substr(b, e - b);
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t n = 0;
        char32_t cp = decode_at(s, i, n);
        if (is_space(cp) || cp == '\n' || cp == '\r') {
            space = true;
        } else {
            if (space && !out.empty()) out += ' ';
            space = false;
            out.append(s.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::string_view trim_end_chars(std::string_view s, std::string_view chars) {
    s = trim(s);
    while (!s.empty() && (chars.find(s.back()) != std::string_view::npos || s.back() == ' ')) s.remove_suffix(1);
    return s;
}

std::vector<Word> split_words(std::string_view text) {
    std::vector<Word> out;
    out.reserve(text.size() / 6 + 1);
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n = 0;
        char32_t cp = decode_at(text, i, n);
        if (!is_letter(cp) && !is_digit(cp)) {
            i += n;
            continue;
        }
        Word w;
        w.begin = i;
        w.upper = is_upper(cp);
        bool digits = true;
        while (i < text.size()) {
            cp = decode_at(text, i, n);
            if (!is_letter(cp) && !is_digit(cp)) break;
            if (!is_digit(cp)) digits = false;
            i += n;
        }
        w.end = i;
        w.number = digits;
        w.fold = fold(text.substr(w.begin, w.end - w.begin));
        out.push_back(std::move(w));
    }
    return out;
}

bool gap_only(std::string_view text, const Word& a, const Word& b, std::string_view allowed) {
    std::size_t i = a.end;
    while (i < b.begin) {
        std::size_t n = 0;
        char32_t cp = decode_at(text, i, n);
        bool ok = is_space(cp) || (cp < 0x80 && allowed.find(static_cast<char>(cp)) != std::string_view::npos) ||
                  (cp == 0x2013 && allowed.find('-') != std::string_view::npos);  // en dash as hyphen
        if (!ok) return false;
        i += n;
    }
    return true;
}

std::size_t match_words(std::string_view text, const std::vector<Word>& words, std::size_t i,
                        const std::vector<std::string>& phrase, std::string_view allowed) {
    if (phrase.empty() || i + phrase.size() > words.size()) return 0;
    for (std::size_t k = 0; k < phrase.size(); ++k) {
        if (words[i + k].fold != phrase[k]) return 0;
        if (k > 0 && !gap_only(text, words[i + k - 1], words[i + k], allowed)) return 0;
    }
    return i + phrase.size();
}

std::vector<std::string> fold_words(std::string_view text) {
    std::vector<std::string> out;
    for (auto& w : split_words(text)) out.push_back(std::move(w.fold));
    return out;
}

std::string folded_key(std::string_view text) {
    std::string out;
    for (auto& w : split_words(text)) {
        if (!out.empty()) out += ' ';
        out += w.fold;
    }
    return out;
}

std::size_t find_phrase(std::string_view key, std::string_view phrase, std::size_t from) {
    if (phrase.empty()) return std::string_view::npos;
    std::size_t p = from;
    while ((p = key.find(phrase, p)) != std::string_view::npos) {
        bool left = p == 0 || key[p - 1] == ' ';
        bool right = p + phrase.size() == key.size() || key[p + phrase.size()] == ' ';
        if (left && right) return p;
        ++p;
    }
    return std::string_view::npos;
}

bool contains_phrase(std::string_view key, std::string_view phrase) {
    return find_phrase(key, phrase) != std::string_view::npos;
}

bool starts_with_phrase(std::string_view key, std::string_view phrase) {
    return !phrase.empty() && key.substr(0, phrase.size()) == phrase &&
           (key.size() == phrase.size() || key[phrase.size()] == ' ');
}

void append_note(std::string& note, const std::string& more) {
    if (more.empty()) return;
    if (!note.empty()) note += ' ';
    note += more;
}

}  // namespace pgi::import_detail
