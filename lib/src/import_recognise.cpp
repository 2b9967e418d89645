// Recognisers for `pgi import`: list markers and lettering, dates and deadlines, targets,
// document numbers and cited documents (contracts in pgi/import.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <initializer_list>
#include <map>

#include "import_detail.hpp"
#include "pgi/import.hpp"
#include "pgi/national_table.hpp"

namespace pgi::recognise {

using namespace import_detail;

namespace {

// The Vietnamese list alphabet (docs/domain.md, "Conventions of the documents").
constexpr std::array<std::string_view, 23> vn_alphabet = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                                          "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
constexpr std::string_view latin_letters = "abcdefghijklmnopqrstuvwxyz";

int roman_value(std::string_view s) {
    static const std::map<char, int> v{{'I', 1}, {'V', 5}, {'X', 10}, {'L', 50}};
    int total = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        int a = v.at(s[i]);
        int b = i + 1 < s.size() ? v.at(s[i + 1]) : 0;
        total += a < b ? -a : a;
    }
    // Only canonical numerals: re-encode and compare, so "IIII" or "VX" are not numerals.
    static const std::pair<int, const char*> enc[] = {{40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
    std::string back;
    int x = total;
    for (auto [n, sym] : enc)
        while (x >= n) {
            back += sym;
            x -= n;
        }
    return back == s && total >= 1 && total <= 39 ? total : 0;
}

bool is_bullet(char32_t cp) {
    switch (cp) {
        case '-':
        case '+':
        case '*':
        case 0x2013:
        case 0x2014:
        case 0x2022:
        case 0x25E6:
        case 0x25AA:
        case 0x25CF:
        case 0x25CB:
        case 0x25A0:
        case 0x00B7:
        case 0xF0B7:
        case 0xF0A7:
        case 0xF0D8:
        case 0x27A2:
        case 0x2212:
        case 0x2043:
            return true;
        default:
            return false;
    }
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size() && s[i] == ' ') ++i;
    return i;
}

}  // namespace

// ---- List markers -----------------------------------------------------------------------

ListMarker parse_list_marker(std::string_view p) {
    ListMarker m;
    if (p.empty()) return m;
    std::size_t n = 0;
    char32_t cp = decode_at(p, 0, n);
    if (is_bullet(cp) && (n == p.size() || p[n] == ' ')) {
        m.kind = ListMarker::Kind::bullet;
        m.label = std::string(p.substr(0, n));
        m.text_begin = skip_spaces(p, n);
        return m;
    }
    // Roman numerals: "II. ", "III) ".
    std::size_t j = 0;
    while (j < p.size() && std::strchr("IVXL", p[j]) && p[j] != '\0') ++j;
    if (j > 0 && j < p.size() && (p[j] == '.' || p[j] == ')') && (j + 1 == p.size() || p[j + 1] == ' ')) {
        if (int v = roman_value(p.substr(0, j))) {
            m.kind = ListMarker::Kind::roman;
            m.label = std::string(p.substr(0, j));
            m.value = v;
            m.text_begin = skip_spaces(p, j + 1);
            return m;
        }
    }
    // Numbers: "1. ", "2) ", "2.1. ", "2.1 Chỉ số".
    if (is_digit(cp)) {
        std::size_t k = 0;
        int parts = 0, last = 0;
        bool ok = true;
        while (k < p.size() && is_digit(static_cast<unsigned char>(p[k]))) {
            std::size_t s = k;
            int v = 0;
            // at most a few digits count; a long run (a phone number) cannot overflow `v`
            while (k < p.size() && is_digit(static_cast<unsigned char>(p[k]))) {
                if (k - s < 6) v = v * 10 + (p[k] - '0');
                ++k;
            }
            if (k - s > 2) ok = false;
            ++parts;
            last = v;
            if (k < p.size() && p[k] == '.' && k + 1 < p.size() && is_digit(static_cast<unsigned char>(p[k + 1]))) {
                ++k;
                continue;
            }
            break;
        }
        if (ok && parts > 0) {
            bool closed = k < p.size() && (p[k] == '.' || p[k] == ')') && (k + 1 == p.size() || p[k + 1] == ' ');
            bool open_multi = parts > 1 && k < p.size() && p[k] == ' ';
            if (open_multi) {
                std::size_t t = skip_spaces(p, k), tn = 0;
                open_multi = t < p.size() && is_upper(decode_at(p, t, tn));
            }
            if (closed || open_multi) {
                m.kind = ListMarker::Kind::number;
                m.label = std::string(p.substr(0, k));
                m.value = last;
                m.text_begin = skip_spaces(p, closed ? k + 1 : k);
                return m;
            }
        }
    }
    // Letters: "a) ", "đ) ", "a. ".
    if (is_lower(cp)) {
        std::string letter(p.substr(0, n));
        bool known = vietnamese_letter_index(letter) >= 0 ||
                     (letter.size() == 1 && latin_letters.find(letter[0]) != std::string_view::npos);
        if (known && n < p.size() && (p[n] == ')' || p[n] == '.') && (n + 1 == p.size() || p[n + 1] == ' ')) {
            m.kind = ListMarker::Kind::letter;
            m.label = letter;
            m.value = vietnamese_letter_index(letter);
            m.text_begin = skip_spaces(p, n + 1);
            return m;
        }
    }
    return m;
}

// ---- Lettering --------------------------------------------------------------------------

int vietnamese_letter_index(std::string_view letter) {
    for (std::size_t i = 0; i < vn_alphabet.size(); ++i)
        if (vn_alphabet[i] == letter) return static_cast<int>(i);
    return -1;
}

std::string letter_id(std::string_view letter) {
    return letter == "đ" ? "dd" : std::string(letter);
}

std::vector<LetterAnomaly> check_lettering(const std::vector<LetterUse>& letters) {
    bool latin = std::any_of(letters.begin(), letters.end(), [](const LetterUse& u) {
        return u.letter == "f" || u.letter == "j" || u.letter == "w" || u.letter == "z";
    });
    std::vector<std::string> alphabet;
    if (latin)
        for (char c : latin_letters) alphabet.emplace_back(1, c);
    else
        for (auto l : vn_alphabet) alphabet.emplace_back(l);
    auto index = [&](const std::string& l) {
        auto it = std::find(alphabet.begin(), alphabet.end(), l);
        return it == alphabet.end() ? -1 : static_cast<int>(it - alphabet.begin());
    };
    std::vector<LetterAnomaly> out;
    std::map<std::string, int> first_line;
    int prev = -1, prev_line = 0;
    for (const auto& u : letters) {
        int i = index(u.letter);
        if (i < 0) continue;
        auto seen = first_line.find(u.letter);
        if (seen != first_line.end()) {
            LetterAnomaly a;
            a.kind = LetterAnomaly::Kind::repeated;
            a.letter = u.letter;
            a.line = u.line;
            a.other_line = seen->second;
            out.push_back(a);
        } else if (i > prev + 1) {
            LetterAnomaly a;
            a.kind = LetterAnomaly::Kind::skipped;
            a.letter = u.letter;
            a.previous = prev >= 0 ? alphabet[static_cast<std::size_t>(prev)] : "";
            // đ) is often left out (d) e)), so it alone is not a gap.
            for (int k = prev + 1; k < i; ++k)
                if (alphabet[static_cast<std::size_t>(k)] != "đ")
                    a.missing.push_back(alphabet[static_cast<std::size_t>(k)]);
            a.line = u.line;
            a.other_line = prev_line;
            if (!a.missing.empty()) out.push_back(a);
        } else if (i < prev) {
            LetterAnomaly a;
            a.kind = LetterAnomaly::Kind::out_of_order;
            a.letter = u.letter;
            a.previous = alphabet[static_cast<std::size_t>(prev)];
            a.line = u.line;
            a.other_line = prev_line;
            out.push_back(a);
        }
        first_line.emplace(u.letter, u.line);
        prev = i;
        prev_line = u.line;
    }
    return out;
}

// ---- Dates ------------------------------------------------------------------------------

namespace {

bool read_int(std::string_view s, std::size_t& i, std::size_t min_digits, std::size_t max_digits, int& value) {
    std::size_t b = i;
    value = 0;
    while (i < s.size() && i - b < max_digits && s[i] >= '0' && s[i] <= '9') value = value * 10 + (s[i++] - '0');
    if (i - b < min_digits || (i < s.size() && s[i] >= '0' && s[i] <= '9')) {
        i = b;
        return false;
    }
    return true;
}

bool plausible_year(int y) {
    return y >= 1900 && y <= 2200;
}

int word_int(const Word& w, std::string_view text) {
    if (!w.number || w.end - w.begin > 4) return -1;
    int v = 0;
    for (std::size_t k = w.begin; k < w.end; ++k) v = v * 10 + (text[k] - '0');
    return v;
}

// The gap between two words of a written-out date: spaces, dots, ellipses, underscores
// (the blanks of a draft), slashes and commas.
bool date_gap(std::string_view text, const Word& a, const Word& b) {
    if (b.begin - a.end > 24) return false;
    std::size_t i = a.end;
    while (i < b.begin) {
        std::size_t n = 0;
        char32_t cp = decode_at(text, i, n);
        if (!(is_space(cp) || cp == '.' || cp == 0x2026 || cp == '_' || cp == '/' || cp == ',' || cp == '-'))
            return false;
        i += n;
    }
    return true;
}

}  // namespace

std::vector<DateMatch> find_dates(std::string_view text) {
    std::vector<DateMatch> out;
    // Numeric dates d/m/yyyy (also with - or .).
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') continue;
        if (i > 0 && ((text[i - 1] >= '0' && text[i - 1] <= '9') || text[i - 1] == '/' || text[i - 1] == '.' ||
                      text[i - 1] == ',' || text[i - 1] == '-'))
            continue;
        std::size_t j = i;
        int d = 0, m = 0, y = 0;
        if (!read_int(text, j, 1, 2, d)) continue;
        if (j >= text.size() || (text[j] != '/' && text[j] != '-' && text[j] != '.')) continue;
        char sep = text[j++];
        if (!read_int(text, j, 1, 2, m)) continue;
        if (j >= text.size() || text[j] != sep) continue;
        ++j;
        if (!read_int(text, j, 4, 4, y)) continue;
        if (j < text.size() && (text[j] == '/' || (text[j] >= '0' && text[j] <= '9'))) continue;
        if (!plausible_year(y) || !is_valid_date(y, m, d)) continue;
        out.push_back({PartialDate{y, m, d}, i, j});
        i = j - 1;
    }
    // Written-out dates: "ngày 08 tháng 8 năm 2024", "ngày   tháng 8 năm 2024", "tháng 8/2024".
    auto words = split_words(text);
    auto overlaps = [&](std::size_t b, std::size_t e) {
        return std::any_of(out.begin(), out.end(), [&](const DateMatch& m) { return b < m.end && m.begin < e; });
    };
    for (std::size_t w = 0; w < words.size(); ++w) {
        std::size_t k = w;
        int day = 0;
        if (words[w].fold == "ngay") {
            ++k;
            if (k < words.size() && words[k].number && date_gap(text, words[k - 1], words[k])) {
                day = word_int(words[k], text);
                if (day < 1 || day > 31) continue;
                ++k;
            }
            if (k >= words.size() || words[k].fold != "thang" || !date_gap(text, words[k - 1], words[k])) continue;
        } else if (words[w].fold != "thang") {
            continue;
        }
        // words[k] is "tháng"
        int month = 0;
        ++k;
        if (k < words.size() && words[k].number && date_gap(text, words[k - 1], words[k])) {
            month = word_int(words[k], text);
            if (month < 1 || month > 12) continue;
            ++k;
        }
        int year = 0;
        if (k < words.size() && words[k].fold == "nam" && date_gap(text, words[k - 1], words[k])) {
            ++k;
            if (k < words.size() && words[k].number && date_gap(text, words[k - 1], words[k]))
                year = word_int(words[k], text);
        } else if (k < words.size() && words[k].number && month > 0 &&
                   text.substr(words[k - 1].end, words[k].begin - words[k - 1].end) == "/") {
            year = word_int(words[k], text);  // "tháng 8/2024"
        }
        if (!plausible_year(year)) continue;
        PartialDate pd{year, month, month > 0 ? day : 0};
        if (pd.day && !is_valid_date(pd.year, pd.month, pd.day)) {
            w = k;  // "ngày 30 tháng 2 năm 2024" is no date, and not February either
            continue;
        }
        std::size_t b = words[w].begin, e = words[k].end;
        if (overlaps(b, e)) continue;
        out.push_back({pd, b, e});
        w = k;
    }
    std::sort(out.begin(), out.end(), [](const DateMatch& a, const DateMatch& b) { return a.begin < b.begin; });
    return out;
}

