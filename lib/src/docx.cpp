// WordprocessingML for an OfficialDocument (docx.hpp). Measurements are in twips (1/20 pt)
// and font sizes in half-points, as WordprocessingML counts them.
#include "pgi/docx.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <numeric>

#include "pgi/text.hpp"

namespace pgi {

namespace {

// Times-Roman advance widths (Adobe Font Metrics, 1/1000 em) for ASCII 32..126.
constexpr int ascii_widths[95] = {
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,  // ' '../
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500,                                // 0..9
    278, 278, 564, 564, 564, 444, 921,                                               // :..@
    722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556,  // A..P
    722, 667, 556, 611, 722, 722, 944, 722, 722, 611,                                // Q..Z
    333, 278, 333, 469, 500, 333,                                                    // [..`
    444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500,  // a..p
    500, 333, 389, 278, 500, 500, 722, 500, 500, 444,                                // q..z
    480, 200, 480, 541};

int code_point_width(utf8proc_int32_t c) {
    if (c >= 32 && c <= 126) return ascii_widths[c - 32];
    switch (c) {
        case 0x0111:
            return 500;  // đ
        case 0x0110:
            return 722;  // Đ
        case 0x2013:
            return 500;  // –
        case 0x2014:
            return 1000;  // —
        case 0x2026:
            return 1000;  // …
        case 0x2192:
            return 1000;  // →
        case 0x2212:
            return 564;  // −
        case 0x201C:
        case 0x201D:
            return 444;
        case 0x2018:
        case 0x2019:
            return 333;
        case 0x00A0:
            return 250;
        case 0x200B:
            return 0;
        default:
            break;
    }
    // A Vietnamese letter measures as its base letter (ư as u, ờ as o).
    utf8proc_int32_t buf[8];
    int opts = UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK;
    utf8proc_ssize_t n = utf8proc_decompose_char(c, buf, 8, static_cast<utf8proc_option_t>(opts), nullptr);
    if (n >= 1 && buf[0] >= 32 && buf[0] <= 126) return ascii_widths[buf[0] - 32];
    if (utf8proc_category(c) == UTF8PROC_CATEGORY_MN) return 0;
    return 600;
}

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                // XML 1.0 forbids most C0 controls; tabs and line breaks are handled by the caller.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                out += c;
        }
    }
    return out;
}

std::string upper(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const Utf8Char u = decode_utf8(s, i);
        if (!u.valid) {
            out += s[i];
            ++i;
            continue;
        }
        utf8proc_uint8_t enc[4];
        auto m = utf8proc_encode_char(utf8proc_toupper(static_cast<utf8proc_int32_t>(u.code_point)), enc);
        out.append(reinterpret_cast<const char*>(enc), static_cast<std::size_t>(m));
        i += u.size;
    }
    return out;
}

// A word over 20 characters (a URL, a path) may break after `/`: cells get a zero-width
// space there, and column widths count the pieces.
bool breakable(std::string_view w) {
    return w.size() > 20 && w.find('/') != std::string_view::npos;
}

std::string with_break_points(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find_first_of(" \n", start);
        std::string_view w = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (breakable(w)) {
            for (std::size_t i = 0; i < w.size(); ++i) {
                out += w[i];
                if (w[i] == '/' && i + 1 < w.size() && w[i + 1] != '/') out += "\u200B";
            }
        } else {
            out += w;
        }
        if (end == std::string_view::npos) break;
        out += text[end];
        start = end + 1;
    }
    return out;
}

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

// ---- runs and paragraphs ----

struct RunStyle {
    bool bold = false;
    bool italic = false;
    bool underline = false;
    int size = 0;  // half-points; 0 = the document default (13 pt)
};

std::string rpr(const RunStyle& s) {
    std::string p;
    if (s.bold) p += "<w:b/><w:bCs/>";
    if (s.italic) p += "<w:i/><w:iCs/>";
    if (s.underline) p += "<w:u w:val=\"single\"/>";
    if (s.size) p += fmt::format("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>", s.size);
    return p.empty() ? std::string() : "<w:rPr>" + p + "</w:rPr>";
}

