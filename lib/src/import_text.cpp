// Text preparation for `pgi import`: from raw bytes to NFC paragraphs, with footnotes set
// aside and sentences split by page breaks rejoined (contract in pgi/import.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "import_detail.hpp"
#include "pgi/i18n.hpp"
#include "pgi/import.hpp"
#include "pgi/text.hpp"

namespace pgi::recognise {

using namespace import_detail;

namespace {

bool is_superscript_digit(char32_t cp, int& value) {
    switch (cp) {
        case 0x2070:
            value = 0;
            return true;
        case 0x00B9:
            value = 1;
            return true;
        case 0x00B2:
            value = 2;
            return true;
        case 0x00B3:
            value = 3;
            return true;
        default:
            if (cp >= 0x2074 && cp <= 0x2079) {
                value = static_cast<int>(cp - 0x2070);
                return true;
            }
            return false;
    }
}

bool is_ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

// Characters that are not text: zero-width spaces and joiners, soft hyphens, BOMs inside
// the text, and the line/paragraph separators (which YAML readers disagree about).
bool is_invisible(char32_t cp) {
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD;
}

// Replaces Unicode spaces by ' ', drops invisible characters and other control characters
// (but keeps tabs, which separate table cells).
std::string normalise_spaces(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    std::size_t i = 0;
    while (i < line.size()) {
        std::size_t n = 0;
        char32_t cp = decode_at(line, i, n);
        if (cp == '\t')
            out += '\t';
        else if (is_space(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0x85)
            out += ' ';
        else if (is_invisible(cp)) {
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
            out += ' ';
        else
            out.append(line.substr(i, n));
        i += n;
    }
    return out;
}

// Markdown inline decoration: backslash escapes, emphasis markers, heading and quote
// prefixes. The text that remains is what the document says.
std::string strip_markdown(std::string_view line) {
    std::string_view s = trim(line);
    while (!s.empty() && s.front() == '>') s = trim(s.substr(1));  // block quotes
    if (!s.empty() && s.front() == '#') {                          // ATX headings
        std::size_t k = 0;
        while (k < s.size() && s[k] == '#') ++k;
        if (k <= 6 && (k == s.size() || s[k] == ' ')) s = trim(s.substr(k));
    }
    std::string out;
    out.reserve(s.size());
    // A leading "* " is a bullet; keep it.
    std::size_t i = 0;
    if (s.size() >= 2 && s[0] == '*' && s[1] == ' ') {
        out += "* ";
        i = 2;
    }
    while (i < s.size()) {
        char c = s[i];
        if (c == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
            out += s[i + 1];
            i += 2;
            continue;
        }
        if (c == '*') {  // emphasis, single or double
            ++i;
            continue;
        }
        if (c == ']' && i + 2 < s.size() && s[i + 1] == '{' && (s[i + 2] == '.' || s[i + 2] == '#')) {
            // pandoc's attribute span [text]{.underline}: keep the text
            auto close = s.find('}', i);
            auto open = out.rfind('[');
            if (close != std::string_view::npos && open != std::string::npos) {
                out.erase(open, 1);
                i = close + 1;
                continue;
            }
        }
        if (c == '_' && i + 1 < s.size() && s[i + 1] == '_') {
            i += 2;
            continue;
        }
        out += c;
        ++i;
    }
    return collapse_spaces(out);
}

bool is_rule_line(std::string_view t) {
    if (t.size() < 3) return false;
    return std::all_of(t.begin(), t.end(),
                       [](char c) { return c == '-' || c == '_' || c == '=' || c == '*' || c == '~' || c == ' '; });
}

// "3", "- 3 -", "– 12 –", "Trang 3": a page number on a line of its own.
bool is_page_number_line(std::string_view t) {
    if (t.size() > 24) return false;
    std::string s = collapse_spaces(t);
    std::string_view v = s;
    auto strip_dash = [](std::string_view& x) {
        for (std::string_view d : {"-", "–", "—"}) {
            if (x.substr(0, d.size()) == d) x = trim(x.substr(d.size()));
            if (x.size() >= d.size() && x.substr(x.size() - d.size()) == d) x = trim(x.substr(0, x.size() - d.size()));
        }
    };
    strip_dash(v);
    if (v.substr(0, 6) == "Trang ") v = v.substr(6);
    if (v.empty() || v.size() > 3) return false;
    return std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t leading_spaces(std::string_view raw) {
    std::size_t k = 0;
    for (char c : raw) {
        if (c == ' ')
            ++k;
        else if (c == '\t')
            k += 4;
        else
            break;
    }
    return k;
}

bool ends_sentence(std::string_view t) {
    t = trim(t);
    while (!t.empty()) {
        std::size_t n = 0;
        char32_t cp = decode_before(t, t.size(), &n);
        if (n == 0) return false;
        // closing quotes and brackets after the full stop
        if (cp == ')' || cp == ']' || cp == '"' || cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == '\'') {
            t.remove_suffix(n);
            continue;
        }
        return cp == '.' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == 0x2026;
    }
    return false;
}

bool starts_lowercase(std::string_view t) {
    std::size_t n = 0;
    char32_t cp = decode_at(t, 0, n);
    return is_lower(cp);
}

// Splits a Markdown table row into trimmed cells: `| a | b |` -> {a, b}.
std::vector<std::string> markdown_cells(std::string_view row) {
    std::string_view s = trim(row);
    if (!s.empty() && s.front() == '|') s.remove_prefix(1);
    if (!s.empty() && s.back() == '|' && !(s.size() >= 2 && s[s.size() - 2] == '\\')) s.remove_suffix(1);
    std::vector<std::string> cells;
    std::string cur;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '|') {
            cur += '|';
            ++i;
        } else if (s[i] == '|') {
            cells.push_back(cur);
            cur.clear();
        } else {
            cur += s[i];
        }
    }
    cells.push_back(cur);
    return cells;
}

bool is_markdown_separator_row(const std::vector<std::string>& cells) {
    if (cells.empty()) return false;
    for (const auto& c : cells) {
        auto t = trim(c);
        if (t.empty()) continue;
        if (!std::all_of(t.begin(), t.end(), [](char ch) { return ch == '-' || ch == ':' || ch == '+' || ch == '='; }))
            return false;
    }
    return true;
}

std::string clean_cell(std::string_view cell) {
    std::string s(cell);
    // Line breaks inside a Markdown cell.
    for (std::string_view br : {"<br/>", "<br />", "<br>", "<BR>"}) {
        std::size_t p = 0;
        while ((p = s.find(br, p)) != std::string::npos) s.replace(p, br.size(), "; ");
    }
    return strip_markdown(s);
}

struct Line {
    int number = 0;
    std::string text;  // NFC, spaces normalised, tabs kept
    bool page_break = false;
    bool standalone = false;  // a column of the two-column header: its own paragraph
};

// The header's parts that flattened text runs together: the national motto ("CỘNG HÒA XÃ
// HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc") is removed, and "Số: 215/KH-UBND
// Bắc Mẫu, ngày …" is cut after the document number.
std::vector<std::string> header_parts(std::string_view line) {
    std::string text(line);
    for (const std::vector<std::string>& motto :
         {std::vector<std::string>{"cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam"},
          std::vector<std::string>{"doc", "lap", "tu", "do", "hanh", "phuc"}}) {
        auto words = split_words(text);
        for (std::size_t w = 0; w + motto.size() <= words.size(); ++w) {
            bool hit = true;
            for (std::size_t k = 0; k < motto.size() && hit; ++k) hit = words[w + k].fold == motto[k];
            if (!hit) continue;
            text = text.substr(0, words[w].begin) + " " + text.substr(words[w + motto.size() - 1].end);
            break;
        }
    }
    std::string t = collapse_spaces(text);
    while (!t.empty() && (t.back() == '-' || t.back() == ' ')) t.pop_back();
    std::vector<std::string> out;
    if (t.empty() || t == "-") return out;
    // "Số: 215/KH-UBND Bắc Mẫu, ngày 20 tháng 6 năm 2024"
    auto words = split_words(t);
    if (!words.empty() && words[0].fold == "so" && t.find("ngày") != std::string::npos) {
        std::size_t i = words[0].end;
        while (i < t.size() && (t[i] == ':' || t[i] == ' ' || t[i] == '.')) ++i;
        std::size_t e = t.find(' ', i);
        if (e != std::string::npos && t.find('/', i) < e) {
            out.push_back(t.substr(0, e));
            out.push_back(std::string(trim(std::string_view(t).substr(e))));
            return out;
        }
    }
    out.push_back(t);
    return out;
}

// The two-column header of `pdftotext -layout`: runs of 3+ spaces separate columns.
std::vector<std::string> split_columns(std::string_view line) {
    std::vector<std::string> out;
    std::size_t i = 0, start = 0;
    while (i < line.size()) {
        if (line[i] == ' ') {
            std::size_t j = i;
            while (j < line.size() && line[j] == ' ') ++j;
            if (j - i >= 3) {
                auto part = trim(line.substr(start, i - start));
                if (!part.empty()) out.emplace_back(part);
                start = j;
            }
            i = j;
        } else {
            ++i;
        }
    }
    auto part = trim(line.substr(start));
    if (!part.empty()) out.emplace_back(part);
    return out;
}

bool is_footnote_definition_start(std::string_view t) {
    return parse_footnote_definition(t).has_value();
}

}  // namespace

// ---- Footnotes --------------------------------------------------------------------------

std::vector<FootnoteMarker> find_footnote_markers(std::string_view text) {
    std::vector<FootnoteMarker> out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n = 0;
        char32_t cp = decode_at(text, i, n);
        int v = 0;
        if (cp == 0x207D || is_superscript_digit(cp, v)) {  // ⁽ or a superscript digit
            std::size_t b = i, j = i + (cp == 0x207D ? n : 0);
            int number = 0, digits = 0;
            while (j < text.size()) {
                std::size_t m = 0;
                char32_t d = decode_at(text, j, m);
                if (!is_superscript_digit(d, v)) break;
                number = number * 10 + v;
                ++digits;
                j += m;
            }
            if (digits > 0 && digits <= 3) {
                FootnoteMarker fm;
                fm.number = number;
                fm.begin = b;
                fm.style = FootnoteMarker::Style::superscript;
                if (cp == 0x207D) {
                    std::size_t m = 0;
                    if (decode_at(text, j, m) == 0x207E) {
                        fm.style = FootnoteMarker::Style::parenthesised;
                        fm.end = j + m;
                        out.push_back(fm);
                        i = fm.end;
                        continue;
                    }
                } else {
                    fm.end = j;
                    out.push_back(fm);
                    i = j;
                    continue;
                }
            }
            i += n;
            continue;
        }
        if (cp == '^') {  // pandoc's superscript: ^1^ or ^(1)^
            std::size_t j = i + 1;
            bool paren = j < text.size() && text[j] == '(';
            if (paren) ++j;
            std::size_t ds = j;
            int number = 0;
            while (j < text.size() && j - ds < 3 && text[j] >= '0' && text[j] <= '9')
                number = number * 10 + (text[j++] - '0');
            if (j > ds && (!paren || (j < text.size() && text[j++] == ')')) && j < text.size() && text[j] == '^') {
                out.push_back({paren ? FootnoteMarker::Style::parenthesised : FootnoteMarker::Style::superscript,
                               number, i, j + 1});
                i = j + 1;
                continue;
            }
        }
        if (cp == '[') {
            std::size_t j = i + 1;
            bool caret = j < text.size() && text[j] == '^';
            if (caret) ++j;
            std::size_t ds = j;
            int number = 0;
            while (j < text.size() && j - ds < 3 && text[j] >= '0' && text[j] <= '9')
                number = number * 10 + (text[j++] - '0');
            if (j > ds && j < text.size() && text[j] == ']') {
                out.push_back(
                    {caret ? FootnoteMarker::Style::caret : FootnoteMarker::Style::bracket, number, i, j + 1});
                i = j + 1;
                continue;
            }
        }
        i += n;
    }
    return out;
}

std::optional<FootnoteDefinition> parse_footnote_definition(std::string_view paragraph) {
    auto t = trim(paragraph);
    std::size_t n0 = 0;
    int v0 = 0;
    char32_t first = decode_at(t, 0, n0);
    if (first != '[' && first != '^' && first != 0x207D && !is_superscript_digit(first, v0)) return std::nullopt;
    auto markers = find_footnote_markers(t.substr(0, std::min<std::size_t>(t.size(), 16)));
    if (markers.empty() || markers.front().begin != 0) return std::nullopt;
    const auto& m = markers.front();
    std::string_view rest = t.substr(m.end);
    if (m.style == FootnoteMarker::Style::caret) {
        if (rest.empty() || rest.front() != ':') return std::nullopt;
        rest.remove_prefix(1);
    }
    // The marker must be followed by a space (or, for superscripts, directly by the text).
    if (!rest.empty() && rest.front() != ' ' && m.style != FootnoteMarker::Style::superscript &&
        m.style != FootnoteMarker::Style::parenthesised)
        return std::nullopt;
    auto body = trim(rest);
    if (body.empty()) return std::nullopt;
    std::size_t n = 0;
    char32_t lead = decode_at(body, 0, n);
    if (!is_letter(lead) && !is_digit(lead) && lead != '(' && lead != 0x201C && lead != '"') return std::nullopt;
    return FootnoteDefinition{m.number, std::string(body)};
}

std::string remove_footnote_markers(std::string_view text, const std::set<int>& numbers) {
    std::string out;
    std::size_t pos = 0;
    for (const auto& m : find_footnote_markers(text)) {
        if (!numbers.count(m.number)) continue;
        std::size_t b = m.begin;
        // "text [1]." -> "text.": drop the space before a marker that precedes punctuation/end.
        bool after_ok = m.end >= text.size() || text[m.end] == ' ' || is_ascii_punct(text[m.end]);
        if (b > pos && text[b - 1] == ' ' && after_ok && (m.end >= text.size() || text[m.end] != ' ')) --b;
        out.append(text.substr(pos, b - pos));
        pos = m.end;
    }
    out.append(text.substr(pos));
    return collapse_spaces(out);
}

// ---- Preparation ------------------------------------------------------------------------

PreparedText prepare_import_text(std::string_view raw, const std::string& file_name) {
    PreparedText out;
    if (raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
    if (auto bad = first_invalid_utf8(raw)) {
        auto lc = line_column_at(raw, *bad);
        out.diagnostics.error(
            SourceLocation{file_name, lc.line, lc.column}, "invalid-utf8",
            trf("invalid UTF-8 byte 0x{:02X}: the input is not UTF-8 text", static_cast<unsigned char>(raw[*bad])),
            tr("convert it to UTF-8 first (legacy Vietnamese encodings such as TCVN3, VNI or "
               "Windows-1258: iconv -f CP1258 -t UTF-8); see docs/import.md"));
        return out;
    }
    out.ok = true;

    // 1. Lines: CRLF and CR end lines; NFC; form feeds mark page breaks.
    std::vector<Line> lines;
    {
        int number = 1;
        std::size_t i = 0;
        while (i <= raw.size()) {
            std::size_t j = i;
            while (j < raw.size() && raw[j] != '\n' && raw[j] != '\r') ++j;
            std::string_view l = raw.substr(i, j - i);
            Line line;
            line.number = number;
            if (l.find('\f') != std::string_view::npos) {
                line.page_break = true;
                std::string tmp(l);
                tmp.erase(std::remove(tmp.begin(), tmp.end(), '\f'), tmp.end());
                line.text = normalise_spaces(to_nfc(tmp));
            } else {
                line.text = normalise_spaces(to_nfc(l));
            }
            lines.push_back(std::move(line));
            if (j >= raw.size()) break;
            if (raw[j] == '\r' && j + 1 < raw.size() && raw[j + 1] == '\n') ++j;
            i = j + 1;
            ++number;
        }
    }

    // 2. The header of `pdftotext -layout` puts two columns on one line.
    {
        std::size_t title = lines.size();
        for (std::size_t k = 0; k < lines.size() && k < 80; ++k)
            if (folded_key(lines[k].text) == "ke hoach" && is_uppercase_text(lines[k].text)) {
                title = k;
                break;
            }
        if (title < lines.size()) {
            std::vector<Line> split;
            for (std::size_t k = 0; k < title; ++k) {
                // A Markdown table row stays a row: the driver reads its cells as header lines.
                if (trim(lines[k].text).substr(0, 1) == "|") {
                    split.push_back(lines[k]);
                    continue;
                }
                // Columns: 3+ spaces (pdftotext -layout) or tabs (a Word table copied as text).
                std::vector<std::string> cols;
                if (lines[k].text.find('\t') == std::string::npos) {
                    cols = split_columns(lines[k].text);
                } else {
                    std::string_view t = lines[k].text;
                    std::size_t b = 0;
                    while (b <= t.size()) {
                        auto e = t.find('\t', b);
                        auto cell = trim(t.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
                        if (!cell.empty()) cols.emplace_back(cell);
                        if (e == std::string_view::npos) break;
                        b = e + 1;
                    }
                }
                std::vector<std::string> parts;
                for (const auto& c : cols)
                    for (auto& part : header_parts(c)) parts.push_back(std::move(part));
                if (parts.size() == 1 && cols.size() == 1 && parts[0] == collapse_spaces(lines[k].text)) {
                    split.push_back(lines[k]);
                    continue;
                }
                if (parts.empty()) {  // only the motto: a blank line
                    Line l = lines[k];
                    l.text.clear();
                    split.push_back(std::move(l));
                    continue;
                }
                for (auto& c : parts) {
                    Line l = lines[k];
                    l.text = std::move(c);
                    l.standalone = true;
                    split.push_back(std::move(l));
                }
            }
            split.insert(split.end(), std::make_move_iterator(lines.begin() + static_cast<long>(title)),
                         std::make_move_iterator(lines.end()));
            lines = std::move(split);
        }
    }

    // 3. Paragraphs. Text as pdftotext and Word copy-paste give it has no blank line between
    // paragraphs ("single-newline" text): there a line that starts with a capital begins a
    // new paragraph when the line before ends a sentence or stops well short of the width
    // the text is wrapped at (the 90th percentile of line lengths).
    bool single_newline = false;
    std::size_t wrap_width = 0;
    {
        std::size_t blank = 0;
        std::vector<std::size_t> lengths;
        for (const auto& l : lines) {
            if (trim(l.text).empty())
                ++blank;
            else
                lengths.push_back(code_point_count(l.text));
        }
        single_newline = lengths.size() >= 12 && blank * 10 < lengths.size();
        if (!lengths.empty()) {
            std::sort(lengths.begin(), lengths.end());
            wrap_width = lengths[lengths.size() * 9 / 10];
        }
    }
    std::size_t prev_len = 0;
    std::vector<Paragraph> paras;
    bool open = false;
    bool cur_standalone = false;
    bool cur_upper = false;
    bool cur_item = false;
    std::size_t prev_indent = 0;
    auto close = [&] { open = false; };
    for (const auto& line : lines) {
        if (line.page_break) close();
        std::string_view t = trim(line.text);
        if (t.empty() || is_rule_line(t) || is_page_number_line(t)) {
            close();
            continue;
        }
        // Tables: Markdown rows and tab-separated rows are paragraphs of their own. Empty
        // trailing cells of a tab-separated row are tabs, so only spaces are trimmed there.
        std::string_view tabbed = line.text;
        while (!tabbed.empty() && tabbed.back() == ' ') tabbed.remove_suffix(1);
        while (!tabbed.empty() && tabbed.front() == ' ') tabbed.remove_prefix(1);
        bool md_row = t.front() == '|' && std::count(t.begin(), t.end(), '|') >= 2;
        bool tsv_row = !md_row && std::count(tabbed.begin(), tabbed.end(), '\t') >= 2;
        if (tsv_row) t = tabbed;
        // pdftotext -layout draws a table with runs of spaces: three or more columns, two of
        // them scores ("5,20") or years ("Mục tiêu 2024").
        std::vector<std::string> layout_cells;
        if (!md_row && !tsv_row && line.text.find("   ") != std::string::npos) {
            auto cols = split_columns(line.text);
            int numeric = 0;
            for (const auto& c : cols) {
                auto words = split_words(c);
                bool year = std::any_of(words.begin(), words.end(),
                                        [](const Word& w) { return w.number && w.fold.size() == 4; });
                if (parse_score(trim_end_chars(c, " ")) || (year && c.size() < 40)) ++numeric;
            }
            if (cols.size() >= 3 && numeric >= 2) layout_cells = std::move(cols);
        }
        if (md_row || tsv_row || !layout_cells.empty()) {
            close();
            std::vector<std::string> cells = std::move(layout_cells);
            if (!cells.empty()) {
            } else if (md_row) {
                cells = markdown_cells(t);
                if (is_markdown_separator_row(cells)) continue;
            } else {
                std::size_t p = 0;
                while (true) {
                    auto q = t.find('\t', p);
                    cells.emplace_back(t.substr(p, q == std::string_view::npos ? std::string_view::npos : q - p));
                    if (q == std::string_view::npos) break;
                    p = q + 1;
                }
            }
            Paragraph row;
            row.line = row.end_line = line.number;
            row.table_row = true;
            for (auto& c : cells) row.cells.push_back(clean_cell(c));
            std::string joined;
            for (const auto& c : row.cells) {
                if (c.empty()) continue;
                if (!joined.empty()) joined += " | ";
                joined += c;
            }
            row.text = joined;
            paras.push_back(std::move(row));
            continue;
        }
        // pandoc's raw blocks between lists: ```{=html} <!-- --> ```.
        if (t.substr(0, 3) == "```" ||
            (t.substr(0, 4) == "<!--" && t.substr(t.size() >= 3 ? t.size() - 3 : 0) == "-->")) {
            close();
            continue;
        }
        std::string cleaned = strip_markdown(line.text);
        if (cleaned.empty() || is_rule_line(cleaned)) {
            close();
            continue;
        }
        std::size_t indent = leading_spaces(line.text);
        bool upper = is_uppercase_text(cleaned);
        bool item = parse_list_marker(cleaned).kind != ListMarker::Kind::none || is_footnote_definition_start(cleaned);
        if (open) {
            const Paragraph& cur = paras.back();
            // pdftotext -layout indents a paragraph's first line; a list item's lines hang
            // deeper than its marker (pandoc -t plain), so that is no new paragraph.
            bool indented_new = !cur_item && indent > prev_indent + 1 && ends_sentence(cur.text);
            std::string head =
                folded_key(std::string_view(cleaned).substr(0, std::min<std::size_t>(cleaned.size(), 24)));
            bool opener =
                head.rfind("can cu", 0) == 0 || head.rfind("thuc hien", 0) == 0 || head.rfind("trien khai", 0) == 0;
            bool line_new = single_newline && !starts_lowercase(cleaned) &&
                            (ends_sentence(cur.text) || prev_len * 5 < wrap_width * 4 || opener);
            if (item || upper || cur_upper || indented_new || line_new || line.standalone || cur_standalone ||
                cur.table_row)
                close();
        }
        if (!open) {
            Paragraph p;
            p.line = p.end_line = line.number;
            p.text = cleaned;
            paras.push_back(std::move(p));
            open = true;
            cur_upper = upper;
            cur_item = item;
        } else {
            paras.back().text += ' ';
            paras.back().text += cleaned;
            paras.back().end_line = line.number;
        }
        cur_standalone = line.standalone;
        prev_indent = indent;
        prev_len = code_point_count(line.text);
    }

    // 4. Footnote definitions leave the flow of paragraphs.
    struct Def {
        std::size_t order;
        std::size_t footnote;
    };
    std::map<int, std::vector<Def>> defs;
    std::vector<Paragraph> body;
    std::vector<std::size_t> body_order;
    for (std::size_t k = 0; k < paras.size(); ++k) {
        auto& p = paras[k];
        if (!p.table_row) {
            if (auto d = parse_footnote_definition(p.text)) {
                out.footnotes.push_back(Footnote{d->number, d->text, p.line, false});
                defs[d->number].push_back(Def{k, out.footnotes.size() - 1});
                continue;
            }
        }
        body.push_back(std::move(p));
        body_order.push_back(k);
    }

    // 5. Markers: the nearest definition with that number at or after the marker (footnotes
    // sit at the bottom of the page), else the last one before it.
    for (std::size_t b = 0; b < body.size(); ++b) {
        auto& p = body[b];
        auto markers = find_footnote_markers(p.text);
        if (markers.empty()) continue;
        std::set<int> remove;
        for (const auto& m : markers) {
            auto it = defs.find(m.number);
            if (it == defs.end()) {
                if (m.style == FootnoteMarker::Style::parenthesised || m.style == FootnoteMarker::Style::caret)
                    out.diagnostics.warning(SourceLocation{file_name, p.line, 1}, "missing-footnote",
                                            trf("footnote marker {} has no footnote text", m.number),
                                            tr("the footnote text may have been lost in the conversion"));
                continue;
            }
            const Def* chosen = nullptr;
            for (const auto& d : it->second)
                if (d.order >= body_order[b]) {
                    chosen = &d;
                    break;
                }
            if (!chosen) chosen = &it->second.back();
            out.footnotes[chosen->footnote].referenced = true;
            p.footnotes.push_back(static_cast<int>(chosen->footnote));
            remove.insert(m.number);
        }
        if (!remove.empty()) {
            p.text = remove_footnote_markers(p.text, remove);
            if (p.table_row)
                for (auto& c : p.cells) c = remove_footnote_markers(c, remove);
        }
    }
    for (const auto& f : out.footnotes)
        if (!f.referenced)
            out.diagnostics.warning(SourceLocation{file_name, f.line, 1}, "orphan-footnote",
                                    trf("footnote {} is not referenced by any marker in the text", f.number),
                                    tr("it is not attached to a task"));

    // 6. Sentences split by a page break.
    for (std::size_t k = 0; k < body.size(); ++k) {
        auto& p = body[k];
        p.marker = p.table_row ? ListMarker{} : parse_list_marker(p.text);
    }
    std::vector<Paragraph> joined;
    for (auto& p : body) {
        if (!joined.empty()) {
            auto& prev = joined.back();
            bool prev_ok = !prev.table_row && !is_uppercase_text(prev.text) && !ends_sentence(prev.text) &&
                           prev.marker.kind != ListMarker::Kind::roman &&
                           prev.marker.kind != ListMarker::Kind::number &&
                           (prev.marker.kind != ListMarker::Kind::letter || prev.text.find(':') != std::string::npos);
            bool next_ok = !p.table_row && p.marker.kind == ListMarker::Kind::none && starts_lowercase(p.text);
            if (prev_ok && next_ok) {
                out.diagnostics.add(
                    {Severity::note,
                     SourceLocation{file_name, p.line, 1},
                     "joined-paragraphs",
                     trf("joined to the paragraph at line {}: a sentence split by a page break", prev.line),
                     "",
                     {}});
                prev.text += ' ';
                prev.text += p.text;
                prev.end_line = p.end_line;
                prev.joined_lines.push_back(p.line);
                prev.footnotes.insert(prev.footnotes.end(), p.footnotes.begin(), p.footnotes.end());
                continue;
            }
        }
        joined.push_back(std::move(p));
    }
    out.paragraphs = std::move(joined);
    return out;
}

}  // namespace pgi::recognise