std::vector<DateMatch> find_impossible_dates(std::string_view text) {
    std::vector<DateMatch> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') continue;
        if (i > 0 && ((text[i - 1] >= '0' && text[i - 1] <= '9') || text[i - 1] == '/' || text[i - 1] == '.' ||
                      text[i - 1] == ',' || text[i - 1] == '-'))
            continue;
        std::size_t j = i;
        int d = 0, m = 0, y = 0;
        if (!read_int(text, j, 1, 2, d)) continue;
        if (j >= text.size() || (text[j] != '/' && text[j] != '-' && text[j] != '.')) continue;
        char sep = text[j++];
        if (!read_int(text, j, 1, 2, m)) continue;
        if (j >= text.size() || text[j] != sep) continue;
        ++j;
        if (!read_int(text, j, 4, 4, y)) continue;
        if (j < text.size() && (text[j] == '/' || (text[j] >= '0' && text[j] <= '9'))) continue;
        if (!plausible_year(y) || is_valid_date(y, m, d) || d < 1 || m < 1) continue;
        out.push_back({PartialDate{y, m, d}, i, j});
        i = j - 1;
    }
    auto words = split_words(text);
    for (std::size_t w = 0; w + 5 < words.size(); ++w) {
        if (words[w].fold != "ngay" || !words[w + 1].number || words[w + 2].fold != "thang" || !words[w + 3].number ||
            words[w + 4].fold != "nam" || !words[w + 5].number)
            continue;
        int d = word_int(words[w + 1], text), m = word_int(words[w + 3], text), y = word_int(words[w + 5], text);
        if (!plausible_year(y) || is_valid_date(y, m, d) || d < 1 || m < 1) continue;
        out.push_back({PartialDate{y, m, d}, words[w].begin, words[w + 5].end});
    }
    std::sort(out.begin(), out.end(), [](const DateMatch& a, const DateMatch& b) { return a.begin < b.begin; });
    return out;
}

