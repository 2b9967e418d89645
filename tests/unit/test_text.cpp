#include <doctest/doctest.h>

#include <ios>

#include "pgi/text.hpp"

using namespace pgi;

TEST_CASE("invalid UTF-8 is found at its first bad byte") {
    CHECK(!first_invalid_utf8("Lạng Sơn"));
    CHECK(first_invalid_utf8("ab\xff") == 2u);
    CHECK(first_invalid_utf8("\xC0\x80") == 0u);       // overlong NUL
    CHECK(first_invalid_utf8("x\xED\xA0\x80") == 1u);  // UTF-16 surrogate
    CHECK(first_invalid_utf8("L\xe1\xba") == 1u);      // truncated sequence
}

TEST_CASE("NFD text is detected and composed to NFC") {
    const std::string nfd = "Ta\xCC\x80i nguye\xCC\x82n";  // "Tài nguyên" decomposed
    CHECK(!is_nfc(nfd));
    CHECK(to_nfc(nfd) == "Tài nguyên");
    CHECK(is_nfc("Tài nguyên"));
    CHECK(is_nfc("ascii"));
    CHECK(!is_nfc("\xE2\x84\xAB"));  // U+212B ANGSTROM SIGN, a singleton: NFC is U+00C5
    CHECK(!is_nfc("a\xCC\x80"));     // a + combining grave: NFC is U+00E0
    CHECK(is_nfc("\xC3\xA0\xCC\xA3") == (to_nfc("\xC3\xA0\xCC\xA3") == "\xC3\xA0\xCC\xA3"));
}

TEST_CASE("an NFC-inert code point never changes under NFC, whatever surrounds it") {
    CHECK(nfc_inert(U'a'));
    CHECK(nfc_inert(0x1EA1));          // ạ, precomposed
    CHECK(nfc_inert(0x0111));          // đ
    CHECK_FALSE(nfc_inert(0x0301));    // combining acute: composes with what precedes it
    CHECK_FALSE(nfc_inert(0x212B));    // ANGSTROM SIGN: a singleton, NFC is U+00C5
    CHECK_FALSE(nfc_inert(0x1161));    // a conjoining Hangul vowel
    CHECK_FALSE(nfc_inert(0x110000));  // not a code point
    // Every BMP code point the table calls inert stays put between two letters under NFC (the
    // property the loaders rely on to skip is_nfc).
    int inert = 0;
    for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        if (!nfc_inert(cp)) continue;
        ++inert;
        std::string one;  // UTF-8 of a BMP code point
        if (cp < 0x800) {
            one += static_cast<char>(0xC0 | (cp >> 6));
        } else {
            one += static_cast<char>(0xE0 | (cp >> 12));
            one += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        }
        one += static_cast<char>(0x80 | (cp & 0x3F));
        std::string text = "a" + one + "a";
        if (to_nfc(text) != text) FAIL_CHECK("U+" << std::hex << static_cast<unsigned>(cp) << " is not inert");
    }
    CHECK(inert > 60000);
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

TEST_CASE("edit distance counts a swap of neighbours as one edit, in code points") {
    CHECK(edit_distance("gpa", "gap") == 1);  // one swap (Levenshtein would say 2)
    CHECK(edit_distance("laed", "lead") == 1);
    CHECK(edit_distance("Sơn", "Son") == 1);  // ơ is one code point (two bytes) → 1 substitution
    CHECK(edit_distance("abc", "ca") == 3);   // OSA, not full Damerau: no edit of a swapped pair
}

TEST_CASE("decode_utf8: one code point, its size, and invalid bytes one at a time") {
    // "ạ" is U+1EA1, E1 BA A1 in UTF-8
    auto a = decode_utf8("L\xE1\xBA\xA1ng", 1);
    CHECK(a.valid);
    CHECK(a.code_point == U'\u1EA1');
    CHECK(a.size == 3u);
    auto ascii = decode_utf8("L", 0);
    CHECK((ascii.valid && ascii.code_point == U'L' && ascii.size == 1u));
    auto stray = decode_utf8("\x80x", 0);  // a continuation byte alone
    CHECK((!stray.valid && stray.code_point == U'\uFFFD' && stray.size == 1u));
    auto cut = decode_utf8("\xE1\xBA", 0);  // a 3-byte sequence cut after 2
    CHECK((!cut.valid && cut.size == 1u));
    auto overlong = decode_utf8("\xC0\x80", 0);
    CHECK(!overlong.valid);
    auto end = decode_utf8("ab", 2);
    CHECK((end.size == 0u && !end.valid));
    CHECK(code_point_count("\x80\x80") == 2u);  // invalid bytes count 1 each
}

TEST_CASE("did_you_mean: the nearest candidate within min(3, n/3) edits") {
    const std::vector<std::string_view> commands{"validate", "gap", "rank", "import", "tasks", "report"};
    CHECK(did_you_mean("gpa", commands) == "gap");        // n = 3: limit 1; one swap
    CHECK(did_you_mean("reprot", commands) == "report");  // n = 6: limit 2; one swap
    CHECK(did_you_mean("valdate", commands) == "validate");
    CHECK(!did_you_mean("xyz", commands));                                          // "gap" is 3 edits away, limit 1
    CHECK(!did_you_mean("t9", std::vector<std::string_view>{"t1", "t2"}));          // n = 2: limit 0
    CHECK(did_you_mean("t1", std::vector<std::string_view>{"t1", "t2"}) == "t1");   // exact
    CHECK(did_you_mean("t10", std::vector<std::string_view>{"t1", "t2"}) == "t1");  // n = 3: limit 1
    // n = 10: limit 3; "compliance" is one swap away, "completion" further
    CHECK(did_you_mean("complaince", std::vector<std::string_view>{"completion", "compliance"}) == "compliance");
    // ties go to the first candidate: "cat" is 1 from both
    CHECK(did_you_mean("cat", std::vector<std::string_view>{"bat", "car"}) == "bat");
    CHECK(did_you_mean("gap", commands) == "gap");
}
