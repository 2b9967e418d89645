#include "pgi/table.hpp"

#include <algorithm>

#include "pgi/escape.hpp"
#include "pgi/score.hpp"
#include "pgi/text.hpp"

namespace pgi {

namespace {
const char* sgr(Style s) {
    switch (s) {
        case Style::good:
            return "\x1b[32m";
        case Style::bad:
            return "\x1b[31m";
        case Style::dim:
            return "\x1b[2m";
        case Style::bold:
            return "\x1b[1m";
        case Style::plain:
            return "";
    }
    return "";
}

// A terminal cell is one line of visible text: tabs and line breaks (YAML block scalars keep
// them) become spaces, so they neither break the row nor count as zero width, and control
// characters cannot reach the terminal.
std::string one_line(const std::string& s) {
    return visible_line(s);
}

Align align_of(const Table& t, std::size_t col) {
    return col < t.align.size() ? t.align[col] : Align::left;
}

std::vector<std::size_t> widths(const Table& t, bool markdown) {
    std::vector<std::size_t> w(t.header.size(), markdown ? 3 : 0);
    for (std::size_t c = 0; c < t.header.size(); ++c)
        w[c] = std::max(w[c], display_width(markdown ? markdown_cell(t.header[c]) : one_line(t.header[c])));
    for (const auto& row : t.rows)
        for (std::size_t c = 0; c < row.size() && c < w.size(); ++c)
            w[c] = std::max(w[c], display_width(markdown ? markdown_cell(row[c].text) : one_line(row[c].text)));
    return w;
}

std::string pad(const std::string& s, std::size_t width, Align a) {
    std::size_t dw = display_width(s);
    std::string fill(width > dw ? width - dw : 0, ' ');
    return a == Align::right ? fill + s : s + fill;
}

void rstrip(std::string& s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
}
}  // namespace

std::string render_terminal(const Table& t, bool color) {
    auto w = widths(t, false);
    std::string out;
    std::string line;
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        if (c) line += "  ";
        std::string cell = pad(one_line(t.header[c]), w[c], align_of(t, c));
        line += color ? std::string(sgr(Style::bold)) + cell + "\x1b[0m" : cell;
    }
    rstrip(line);
    out += line + "\n";
    line.clear();
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        if (c) line += "  ";
        for (std::size_t i = 0; i < w[c]; ++i) line += "─";
    }
    out += line + "\n";
    for (const auto& row : t.rows) {
        line.clear();
        for (std::size_t c = 0; c < t.header.size(); ++c) {
            if (c) line += "  ";
            const Cell empty;
            const Cell& cell = c < row.size() ? row[c] : empty;
            std::string text = one_line(cell.text);
            std::string padded = pad(text, w[c], align_of(t, c));
            if (color && cell.style != Style::plain) {
                // colour the text, not the padding
                std::size_t lead = align_of(t, c) == Align::right ? padded.size() - text.size() : 0;
                padded =
                    padded.substr(0, lead) + sgr(cell.style) + text + "\x1b[0m" + padded.substr(lead + text.size());
            }
            line += padded;
        }
        rstrip(line);
        out += line + "\n";
    }
    return out;
}

namespace {
bool is_ascii_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// `:` followed by a shortcode and another `:` (GFM's emoji, `:smile:`).
bool opens_shortcode(std::string_view s, std::size_t i) {
    std::size_t j = i + 1;
    while (j < s.size() && (is_ascii_alnum(s[j]) || s[j] == '_' || s[j] == '+' || s[j] == '-')) ++j;
    return j > i + 1 && j < s.size() && s[j] == ':';
}

std::string markdown_escape(std::string_view text, bool line_start) {
    const std::string s = visible_text(text);
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    std::size_t i = 0;
    if (line_start) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        // a list marker: a run of letters or digits, then `.` or `)` (pandoc's fancy lists)
        std::size_t j = i;
        while (j < s.size() && j - i < 10 && is_ascii_alnum(s[j])) ++j;
        if (j > i && j < s.size() && (s[j] == '.' || s[j] == ')')) {
            out.append(s, i, j - i);
            out += '\\';
            out += s[j];
            i = j + 1;
        } else if (i < s.size() && std::string_view("-+=:(").find(s[i]) != std::string_view::npos) {
            out += '\\';
            out += s[i++];
        }
    }
    for (; i < s.size(); ++i) {
        char ch = s[i];
        switch (ch) {
            case '|':
                out += "\\|";
                break;
            case '\r':
                if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
                out += "<br>";
                break;
            case '\n':
                out += "<br>";
                break;
            case '\t':
                out += ' ';
                break;
            case '\\':
            case '*':
            case '_':
            case '`':
            case '<':
            case '>':
            case '[':
            case ']':
            case '&':
            case '~':
            case '^':
            case '$':
            case '@':
            case '#':
            case '\'':
            case '"':
                out += '\\';
                out += ch;
                break;
            case '-':
            case '.':
                // `--`, `...` (smart dashes, ellipses); `www.` (GFM's bare-URL autolink)
                if ((i > 0 && s[i - 1] == ch) ||
                    (ch == '.' && i >= 3 && (s.compare(i - 3, 3, "www") == 0 || s.compare(i - 3, 3, "WWW") == 0)))
                    out += '\\';
                out += ch;
                break;
            case ':':
                // `:smile:` (GFM's emoji), `http://` (GFM's bare-URL autolink)
                if (opens_shortcode(s, i) || s.compare(i, 3, "://") == 0) out += '\\';
                out += ch;
                break;
            default:
                // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR are line breaks too
                if (ch == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' &&
                    (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
                    out += "<br>";
                    i += 2;
                } else {
                    out += ch;
                }
        }
    }
    return out;
}
}  // namespace