std::string looks_like_fact(std::string_view text) {
    // A score with a decimal comma: "6,58" (not "1,2,3" nor a thousands group "1,000").
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if (text[i] != ',' || !is_digit(static_cast<unsigned char>(text[i - 1])) ||
            !is_digit(static_cast<unsigned char>(text[i + 1])))
            continue;
        std::size_t j = i + 1;
        while (j < text.size() && is_digit(static_cast<unsigned char>(text[j]))) ++j;
        if (j - i - 1 <= 2 && (j >= text.size() || text[j] != ',')) return "score";
    }
    auto words = split_words(text);
    for (std::size_t w = 0; w < words.size(); ++w) {
        const auto& f = words[w].fold;
        bool next_number = w + 1 < words.size() && words[w + 1].number;
        if ((f == "thu" || f == "nhom" || f == "top") && next_number) return "rank";
        if (f == "bac" && w > 0 && words[w - 1].number) return "rank";
        if (words[w].number && w > 0 && (f == "63" || f == "34") &&
            text.substr(words[w - 1].end, words[w].begin - words[w - 1].end) == "/" && words[w - 1].number)
            return "rank";
    }
    if (!find_dates(text).empty() || !find_impossible_dates(text).empty()) return "date";
    std::string key = folded_key(text);
    for (std::string_view r : {"hang thang", "hang quy", "hang nam", "hang tuan", "hang ngay", "dinh ky", "6 thang"})
        if (contains_phrase(key, r)) return "recurrence";
    for (std::size_t w = 0; w + 1 < words.size(); ++w)
        if (words[w].fold == "quy" && (words[w + 1].number || words[w + 1].fold == "i" || words[w + 1].fold == "ii" ||
                                       words[w + 1].fold == "iii" || words[w + 1].fold == "iv"))
            return "date";
    return {};
}

// ---- Deadlines and recurrence -----------------------------------------------------------

namespace {

int roman_or_digit(const std::string& w) {
    if (w == "i" || w == "1") return 1;
    if (w == "ii" || w == "2") return 2;
    if (w == "iii" || w == "3") return 3;
    if (w == "iv" || w == "4") return 4;
    return 0;
}

}  // namespace

