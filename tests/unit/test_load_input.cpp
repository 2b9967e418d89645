// Careless and hostile input to the loaders (issue 14): values are checked as written, never
// coerced; empty values are reported at their key; misleading library messages get a hint.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "helpers.hpp"
#include "pgi/io.hpp"
#include "pgi/text.hpp"

using namespace pgi;
using pgi::test::findings;
using pgi::test::load;

namespace {

// A TOML plan with one component, one owner and one task; `task` and `baseline` are spliced in.
std::string toml_plan(const std::string& task, const std::string& baseline_score = "4.84",
                      const std::string& baseline_year = "2023") {
    return "pgi = 1\n[plan]\nissuer = \"UBND\"\ntitle = \"KH\"\nperiod = { start = 2024 }\n"
           "[[components]]\nid = \"pollution\"\nname = \"A\"\nbaseline = { year = " +
           baseline_year + ", score = " + baseline_score +
           " }\n"
           "[[owners]]\nid = \"so-tnmt\"\nname = \"Sở TN&MT\"\n"
           "[[tasks]]\ncomponent = \"pollution\"\nlead = \"so-tnmt\"\n" +
           task + "\n";
}

const Diagnostic* first(const LoadResult& r, std::string_view code) {
    for (const auto& d : r.diagnostics.items())
        if (d.code == code) return &d;
    return nullptr;
}

}  // namespace

TEST_CASE("TOML values of another type are refused, not turned into text") {
    // Line 16 is the task's first line, 17 the next (header 5 lines, component 4, owner 3,
    // then [[tasks]], component, lead).
    auto num = load(toml_plan("id = 1.10\ntext = \"Việc\""), InputFormat::toml);
    CHECK(findings(num) == std::vector<std::string>{"16:6 wrong-type"});
    const Diagnostic* d = first(num, "wrong-type");
    REQUIRE(d);
    // the number as written, 1.10, not toml++'s value 1.1
    CHECK(d->message == "`id` must be text, not a number (`1.10`)");
    CHECK(d->hint == "write it as a string: id = \"1.10\"");

    auto boolean = load(toml_plan("id = \"1.10\"\ntext = true"), InputFormat::toml);
    CHECK(findings(boolean) == std::vector<std::string>{"17:8 wrong-type"});
    REQUIRE(first(boolean, "wrong-type"));
    CHECK(first(boolean, "wrong-type")->hint == "write it as a string: text = \"true\"");

    auto source = load(toml_plan("id = \"1.10\"\ntext = \"Việc\"\nsource = 2.10"), InputFormat::toml);
    CHECK(findings(source) == std::vector<std::string>{"18:10 wrong-type"});
    REQUIRE(first(source, "wrong-type"));
    CHECK(first(source, "wrong-type")->message == "`source` must be text, not a number (`2.10`)");

    // quoted, the same file loads and keeps "1.10"
    auto ok = load(toml_plan("id = \"1.10\"\ntext = \"Việc\"\nsource = \"2.10\""), InputFormat::toml);
    CHECK(findings(ok).empty());
    REQUIRE(ok.plan);
    CHECK(ok.plan->tasks[0].id == "1.10");
    CHECK(ok.plan->tasks[0].source == "2.10");
}