// A run of text; line breaks become <w:br/>.
std::string run(std::string_view text, const RunStyle& s = {}) {
    std::string out = "<w:r>" + rpr(s);
    std::size_t start = 0;
    for (;;) {
        auto nl = text.find('\n', start);
        std::string_view piece = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        out += "<w:t xml:space=\"preserve\">" + xml_escape(piece) + "</w:t>";
        if (nl == std::string_view::npos) break;
        out += "<w:br/>";
        start = nl + 1;
    }
    return out + "</w:r>";
}

struct ParaStyle {
    const char* jc = "left";
    int before = 0;
    int after = 0;
    int line = 240;  // 240 = single
    int first_line = 0;
    bool keep_next = false;
    int size = 0;  // paragraph mark size
};

std::string para(const std::string& runs, const ParaStyle& p, const std::string& extra_ppr = {}) {
    std::string ppr;
    if (p.keep_next) ppr += "<w:keepNext/>";
    ppr += extra_ppr;
    ppr += fmt::format("<w:spacing w:before=\"{}\" w:after=\"{}\" w:line=\"{}\" w:lineRule=\"auto\"/>", p.before,
                       p.after, p.line);
    if (p.first_line) ppr += fmt::format("<w:ind w:firstLine=\"{}\"/>", p.first_line);
    ppr += fmt::format("<w:jc w:val=\"{}\"/>", p.jc);
    if (p.size) ppr += fmt::format("<w:rPr><w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/></w:rPr>", p.size);
    return "<w:p><w:pPr>" + ppr + "</w:pPr>" + runs + "</w:p>";
}

// A short horizontal rule of `length` twips centred in a box `box` twips wide: a paragraph
// whose top border runs between its indents (the line under the issuing body, the motto and
// the subject: Phụ lục I, Phần I, mục III.2, III.1, III.5).
std::string rule(int box, int length) {
    int indent = std::max(0, (box - length) / 2);
    return fmt::format(
        "<w:p><w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
        "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
        "<w:ind w:left=\"{0}\" w:right=\"{0}\"/><w:jc w:val=\"center\"/>"
        "<w:rPr><w:sz w:val=\"8\"/><w:szCs w:val=\"8\"/></w:rPr></w:pPr></w:p>",
        indent);
}

constexpr int body_size = 26;    // 13 pt
constexpr int table_size = 24;   // 12 pt
constexpr int cell_margin = 85;  // 1.5 mm each side
constexpr int cell_slack = 60;   // rounding and the renderer's own spacing

const char* no_borders =
    "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>"
    "<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>";

std::string cell(int width, const std::string& content, const char* valign = nullptr) {
    std::string out = fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>", width);
    if (valign) out += fmt::format("<w:vAlign w:val=\"{}\"/>", valign);
    return out + "</w:tcPr>" + content + "</w:tc>";
}

std::string grid(const std::vector<int>& widths) {
    std::string g = "<w:tblGrid>";
    for (int w : widths) g += fmt::format("<w:gridCol w:w=\"{}\"/>", w);
    return g + "</w:tblGrid>";
}

// ---- the parts of the page ----

// `text` on as few lines as fit in `width` twips, the lines as even as possible: a long
// agency name breaks as "PHÒNG TÀI NGUYÊN / VÀ MÔI TRƯỜNG", not "… VÀ MÔI / TRƯỜNG".
std::string balanced_lines(const std::string& text, int half_points, bool bold, int width) {
    if (text_twips(text, half_points, bold) <= width) return text;
    auto ws = words(text);
    std::string best;
    int best_width = 0;
    for (std::size_t k = 1; k < ws.size(); ++k) {
        std::string a, b;
        for (std::size_t i = 0; i < ws.size(); ++i) (i < k ? a : b) += ((i < k ? a : b).empty() ? "" : " ") + ws[i];
        int w = std::max(text_twips(a, half_points, bold), text_twips(b, half_points, bold));
        if (best.empty() || w < best_width) {
            best = a + "\n" + b;
            best_width = w;
        }
    }
    return best.empty() ? text : best;
}