Deadline parse_deadline(std::string_view text, int default_year) {
    Deadline d;
    std::string key = folded_key(text);
    // Recurrence: the first one named wins.
    struct R {
        std::string_view phrase;
        Recurrence r;
    };
    static const R recurrences[] = {
        {"thuong xuyen", Recurrence::continuous},  {"lien tuc", Recurrence::continuous},
        {"hang nam", Recurrence::yearly},          {"hang quy", Recurrence::quarterly},
        {"hang thang", Recurrence::monthly},       {"hang tuan", Recurrence::weekly},
        {"hang ngay", Recurrence::daily},          {"nua nam", Recurrence::half_yearly},
        {"hang 6 thang", Recurrence::half_yearly}, {"dinh ky 6 thang", Recurrence::half_yearly},
        {"dinh ky hang nam", Recurrence::yearly},  {"dinh ky hang quy", Recurrence::quarterly},
    };
    std::size_t best = std::string::npos;
    for (const auto& r : recurrences) {
        auto p = find_phrase(key, r.phrase);
        if (p != std::string::npos && (best == std::string::npos || p < best)) {
            best = p;
            d.recurrence = r.r;
        }
    }
    auto words = split_words(text);
    // Quarters: "Quý III/2024", "quý 3 năm 2024".
    for (std::size_t w = 0; w + 1 < words.size() && !d.due; ++w) {
        if (words[w].fold != "quy") continue;
        int q = roman_or_digit(words[w + 1].fold);
        if (!q) continue;
        std::size_t k = w + 2;
        if (k < words.size() && words[k].fold == "nam") ++k;
        int y = k < words.size() ? word_int(words[k], text) : -1;
        if (!plausible_year(y)) y = default_year;
        if (plausible_year(y)) d.due = PartialDate{y, q * 3, 0};
    }
    // Half years: "6 tháng đầu năm 2024" -> June, "6 tháng cuối năm 2024" -> December.
    for (std::size_t w = 0; w + 3 < words.size() && !d.due; ++w) {
        if (words[w].fold != "6" || words[w + 1].fold != "thang" || words[w + 3].fold != "nam") continue;
        int month = words[w + 2].fold == "dau" ? 6 : words[w + 2].fold == "cuoi" ? 12 : 0;
        if (!month) continue;
        int y = w + 4 < words.size() ? word_int(words[w + 4], text) : -1;
        if (!plausible_year(y)) y = default_year;
        if (plausible_year(y)) d.due = PartialDate{y, month, 0};
    }
    if (!d.due) {
        auto dates = find_dates(text);
        if (!dates.empty()) d.due = dates.front().date;
    }
    // A day and month without a year: "trước ngày 15/12 hằng năm".
    if (!d.due && plausible_year(default_year)) {
        for (std::size_t w = 0; w + 1 < words.size(); ++w) {
            if (!words[w].number || !words[w + 1].number) continue;
            if (text.substr(words[w].end, words[w + 1].begin - words[w].end) != "/") continue;
            if (w + 2 < words.size() && words[w + 2].number &&
                text.substr(words[w + 1].end, words[w + 2].begin - words[w + 1].end) == "/")
                continue;
            int day = word_int(words[w], text), month = word_int(words[w + 1], text);
            if (is_valid_date(default_year, month, day)) {
                d.due = PartialDate{default_year, month, day};
                break;
            }
        }
    }
    // A year alone: "Năm 2024", "Trong năm 2024".
    if (!d.due) {
        for (std::size_t w = 0; w + 1 < words.size(); ++w) {
            if (words[w].fold != "nam" || (w > 0 && words[w - 1].fold == "hang")) continue;
            int y = word_int(words[w + 1], text);
            if (plausible_year(y)) {
                d.due = PartialDate{y, 0, 0};
                break;
            }
        }
    }
    d.recognised = d.recurrence != Recurrence::none || d.due.has_value();
    return d;
}

Recurrence infer_recurrence(std::string_view task_text) {
    std::string key = folded_key(task_text);
    struct R {
        std::string_view phrase;
        Recurrence r;
    };
    static const R periodic[] = {{"hang ngay", Recurrence::daily},
                                 {"hang tuan", Recurrence::weekly},
                                 {"hang thang", Recurrence::monthly},
                                 {"hang quy", Recurrence::quarterly},
                                 {"6 thang mot lan", Recurrence::half_yearly},
                                 {"hang nam", Recurrence::yearly}};
    std::size_t best = std::string::npos;
    Recurrence found = Recurrence::none;
    for (const auto& r : periodic) {
        auto p = find_phrase(key, r.phrase);
        if (p != std::string::npos && (best == std::string::npos || p < best)) {
            best = p;
            found = r.r;
        }
    }
    if (found != Recurrence::none) return found;
    // Standing duties, and the verbs of ongoing enforcement (handle, control, inspect, monitor).
    for (std::string_view c : {"thuong xuyen", "tiep tuc", "tang cuong", "kip thoi", "day manh", "chu dong", "lien tuc",
                               "dinh ky", "xu ly", "kiem soat", "kiem tra", "theo doi", "giam sat"})
        if (find_phrase(key, c) != std::string::npos) return Recurrence::continuous;
    // The main verb, after "Chủ trì," and "phối hợp [với] <agency>".
    std::string_view rest = trim(task_text);
    std::string head = folded_key(rest.substr(0, std::min<std::size_t>(rest.size(), 200)));
    auto drop = [&](std::string_view prefix) {
        if (head.compare(0, prefix.size(), prefix) == 0 &&
            (head.size() == prefix.size() || head[prefix.size()] == ' ')) {
            head = head.substr(std::min(head.size(), prefix.size() + 1));
            return true;
        }
        return false;
    };
    drop("chu tri");
    if (drop("phoi hop")) {
        drop("voi");
        // Skip an agency named right after "phối hợp".
        auto agencies = find_agencies(std::string(rest));
        for (const auto& a : agencies) {
            std::string k = folded_key(a.name);
            if (head.compare(0, k.size(), k) == 0) {
                head = head.substr(std::min(head.size(), k.size() + 1));
                break;
            }
        }
    }
    for (std::string_view v : {"ra soat", "cong khai", "xay dung", "ban hanh", "hoan thien", "hoan thanh", "to chuc",
                               "lap", "dieu tra", "khao sat", "trien khai xay dung", "cai tao", "dau tu"})
        if (head.compare(0, v.size(), v) == 0 && (head.size() == v.size() || head[v.size()] == ' '))
            return Recurrence::none;
    return Recurrence::continuous;
}

// ---- Targets ----------------------------------------------------------------------------