TEST_CASE("TOML scores take only the forms YAML takes, checked as written") {
    const char* task = "id = \"1\"\ntext = \"Việc\"";
    // accepted in both formats: 4.84, 4.8 (= 4.80), 5 (= 5.00)
    // (named members, not a structured binding: CAPTURE's lambda cannot capture a binding
    // before clang 16)
    for (const auto& c : {std::pair{"4.84", 484}, {"4.8", 480}, {"5", 500}, {"0", 0}}) {
        const char* written = c.first;
        int hundredths = c.second;
        CAPTURE(written);
        auto r = load(toml_plan(task, written), InputFormat::toml);
        CHECK(findings(r).empty());
        REQUIRE(r.plan);
        CHECK(r.plan->components[0].baseline->score == Score::from_hundredths(hundredths));
    }
    // toml++ reads each of these as a number (10, 7, 5, 10, 6.58, 6.58, inf); as written none
    // is a score with at most two decimals. Column 35 is the value in
    // `baseline = { year = 2023, score = … }` on line 9.
    for (const char* written : {"1e1", "0o7", "0b101", "1_0", "6.5_8", "6.580", "inf", "0x0A", "+6.580"}) {
        CAPTURE(written);
        auto r = load(toml_plan(task, written), InputFormat::toml);
        CHECK(findings(r) == std::vector<std::string>{"9:35 invalid-score"});
        REQUIRE(first(r, "invalid-score"));
        CHECK(first(r, "invalid-score")->message == std::string("`baseline.score` is not a score: `") + written + "`");
    }
    // YAML refuses the same spellings (its plain scalars are checked as text)
    for (const char* written : {"1e1", "0o7", "0b101", "1_0", "6.5_8", "6.580"}) {
        CAPTURE(written);
        auto r = load(std::string(pgi::test::minimal_header) +
                      "components:\n  - id: a\n    name: A\n"
                      "    baseline: {year: 2023, score: " +
                      written + "}\n");
        CHECK(findings(r) == std::vector<std::string>{"9:35 invalid-score"});
    }
    // a TOML score is a number: a string is refused, with the number to write instead
    auto comma = load(toml_plan(task, "\"6,58\""), InputFormat::toml);
    CHECK(findings(comma) == std::vector<std::string>{"9:35 wrong-type"});
    REQUIRE(first(comma, "wrong-type"));
    CHECK(first(comma, "wrong-type")->hint == "write it without quotes and with a decimal point: score = 6.58");
    // while YAML may quote a decimal comma (docs/plan-format.md)
    auto yaml_comma = load(std::string(pgi::test::minimal_header) +
                           "components:\n  - {id: a, name: A, baseline: {year: 2023, score: \"6,58\"}}\n");
    CHECK(findings(yaml_comma).empty());
    REQUIRE(yaml_comma.plan);
    CHECK(yaml_comma.plan->components[0].baseline->score == Score::from_hundredths(658));
}

TEST_CASE("TOML whole numbers and dates are checked as written") {
    // `year = 0o3747` is 2023 to toml++ (3·512 + 7·64 + 4·8 + 7); `2023.0` is a float; `2_023` has an underscore
    for (const char* written : {"0o3747", "2023.0", "2_023"}) {
        CAPTURE(written);
        auto r = load(toml_plan("id = \"1\"\ntext = \"Việc\"", "4.84", written), InputFormat::toml);
        CHECK(findings(r) == std::vector<std::string>{"9:21 wrong-type"});
        REQUIRE(first(r, "wrong-type"));
        CHECK(first(r, "wrong-type")->message ==
              std::string("`baseline.year` must be a whole number, not `") + written + "`");
    }
    // a due year written as a TOML number is not coerced to the partial date 2024
    auto due = load(toml_plan("id = \"1\"\ntext = \"Việc\"\ndue = 2024"), InputFormat::toml);
    CHECK(findings(due) == std::vector<std::string>{"18:7 wrong-type"});
    REQUIRE(first(due, "wrong-type"));
    CHECK(first(due, "wrong-type")->hint == "write YYYY-MM-DD; in TOML a year or a month is a string: due = \"2024\"");
}

TEST_CASE("an empty YAML value is reported at its own key as empty") {
    // `lead:` on line 11 of 13, `due:` the last line: yaml-cpp places both empty values at the
    // next token (line 12, and line 14 past the end of the file)
    auto r = load(std::string(pgi::test::minimal_header) +
                  "components: [{id: a, name: A}]\n"
                  "owners: [{id: o, name: O}]\n"
                  "tasks:\n"
                  "  - id: t1\n"
                  "    component: a\n"
                  "    lead:\n"
                  "    text: Việc\n"
                  "    due:\n");
    CHECK(findings(r) == std::vector<std::string>{"11:5 invalid-value", "13:5 invalid-value"});
    REQUIRE(r.diagnostics.items().size() == 2);
    CHECK(r.diagnostics.items()[0].message == "`lead` is empty");
    CHECK(r.diagnostics.items()[1].message == "`due` is empty");
}