std::string header_block(const OfficialDocument& d, int text_width) {
    // The right column is as wide as the national name needs (Quốc hiệu on one line), at
    // least half the text width; the issuing body takes the rest.
    int right = std::max(text_width / 2, text_twips(d.motto_1, 24, true) + 120);
    int left = text_width - right;
    ParaStyle c;
    c.jc = "center";
    std::string l;
    if (!d.parent_body.empty())
        l += para(run(balanced_lines(upper(d.parent_body), 26, false, left - 60), {false, false, false, 26}), c);
    std::string body = upper(d.issuing_body);
    std::string lines = balanced_lines(body, 26, true, left - 60);
    l += para(run(lines, {true, false, false, 26}), c);
    // The line under the issuing body: a third of its longest line (Phụ lục I, Phần I, mục III.2).
    int longest = 0;
    for (const auto& line : [&] {
             std::vector<std::string> v;
             std::size_t a = 0;
             for (;;) {
                 auto nl = lines.find('\n', a);
                 v.push_back(lines.substr(a, nl == std::string::npos ? std::string::npos : nl - a));
                 if (nl == std::string::npos) break;
                 a = nl + 1;
             }
             return v;
         }())
        longest = std::max(longest, text_twips(line, 26, true));
    l += rule(left, std::max(longest / 3, 600));
    ParaStyle num = c;
    num.before = 60;
    l += para(run("Số: " + d.number, {false, false, false, 26}), num);

    std::string r;
    r += para(run(d.motto_1, {true, false, false, 24}), c);
    r += para(run(d.motto_2, {true, false, false, 26}), c);
    r += rule(right, text_twips(d.motto_2, 26, true));
    ParaStyle pd = c;
    pd.before = 120;
    r += para(run(d.place_date, {false, true, false, 26}), pd);

    std::string t = "<w:tbl><w:tblPr>";
    t += fmt::format("<w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>", text_width);
    t += no_borders;
    t += "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>";
    t += "<w:tblLook w:val=\"0000\"/></w:tblPr>";
    t += grid({left, right});
    t += "<w:tr>" + cell(left, l) + cell(right, r) + "</w:tr></w:tbl>";
    return t;
}

std::string title_block(const OfficialDocument& d, int text_width) {
    ParaStyle c;
    c.jc = "center";
    c.before = 360;
    std::string out = para(run(d.kind, {true, false, false, 28}), c);
    c.before = 0;
    out += para(run(d.subject, {true, false, false, 28}), c);
    out += rule(text_width, std::min(text_width / 3, 2835));
    return out;
}

std::string data_table(const DocBlock& b, const std::vector<int>& widths) {
    const Table& t = b.table;
    int total = std::accumulate(widths.begin(), widths.end(), 0);
    std::string out = "<w:tbl><w:tblPr>";
    out += fmt::format("<w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/>",
                       total);
    out += "<w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
        out += fmt::format("<w:{} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>", side);
    out += "</w:tblBorders>";
    out += fmt::format(
        "<w:tblCellMar><w:left w:w=\"{0}\" w:type=\"dxa\"/><w:right w:w=\"{0}\" w:type=\"dxa\"/>"
        "</w:tblCellMar><w:tblLook w:val=\"0000\"/></w:tblPr>",
        cell_margin);
    out += grid(widths);
    auto align = [&](std::size_t i) { return i < t.align.size() && t.align[i] == Align::right ? "right" : "left"; };
    ParaStyle p;
    p.before = 20;
    p.after = 20;
    // Header row: bold, centred, repeated at the top of each page; rows never split.
    out += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
    for (std::size_t i = 0; i < widths.size(); ++i) {
        ParaStyle h = p;
        h.jc = "center";
        std::string text = i < t.header.size() ? t.header[i] : std::string();
        out += cell(widths[i], para(run(text, {true, false, false, table_size}), h), "center");
    }
    out += "</w:tr>";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        bool bold = r < b.bold_rows.size() && b.bold_rows[r];
        out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
        for (std::size_t i = 0; i < widths.size(); ++i) {
            ParaStyle q = p;
            q.jc = align(i);
            std::string text = i < t.rows[r].size() ? with_break_points(t.rows[r][i].text) : std::string();
            out += cell(widths[i], para(run(text, {bold, false, false, table_size}), q));
        }
        out += "</w:tr>";
    }
    out += "</w:tbl>";
    return out;
}

