#include "pgi/table.hpp"

#include <algorithm>

#include "pgi/score.hpp"
#include "pgi/text.hpp"

namespace pgi {

namespace {
const char* sgr(Style s) {
    switch (s) {
        case Style::good: return "\x1b[32m";
        case Style::bad: return "\x1b[31m";
        case Style::dim: return "\x1b[2m";
        case Style::bold: return "\x1b[1m";
        case Style::plain: return "";
    }
    return "";
}

// A terminal cell is one line: tabs and line breaks (YAML block scalars keep them) become
// spaces, so they neither break the row nor count as zero width.
std::string one_line(const std::string& s) {
    if (s.find_first_of("\t\r\n") == std::string::npos) return s;
    std::string out = s;
    for (auto& c : out)
        if (c == '\t' || c == '\r' || c == '\n') c = ' ';
    return out;
}

Align align_of(const Table& t, std::size_t col) { return col < t.align.size() ? t.align[col] : Align::left; }

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
                padded = padded.substr(0, lead) + sgr(cell.style) + text + "\x1b[0m" + padded.substr(lead + text.size());
            }
            line += padded;
        }
        rstrip(line);
        out += line + "\n";
    }
    return out;
}

std::string markdown_cell(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        switch (ch) {
            case '|': out += "\\|"; break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                out += "<br>";
                break;
            case '\n': out += "<br>"; break;
            case '\\': case '*': case '_': case '`': case '<': case '>': case '[': case ']':
                out += '\\';
                out += ch;
                break;
            default: out += ch;
        }
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

std::string csv_field(std::string_view text, bool neutralize_formulas) {
    std::string s(text);
    if (neutralize_formulas && !s.empty() &&
        (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')) {
        if (!parse_score(s)) s.insert(s.begin(), '\'');
    }
    bool quote = s.find_first_of(",\"\r\n") != std::string::npos ||
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

std::string render_csv(const Table& t, bool neutralize_formulas) {
    std::string out;
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        if (c) out += ',';
        out += csv_field(t.header[c], neutralize_formulas);
    }
    out += "\r\n";
    for (const auto& row : t.rows) {
        for (std::size_t c = 0; c < t.header.size(); ++c) {
            if (c) out += ',';
            if (c < row.size()) out += csv_field(row[c].text, neutralize_formulas);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace pgi