TEST_CASE("a YAML value cut short by ` #` warns that the rest was a comment") {
    auto r = load(std::string(pgi::test::minimal_header) +
                  "components: [{id: a, name: A}]\n"
                  "owners: [{id: o, name: O}]\n"
                  "tasks:\n"
                  "  - id: t1\n"
                  "    component: a\n"
                  "    lead: o\n"
                  "    text: Mục tiêu #1 năm 2024\n"
                  "    note: văn bản #45   # a comment on purpose after it is fine\n");
    // "    text: Mục tiêu " is 19 code points: the `#` is at column 20
    CHECK(findings(r) == std::vector<std::string>{"12:20 comment-in-value", "13:19 comment-in-value"});
    REQUIRE(r.plan);
    CHECK(r.plan->tasks[0].text == "Mục tiêu");
    const Diagnostic* d = first(r, "comment-in-value");
    REQUIRE(d);
    CHECK(d->hint == "if it belongs to the value, quote the whole value: \"Mục tiêu #1 năm 2024\"");

    // comments written as comments (a space after `#`), quoted values and `#` inside a word
    // are not warned about
    auto ok = load(std::string(pgi::test::minimal_header) +
                   "components: [{id: a, name: A}]   # four in the real plan\n"
                   "owners: [{id: o, name: O}]\n"
                   "tasks:\n"
                   "  - id: t1   # first\n"
                   "    component: a\n"
                   "    lead: o\n"
                   "    text: \"Mục tiêu #1 năm 2024\"\n"
                   "    note: C# và F#\n");
    CHECK(findings(ok).empty());
}

namespace {

// Bytes of a legacy 8-bit encoding as Windows-1252 shows them, saved as UTF-8: each byte
// 0xA0-0xFF becomes the Latin-1 character of that number (the encodings' letters used here
// are all in that range).
std::string as_windows_1252(std::string_view bytes) {
    std::string out;
    for (unsigned char b : bytes) {
        if (b < 0x80) {
            out += static_cast<char>(b);
        } else {
            out += static_cast<char>(0xC0 | (b >> 6));
            out += static_cast<char>(0x80 | (b & 0x3F));
        }
    }
    return out;
}

}  // namespace

TEST_CASE("text in TCVN3 or VNI re-saved as UTF-8 is recognised from the encodings' byte tables") {
    // TCVN3 (ABC): ò 0xDF, à 0xB5, ê 0xAA, ô 0xAB, ư 0xAD, ờ 0xEA, í 0xDD, ề 0xD2, ỉ 0xD8, ạ 0xB9,
    // ơ 0xAC, đ 0xAE. `iconv -f TCVN5712-1` turns these bytes back into the text in the comment.
    CHECK(guess_legacy_vietnamese(as_windows_1252("Ph\xDFng T\xB5i nguy\xAAn v\xB5 M\xABi tr\xAD\xEAng")) ==
          LegacyEncoding::tcvn3);  // Phòng Tài nguyên và Môi trường
    CHECK(guess_legacy_vietnamese(as_windows_1252("Ch\xDDnh quy\xD2n t\xD8nh L\xB9ng S\xACn")) ==
          LegacyEncoding::tcvn3);  // Chính quyền tỉnh Lạng Sơn
    CHECK(guess_legacy_vietnamese(as_windows_1252("\xAE\xE3ng g\xE9p")) == LegacyEncoding::none);  // one word only
    // VNI: a base letter then a mark byte: ệ = e 0xE4, ạ = a 0xEF, ả = a 0xFB, ỉ = 0xE6, Ủ = U 0xDB,
    // â = a 0xE2, ơ = 0xF4, ư = 0xF6, đ = 0xF1, ờ = o 0xF8 after ơ
    CHECK(guess_legacy_vietnamese(as_windows_1252("U\xDBy ban nha\xE2n da\xE2n t\xE6nh La\xEFng S\xF4n")) ==
          LegacyEncoding::vni);  // Ủy ban nhân dân tỉnh Lạng Sơn
    CHECK(guess_legacy_vietnamese(as_windows_1252("Vie\xE4t Nam \xF1\xF6\xF4\xF8ng")) ==
          LegacyEncoding::vni);  // Việt Nam đường
    CHECK(guess_legacy_vietnamese(as_windows_1252("Ke\xE1 hoa\xEF"
                                                  "ch ca\xFBi thie\xE4n ch\xE6 so\xE1 xanh")) ==
          LegacyEncoding::vni);  // Kế hoạch cải thiện chỉ số xanh

    // never for English, Vietnamese in Unicode, or Latin-1 words of other languages
    for (const char* text :
         {"Improve the Provincial Green Index", "Phòng Tài nguyên và Môi trường", "Chính quyền tỉnh Lạng Sơn",
          "Hoà Bình, Hoà An, Hoà Vang, Thuý Kiều", "Müller GmbH, Gemäß der Straße, über", "naïve Zoë and Noël",
          "30°C, ©2024 VCCI®", "«Bonjour» «Salut»", "Thành phố Hồ Chí Minh", "Sở Tài chính; Sở Kế hoạch và Đầu tư",
          "10µg/m³ PM2.5, ±5%", "café crème brûlée à la carte"}) {
        CAPTURE(text);
        CHECK(guess_legacy_vietnamese(text) == LegacyEncoding::none);
    }
}