std::string section_properties(const PageGeometry& g, bool landscape, bool first) {
    std::string s = "<w:sectPr>";
    s += "<w:headerReference w:type=\"default\" r:id=\"rId3\"/>";
    if (first) s += "<w:headerReference w:type=\"first\" r:id=\"rId4\"/>";
    s += "<w:type w:val=\"nextPage\"/>";
    if (landscape)
        s += fmt::format("<w:pgSz w:w=\"{}\" w:h=\"{}\" w:orient=\"landscape\"/>", g.height, g.width);
    else
        s += fmt::format("<w:pgSz w:w=\"{}\" w:h=\"{}\"/>", g.width, g.height);
    // Landscape pages keep the binding margin on the left of the text as read.
    s += fmt::format(
        "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" "
        "w:footer=\"{}\" w:gutter=\"0\"/>",
        g.top, g.right, g.bottom, g.left, g.header, g.header);
    if (first) s += "<w:titlePg/>";
    s += "</w:sectPr>";
    return s;
}

std::string blocks(const std::vector<DocBlock>& bs, const PageGeometry& g, bool& first_section) {
    std::string out;
    ParaStyle body;
    body.jc = "both";
    body.before = 120;
    body.line = 276;
    body.first_line = 567;
    for (const auto& b : bs) {
        switch (b.kind) {
            case DocBlock::Kind::heading: {
                ParaStyle h = body;
                h.keep_next = true;
                h.before = 180;
                out += para(run(b.text, {true, false, false, 0}), h);
                break;
            }
            case DocBlock::Kind::subheading: {
                ParaStyle h = body;
                h.keep_next = true;
                out += para(run(b.text, {true, true, false, 0}), h);
                break;
            }
            case DocBlock::Kind::paragraph:
                out += para(run(b.text), body);
                break;
            case DocBlock::Kind::closing: {
                // The last sentence stays on the page of the signature.
                ParaStyle k = body;
                k.keep_next = true;
                out += para(run(b.text), k);
                break;
            }
            case DocBlock::Kind::note: {
                ParaStyle n = body;
                out += para(run(b.text, {false, true, false, 0}), n);
                break;
            }
            case DocBlock::Kind::page_break:
                out += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
                break;
            case DocBlock::Kind::table: {
                auto widths = fit_columns(b.table, table_size, g.text_width());
                bool landscape = false;
                if (!widths) {
                    PageGeometry wide = g;
                    std::swap(wide.width, wide.height);
                    widths = fit_columns(b.table, table_size, wide.text_width());
                    landscape = true;
                    if (!widths) {
                        // Wider than a landscape page even at one word per line: equal
                        // columns (long words will break).
                        std::size_t cols = std::max<std::size_t>(1, b.table.header.size());
                        widths = std::vector<int>(cols, wide.text_width() / static_cast<int>(cols));
                    }
                }
                if (landscape) {
                    // A wide table gets a landscape section of its own (Phụ lục I, Phần I, mục II.2):
                    // end the portrait section so far, and the landscape one after the table.
                    out += "<w:p><w:pPr>" + section_properties(g, false, first_section) + "</w:pPr></w:p>";
                    first_section = false;
                }
                out += data_table(b, *widths);
                // A paragraph after each table keeps two tables from merging.
                ParaStyle gap;
                gap.size = 8;
                out += para("", gap);
                if (landscape) out += "<w:p><w:pPr>" + section_properties(g, true, false) + "</w:pPr></w:p>";
                break;
            }
        }
    }
    return out;
}