namespace {

struct Tok {
    enum class Kind { word, number, punct };
    Kind kind = Kind::word;
    std::string text;                // folded word, number text (as written), or the punctuation
    std::optional<Score> score;      // number: parsed as a score (at most two decimals)
    long integer = -1;               // number without decimals
    std::size_t begin = 0, end = 0;  // byte range in the sentence
};

std::vector<Tok> target_tokens(std::string_view s) {
    std::vector<Tok> out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t n = 0;
        char32_t cp = decode_at(s, i, n);
        if (is_digit(cp)) {
            std::size_t b = i;
            while (i < s.size() && is_digit(static_cast<unsigned char>(s[i]))) ++i;
            bool decimals = false;
            if (i + 1 < s.size() && (s[i] == ',' || s[i] == '.') && is_digit(static_cast<unsigned char>(s[i + 1]))) {
                ++i;
                while (i < s.size() && is_digit(static_cast<unsigned char>(s[i]))) ++i;
                decimals = true;
            }
            Tok t;
            t.kind = Tok::Kind::number;
            t.text = std::string(s.substr(b, i - b));
            t.score = parse_score(t.text);
            if (!decimals && t.text.size() <= 9) t.integer = std::stol(t.text);
            t.begin = b;
            t.end = i;
            out.push_back(std::move(t));
            continue;
        }
        if (is_letter(cp)) {
            std::size_t b = i;
            while (i < s.size()) {
                char32_t c = decode_at(s, i, n);
                if (!is_letter(c) && !is_digit(c)) break;
                i += n;
            }
            out.push_back({Tok::Kind::word, fold(s.substr(b, i - b)), std::nullopt, -1, b, i});
            continue;
        }
        if (!is_space(cp)) out.push_back({Tok::Kind::punct, std::string(s.substr(i, n)), std::nullopt, -1, i, i + n});
        i += n;
    }
    return out;
}

bool is_year(const Tok& t) {
    return t.kind == Tok::Kind::number && plausible_year(static_cast<int>(t.integer));
}
bool is_points(const Tok& t) {
    return t.kind == Tok::Kind::number && t.score && !is_year(t) && *t.score >= Score{} &&
           *t.score <= Score::from_hundredths(4000);
}
bool is_word(const std::vector<Tok>& ts, std::size_t i, std::string_view w) {
    return i < ts.size() && ts[i].kind == Tok::Kind::word && ts[i].text == w;
}
bool is_clause_end(const Tok& t) {
    return t.kind == Tok::Kind::punct && (t.text == ")" || t.text == ";" || t.text == "." || t.text == "]");
}

}  // namespace