TEST_CASE("the loader warns legacy-encoding-text at the value, and never on the fixtures or the seed text") {
    LoadResult r = load_plan_file(pgi::test::fixture("plans/warn_legacy_encoding.yaml")).value();
    validate_loaded(r);
    CHECK(findings(r) == std::vector<std::string>{"6:11 legacy-encoding-text", "7:10 legacy-encoding-text"});
    REQUIRE(r.diagnostics.items().size() == 2);
    CHECK(r.diagnostics.items()[0].message ==
          "the text looks like TCVN3 (ABC, .VnTime fonts) saved as UTF-8: `UBND thµnh phè L¹ng S¬n`");
    CHECK(r.diagnostics.items()[1].message.find("VNI") != std::string::npos);

    // every line of every text fixture and example (the seed plan's text among them): no guess
    std::size_t lines = 0;
    for (const char* root : {PGI_FIXTURES_DIR, PGI_EXAMPLES_DIR}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
            if (!entry.is_regular_file() || entry.path().filename() == "warn_legacy_encoding.yaml") continue;
            auto text = read_file(entry.path());
            if (!text || first_invalid_utf8(*text)) continue;  // binary and deliberately broken files
            std::size_t start = 0;
            while (start < text->size()) {
                std::size_t end = text->find('\n', start);
                if (end == std::string::npos) end = text->size();
                std::string_view line(text->data() + start, end - start);
                CAPTURE(entry.path().string());
                CAPTURE(line);
                CHECK(guess_legacy_vietnamese(line) == LegacyEncoding::none);
                ++lines;
                start = end + 1;
            }
        }
    }
    CHECK(lines > 3000);  // about 4,000 lines today, the seed text (tests/fixtures/seed) among them
}