std::string signature_block(const OfficialDocument& d, int text_width) {
    int left = text_width * 9 / 20;
    int right = text_width - left;
    std::string l = para(run(d.recipients_label, {true, true, false, 24}), ParaStyle{});
    for (std::size_t i = 0; i < d.recipients.size(); ++i)
        l += para(run("- " + d.recipients[i], {false, false, false, 22}), ParaStyle{});
    ParaStyle c;
    c.jc = "center";
    std::string r;
    if (!d.signer_authority.empty()) r += para(run(upper(d.signer_authority), {true, false, false, 28}), c);
    r += para(run(upper(d.signer_title), {true, false, false, 28}), c);
    // Room for the signature and the seal (Phụ lục I, Phần I, mục III.7, III.8).
    for (int i = 0; i < 4; ++i) r += para("", c);
    r += para(d.signer_name.empty() ? std::string() : run(d.signer_name, {true, false, false, 28}), c);

    std::string t = "<w:tbl><w:tblPr>";
    t += fmt::format("<w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>", text_width);
    t += no_borders;
    t += "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>";
    t += "<w:tblLook w:val=\"0000\"/></w:tblPr>";
    t += grid({left, right});
    t += "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + cell(left, l) + cell(right, r) + "</w:tr></w:tbl>";
    ParaStyle gap;
    gap.before = 240;
    gap.keep_next = true;
    return para("", gap) + t;
}

const char* ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const char* ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const char* xml_decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

std::string document_xml(const OfficialDocument& d) {
    PageGeometry g;
    std::string out = xml_decl;
    out += fmt::format("<w:document xmlns:w=\"{}\" xmlns:r=\"{}\"><w:body>", ns_w, ns_r);
    out += header_block(d, g.text_width());
    out += title_block(d, g.text_width());
    bool first_section = true;
    out += blocks(d.body, g, first_section);
    out += signature_block(d, g.text_width());
    if (!d.appendix.empty()) {
        out += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
        out += blocks(d.appendix, g, first_section);
    }
    out += section_properties(g, false, first_section);
    out += "</w:body></w:document>";
    return out;
}

std::string lang_tag(const OfficialDocument& d) {
    return d.language == "en" ? "en-GB" : "vi-VN";
}

std::string styles_xml(const OfficialDocument& d) {
    return std::string(xml_decl) +
           fmt::format(
               "<w:styles xmlns:w=\"{0}\">"
               "<w:docDefaults><w:rPrDefault><w:rPr>"
               "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" "
               "w:cs=\"Times New Roman\"/><w:color w:val=\"000000\"/><w:sz w:val=\"{1}\"/><w:szCs w:val=\"{1}\"/>"
               "<w:lang w:val=\"{2}\" w:eastAsia=\"{2}\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
               "<w:pPrDefault><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
               "</w:pPr></w:pPrDefault></w:docDefaults>"
               "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
               "w:val=\"Normal\"/><w:qFormat/>"
               "</w:style>"
               "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn "
               "w:val=\"Normal\"/>"
               "</w:style>"
               "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
               "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
               "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" "
               "w:type=\"dxa\"/>"
               "</w:tblCellMar></w:tblPr></w:style>"
               "</w:styles>",
               ns_w, body_size, lang_tag(d));
}

std::string header_xml(bool with_number) {
    std::string p = "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:jc w:val=\"center\"/></w:pPr>";
    if (with_number)
        p += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE "
             "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r>"
             "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    p += "</w:p>";
    return std::string(xml_decl) + fmt::format("<w:hdr xmlns:w=\"{}\" xmlns:r=\"{}\">", ns_w, ns_r) + p + "</w:hdr>";
}

std::string settings_xml() {
    return std::string(xml_decl) +
           fmt::format(
               "<w:settings xmlns:w=\"{}\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>"
               "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting "
               "w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
               "w:val=\"15\"/></w:compat>"
               "</w:settings>",
               ns_w);
}