TargetStatement parse_target_statement(std::string_view sentence) {
    TargetStatement st;
    auto ts = target_tokens(sentence);
    // Baseline clauses: from "so với" to the end of the clause.
    std::vector<bool> in_baseline(ts.size(), false);
    for (std::size_t i = 0; i + 1 < ts.size(); ++i) {
        if (!is_word(ts, i, "so") || !is_word(ts, i + 1, "voi")) continue;
        std::size_t k = i;
        std::optional<int> year;
        std::optional<Score> score;
        for (; k < ts.size() && !is_clause_end(ts[k]); ++k) {
            // "so với năm 2023 và không thấp hơn …": after its year and score, "và" or a
            // comma ends the baseline clause.
            if (year && (is_word(ts, k, "va") || (ts[k].kind == Tok::Kind::punct && ts[k].text == ","))) break;
            in_baseline[k] = true;
            if (!year && is_year(ts[k]))
                year = static_cast<int>(ts[k].integer);
            else if (year && !score && is_points(ts[k]))
                score = ts[k].score;
        }
        if (year && score && !st.baseline_score) {
            st.baseline_year = year;
            st.baseline_score = score;
        }
        i = k;
    }
    int year = 0;
    std::optional<Score> pending_increase;
    // "không"/"chưa" up to three words before word i, within the clause.
    auto negated = [&](std::size_t i) {
        for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
            const Tok& b = ts[i - back];
            if (b.kind == Tok::Kind::punct) return false;
            if (b.kind == Tok::Kind::word && (b.text == "khong" || b.text == "chua")) return true;
        }
        return false;
    };
    auto words_between = [&](std::size_t from, std::size_t to) {
        to = std::min(to, ts.size());
        if (from >= to) return std::string();
        return collapse_spaces(sentence.substr(ts[from].begin, ts[to - 1].end - ts[from].begin));
    };
    // "/63" after a rank.
    auto out_of = [&](std::size_t k) {
        if (k + 2 < ts.size() && ts[k + 1].kind == Tok::Kind::punct && ts[k + 1].text == "/" &&
            ts[k + 2].kind == Tok::Kind::number && ts[k + 2].integer > 0 && ts[k + 2].integer <= 100)
            return static_cast<int>(ts[k + 2].integer);
        return 0;
    };
    // The region after "dẫn đầu": "vùng X", "khu vực X" up to the end of the clause.
    auto region_after = [&](std::size_t k) -> std::string {
        for (std::size_t j = k; j < ts.size() && j < k + 8 && !is_clause_end(ts[j]); ++j) {
            if (ts[j].kind == Tok::Kind::punct && ts[j].text == ",") break;
            if (is_word(ts, j, "vung") || (is_word(ts, j, "khu") && is_word(ts, j + 1, "vuc"))) {
                std::size_t e = j;
                while (e < ts.size() && !is_clause_end(ts[e]) && !(ts[e].kind == Tok::Kind::punct && ts[e].text == ","))
                    ++e;
                return words_between(j, e);
            }
        }
        return {};
    };
    for (std::size_t i = 0; i < ts.size(); ++i) {
        if (in_baseline[i]) continue;
        const Tok& t = ts[i];
        if (t.kind == Tok::Kind::punct && t.text == ";") year = 0;  // a year holds to the end of its clause
        if (t.kind != Tok::Kind::word) continue;
        if (t.text == "nam" && i + 1 < ts.size() && is_year(ts[i + 1]) && !in_baseline[i + 1]) {
            year = static_cast<int>(ts[i + 1].integer);
            continue;
        }
        // "không thấp hơn [vị trí] [thứ] 20[/63]": not below 20th (rank ≤ 20).
        if (t.text == "khong" && is_word(ts, i + 1, "thap") && is_word(ts, i + 2, "hon")) {
            std::size_t k = i + 3;
            if (is_word(ts, k, "vi") && is_word(ts, k + 1, "tri")) k += 2;
            if (is_word(ts, k, "thu")) ++k;
            if (is_word(ts, k, "hang")) ++k;
            if (k < ts.size() && ts[k].kind == Tok::Kind::number && ts[k].integer > 0 && ts[k].integer <= 100) {
                TargetStatement::RankTarget r{year, TargetKind::rank_not_below, static_cast<int>(ts[k].integer), {}, 0};
                r.out_of = out_of(k);
                st.ranks.push_back(r);
                i = k;
            }
            continue;
        }
        if (t.text == "tang") {
            std::size_t k = i + 1;
            for (int guard = 0; guard < 2; ++guard) {
                if (is_word(ts, k, "them")) ++k;
                if ((is_word(ts, k, "it") || is_word(ts, k, "toi")) &&
                    (is_word(ts, k + 1, "nhat") || is_word(ts, k + 1, "thieu")))
                    k += 2;
            }
            if (k < ts.size() && ts[k].kind == Tok::Kind::number && !in_baseline[k]) {
                bool places = is_word(ts, k + 1, "bac") || is_word(ts, k + 1, "hang") ||
                              (is_word(ts, k + 1, "thu") && is_word(ts, k + 2, "hang"));
                if (negated(i)) {
                    st.negated.push_back(words_between(i >= 1 ? i - 1 : i, k + 2));
                } else if (places && ts[k].integer > 0 && ts[k].integer <= 100) {
                    st.ranks.push_back({year, TargetKind::rank_increase, static_cast<int>(ts[k].integer), {}, 0});
                } else if (is_points(ts[k])) {
                    if (!st.scores.empty() && !st.scores.back().increase)
                        st.scores.back().increase = ts[k].score;
                    else
                        pending_increase = ts[k].score;
                }
                i = k;
            }
            continue;
        }
        if (t.text == "dat" || t.text == "len") {
            std::size_t k = i + 1;
            static const char* fillers[] = {"tu", "toi", "thieu", "it", "nhat", "tren", "muc", "khoang", "duoc", "la"};
            for (int guard = 0;
                 guard < 3 && k < ts.size() && ts[k].kind == Tok::Kind::word &&
                 std::any_of(std::begin(fillers), std::end(fillers), [&](const char* f) { return ts[k].text == f; });
                 ++guard)
                ++k;
            if (k < ts.size() && is_points(ts[k]) && !in_baseline[k]) {
                // "lên X" is a target only when X is in points ("lên 6,58 điểm").
                if (t.text == "len" && !is_word(ts, k + 1, "diem")) continue;
                if (negated(i)) {
                    st.negated.push_back(words_between(i >= 1 ? i - 1 : i, k + 2));
                    i = k;
                    continue;
                }
                TargetStatement::ScoreTarget target{year, *ts[k].score, pending_increase};
                pending_increase.reset();
                st.scores.push_back(target);
                i = k;
            }
            continue;
        }
        if (t.text == "nhom" || t.text == "top") {
            std::size_t k = i + 1;
            if (k < ts.size() && ts[k].kind == Tok::Kind::number && ts[k].integer > 0 && ts[k].integer <= 100) {
                bool about_provinces = t.text == "top" || is_word(ts, k + 1, "tinh") || is_word(ts, k + 1, "dia") ||
                                       is_word(ts, k + 1, "dia") || is_word(ts, k + 1, "thanh") ||
                                       is_word(ts, k + 1, "dan") || is_word(ts, k + 1, "dung");
                if (about_provinces) {
                    // "không đứng trong nhóm 20": the negation may sit before "đứng trong".
                    bool neg =
                        negated(i) || (i >= 2 && is_word(ts, i - 1, "trong") && negated(i - 1)) ||
                        (i >= 3 && is_word(ts, i - 1, "trong") && is_word(ts, i - 2, "dung") && negated(i - 2)) ||
                        (i >= 3 && is_word(ts, i - 1, "trong") && is_word(ts, i - 2, "nam") && negated(i - 2));
                    if (neg) {
                        std::size_t b = i;
                        while (b > 0 && !is_word(ts, b, "khong") && !is_word(ts, b, "chua")) --b;
                        std::size_t e = k + 1;
                        while (e < ts.size() && e < k + 12 && !is_clause_end(ts[e]) &&
                               !(ts[e].kind == Tok::Kind::punct && ts[e].text == ","))
                            ++e;
                        st.negated.push_back(words_between(b, e));
                    } else {
                        TargetStatement::RankTarget r{
                            year, TargetKind::rank_top, static_cast<int>(ts[k].integer), {}, 0};
                        r.region = region_after(k + 1);
                        st.ranks.push_back(r);
                    }
                }
                i = k;
            }
            continue;
        }
        if (t.text == "xep" || t.text == "dung") {
            std::size_t k = i + 1;
            if (is_word(ts, k, "hang")) ++k;
            if (is_word(ts, k, "thu")) ++k;
            if (k > i + 1 && k < ts.size() && ts[k].kind == Tok::Kind::number && ts[k].integer > 0 &&
                ts[k].integer <= 100) {
                if (negated(i)) {
                    st.negated.push_back(words_between(i - 1, k + 1));
                } else {
                    TargetStatement::RankTarget r{year, TargetKind::rank_top, static_cast<int>(ts[k].integer), {}, 0};
                    r.out_of = out_of(k);
                    st.ranks.push_back(r);
                }
                i = k;
            }
            continue;
        }
    }
    if (pending_increase && !st.scores.empty() && !st.scores.back().increase)
        st.scores.back().increase = pending_increase;
    return st;
}

// ---- Reporting periods ------------------------------------------------------------------