TEST_CASE("library errors get a message and hint about their real cause") {
    struct Case {
        const char* name;
        std::string text;
        InputFormat format;
        std::string expected;  // `line:col code`
        std::string message;   // a part of the message
    };
    const std::string h = pgi::test::minimal_header;      // 5 lines
    const std::string comp = "components:\n  - id: a\n";  // lines 6-7; line 8 is the value under test
    const Case cases[] = {
        {"tab indentation", "pgi: 1\nplan:\n\tissuer: U\n  title: T\n", InputFormat::yaml, "3:1 syntax",
         "a tab in the indentation"},
        {"no-break space indentation", "pgi: 1\nplan:\n  issuer: U\n\xC2\xA0 title: T\n", InputFormat::yaml,
         "4:1 syntax", "no-break space"},
        {"`: ` in a value", h + comp + "    name: Mục tiêu: giảm ô nhiễm\n", InputFormat::yaml, "8:11 syntax",
         "`: ` inside the value of `name`"},
        {"value starting with @", h + comp + "    name: @home\n", InputFormat::yaml, "8:11 syntax",
         "cannot start with `@`"},
        {"value starting with *", h + comp + "    name: *x\n", InputFormat::yaml, "8:11 syntax", "YAML alias"},
        {"value starting with - ", h + comp + "    name: - x\n", InputFormat::yaml, "8:11 syntax", "list item"},
        {"value starting with [", h + comp + "    name: [Giai đoạn 1] làm\n", InputFormat::yaml, "8:11 syntax",
         "read as a list"},
        {"non-ASCII bare TOML key", "pgi = 1\n[plan]\nissuê = \"U\"\n", InputFormat::toml, "3:5 syntax",
         "`issuê` is not a bare TOML key"},
        {"TOML partial date", "pgi = 1\n[plan]\nissuer = \"U\"\nissued = 2024-08\n", InputFormat::toml, "4:17 syntax",
         "`issued = 2024-08`: a TOML date needs a year, a month and a day"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto r = load(c.text, c.format);
        REQUIRE(r.diagnostics.items().size() >= 1);
        const Diagnostic& d = r.diagnostics.items()[0];
        CHECK(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " + d.code == c.expected);
        CHECK(d.message.find(c.message) != std::string::npos);
        CHECK(!d.hint.empty());
    }
}

TEST_CASE("YAML merge keys, a decimal comma in {…} and invisible characters in keys are named") {
    const std::string h = pgi::test::minimal_header;
    auto merge = load(h + "components:\n  - id: a\n    <<: {name: A}\n");
    const Diagnostic* d = first(merge, "unknown-key");
    REQUIRE(d);
    CHECK(d->message == "YAML merge keys (`<<`) are not supported in plan files");

    // `{year: 2023, score: 6,58}` is `score: 6` and a key `58`
    auto comma = load(h + "components:\n  - {id: a, name: A, baseline: {year: 2023, score: 6,58}}\n");
    d = first(comma, "unknown-key");
    REQUIRE(d);
    CHECK(d->message == "`score: 6,58` inside `{…}` is read as `score: 6` and a key `58`: the comma ends the value");
    CHECK(d->hint == "write a decimal point, score: 6.58, or quote the number: score: \"6,58\"");

    // a zero-width space inside `issuer`, and a byte-order mark before `title`
    auto zw = load(
        "pgi: 1\nplan:\n  iss\xE2\x80\x8Buer: U\n  \xEF\xBB\xBFtitle: T\n  period: {start: 2024}\n"
        "components: [{id: a, name: A}]\n");
    std::vector<std::string> messages;
    for (const auto& x : zw.diagnostics.items())
        if (x.code == "unknown-key") messages.push_back(x.message);
    CHECK(messages ==
          std::vector<std::string>{"key `issuer` holds an invisible character (U+200B), so it is not the key `issuer`",
                                   "key `title` holds an invisible character (U+FEFF), so it is not the key `title`"});
}

TEST_CASE("a UTF-16 file is named as such, with the iconv command") {
    std::string le("\xFF\xFEp\0g\0i\0:\0 \0001\0\n\0", 16);
    auto r = load_plan_text(le, "plan.yaml", InputFormat::yaml);
    REQUIRE(r.diagnostics.items().size() == 1);
    CHECK(r.diagnostics.items()[0].message == "the file is in UTF-16 (little-endian), not UTF-8");
    CHECK(r.diagnostics.items()[0].hint.find("iconv -f UTF-16 -t UTF-8 plan.yaml") != std::string::npos);
    std::string be_no_bom("\0p\0g\0i\0:\0 \0001\0\n", 14);
    auto b = load_plan_text(be_no_bom, "plan.yaml", InputFormat::yaml);
    REQUIRE(b.diagnostics.items().size() == 1);
    CHECK(b.diagnostics.items()[0].message == "the file is in UTF-16 (big-endian), not UTF-8");
    CHECK(b.diagnostics.items()[0].hint.find("iconv -f UTF-16BE") != std::string::npos);
}