std::string content_types_xml() {
    const char* wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    return std::string(xml_decl) +
           "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
           "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
           fmt::format(
               "<Override PartName=\"/word/document.xml\" ContentType=\"{0}document.main+xml\"/>"
               "<Override PartName=\"/word/styles.xml\" ContentType=\"{0}styles+xml\"/>"
               "<Override PartName=\"/word/settings.xml\" ContentType=\"{0}settings+xml\"/>"
               "<Override PartName=\"/word/header1.xml\" ContentType=\"{0}header+xml\"/>"
               "<Override PartName=\"/word/header2.xml\" ContentType=\"{0}header+xml\"/>",
               wml) +
           "<Override PartName=\"/docProps/core.xml\" "
           "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
           "<Override PartName=\"/docProps/app.xml\" "
           "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
           "</Types>";
}

std::string rels_xml() {
    return std::string(xml_decl) +
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" "
           "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
           "Target=\"word/document.xml\"/>"
           "<Relationship Id=\"rId2\" "
           "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
           "Target=\"docProps/core.xml\"/>"
           "<Relationship Id=\"rId3\" "
           "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" "
           "Target=\"docProps/app.xml\"/>"
           "</Relationships>";
}

std::string document_rels_xml() {
    const char* base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    return std::string(xml_decl) +
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
           fmt::format(
               "<Relationship Id=\"rId1\" Type=\"{0}styles\" Target=\"styles.xml\"/>"
               "<Relationship Id=\"rId2\" Type=\"{0}settings\" Target=\"settings.xml\"/>"
               "<Relationship Id=\"rId3\" Type=\"{0}header\" Target=\"header1.xml\"/>"
               "<Relationship Id=\"rId4\" Type=\"{0}header\" Target=\"header2.xml\"/>",
               base) +
           "</Relationships>";
}

std::string core_xml(const OfficialDocument& d, const Date& stamp) {
    std::string when = format_date(stamp) + "T00:00:00Z";
    return std::string(xml_decl) +
           "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" +
           "<dc:title>" + xml_escape(d.kind + " " + d.subject) + "</dc:title>" + "<dc:creator>" +
           xml_escape(d.issuing_body) + "</dc:creator>" + "<dc:language>" + lang_tag(d) + "</dc:language>" +
           "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + when + "</dcterms:created>" +
           "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + when + "</dcterms:modified>" + "</cp:coreProperties>";
}

std::string app_xml() {
    return std::string(xml_decl) +
           "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
           "<Application>pgi " PGI_VERSION "</Application></Properties>";
}

}  // namespace

int text_twips(std::string_view text, int half_points, bool bold) {
    long units = 0;  // 1/1000 em
    std::size_t i = 0;
    while (i < text.size()) {
        const Utf8Char u = decode_utf8(text, i);
        if (!u.valid) {
            units += 500;
            ++i;
            continue;
        }
        units += code_point_width(static_cast<utf8proc_int32_t>(u.code_point));
        i += u.size;
    }
    if (bold) units = units * 106 / 100;
    // em = half_points / 2 pt = half_points * 10 twips.
    return static_cast<int>((units * half_points * 10 + 999) / 1000);
}

