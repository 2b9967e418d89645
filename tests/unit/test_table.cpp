#include <doctest/doctest.h>

#include "pgi/escape.hpp"
#include "pgi/table.hpp"

using namespace pgi;

TEST_CASE("CSV fields follow RFC 4180 quoting") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("Phòng Tài nguyên và Môi trường") == "Phòng Tài nguyên và Môi trường");
}

TEST_CASE("CSV cells that a spreadsheet would run as formulas are neutralised, numbers are not") {
    CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_field("+1+2") == "'+1+2");
    CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_field("-2.33") == "-2.33");
    CHECK(csv_field("-x") == "'-x");
    CHECK(csv_field("=1", false) == "=1");
}

TEST_CASE("CSV rows end in CRLF") {
    Table t;
    t.header = {"id", "text"};
    t.rows.push_back({Cell("t1"), Cell("a, b")});
    CHECK(render_csv(t) == "id,text\r\nt1,\"a, b\"\r\n");
}

TEST_CASE("CSV dialects: plain, excel (BOM) and excel-vi (BOM, `;`, decimal comma)") {
    CHECK(csv_dialect(CsvStyle::plain) == CsvDialect{',', false, false});
    CHECK(csv_dialect(CsvStyle::plain, true) == CsvDialect{',', true, false});
    CHECK(csv_dialect(CsvStyle::excel) == CsvDialect{',', false, true});
    CHECK(csv_dialect(CsvStyle::excel_vi) == CsvDialect{';', true, true});
    CHECK(csv_dialect(CsvStyle::excel_vi, false) == CsvDialect{';', true, true});  // the style implies 6,58
    const CsvDialect vi = csv_dialect(CsvStyle::excel_vi);
    // `;` is the separator: a cell holding one is quoted; a decimal comma is not.
    CHECK(csv_field("a;b", vi) == "\"a;b\"");
    CHECK(csv_field("6,58", vi) == "6,58");
    CHECK(csv_field("6,58") == "\"6,58\"");
    // a negative number with either decimal mark is a value, not a formula
    CHECK(csv_field("-0,26", vi) == "-0,26");
    CHECK(csv_field("-0.26", vi) == "-0.26");
    CHECK(csv_field("-3", vi) == "-3");
    CHECK(csv_field("-0,", vi) == "'-0,");
    CHECK(csv_field("=1+1", vi) == "'=1+1");
    Table t;
    t.header = {"id", "score"};
    t.rows.push_back({Cell("1"), Cell("4,84")});
    t.rows.push_back({Cell("total")});  // a short row gets its empty field
    CHECK(render_csv(t, vi) == "\xEF\xBB\xBFid;score\r\n1;4,84\r\ntotal;\r\n");
    CHECK(render_csv(t, csv_dialect(CsvStyle::excel)) == "\xEF\xBB\xBFid,score\r\n1,\"4,84\"\r\ntotal,\r\n");
    CHECK(render_csv_records({{"a"}, {"b", "c"}}, vi, true, true) ==
          "\xEF\xBB\xBF"
          "a;\r\nb;c\r\n");
}

TEST_CASE("Markdown cells escape pipes, line breaks and emphasis characters") {
    CHECK(markdown_cell("a | b") == "a \\| b");
    CHECK(markdown_cell("one\ntwo") == "one<br>two");
    CHECK(markdown_cell("one\r\ntwo") == "one<br>two");
    CHECK(markdown_cell("*x* _y_") == "\\*x\\* \\_y\\_");
    CHECK(markdown_cell("<b>") == "\\<b\\>");
}

TEST_CASE("Markdown cells escape entities, strikeout, headings' #, smart punctuation, pandoc's extensions") {
    CHECK(markdown_cell("&amp;") == "\\&amp;");
    CHECK(markdown_cell("~~x~~") == "\\~\\~x\\~\\~");
    CHECK(markdown_cell("Mục tiêu #1") == "Mục tiêu \\#1");
    CHECK(markdown_cell("$x$ ^y^ @doe") == "\\$x\\$ \\^y\\^ \\@doe");
    CHECK(markdown_cell("don't \"q\"") == "don\\'t \\\"q\\\"");
    CHECK(markdown_cell("a -- b...") == "a -\\- b.\\.\\.");
    CHECK(markdown_cell(":smile: 10:30 http://x www.y") == "\\:smile: 10:30 http\\://x www\\.y");
    CHECK(markdown_cell("-0.26") == "-0.26");  // a table cell is inline: a leading '-' is no list
    CHECK(markdown_cell("a\u2028b\u2029c") == "a<br>b<br>c");
    CHECK(markdown_cell("x\ty") == "x y");
}