CoversReading parse_report_covers(std::string_view before, std::string_view deadline, Recurrence frequency,
                                  Date first_due) {
    std::string when = folded_key(deadline);
    std::string clause = folded_key(before);
    auto any = [](const std::string& key, std::initializer_list<std::string_view> phrases) {
        return std::any_of(phrases.begin(), phrases.end(), [&](std::string_view p) { return contains_phrase(key, p); });
    };
    if (any(when, {"thang sau", "thang tiep theo", "quy sau", "quy tiep theo", "nam sau", "nam tiep theo", "ky sau",
                   "thang dau quy", "thang dau cua quy", "dau thang", "dau quy", "dau nam"}))
        return {ReportCovers::previous, false};
    if (any(when, {"thang cuoi quy", "thang cuoi cua quy", "cuoi thang", "cuoi quy", "cuoi nam", "trong thang",
                   "trong quy", "trong nam"}))
        return {ReportCovers::current, false};
    if (any(clause, {"thang truoc", "quy truoc", "nam truoc", "6 thang truoc", "ky truoc", "thang lien truoc",
                     "quy lien truoc"}))
        return {ReportCovers::previous, false};
    if (any(clause, {"chot so lieu", "thang nay", "quy nay", "nam nay", "ky nay"}))
        return {ReportCovers::current, false};
    int unit = frequency == Recurrence::quarterly     ? 3
               : frequency == Recurrence::half_yearly ? 6
               : frequency == Recurrence::yearly      ? 12
                                                      : 0;
    if (unit && first_due.month % unit == 0) return {ReportCovers::current, false};
    return {ReportCovers::previous, true};
}

// ---- Regions ----------------------------------------------------------------------------

namespace {

// Folded words without the word "và": "Trung du và miền núi phía Bắc" -> "trung du mien nui phia bac".
std::string region_words(std::string_view text) {
    std::string out;
    for (const auto& w : fold_words(text)) {
        if (w == "va") continue;
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

}  // namespace

std::string match_region(std::string_view words) {
    std::string key = region_words(words);
    for (std::string_view lead : {"vung ", "khu vuc "})
        if (key.rfind(lead, 0) == 0) {
            key.erase(0, lead.size());
            break;
        }
    std::string best;
    std::size_t best_len = 0;
    for (const auto& r : regions()) {
        std::string id_words = r.id;
        std::replace(id_words.begin(), id_words.end(), '-', ' ');
        for (const std::string& name : {region_words(r.name), id_words})
            if (name.size() > best_len && starts_with_phrase(key, name)) {
                best = r.id;
                best_len = name.size();
            }
    }
    return best;
}

// ---- Document numbers -------------------------------------------------------------------

namespace {

bool is_number_letter(char32_t cp) {
    return is_letter(cp) || is_digit(cp);
}

// Reads a document number at `i`: [digits][/yyyy]/KIND-ISSUER. Sets `end`. The numeric part
// may be blank only when `allow_blank`.
std::optional<std::string> read_document_number(std::string_view s, std::size_t i, bool allow_blank, std::size_t& end) {
    std::size_t b = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == b && !allow_blank) return std::nullopt;
    if (i - b > 6) return std::nullopt;
    std::size_t num_end = i;
    // optional /yyyy
    if (i + 5 < s.size() && s[i] == '/' &&
        std::all_of(s.begin() + static_cast<long>(i) + 1, s.begin() + static_cast<long>(i) + 5,
                    [](char c) { return c >= '0' && c <= '9'; }) &&
        s[i + 5] == '/')
        i += 5;
    if (i >= s.size() || s[i] != '/') return std::nullopt;
    ++i;
    std::size_t kind_begin = i, n = 0;
    if (i >= s.size() || !is_upper(decode_at(s, i, n))) return std::nullopt;
    while (i < s.size()) {
        char32_t cp = decode_at(s, i, n);
        if (is_number_letter(cp)) {
            i += n;
        } else if ((cp == '-' || cp == 0x2013 || cp == '/' || cp == '.') && i + n < s.size()) {
            std::size_t m = 0;
            if (!is_number_letter(decode_at(s, i + n, m))) break;
            i += n;
        } else {
            break;
        }
    }
    if (i == kind_begin) return std::nullopt;
    end = i;
    std::string out(s.substr(b, num_end - b));
    out += s.substr(num_end, i - num_end);
    return out;
}

bool starts_with_fold_word(std::string_view s, std::string_view word) {
    auto ws = split_words(s.substr(0, std::min<std::size_t>(s.size(), 40)));
    return !ws.empty() && ws.front().begin == 0 && ws.front().fold == word;
}

}  // namespace

std::optional<std::string> parse_document_number(std::string_view text) {
    auto t = trim(text);
    auto words = split_words(t.substr(0, std::min<std::size_t>(t.size(), 8)));
    if (words.empty() || words.front().begin != 0 || words.front().fold != "so") return std::nullopt;
    std::size_t i = words.front().end;
    while (i < t.size()) {  // ":" and the blanks of a draft
        std::size_t n = 0;
        char32_t cp = decode_at(t, i, n);
        if (cp == ':' || is_space(cp) || cp == '.' || cp == '_' || cp == 0x2026)
            i += n;
        else
            break;
    }
    std::size_t end = 0;
    auto number = read_document_number(t, i, true, end);
    if (!number) return std::nullopt;
    return number;
}

// ---- Cited documents --------------------------------------------------------------------

namespace {

struct Kind {
    std::vector<std::string> words;
    std::string_view name;
};

const std::vector<Kind>& document_kinds() {
    static const std::vector<Kind> kinds = {
        {{"ke", "hoach"}, "Kế hoạch"},   {{"quyet", "dinh"}, "Quyết định"}, {{"cong", "van"}, "Công văn"},
        {{"van", "ban"}, "Văn bản"},     {{"nghi", "dinh"}, "Nghị định"},   {{"nghi", "quyet"}, "Nghị quyết"},
        {{"chi", "thi"}, "Chỉ thị"},     {{"thong", "tu"}, "Thông tư"},     {{"thong", "bao"}, "Thông báo"},
        {{"huong", "dan"}, "Hướng dẫn"}, {{"bao", "cao"}, "Báo cáo"},
    };
    return kinds;
}

// Where the issuer after "của" ends and the title begins.
const std::vector<std::string_view>& title_openers() {
    static const std::vector<std::string_view> v = {"về việc",   "về",       "v/v",       "phê duyệt",
                                                    "quy định",  "ban hành", "hướng dẫn", "triển khai",
                                                    "thực hiện", "sửa đổi",  "ngày"};
    return v;
}

bool opener_at(std::string_view s, std::size_t i, std::string_view& which) {
    for (auto o : title_openers()) {
        if (s.size() - i >= o.size() && s.compare(i, o.size(), o) == 0 &&
            (i + o.size() == s.size() || s[i + o.size()] == ' ')) {
            which = o;
            return true;
        }
    }
    return false;
}

bool at_phrase(std::string_view s, std::size_t i, std::string_view phrase) {
    return i <= s.size() && s.substr(i, phrase.size()) == phrase;
}

// The title runs to ";", to a full stop that ends the sentence, to an unbalanced ")" or to
// "và các văn bản" (a list of documents continues).
std::size_t title_end(std::string_view s, std::size_t i) {
    int depth = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == '(')
            ++depth;
        else if (c == ')') {
            if (depth == 0) return i;
            --depth;
        } else if (c == ';')
            return i;
        else if (c == '.' || c == '!' || c == '?') {
            if (i + 1 >= s.size()) return i;
            std::size_t n = 0;
            if (s[i + 1] == ' ' && i + 2 < s.size() && is_upper(decode_at(s, i + 2, n))) return i;
        } else if (at_phrase(s, i, " và các văn bản") || at_phrase(s, i, ", các văn bản")) {
            return i;
        }
        ++i;
    }
    return s.size();
}

