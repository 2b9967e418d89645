#include <doctest/doctest.h>

#include "pgi/text.hpp"

using namespace pgi;

TEST_CASE("invalid UTF-8 is found at its first bad byte") {
    CHECK(!first_invalid_utf8("Lạng Sơn"));
    CHECK(first_invalid_utf8("ab\xff") == 2u);
    CHECK(first_invalid_utf8("\xC0\x80") == 0u);          // overlong NUL
    CHECK(first_invalid_utf8("x\xED\xA0\x80") == 1u);     // UTF-16 surrogate
    CHECK(first_invalid_utf8("L\xe1\xba") == 1u);         // truncated sequence
}

TEST_CASE("NFD text is detected and composed to NFC") {
    const std::string nfd = "Ta\xCC\x80i nguye\xCC\x82n";  // "Tài nguyên" decomposed
    CHECK(!is_nfc(nfd));
    CHECK(to_nfc(nfd) == "Tài nguyên");
    CHECK(is_nfc("Tài nguyên"));
    CHECK(is_nfc("ascii"));
    CHECK(!is_nfc("\xE2\x84\xAB"));        // U+212B ANGSTROM SIGN, a singleton: NFC is U+00C5
    CHECK(!is_nfc("a\xCC\x80"));            // a + combining grave: NFC is U+00E0
    CHECK(is_nfc("\xC3\xA0\xCC\xA3") == (to_nfc("\xC3\xA0\xCC\xA3") == "\xC3\xA0\xCC\xA3"));
}

TEST_CASE("display width ignores combining marks") {
    CHECK(display_width("Lạng Sơn") == 8);
    CHECK(display_width("L\x61\xCC\xA3ng") == 4);
    CHECK(display_width("─") == 1);
    CHECK(code_point_count("Lạng") == 4);
}

TEST_CASE("ids are ASCII slugs of Vietnamese names") {
    CHECK(ascii_slug("Phòng Tài nguyên và Môi trường") == "phong-tai-nguyen-va-moi-truong");
    CHECK(ascii_slug("Đảm bảo tuân thủ") == "dam-bao-tuan-thu");
    CHECK(ascii_slug("UBND các phường, xã") == "ubnd-cac-phuong-xa");
    CHECK(ascii_slug("Trung tâm Văn hóa - Thể thao") == "trung-tam-van-hoa-the-thao");
    CHECK(ascii_slug("  --Ban Chỉ huy Quân sự!  ") == "ban-chi-huy-quan-su");
}

TEST_CASE("line and column of a byte offset count code points") {
    std::string text = "ab\nLạng x";
    auto lc = line_column_at(text, text.find('x'));
    CHECK(lc.line == 2);
    CHECK(lc.column == 6);
}

TEST_CASE("edit distance") {
    CHECK(edit_distance("tittle", "title") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("same", "same") == 0);
}