TEST_CASE("Markdown at the start of a line cannot open a block") {
    CHECK(markdown_line("- x") == "\\- x");
    CHECK(markdown_line("+ x") == "\\+ x");
    CHECK(markdown_line("1. x") == "1\\. x");
    CHECK(markdown_line("a) x") == "a\\) x");
    CHECK(markdown_line("(1) x") == "\\(1) x");
    CHECK(markdown_line("# x") == "\\# x");
    CHECK(markdown_line("    code") == "code");
    CHECK(markdown_line("Kế hoạch 1.5") == "Kế hoạch 1.5");
    CHECK(markdown_lines("- 1. a\n\n- b\nc", "- ") == "- 1\\. a\n\n- b\nc");
}

TEST_CASE("control and bidi characters never reach Markdown, CSV or the terminal") {
    // ESC [2J clears a screen; U+202E reverses what follows; U+009B is the C1 form of ESC [.
    using namespace std::string_literals;
    const std::string evil =
        "a\x1b[2Jb\u202E"
        "c\u009B"
        "31md\x7F"
        "\0"
        "e"s;
    const std::string fffd = "\xEF\xBF\xBD";
    const std::string shown = "a" + fffd + "[2Jb" + fffd + "c" + fffd + "31md" + fffd + fffd + "e";
    REQUIRE(evil.size() == 19);  // a ESC [2J b U+202E(3 bytes) c U+009B(2 bytes) 31md DEL NUL e: 1+1+3+1+3+1+2+4+1+1+1
    CHECK(visible_text(evil) == shown);
    CHECK(markdown_cell(evil) == "a" + fffd + "\\[2Jb" + fffd + "c" + fffd + "31md" + fffd + fffd + "e");
    CHECK(csv_field(evil) == shown);
    Table t;
    t.header = {"x"};
    t.rows.push_back({Cell(evil)});
    CHECK(render_terminal(t, false).find(shown) != std::string::npos);
    CHECK(render_terminal(t, false).find('\x1b') == std::string::npos);
    // tabs, line breaks and zero-width characters are text, kept by visible_text()
    CHECK(visible_text("a\tb\r\nc\u200Bd") == "a\tb\r\nc\u200Bd");
    CHECK(visible_line("a\tb\r\nc\u2028d") == "a b c d");
    CHECK(char_class(0x2066) == CharClass::bidi);
    CHECK(char_class(0x0085) == CharClass::control);
    CHECK(char_class(0xFEFF) == CharClass::invisible);
}

TEST_CASE("a CSV cell that the other separator would split into a formula is guarded there") {
    // Read by an Excel whose list separator is the other one, `x,a;=1+1` splits into `x,a` and
    // the formula `=1+1`; quoting cannot help a cell that is not first in its line.
    const CsvDialect vi = csv_dialect(CsvStyle::excel_vi);
    CHECK(csv_field("a;=1+1") == "a;'=1+1");
    CHECK(csv_field("a,=1+1", vi) == "a,'=1+1");
    CHECK(csv_field("a;=1+1", vi) == "\"a;=1+1\"");  // its own separator: quoted, not split
    CHECK(csv_field("a;@x;+y") == "a;'@x;'+y");
    CHECK(csv_field("a;-2") == "a;-2");  // a number, not a formula
    CHECK(csv_field("a, b; c") == "\"a, b; c\"");
    CHECK(csv_field("4,84", vi) == "4,84");
    CHECK(csv_field("-0,26", vi) == "-0,26");
    CHECK(csv_field("a\t=1") == "\"a\t=1\"");
}

TEST_CASE("terminal tables align by display width, not bytes") {
    Table t;
    t.header = {"name", "n"};
    t.align = {Align::left, Align::right};
    t.rows.push_back({Cell("Đảm bảo"), Cell("1")});
    // "Đảm bảo" in NFD: more code points, the same width
    t.rows.push_back({Cell("D\xCC\x9B"
                           "a\xCC\x89m"),
                      Cell("22")});
    t.rows.push_back({Cell("ab"), Cell("333")});
    std::string out = render_terminal(t, false);
    CHECK(out ==
          "name       n\n"
          "───────  ───\n"
          "Đảm bảo    1\n"
          "D\xCC\x9B"
          "a\xCC\x89m       22\n"
          "ab       333\n");
}

TEST_CASE("colour codes wrap the text of styled cells only when asked") {
    Table t;
    t.header = {"s"};
    t.rows.push_back({Cell("met", Style::good)});
    CHECK(render_terminal(t, false).find('\x1b') == std::string::npos);
    CHECK(render_terminal(t, true).find("\x1b[32mmet\x1b[0m") != std::string::npos);
}

TEST_CASE("terminal cells are one line: tabs and line breaks become spaces") {
    Table t;
    t.header = {"text", "n"};
    t.rows.push_back({Cell("a\tb\nc"), Cell("1")});
    CHECK(render_terminal(t, false) == "text   n\n─────  ─\na b c  1\n");
}