std::string normalise_issuer(std::string_view issuer) {
    std::string s = collapse_spaces(issuer);
    for (std::string_view long_form : {"Ủy ban nhân dân", "Uỷ ban nhân dân", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN"}) {
        if (s.compare(0, long_form.size(), long_form) == 0) s = "UBND" + s.substr(long_form.size());
    }
    return s;
}

// "UBND tỉnh" + a title ending "… trên địa bàn tỉnh Lạng Sơn" -> "UBND tỉnh Lạng Sơn".
std::string complete_issuer(const std::string& issuer, std::string_view title) {
    for (std::string_view level : {"tỉnh", "thành phố", "huyện", "thị xã", "quận"}) {
        std::string suffix = " " + std::string(level);
        if (issuer.size() < suffix.size() || issuer.compare(issuer.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        std::string needle = "địa bàn " + std::string(level) + " ";
        auto p = title.rfind(needle);
        if (p == std::string_view::npos) return issuer;
        auto name = trim_end_chars(title.substr(p + needle.size()), ".;,");
        auto ws = split_words(name);
        if (ws.empty() || ws.size() > 4 || !std::all_of(ws.begin(), ws.end(), [](const Word& w) { return w.upper; }))
            return issuer;
        return issuer + " " + std::string(name);
    }
    return issuer;
}

}  // namespace

std::vector<CitedDocument> find_cited_documents(std::string_view text) {
    std::vector<CitedDocument> out;
    auto words = split_words(text);
    for (std::size_t w = 0; w < words.size(); ++w) {
        // Laws: "Luật <Name> năm YYYY".
        if (words[w].fold == "luat" && text[words[w].begin] == 'L' && w + 1 < words.size() && words[w + 1].upper) {
            for (std::size_t k = w + 1; k + 1 < words.size() && k < w + 14; ++k) {
                if (!gap_only(text, words[k - 1], words[k], ",-")) break;
                if (words[k].fold == "nam" && words[k + 1].number && gap_only(text, words[k], words[k + 1], "")) {
                    int y = word_int(words[k + 1], text);
                    if (!plausible_year(y)) break;
                    CitedDocument d;
                    d.kind = "Luật";
                    d.begin = words[w].begin;
                    d.end = words[k + 1].end;
                    d.ref.number = std::string(text.substr(d.begin, d.end - d.begin));
                    d.ref.date = PartialDate{y, 0, 0};
                    out.push_back(std::move(d));
                    break;
                }
            }
            continue;
        }
        for (const auto& kind : document_kinds()) {
            std::size_t k = match_words(text, words, w, kind.words, "");
            if (!k) continue;
            std::size_t pos = words[k - 1].end;
            // optional "số"
            if (k < words.size() && words[k].fold == "so" && gap_only(text, words[k - 1], words[k], "")) {
                pos = words[k].end;
                while (pos < text.size() && (text[pos] == ' ' || text[pos] == ':')) ++pos;
            } else {
                while (pos < text.size() && text[pos] == ' ') ++pos;
            }
            std::size_t end = 0;
            auto number = read_document_number(text, pos, false, end);
            if (!number) break;
            CitedDocument d;
            d.kind = std::string(kind.name);
            d.begin = words[w].begin;
            d.ref.number = *number;
            pos = end;
            // optional "ngày <date>"
            std::size_t p2 = pos;
            while (p2 < text.size() && text[p2] == ' ') ++p2;
            if (starts_with_fold_word(text.substr(p2), "ngay")) {
                auto dates = find_dates(text.substr(p2, std::min<std::size_t>(text.size() - p2, 60)));
                if (!dates.empty() && dates.front().begin <= 12) {
                    d.ref.date = dates.front().date;
                    pos = p2 + dates.front().end;
                }
            }
            // optional "của <issuer>"
            p2 = pos;
            while (p2 < text.size() && text[p2] == ' ') ++p2;
            std::string_view which;
            if (at_phrase(text, p2, "của ")) {
                std::size_t ib = p2 + std::string_view("của ").size(), ie = ib;
                while (ie < text.size() && ie - ib < 120) {
                    char c = text[ie];
                    if (c == ',' || c == ';' || c == '.' || c == '(' || c == ')' || c == ':') break;
                    if (c == ' ' && opener_at(text, ie + 1, which)) break;
                    ++ie;
                }
                d.ref.issuer = normalise_issuer(trim(text.substr(ib, ie - ib)));
                pos = ie;
            }
            p2 = pos;
            while (p2 < text.size() && text[p2] == ' ') ++p2;
            if (opener_at(text, p2, which) && which != "ngày") {
                std::size_t te = title_end(text, p2);
                d.ref.title = capitalise(trim_end_chars(text.substr(p2, te - p2), ",;:"));
                pos = te;
            }
            if (!d.ref.issuer.empty()) d.ref.issuer = complete_issuer(d.ref.issuer, d.ref.title);
            d.end = pos;
            out.push_back(std::move(d));
            break;
        }
    }
    return out;
}

}  // namespace pgi::recognise