std::string markdown_cell(std::string_view text) {
    return markdown_escape(text, false);
}

std::string markdown_line(std::string_view text) {
    return markdown_escape(text, true);
}

std::string markdown_lines(std::string_view text, std::string_view bullet) {
    std::string out;
    while (!text.empty()) {
        auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        if (!bullet.empty() && line.substr(0, bullet.size()) == bullet) {
            out += bullet;
            line.remove_prefix(bullet.size());
        }
        if (!line.empty()) out += markdown_line(line);
        if (nl == std::string_view::npos) break;
        out += '\n';
        text.remove_prefix(nl + 1);
    }
    return out;
}

std::string render_markdown(const Table& t) {
    auto w = widths(t, true);
    std::string out = "|";
    for (std::size_t c = 0; c < t.header.size(); ++c)
        out += " " + pad(markdown_cell(t.header[c]), w[c], align_of(t, c)) + " |";
    out += "\n|";
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        std::string dashes(w[c], '-');
        if (align_of(t, c) == Align::right) dashes.back() = ':';
        out += " " + dashes + " |";
    }
    out += "\n";
    for (const auto& row : t.rows) {
        out += "|";
        for (std::size_t c = 0; c < t.header.size(); ++c) {
            std::string cell = c < row.size() ? markdown_cell(row[c].text) : std::string();
            out += " " + pad(cell, w[c], align_of(t, c)) + " |";
        }
        out += "\n";
    }
    return out;
}

CsvDialect csv_dialect(CsvStyle style, bool decimal_comma) {
    switch (style) {
        case CsvStyle::plain:
            return {',', decimal_comma, false};
        case CsvStyle::excel:
            return {',', decimal_comma, true};
        case CsvStyle::excel_vi:
            return {';', true, true};
    }
    return {};
}

namespace {
// A number as the renderers write one: -?digits, optionally a decimal point or comma and
// digits ("-0.26", "-0,26", "-3"). Such a cell is a value, not a formula.
bool is_plain_number(std::string_view s) {
    std::size_t i = s.empty() || s[0] != '-' ? 0 : 1;
    std::size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (!digits) return false;
    if (i == s.size()) return true;
    if (s[i] != '.' && s[i] != ',') return false;
    ++i;
    std::size_t decimals = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++decimals;
    return decimals && i == s.size();
}
}  // namespace

std::string csv_field(std::string_view text, const CsvDialect& dialect, bool neutralize_formulas) {
    std::string s = visible_text(text);
    if (neutralize_formulas && !s.empty() &&
        (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')) {
        if (!is_plain_number(s)) s.insert(s.begin(), '\'');
    }
    // A reader that assumes the other separator (an Excel whose list separator is `;` opening
    // a `,` file, or the reverse) splits the cell there; quotes do not help a cell that is not
    // first in its record. So a piece after the other separator that would start a formula
    // gets the same `'` (`a;=1+1` -> `a;'=1+1`).
    if (neutralize_formulas) {
        const char other = dialect.separator == ';' ? ',' : ';';
        for (std::size_t i = 0; i + 1 < s.size(); ++i) {
            if (s[i] != other || std::string_view("=+-@\t\r").find(s[i + 1]) == std::string_view::npos) continue;
            std::size_t end = s.find(other, i + 1);
            if (is_plain_number(
                    std::string_view(s).substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1)))
                continue;
            s.insert(s.begin() + static_cast<std::ptrdiff_t>(i) + 1, '\'');
        }
    }
    bool quote = s.find_first_of("\t\"\r\n") != std::string::npos || s.find(dialect.separator) != std::string::npos ||
                 (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_field(std::string_view text, bool neutralize_formulas) {
    return csv_field(text, CsvDialect{}, neutralize_formulas);
}

std::string render_csv_records(const std::vector<std::vector<std::string>>& records, const CsvDialect& dialect,
                               bool neutralize_formulas, bool rectangular) {
    std::size_t width = 0;
    if (rectangular)
        for (const auto& rec : records) width = std::max(width, rec.size());
    std::string out = dialect.bom ? "\xEF\xBB\xBF" : "";
    for (const auto& rec : records) {
        std::size_t n = std::max(width, rec.size());
        for (std::size_t i = 0; i < n; ++i) {
            if (i) out += dialect.separator;
            if (i < rec.size()) out += csv_field(rec[i], dialect, neutralize_formulas);
        }
        out += "\r\n";
    }
    return out;
}

std::string render_csv(const Table& t, const CsvDialect& dialect, bool neutralize_formulas) {
    std::vector<std::vector<std::string>> records;
    records.reserve(t.rows.size() + 1);
    records.push_back(t.header);
    for (const auto& row : t.rows) {
        std::vector<std::string> rec(t.header.size());
        for (std::size_t c = 0; c < t.header.size() && c < row.size(); ++c) rec[c] = row[c].text;
        records.push_back(std::move(rec));
    }
    return render_csv_records(records, dialect, neutralize_formulas);
}

std::string render_csv(const Table& t, bool neutralize_formulas) {
    return render_csv(t, CsvDialect{}, neutralize_formulas);
}

}  // namespace pgi
