#include <doctest/doctest.h>

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
    CHECK(render_csv_records({{"a"}, {"b", "c"}}, vi, true, true) == "\xEF\xBB\xBF" "a;\r\nb;c\r\n");
}

TEST_CASE("Markdown cells escape pipes, line breaks and emphasis characters") {
    CHECK(markdown_cell("a | b") == "a \\| b");
    CHECK(markdown_cell("one\ntwo") == "one<br>two");
    CHECK(markdown_cell("one\r\ntwo") == "one<br>two");
    CHECK(markdown_cell("*x* _y_") == "\\*x\\* \\_y\\_");
    CHECK(markdown_cell("<b>") == "\\<b\\>");
}

TEST_CASE("terminal tables align by display width, not bytes") {
    Table t;
    t.header = {"name", "n"};
    t.align = {Align::left, Align::right};
    t.rows.push_back({Cell("Đảm bảo"), Cell("1")});
    // "Đảm bảo" in NFD: more code points, the same width
    t.rows.push_back({Cell("D\xCC\x9B" "a\xCC\x89m"), Cell("22")});
    t.rows.push_back({Cell("ab"), Cell("333")});
    std::string out = render_terminal(t, false);
    CHECK(out ==
          "name       n\n"
          "───────  ───\n"
          "Đảm bảo    1\n"
          "D\xCC\x9B" "a\xCC\x89m       22\n"
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