std::optional<std::vector<int>> fit_columns(const Table& t, int half_points, int available) {
    std::size_t cols = t.header.size();
    for (const auto& r : t.rows) cols = std::max(cols, r.size());
    if (cols == 0) return std::vector<int>{};
    const int pad = 2 * cell_margin + cell_slack;
    std::vector<int> min(cols, pad), pref(cols, pad);
    auto take = [&](std::size_t i, const std::string& text, bool bold) {
        for (const auto& w : words(text)) {
            if (breakable(w)) {
                std::size_t a = 0;
                while (a < w.size()) {
                    auto b = w.find('/', a);
                    std::size_t e = b == std::string::npos ? w.size() : b + 1;
                    min[i] =
                        std::max(min[i], text_twips(std::string_view(w).substr(a, e - a), half_points, bold) + pad);
                    a = e;
                }
            } else {
                min[i] = std::max(min[i], text_twips(w, half_points, bold) + pad);
            }
        }
        // A multi-line cell is as wide as its longest line.
        std::size_t start = 0;
        for (;;) {
            auto nl = text.find('\n', start);
            auto line = std::string_view(text).substr(start, nl == std::string::npos ? std::string::npos : nl - start);
            pref[i] = std::max(pref[i], text_twips(line, half_points, bold) + pad);
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
    };
    for (std::size_t i = 0; i < t.header.size(); ++i) take(i, t.header[i], true);
    for (const auto& r : t.rows)
        for (std::size_t i = 0; i < r.size(); ++i) take(i, r[i].text, false);
    long sum_min = std::accumulate(min.begin(), min.end(), 0L);
    if (sum_min > available) return std::nullopt;
    for (std::size_t i = 0; i < cols; ++i) pref[i] = std::min(pref[i], available);
    long sum_pref = std::accumulate(pref.begin(), pref.end(), 0L);
    std::vector<int> out(cols);
    if (sum_pref <= available) {
        // Everything fits on one line: widen in proportion to fill the text width.
        long given = 0;
        for (std::size_t i = 0; i < cols; ++i) {
            out[i] = static_cast<int>(pref[i] * static_cast<long>(available) / sum_pref);
            given += out[i];
        }
        out[cols - 1] += static_cast<int>(available - given);
        return out;
    }
    // Water-filling: a column whose whole text fits in an equal share of the width left gets
    // its one-line width; a column whose share (in proportion to its text's length) is below
    // its longest word gets that word's width; the rest share what is left in proportion to
    // their length, so long texts wrap into a similar number of lines.
    std::vector<char> fixed(cols, 0);
    for (;;) {
        long left = available, weight = 0, open = 0;
        for (std::size_t i = 0; i < cols; ++i) {
            if (fixed[i])
                left -= out[i];
            else {
                weight += pref[i];
                ++open;
            }
        }
        if (weight == 0) break;
        bool changed = false;
        for (std::size_t i = 0; i < cols; ++i) {
            if (fixed[i]) continue;
            long share = pref[i] * left / weight;
            if (pref[i] <= left / open) {
                out[i] = pref[i];
                fixed[i] = 1;
                changed = true;
            } else if (share < min[i]) {
                out[i] = min[i];
                fixed[i] = 1;
                changed = true;
            }
        }
        if (changed) continue;
        long given = 0;
        std::size_t widest = cols;
        for (std::size_t i = 0; i < cols; ++i) {
            if (fixed[i]) continue;
            out[i] = static_cast<int>(pref[i] * left / weight);
            given += out[i];
            if (widest == cols || pref[i] > pref[widest]) widest = i;
        }
        out[widest] += static_cast<int>(left - given);  // the rounding remainder
        return out;
    }
    // Every column fixed: hand what is left to the widest.
    long used = std::accumulate(out.begin(), out.end(), 0L);
    auto widest = static_cast<std::size_t>(std::max_element(pref.begin(), pref.end()) - pref.begin());
    out[widest] += static_cast<int>(available - used);
    return out;
}

std::vector<ZipEntry> docx_parts(const OfficialDocument& doc, const Date& stamp) {
    return {
        {"[Content_Types].xml", content_types_xml()}, {"_rels/.rels", rels_xml()},
        {"word/document.xml", document_xml(doc)},     {"word/styles.xml", styles_xml(doc)},
        {"word/settings.xml", settings_xml()},        {"word/header1.xml", header_xml(true)},
        {"word/header2.xml", header_xml(false)},      {"word/_rels/document.xml.rels", document_rels_xml()},
        {"docProps/core.xml", core_xml(doc, stamp)},  {"docProps/app.xml", app_xml()},
    };
}

std::optional<std::string> render_docx(const OfficialDocument& doc, const Date& stamp, std::string& error) {
    return make_zip(docx_parts(doc, stamp), stamp, error);
}

std::string vietnamese_date_words(const Date& d) {
    return fmt::format("ngày {:02} tháng {} năm {}", d.day,
                       d.month <= 2 ? fmt::format("{:02}", d.month) : std::to_string(d.month), d.year);
}

}  // namespace pgi
